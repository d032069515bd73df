"""`kiosk stats --html --merge`: a scripted week from two kiosks, one copied database and one
CSV export, as one self-contained page with charts and titles in the manager's language."""

from __future__ import annotations

import re

import pytest
from usage_week import CONTENT, scripted_week

from kiosk import cli
from kiosk.content import load_catalog
from kiosk.stats import usage


@pytest.fixture(scope="module")
def two_kiosks(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kiosks")
    a, b = folder / "waiting-room.sqlite3", folder / "infusion-suite.sqlite3"
    sessions = scripted_week(a, seed=1) + scripted_week(b, seed=2, busy=6)
    csv_b = folder / "infusion-suite.csv"
    assert cli.main(["stats", "--db", str(b), "--csv", str(csv_b)]) == 0
    return a, csv_b, sessions


def page(tmp_path, two_kiosks, lang: str) -> str:
    a, csv_b, _ = two_kiosks
    out = tmp_path / f"report-{lang}.html"
    argv = ["stats", "--content", str(CONTENT), "--html", str(out), "--lang", lang]
    assert cli.main([*argv, "--merge", str(a), str(csv_b)]) == 0
    return out.read_text(encoding="utf-8")


def test_the_report_merges_both_kiosks_with_titles_in_spanish(tmp_path, two_kiosks, capsys):
    a, csv_b, sessions = two_kiosks
    text = page(tmp_path, two_kiosks, "es")
    merged = usage.merge_reports([usage.load_report(a), usage.load_report(csv_b)])
    assert merged.sessions == sessions
    assert f"Sesiones</dt><dd>{sessions}</dd>" in text
    assert "Pantalla de ayuda abierta" in text and "Sesiones por hora del día" in text
    assert text.count("<svg") == 7
    es = load_catalog(CONTENT, readability=False).languages["es"]
    top_id, _ = merged.top_explainers[0]
    assert f">{es.explainers[top_id].title}<" in text.replace("&#x27;", "'")
    top_question, _ = merged.top_questions[0]
    assert es.questions[top_question].title in text.replace("&#x27;", "'")
    assert f">{top_id}<" not in text  # a title, never the id
    assert "infusion-suite.csv" in text and "waiting-room.sqlite3" in text
    assert f"Sessions:               {sessions}" in capsys.readouterr().out


def test_the_page_needs_no_network_and_no_script(tmp_path, two_kiosks):
    text = page(tmp_path, two_kiosks, "en")
    assert "<script" not in text.lower() and "http" not in text.lower()
    assert not re.search(r"""(src|href)\s*=|@import|url\(""", text)
    assert 'lang="en"' in text and "Sessions by hour of the day" in text
    assert "Left alone (timed out)" in text


def test_a_file_that_is_not_statistics_fails_cleanly(tmp_path, capsys):
    bad = tmp_path / "notes.csv"
    bad.write_text("a,b\n1,2\n")
    assert cli.main(["stats", "--merge", str(bad), "--html", str(tmp_path / "r.html")]) == 1
    assert "cannot read statistics" in capsys.readouterr().err
    assert not (tmp_path / "r.html").exists()
