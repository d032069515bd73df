"""`kiosk handout`: PDFs read back with pdftotext find everything a handout must carry."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content import load_catalog
from kiosk.content.model import is_draft
from tests.conftest import BUNDLED, TODAY

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)


def pdf_text(path: Path) -> str:
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return re.sub(r"\s+", " ", text)


def words(rich_or_plain: str) -> str:
    """What a reader sees of a title: no tags, one space between words."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", rich_or_plain)).strip()


def pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return dict(
        (k.strip(), v.strip())
        for k, _, v in (line.partition(":") for line in out.stdout.splitlines())
    )


@pytest.fixture(autouse=True, scope="module")
def _application(qapp):
    """pytest-qt's application, made before `kiosk handout` would make a QGuiApplication of
    its own (the Qt tests that follow expect pytest-qt's QApplication)."""
    return qapp


@pytest.fixture(scope="module")
def bundled_handouts(_application, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("handouts")
    assert main(["handout", "--content", str(BUNDLED), "--paper", "letter", "--out", str(out)]) == 0
    return out


def test_every_explainer_and_topic_in_both_languages(bundled_handouts: Path):
    catalog = load_catalog(BUNDLED)
    for code in ("en", "es"):
        language = catalog.languages[code]
        for explainer in language.explainers.values():
            assert (bundled_handouts / "letter" / code / f"explainer-{explainer.id}.pdf").is_file()
        for topic in language.topics.values():
            assert (bundled_handouts / "letter" / code / f"topic-{topic.id}.pdf").is_file()


def test_pdf_text_has_title_headings_crisis_lines_sources_and_review(bundled_handouts: Path):
    catalog = load_catalog(BUNDLED)
    for code, language in catalog.languages.items():
        draft = language.strings["output_draft"]
        items = [("explainer", e) for e in language.explainers.values()]
        items += [("topic", t) for t in language.topics.values()]
        for kind, item in items:
            text = pdf_text(bundled_handouts / "letter" / code / f"{kind}-{item.id}.pdf")
            assert words(item.title) in text, (code, item.id)
            if kind == "explainer":
                headings = [p.title for p in item.pages[1:]]
                headings += [b.plain for p in item.pages for b in p.blocks if b.kind == "heading"]
            else:
                headings = [q.title for q in item.questions]
            for heading in headings:
                assert words(heading) in text, (code, item.id, heading)
            for line in language.help_lines:
                assert line.number in text and words(line.name) in text, (code, item.id)
            for source in item.sources:
                assert words(source) in text, (code, item.id, source)
            assert language.strings["output_sources"] in text
            # The bundled content is all draft: the handout says so, in its language.
            assert is_draft(item.review)
            assert draft in text, (code, item.id)
            assert item.review.next_review in text


def test_crisis_lines_and_page_numbers_on_every_page(bundled_handouts: Path):
    path = bundled_handouts / "letter" / "es" / "explainer-getting-help.pdf"
    pages = int(pdf_info(path)["Pages"])
    assert pages >= 2
    for page in range(1, pages + 1):
        out = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        text = re.sub(r"\s+", " ", out)
        assert "988" in text and "1-800-662-4357" in text
        assert f"Página {page} de {pages}" in text


def test_real_text_in_the_kiosk_font_on_letter_and_a4(tmp_path: Path):
    argv = ["handout", "--content", str(BUNDLED), "--lang", "en", "--out", str(tmp_path)]
    assert main([*argv, "is-ketamine-addictive"]) == 0
    letter = tmp_path / "letter" / "en" / "explainer-is-ketamine-addictive.pdf"
    a4 = tmp_path / "a4" / "en" / "explainer-is-ketamine-addictive.pdf"
    assert "612 x 792 pts" in pdf_info(letter)["Page size"]  # US Letter
    assert "(A4)" in pdf_info(a4)["Page size"]
    fonts = subprocess.run(["pdffonts", str(a4)], capture_output=True, text=True).stdout
    assert "AtkinsonHyperlegible-Regular" in fonts and "AtkinsonHyperlegible-Bold" in fonts
    # Only the one asked for was written.
    assert sorted(p.name for p in (tmp_path / "a4" / "en").iterdir()) == [a4.name]


def test_reviewed_content_names_the_reviewer_and_no_draft_notice(tmp_path: Path, ui_keys):
    from kiosk.outputs.handout import write_handouts
    from kiosk.qt.offscreen import gui_application

    catalog = load_catalog(Path(__file__).parent / "data" / "good", today=TODAY)
    gui_application()
    [path] = write_handouts(catalog, tmp_path, ["en"], ["sleep-basics"], ["a4"])
    text = pdf_text(path)
    review = catalog.languages["en"].explainers["sleep-basics"].review
    assert f"Reviewed by {review.reviewed_by} on {review.reviewed_on}" in text
    assert "not yet reviewed" not in text.lower()
    # The fixture's picture is printed with its description.
    assert "image" in {
        b.kind for p in catalog.languages["en"].explainers["sleep-basics"].pages for b in p.blocks
    }


def test_unknown_id_is_refused(tmp_path: Path, capsys):
    argv = ["handout", "--content", str(BUNDLED), "--out", str(tmp_path), "no-such-thing"]
    assert main(argv) == 2
    assert "no-such-thing" in capsys.readouterr().err
    assert not any(tmp_path.iterdir())
