"""The authoring guide's examples are real content: each one is written into a folder and
`kiosk check` must accept it, so docs/authoring.md cannot drift from what the kiosk does.

An example is a fenced block after a line `file: PATH`; blocks of `text` and `sh` are prose
(command lines, sample output) and every other block must name its file.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import REPO, TODAY

from kiosk.cli import main
from kiosk.content import load_catalog

GUIDE = REPO / "docs" / "authoring.md"
README = REPO / "README.md"
TEMPLATE_IMAGES = REPO / "kiosk" / "templates" / "content" / "images"
FENCE = re.compile(r"^```(\w*)\s*$")
FILE_LINE = re.compile(r"^file:\s*(\S+)\s*$")
PROSE = {"text", "sh"}

pytestmark = pytest.mark.usefixtures("ui_keys")


def guide_examples(text: str) -> list[tuple[str | None, str, str, int]]:
    """(file or None, language, body, line) of every fenced block in the guide."""
    lines = text.splitlines()
    examples, index = [], 0
    while index < len(lines):
        match = FENCE.match(lines[index])
        if not match:
            index += 1
            continue
        start, lang = index, match.group(1)
        end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("```"))
        before = [line for line in lines[:start] if line.strip()][-1:]
        file_match = FILE_LINE.match(before[0]) if before else None
        body = "\n".join(lines[start + 1 : end]) + "\n"
        examples.append((file_match.group(1) if file_match else None, lang, body, start + 1))
        index = end + 1
    return examples


def write_examples(target: Path) -> list[str]:
    files = []
    for file, lang, body, line in guide_examples(GUIDE.read_text(encoding="utf-8")):
        if lang in PROSE:
            continue
        assert file, f"docs/authoring.md:{line}: a {lang or 'plain'} block without 'file: PATH'"
        assert file not in files, f"docs/authoring.md:{line}: {file} is written twice"
        path = target / file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
        files.append(file)
    shutil.copytree(TEMPLATE_IMAGES, target / "images")
    return files


def test_every_guide_example_is_accepted_by_kiosk_check(tmp_path, capsys):
    folder = tmp_path / "guide"
    files = write_examples(folder)
    assert {"kiosk.toml", "en/strings.toml"} <= set(files)
    assert any("/explainers/" in f for f in files) and any("/questions/" in f for f in files)
    assert main(["check", "--content", str(folder)]) == 0, capsys.readouterr().out
    catalog = load_catalog(folder, today=TODAY)
    # Drafts are expected in an example; anything else means the guide teaches a mistake.
    unexpected = [p.format() for p in catalog.problems if p.code != "review-draft"]
    assert unexpected == []


def test_guide_explainer_example_has_pages_and_topic_has_questions(tmp_path):
    folder = tmp_path / "guide"
    write_examples(folder)
    english = load_catalog(folder, today=TODAY).languages["en"]
    explainer = english.explainers["your-first-visit"]
    # `##` starts a page: the README's old example used `###` and became one page.
    assert [p.title for p in explainer.pages] == [
        "Your first visit",
        "Before you come",
        "At the clinic",
        "Questions?",
    ]
    assert set(english.questions) == {"can-i-drive-home", "what-to-bring", "help-now"}


def test_readme_links_to_the_guide_and_keeps_no_second_copy():
    readme = README.read_text(encoding="utf-8")
    assert "docs/authoring.md" in readme
    # No front matter examples and no explainer/topic walk-through of its own.
    assert "review:\n" not in readme and "next_review" not in readme
    assert not re.search(r"^#+ (Explainers|Question topics)\s*$", readme, re.M)


def test_the_guides_sample_output_is_what_kiosk_check_prints(tmp_path, capsys):
    folder = tmp_path / "guide"
    write_examples(folder)
    topic = folder / "en/questions/visit.md"
    topic.write_text(topic.read_text(encoding="utf-8").replace("title:", "titel:", 1))
    main(["check", "--content", str(folder)])
    out = capsys.readouterr().out
    samples = [
        body
        for _file, lang, body, _line in guide_examples(GUIDE.read_text(encoding="utf-8"))
        if lang == "text" and "[field-unknown]" in body
    ]
    assert samples
    for line in samples[0].splitlines():
        assert line in out.splitlines(), line
