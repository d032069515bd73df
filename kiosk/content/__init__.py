"""Markdown content folder -> Catalog (pure Python, no Qt)."""

from kiosk.content.loader import load_catalog
from kiosk.content.model import Block, Catalog, Explainer, Language, Link, Page, Question, Topic

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
