"""The "More below" cue at 200% text on a small screen (issue 12): it has a band of its own
at the foot of the page, so it hides no text behind its button, the last line of a page
ends above it, and a tap beside the button reaches nothing hidden behind the band."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF
from PySide6.QtQuick import QQuickItem

from kiosk.qt.items import find_items
from tests.ui.conftest import HOLD, Finger, make_kiosk


@pytest.fixture
def big(qtbot, tmp_path, fonts, qml_warnings):
    """A 1024x600 tablet with text at 200%: most pages run past the fold."""
    kiosk, driver = make_kiosk(
        qtbot, tmp_path, idle_timeout=60, warning=30, size=(1024, 600), text_scale=2.0
    )
    yield driver
    kiosk.close()


@pytest.fixture(params=["touch", "mouse"])
def finger(request, big, touchscreen):
    return Finger(request.param, big.window, touchscreen, big.qtbot)


def scene_rect(item: QQuickItem) -> QRectF:
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


def band_of(k) -> QQuickItem:
    """The band of the page in view (an explainer's other pages sit beside the window)."""
    window = QRectF(0, 0, k.window.width(), k.window.height())

    def in_view() -> list[QQuickItem]:
        return [
            band
            for band in find_items(k.window, "moreBelow")
            if band.height() > 0 and window.contains(scene_rect(band))
        ]

    k.qtbot.waitUntil(lambda: len(in_view()) == 1)
    band = in_view()[0]
    k.qtbot.waitUntil(lambda: not k.settling(button_of(band)))
    return band


def button_of(band: QQuickItem) -> QQuickItem | None:
    return next(find_items(band, "moreBelowButton"), None)


def tap_more_below(k, finger, band: QQuickItem) -> None:
    button = button_of(band)
    k.qtbot.waitUntil(lambda: not k.settling(button))
    finger.tap(k.center(button))


def open_answer(k, question: str) -> QQuickItem:
    k.backend.navigation.start()
    k.backend.navigation.openQuestion(question)
    return k.wait_for("answerScreen")


def open_explainer_page(k) -> QQuickItem:
    k.backend.navigation.start()
    k.backend.navigation.openExplainer("how-it-works")
    return k.wait_for("page_0")


def open_home(k) -> QQuickItem:
    k.backend.navigation.start()
    return k.wait_for("homeScreen")


@pytest.mark.parametrize("screen", ["answer", "explainer", "home"])
def test_the_band_lets_no_text_show_through_or_beside_the_button(big, screen):
    k = big
    view = {
        "answer": lambda: open_answer(k, "someone-misusing-ketamine"),
        "explainer": lambda: open_explainer_page(k),
        "home": lambda: open_home(k),
    }[screen]()
    band = band_of(k)
    hidden = view.property("contentHeight") - view.property("contentY") - view.height()
    assert hidden > 0, "the page should run on below the band"
    picture = k.window.grabWindow()
    area = scene_rect(band)
    button = scene_rect(button_of(band)).adjusted(-3, -3, 3, 3)
    page = picture.pixelColor(int(area.right()) - 3, int(area.top()) - 3)  # the side margin
    stray = [
        (x, y)
        for y in range(int(area.top()) + 2, int(area.bottom()) - 1, 2)
        for x in range(int(area.left()), int(area.right()) - 1, 3)
        if not button.contains(QPointF(x, y)) and picture.pixelColor(x, y) != page
    ]
    assert not stray, f"{len(stray)} points of the band show the page behind it, e.g. {stray[:3]}"


def test_at_the_end_of_an_answer_its_last_control_sits_above_the_band(big, finger):
    k = big
    answer = open_answer(k, "someone-misusing-ketamine")
    band = band_of(k)
    for _ in range(20):
        if button_of(band) is None:
            break
        tap_more_below(k, finger, band)
    assert button_of(band) is None, "never reached the end"
    last = k.find("moreOnTopic")
    assert scene_rect(last).bottom() <= scene_rect(band).top()
    assert answer.property("contentY") > 0


def test_each_tap_on_more_below_keeps_the_cut_line_in_view(big, finger):
    """What was cut at the band's edge before a tap shows after it: no line is skipped."""
    k = big
    answer = open_answer(k, "someone-misusing-ketamine")
    band = band_of(k)
    while button_of(band) is not None:
        was = answer.property("contentY")
        cut = was + answer.height() - band.height()  # content y at the band's top edge
        tap_more_below(k, finger, band)
        k.qtbot.waitUntil(lambda was=was: answer.property("contentY") > was)
        assert answer.property("contentY") <= cut


def test_a_tap_on_the_band_beside_the_button_opens_nothing_behind_it(big, finger):
    k = big
    k.backend.navigation.start()
    k.backend.navigation.openTopic("")
    questions = k.wait_for("questionList")
    band = band_of(k)
    area = scene_rect(band)
    spot = QPoint(int(area.left()) + 12, int(area.center().y()))
    # Scroll until a question row lies behind the band at that spot.
    behind = None
    for _ in range(40):
        rows = [row for i in range(60) for row in find_items(questions, f"result_{i}")]
        behind = next((r for r in rows if scene_rect(r).contains(QPointF(spot))), None)
        if behind is not None:
            break
        questions.setProperty("contentY", questions.property("contentY") + 17)
        k.qtbot.wait(5)
    assert behind is not None, "no row behind the band"
    before = (k.backend.navigation.screen, k.backend.navigation.item)
    finger.tap(spot)
    k.qtbot.wait(400)
    assert (k.backend.navigation.screen, k.backend.navigation.item) == before


def test_a_drag_that_starts_on_the_band_still_scrolls_the_page(big, finger):
    """The band takes taps, not drags: a finger may start a scroll anywhere."""
    k = big
    answer = open_answer(k, "someone-misusing-ketamine")
    band = band_of(k)
    area = scene_rect(band)
    start = QPoint(int(area.left()) + 12, int(area.center().y()))
    finger.drag(start, QPoint(start.x(), start.y() - 220))
    k.qtbot.waitUntil(lambda: answer.property("contentY") > 100)
    assert k.backend.navigation.screen == "answer"


def test_a_long_press_on_more_below_scrolls_once_and_shows_it_is_held(big, finger):
    k = big
    answer = open_answer(k, "someone-misusing-ketamine")
    band = band_of(k)
    button = button_of(band)
    point = k.center(button)
    finger.press(point)
    k.qtbot.wait(HOLD)
    assert button.property("held") is True
    assert answer.property("contentY") == 0, "it acts on release, not while held"
    finger.release(point)
    k.qtbot.waitUntil(lambda: answer.property("contentY") > 0)
    scrolled = answer.property("contentY")
    k.qtbot.wait(300)
    assert answer.property("contentY") == scrolled
