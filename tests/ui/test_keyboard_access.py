"""Keyboard and switch access: Tab/Backtab and arrows reach every control in reading
order, Enter and Space operate it, the focus shows and is scrolled into view."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt

from tests.ui.audit import is_control, visible_rect, walk

Key = Qt.Key


def controls(d, roots) -> list:
    return [i for r in roots for i in walk(r) if is_control(i) and i.activeFocusOnTab()]


def cycle(d, key=Key.Key_Tab, modifiers=Qt.KeyboardModifier.NoModifier, limit=200) -> list:
    """Press `key` until the focus comes back to where it started; the items it visited."""
    seen = []
    for _ in range(limit):
        d.press(key, modifiers)
        item = d.focused()
        if seen and item is seen[0]:
            return seen
        seen.append(item)
    raise AssertionError("the focus never came back round")


def move_focus_to(d, name: str, key=Key.Key_Tab, limit: int = 40) -> None:
    """Press `key` until `name` has the focus (each step as a keyboard user would)."""
    for _ in range(limit):
        d.press(key)
        if d.focused() is not None and d.focused().objectName() == name:
            return
    raise AssertionError(f"{name} never got the focus")


def on_screen(d, item) -> bool:
    window = QRectF(0, 0, d.window.width(), d.window.height())
    return not visible_rect(item, window).isEmpty()


def test_attract_then_home_by_keyboard_in_reading_order(kiosk):
    kiosk.press(Key.Key_Tab)
    assert kiosk.focused().objectName() == "touchToStart"
    kiosk.press(Key.Key_Return)
    kiosk.wait_for("homeScreen")
    bar, screen = kiosk.find("topBar"), kiosk.find("screenLoader")
    order = cycle(kiosk)
    expected = controls(kiosk, [bar, screen])
    assert {id(i) for i in order} >= {id(i) for i in expected}, "Tab reaches every control"
    # Reading order: the top bar first, then the page from top to bottom.
    names = [i.objectName() for i in order]
    assert names.index("helpButton") < names.index("homeSearch")
    tops = [
        i.mapToItem(screen, QPointF(0, 0)).y() + screen.property("item").property("contentY")
        for i in order
        if screen.isAncestorOf(i)
    ]
    assert tops == sorted(tops)
    # Backtab goes the same way back (the 'More below' cue comes and goes as it scrolls).
    back = cycle(kiosk, Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    cue = "moreBelowButton"
    back = [i for i in back if i.objectName() != cue]
    forth = [i for i in reversed(order) if i.objectName() != cue]
    assert len(back) == len(forth)
    assert all(a is b for a, b in zip(back, forth, strict=True))


def test_focus_is_scrolled_into_view_and_enter_opens(kiosk):
    kiosk.tap("touchToStart")
    kiosk.wait_for("homeScreen")
    last = None
    for _ in range(40):  # to the topic buttons, below the fold at first
        kiosk.press(Key.Key_Down)
        last = kiosk.focused()
        assert on_screen(kiosk, last), f"{last.objectName()} has the focus but is off screen"
        if last.objectName().startswith("topic_"):
            break
    assert last.objectName() == "topic_basics"
    kiosk.press(Key.Key_Space)
    kiosk.wait_for("questionsScreen")
    assert kiosk.backend.navigation.topic == "basics"


def test_explainer_by_arrows_and_enter(kiosk):
    kiosk.tap("touchToStart")
    kiosk.tap("explainerCard_how-it-works")
    kiosk.wait_for("explainerScreen")
    move_focus_to(kiosk, "nextPage", Key.Key_Right)
    kiosk.press(Key.Key_Return)
    kiosk.qtbot.waitUntil(lambda: kiosk.backend.navigation.page == 1)
    kiosk.press(Key.Key_Left)  # from Next, back to Previous... or what lies before it
    assert kiosk.focused() is not None and kiosk.focused().objectName() != "nextPage"


def test_display_panel_by_keyboard_keeps_the_focus_inside_then_returns_it(kiosk):
    kiosk.tap("touchToStart")
    kiosk.wait_for("homeScreen")
    move_focus_to(kiosk, "displayButton")
    kiosk.press(Key.Key_Return)
    kiosk.wait_for("displayPanel")
    assert kiosk.focused().objectName() == "biggerText"  # smaller is off at 100%
    kiosk.press(Key.Key_Return)
    assert kiosk.backend.preferences.textScale == 1.25
    kiosk.press(Key.Key_Tab)
    assert kiosk.focused().objectName() == "highContrast"
    kiosk.press(Key.Key_Space)
    assert kiosk.backend.preferences.highContrast
    move_focus_to(kiosk, "closeDisplay")
    kiosk.press(Key.Key_Return)
    kiosk.qtbot.waitUntil(lambda: kiosk.find("displayPanel") is None)
    assert kiosk.focused().objectName() == "displayButton"


def test_search_field_keeps_arrows_for_the_cursor(kiosk):
    kiosk.tap("touchToStart")
    kiosk.tap("homeSearch")
    kiosk.wait_for("questionsScreen")
    # The home search box opens the field with the focus in it, ready to type.
    kiosk.qtbot.waitUntil(
        lambda: kiosk.focused() is not None and kiosk.focused().objectName() == "searchInput"
    )
    kiosk.type_keys("safe")
    kiosk.press(Key.Key_Left)
    assert kiosk.focused().objectName() == "searchInput"
    assert kiosk.focused().property("cursorPosition") == 3
    kiosk.qtbot.waitUntil(lambda: kiosk.backend.search.results.count > 0)
