"""Preferences: the patient's choices for this session (language, text size, contrast,
motion), and the ClinicTheme they give, for QML. A reset puts the clinic's defaults back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk.content.config import Config
from kiosk.qt.types.registry import provided
from kiosk.stats.events import EventLog

QML_IMPORT_NAME = "KioskCore"
QML_IMPORT_MAJOR_VERSION = 1

TEXT_SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)


@dataclass
class Choices:
    """Per-session choices; all of them go back to the clinic's defaults at reset."""

    language: str
    text_scale: float = 1.0
    high_contrast: bool = False
    reduced_motion: bool = False


def bigger(scale: float) -> float:
    """The next step up; past the largest, back to the smallest (A+ cycles)."""
    steps = [s for s in TEXT_SCALES if s > scale + 1e-6]
    return steps[0] if steps else TEXT_SCALES[0]


def smaller(scale: float) -> float:
    steps = [s for s in TEXT_SCALES if s < scale - 1e-6]
    return steps[-1] if steps else TEXT_SCALES[0]


@QmlElement
@QmlSingleton
class Preferences(QObject):
    languageChanged = Signal()
    changed = Signal()  # text scale, contrast or motion
    # QML asked for another language; the backend switches everything that depends on it.
    languageRequested = Signal(str)

    def __init__(
        self,
        choices: Choices,
        languages: list[str],
        events: EventLog,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.choices = choices
        self.languages = list(languages)
        self._events = events

    @staticmethod
    def create(engine) -> Preferences:
        return provided(engine, Preferences)

    def restore(self, choices: Choices, languages: list[str]) -> None:
        self.choices, self.languages = choices, list(languages)
        self.languageChanged.emit()
        self.changed.emit()

    def set_language(self, code: str) -> None:
        self.choices.language = code
        self.languageChanged.emit()

    # -- what QML reads --------------------------------------------------------------------
    def _language(self) -> str:
        return self.choices.language

    language = Property(str, _language, notify=languageChanged)

    def _text_scale(self) -> float:
        return self.choices.text_scale

    textScale = Property(float, _text_scale, notify=changed)

    def _high_contrast(self) -> bool:
        return self.choices.high_contrast

    highContrast = Property(bool, _high_contrast, notify=changed)

    def _reduced_motion(self) -> bool:
        return self.choices.reduced_motion

    reducedMotion = Property(bool, _reduced_motion, notify=changed)

    # -- what QML asks for -----------------------------------------------------------------
    @Slot(str)
    def setLanguage(self, code: str) -> None:  # noqa: N802 (QML API)
        if code in self.languages and code != self.choices.language:
            self.languageRequested.emit(code)

    @Slot(float)
    def setTextScale(self, scale: float) -> None:  # noqa: N802
        scale = min(max(scale, TEXT_SCALES[0]), TEXT_SCALES[-1])
        if scale != self.choices.text_scale:
            self.choices.text_scale = scale
            self.changed.emit()
            self._events.emit("text_scale", scale=scale)

    @Slot()
    def biggerText(self) -> None:  # noqa: N802
        self.setTextScale(bigger(self.choices.text_scale))

    @Slot()
    def smallerText(self) -> None:  # noqa: N802
        self.setTextScale(smaller(self.choices.text_scale))

    @Slot(bool)
    def setHighContrast(self, on: bool) -> None:  # noqa: N802
        if on != self.choices.high_contrast:
            self.choices.high_contrast = on
            self.changed.emit()
            self._events.emit("high_contrast", on=on)

    @Slot(bool)
    def setReducedMotion(self, on: bool) -> None:  # noqa: N802
        if on != self.choices.reduced_motion:
            self.choices.reduced_motion = on
            self.changed.emit()


@QmlElement
@QmlSingleton
class ClinicTheme(QObject):
    """The clinic's theme from kiosk.toml ([theme], [theme.high_contrast] over it when the
    patient asks for high contrast): colours, font and base size."""

    changed = Signal()

    def __init__(self, config: Config, preferences: Preferences, parent: QObject | None = None):
        super().__init__(parent)
        self._config = config
        self._preferences = preferences
        preferences.changed.connect(self.changed)

    @staticmethod
    def create(engine) -> ClinicTheme:
        return provided(engine, ClinicTheme)

    def set_config(self, config: Config) -> None:
        self._config = config
        self.changed.emit()

    def values(self) -> dict[str, Any]:
        theme = dict(self._config.theme)
        if self._preferences.choices.high_contrast:
            theme.update(self._config.high_contrast)
        return theme

    def _colour(self, key: str) -> QColor:
        return QColor(str(self.values()[key]))

    def _font_family(self) -> str:
        return str(self.values()["font_family"])

    fontFamily = Property(str, _font_family, notify=changed)

    def _base_font_px(self) -> int:
        return int(self.values()["base_font_px"])

    baseFontPx = Property(int, _base_font_px, notify=changed)

    def _background(self) -> QColor:
        return self._colour("background")

    background = Property(QColor, _background, notify=changed)

    def _surface(self) -> QColor:
        return self._colour("surface")

    surface = Property(QColor, _surface, notify=changed)

    def _text(self) -> QColor:
        return self._colour("text")

    text = Property(QColor, _text, notify=changed)

    def _muted(self) -> QColor:
        return self._colour("muted")

    muted = Property(QColor, _muted, notify=changed)

    def _accent(self) -> QColor:
        return self._colour("accent")

    accent = Property(QColor, _accent, notify=changed)

    def _accent_text(self) -> QColor:
        return self._colour("accent_text")

    accentText = Property(QColor, _accent_text, notify=changed)

    def _accent_soft(self) -> QColor:
        return self._colour("accent_soft")

    accentSoft = Property(QColor, _accent_soft, notify=changed)

    def _border(self) -> QColor:
        return self._colour("border")

    border = Property(QColor, _border, notify=changed)

    def _focus(self) -> QColor:
        return self._colour("focus")

    focus = Property(QColor, _focus, notify=changed)

    def _tip(self) -> QColor:
        return self._colour("tip")

    tip = Property(QColor, _tip, notify=changed)

    def _warning(self) -> QColor:
        return self._colour("warning")

    warning = Property(QColor, _warning, notify=changed)

    def _note(self) -> QColor:
        return self._colour("note")

    note = Property(QColor, _note, notify=changed)

    def _urgent(self) -> QColor:
        return self._colour("urgent")

    urgent = Property(QColor, _urgent, notify=changed)

    def _urgent_text(self) -> QColor:
        return self._colour("urgent_text")

    urgentText = Property(QColor, _urgent_text, notify=changed)
