"""Markdown content folder -> Catalog (pure Python, no Qt)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kiosk.content.model import Block, Catalog, Explainer, Language, Link, Page, Question, Topic

if TYPE_CHECKING:
    from kiosk.content.loader import load_catalog

__all__ = [
    "Block",
    "Catalog",
    "Explainer",
    "Language",
    "Link",
    "Page",
    "Question",
    "Topic",
    "load_catalog",
]


def __getattr__(name: str) -> Any:
    # The loader pulls in Markdown and YAML (~60 ms); a kiosk starting from its content
    # cache never needs them, so they load on first use.
    if name == "load_catalog":
        from kiosk.content.loader import load_catalog

        return load_catalog
    raise AttributeError(name)
