"""Limits in-process: one bad file is refused by itself, a slow file by its time budget,
and a folder over the total size is refused whole."""

from __future__ import annotations

import pytest

from kiosk.check.problems import has_errors
from kiosk.content import bounds, loader
from kiosk.content.loader import load_catalog

from . import attacks


def codes(catalog) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for p in catalog.problems:
        found.setdefault(p.code, set()).add(p.file)
    return found


def test_a_file_that_breaks_the_parser_is_refused_alone_and_the_rest_loads(content, monkeypatch):
    attacks.page(content, "Fine text.\n")
    real = loader.BlockRenderer.render

    def render(self, text):
        if "Fine text." in text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(self, text)

    monkeypatch.setattr(loader.BlockRenderer, "render", render)
    catalog = load_catalog(content, readability=False)
    assert codes(catalog)["file-failed"] == {"en/explainers/attack.md"}
    en = catalog.languages["en"]
    assert "attack" not in en.explainers and len(en.explainers) >= 5
    assert en.questions and catalog.languages["es"].explainers
    assert catalog.version != "broken"


def test_a_file_over_its_time_budget_is_refused(content, monkeypatch):
    attacks.page(content, "".join(f"## Page {n}\n\nText {n}.\n\n" for n in range(5)))
    monkeypatch.setattr(bounds, "FILE_TIME_BUDGET_S", 0.0)
    catalog = load_catalog(content, readability=False)
    assert "en/explainers/attack.md" in codes(catalog)["file-too-slow"]
    assert has_errors(catalog.problems)


def test_a_folder_over_the_total_size_is_refused_whole(content, monkeypatch):
    monkeypatch.setattr(loader, "MAX_TOTAL_BYTES", 10_000)
    catalog = load_catalog(content, readability=False)
    assert "content-too-large" in codes(catalog)
    assert not catalog.languages[catalog.config.default_language].explainers


@pytest.mark.parametrize(
    "text, deep",
    [
        ("- a\n    - b\n        - c\n\n> *quote* [link](question:x)\n", False),
        ("".join("    " * i + "- x\n" for i in range(bounds.MAX_NESTING + 1)), True),
        ("> " * (bounds.MAX_NESTING + 1) + "x", True),
        ("* " * 20_000, True),
        ("[" * (bounds.MAX_BRACKET_DEPTH + 1) + "x", True),
        ("*" * bounds.MAX_MARKER_RUN, True),
        ("-" * 200 + "\n\nA rule above is fine.", False),
    ],
)
def test_the_nesting_scan(text, deep):
    assert (bounds.scan(text) is not None) == deep
