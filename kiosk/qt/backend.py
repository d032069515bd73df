"""The backend: builds the kiosk's QML types (kiosk/qt/types/) and keeps them in step.

Each type has one job (Navigation, Preferences, ClinicTheme, Search, SessionPhase, Content);
what crosses jobs lives here: a language change (content, search and place follow), a
reset (every piece of the session back to its default, in one Python call) and new
content in place (the editor preview).
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QObject, SignalInstance

from kiosk.content.model import Catalog, Language
from kiosk.qt.types.content import Content
from kiosk.qt.types.navigation import Navigation
from kiosk.qt.types.places import Place
from kiosk.qt.types.preferences import Choices, ClinicTheme, Preferences
from kiosk.qt.types.registry import provide
from kiosk.qt.types.search import Search
from kiosk.qt.types.session_phase import SessionPhase
from kiosk.search.index import Searcher
from kiosk.stats.events import EventLog


class Backend(QObject):
    def __init__(
        self,
        catalog: Catalog,
        index: Searcher,
        events: EventLog,
        *,
        keyboard_available: bool = True,
        defaults: dict[str, Any] | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._events = events
        self._defaults = dict(defaults or {})
        choices = self._default_choices(catalog)
        self.content = Content(
            catalog,
            choices.language,
            default_language=self._default_language(catalog),
            keyboard_available=keyboard_available,
            parent=self,
        )
        self.preferences = Preferences(choices, list(catalog.languages), events, self)
        self.palette = ClinicTheme(catalog.config, self.preferences, self)
        self.search = Search(index, lambda: self.preferences.choices.language, events, self)
        self.session = SessionPhase(self)
        self.navigation = Navigation(self.content, self.search, events, self)
        self.preferences.languageRequested.connect(self._switch_language)

    def provide_to(self, engine: QObject, *more: QObject) -> None:
        """The types become `engine`'s QML singletons (import KioskCore)."""
        provide(
            engine,
            self.content,
            self.preferences,
            self.palette,
            self.search,
            self.session,
            self.navigation,
            *more,
        )

    # -- Python side -----------------------------------------------------------------------
    @property
    def resetDone(self) -> SignalInstance:  # noqa: N802 (a Qt signal's name)
        return self.session.resetDone

    @property
    def catalog(self) -> Catalog:
        return self.content.catalog

    @property
    def lang(self) -> Language:
        return self.content.lang

    def _default_language(self, catalog: Catalog) -> str:
        return self._defaults.get("language", catalog.config.default_language)

    def _default_choices(self, catalog: Catalog) -> Choices:
        kiosk = catalog.config.kiosk
        lang = self._default_language(catalog)
        if lang not in catalog.languages:
            lang = next(iter(catalog.languages))
        return Choices(
            language=lang,
            text_scale=float(self._defaults.get("text_scale", kiosk.get("text_scale", 1.0))),
            high_contrast=bool(
                self._defaults.get("high_contrast", kiosk.get("high_contrast", False))
            ),
            reduced_motion=bool(
                self._defaults.get("reduced_motion", kiosk.get("reduced_motion", False))
            ),
        )

    def set_fallback(self, active: bool) -> None:
        """Show the built-in help screen (kiosk/content/fallback.py) instead of the content."""
        self.content.set_fallback(active)

    def _exists(self, place: Place) -> bool:
        lang = self.lang
        items: dict[str, dict[str, Any]] = {"explainer": lang.explainers, "answer": lang.questions}
        return not place.item or place.item in items.get(place.screen, {})

    def _switch_language(self, code: str) -> None:
        self.navigation.leaving.emit()  # every screen is rebuilt in the new language
        # A query typed in the old language means nothing in the new one: it is counted
        # (if not yet) and cleared.
        self.preferences.set_language(code)
        self.search.submit()
        self.content.set_language(code)
        self.search.reset_text()
        # An item not translated into the new language falls back to home.
        route = self.navigation.route
        if not self._exists(route.place):
            route.place = Place("home")
        self.content.show(route.place)
        self.navigation.itemChanged.emit()
        self.navigation.placeChanged.emit()
        self.content.forget_hidden()
        self._events.emit("language", language=code)

    # -- reset -----------------------------------------------------------------------------
    def reset(
        self, reason: str, catalog: Catalog | None = None, index: Searcher | None = None
    ) -> float:
        """Back to the attract screen with nothing of the session left. Returns seconds."""
        started = time.perf_counter()
        if catalog is None or index is None:
            catalog, index = self.catalog, None
        choices = self._default_choices(catalog)
        if self.navigation.place.screen != "attract":
            self.navigation.leaving.emit()
        self.navigation.route.clear()
        self.content.show(self.navigation.place)
        self.content.set_catalog(catalog, choices.language, self._default_language(catalog))
        self.palette.set_config(catalog.config)
        self.preferences.restore(choices, list(catalog.languages))
        self.search.reset(index)
        self.navigation.itemChanged.emit()
        self.navigation.placeChanged.emit()
        self.content.forget_hidden()
        self.resetDone.emit(reason)
        return time.perf_counter() - started

    # -- editor preview ----------------------------------------------------------------------
    def refresh_content(self, catalog: Catalog, index: Searcher) -> None:
        """`kiosk preview`: new content in place, on the same screen and page (no reset).
        An item that no longer exists goes home; a page past the end is the last page."""
        language = self.preferences.choices.language
        if language not in catalog.languages:
            language = self._default_choices(catalog).language
            self.preferences.choices.language = language
        self.preferences.languages = list(catalog.languages)
        self.content.set_catalog(catalog, language, self._default_language(catalog))
        self.palette.set_config(catalog.config)
        route, lang = self.navigation.route, self.lang
        route.keep_only(self._exists, lambda item: len(lang.explainers[item].pages))
        if route.place.topic and route.place.topic not in lang.topics:
            route.place.topic = ""
        self.search.replace_index(index)
        self.preferences.languageChanged.emit()
        self.content.show(route.place)
        self.navigation.itemChanged.emit()
        self.navigation.placeChanged.emit()
        self.content.forget_hidden()
