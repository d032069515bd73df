"""Where the patient is and how they got there: plain Python, no Qt (unit-tested alone).

Navigation (kiosk/qt/types/navigation.py) shows this to QML; every rule about moving
between places (what Back returns to, how much is remembered, what a content change
forgets) lives here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

HISTORY_LIMIT = 20


@dataclass
class Place:
    """A screen and what it shows."""

    screen: str = "attract"
    item: str = ""  # explainer id, question id
    page: int = 0
    topic: str = ""

    def copy(self) -> Place:
        return Place(self.screen, self.item, self.page, self.topic)


@dataclass
class Route:
    """The current place and the places Back returns to (newest last)."""

    place: Place = field(default_factory=Place)
    history: list[Place] = field(default_factory=list)

    def go(self, place: Place, *, remember: bool = True) -> None:
        """Move to `place`; the place left is remembered unless it is the attract screen."""
        if remember and self.place.screen != "attract":
            self.history.append(self.place.copy())
            del self.history[:-HISTORY_LIMIT]
        self.place = place

    def home(self) -> None:
        """Home forgets the way there: Back from home has nowhere to go."""
        self.history.clear()
        self.place = Place("home")

    def back(self) -> None:
        """The last place remembered, or home when there is none."""
        if self.history:
            self.place = self.history.pop()
        else:
            self.home()

    @property
    def can_go_back(self) -> bool:
        return bool(self.history)

    def keep_only(self, exists: Callable[[Place], bool], pages: Callable[[str], int]) -> None:
        """New content: a place showing an item that is gone goes home (and is dropped from
        the history); a page past the end becomes the last page."""
        if not exists(self.place):
            self.place = Place("home")
        elif self.place.screen == "explainer":
            self.place.page = max(0, min(self.place.page, pages(self.place.item) - 1))
        self.history = [p for p in self.history if exists(p)]

    def clear(self) -> None:
        self.place = Place()
        self.history.clear()
