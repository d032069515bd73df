"""Problems found in content or configuration, as `kiosk check` reports them."""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass


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

    def to_dict(self) -> dict:
        data = asdict(self)
        data["severity"] = str(self.severity)
        return data

    def format(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        text = f"{where}: {self.severity}: {self.message} [{self.code}]"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text


def error(code: str, file: str, line: int | None, message: str, hint: str = "") -> Problem:
    return Problem(Severity.ERROR, code, file, line, message, hint)


def warning(code: str, file: str, line: int | None, message: str, hint: str = "") -> Problem:
    return Problem(Severity.WARNING, code, file, line, message, hint)


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)
