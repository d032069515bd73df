"""Inactivity warning and reset, driven by real input with short timeouts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint

from tests.ui.conftest import make_kiosk


@pytest.fixture
def short(qtbot, tmp_path, fonts, qml_warnings):
    kiosk, driver = make_kiosk(qtbot, tmp_path, idle_timeout=1.5, warning=1.5)
    yield driver
    kiosk.close()


def busy_session(k):
    """Switch to Spanish, type a search, open an explainer at page 3, enlarge the text.
    (Spanish first: a language switch clears the search, and the search must outlive
    everything else the session does until the reset.)"""
    k.tap("touchToStart")
    k.tap("language_es")
    k.qtbot.waitUntil(lambda: k.backend.preferences.language == "es")
    k.tap("homeSearch")
    k.tap("searchInput")
    k.type_keys("safe")
    k.tap("homeButton")
    k.tap("explainerCard_how-it-works")
    k.tap("nextPage")
    k.tap("nextPage")
    k.qtbot.waitUntil(lambda: k.backend.navigation.page == 2)
    k.tap("displayButton")
    k.tap("biggerText")


def test_idle_warning_then_reset_leaves_no_trace(short):
    k = short
    busy_session(k)
    assert k.backend.preferences.textScale > 1.0 and k.backend.search.text == "safe"
    overlay = k.wait_for("stillThere", timeout=4000)
    countdown = k.find("countdown")
    assert int(countdown.property("text")) >= 1
    k.qtbot.waitUntil(lambda: k.backend.navigation.screen == "attract", timeout=5000)
    assert not overlay.isVisible()
    k.tap("touchToStart")
    k.wait_for("homeScreen")
    assert k.backend.preferences.language == "en"
    assert k.backend.preferences.textScale == 1.0
    assert k.backend.search.text == ""
    assert not k.backend.navigation.canGoBack
    assert k.find("displayPanel") is None
    names = [e["event"] for e in k.events()]
    assert "idle_warning" in names
    reset = [e for e in k.events() if e["event"] == "reset"][-1]
    assert reset["reason"] == "idle" and reset["ms"] >= 0


def test_tap_during_warning_keeps_the_session(short):
    k = short
    k.tap("touchToStart")
    k.tap("explainerCard_how-it-works")
    k.tap("nextPage")
    k.qtbot.waitUntil(lambda: k.backend.navigation.page == 1)
    overlay = k.wait_for("stillThere", timeout=4000)
    k.tap_at(QPoint(20, k.window.height() - 20))  # anywhere on the overlay
    k.qtbot.waitUntil(lambda: not overlay.isVisible())
    assert k.backend.navigation.screen == "explainer" and k.backend.navigation.page == 1
    k.wait_for("stillThere", timeout=4000)
    k.tap("moreTimeButton")
    k.qtbot.waitUntil(lambda: k.backend.session.phase == "active")
    assert k.backend.navigation.screen == "explainer" and k.backend.navigation.page == 1
    assert "session_extended" in [e["event"] for e in k.events()]


def test_plain_taps_keep_the_session_alive(short):
    k = short
    k.tap("touchToStart")
    k.wait_for("homeScreen")
    for _ in range(8):  # 8 x 0.5 s: well past the 1.5 s idle timeout
        k.tap("homeTitle")  # press and release, no move, on plain text
        k.qtbot.wait(500)
        assert k.backend.session.phase == "active"
    assert k.backend.navigation.screen == "home"


def test_start_over_resets_on_purpose(kiosk):
    kiosk.tap("touchToStart")
    kiosk.tap("language_es")
    kiosk.start_over()
    assert kiosk.backend.preferences.language == "en"
    assert [e for e in kiosk.events() if e["event"] == "reset"][-1]["reason"] == "start-over"


def test_broken_update_keeps_old_content_good_one_applies(qtbot, tmp_path, fonts, content_copy):
    kiosk, k = make_kiosk(
        qtbot, tmp_path, content=content_copy, idle_timeout=60, warning=30, watch_content=True
    )
    try:
        kiosk.watcher.settle.setInterval(100)
        old_version = k.backend.content.version
        target = content_copy / "en" / "explainers" / "how-it-works.md"
        original = target.read_text(encoding="utf-8")
        target.write_text(
            original.replace("---\ntitle:", "---\ntitle: [broken\n", 1), encoding="utf-8"
        )
        qtbot.waitUntil(
            lambda: any(e["event"] == "content_rejected" for e in k.events()), timeout=8000
        )
        assert k.backend.content.version == old_version
        assert any(r["id"] == "how-it-works" for r in k.backend.content.explainers.rows())
        # A good update while a patient reads waits for the reset.
        k.tap("touchToStart")
        target.write_text(original.replace("title: How", "title: Updated How", 1), encoding="utf-8")
        qtbot.waitUntil(
            lambda: any(e["event"] == "content_ready" for e in k.events()), timeout=8000
        )
        assert k.backend.content.version == old_version
        k.backend.session.startOver()
        qtbot.waitUntil(lambda: k.backend.content.version != old_version)
        titles = [r["title"] for r in k.backend.content.explainers.rows()]
        assert any(t.startswith("Updated How") for t in titles)
    finally:
        kiosk.close()
