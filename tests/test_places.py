"""Navigation's rules, in plain Python (kiosk/qt/types/places.py imports no Qt)."""

import subprocess
import sys

from kiosk.qt.types.places import HISTORY_LIMIT, Place, Route


def test_back_returns_to_the_places_left_newest_first():
    route = Route()
    route.go(Place("home"), remember=False)
    route.go(Place("explainer", "how-it-works", 2))
    route.go(Place("answer", "is-it-addictive", topic="safety"))
    assert route.can_go_back
    route.back()
    assert route.place == Place("explainer", "how-it-works", 2)
    route.back()
    assert route.place == Place("home")
    assert not route.can_go_back


def test_back_with_nothing_remembered_goes_home():
    route = Route(Place("help"))
    route.back()
    assert route.place == Place("home")


def test_the_attract_screen_is_never_remembered():
    route = Route()
    route.go(Place("home"))
    assert not route.can_go_back


def test_home_forgets_the_way_there():
    route = Route(Place("home"))
    route.go(Place("help"))
    route.home()
    assert route.place == Place("home") and not route.can_go_back


def test_history_keeps_only_the_last_places():
    route = Route(Place("home"))
    for page in range(HISTORY_LIMIT + 5):
        route.go(Place("explainer", "e", page))
    assert len(route.history) == HISTORY_LIMIT
    assert route.history[-1] == Place("explainer", "e", HISTORY_LIMIT + 3)


def test_a_place_is_remembered_as_it_was_when_left():
    route = Route(Place("home"))
    route.go(Place("explainer", "e", 1))
    route.place.page = 5  # a page turn changes the place on screen
    route.go(Place("help"))
    route.back()
    assert route.place == Place("explainer", "e", 5)
    route.place.page = 0  # turning back does not rewrite what was remembered before
    assert route.history == [Place("home")]


def test_new_content_drops_places_that_are_gone_and_clamps_pages():
    kept = {"e"}
    route = Route(Place("explainer", "e", 9), [Place("answer", "gone"), Place("home")])
    route.keep_only(lambda p: not p.item or p.item in kept, lambda item: 4)
    assert route.place == Place("explainer", "e", 3)
    assert route.history == [Place("home")]
    route = Route(Place("answer", "gone"))
    route.keep_only(lambda p: not p.item or p.item in kept, lambda item: 4)
    assert route.place == Place("home")


def test_clear_is_a_new_session():
    route = Route(Place("help"), [Place("home")])
    route.clear()
    assert route.place == Place() and route.history == []


def test_the_rules_import_no_qt():
    code = "import sys, kiosk.qt.types.places; print(any(m.startswith('PySide6') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
