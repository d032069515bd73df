"""Navigation: the place shown (screen, item, page, topic) and Back, for QML.

The rules live in kiosk/qt/types/places.py (plain Python); this type checks ids against
the content in the patient's language, logs each screen and tells QML.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk.outputs.take_home import qr_data_uri, take_home_url
from kiosk.qt.types.content import Content
from kiosk.qt.types.places import Place, Route
from kiosk.qt.types.registry import provided
from kiosk.qt.types.search import Search
from kiosk.stats.events import EventLog

QML_IMPORT_NAME = "KioskCore"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger("kiosk.ui")


@QmlElement
@QmlSingleton
class Navigation(QObject):
    # placeChanged: screen, item, page or topic; itemChanged: which explainer or answer is
    # shown (a page turn must not rebuild the whole explainer).
    placeChanged = Signal()
    itemChanged = Signal()
    startRequested = Signal()  # for the session driver
    # The screen on show is about to be replaced (another item, language or a reset):
    # Main.qml lets its lists go before their models change (ExplainerScreen.release()).
    leaving = Signal()

    def __init__(
        self, content: Content, search: Search, events: EventLog, parent: QObject | None = None
    ):
        super().__init__(parent)
        self._content = content
        self._search = search
        self._events = events
        self.route = Route()

    @staticmethod
    def create(engine) -> Navigation:
        return provided(engine, Navigation)

    @property
    def place(self) -> Place:
        return self.route.place

    def go(self, place: Place, *, remember: bool = True) -> None:
        before = self.route.place.copy()
        self.route.go(place, remember=remember)
        self._arrived(before)

    def _arrived(self, before: Place) -> None:
        """A new place (not just a page turn): its content, then QML and the log."""
        now = self.route.place
        if (before.screen, before.item) != (now.screen, now.item):
            self.leaving.emit()
        self._content.show(now)
        self.itemChanged.emit()
        self.announce()

    def announce(self) -> None:
        """Tell QML and log the screen change (screen, id, page, language)."""
        place = self.route.place
        self.placeChanged.emit()
        self._content.forget_hidden()  # the screen that showed it is gone now
        self._events.emit(
            "screen",
            screen=place.screen,
            id=place.item or place.topic or None,
            page=place.page + 1 if place.screen == "explainer" else None,
            language=self._content.language,
        )

    # -- what QML reads --------------------------------------------------------------------
    def _screen(self) -> str:
        return self.route.place.screen

    screen = Property(str, _screen, notify=placeChanged)

    def _page(self) -> int:
        return self.route.place.page

    page = Property(int, _page, notify=placeChanged)

    def _topic(self) -> str:
        return self.route.place.topic

    topic = Property(str, _topic, notify=placeChanged)

    def _item(self) -> str:
        return self.route.place.item

    item = Property(str, _item, notify=placeChanged)

    def _can_go_back(self) -> bool:
        return self.route.can_go_back

    canGoBack = Property(bool, _can_go_back, notify=placeChanged)

    def _take_home_url(self) -> str:
        place = self.route.place
        site_url = self._content.catalog.config.clinic.get("site_url", "")
        return take_home_url(site_url, place.screen, self._content.language, place.item, place.page)

    # "Take this with you": the exported site's address of this page ("" = no button).
    takeHomeUrl = Property(str, _take_home_url, notify=placeChanged)

    def _take_home_code(self) -> str:
        url = self._take_home_url()
        return qr_data_uri(url) if url else ""

    takeHomeCode = Property(str, _take_home_code, notify=placeChanged)

    # -- what QML asks for -----------------------------------------------------------------
    @Slot()
    def start(self) -> None:
        """A touch on the attract screen."""
        self.startRequested.emit()
        self.go(Place("home"), remember=False)

    @Slot()
    def goHome(self) -> None:  # noqa: N802 (QML API)
        before = self.route.place.copy()
        self.route.home()
        self._arrived(before)

    @Slot()
    def back(self) -> None:
        before = self.route.place.copy()
        self.route.back()
        self._arrived(before)

    @Slot(str)
    def openExplainer(self, explainer_id: str) -> None:  # noqa: N802
        self.openExplainerAt(explainer_id, 0)

    @Slot(str, int)
    def openExplainerAt(self, explainer_id: str, page: int) -> None:  # noqa: N802
        explainer = self._content.lang.explainers.get(explainer_id)
        if explainer is None:
            log.warning("no explainer %r in %s", explainer_id, self._content.language)
            return
        page = max(0, min(page, len(explainer.pages) - 1))
        self.go(Place("explainer", explainer_id, page))

    @Slot(int)
    def setPage(self, page: int) -> None:  # noqa: N802
        place = self.route.place
        explainer = self._content.lang.explainers.get(place.item)
        if place.screen != "explainer" or explainer is None:
            return
        page = max(0, min(page, len(explainer.pages) - 1))
        if page != place.page:
            place.page = page
            self.announce()

    @Slot(str)
    def openTopic(self, topic_id: str) -> None:  # noqa: N802
        """Question browser, showing one topic ('' for all)."""
        topic = topic_id if topic_id in self._content.lang.topics else ""
        if self.route.place.screen == "questions":  # a chip: same screen, another topic
            self.route.place.topic = topic
            self._content.show(self.route.place)
            self.announce()
            return
        self._search.clear()  # coming from another screen: a new look, no old query
        self.go(Place("questions", topic=topic))

    @Slot()
    def openSearch(self) -> None:  # noqa: N802
        """The home screen's search box: the question browser with an empty query, its
        search field focused so the on-screen keyboard comes up at the first tap."""
        self._search.want_focus()
        self.openTopic("")

    @Slot(str)
    def openQuestion(self, question_id: str) -> None:  # noqa: N802
        question = self._content.lang.questions.get(question_id)
        if question is None:
            log.warning("no question %r in %s", question_id, self._content.language)
            return
        self.go(Place("answer", question_id, topic=question.topic))

    @Slot(str)
    def openLink(self, target: str) -> None:  # noqa: N802
        """Follow an internal link; anything else is ignored (a kiosk opens nothing outside)."""
        kind, _, item_id = target.partition(":")
        if kind == "explainer":
            self.openExplainer(item_id)
        elif kind == "question":
            self.openQuestion(item_id)
        elif kind == "topic":
            self.openTopic(item_id)
        else:
            log.info("ignored link %r", target)

    @Slot()
    def openHelp(self) -> None:  # noqa: N802
        if self.route.place.screen != "help":
            self.go(Place("help"))
