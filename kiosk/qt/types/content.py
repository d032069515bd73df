"""Content: what the loaded content offers in the patient's language, for QML.

Card, topic and question lists, the help lines, the clinic, the attract screen in every
language, and the explainer or answer on screen. It follows the catalog and the
language it is given (kiosk/qt/backend.py decides when they change).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Property, QObject, QUrl, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk.content.model import Catalog, Language, Link, is_draft
from kiosk.qt.models import RecordListModel
from kiosk.qt.roles import (
    CardRole,
    FallbackRole,
    HelpLineRole,
    LanguageRole,
    LinkRole,
    ResultRole,
    TopicRole,
    WelcomeRole,
)
from kiosk.qt.types.places import Place
from kiosk.qt.types.reading import AnswerView, ExplainerView
from kiosk.qt.types.registry import provided

QML_IMPORT_NAME = "KioskCore"
QML_IMPORT_MAJOR_VERSION = 1

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
RELATED_LIMIT = 6


def language_name(code: str, language: Language) -> str:
    return language.strings.get("language_name") or LANGUAGE_NAMES.get(code, code)


def featured_rows(targets: list[Any], language: Language) -> list[dict[str, str]]:
    """The clinic's featured explainers and questions ("question:ID") that `language` has,
    titled in it; one it lacks is left out (`kiosk check` reports it)."""
    items: dict[str, dict[str, Any]] = {
        "explainer": language.explainers,
        "question": language.questions,
    }
    rows = []
    for target in targets:
        kind, _, item_id = str(target).partition(":")
        item = items.get(kind, {}).get(item_id)
        if item is not None:
            rows.append({"kind": kind, "id": item_id, "title": item.title, "target": str(target)})
    return rows


@QmlElement
@QmlSingleton
class Content(QObject):
    languageChanged = Signal()  # strings, help lines, clinic: another language
    contentChanged = Signal()  # another catalog (or the built-in help screen)
    itemChanged = Signal()  # another explainer or answer on screen

    def __init__(
        self,
        catalog: Catalog,
        language: str,
        *,
        default_language: str,
        keyboard_available: bool = True,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.catalog = catalog
        self.language = language
        self._default_language = default_language  # first on the attract screen
        self._keyboard = keyboard_available
        self._fallback = False  # no good content: the built-in help screen covers everything
        self._place = Place()
        self.explainer_model = RecordListModel(CardRole, self)
        self.topic_model = RecordListModel(TopicRole, self)
        # The same roles as Search's results: one list delegate shows both.
        self.question_model = RecordListModel(ResultRole, self)
        self.help_line_model = RecordListModel(HelpLineRole, self)
        self.language_model = RecordListModel(LanguageRole, self)
        self.welcome_model = RecordListModel(WelcomeRole, self)
        self._featured_models: list[RecordListModel] = []  # one per language, in welcomes
        self.fallback_model = RecordListModel(FallbackRole, self)
        self.explainer_view = ExplainerView(self)
        self.answer_view = AnswerView(self)
        from kiosk.content.fallback import TEXTS

        self.fallback_model.replace([dict(t) for t in TEXTS])
        self.fill()

    @staticmethod
    def create(engine) -> Content:
        return provided(engine, Content)

    @property
    def lang(self) -> Language:
        return self.catalog.language(self.language)

    def _url(self, path: str) -> str:
        return QUrl.fromLocalFile(str(self.catalog.root / path)).toString() if path else ""

    # -- filling ---------------------------------------------------------------------------
    def fill(self) -> None:
        """Every list from the catalog in the current language."""
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
        self.help_line_model.replace(
            [
                {"name": h.name, "number": h.number, "detail": h.detail, "urgent": h.urgent}
                for h in lang.help_lines
            ]
        )
        self.language_model.replace(
            [
                {"code": code, "name": language_name(code, language)}
                for code, language in self.catalog.languages.items()
            ]
        )
        shown = self._featured_models
        self.welcome_model.replace(self._welcome())
        for model in shown:  # after the panels that showed them are gone
            model.deleteLater()
        self._fill_questions()

    def _fill_questions(self) -> None:
        lang = self.lang
        topics = lang.topic_list()
        if self._place.topic and self._place.topic in lang.topics:
            topics = [lang.topics[self._place.topic]]
        self.question_model.replace(
            [
                {
                    "kind": "question",
                    "id": q.id,
                    "title": q.title,
                    "topic": t.id,
                    "where": t.title,
                    "page": 0,
                }
                for t in topics
                for q in t.questions
            ]
        )

    def _welcome(self) -> list[dict[str, Any]]:
        """The attract screen in every language, default language first: its invitation,
        tagline, Help now label and featured questions (a list model, titled in that
        language)."""
        self._featured_models = []
        rows = []
        for code, language in self.catalog.languages.items():
            featured = RecordListModel(LinkRole, self)
            featured.replace(featured_rows(self.catalog.config.kiosk.get("featured", []), language))
            self._featured_models.append(featured)
            rows.append(
                {
                    "code": code,
                    "invitation": language.strings.get("touch_to_start", ""),
                    "welcome": language.strings.get("attract_welcome", ""),
                    "name": language_name(code, language),
                    "featuredHeading": language.strings.get("featured_heading", ""),
                    "help": language.strings.get("help_button", ""),
                    "featured": featured,
                }
            )
        rows.sort(key=lambda r: r["code"] != self._default_language)
        return rows

    def title_of(self, link: Link) -> str:
        lang = self.lang
        if link.kind == "explainer" and link.id in lang.explainers:
            return lang.explainers[link.id].title
        if link.kind == "question" and link.id in lang.questions:
            return lang.questions[link.id].title
        return ""

    def _links(self, links: tuple[Link, ...]) -> list[dict[str, str]]:
        rows = []
        for link in links:
            title = self.title_of(link)
            if title:
                rows.append(
                    {"kind": link.kind, "id": link.id, "title": title, "target": link.target}
                )
        return rows[:RELATED_LIMIT]

    # -- changes ---------------------------------------------------------------------------
    def show(self, place: Place) -> None:
        """The place on screen: its questions (a topic) and its explainer or answer."""
        topic_changed = place.topic != self._place.topic
        self._place = place.copy()
        if place.screen == "questions" or topic_changed:
            self._fill_questions()
        lang, root = self.lang, self.catalog.root
        explainer = lang.explainers.get(place.item) if place.screen == "explainer" else None
        if explainer is not None:
            self.explainer_view.show(explainer, root, self._links(explainer.links))
        question = lang.questions.get(place.item) if place.screen == "answer" else None
        if question is not None:
            topic = lang.topics.get(question.topic)
            self.answer_view.show(question, topic, root, self._links(question.related))
        self.itemChanged.emit()

    def forget_hidden(self) -> None:
        """Empty the explainer or answer no longer on screen. Called once the screen that
        showed it is gone (after placeChanged): emptying a page list that a live screen
        still shows tears its pages down under it (see ExplainerScreen.release())."""
        if self._place.screen != "explainer" and self.explainer_view.id:
            self.explainer_view.show(None, self.catalog.root, [])
        if self._place.screen != "answer" and self.answer_view.id:
            self.answer_view.show(None, None, self.catalog.root, [])

    def set_language(self, code: str) -> None:
        self.language = code
        self.fill()
        self.languageChanged.emit()

    def set_catalog(self, catalog: Catalog, language: str, default_language: str) -> None:
        if catalog is not self.catalog:
            self._fallback = False  # only good content is ever offered
        self.catalog, self.language = catalog, language
        self._default_language = default_language
        self.fill()
        self.contentChanged.emit()
        self.languageChanged.emit()

    def set_fallback(self, active: bool) -> None:
        """Show the built-in help screen (kiosk/content/fallback.py) instead of the content."""
        self._fallback = active
        self.contentChanged.emit()

    # -- what QML reads --------------------------------------------------------------------
    def _explainers(self) -> RecordListModel:
        return self.explainer_model

    explainers = Property(RecordListModel, _explainers, constant=True)

    def _topics(self) -> RecordListModel:
        return self.topic_model

    topics = Property(RecordListModel, _topics, constant=True)

    def _questions(self) -> RecordListModel:
        return self.question_model

    questions = Property(RecordListModel, _questions, constant=True)

    def _help_lines(self) -> RecordListModel:
        return self.help_line_model

    helpLines = Property(RecordListModel, _help_lines, constant=True)

    def _languages(self) -> RecordListModel:
        return self.language_model

    languages = Property(RecordListModel, _languages, constant=True)

    def _welcomes(self) -> RecordListModel:
        return self.welcome_model

    # The attract screen, once per language.
    welcomes = Property(RecordListModel, _welcomes, constant=True)

    def _invitation(self) -> str:
        return " / ".join(row["invitation"] for row in self.welcome_model.rows())

    # "Touch to start" in every language, for screen readers.
    invitation = Property(str, _invitation, notify=contentChanged)

    def _fallback_texts(self) -> RecordListModel:
        return self.fallback_model

    fallbackTexts = Property(RecordListModel, _fallback_texts, constant=True)

    def _language_code(self) -> str:
        return self.language

    # The language labels, help lines and clinic details are in. It notifies on a language
    # switch and on new content, so a binding that reads it follows both (Theme.txt).
    languageCode = Property(str, _language_code, notify=languageChanged)

    @Slot(str, result=str)
    def label(self, key: str) -> str:
        """The label `key` from the language's strings.toml; the key itself when the file
        lacks it (kiosk check lists missing keys)."""
        value = self.lang.strings.get(key)
        return value if isinstance(value, str) else key

    def _clinic(self, key: str) -> str:
        # The clinic's details in the patient's language ([clinic.es] over [clinic]).
        return str(self.catalog.config.clinic_for(self.language).get(key, ""))

    def _clinic_name(self) -> str:
        return self._clinic("name")

    clinicName = Property(str, _clinic_name, notify=languageChanged)

    def _clinic_phone(self) -> str:
        return self._clinic("phone")

    clinicPhone = Property(str, _clinic_phone, notify=languageChanged)

    def _clinic_address(self) -> str:
        return self._clinic("address")

    clinicAddress = Property(str, _clinic_address, notify=languageChanged)

    def _clinic_hours(self) -> str:
        return self._clinic("hours")

    clinicHours = Property(str, _clinic_hours, notify=languageChanged)

    def _clinic_logo(self) -> str:
        return self._url(self._clinic("logo"))

    clinicLogo = Property(str, _clinic_logo, notify=languageChanged)

    def _fallback_active(self) -> bool:
        return self._fallback

    fallbackActive = Property(bool, _fallback_active, notify=contentChanged)

    def _version(self) -> str:
        return self.catalog.version

    version = Property(str, _version, notify=contentChanged)

    def _keyboard_available(self) -> bool:
        return self._keyboard

    keyboardAvailable = Property(bool, _keyboard_available, constant=True)

    def _explainer(self) -> ExplainerView:
        return self.explainer_view

    # The explainer on screen (empty elsewhere).
    explainer = Property(ExplainerView, _explainer, constant=True)

    def _question(self) -> AnswerView:
        return self.answer_view

    # The question and answer on screen (empty elsewhere).
    question = Property(AnswerView, _question, constant=True)
