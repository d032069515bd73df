"""Problems found in content or configuration, as `kiosk check` reports them."""

from __future__ import annotations

import enum
import re
from dataclasses import asdict, dataclass, field


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing an editor should fix: what, where, and how."""

    severity: Severity
    code: str
    file: str
    line: int | None
    message: str
    hint: str = ""
    # The nearest known name when the editor probably misspelled one ("did you mean").
    suggestion: str = ""
    # What the problem is about, as "kind:id" (e.g. "question:is-it-safe", "topic:visit"),
    # so a problem that only follows from another can be folded under it.
    subject: str = ""
    # Problems that follow from this one (kiosk check lists them under it).
    consequences: tuple[Problem, ...] = field(default=(), compare=False)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["severity"] = str(self.severity)
        del data["consequences"]  # kiosk check --json lists each one, with caused_by
        return data

    def format(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        text = f"{where}: {self.severity}: {self.message} [{self.code}]"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        if self.suggestion:
            text += f"\n    did you mean {self.suggestion!r}?"
        return text


def error(
    code: str,
    file: str,
    line: int | None,
    message: str,
    hint: str = "",
    *,
    suggestion: str = "",
    subject: str = "",
) -> Problem:
    return Problem(Severity.ERROR, code, file, line, message, hint, suggestion, subject)


def warning(
    code: str,
    file: str,
    line: int | None,
    message: str,
    hint: str = "",
    *,
    suggestion: str = "",
    subject: str = "",
) -> Problem:
    return Problem(Severity.WARNING, code, file, line, message, hint, suggestion, subject)


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)


def toml_error_line(exc: Exception, text: str) -> int | None:
    """The 1-based line a TOMLDecodeError points at: "(at line 3, column 5)", or the last
    line for "(at end of document)" (an unclosed bracket or quote)."""
    line = getattr(exc, "lineno", None)  # Python 3.14+
    if isinstance(line, int) and line > 0:
        return line
    match = re.search(r"line (\d+)", str(exc))
    if match:
        return int(match.group(1))
    if "end of document" in str(exc):
        return max(1, len(text.splitlines()))
    return None
