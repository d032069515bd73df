"""The snapshot's index.html: one row per screen or item, the languages side by side, and
kiosk check's problems next to the screen they concern, with an index at the top."""

from __future__ import annotations

import html
from pathlib import Path

from kiosk.check.problems import Problem, Severity
from kiosk.content.model import Catalog

STYLE = (
    "body{font-family:sans-serif;margin:24px;background:#f4f4f4;color:#1f2933}"
    "table{border-collapse:collapse;width:100%}th,td{vertical-align:top;padding:8px;"
    "border-bottom:1px solid #ccc;text-align:left}th.item{width:14em}"
    "figure{display:inline-block;margin:4px;background:#fff;padding:6px;border:1px solid #ccc}"
    "img{width:360px;display:block}figcaption{max-width:360px;font-size:13px;margin-top:4px}"
    "ul.problems{margin:0;padding-left:1.2em;font-size:13px;max-width:28em}"
    ".error{color:#9b1c1c}.warning{color:#7a4d00}nav a{margin-right:.8em}"
    "nav ul{columns:3;font-size:14px}"
)
KIND_HEADINGS = {
    "screen": "Screens",
    "explainer": "Explainers",
    "topic": "Topics",
    "question": "Questions",
}


def _row_label(row: str, catalog: Catalog) -> str:
    kind, _, rest = row.partition(":")
    default = catalog.languages.get(catalog.config.default_language) or next(
        iter(catalog.languages.values()), None
    )
    item_id, _, page = rest.partition(":")
    if default is not None:
        if kind == "explainer" and item_id in default.explainers:
            return f"{default.explainers[item_id].title} - page {page} ({item_id})"
        if kind == "topic" and item_id in default.topics:
            return f"Topic: {default.topics[item_id].title} ({item_id})"
        if kind == "question" and item_id in default.questions:
            return f"{default.questions[item_id].title} ({item_id})"
    return rest.replace("-", " ").capitalize() if kind == "screen" else rest


def problem_rows(catalog: Catalog, roots: list[Problem]) -> dict[str, list[Problem]]:
    """Which row each problem belongs to ("" = the folder as a whole, or a file not shown)."""
    places: dict[str, list[tuple[int, str]]] = {}  # file -> [(first line, row)]
    for language in catalog.languages.values():
        for explainer in language.explainers.values():
            places[explainer.path] = [
                (page.line, f"explainer:{explainer.id}:{number}")
                for number, page in enumerate(explainer.pages, 1)
            ]
        for topic in language.topics.values():
            places[topic.path] = [(0, f"topic:{topic.id}")] + [
                (question.line, f"question:{question.id}") for question in topic.questions
            ]
    rows: dict[str, list[Problem]] = {}
    for problem in roots:
        spots = places.get(problem.file)
        row = ""
        if spots:
            row = spots[0][1]
            for line, name in spots:
                if problem.line is not None and line <= problem.line:
                    row = name
        rows.setdefault(row, []).append(problem)
    return rows


def _problem_list(problems: list[Problem]) -> str:
    items = []
    for problem in problems:
        where = problem.file + (f":{problem.line}" if problem.line else "")
        css = "error" if problem.severity is Severity.ERROR else "warning"
        text = f"{where}: {problem.severity}: {problem.message} [{problem.code}]"
        if problem.suggestion:
            text += f" - did you mean {problem.suggestion!r}?"
        if problem.consequences:
            text += f" (and {len(problem.consequences)} that follow from it)"
        items.append(f"<li class='{css}'>{html.escape(text)}</li>")
    return "<ul class='problems'>" + "".join(items) + "</ul>" if items else ""


def write_contact_sheet(
    out: Path,
    sections: list[tuple[str, list[tuple[str, str]], dict[str, str]]],
    catalog: Catalog,
    roots: list[Problem],
    title: str,
) -> None:
    languages = [lang for lang, _, _ in sections]
    table: dict[str, dict[str, list[tuple[str, str]]]] = {}
    for lang, shots, row_of_file in sections:
        for file, caption in shots:
            row = row_of_file.get(file, f"screen:{file}")
            table.setdefault(row, {}).setdefault(lang, []).append((file, caption))
    by_row = problem_rows(catalog, roots)
    ordered = sorted(table, key=lambda r: list(KIND_HEADINGS).index(r.partition(":")[0]))

    parts = [
        "<!doctype html><html lang='en'><meta charset='utf-8'>",
        f"<title>{html.escape(title)}</title><style>{STYLE}</style>",
        f"<h1>{html.escape(title)}</h1>",
    ]
    errors = sum(p.severity is Severity.ERROR for p in roots)
    parts.append(
        f"<p>kiosk check: {errors} error(s), {len(roots) - errors} warning(s), "
        "shown next to the screen they concern.</p>"
    )
    if by_row.get(""):
        parts.append("<h2 id='folder'>The content folder as a whole, and files not shown</h2>")
        folder = by_row[""]
        parts.append(
            f"<details{' open' if len(folder) <= 10 else ''}><summary>{len(folder)} problem(s)"
            f"</summary>{_problem_list(folder)}</details>"
        )
    parts.append("<nav><h2>Index</h2>")
    for kind, heading in KIND_HEADINGS.items():
        rows = [r for r in ordered if r.startswith(kind + ":")]
        if not rows:
            continue
        parts.append(f"<h3>{heading}</h3><ul>")
        for row in rows:
            marker = " (!)" if by_row.get(row) else ""
            parts.append(
                f"<li><a href='#{html.escape(row)}'>"
                f"{html.escape(_row_label(row, catalog))}{marker}</a></li>"
            )
        parts.append("</ul>")
    parts.append("</nav>")
    header = "".join(f"<th>{html.escape(lang)}</th>" for lang in languages)
    for kind, heading in KIND_HEADINGS.items():
        rows = [r for r in ordered if r.startswith(kind + ":")]
        if not rows:
            continue
        parts.append(f"<h2>{heading}</h2><table><tr><th></th>{header}<th>Problems</th></tr>")
        for row in rows:
            cells = []
            for lang in languages:
                figures = "".join(
                    f"<figure><a href='{html.escape(file)}'><img src='{html.escape(file)}' "
                    f"alt='{html.escape(caption)}' loading='lazy'></a>"
                    f"<figcaption>{html.escape(caption)}</figcaption></figure>"
                    for file, caption in table[row].get(lang, [])
                )
                cells.append(f"<td>{figures}</td>")
            parts.append(
                f"<tr id='{html.escape(row)}'><th class='item'>"
                f"{html.escape(_row_label(row, catalog))}</th>{''.join(cells)}"
                f"<td>{_problem_list(by_row.get(row, []))}</td></tr>"
            )
        parts.append("</table>")
    (out / "index.html").write_text("\n".join(parts), encoding="utf-8")
