"""The command line's namespace stops in cli.py: `kiosk run`, `snapshot` and `preview` hand
one frozen, typed options object to what they start, with the device file the command found."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from conftest import BUNDLED

from kiosk.cli import main
from kiosk.options import Display, PreviewOptions, RunOptions, SnapshotOptions


@pytest.fixture
def started(monkeypatch):
    """What each command hands on, instead of starting Qt."""
    handed: list[object] = []

    def capture(options: object) -> int:
        handed.append(options)
        return 0

    monkeypatch.setattr("kiosk.qt.app.run", capture)
    monkeypatch.setattr("kiosk.qt.snapshot.snapshot", capture)
    monkeypatch.setattr("kiosk.qt.preview.run_preview", capture)
    return handed


def test_run_hands_on_one_typed_options_object(started, tmp_path, monkeypatch):
    device = tmp_path / "device.toml"
    device.write_text(f'[device]\ncontent = "{BUNDLED}"\nstate_dir = "{tmp_path / "state"}"\n')
    monkeypatch.delenv("KIOSK_CONTENT", raising=False)
    argv = ["run", "--device", str(device), "--windowed", "--lang", "es", "--size", "800x1280"]
    argv += ["--text-scale", "1.5", "--reduced-motion", "--idle-timeout", "5", "--warning", "3"]
    argv += ["--event-log", str(tmp_path / "e.jsonl"), "--metrics-file", str(tmp_path / "m")]
    assert main(argv) == 0
    (options,) = started
    assert isinstance(options, RunOptions)
    assert options.content == BUNDLED  # from the device file
    assert options.device.path == device and options.device.state_dir == tmp_path / "state"
    assert options.display == Display(
        language="es", size=(800, 1280), text_scale=1.5, reduced_motion=True
    )
    assert (options.windowed, options.idle_timeout_s, options.warning_s) == (True, 5.0, 3.0)
    assert (options.event_log, options.metrics_file) == (tmp_path / "e.jsonl", tmp_path / "m")
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.windowed = False  # type: ignore[misc]


def test_no_subcommand_is_run_with_its_defaults(started, tmp_path, monkeypatch):
    monkeypatch.setenv("KIOSK_DEVICE", str(tmp_path / "no-such-device.toml"))
    monkeypatch.setenv("KIOSK_CONTENT", str(tmp_path))
    assert main([]) == 0
    (options,) = started
    assert options == RunOptions(content=tmp_path, device=options.device)
    assert options.device.path == tmp_path / "no-such-device.toml"


def test_snapshot_and_preview_get_their_own(started, tmp_path):
    out = tmp_path / "shots"
    assert main(["snapshot", "--content", str(BUNDLED), "--out", str(out), "--high-contrast"]) == 0
    assert (
        main(["snapshot", "--content", str(BUNDLED), "--out", str(out)] + ["--only", "a, b"]) == 0
    )
    assert main(["preview", "--content", str(BUNDLED), "--lang", "es"]) == 0
    everything, some, preview = started
    assert everything == SnapshotOptions(BUNDLED, out, Display(high_contrast=True), only=None)
    assert some.only == frozenset({"a", "b"})
    assert preview == PreviewOptions(BUNDLED, Display(language="es"))


def test_what_runs_the_kiosk_takes_no_namespace():
    import inspect

    from kiosk.qt import app, preview, snapshot

    for function, wanted in (
        (app.run, "RunOptions"),
        (snapshot.snapshot, "SnapshotOptions"),
        (preview.run_preview, "PreviewOptions"),
    ):
        (parameter,) = inspect.signature(function).parameters.values()
        assert parameter.annotation == wanted, function
    assert Path(app.__file__).read_text().count("args.") == 0
