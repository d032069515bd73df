"""Lockdown through real key and mouse events on the window, and what usage statistics keep."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from kiosk import cli
from kiosk.qt.lockdown import hide_cursor

from .conftest import make_kiosk

Key, Mod = Qt.Key, Qt.KeyboardModifier
ESCAPES = [
    (Key.Key_Escape, Mod.NoModifier),
    (Key.Key_F4, Mod.AltModifier),
    (Key.Key_Tab, Mod.AltModifier),
    (Key.Key_Q, Mod.ControlModifier),
    (Key.Key_W, Mod.ControlModifier),
    (Key.Key_F11, Mod.NoModifier),
    (Key.Key_Backspace, Mod.ControlModifier | Mod.AltModifier),
    (Key.Key_F1, Mod.ControlModifier | Mod.AltModifier),
]


@pytest.fixture
def locked(qtbot, tmp_path, fonts, qml_warnings):
    kiosk, driver = make_kiosk(
        qtbot,
        tmp_path,
        idle_timeout=60,
        warning=30,
        lockdown=True,
        usage_db=tmp_path / "usage.sqlite3",
    )
    yield driver
    kiosk.close()


def open_search(driver) -> None:
    """From the attract screen to the search field, with the keyboard focus in it."""
    for name in ("touchToStart", "homeSearch", "searchInput"):
        driver.tap(name)


def where(driver) -> tuple:
    b = driver.backend
    return (
        b.navigation.screen,
        b.navigation.item,
        b.navigation.page,
        b.navigation.topic,
        b.preferences.language,
        b.search.text,
        driver.window.isVisible(),
    )


def test_escape_keys_and_close_requests_leave_the_kiosk_unchanged(locked):
    locked.tap("touchToStart")
    locked.tap("explainerCard_how-it-works")
    locked.qtbot.waitUntil(lambda: locked.backend.navigation.screen == "explainer")
    before = where(locked)
    for key, modifiers in ESCAPES:
        QTest.keyClick(locked.window, key, modifiers)
    assert locked.kiosk.lockdown.swallowed == len(ESCAPES)
    assert locked.window.close() is False  # what a window manager's Alt+F4 asks for
    locked.qtbot.wait(50)
    assert where(locked) == before


def test_right_click_and_long_press_do_nothing(locked):
    locked.tap("touchToStart")
    card = locked.wait_for("explainerCard_how-it-works")
    point = locked.center(card)
    QTest.mouseClick(locked.window, Qt.MouseButton.RightButton, Mod.NoModifier, point)
    locked.qtbot.wait(50)
    assert locked.backend.navigation.screen == "home"
    QTest.mousePress(locked.window, Qt.MouseButton.LeftButton, Mod.NoModifier, point)
    locked.qtbot.wait(1500)  # a long press is not a tap
    QTest.mouseRelease(locked.window, Qt.MouseButton.LeftButton, Mod.NoModifier, point)
    locked.qtbot.wait(50)
    assert locked.backend.navigation.screen == "home"
    locked.tap("explainerCard_how-it-works")  # and a normal tap still works
    locked.qtbot.waitUntil(lambda: locked.backend.navigation.screen == "explainer")


def test_typing_still_works_under_lockdown(locked):
    open_search(locked)
    locked.type_keys("safe")
    locked.qtbot.waitUntil(lambda: locked.backend.search.text == "safe")
    QTest.keyClick(locked.window, Key.Key_V, Mod.ControlModifier)  # no clipboard either
    assert locked.backend.search.text == "safe"


def test_hide_cursor_blanks_the_pointer(qapp):
    hide_cursor()
    try:
        assert QGuiApplication.overrideCursor().shape() == Qt.CursorShape.BlankCursor
    finally:
        QGuiApplication.restoreOverrideCursor()


def test_a_scripted_session_shows_in_stats_without_what_was_typed(locked, tmp_path, capsys):
    open_search(locked)
    locked.type_keys("zebra giraffe")  # no answers
    QTest.keyClick(locked.window, Key.Key_Return)
    locked.tap("clearSearch")
    locked.type_keys("ketamine")
    QTest.keyClick(locked.window, Key.Key_Return)
    locked.tap("homeButton")
    locked.tap("explainerCard_how-it-works")
    locked.qtbot.waitUntil(lambda: locked.backend.navigation.screen == "explainer")
    locked.tap("homeButton")
    locked.start_over()
    locked.kiosk.usage_store.close()

    db = tmp_path / "usage.sqlite3"
    assert cli.main(["stats", "--db", str(db), "--csv", str(tmp_path / "s.csv")]) == 0
    out = capsys.readouterr().out
    assert "how-it-works" in out
    with sqlite3.connect(db) as conn:
        sessions = conn.execute("SELECT end_reason FROM sessions").fetchall()
        searches = conn.execute("SELECT had_results FROM searches ORDER BY at").fetchall()
    assert sessions == [("start-over",)]
    assert searches == [(0,), (1,)]
    stored = b"".join(p.read_bytes() for p in tmp_path.glob("usage.sqlite3*"))
    stored += (tmp_path / "s.csv").read_bytes()
    for word in (b"zebra", b"giraffe"):
        assert word not in stored.lower()
    assert b"ketamine" not in stored.replace(b"how-it-works", b"")


def test_a_corrupt_statistics_file_is_set_aside_and_counting_goes_on(
    qtbot, tmp_path, fonts, qml_warnings
):
    db = tmp_path / "usage.sqlite3"
    db.write_bytes(b"this is not a database" * 100)
    kiosk, driver = make_kiosk(qtbot, tmp_path, idle_timeout=60, warning=30, usage_db=db)
    try:
        driver.tap("touchToStart")
        driver.tap("topic_safety")
        driver.qtbot.waitUntil(lambda: driver.backend.navigation.screen == "questions")
        driver.tap("homeButton")
        driver.start_over()
    finally:
        kiosk.close()
    aside = list(tmp_path.glob("usage.sqlite3.corrupt-*"))
    assert aside and aside[0].read_bytes().startswith(b"this is not a database")
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT end_reason FROM sessions").fetchall() == [("start-over",)]


def test_a_search_counts_once_when_typing_stops_without_enter(locked):
    open_search(locked)
    locked.type_keys("zzqxv")
    searches = lambda: [e for e in locked.events() if e["event"] == "search"]  # noqa: E731
    locked.qtbot.waitUntil(lambda: len(searches()) == 1, timeout=5000)
    assert searches()[0]["results"] == 0 and "zzqxv" not in locked.log_path.read_text()
    QTest.keyClick(locked.window, Key.Key_Return)  # the same query again: not a new search
    locked.qtbot.wait(100)
    assert len(searches()) == 1
