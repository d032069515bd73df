"""A patient's path through the kiosk, by taps and swipes on the real window."""

from __future__ import annotations

from PySide6.QtCore import QPoint

from tests.ui.conftest import find_key, link_point


def test_tap_attract_opens_home(kiosk):
    assert kiosk.backend.navigation.screen == "attract"
    kiosk.tap("touchToStart")
    kiosk.wait_for("homeScreen")
    assert kiosk.backend.navigation.screen == "home"


def test_explainer_by_buttons_and_swipe(kiosk):
    kiosk.tap("touchToStart")
    kiosk.tap("explainerCard_how-it-works")
    kiosk.wait_for("explainerScreen")
    page_of = kiosk.wait_for("pageOf")
    assert page_of.property("text").startswith("Page 1 of ")
    kiosk.tap("nextPage")
    kiosk.qtbot.waitUntil(lambda: kiosk.backend.navigation.page == 1)
    assert page_of.property("text").startswith("Page 2 of ")
    # A finger swipe from right to left turns to the next page.
    width, height = kiosk.window.width(), kiosk.window.height()
    kiosk.swipe(QPoint(int(width * 0.8), height // 2), QPoint(int(width * 0.15), height // 2))
    kiosk.qtbot.waitUntil(lambda: kiosk.backend.navigation.page == 2)
    kiosk.tap("prevPage")
    kiosk.qtbot.waitUntil(lambda: kiosk.backend.navigation.page == 1)
    kiosk.tap("homeButton")
    kiosk.wait_for("homeScreen")


def test_last_page_offers_related_and_done(kiosk):
    kiosk.tap("touchToStart")
    kiosk.tap("explainerCard_is-ketamine-addictive")
    pages = kiosk.backend.content.explainer_view.page_count
    for page in range(1, pages):
        kiosk.tap("nextPage")
        kiosk.qtbot.waitUntil(lambda p=page: kiosk.backend.navigation.page == p)
    related = kiosk.backend.content.explainer_view.related_model.rows()
    assert related, "last page shows related questions"
    kiosk.tap(f"related_{related[0]['id']}")
    kiosk.qtbot.waitUntil(lambda: kiosk.backend.navigation.item == related[0]["id"])


def test_topic_question_and_related(kiosk):
    kiosk.tap("touchToStart")
    kiosk.tap("topic_safety")
    kiosk.wait_for("questionsScreen")
    assert kiosk.backend.navigation.topic == "safety"
    kiosk.tap("result_0")
    kiosk.wait_for("answerScreen")
    answer = kiosk.backend.content.answer_view
    assert answer.topic == "safety"
    question_id, related = answer.id, answer.related_model.rows()
    assert related, "answers link related questions"
    kiosk.tap(f"related_{related[0]['id']}")
    kiosk.qtbot.waitUntil(lambda: kiosk.backend.navigation.item == related[0]["id"])
    kiosk.tap("backButton")
    kiosk.qtbot.waitUntil(lambda: kiosk.backend.navigation.item == question_id)


def test_search_with_hardware_keys_and_empty_result(kiosk):
    kiosk.tap("touchToStart")
    kiosk.tap("homeSearch")
    kiosk.tap("searchInput")
    kiosk.type_keys("ketamin adictive")
    kiosk.qtbot.waitUntil(lambda: kiosk.backend.search.results.count > 0)
    ids = [r["id"] for r in kiosk.backend.search.results.rows()[:3]]
    assert "is-ketamine-addictive" in ids
    kiosk.tap("clearSearch")
    kiosk.qtbot.waitUntil(lambda: kiosk.backend.search.text == "")
    kiosk.tap("searchInput")
    kiosk.type_keys("zzqxv")
    kiosk.wait_for("noResults")


def test_search_on_the_virtual_keyboard(kiosk):
    kiosk.tap("touchToStart")
    kiosk.tap("homeSearch")
    kiosk.tap("searchInput")
    keyboard = kiosk.wait_for("keyboard")
    kiosk.qtbot.waitUntil(lambda: keyboard.property("active"))
    for letter in "safe":
        key = find_key(keyboard, letter)
        assert key is not None, f"no key {letter!r} on the keyboard"
        kiosk.tap_at(kiosk.center(key))
    kiosk.qtbot.waitUntil(lambda: kiosk.backend.search.text == "safe")
    assert kiosk.backend.search.results.count > 0


def test_language_switch_and_help_from_every_screen(kiosk):
    kiosk.tap("touchToStart")
    kiosk.tap("language_es")
    kiosk.qtbot.waitUntil(lambda: kiosk.backend.preferences.language == "es")
    assert kiosk.backend.content.label("home_title").startswith("¿")
    for opener in ("explainerCard_how-it-works", "homeButton", "topic_safety", "result_0"):
        kiosk.tap(opener)
        assert kiosk.wait_for("helpButton") is not None
    kiosk.tap("helpButton")
    kiosk.wait_for("helpScreen")
    numbers = [line["number"] for line in kiosk.backend.content.help_line_model.rows()]
    assert "988" in numbers and "911" in numbers


def test_screen_changes_are_logged(kiosk):
    kiosk.tap("touchToStart")
    kiosk.tap("explainerCard_how-it-works")
    kiosk.tap("nextPage")
    kiosk.qtbot.waitUntil(lambda: kiosk.backend.navigation.page == 1)
    screens = [e for e in kiosk.events() if e["event"] == "screen"]
    assert {
        "screen": "explainer",
        "id": "how-it-works",
        "page": 2,
        "language": "en",
    }.items() <= screens[-1].items()


def test_models_pass_qtmodeltester(kiosk, qtmodeltester):
    kiosk.backend.search.setText("safe")
    for model in (
        kiosk.backend.content.explainers,
        kiosk.backend.content.topics,
        kiosk.backend.content.questions,
        kiosk.backend.search.results,
    ):
        qtmodeltester.check(model)


def test_more_below_cue_scrolls_a_long_answer(kiosk):
    kiosk.tap("touchToStart")
    kiosk.backend.navigation.openQuestion("is-ketamine-addictive")  # longer than 1280x800
    answer = kiosk.wait_for("answerScreen")
    assert answer.property("contentY") == 0
    kiosk.tap("moreBelowButton")
    kiosk.qtbot.waitUntil(lambda: answer.property("contentY") > 0)
    # At the end of the page the cue goes away.
    for _ in range(10):
        if kiosk.find("moreBelowButton") is None:
            break
        kiosk.tap("moreBelowButton")
    assert kiosk.find("moreBelowButton") is None
    bottom = answer.property("contentY") + answer.height()
    assert bottom >= answer.property("contentHeight") - 1


def test_featured_question_on_the_attract_screen_opens_its_answer(kiosk):
    kiosk.tap("featured_en_is-ketamine-safe")
    kiosk.wait_for("answerScreen")
    assert kiosk.backend.navigation.item == "is-ketamine-safe"
    assert kiosk.backend.session.phase == "active"
    assert kiosk.backend.preferences.language == "en"


def test_attract_screen_speaks_every_language(kiosk):
    """Taglines, Help now and featured questions are on the first screen in each language."""
    for code, tagline in (("en", "Find clear answers"), ("es", "respuestas claras")):
        panel = kiosk.wait_for(f"attractPanel_{code}")
        texts = [c.property("text") or "" for c in panel.childItems()]
        assert any(tagline in t for t in texts), (code, texts)
        assert kiosk.on_screen(f"attractHelp_{code}") is not None, code
        assert kiosk.on_screen(f"featured_{code}_is-ketamine-safe") is not None, code
    spanish = kiosk.find("featured_es_is-ketamine-safe").property("text")
    assert spanish == "¿La ketamina es segura?"


def test_featured_question_under_spanish_opens_in_spanish(kiosk):
    kiosk.tap("featured_es_is-ketamine-addictive")
    kiosk.wait_for("answerScreen")
    assert kiosk.backend.preferences.language == "es"
    assert kiosk.backend.navigation.item == "is-ketamine-addictive"
    assert kiosk.backend.content.answer_view.title == "¿La ketamina es adictiva?"


def test_help_now_is_one_tap_from_the_attract_screen(kiosk):
    kiosk.tap("attractHelp_es")
    kiosk.wait_for("helpScreen")
    assert kiosk.backend.navigation.screen == "help"
    assert kiosk.backend.preferences.language == "es"
    assert kiosk.backend.session.phase == "active"
    assert any(line["number"] == "988" for line in kiosk.backend.content.help_line_model.rows())


def test_high_contrast_by_tap_and_back_to_default_at_reset(kiosk):
    kiosk.tap("touchToStart")
    normal = kiosk.backend.palette.values()["background"]
    kiosk.tap("displayButton")
    kiosk.tap("highContrast")
    kiosk.qtbot.waitUntil(lambda: kiosk.backend.preferences.highContrast)
    assert kiosk.backend.palette.values()["background"] != normal
    assert (
        kiosk.window.color().name().lower() == kiosk.backend.palette.values()["background"].lower()
    )
    kiosk.tap("closeDisplay")
    assert kiosk.backend.navigation.screen == "home", (
        "the tap on Close must not reach the card under it"
    )
    kiosk.start_over()
    assert not kiosk.backend.preferences.highContrast
    assert kiosk.backend.palette.values()["background"] == normal


def test_link_inside_a_sentence_opens_its_explainer(kiosk):
    kiosk.tap("touchToStart")
    kiosk.backend.navigation.openExplainerAt("what-is-ketamine-therapy", 4)
    kiosk.wait_for("explainerScreen")
    text = find_text_with_link(kiosk, "explainer:iv-ketamine-and-nasal-spray")
    assert text is not None, "page 5 has an inline link"
    kiosk.tap_at(link_point(text, "explainer:iv-ketamine-and-nasal-spray"))
    kiosk.qtbot.waitUntil(lambda: kiosk.backend.navigation.item == "iv-ketamine-and-nasal-spray")


def find_text_with_link(kiosk, target: str):
    stack = [kiosk.find("page_4")]
    while stack:
        item = stack.pop()
        if f'href="{target}"' in str(item.property("text") or ""):
            return item
        stack.extend(item.childItems())
    return None


def test_done_on_the_last_page_goes_home(kiosk):
    kiosk.tap("touchToStart")
    kiosk.tap("explainerCard_getting-help")
    last = kiosk.backend.content.explainer_view.page_count - 1
    kiosk.backend.navigation.setPage(last)
    next_button = kiosk.wait_for("nextPage")
    assert next_button.property("text") == kiosk.backend.content.label("done_button")
    kiosk.tap("nextPage")
    kiosk.wait_for("homeScreen")
