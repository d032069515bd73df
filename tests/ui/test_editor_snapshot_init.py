"""The editor's tools that draw: `kiosk snapshot --only` and its contact sheet, and a new
folder from `kiosk init` that passes `kiosk check` and `kiosk snapshot`."""

from __future__ import annotations

import shutil
from pathlib import Path

from kiosk.cli import build_parser, main, snapshot_options
from kiosk.qt import snapshot as snapshot_module
from kiosk.qt.app import QmlMessages

GOOD = Path(__file__).resolve().parents[1] / "data" / "good"


def snapshot(tmp_path, content: Path, *extra: str) -> tuple[int, Path]:
    out = tmp_path / "shots"
    args = build_parser().parse_args(
        ["snapshot", "--out", str(out), "--event-log", str(tmp_path / "e.jsonl"), *extra]
    )
    return snapshot_module.snapshot(snapshot_options(args, content)), out


def test_snapshot_only_some_items_with_problems_beside_them(
    qtbot, tmp_path, fonts, qml_warnings, monkeypatch
):
    monkeypatch.setattr(QmlMessages, "install", lambda self: None)
    folder = tmp_path / "good"
    shutil.copytree(GOOD, folder)
    page = folder / "en/explainers/sleep-basics.md"
    page.write_text(page.read_text().replace('!!! tip "Good to know"', '!!! tipp "Good to know"'))
    code, out = snapshot(tmp_path, folder, "--only", "sleep-basics,coffee-and-sleep")
    assert code == 0
    names = sorted(p.name for p in out.glob("*.png"))
    assert names and all("sleep-basics" in n or "coffee-and-sleep" in n for n in names), names
    assert {"en-explainer-sleep-basics-p2.png", "es-explainer-sleep-basics-p2.png"} <= set(names)
    assert {"en-answer-coffee-and-sleep.png", "es-answer-coffee-and-sleep.png"} <= set(names)
    sheet = (out / "index.html").read_text(encoding="utf-8")
    # An index by screen and item, linking to each row.
    assert "<nav><h2>Index</h2>" in sheet
    assert "href='#explainer:sleep-basics:2'" in sheet
    # English and Spanish side by side in one row.
    row = sheet[sheet.index("<tr id='explainer:sleep-basics:2'>") :]
    row = row[: row.index("</tr>")]
    assert "en-explainer-sleep-basics-p2.png" in row and "es-explainer-sleep-basics-p2.png" in row
    # The check's problem sits next to the page it is on.
    assert "unknown callout type &#x27;tipp&#x27;" in row and "did you mean" in row


def test_snapshot_only_refuses_an_unknown_id(tmp_path, capsys):
    code, out = snapshot(tmp_path, GOOD, "--only", "sleep-basic")
    assert code == 2
    assert "did you mean 'sleep-basics'?" in capsys.readouterr().err
    assert not out.exists() or not list(out.glob("*.png"))


def test_init_makes_a_folder_that_passes_check_and_snapshot(
    qtbot, tmp_path, fonts, qml_warnings, monkeypatch, capsys
):
    folder = tmp_path / "new"
    assert main(["init", str(folder), "--lang", "en,es"]) == 0
    for lang in ("en", "es"):
        for name in (
            "strings.toml",
            "synonyms.toml",
            "explainers/welcome.md",
            "questions/visit.md",
        ):
            assert (folder / lang / name).is_file(), (lang, name)
    capsys.readouterr()
    # The real UI string keys (from the QML), not a test's pinned set.
    assert main(["check", "--content", str(folder)]) == 0, capsys.readouterr().out
    out = capsys.readouterr().out
    assert "0 error(s)" in out and "en: 1 explainers, 2 questions" in out
    monkeypatch.setattr(QmlMessages, "install", lambda self: None)
    code, shots = snapshot(tmp_path, folder)
    assert code == 0
    assert (shots / "en-explainer-welcome-p3.png").is_file()
    assert (shots / "es-answer-can-i-drive-home.png").is_file()
    # A second init into the same folder is refused, nothing overwritten.
    assert main(["init", str(folder)]) == 1
    assert "not empty" in capsys.readouterr().err
