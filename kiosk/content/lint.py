"""Slips an editor makes that Markdown and YAML accept without a word, checked on the raw
text: callouts that render as an empty box, tables too wide for a kiosk screen, file names
a link cannot reach, explainers of one page, curly quotes in front matter."""

from __future__ import annotations

import re

from kiosk.check.problems import error, warning
from kiosk.check.suggest import closest
from kiosk.content.blocks import CALLOUT_KINDS
from kiosk.content.load_state import LoadState
from kiosk.content.model import Catalog

CALLOUT = re.compile(r"^(?P<indent>[ \t]*)!!!\s*(?P<kind>[^\s\"']*)")
FENCE = re.compile(r"^\s*(```|~~~)")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
LINKABLE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
SMART_QUOTES = "\u201c\u201d\u201e\u2018\u2019\u00ab\u00bb"
FRONT_VALUE = re.compile(r"^\s*(?:-\s+|[\w-]+\s*:\s+)(?P<value>.*)$")
MAX_TABLE_COLUMNS = 3
CALLOUT_INDENT = 4
ONE_PAGE_WORDS = 60


def run(loader: LoadState, catalog: Catalog) -> None:
    for rel, data in sorted(loader.read_files.items()):
        parts = rel.split("/")
        if (
            len(parts) != 3
            or parts[1] not in ("explainers", "questions")
            or not rel.endswith(".md")
        ):
            continue
        text = data.decode("utf-8-sig", errors="replace")
        problems = catalog.problems
        _check_id(problems, rel, parts[2][:-3])
        body_start = _check_front_matter(problems, rel, text)
        _check_body(problems, rel, text.splitlines(), body_start)
    for language in catalog.languages.values():
        for explainer in language.explainers.values():
            _check_pages(catalog.problems, loader, explainer)


def _check_pages(problems, loader: LoadState, explainer) -> None:
    """One page that holds `###` headings or a page's worth of text was meant as several:
    a `###` written for a `##` is the usual slip (a short note of one page is fine)."""
    if len(explainer.pages) != 1:
        return
    raw = loader.read_files.get(explainer.path, b"").decode("utf-8", errors="replace")
    sub_headings = re.search(r"^###(?!#)", raw, re.M) is not None
    words = sum(len(b.plain.split()) for b in explainer.pages[0].blocks)
    if not sub_headings and words < ONE_PAGE_WORDS:
        return
    problems.append(
        warning(
            "one-page-explainer",
            explainer.path,
            1,
            "the explainer has only one page",
            "Each '## ' heading starts a page; '###' is a heading inside a page."
            if sub_headings
            else "Split it into short pages with '## Page title' headings.",
        )
    )


def _check_id(problems, rel: str, item_id: str) -> None:
    if LINKABLE_ID.match(item_id):
        return
    better = re.sub(r"[^a-z0-9]+", "-", item_id.lower()).strip("-")
    problems.append(
        warning(
            "id-not-linkable",
            rel,
            None,
            f"the file name '{item_id}.md' cannot be used in a link",
            f"Rename the file to {better}.md: small letters, digits and dashes only, the "
            "same name in every language.",
            suggestion=f"{better}.md",
        )
    )


def _check_front_matter(problems, rel: str, text: str) -> int:
    """Report curly quotes around front matter values; return the body's first index."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return 0
    for index in range(1, len(lines)):
        line = lines[index]
        if line.strip() in ("---", "..."):
            return index + 1
        match = FRONT_VALUE.match(line)
        if match and match.group("value")[:1] in SMART_QUOTES:
            problems.append(
                warning(
                    "smart-quotes",
                    rel,
                    index + 1,
                    "a value starts with a curly quote, which is shown as part of the text",
                    'Type plain quotes "..." (word processors change them into curly ones).',
                )
            )
    return 0


def _check_body(problems, rel: str, lines: list[str], start: int) -> None:
    in_fence = False
    for index in range(start, len(lines)):
        line = lines[index]
        if FENCE.match(line):
            in_fence = not in_fence
        if in_fence:
            continue
        callout = CALLOUT.match(line)
        if callout:
            _check_callout(problems, rel, lines, index, callout)
        elif (
            TABLE_RULE.match(line)
            and "|" in line
            and index > 0
            and "|" in lines[index - 1]
            and _columns(line) > MAX_TABLE_COLUMNS
        ):
            problems.append(
                warning(
                    "table-too-wide",
                    rel,
                    index,
                    f"the table has {_columns(line)} columns; a kiosk screen fits "
                    f"{MAX_TABLE_COLUMNS}",
                    "Split it into two tables, or use a list.",
                )
            )


def _columns(rule: str) -> int:
    return len([cell for cell in rule.strip().strip("|").split("|")])


def _check_callout(problems, rel: str, lines: list[str], index: int, match: re.Match) -> None:
    kind = match.group("kind").lower()
    if kind not in CALLOUT_KINDS:
        problems.append(
            warning(
                "callout-unknown",
                rel,
                index + 1,
                f"unknown callout type '{kind}'",
                "Use one of: " + ", ".join(sorted(CALLOUT_KINDS)) + ".",
                suggestion=closest(kind, CALLOUT_KINDS),
            )
        )
    following = next((line for line in lines[index + 1 :] if line.strip()), "")
    own = len(match.group("indent").expandtabs(4))
    indent = len(following) - len(following.lstrip(" \t"))
    indent = len(following[:indent].expandtabs(4)) - own
    if indent == CALLOUT_INDENT or indent > CALLOUT_INDENT and indent % CALLOUT_INDENT == 0:
        return
    problems.append(
        error(
            "callout-indent",
            rel,
            index + 2,
            f"the callout's text is indented by {max(indent, 0)} spaces, so the box is empty",
            "Indent the text under '!!!' by exactly four spaces.",
        )
    )
