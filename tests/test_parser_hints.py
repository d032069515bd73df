"""The YAML and TOML parsers' words, turned into what an editor should type."""

from __future__ import annotations

import pytest
from conftest import TODAY

from kiosk.content import load_catalog

FRONT = "---\ntitle: T\nsummary: S\ntopic: basics\n{extra}---\nText.\n"


@pytest.mark.parametrize(
    ("extra", "hint"),
    [
        ("order: 1\nnote: Before you come: eat\n", "Text that contains a colon"),
        ('order: 1\nicon: "shield\n', "opened and never closed"),
        ("sources:\n  - a\n - b\n", "are indented the same"),
        ("order: [1, 2\n", "bracket"),
        ("order: 1\n\ticon: x\n", "tabs"),
    ],
)
def test_front_matter_hints(tmp_path, extra, hint):
    (tmp_path / "en/explainers").mkdir(parents=True)
    (tmp_path / "kiosk.toml").write_text('[kiosk]\nlanguages = ["en"]\n')
    (tmp_path / "en/explainers/t.md").write_text(FRONT.format(extra=extra))
    catalog = load_catalog(tmp_path, today=TODAY)
    [problem] = [p for p in catalog.problems if p.code == "front-matter-syntax"]
    assert hint in problem.hint, (problem.message, problem.hint)


@pytest.mark.parametrize(
    ("toml", "hint"),
    [
        ('home = "Home\n', "opened and never closed"),
        ("home = Home\n", "Text must be in quotes"),
        ('home = "Home"\nhome = "Inicio"\n', "written twice"),
        ('año = "x"\n', "accents must be in quotes"),
    ],
)
def test_toml_hints(tmp_path, toml, hint):
    (tmp_path / "en").mkdir()
    (tmp_path / "kiosk.toml").write_text('[kiosk]\nlanguages = ["en"]\n')
    (tmp_path / "en/strings.toml").write_text(toml, encoding="utf-8")
    catalog = load_catalog(tmp_path, today=TODAY)
    [problem] = [p for p in catalog.problems if p.code == "toml-syntax"]
    assert hint in problem.hint, (problem.message, problem.hint)
