"""`kiosk run` and `kiosk snapshot` with --text-scale and --high-contrast: the flags reach
the kiosk, are its start-up defaults (a reset returns to them), and every snapshot is
taken in that mode."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kiosk.cli import build_parser, run_options, snapshot_options
from kiosk.content.config import HIGH_CONTRAST
from kiosk.options import Display
from kiosk.qt import snapshot as snapshot_module
from kiosk.qt.app import Kiosk, QmlMessages, display_args
from kiosk.session.inactivity import Timings
from kiosk.stats.events import EventLog
from kiosk.system.device import no_device
from tests.mock_speech import MockReader

GOOD = Path(__file__).resolve().parents[1] / "data" / "good"


def test_flags_parse_and_bad_scales_are_refused(capsys):
    parser = build_parser()
    args = parser.parse_args(
        ["run", "--text-scale", "2", "--high-contrast", "--reduced-motion", "--lang", "es"]
    )
    assert run_options(args, GOOD, no_device()).display == Display(
        language="es", size=None, text_scale=2.0, high_contrast=True, reduced_motion=True
    )
    shot = parser.parse_args(["snapshot", "--out", "x", "--text-scale", "1.5", "--high-contrast"])
    assert (shot.text_scale, shot.high_contrast) == (1.5, True)
    for bad in ("2.5", "0.5", "nan", "big"):
        with pytest.raises(SystemExit):
            parser.parse_args(["run", "--text-scale", bad])
    assert "text" in capsys.readouterr().err


def test_run_flags_are_the_start_up_defaults(qtbot, tmp_path, fonts, qml_warnings):
    args = build_parser().parse_args(
        ["run", "--text-scale", "2", "--high-contrast", "--lang", "es", "--size", "800x1280"]
    )
    kiosk = Kiosk(
        GOOD,
        events=EventLog(tmp_path / "events.jsonl"),
        timings=Timings(60, 30),
        watch_content=False,
        reader_type=MockReader,
        **display_args(run_options(args, GOOD, no_device()).display),
    )
    try:
        backend = kiosk.backend
        assert (
            backend.preferences.textScale,
            backend.preferences.highContrast,
            backend.preferences.language,
        ) == (2.0, True, "es")
        assert backend.palette.values()["background"] == HIGH_CONTRAST["background"].default
        assert (kiosk.window.width(), kiosk.window.height()) == (800, 1280)
        backend.navigation.start()
        backend.preferences.smallerText()
        backend.preferences.setHighContrast(False)
        backend.preferences.setLanguage("en")
        kiosk.driver.reset("idle")
        assert (
            backend.preferences.textScale,
            backend.preferences.highContrast,
            backend.preferences.language,
        ) == (2.0, True, "es")
    finally:
        kiosk.close()


def test_snapshot_takes_every_picture_in_the_mode_asked_for(
    qtbot, tmp_path, fonts, qml_warnings, monkeypatch
):
    seen = []
    grab = snapshot_module.Shooter._grab

    def spy(self, name, caption):
        backend = self.kiosk.backend
        seen.append(
            (
                name,
                backend.preferences.textScale,
                backend.preferences.highContrast,
                backend.preferences.language,
            )
        )
        grab(self, name, caption)

    monkeypatch.setattr(snapshot_module.Shooter, "_grab", spy)
    # The test's own Qt message capture stays in place (qml_warnings checks our QML).
    monkeypatch.setattr(QmlMessages, "install", lambda self: None)
    out = tmp_path / "shots"
    args = build_parser().parse_args(
        [
            "snapshot",
            "--out",
            str(out),
            "--lang",
            "es",
            "--size",
            "800x1280",
            "--text-scale",
            "2",
            "--high-contrast",
            "--event-log",
            str(tmp_path / "events.jsonl"),
        ]
    )
    assert snapshot_module.snapshot(snapshot_options(args, GOOD)) == 0
    names = {name for name, *_ in seen}
    assert {"attract", "home", "display", "questions", "help", "still-there"} <= names
    assert [s for s in seen if tuple(s[1:]) != (2.0, True, "es")] == []
    home = QImage(str(out / "es-home.png"))
    assert (home.width(), home.height()) == (800, 1280)
    # The corner shows the high-contrast top bar, not the normal theme's.
    assert home.pixelColor(2, 2).name() == HIGH_CONTRAST["surface"].default.lower()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "text 200%, high contrast" in index
