""" "Take this with you": the QR code on the kiosk opens exactly the exported page."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF

from kiosk.cli import main
from kiosk.outputs import paths
from tests.ui.conftest import CONTENT, make_kiosk

SITE_URL = "https://clinic.example/learn"
zbar = pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbarimg is not installed")


def content_with_site_url(tmp_path: Path, site_url: str) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(CONTENT, folder)
    config = folder / "kiosk.toml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("[clinic]\n", f'[clinic]\nsite_url = "{site_url}"\n', 1))
    return folder


@pytest.fixture
def take_home_kiosk(qtbot, tmp_path, fonts, qml_warnings):
    folder = content_with_site_url(tmp_path, SITE_URL)
    kiosk, driver = make_kiosk(
        qtbot, tmp_path, idle_timeout=60, warning=30, content=folder, size=(1280, 800)
    )
    driver.content = folder
    yield driver
    kiosk.close()


def decode_window(driver, tmp_path: Path) -> str:
    """What a phone camera reads off the screen: the window grabbed as drawn, then zbarimg."""
    shot = tmp_path / "screen.png"
    assert driver.window.grabWindow().save(str(shot))
    out = subprocess.run(
        ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(shot)],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def exported_page(tmp_path: Path, content: Path, url: str) -> Path:
    """The file in `kiosk export-site` output that `url` names."""
    site = tmp_path / "site"
    if not site.exists():
        assert main(["export-site", "--content", str(content), "--out", str(site)]) == 0
    path = url.removeprefix(SITE_URL + "/")
    return site / path / "index.html"


@zbar
def test_explainer_page_qr_is_that_page_in_that_language(take_home_kiosk, tmp_path):
    kiosk = take_home_kiosk
    kiosk.tap("touchToStart")
    kiosk.tap("language_es")
    kiosk.qtbot.waitUntil(lambda: kiosk.backend.preferences.language == "es")
    kiosk.tap("explainerCard_is-ketamine-addictive")
    kiosk.wait_for("explainerScreen")
    kiosk.tap("nextPage")
    kiosk.qtbot.waitUntil(lambda: kiosk.backend.navigation.page == 1)
    assert kiosk.find("takeHome") is None  # only visible items are found
    kiosk.tap("takeHomeButton_p1")
    kiosk.wait_for("takeHome")
    image = kiosk.find("takeHomeCode")
    kiosk.qtbot.waitUntil(lambda: image.property("paintedWidth") > 0)  # loaded
    expected = SITE_URL + "/" + paths.explainer_path("es", "is-ketamine-addictive", 1)
    assert decode_window(kiosk, tmp_path) == expected
    assert expected == "https://clinic.example/learn/es/explainers/is-ketamine-addictive/2/"
    page = exported_page(tmp_path, kiosk.content, expected)
    assert page.is_file()
    assert '<html lang="es">' in page.read_text(encoding="utf-8")
    # The big button closes it.
    kiosk.tap("takeHomeClose")
    kiosk.qtbot.waitUntil(lambda: kiosk.find("takeHome") is None)


@zbar
def test_answer_qr_and_reset_closes_it(take_home_kiosk, tmp_path):
    kiosk = take_home_kiosk
    kiosk.tap("touchToStart")
    kiosk.tap("topic_addiction")
    kiosk.wait_for("questionsScreen")
    kiosk.tap("result_0")
    kiosk.wait_for("answerScreen")
    question_id = kiosk.backend.content.answer_view.id
    kiosk.tap("takeHomeButton")
    kiosk.wait_for("takeHome")
    image = kiosk.find("takeHomeCode")
    kiosk.qtbot.waitUntil(lambda: image.property("paintedWidth") > 0)
    url = decode_window(kiosk, tmp_path)
    assert url == SITE_URL + "/" + paths.question_path("en", question_id)
    page = exported_page(tmp_path, kiosk.content, url)
    title = kiosk.backend.content.answer_view.title
    assert re.search(r"<h1>(.*?)</h1>", page.read_text(encoding="utf-8")).group(1) == (
        title.replace('"', "&quot;").replace("'", "&#x27;")
    )
    # The top bar stays usable over it: Help now is one tap away.
    kiosk.tap("helpButton")
    kiosk.qtbot.waitUntil(lambda: kiosk.backend.navigation.screen == "help")
    assert kiosk.find("takeHome") is None


@zbar
def test_idle_reset_closes_the_qr_code(qtbot, tmp_path, fonts, qml_warnings):
    folder = content_with_site_url(tmp_path, SITE_URL)
    kiosk, driver = make_kiosk(qtbot, tmp_path, idle_timeout=3, warning=2, content=folder)
    try:
        driver.tap("touchToStart")
        driver.tap("explainerCard_is-ketamine-addictive")
        driver.tap("takeHomeButton_p0")
        driver.wait_for("takeHome")
        qtbot.waitUntil(lambda: driver.backend.navigation.screen == "attract", timeout=20000)
        driver.tap("touchToStart")
        driver.tap("explainerCard_is-ketamine-addictive")
        driver.wait_for("pageOf")
        assert driver.find("takeHome") is None
        assert driver.find("takeHomeButton_p0") is not None
    finally:
        kiosk.close()


def test_no_site_url_no_button(kiosk):
    kiosk.tap("touchToStart")
    kiosk.tap("explainerCard_is-ketamine-addictive")
    kiosk.wait_for("explainerScreen")
    kiosk.wait_for("pageOf")
    assert kiosk.backend.navigation.takeHomeUrl == ""
    assert kiosk.find("takeHomeButton_p0") is None  # not shown


@zbar
def test_snapshot_pictures_the_qr_screens_when_site_url_is_set(
    qtbot, tmp_path, fonts, qml_warnings, monkeypatch
):
    from kiosk.cli import build_parser, snapshot_options
    from kiosk.qt import snapshot as snapshot_module
    from kiosk.qt.app import QmlMessages

    folder = content_with_site_url(tmp_path, SITE_URL)
    monkeypatch.setattr(QmlMessages, "install", lambda self: None)
    out = tmp_path / "shots"
    args = build_parser().parse_args(
        ["snapshot", "--out", str(out), "--lang", "es", "--event-log", str(tmp_path / "e.jsonl")]
    )
    assert snapshot_module.snapshot(snapshot_options(args, folder)) == 0
    shots = sorted(p.name for p in out.glob("*qr*.png"))
    assert len(shots) == 2, shots
    for name in shots:
        decoded = subprocess.run(
            ["zbarimg", "--quiet", "--raw", str(out / name)], capture_output=True, text=True
        ).stdout.strip()
        assert decoded.startswith(SITE_URL + "/es/"), (name, decoded)
    assert "Take this with you: " + SITE_URL in (out / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("lang", "scale", "high", "size"),
    [
        ("en", 1.0, False, (1280, 800)),
        ("es", 2.0, True, (800, 1280)),
        ("es", 2.0, False, (1920, 1080)),
    ],
)
def test_button_and_overlay_pass_the_accessibility_audit(
    qtbot, tmp_path, fonts, qml_warnings, lang, scale, high, size
):
    from tests.ui.audit import Audit

    folder = content_with_site_url(tmp_path, SITE_URL)
    kiosk, d = make_kiosk(
        qtbot,
        tmp_path,
        idle_timeout=3600,
        warning=60,
        content=folder,
        size=size,
        language=lang,
        text_scale=scale,
        high_contrast=high,
    )
    try:
        audit = Audit(kiosk.window, 7.0 if high else 4.5, [])
        d.tap("touchToStart")
        d.tap("explainerCard_getting-help")
        d.wait_for("takeHomeButton_p0")
        d.qtbot.waitUntil(lambda: abs(d.find("page_0").mapToScene(QPointF(0, 0)).x()) < 1)
        roots = [d.find("topBar"), d.find("page_0"), d.find("pageNav")]
        audit.check("explainer with its button", roots)
        d.tap("takeHomeButton_p0")
        overlay = d.wait_for("takeHome")
        audit.check("take this with you", [overlay])
        # The code is big: at least a third of the window's shorter side.
        code = d.find("takeHomeCode")
        assert code.width() >= min(size) / 3
        d.tap("takeHomeClose")
        d.qtbot.waitUntil(lambda: d.find("takeHome") is None)
        d.tap("homeButton")
        d.tap("topic_help")
        d.tap("result_0")
        d.wait_for("takeHomeButton")
        audit.check("answer with its button", [d.find("topBar"), d.find("screenLoader")])
    finally:
        kiosk.close()
    assert not audit.problems, f"{len(audit.problems)} problems:\n" + "\n".join(audit.problems)
