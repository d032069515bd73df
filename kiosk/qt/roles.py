"""The roles of every list model QML reads: one IntEnum per kind of row. A member's name is
the role's name in QML (a delegate's `required property`), its value the Qt role number."""

from __future__ import annotations

from enum import IntEnum, auto

from PySide6.QtCore import Qt

FIRST = int(Qt.ItemDataRole.UserRole.value) + 1  # below are Qt's own roles (display, ...)


class CardRole(IntEnum):
    """An explainer card on the home screen."""

    id = FIRST
    title = auto()
    summary = auto()
    image = auto()
    pages = auto()
    topic = auto()
    draft = auto()


class TopicRole(IntEnum):
    id = FIRST
    title = auto()
    summary = auto()
    count = auto()


class ResultRole(IntEnum):
    """A question or a search result: one list delegate shows both (QuestionsScreen.qml)."""

    kind = FIRST
    id = auto()
    title = auto()
    topic = auto()
    where = auto()
    page = auto()


class LinkRole(IntEnum):
    """A related link, or a featured one on the attract screen ("question:ID")."""

    kind = FIRST
    id = auto()
    title = auto()
    target = auto()


class HelpLineRole(IntEnum):
    name = FIRST  # type: ignore[assignment]  # a role called name (mypy: Enum's own attribute)
    number = auto()
    detail = auto()
    urgent = auto()


class LanguageRole(IntEnum):
    code = FIRST
    name = auto()  # type: ignore[assignment]  # a role called name (mypy: Enum's own attribute)


class WelcomeRole(IntEnum):
    """The attract screen's panel for one language; `featured` is a LinkRole model."""

    code = FIRST
    invitation = auto()
    welcome = auto()
    name = auto()  # type: ignore[assignment]  # a role called name (mypy: Enum's own attribute)
    featuredHeading = auto()  # noqa: N815 (QML's name)
    help = auto()
    featured = auto()


class FallbackRole(IntEnum):
    """The built-in help screen in one language (kiosk/content/fallback.py)."""

    lang = FIRST
    title = auto()
    ask = auto()
    danger = auto()
    crisis = auto()


class PageRole(IntEnum):
    """An explainer page; `blocks` is a BlockRole model."""

    heading = FIRST
    blocks = auto()
    readTexts = auto()  # noqa: N815 (QML's name)


class BlockRole(IntEnum):
    """A content block (kiosk/content/blocks.py), as BlockView.qml draws it."""

    kind = FIRST
    body = auto()
    level = auto()
    items = auto()
    src = auto()
    alt = auto()
    variant = auto()
    title = auto()
    header = auto()
    rows = auto()
    plain = auto()


class ProblemRole(IntEnum):
    """A problem `kiosk check` found, on the maintenance screen."""

    error = FIRST
    where = auto()
    message = auto()


class SystemRole(IntEnum):
    """A line of the maintenance screen's system card; `label` is a strings.toml key."""

    label = FIRST
    value = auto()  # type: ignore[assignment]  # a role called value (mypy: Enum's own attribute)
