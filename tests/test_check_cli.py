"""`kiosk check` and `kiosk search` as editors run them.

tests/data/broken holds one example of every problem the loader and checker report (the
latin-1 file for bad-encoding is added by the `broken_tree` fixture); EXPECTED below says
where each one is. Problems that cannot share a tree with the others
(a kiosk.toml that is missing or unparsable, a loader crash) get their own small trees.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BROKEN, GOOD

from kiosk.cli import main
from kiosk.content.ui_strings import required_keys

pytestmark = pytest.mark.usefixtures("ui_keys")

# code -> (file, line) of one example in tests/data/broken. line None: the check has none.
EXPECTED: dict[str, tuple[str, int | None]] = {
    "unreadable-file": ("en/explainers/unreadable.md", None),
    "bad-encoding": ("en/explainers/bad-encoding.md", 2),
    "front-matter-syntax": ("en/explainers/bad-yaml.md", 4),
    "front-matter-missing": ("en/explainers/no-front-matter.md", 1),
    "field-missing": ("en/explainers/no-summary.md", 1),
    "field-type": ("en/explainers/bad-order.md", 5),
    "field-unknown": ("en/explainers/mistakes.md", 6),
    "duplicate-id": ("en/questions/basics.md", 19),
    "broken-link": ("en/explainers/mistakes.md", 13),
    "external-link": ("en/explainers/mistakes.md", 15),
    "missing-image": ("en/explainers/mistakes.md", 17),
    "remote-resource": ("en/explainers/mistakes.md", 19),
    "raw-html": ("en/explainers/mistakes.md", 21),
    "unknown-placeholder": ("en/explainers/mistakes.md", 23),
    "empty-page": ("en/explainers/mistakes.md", 25),
    "page-too-long": ("en/explainers/mistakes.md", 27),
    "reading-level": ("en/explainers/mistakes.md", 31),
    "review-missing": ("en/explainers/no-review.md", 1),
    "review-draft": ("en/explainers/mistakes.md", 7),
    "review-overdue": ("en/explainers/overdue.md", 12),
    "review-incomplete": ("en/explainers/incomplete-review.md", 10),
    "sources-missing": ("en/explainers/mistakes.md", 1),
    "unknown-topic": ("en/explainers/mistakes.md", 1),
    "question-id-missing": ("en/questions/basics.md", 23),
    "text-outside-question": ("en/questions/basics.md", 13),
    "no-questions": ("en/questions/empty-topic.md", 13),
    "also-empty": ("en/questions/phrasings.md", 14),
    "also-duplicate": ("en/questions/phrasings.md", 19),
    "also-misplaced": ("en/questions/phrasings.md", 26),
    # The file on the side that lacks it, the other side's file in the message.
    "translation-missing": ("es/explainers/overdue.md", None),
    "translation-extra": ("es/explainers/solo-es.md", None),
    "translation-renamed": ("es/questions/basics.md", 17),
    "smart-quotes": ("en/explainers/slips.md", 3),
    "callout-unknown": ("en/explainers/slips.md", 16),
    "callout-indent": ("en/explainers/slips.md", 22),
    "table-too-wide": ("en/explainers/slips.md", 24),
    "one-page-explainer": ("en/explainers/one-page.md", 1),
    "id-not-linkable": ("en/explainers/Capital-Name.md", None),
    "string-missing": ("en/strings.toml", None),
    "string-extra": ("es/strings.toml", None),
    "help-lines-missing": ("en/strings.toml", None),
    "toml-syntax": ("es/synonyms.toml", 2),
    "file-missing": ("pt/strings.toml", None),
    "language-missing": ("fr/", None),
    "language-unlisted": ("de/", None),
    "config-unknown-key": ("kiosk.toml", 18),
    "config-type": ("kiosk.toml", 17),
    "config-range": ("kiosk.toml", 16),
    "config-device-key": ("kiosk.toml", 19),
    "clinic-placeholder": ("kiosk.toml", 5),
}
# The same check, once per language.
ALSO = [("reading-level", "es/explainers/basics.md", 14)]
# Codes that need a tree of their own (tested below).
# (site-url-not-https: tests/test_take_home_core.py; reading-level-median needs most pages
# hard: tests/test_readability.py has its tree.)
ELSEWHERE = {
    "config-missing",
    "config-syntax",
    "loader-failure",
    "site-url-not-https",
    "reading-level-median",
}
# Limits and hostile files: tests/hostile/ has a fixture for each.
ELSEWHERE |= {
    "too-many-pages",
    "content-too-large",
    "too-many-files",
    "file-failed",
    "nesting-too-deep",
    "file-too-slow",
    "manifest-mismatch",
}


def all_codes_in_source() -> set[str]:
    """Every problem code the core can emit, read from the source."""
    import re

    root = Path(__file__).resolve().parent.parent / "kiosk"
    sources = sorted((root / "content").glob("*.py"))
    text = "\n".join(p.read_text(encoding="utf-8") for p in sources)
    pattern = r'(?:error|warning|warn)\(\s*"([a-z]+(?:-[a-z]+)+)"'
    return set(re.findall(pattern, text))


def run_check(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_every_code_in_the_source_is_covered():
    assert all_codes_in_source() == set(EXPECTED) | ELSEWHERE


def test_broken_tree_reports_every_kind(capsys, broken_tree):
    code, out, err = run_check(capsys, "--content", str(broken_tree))
    assert code == 1
    assert "Traceback" not in out + err
    lines = out.splitlines()
    for problem, (file, line) in [*EXPECTED.items(), *[(c, (f, n)) for c, f, n in ALSO]]:
        where = f"{file}:{line}: " if line else f"{file}: "
        matching = [x for x in lines if x.startswith(where) and x.endswith(f"[{problem}]")]
        assert matching, f"{problem} not reported at {where!r}"
    assert "FAILED" in lines[-1]


def test_broken_tree_json(capsys, broken_tree):
    code, out, _ = run_check(capsys, "--content", str(broken_tree), "--json")
    assert code == 1
    report = json.loads(out)
    assert report["ok"] is False
    assert report["content"] == str(broken_tree)
    problems = report["problems"]
    assert report["errors"] == sum(p["severity"] == "error" for p in problems)
    assert report["warnings"] == sum(p["severity"] == "warning" for p in problems)
    assert report["errors"] + report["warnings"] == len(problems)
    found = {(p["code"], p["file"], p["line"]) for p in problems}
    for problem, (file, line) in EXPECTED.items():
        assert (problem, file, line) in found, problem
    for problem in problems:
        assert set(problem) == {
            "severity",
            "code",
            "file",
            "line",
            "message",
            "hint",
            "suggestion",
            "subject",
            "caused_by",
        }
        assert problem["severity"] in ("error", "warning")
        assert problem["file"] and problem["message"]
    # Sorted by file, then line, so an editor can walk the list.
    keys = [(p["file"], p["line"] or 0) for p in problems]
    assert keys == sorted(keys)


def test_severities(capsys, broken_tree):
    _, out, _ = run_check(capsys, "--content", str(broken_tree), "--json")
    severity = {p["code"]: p["severity"] for p in json.loads(out)["problems"]}
    errors = {
        "unreadable-file",
        "bad-encoding",
        "front-matter-syntax",
        "front-matter-missing",
        "duplicate-id",
        "broken-link",
        "missing-image",
        "remote-resource",
        "unknown-placeholder",
        "no-questions",
        "string-missing",
        "toml-syntax",
        "file-missing",
        "language-missing",
        "config-unknown-key",
        "config-type",
        "config-range",
        "reading-level",
    }
    for code in errors:
        assert severity[code] == "error", code
    for code in ("review-draft", "translation-missing", "raw-html"):
        assert severity[code] == "warning", code


def test_subprocess_entry_point(broken_tree):
    kiosk = Path(sys.executable).with_name("kiosk")
    if not kiosk.exists():
        pytest.skip("the kiosk script is not installed in this environment")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [str(kiosk), "check", "--content", str(broken_tree), "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    codes = {p["code"] for p in json.loads(result.stdout)["problems"]}
    # This process uses the real UI string keys from the QML, not the pinned ones: whether
    # string-missing appears depends on which keys the QML asks for today.
    expected = set(EXPECTED) - {"string-missing", "string-extra"}
    assert expected <= codes
    en_strings = {"app_title", "home", "back", "page_of"}
    if required_keys() - en_strings:
        assert "string-missing" in codes

    text = subprocess.run(
        [str(kiosk), "check", "--content", str(broken_tree)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
    )
    assert text.returncode == 1
    assert "Traceback" not in text.stdout + text.stderr
    assert "en/explainers/bad-encoding.md:2: error:" in text.stdout


def test_good_tree_passes(capsys):
    code, out, err = run_check(capsys, "--content", str(GOOD))
    assert code == 0, out
    assert out.strip().endswith("0 error(s), 0 warning(s) - OK")
    assert "en: 2 explainers, 4 questions, es: 2 explainers, 4 questions" in out
    code, out, _ = run_check(capsys, "--content", str(GOOD), "--strict", "--json")
    assert code == 0
    assert json.loads(out)["problems"] == []


def test_strict_fails_on_warnings_only(capsys, good_copy):
    path = good_copy / "en/explainers/your-visit.md"
    path.write_text(path.read_text().replace("status: reviewed", "status: draft"))
    code, out, _ = run_check(capsys, "--content", str(good_copy))
    assert code == 0
    assert "0 error(s), 1 warning(s) - OK" in out
    assert "[review-draft]" in out
    assert "hint:" in out
    code, out, _ = run_check(capsys, "--content", str(good_copy), "--strict")
    assert code == 1
    assert "0 error(s), 1 warning(s) - FAILED" in out
    code, out, _ = run_check(capsys, "--content", str(good_copy), "--strict", "--json")
    assert code == 1
    assert json.loads(out)["ok"] is False


def test_config_missing(capsys, tmp_path):
    shutil.copytree(GOOD, tmp_path / "c")
    (tmp_path / "c" / "kiosk.toml").unlink()
    code, out, err = run_check(capsys, "--content", str(tmp_path / "c"))
    assert code == 1
    assert "kiosk.toml: error: kiosk.toml is missing [config-missing]" in out
    assert "Traceback" not in out + err


def test_config_syntax(capsys, good_copy):
    config = good_copy / "kiosk.toml"
    config.write_text(config.read_text().replace('phone = "555-0100"', "phone = 555-0100"))
    code, out, _ = run_check(capsys, "--content", str(good_copy))
    assert code == 1
    assert "kiosk.toml:6: error: not valid TOML" in out
    assert "[config-syntax]" in out


def test_content_folder_that_does_not_exist(capsys, tmp_path):
    code, out, err = run_check(capsys, "--content", str(tmp_path / "nowhere"))
    assert code == 1
    assert "[config-missing]" in out
    assert "[language-missing]" in out
    assert "Traceback" not in out + err


def test_loader_failure_is_reported(capsys, monkeypatch):
    def boom(self):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr("kiosk.content.loader.Loader.load", boom)
    code, out, _ = run_check(capsys, "--content", str(GOOD), "--json")
    assert code == 1
    [problem] = json.loads(out)["problems"]
    assert problem["code"] == "loader-failure"
    assert "simulated bug" in problem["message"]


def test_content_from_environment(capsys, monkeypatch):
    monkeypatch.setenv("KIOSK_CONTENT", str(GOOD))
    code, out, _ = run_check(capsys)
    assert code == 0
    assert str(GOOD) in out


# -- kiosk search ------------------------------------------------------------------------


def test_search_text(capsys):
    assert main(["search", "--content", str(GOOD), "cofee"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith(" 1. [question] coffee-and-sleep - Can coffee keep me")
    assert "result(s) in" in out


def test_search_explainer_page_and_spanish(capsys):
    assert main(["search", "--content", str(GOOD), "--lang", "es", "pantallas"]) == 0
    out = capsys.readouterr().out
    assert "[explainer] sleep-basics - Lo básico del sueño (page 3: Un plan fácil)" in out


def test_search_json(capsys):
    assert main(["search", "--content", str(GOOD), "--json", "latte"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["query"] == "latte"
    assert isinstance(report["ms"], float)
    assert report["hits"][0]["id"] == "coffee-and-sleep"
    assert set(report["hits"][0]) == {"kind", "id", "title", "where", "page", "score"}


@pytest.mark.parametrize("query", ["zzzzqqq", '"', "AND", "("])
def test_search_no_results(capsys, query):
    assert main(["search", "--content", str(GOOD), query]) == 0
    assert capsys.readouterr().out.startswith(f"no results for {query!r}")


def test_committed_broken_tree(capsys):
    # Without the generated latin-1 file, the committed tree still reports every other kind.
    code, out, _ = run_check(capsys, "--content", str(BROKEN), "--json")
    assert code == 1
    codes = {p["code"] for p in json.loads(out)["problems"]}
    assert codes == set(EXPECTED) - {"bad-encoding"}


def test_search_broken_content_still_works(capsys):
    assert main(["search", "--content", str(BROKEN), "test"]) == 0
    assert "what-is-a-test" in capsys.readouterr().out
