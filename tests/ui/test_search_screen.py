"""The search screen as a patient uses it: taps on the home search box and on the
on-screen keyboard's keys, in both orientations and at 100% and 200% text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF

from .conftest import make_kiosk


@pytest.fixture
def sized_kiosk(request, qtbot, tmp_path, fonts, qml_warnings):
    size, scale = request.param
    kiosk, driver = make_kiosk(
        qtbot, tmp_path, idle_timeout=60, warning=30, size=size, text_scale=scale
    )
    yield driver
    kiosk.close()


def scene_rect(item):
    top_left = item.mapToScene(QPointF(0, 0))
    return top_left.y(), top_left.y() + item.height()


def open_search(kiosk):
    """(Attract ->) home -> one tap on the home search box: the keyboard comes up."""
    if kiosk.backend.navigation.screen == "attract":
        kiosk.tap("touchToStart")
    kiosk.wait_for("homeScreen")
    kiosk.tap("homeSearch")
    keyboard = kiosk.wait_for("keyboard")
    kiosk.qtbot.waitUntil(lambda: keyboard.property("active"))
    return keyboard


@pytest.mark.parametrize(
    "sized_kiosk",
    [((1280, 800), 1.0), ((1280, 800), 2.0), ((800, 1280), 1.0), ((800, 1280), 2.0)],
    ids=["landscape-100", "landscape-200", "portrait-100", "portrait-200"],
    indirect=True,
)
def test_results_show_above_the_keyboard(sized_kiosk):
    kiosk = sized_kiosk
    keyboard = open_search(kiosk)
    kiosk.type_on_keyboard("safe")
    kiosk.qtbot.waitUntil(lambda: kiosk.backend.search.text == "safe")
    kiosk.qtbot.waitUntil(lambda: kiosk.find("result_1") is not None)
    keys_top, _ = scene_rect(keyboard)
    keys_top = min(keys_top, scene_rect(kiosk.find("keyboardLoader"))[0])
    list_top, list_bottom = scene_rect(kiosk.find("questionList"))
    assert list_bottom <= keys_top + 0.5, "the result list ends above the keyboard"
    for name in ("result_0", "result_1"):  # at least two whole results between them
        top, bottom = scene_rect(kiosk.find(name))
        assert list_top - 0.5 <= top and bottom <= keys_top + 0.5, name
    field_top, field_bottom = scene_rect(kiosk.find("searchInput"))
    assert field_bottom <= keys_top, "the search field stays above the keyboard"


def test_first_tap_on_the_home_search_box_opens_the_keyboard_with_no_old_query(kiosk):
    open_search(kiosk)
    kiosk.type_on_keyboard("safe")
    kiosk.qtbot.waitUntil(lambda: kiosk.backend.search.results.count > 0)
    kiosk.tap("result_0")
    kiosk.wait_for("answerScreen")
    kiosk.tap("homeButton")
    kiosk.wait_for("homeScreen")
    open_search(kiosk)
    assert kiosk.backend.search.text == ""
    assert kiosk.find("searchInput").property("text") == ""
    assert kiosk.find("searchInput").hasActiveFocus()
    kiosk.type_on_keyboard("cost")  # the keys type straight into the field
    kiosk.qtbot.waitUntil(lambda: kiosk.backend.search.text == "cost")


def test_a_topic_from_home_shows_its_questions_not_an_old_search(kiosk):
    open_search(kiosk)
    kiosk.type_on_keyboard("safe")
    kiosk.qtbot.waitUntil(lambda: kiosk.backend.search.results.count > 0)
    kiosk.tap("homeButton")
    kiosk.tap("topic_visit")
    kiosk.wait_for("questionsScreen")
    assert kiosk.backend.search.text == ""
    assert kiosk.find("topicChips") is not None


def test_no_verdict_while_a_word_is_still_being_typed(kiosk):
    kiosk.tap("touchToStart")
    kiosk.tap("language_es")
    kiosk.qtbot.waitUntil(lambda: kiosk.backend.preferences.language == "es")
    open_search(kiosk)  # the home screen in Spanish
    typed = ""
    for letter in "adictiva":
        kiosk.type_on_keyboard(letter)
        typed += letter
        kiosk.qtbot.waitUntil(lambda t=typed: kiosk.backend.search.text == t)
        assert kiosk.backend.search.results.count > 0, f"no results for {typed!r}"
        assert kiosk.find("noResults") is None, typed  # only visible items are found
    # A word that matches nothing yet: topics to pick, but no "could not find" verdict.
    kiosk.tap("clearSearch")
    kiosk.type_on_keyboard("xqzw")
    kiosk.qtbot.waitUntil(lambda: kiosk.backend.search.text == "xqzw")
    assert kiosk.find("noResults") is not None  # (find: visible items only)
    assert kiosk.find("noResultsTitle") is None
    assert kiosk.find("noResults").property("visible")
    # Finished (a space): now it is a verdict.
    kiosk.type_on_keyboard(" ")
    kiosk.wait_for("noResultsTitle")


def test_did_you_mean_offers_the_content_spelling(kiosk):
    open_search(kiosk)
    # Three slips: too far to correct by itself ("depresshun", two, now finds depression),
    # near enough to offer.
    kiosk.type_on_keyboard("depreshun ")
    kiosk.qtbot.waitUntil(lambda: kiosk.backend.search.suggestion == "depression")
    kiosk.tap("didYouMean")
    kiosk.qtbot.waitUntil(lambda: kiosk.backend.search.results.count > 0)
    assert kiosk.backend.search.text.strip() == "depression"


def test_a_language_switch_leaves_no_stale_query(kiosk):
    open_search(kiosk)
    kiosk.type_on_keyboard("safe")
    kiosk.qtbot.waitUntil(lambda: kiosk.backend.search.results.count > 0)
    kiosk.tap("language_es")
    kiosk.qtbot.waitUntil(lambda: kiosk.backend.preferences.language == "es")
    assert kiosk.backend.search.text == ""
    assert kiosk.backend.search.results.count == 0
    field = kiosk.wait_for("searchInput")
    kiosk.qtbot.waitUntil(lambda: field.property("text") == "")
    assert kiosk.find("noResults") is None
    # The keyboard now types Latin-American Spanish (Qt ships an es_MX layout).
    kiosk.tap("searchInput")
    keyboard = kiosk.wait_for("keyboard")
    kiosk.qtbot.waitUntil(lambda: keyboard.property("layoutLocale") == "es_MX")
    assert kiosk.keyboard_key("ñ") is not None


@pytest.mark.parametrize("high_contrast", [False, True])
def test_the_keyboard_follows_high_contrast(qtbot, tmp_path, fonts, qml_warnings, high_contrast):
    kiosk, driver = make_kiosk(
        qtbot, tmp_path, idle_timeout=60, warning=30, high_contrast=high_contrast
    )
    try:
        keyboard = open_search(driver)
        letters = keyboard.property("keyTextColour").name()
        theme = driver.backend.palette.values()
        if high_contrast:
            assert letters == theme["accent"].lower()  # the theme's yellow on black keys
            assert keyboard.property("keyColour").name() == theme["background"].lower()
        else:
            assert letters == "#ffffff"  # Qt's own style: white on dark keys
    finally:
        kiosk.close()


def test_the_keyboard_grows_with_the_text_size_where_there_is_room(
    qtbot, tmp_path, fonts, qml_warnings
):
    widths = []
    for scale in (1.0, 1.5):
        kiosk, driver = make_kiosk(
            qtbot, tmp_path, idle_timeout=60, warning=30, size=(1280, 1024), text_scale=scale
        )
        try:
            keyboard = open_search(driver)
            widths.append(keyboard.width())
            driver.type_on_keyboard("safe")  # its keys still type, at any size
            qtbot.waitUntil(lambda d=driver: d.backend.search.text == "safe")
        finally:
            kiosk.close()
    assert widths[1] > widths[0]


def test_a_keystroke_keeps_the_rows_that_stay_and_starts_the_list_at_the_top(kiosk):
    """Results change in place as the patient types: a row that stays keeps its delegate
    (no rebuild of every row per key), and the list goes back to its first row."""
    open_search(kiosk)
    kiosk.type_on_keyboard("ketamine")
    kiosk.qtbot.waitUntil(lambda: kiosk.backend.search.text == "ketamine")
    results = kiosk.backend.search.results
    kiosk.qtbot.waitUntil(lambda: kiosk.find("result_0") is not None and results.count > 3)
    first = kiosk.find("result_0")
    title = first.property("text")
    questions = kiosk.find("questionList")
    questions.setProperty("contentY", questions.property("contentY") + 120)  # read on down
    kiosk.type_on_keyboard(" ")  # the same results: the word is finished
    kiosk.qtbot.waitUntil(lambda: kiosk.backend.search.text == "ketamine ")
    kiosk.qtbot.waitUntil(lambda: questions.property("contentY") == questions.property("originY"))
    assert kiosk.find("result_0") is first and first.property("text") == title
    kiosk.type_on_keyboard("s")  # "ketamine s...": other rows, same delegates, new words
    kiosk.qtbot.waitUntil(lambda: kiosk.backend.search.text == "ketamine s")
    rows = results.rows()
    kiosk.qtbot.waitUntil(lambda: kiosk.find("result_0").property("text") == rows[0]["title"])
