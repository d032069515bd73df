"""Real fingers on the kiosk (issue 12): double taps, long presses, the tap that answers
"Still there?", and A+ tapped on one spot. Every test runs twice: with touch events from a
touchscreen device (what a waiting-room panel sends) and with the mouse.

qtbot.wait(GAP) between the two taps of a double tap is input timing, not a wait for
something to finish: a double tap is two taps 100-200 ms apart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtTest import QTest

from tests.ui.conftest import GAP, HOLD, Finger, link_point, make_kiosk


@pytest.fixture(params=["touch", "mouse"])
def finger(request, kiosk, touchscreen):
    return Finger(request.param, kiosk.window, touchscreen, kiosk.qtbot)


def state(k) -> dict:
    """What a tap can change, as the patient would notice it."""
    b = k.backend
    return {
        "phase": b.session.phase,
        "screen": b.navigation.screen,
        "item": b.navigation.item,
        "page": b.navigation.page,
        "language": b.preferences.language,
        "back": b.navigation.canGoBack,
        "display": k.window.property("displayOpen"),
        "scale": b.preferences.textScale,
    }


def ready(k, name: str) -> QPoint:
    """Where the control is, once the screen has come to rest (the patient's first tap
    comes after they see it)."""
    return k.resting_center(name)


# Where each screen is arranged before the tap (through the backend: the arranging is not
# what is tested) and which of its bar controls show there.
def on_home(b):
    b.navigation.start()


def on_explainer(b):
    b.navigation.start()
    b.navigation.openExplainer("how-it-works")


def on_explainer_before_last(b):
    on_explainer(b)
    b.navigation.setPage(b.content.explainer_view.page_count - 2)


def on_explainer_last(b):
    on_explainer(b)
    b.navigation.setPage(b.content.explainer_view.page_count - 1)


def on_questions(b):
    b.navigation.start()
    b.navigation.openTopic("")


def on_answer(b):
    on_questions(b)
    b.navigation.openQuestion(b.content.questions.rows()[0]["id"])


def on_help(b):
    on_answer(b)
    b.navigation.openHelp()


TOP = ["homeButton", "backButton", "startOverButton", "displayButton", "language_es", "helpButton"]
SCREENS = {
    "home": (on_home, TOP),
    "explainer": (on_explainer, [*TOP, "prevPage", "nextPage"]),
    "explainer-before-last": (on_explainer_before_last, ["nextPage", "prevPage"]),
    "explainer-last": (on_explainer_last, ["nextPage", "prevPage"]),
    "questions": (on_questions, TOP),
    "answer": (on_answer, TOP),
    "help": (on_help, TOP),
}


def arrange(k, setup) -> None:
    b = k.backend
    b.session.startOver()
    k.window.setProperty("displayOpen", False)
    setup(b)


def shown(k, name: str) -> bool:
    item = k.find(name)
    return item is not None and item.isVisible() and item.isEnabled()


@pytest.mark.real_settle  # the guard itself, at the kiosk's 350 ms
@pytest.mark.parametrize("screen", list(SCREENS))
def test_a_double_tap_on_a_bar_control_does_what_one_tap_does(kiosk, finger, screen):
    """Help now twice never switches the language, Home twice never starts over, Next
    twice at the last page but one never leaves the guide."""
    k = kiosk
    setup, controls = SCREENS[screen]
    tried = []
    for name in controls:
        arrange(k, setup)
        if not shown(k, name):
            continue
        point = ready(k, name)
        finger.tap(point)
        once = state(k)

        arrange(k, setup)
        assert ready(k, name) == point
        finger.double_tap(point)
        assert state(k) == once, f"{name} on {screen}: a double tap did more than one tap"
        tried.append(name)
    assert len(tried) >= 2, tried


@pytest.mark.parametrize(
    ("setup", "name", "expect"),
    [
        (on_home, "explainerCard_how-it-works", lambda b: b.navigation.screen == "explainer"),
        (on_questions, "result_0", lambda b: b.navigation.screen == "answer"),
        (on_explainer, "nextPage", lambda b: b.navigation.page == 1),
        (on_answer, "helpButton", lambda b: b.navigation.screen == "help"),
    ],
    ids=["card", "row", "next", "help-now"],
)
def test_a_long_press_is_a_tap_and_shows_it_is_pressed(kiosk, finger, setup, name, expect):
    k = kiosk
    arrange(k, setup)
    point = ready(k, name)
    item = k.find(name)
    finger.press(point)
    k.qtbot.wait(HOLD)
    assert item.property("held") is True, f"{name} shows no pressed state while held"
    finger.release(point)
    assert expect(k.backend), f"a {HOLD} ms press on {name} did nothing"


def test_a_tap_elsewhere_on_a_long_press_does_nothing(kiosk, finger):
    """Press, slide off the card, let go: nothing opens (the patient changed their mind)."""
    k = kiosk
    arrange(k, on_home)
    point = ready(k, "explainerCard_how-it-works")
    item = k.find("explainerCard_how-it-works")
    finger.press(point)
    away = QPoint(point.x(), int(item.mapToScene(item.boundingRect().bottomLeft()).y()) + 8)
    if finger.kind == "touch":
        QTest.touchEvent(k.window, finger.device).move(0, away, k.window).commit()
    else:
        QTest.mouseMove(k.window, away)
    k.qtbot.wait(1)
    finger.release(away)
    assert k.backend.navigation.screen == "home"


def test_a_plus_five_times_on_one_spot_reaches_200_percent(kiosk, finger):
    k = kiosk
    arrange(k, on_home)
    k.tap("displayButton")
    point = ready(k, "biggerText")
    for _ in range(5):
        finger.tap(point)
        k.qtbot.wait(GAP)
    assert k.backend.preferences.textScale == 2.0


@pytest.fixture
def warned(qtbot, tmp_path, fonts, qml_warnings, touchscreen, request):
    """A kiosk whose warning comes quickly and lasts long enough to answer it."""
    kiosk, driver = make_kiosk(qtbot, tmp_path, idle_timeout=1.0, warning=20)
    yield driver, Finger(request.param, kiosk.window, touchscreen, qtbot)
    kiosk.close()


def wait_for_warning(k) -> None:
    k.qtbot.waitUntil(lambda: k.backend.session.phase == "warning", timeout=5000)
    k.qtbot.waitUntil(lambda: k.find("moreTimeButton").isVisible())


@pytest.mark.parametrize("warned", ["touch", "mouse"], indirect=True)
@pytest.mark.parametrize("target", ["language_es", "result_0", "key"])
def test_the_tap_that_answers_still_there_changes_nothing_else(warned, target):
    """Over a language button, a question row or a key of the on-screen keyboard."""
    k, finger = warned
    k.tap("touchToStart")
    k.tap("homeSearch")  # the questions screen with the keyboard up
    k.qtbot.waitUntil(lambda: k.backend.navigation.screen == "questions")
    if target == "key":
        keyboard = k.wait_for("keyboard")
        k.qtbot.waitUntil(lambda: keyboard.property("active"), timeout=5000)
        point = k.center(k.keyboard_key("s"))
    else:
        point = ready(k, target)
    before = state(k)
    typed = k.backend.search.text
    wait_for_warning(k)
    finger.tap(point)
    k.qtbot.waitUntil(lambda: k.find("stillThere") is None)
    assert state(k) == before | {"phase": "active"}
    assert k.backend.search.text == typed


def test_start_over_asks_once_more_before_it_ends_the_visit(kiosk, finger):
    k = kiosk
    arrange(k, on_home)
    point = ready(k, "startOverButton")
    finger.tap(point)
    assert k.backend.navigation.screen == "home"
    button = k.find("startOverButton")
    assert button.property("asking") is True
    finger.tap(ready(k, "startOverButton"))
    k.qtbot.waitUntil(lambda: k.backend.navigation.screen == "attract")


def test_page_of_and_next_follow_a_swipe_while_the_page_still_moves(kiosk, finger):
    """After a swipe, "Page N of M" shows the page coming in, and a Next tap before the
    page has come to rest goes on from that page (it used to be lost)."""
    k = kiosk
    arrange(k, on_explainer)
    pages = k.wait_for("pages")
    ready(k, "nextPage")
    k.qtbot.waitUntil(lambda: not pages.property("moving"))
    y = int(pages.mapToScene(pages.boundingRect().center()).y())
    right, left = int(pages.width() * 0.9), int(pages.width() * 0.1)
    finger.press(QPoint(right, y))
    for step in range(1, 9):
        x = right + (left - right) * step // 8
        if finger.kind == "touch":
            QTest.touchEvent(k.window, finger.device).move(0, QPoint(x, y), k.window).commit()
        else:
            QTest.mouseMove(k.window, QPoint(x, y))
        k.qtbot.wait(16)
    finger.release(QPoint(left, y))
    assert pages.property("moving"), "the page should still be sliding in"
    assert k.find("pageOf").property("text") == k.backend.content.label("page_of").format(
        page=2, count=k.backend.content.explainer_view.page_count
    )
    assert k.backend.navigation.page == 0  # the backend hears of it when the page has come to rest
    next_page = k.find("nextPage")
    k.qtbot.waitUntil(lambda: not k.settling(next_page))
    k.tap_at(k.center(next_page))
    k.qtbot.waitUntil(lambda: k.backend.navigation.page == 2 and not pages.property("moving"))
    assert pages.property("currentIndex") == 2


def test_back_to_an_answer_keeps_where_it_was_scrolled(kiosk, finger):
    k = kiosk
    arrange(k, on_answer)
    first = k.backend.navigation.item
    answer = k.wait_for("answerScreen")
    finger.tap(ready(k, "moreBelowButton"))  # read on down the answer
    k.qtbot.waitUntil(lambda: answer.property("contentY") > 0)
    scrolled = answer.property("contentY")
    k.backend.navigation.openQuestion(
        k.backend.content.questions.rows()[1]["id"]
    )  # on to another answer
    k.qtbot.waitUntil(lambda: k.backend.navigation.item != first)
    fresh = k.wait_for("answerScreen")
    assert fresh.property("contentY") == 0  # a page opened anew starts at its top
    finger.tap(ready(k, "backButton"))
    k.qtbot.waitUntil(lambda: k.backend.navigation.item == first)
    again = k.wait_for("answerScreen")
    assert again.property("contentY") == scrolled


def test_every_question_topic_shows_on_the_home_screen_without_scrolling(kiosk):
    """At 1280x800 the topics used to sit under seven cards, two "More below" taps down."""
    k = kiosk
    arrange(k, on_home)
    home = k.wait_for("homeScreen")
    ready(k, "homeSearch")
    cue = k.find("moreBelowButton")
    top = cue.mapToScene(cue.boundingRect().topLeft()).y() if cue is not None else 800
    topics = [row["id"] for row in k.backend.content.topics.rows()]
    assert topics
    for topic in topics:
        item = k.find(f"topic_{topic}")
        bottom = item.mapToScene(item.boundingRect().bottomLeft()).y()
        assert bottom <= top, f"topic {topic} is below the fold"
    assert home.property("contentY") == 0


INLINE = "explainer:iv-ketamine-and-nasal-spray"  # a link inside a sentence, page 5


def inline_link(k) -> QPoint:
    k.backend.session.startOver()
    k.backend.navigation.start()
    k.backend.navigation.openExplainerAt("what-is-ketamine-therapy", 4)
    page = k.wait_for("page_4")
    k.qtbot.waitUntil(lambda: abs(page.mapToScene(QPointF(0, 0)).x()) < 1)
    stack, text = [page], None
    while stack and text is None:
        item = stack.pop()
        if f'href="{INLINE}"' in str(item.property("text") or ""):
            text = item
        stack.extend(item.childItems())
    assert text is not None
    k.scroll_into_view(text)
    return link_point(text, INLINE)


def test_a_long_press_on_a_link_in_a_sentence_opens_it(kiosk, finger):
    k = kiosk
    point = inline_link(k)
    finger.press(point)
    k.qtbot.wait(HOLD)
    finger.release(point)
    k.qtbot.waitUntil(lambda: k.backend.navigation.item == "iv-ketamine-and-nasal-spray")


@pytest.mark.real_settle
def test_a_double_tap_on_a_link_in_a_sentence_opens_it_once(kiosk, finger):
    k = kiosk
    point = inline_link(k)
    mark = len(k.events())
    finger.double_tap(point)
    k.qtbot.waitUntil(lambda: k.backend.navigation.item == "iv-ketamine-and-nasal-spray")
    k.qtbot.wait(400)
    assert (k.backend.navigation.screen, k.backend.navigation.page) == ("explainer", 0)
    screens = [e for e in k.events()[mark:] if e["event"] == "screen"]
    assert [e["id"] for e in screens] == ["iv-ketamine-and-nasal-spray"], "opened once"
