"""Split YAML front matter from markdown, keeping line numbers for messages."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import yaml

# libyaml's parser (same safe constructor) is ~10x faster than the pure-Python one, and
# front matter was the largest cost of loading a big content folder.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_YAML_DEPTH = 10  # lists and blocks inside each other in front matter


class RefusedYaml(Exception):
    """Front matter the kiosk will not build: aliases, anchors, or nesting too deep."""


def check_events(raw: str, loader: type = SAFE_LOADER) -> None:
    """Refuse YAML aliases and anchors (a 1 KB alias bomb expands to gigabytes) and deep
    nesting, looking only at the parser's events: nothing is built before this passes.
    Front matter never needs either, so they are refused rather than expanded with a limit."""
    if "&" not in raw and "*" not in raw and _depth_bound(raw) <= MAX_YAML_DEPTH:
        return  # nothing to refuse, and no need to parse twice
    depth = 0
    for event in yaml.parse(raw, Loader=loader):
        if isinstance(event, yaml.AliasEvent):
            raise RefusedYaml(f"YAML aliases (*{event.anchor}) are not allowed", event)
        anchor = getattr(event, "anchor", None)  # only node events have one
        if anchor is not None:
            raise RefusedYaml(f"YAML anchors (&{anchor}) are not allowed", event)
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                raise RefusedYaml(f"front matter is nested more than {MAX_YAML_DEPTH} deep", event)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _depth_bound(raw: str) -> int:
    """More than the deepest nesting the YAML can have: each level needs a deeper indent,
    a '-' or '?' indicator, or a '[' or '{'."""
    indents = {len(line) - len(line.lstrip(" ")) for line in raw.splitlines() if line.strip()}
    marks = sum(raw.count(c) for c in "-?[{")
    return len(indents) + marks + 1


class NoAliasSafeLoader(yaml.SafeLoader):
    """The pure-Python SafeLoader, refusing aliases and anchors as they are composed
    (for callers that want a Loader class; split_front_matter checks the events first)."""

    def compose_node(self, parent, index):  # noqa: D102 (PyYAML API)
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise RefusedYaml(f"YAML aliases (*{event.anchor}) are not allowed", event)
        event = self.peek_event()
        anchor = getattr(event, "anchor", None)  # only node events have one
        if anchor is not None:
            raise RefusedYaml(f"YAML anchors (&{anchor}) are not allowed", event)
        return super().compose_node(parent, index)


@dataclass
class FrontMatter:
    data: dict[str, Any]
    body: str
    body_line: int  # 1-based line of the body's first line in the file
    error: str = ""
    error_line: int | None = None
    present: bool = True


def split_front_matter(text: str) -> FrontMatter:
    """Return front matter data and body. Never raises on malformed YAML."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return FrontMatter({}, text, 1, present=False)
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            raw = "".join(lines[1:index])
            body = "".join(lines[index + 1 :])
            try:
                # BaseLoader would lose numbers and dates; SafeLoader is safe for untrusted text.
                if raw.strip():
                    check_events(raw)
                data = yaml.load(raw, Loader=SAFE_LOADER) if raw.strip() else {}
            except RefusedYaml as exc:
                mark = getattr(exc.args[1], "start_mark", None) if len(exc.args) > 1 else None
                line = mark.line + 2 if mark is not None else 2
                return FrontMatter({}, body, index + 2, error=exc.args[0], error_line=line)
            except yaml.YAMLError as exc:
                message, line = _describe_yaml_error(exc)
                return FrontMatter({}, body, index + 2, error=message, error_line=line)
            except (ValueError, TypeError, OverflowError, RecursionError) as exc:
                # SafeLoader builds dates itself: `next_review: 2026-02-30` raises ValueError,
                # and very deep nesting overflows the stack. Both are editing mistakes.
                message, line = _describe_value_error(exc, raw)
                return FrontMatter({}, body, index + 2, error=message, error_line=line)
            if not isinstance(data, dict):
                return FrontMatter(
                    {},
                    body,
                    index + 2,
                    error="front matter must be 'key: value' lines",
                    error_line=2,
                )
            return FrontMatter(data, body, index + 2)
    return FrontMatter({}, text, 1, error="front matter is not closed with '---'", error_line=1)


def _describe_yaml_error(exc: yaml.YAMLError) -> tuple[str, int]:
    """A message and a 1-based file line (the front matter starts on line 2)."""
    mark = getattr(exc, "problem_mark", None)
    line = mark.line + 2 if mark is not None else 2
    problem = str(getattr(exc, "problem", None) or exc)
    context = getattr(exc, "context", None)
    context_mark = getattr(exc, "context_mark", None)
    if context and context_mark is not None and context_mark.line + 2 != line:
        # "expected ',' or ']'" on line 4 is clearer with "while parsing a flow sequence
        # (started on line 3)": that is where the bracket was opened and never closed.
        problem += f" ({context}, started on line {context_mark.line + 2})"
    return problem, line


DATE_LIKE = re.compile(r"\b(\d{4}-\d{1,2}-\d{1,2})\b")


def _describe_value_error(exc: Exception, raw: str) -> tuple[str, int]:
    if isinstance(exc, RecursionError):
        return "front matter is nested too deeply", 2
    for number, text in enumerate(raw.splitlines(), 2):
        for match in DATE_LIKE.finditer(text):
            try:
                dt.date.fromisoformat(_pad_date(match.group(1)))
            except ValueError:
                return f"{match.group(1)} is not a real date (YYYY-MM-DD)", number
    return f"a value cannot be read: {exc}", 2


def _pad_date(text: str) -> str:
    year, month, day = text.split("-")
    return f"{year}-{int(month):02d}-{int(day):02d}"
