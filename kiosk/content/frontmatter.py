"""Split YAML front matter from markdown, keeping line numbers for messages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml


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
                data = yaml.safe_load(raw) if raw.strip() else {}
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                line = mark.line + 2 if mark is not None else 2
                problem = getattr(exc, "problem", None) or str(exc)
                return FrontMatter({}, body, index + 2, error=str(problem), error_line=line)
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
