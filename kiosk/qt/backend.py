"""The backend QObject: what QML shows (properties) and what it may ask for (slots).

Navigation state lives here, not in QML, so a reset is one Python call that puts every
piece of the session back to its default and the screens are rebuilt from scratch.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QObject, QTimer, QUrl, Signal, Slot

from kiosk.content.model import Block, Catalog, Language, Link, is_draft
from kiosk.outputs.take_home import qr_data_uri, take_home_url
from kiosk.qt.models import RecordListModel
from kiosk.search.index import SearchIndex
from kiosk.stats.events import EventLog

log = logging.getLogger("kiosk.ui")

TEXT_SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)
SEARCH_SETTLE_MS = 2000
LANGUAGE_NAMES = {
    "en": "English",
    "es": "Español",
    "fr": "Français",
    "pt": "Português",
    "zh": "中文",
    "vi": "Tiếng Việt",
    "ar": "العربية",
    "ru": "Русский",
}


@dataclass
class Place:
    """Where the patient is: a screen and what it shows."""

    screen: str = "attract"
    item: str = ""  # explainer id, question id
    page: int = 0
    topic: str = ""

    def copy(self) -> Place:
        return Place(self.screen, self.item, self.page, self.topic)


@dataclass
class Preferences:
    """Per-session choices; all of them go back to the clinic's defaults at reset."""

    language: str
    text_scale: float = 1.0
    high_contrast: bool = False
    reduced_motion: bool = False
    history: list[Place] = field(default_factory=list)


def block_dicts(blocks: tuple[Block, ...], root: Path) -> list[dict[str, Any]]:
    from kiosk.content.blocks import resolve_inline_images as inline

    rows = []
    for block in blocks:
        data = block.to_dict()
        if block.src:
            data["src"] = QUrl.fromLocalFile(str(root / block.src)).toString()
        # Pictures inside rich text (list items, table cells): only from the content folder.
        data["text"] = inline(data["text"], root)
        data["items"] = [inline(item, root) for item in data["items"]]
        data["header"] = [inline(cell, root) for cell in data["header"]]
        data["rows"] = [[inline(cell, root) for cell in row] for row in data["rows"]]
        rows.append(data)
    return rows


