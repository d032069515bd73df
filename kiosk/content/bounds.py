"""Limits on what one markdown file may ask of the parser, checked before Python-Markdown.

Python-Markdown recurses for nested lists, quotes and brackets: 20,000 `* ` overflow the
stack, and 2,000 nested list levels take a minute and a half. Real pages never nest more
than a few levels, so a linear pre-scan refuses anything deeper before it is parsed. The
authoring guide (docs/authoring.md) lists every limit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_NESTING = 12  # list, quote and indentation levels on one line
MAX_BRACKET_DEPTH = 16  # [ ( nested inside each other, e.g. links inside links
MAX_MARKER_RUN = 64  # the same * _ ` ~ repeated in a row
MAX_PAGES = 60  # '##' pages in one explainer, or questions in one topic file
FILE_TIME_BUDGET_S = 5.0  # loading one file; a slower file is refused

# One container marker at the start of a line: a quote, or a list bullet or number.
_CONTAINER = re.compile(r"(?:>|[-*+](?=\s)|\d{1,9}[.)](?=\s))[ \t]?")
_RUN = re.compile(rf"([*_`~])\1{{{MAX_MARKER_RUN - 1},}}")


@dataclass(frozen=True)
class TooDeep:
    line: int  # 1-based within the text scanned
    message: str


def _indent_levels(line: str) -> tuple[int, int]:
    """Indentation in levels of 4 columns (a tab is one level), and where the text starts."""
    stripped = line.lstrip(" \t")
    columns = 0
    for char in line[: len(line) - len(stripped)]:
        columns += 1 if char == " " else 4 - columns % 4
    return columns // 4, len(line) - len(stripped)


def _line_nesting(line: str) -> int:
    levels, start = _indent_levels(line)
    position = start
    while match := _CONTAINER.match(line, position):
        levels += 1
        if levels > MAX_NESTING:
            break  # enough to refuse: do not walk a 20,000-marker line to the end
        position = match.end()
        more, offset = _indent_levels(line[position:])
        levels += more
        position += offset
    return levels


# Only a line starting with more than MAX_NESTING container characters can nest too deeply
# (every level takes at least one), so only those lines are measured.
_LONG_PREFIX = re.compile(rf"^[ \t>*+\-0-9.)]{{{MAX_NESTING + 1},}}", re.MULTILINE)
_BRACKETS = re.compile(r"[\[\]()]|\n[ \t]*(?=\n)")


def _line_number(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def scan(text: str) -> TooDeep | None:
    """The first place the text nests too deeply for the parser, or None. Linear time."""
    for match in _LONG_PREFIX.finditer(text):
        end = text.find("\n", match.start())
        line = text[match.start() : end if end >= 0 else len(text)]
        if _line_nesting(line) > MAX_NESTING:
            return TooDeep(
                _line_number(text, match.start()),
                f"lists, quotes or indentation nested more than {MAX_NESTING} deep",
            )
    run = _RUN.search(text)
    if run:
        return TooDeep(
            _line_number(text, run.start()),
            f"the same * _ ` or ~ more than {MAX_MARKER_RUN} times in a row",
        )
    if text.count("[") + text.count("(") <= MAX_BRACKET_DEPTH:
        return None
    depth = 0
    for match in _BRACKETS.finditer(text):
        char = match.group(0)
        if char in "[(":
            depth += 1
            if depth > MAX_BRACKET_DEPTH:
                return TooDeep(
                    _line_number(text, match.start()),
                    f"brackets nested more than {MAX_BRACKET_DEPTH} deep",
                )
        elif char in "])":
            depth = max(0, depth - 1)
        else:
            depth = 0  # a blank line ends a paragraph, and the brackets in it
    return None
