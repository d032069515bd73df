"""The catalog: what the content folder holds once loaded. Plain data, no Qt."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.check.problems import Problem
from kiosk.content.config import Config


@dataclass(frozen=True)
class Link:
    """An internal link: kind is 'explainer' or 'question'."""

    kind: str
    id: str
    label: str

    @property
    def target(self) -> str:
        return f"{self.kind}:{self.id}"


@dataclass(frozen=True)
class Block:
    """One piece of a page, drawn by a native QML component of the same kind.

    kind: heading | paragraph | list | steps | image | callout | table.
    Text fields hold Qt rich text (a small HTML subset: b, i, a href="explainer:...").
    """

    kind: str
    text: str = ""
    level: int = 0
    items: tuple[str, ...] = ()
    src: str = ""
    alt: str = ""
    variant: str = ""
    title: str = ""
    header: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    plain: str = ""  # text without markup, for search, reading level and read-aloud

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text,
            "level": self.level,
            "items": list(self.items),
            "src": self.src,
            "alt": self.alt,
            "variant": self.variant,
            "title": self.title,
            "header": list(self.header),
            "rows": [list(r) for r in self.rows],
            "plain": self.plain,
        }


@dataclass(frozen=True)
class Page:
    title: str
    blocks: tuple[Block, ...]
    line: int

    @property
    def plain(self) -> str:
        return "\n".join(b.plain for b in self.blocks if b.plain)


@dataclass(frozen=True)
class Review:
    status: str = "draft"
    reviewed_by: str = ""
    reviewed_on: str = ""
    next_review: str = ""


def is_draft(review: Review | None) -> bool:
    """Not signed off by a clinician: the kiosk says so next to the text."""
    return review is None or review.status != "reviewed"


@dataclass(frozen=True)
class Explainer:
    id: str
    lang: str
    title: str
    summary: str
    topic: str
    order: float
    image: str
    sources: tuple[str, ...]
    review: Review | None
    pages: tuple[Page, ...]
    links: tuple[Link, ...]
    path: str


@dataclass(frozen=True)
class Question:
    id: str
    lang: str
    topic: str
    title: str
    blocks: tuple[Block, ...]
    related: tuple[Link, ...]
    line: int
    path: str
    # Other ways patients ask it (the `also:` line under the heading): searched, not shown.
    also: tuple[str, ...] = ()

    @property
    def plain(self) -> str:
        return "\n".join(b.plain for b in self.blocks if b.plain)


@dataclass(frozen=True)
class Topic:
    id: str
    lang: str
    title: str
    summary: str
    order: float
    icon: str
    sources: tuple[str, ...]
    review: Review | None
    questions: tuple[Question, ...]
    path: str


@dataclass(frozen=True)
class HelpLine:
    name: str
    number: str
    detail: str
    urgent: bool = False


@dataclass
class Language:
    code: str
    strings: dict[str, str] = field(default_factory=dict)
    help_lines: list[HelpLine] = field(default_factory=list)
    synonyms: dict[str, list[str]] = field(default_factory=dict)
    # synonyms.toml [crisis]: words and phrases with a crisis or self-harm meaning; a query
    # holding one shows `crisis_answers` first, whatever else it asks.
    crisis_words: list[str] = field(default_factory=list)
    crisis_answers: list[Link] = field(default_factory=list)
    explainers: dict[str, Explainer] = field(default_factory=dict)
    topics: dict[str, Topic] = field(default_factory=dict)
    _questions: tuple[tuple[int, int], dict[str, Question]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    @property
    def questions(self) -> dict[str, Question]:
        # Built once, not on every lookup: link checks and the UI look questions up often,
        # and rebuilding made loading quadratic (1,000 files: 0.8 s in link checks alone).
        # Topics are only ever added (by the loader), so their count tells when it is stale.
        key = (id(self.topics), len(self.topics))
        if self._questions is None or self._questions[0] != key:
            self._questions = (key, {q.id: q for t in self.topics.values() for q in t.questions})
        return self._questions[1]

    def explainer_list(self) -> list[Explainer]:
        return sorted(self.explainers.values(), key=lambda e: (e.order, e.title))

    def topic_list(self) -> list[Topic]:
        return sorted(self.topics.values(), key=lambda t: (t.order, t.title))

    def string(self, key: str, **values: Any) -> str:
        text = self.strings.get(key, key)
        try:
            return text.format(**values) if values else text
        except (KeyError, IndexError, ValueError):
            return text


@dataclass
class Catalog:
    root: Path
    config: Config
    languages: dict[str, Language]
    problems: list[Problem]
    version: str
    # Files that were checked but not used (an error kept them out), with what they define
    # ("explainer:ID", "topic:ID", "question:ID"): kiosk check folds what follows from them.
    dropped: dict[str, set[str]] = field(default_factory=dict)

    def language(self, code: str) -> Language:
        """The language `code`, else the default one, else the first that loaded (the
        default language's folder may be missing: that is an error, but must not crash)."""
        return (
            self.languages.get(code)
            or self.languages.get(self.config.default_language)
            or next(iter(self.languages.values()))
        )