class Backend(QObject):
    # placeChanged: screen, item, page or topic; itemChanged: which explainer or answer is
    # shown (a page turn must not rebuild the whole explainer).
    placeChanged = Signal()
    itemChanged = Signal()
    languageChanged = Signal()
    preferencesChanged = Signal()
    contentChanged = Signal()
    searchChanged = Signal()
    sessionChanged = Signal()
    resetDone = Signal(str)
    # Requests for the session driver.
    startRequested = Signal()
    startOverRequested = Signal()
    moreTimeRequested = Signal()

    def __init__(
        self,
        catalog: Catalog,
        index: SearchIndex,
        events: EventLog,
        *,
        keyboard_available: bool = True,
        defaults: dict[str, Any] | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._catalog = catalog
        self._index = index
        self._events = events
        self._keyboard = keyboard_available
        self._defaults = {
            "text_scale": float(catalog.config.kiosk.get("text_scale", 1.0)),
            "high_contrast": bool(catalog.config.kiosk.get("high_contrast", False)),
            "reduced_motion": bool(catalog.config.kiosk.get("reduced_motion", False)),
            "language": catalog.config.default_language,
        }
        self._defaults.update(defaults or {})
        self._prefs = self._default_prefs()
        self._place = Place()
        self._search_text = ""
        self._search_suggestion = ""  # "did you mean", when a query finds nothing
        self._search_focus_pending = False  # the search box opens with the keyboard up
        self._counted_search = ""  # the last query counted, so a query counts once
        # A query counts once the patient stops typing, even without pressing Enter
        # (on a touch screen they rarely do).
        self._search_settle = QTimer(self)
        self._search_settle.setSingleShot(True)
        self._search_settle.setInterval(SEARCH_SETTLE_MS)
        self._search_settle.timeout.connect(self.searchSubmitted)
        self._phase = "attract"
        self._seconds_left = 0
        self._fallback = False  # no good content: the built-in help screen covers everything
        self.explainer_model = RecordListModel(
            ["id", "title", "summary", "image", "pages", "topic", "draft"], self
        )
        self.topic_model = RecordListModel(["id", "title", "summary", "count"], self)
        self.question_model = RecordListModel(["id", "title", "topic", "where"], self)
        self.result_model = RecordListModel(["kind", "id", "title", "where", "page"], self)
        self._fill_models()

    # -- helpers ---------------------------------------------------------------------------
    def _default_prefs(self) -> Preferences:
        lang = self._defaults["language"]
        if lang not in self._catalog.languages:
            lang = next(iter(self._catalog.languages))
        return Preferences(
            language=lang,
            text_scale=self._defaults["text_scale"],
            high_contrast=self._defaults["high_contrast"],
            reduced_motion=self._defaults["reduced_motion"],
        )

    @property
    def lang(self) -> Language:
        return self._catalog.language(self._prefs.language)

    @property
    def catalog(self) -> Catalog:
        return self._catalog

    def _url(self, path: str) -> str:
        return QUrl.fromLocalFile(str(self._catalog.root / path)).toString() if path else ""

    def _fill_models(self) -> None:
        lang = self.lang
        self.explainer_model.replace(
            [
                {
                    "id": e.id,
                    "title": e.title,
                    "summary": e.summary,
                    "image": self._url(e.image),
                    "pages": len(e.pages),
                    "topic": e.topic,
                    "draft": is_draft(e.review),
                }
                for e in lang.explainer_list()
            ]
        )
        self.topic_model.replace(
            [
                {"id": t.id, "title": t.title, "summary": t.summary, "count": len(t.questions)}
                for t in lang.topic_list()
            ]
        )
        self._fill_questions()
        self._run_search()

    def _fill_questions(self) -> None:
        lang = self.lang
        topics = lang.topic_list()
        if self._place.topic and self._place.topic in lang.topics:
            topics = [lang.topics[self._place.topic]]
        self.question_model.replace(
            [
                {"id": q.id, "title": q.title, "topic": t.id, "where": t.title}
                for t in topics
                for q in t.questions
            ]
        )

    def _run_search(self) -> None:
        text = self._search_text.strip()
        hits = self._index.search(self._search_text, self._prefs.language) if text else []
        self._search_suggestion = (
            "" if hits or not text else self._index.suggestion(text, self._prefs.language)
        )
        self.result_model.replace(
            [
                {"kind": h.kind, "id": h.id, "title": h.title, "where": h.where, "page": h.page}
                for h in hits
            ]
        )

    def _go(self, place: Place, *, remember: bool = True) -> None:
        if remember and self._place.screen != "attract":
            self._prefs.history.append(self._place.copy())
            del self._prefs.history[:-20]
        self._place = place
        if place.screen == "questions":
            self._fill_questions()
        self.itemChanged.emit()
        self._place_changed()

    def _place_changed(self) -> None:
        """Tell QML and log the screen change (screen, id, page, language)."""
        place = self._place
        self.placeChanged.emit()
        self._events.emit(
            "screen",
            screen=place.screen,
            id=place.item or place.topic or None,
            page=place.page + 1 if place.screen == "explainer" else None,
            language=self._prefs.language,
        )

    # -- place -----------------------------------------------------------------------------
    def _screen(self) -> str:
        return self._place.screen

    screen = Property(str, _screen, notify=placeChanged)

    def _page(self) -> int:
        return self._place.page

    page = Property(int, _page, notify=placeChanged)

    def _topic(self) -> str:
        return self._place.topic

    topic = Property(str, _topic, notify=placeChanged)

    def _item(self) -> str:
        return self._place.item

    item = Property(str, _item, notify=placeChanged)

    def _can_go_back(self) -> bool:
        return bool(self._prefs.history)

    canGoBack = Property(bool, _can_go_back, notify=placeChanged)

    def _explainer(self) -> dict[str, Any]:
        explainer = self.lang.explainers.get(self._place.item)
        if self._place.screen != "explainer" or explainer is None:
            return {}
        return {
            "id": explainer.id,
            "title": explainer.title,
            "pages": [
                {"title": p.title, "blocks": block_dicts(p.blocks, self._catalog.root)}
                for p in explainer.pages
            ],
            "related": self._links(explainer.links),
            "draft": is_draft(explainer.review),
        }

    explainer = Property("QVariantMap", _explainer, notify=itemChanged)

    def _links(self, links: tuple[Link, ...]) -> list[dict[str, str]]:
        rows = []
        for link in links:
            title = self._title_of(link)
            if title:
                rows.append(
                    {"kind": link.kind, "id": link.id, "title": title, "target": link.target}
                )
        return rows[:6]

    def _title_of(self, link: Link) -> str:
        lang = self.lang
        if link.kind == "explainer" and link.id in lang.explainers:
            return lang.explainers[link.id].title
        if link.kind == "question" and link.id in lang.questions:
            return lang.questions[link.id].title
        return ""

    def _question(self) -> dict[str, Any]:
        question = self.lang.questions.get(self._place.item)
        if self._place.screen != "answer" or question is None:
            return {}
        topic = self.lang.topics.get(question.topic)
        return {
            "id": question.id,
            "title": question.title,
            "topic": question.topic,
            "topicTitle": topic.title if topic else "",
            "blocks": block_dicts(question.blocks, self._catalog.root),
            "related": self._links(question.related),
            "draft": topic is None or is_draft(topic.review),
        }

    question = Property("QVariantMap", _question, notify=itemChanged)

    def _take_home_url(self) -> str:
        place = self._place
        site_url = self._catalog.config.clinic.get("site_url", "")
        return take_home_url(site_url, place.screen, self.lang.code, place.item, place.page)

    # "Take this with you": the exported site's address of this page ("" = no button).
    takeHomeUrl = Property(str, _take_home_url, notify=placeChanged)

    def _take_home_code(self) -> str:
        url = self._take_home_url()
        return qr_data_uri(url) if url else ""

    takeHomeCode = Property(str, _take_home_code, notify=placeChanged)

    # -- content ---------------------------------------------------------------------------
    def _explainers(self) -> QObject:
        return self.explainer_model

    explainers = Property(QObject, _explainers, constant=True)

    def _topics(self) -> QObject:
        return self.topic_model

    topics = Property(QObject, _topics, constant=True)

    def _questions(self) -> QObject:
        return self.question_model

    questions = Property(QObject, _questions, constant=True)

    def _results(self) -> QObject:
        return self.result_model

    results = Property(QObject, _results, constant=True)

    def _strings(self) -> dict[str, str]:
        return dict(self.lang.strings)

    strings = Property("QVariantMap", _strings, notify=languageChanged)

    def _help_lines(self) -> list[dict[str, Any]]:
        return [
            {"name": h.name, "number": h.number, "detail": h.detail, "urgent": h.urgent}
            for h in self.lang.help_lines
        ]

    helpLines = Property("QVariantList", _help_lines, notify=languageChanged)

    def _clinic(self) -> dict[str, str]:
        # The clinic's details in the patient's language ([clinic.es] over [clinic]).
        clinic = self._catalog.config.clinic_for(self._prefs.language)
        clinic["logo"] = self._url(clinic.get("logo", ""))
        return clinic

    # languageChanged also fires when new content arrives (see reset).
    clinic = Property("QVariantMap", _clinic, notify=languageChanged)

    def set_fallback(self, active: bool) -> None:
        """Show the built-in help screen (kiosk/content/fallback.py) instead of the content."""
        self._fallback = active
        self.contentChanged.emit()

    def _fallback_active(self) -> bool:
        return self._fallback

    fallbackActive = Property(bool, _fallback_active, notify=contentChanged)

    def _fallback_texts(self) -> list[dict[str, str]]:
        from kiosk.content.fallback import TEXTS

        return [dict(t) for t in TEXTS]

    fallbackTexts = Property("QVariantList", _fallback_texts, constant=True)

    def _featured(self) -> list[dict[str, str]]:
        rows = []
        for target in self._catalog.config.kiosk.get("featured", []):
            kind, _, item_id = str(target).partition(":")
            title = self._title_of(Link(kind, item_id, ""))
            if title:
                rows.append({"kind": kind, "id": item_id, "title": title, "target": target})
        return rows

    featured = Property("QVariantList", _featured, notify=languageChanged)

    def _touch_to_start(self) -> list[dict[str, Any]]:
        """The attract screen in every language, default language first: its invitation,
        tagline, Help now label and featured questions (titles in that language)."""
        rows = []
        for code, language in self._catalog.languages.items():
            featured = []
            for target in self._catalog.config.kiosk.get("featured", []):
                kind, _, item_id = str(target).partition(":")
                items = {"explainer": language.explainers, "question": language.questions}
                item = items.get(kind, {}).get(item_id)
                if item is not None:
                    featured.append({"id": item_id, "title": item.title, "target": target})
            rows.append(
                {
                    "code": code,
                    "text": language.strings.get("touch_to_start", ""),
                    "welcome": language.strings.get("attract_welcome", ""),
                    "name": language.strings.get("language_name") or LANGUAGE_NAMES.get(code, code),
                    "featuredHeading": language.strings.get("featured_heading", ""),
                    "help": language.strings.get("help_button", ""),
                    "featured": featured,
                }
            )
        default = self._defaults["language"]
        rows.sort(key=lambda r: r["code"] != default)
        return rows

    touchToStart = Property("QVariantList", _touch_to_start, notify=contentChanged)

    def _languages(self) -> list[dict[str, str]]:
        return [
            {
                "code": code,
                "name": lang.strings.get("language_name") or LANGUAGE_NAMES.get(code, code),
            }
            for code, lang in self._catalog.languages.items()
        ]

    languages = Property("QVariantList", _languages, notify=contentChanged)

    def _content_version(self) -> str:
        return self._catalog.version

    contentVersion = Property(str, _content_version, notify=contentChanged)

    def _keyboard_available(self) -> bool:
        return self._keyboard

    keyboardAvailable = Property(bool, _keyboard_available, constant=True)

    # -- preferences -----------------------------------------------------------------------
    def _language(self) -> str:
        return self._prefs.language

    language = Property(str, _language, notify=languageChanged)

    def _theme(self) -> dict[str, Any]:
        theme = dict(self._catalog.config.theme)
        if self._prefs.high_contrast:
            theme.update(self._catalog.config.high_contrast)
        return theme

    theme = Property("QVariantMap", _theme, notify=preferencesChanged)

    def _text_scale(self) -> float:
        return self._prefs.text_scale

    textScale = Property(float, _text_scale, notify=preferencesChanged)

    def _high_contrast(self) -> bool:
        return self._prefs.high_contrast

    highContrast = Property(bool, _high_contrast, notify=preferencesChanged)

    def _reduced_motion(self) -> bool:
        return self._prefs.reduced_motion

    reducedMotion = Property(bool, _reduced_motion, notify=preferencesChanged)

    def _search(self) -> str:
        return self._search_text

    searchText = Property(str, _search, notify=searchChanged)

    def _suggestion(self) -> str:
        return self._search_suggestion

    searchSuggestion = Property(str, _suggestion, notify=searchChanged)

    def _typing(self) -> bool:
        """A word is still being typed: the text does not end with a space."""
        return bool(self._search_text.strip()) and not self._search_text[-1].isspace()

    searchTyping = Property(bool, _typing, notify=searchChanged)

    def _focus_pending(self) -> bool:
        return self._search_focus_pending

    searchFocusPending = Property(bool, _focus_pending, notify=searchChanged)

    # -- session ---------------------------------------------------------------------------
    def _phase_get(self) -> str:
        return self._phase

    phase = Property(str, _phase_get, notify=sessionChanged)

    def _seconds(self) -> int:
        return self._seconds_left

    secondsLeft = Property(int, _seconds, notify=sessionChanged)

    def set_session_state(self, phase: str, seconds_left: int) -> None:
        if (phase, seconds_left) != (self._phase, self._seconds_left):
            self._phase, self._seconds_left = phase, seconds_left
            self.sessionChanged.emit()

    # -- slots QML calls -------------------------------------------------------------------
    @Slot()
    def start(self) -> None:
        """A touch on the attract screen."""
        self.startRequested.emit()
        self._go(Place("home"), remember=False)

    @Slot(str)
    def startIn(self, code: str) -> None:  # noqa: N802 (QML API)
        """A touch on the attract screen under one language's label: the session starts in
        that language, so a featured question tapped under Spanish opens in Spanish."""
        self.setLanguage(code)
        self.start()

    @Slot()
    def goHome(self) -> None:  # noqa: N802 (QML API)
        self._prefs.history.clear()
        self._go(Place("home"), remember=False)

    @Slot()
    def back(self) -> None:
        if self._prefs.history:
            self._go(self._prefs.history.pop(), remember=False)
        else:
            self.goHome()

    @Slot(str)
    def openExplainer(self, explainer_id: str) -> None:  # noqa: N802
        self.openExplainerAt(explainer_id, 0)

    @Slot(str, int)
    def openExplainerAt(self, explainer_id: str, page: int) -> None:  # noqa: N802
        explainer = self.lang.explainers.get(explainer_id)
        if explainer is None:
            log.warning("no explainer %r in %s", explainer_id, self._prefs.language)
            return
        page = max(0, min(page, len(explainer.pages) - 1))
        self._go(Place("explainer", explainer_id, page))

    @Slot(int)
    def setPage(self, page: int) -> None:  # noqa: N802
        explainer = self.lang.explainers.get(self._place.item)
        if self._place.screen != "explainer" or explainer is None:
            return
        page = max(0, min(page, len(explainer.pages) - 1))
        if page != self._place.page:
            self._place.page = page
            self._place_changed()

    @Slot(str)
    def openTopic(self, topic_id: str) -> None:  # noqa: N802
        """Question browser, showing one topic ('' for all)."""
        topic = topic_id if topic_id in self.lang.topics else ""
        if self._place.screen == "questions":  # a chip: same screen, another topic
            self._place.topic = topic
            self._fill_questions()
            self._place_changed()
            return
        if self._search_text:  # coming from another screen: a new look, no old query
            self._search_text = ""
            self._run_search()
            self.searchChanged.emit()
        self._go(Place("questions", topic=topic))

    @Slot()
    def openSearch(self) -> None:  # noqa: N802
        """The home screen's search box: the question browser with an empty query, its
        search field focused so the on-screen keyboard comes up at the first tap."""
        self._search_focus_pending = True
        self.setSearchText("")
        self.openTopic("")

    @Slot()
    def searchFocusTaken(self) -> None:  # noqa: N802
        if self._search_focus_pending:
            self._search_focus_pending = False
            self.searchChanged.emit()

    @Slot(str)
    def openQuestion(self, question_id: str) -> None:  # noqa: N802
        question = self.lang.questions.get(question_id)
        if question is None:
            log.warning("no question %r in %s", question_id, self._prefs.language)
            return
        self._go(Place("answer", question_id, topic=question.topic))

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
        if self._place.screen != "help":
            self._go(Place("help"))

    @Slot(str)
    def setSearchText(self, text: str) -> None:  # noqa: N802
        if text == self._search_text:
            return
        self._search_text = text
        self._run_search()
        self.searchChanged.emit()
        self._search_settle.start()

    @Slot()
    def searchSubmitted(self) -> None:  # noqa: N802
        """The patient finished typing: counted (never the text) for usage statistics."""
        self._search_settle.stop()
        query = " ".join(self._search_text.lower().split())
        if query and query != self._counted_search:
            self._counted_search = query  # in memory only, cleared at reset
            self._events.emit(
                "search", results=self.result_model.count, language=self._prefs.language
            )

    @Slot(str)
    def setLanguage(self, code: str) -> None:  # noqa: N802
        if code not in self._catalog.languages or code == self._prefs.language:
            return
        self._prefs.language = code
        # A query typed in the old language means nothing in the new one: it is counted
        # (if not yet) and cleared.
        self.searchSubmitted()
        self._search_text = ""
        # An item not translated into the new language falls back to home.
        items = {"explainer": self.lang.explainers, "answer": self.lang.questions}
        if self._place.item and self._place.item not in items.get(self._place.screen, {}):
            self._place = Place("home")
        self._fill_models()
        self.languageChanged.emit()
        self.searchChanged.emit()
        self.itemChanged.emit()
        self.placeChanged.emit()
        self._events.emit("language", language=code)

    @Slot(float)
    def setTextScale(self, scale: float) -> None:  # noqa: N802
        scale = min(max(scale, TEXT_SCALES[0]), TEXT_SCALES[-1])
        if scale != self._prefs.text_scale:
            self._prefs.text_scale = scale
            self.preferencesChanged.emit()
            self._events.emit("text_scale", scale=scale)

    @Slot()
    def biggerText(self) -> None:  # noqa: N802
        bigger = [s for s in TEXT_SCALES if s > self._prefs.text_scale + 1e-6]
        self.setTextScale(bigger[0] if bigger else TEXT_SCALES[0])

    @Slot()
    def smallerText(self) -> None:  # noqa: N802
        smaller = [s for s in TEXT_SCALES if s < self._prefs.text_scale - 1e-6]
        self.setTextScale(smaller[-1] if smaller else TEXT_SCALES[0])

    @Slot(bool)
    def setHighContrast(self, on: bool) -> None:  # noqa: N802
        if on != self._prefs.high_contrast:
            self._prefs.high_contrast = on
            self.preferencesChanged.emit()
            self._events.emit("high_contrast", on=on)

    @Slot(bool)
    def setReducedMotion(self, on: bool) -> None:  # noqa: N802
        if on != self._prefs.reduced_motion:
            self._prefs.reduced_motion = on
            self.preferencesChanged.emit()

    @Slot()
    def startOver(self) -> None:  # noqa: N802
        self.startOverRequested.emit()

    @Slot()
    def moreTime(self) -> None:  # noqa: N802
        self.moreTimeRequested.emit()

    # -- reset -----------------------------------------------------------------------------
    def reset(
        self, reason: str, catalog: Catalog | None = None, index: SearchIndex | None = None
    ) -> float:
        """Back to the attract screen with nothing of the session left. Returns seconds."""
        started = time.perf_counter()
        if catalog is not None and index is not None:
            old = self._index
            self._catalog, self._index = catalog, index
            old.close()
            self._fallback = False  # only good content is ever offered
        self._prefs = self._default_prefs()
        self._place = Place()
        self._search_text = ""
        self._search_focus_pending = False
        self._counted_search = ""
        self._search_settle.stop()
        self._fill_models()
        self.contentChanged.emit()
        self.languageChanged.emit()
        self.preferencesChanged.emit()
        self.searchChanged.emit()
        self.itemChanged.emit()
        self.placeChanged.emit()
        self.resetDone.emit(reason)
        return time.perf_counter() - started

    # -- editor preview ----------------------------------------------------------------------
    def refresh_content(self, catalog: Catalog, index: SearchIndex) -> None:
        """`kiosk preview`: new content in place, on the same screen and page (no reset).
        An item that no longer exists goes home; a page past the end is the last page."""
        old = self._index
        self._catalog, self._index = catalog, index
        old.close()
        if self._prefs.language not in catalog.languages:
            self._prefs.language = self._default_prefs().language
        place, lang = self._place, self.lang
        items = {"explainer": lang.explainers, "answer": lang.questions}
        if place.item and place.item not in items.get(place.screen, {}):
            self._place = Place("home")
        elif place.screen == "explainer":
            place.page = max(0, min(place.page, len(lang.explainers[place.item].pages) - 1))
        if self._place.topic and self._place.topic not in lang.topics:
            self._place.topic = ""
        self._prefs.history = [
            p for p in self._prefs.history if not p.item or p.item in items.get(p.screen, {})
        ]
        self._fill_models()
        self.contentChanged.emit()
        self.languageChanged.emit()
        self.itemChanged.emit()
        self.placeChanged.emit()
