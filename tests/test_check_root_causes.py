"""kiosk check finds the root cause: tests/data/slips is an editor's first draft with
several mistakes per file. One run reports every mistake, each once, causes first with
what follows from them folded under them, "did you mean" where a name is near; in Spanish
when asked."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import DATA

from kiosk.cli import main

SLIPS = DATA / "slips"

pytestmark = pytest.mark.usefixtures("ui_keys")


def check(capsys, *args: str) -> tuple[int, str]:
    code = main(["check", *args])
    return code, capsys.readouterr().out


def problems(capsys, folder, *args) -> list[dict]:
    _, out = check(capsys, "--content", str(folder), "--json", *args)
    return json.loads(out)["problems"]


def test_every_mistake_of_every_file_in_one_run(capsys):
    found = {(p["code"], p["file"], p["line"]) for p in problems(capsys, SLIPS)}
    first_visit = "en/explainers/first-visit.md"
    # `titel:` does not hide the rest of the file: its status, date, link, picture,
    # placeholder and callout are all checked in the same run.
    assert {
        ("field-unknown", first_visit, 2),
        ("field-missing", first_visit, 1),
        ("field-type", first_visit, 9),  # review status 'reviewd'
        ("field-type", first_visit, 12),  # the next_review line, not the review: line
        ("broken-link", first_visit, 14),
        ("missing-image", first_visit, 16),
        ("unknown-placeholder", first_visit, 20),
        ("callout-unknown", first_visit, 22),
        # A colon in an unquoted summary; the file's link is still checked.
        ("front-matter-syntax", "es/explainers/first-visit.md", 3),
        ("broken-link", "es/explainers/first-visit.md", 14),
        ("string-extra", "es/strings.toml", None),
        ("translation-renamed", "es/questions/care.md", 13),
    } <= found


def test_each_mistake_once_and_consequences_under_their_cause(capsys):
    report = problems(capsys, SLIPS)
    keys = [(p["code"], p["file"], p["line"], p["message"]) for p in report]
    assert len(keys) == len(set(keys))
    by_place = {(p["code"], p["file"], p["line"]): p for p in report}
    cause = "en/questions/visit.md:2 [field-unknown]"
    # The topic file with `titel:` is left out: links to its questions, the explainer's
    # topic and the Spanish translations follow from it, and say so.
    for code, file, line in [
        ("broken-link", "en/explainers/after.md", 14),
        ("broken-link", "en/explainers/after.md", 15),
        ("unknown-topic", "en/explainers/after.md", 1),
        ("field-missing", "en/questions/visit.md", 1),
        ("translation-extra", "es/questions/visit.md", 13),
        ("broken-link", "kiosk.toml", None),
    ]:
        assert by_place[(code, file, line)]["caused_by"] == cause, (code, file)
    # A misspelt link next to it is a mistake of its own.
    assert by_place[("broken-link", "en/explainers/first-visit.md", 14)]["caused_by"] is None
    # The misspelt key in es/strings.toml explains the "missing" one.
    assert by_place[("string-missing", "es/strings.toml", None)]["caused_by"] == (
        "es/strings.toml [string-extra]"
    )
    # The cause of an error is an error.
    assert by_place[("field-unknown", "en/questions/visit.md", 2)]["severity"] == "error"


def test_text_output_causes_first_and_did_you_mean(capsys):
    code, out = check(capsys, "--content", str(SLIPS))
    assert code == 1
    lines = out.splitlines()
    tops = [line for line in lines if line and not line.startswith(" ")]
    # Root causes (a file that cannot be used, a problem that explains others) first.
    assert tops[0].startswith("en/explainers/first-visit.md:2: error: unknown front matter")
    assert tops[1].startswith("en/questions/visit.md:2: error: unknown front matter")
    # The six problems that follow from the topic file are listed under it, not on their own.
    assert not [t for t in tops if t.startswith("en/explainers/after.md")]
    assert "      en/explainers/after.md:14: link to question:can-i-drive-home goes nowhere" in out
    for suggestion in (
        "title",
        "reviewed",
        "can-i-drive-home",
        "images/welcome.svg",
        "clinic.phone",
        "tip",
        "home",
        "can-i-eat-before",
        "idle_timeout_s",  # a kiosk.toml key
    ):
        assert f"did you mean '{suggestion}'?" in out, suggestion
    # Plain-language help for the YAML parser's words.
    assert "Text that contains a colon (:) must be in quotes" in out
    assert "(and 10 that follow from them)" in lines[-1]


def test_the_same_run_in_spanish(capsys, monkeypatch):
    _, english = check(capsys, "--content", str(SLIPS))
    _, spanish = check(capsys, "--content", str(SLIPS), "--lang", "es")
    assert "¿quiso decir 'title'?" in spanish
    assert "campo desconocido en el encabezado: 'titel' [field-unknown]" in spanish
    assert "el enlace a question:can-i-drive-home no lleva a ninguna parte" in spanish
    assert "Un texto que contiene dos puntos (:) va entre comillas" in spanish
    assert "error(es)" in spanish.splitlines()[-1] and "FALLÓ" in spanish.splitlines()[-1]
    assert len(spanish.splitlines()) == len(english.splitlines())  # the same problems
    # The usual locale variables choose it too.
    monkeypatch.setenv("LANGUAGE", "")
    monkeypatch.setenv("LC_ALL", "")
    monkeypatch.setenv("LC_MESSAGES", "")
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    _, from_locale = check(capsys, "--content", str(SLIPS))
    assert from_locale == spanish


def test_a_toml_mistake_in_kiosk_toml_is_not_followed_by_false_warnings(capsys, tmp_path):
    folder = tmp_path / "slips"
    shutil.copytree(SLIPS, folder)
    toml = folder / "kiosk.toml"
    toml.write_text(toml.read_text().replace('name = "Maple Test Clinic"', 'name = "Maple'))
    report = problems(capsys, folder)
    [syntax] = [p for p in report if p["code"] == "config-syntax"]
    assert syntax["line"] == 4 and "quote" in syntax["hint"]
    # With kiosk.toml unread only en is "configured": es/ is not reported on its own.
    unlisted = [p for p in report if p["code"] == "language-unlisted"]
    assert unlisted and all(p["caused_by"] == "kiosk.toml:4 [config-syntax]" for p in unlisted)


def test_a_strings_file_that_is_not_toml_is_one_problem(capsys, tmp_path):
    folder = tmp_path / "slips"
    shutil.copytree(SLIPS, folder)
    (folder / "en/strings.toml").write_text('app_title = "Learn\nhome = "Home"\n')
    report = problems(capsys, folder)
    roots = [p for p in report if p["caused_by"] is None and p["file"] == "en/strings.toml"]
    assert [p["code"] for p in roots] == ["toml-syntax"]
    assert "quote" in roots[0]["hint"]
    assert {p["code"] for p in report if p["caused_by"] == "en/strings.toml:1 [toml-syntax]"} >= {
        "string-missing",
        "help-lines-missing",
    }


def test_baseline_shows_only_what_changed(capsys, tmp_path):
    folder = tmp_path / "slips"
    shutil.copytree(SLIPS, folder)
    baseline = tmp_path / "baseline.json"
    check(capsys, "--content", str(folder), "--save-baseline", str(baseline))
    code, out = check(capsys, "--content", str(folder), "--baseline", str(baseline))
    assert code == 0
    assert "0 error(s), 0 warning(s)" in out
    # A new mistake (and a fixed one) since the baseline: only the new one is shown.
    care = folder / "en/questions/care.md"
    care.write_text(care.read_text() + "\n![A map](images/mapp.svg)\n")
    strings = folder / "es/strings.toml"
    strings.write_text(strings.read_text().replace("hom =", "home ="))
    code, out = check(capsys, "--content", str(folder), "--baseline", str(baseline))
    assert code == 1
    tops = [line for line in out.splitlines() if ": error: " in line or ": warning: " in line]
    assert len(tops) == 1 and "images/mapp.svg not found" in tops[0]
    assert "fixed since" in out and "2 fixed since" in out


def test_warnings_are_grouped_by_kind_with_counts(capsys):
    _, out = check(capsys, "--content", str(DATA / "broken"))
    assert "-- 1 warning(s) [translation-renamed] --" in out
    assert "warnings by kind:" in out
    groups = [line for line in out.splitlines() if line.startswith("-- ")]
    counts = [int(line.split()[1]) for line in groups]
    assert counts == sorted(counts)  # the rare (often new) kinds first
