"""What `kiosk check` prints: root causes first, consequences under them, warnings grouped
by kind with counts, only what changed since a baseline, in the editor's language."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.check.diagnosis import flatten
from kiosk.check.i18n import Messages, fill
from kiosk.check.problems import Problem, Severity

BASELINE_VERSION = 1


def fingerprint(problem: Problem) -> str:
    """What makes a problem "the same" across runs: not its line, which edits above move."""
    return f"{problem.code}|{problem.file}|{problem.message}"


def save_baseline(path: Path, roots: list[Problem]) -> int:
    problems = flatten(roots)
    data = {
        "version": BASELINE_VERSION,
        "problems": sorted(fingerprint(p) for p in problems),
    }
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return len(problems)


def load_baseline(path: Path) -> Counter:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("problems"), list):
        raise ValueError("not a kiosk check baseline (expected {'problems': [...]})")
    return Counter(str(p) for p in data["problems"])


@dataclass
class Filtered:
    roots: list[Problem]
    known: int = 0  # problems hidden because the baseline has them
    gone: int = 0  # problems in the baseline no longer found
    baseline: bool = False
    _unused: Counter = field(default_factory=Counter)


def subtract(roots: list[Problem], baseline: Counter) -> Filtered:
    """Only the problems the baseline does not have; a known cause with new consequences
    stays, showing the new ones only."""
    left = Counter(baseline)
    kept, known = [], 0

    def seen(problem: Problem) -> bool:
        key = fingerprint(problem)
        if left[key] > 0:
            left[key] -= 1
            return True
        return False

    for root in roots:
        root_known = seen(root)
        new = tuple(c for c in root.consequences if not seen(c))
        known += root_known + len(root.consequences) - len(new)
        if root_known and not new:
            continue
        kept.append(_replace_consequences(root, new))
    return Filtered(kept, known=known, gone=sum(left.values()), baseline=True)


def _replace_consequences(problem: Problem, consequences: tuple) -> Problem:
    import dataclasses

    return dataclasses.replace(problem, consequences=consequences)


def failed(roots: list[Problem], strict: bool) -> bool:
    everything = flatten(roots)
    if any(p.severity is Severity.ERROR for p in everything):
        return True
    return strict and bool(everything)


def _where(problem: Problem) -> str:
    return problem.file + (f":{problem.line}" if problem.line else "")


def format_problem(problem: Problem, messages: Messages, *, hint: bool = True) -> list[str]:
    _ = messages.gettext
    label = _("error") if problem.severity is Severity.ERROR else _("warning")
    lines = [f"{_where(problem)}: {label}: {problem.message} [{problem.code}]"]
    if hint and problem.hint:
        lines.append("    " + _("hint:") + " " + problem.hint)
    if problem.suggestion:
        lines.append("    " + fill(_("did you mean '{suggestion}'?"), vars(problem)))
    if problem.consequences:
        count = len(problem.consequences)
        lines.append(
            "    " + fill(_("because of this ({count}, fixed with it):"), {"count": str(count)})
        )
        for consequence in problem.consequences:
            lines.append(f"      {_where(consequence)}: {consequence.message} [{consequence.code}]")
    return lines


def render(roots: list[Problem], messages: Messages) -> list[str]:
    """Errors one by one, causes first; then warnings grouped by kind, the rarest first
    (a new kind of warning is usually a single one and should not hide among the many)."""
    _ = messages.gettext
    shown = [messages.problem(p) for p in roots]
    lines: list[str] = []
    errors = [p for p in shown if p.severity is Severity.ERROR]
    warnings = [p for p in shown if p.severity is Severity.WARNING]
    for problem in errors:
        lines += format_problem(problem, messages)
    groups: dict[str, list[Problem]] = defaultdict(list)
    for problem in warnings:
        groups[problem.code].append(problem)
    for code, group in sorted(groups.items(), key=lambda item: (len(item[1]), item[0])):
        if lines:
            lines.append("")
        lines.append(
            fill(_("-- {count} warning(s) [{code}] --"), {"count": str(len(group)), "code": code})
        )
        hints = {p.hint for p in group}
        same_hint = len(hints) == 1 and len(group) > 1
        for problem in group:
            lines += format_problem(problem, messages, hint=not same_hint)
        if same_hint and group[0].hint:
            lines.append("    " + _("hint:") + " " + group[0].hint)
    return lines


def summary(
    roots: list[Problem], messages: Messages, filtered: Filtered, *, is_failed: bool
) -> list[str]:
    _ = messages.gettext
    errors = sum(p.severity is Severity.ERROR for p in roots)
    warnings = len(roots) - errors
    following = sum(len(p.consequences) for p in roots)
    text = fill(
        _("{errors} error(s), {warnings} warning(s)"),
        {"errors": str(errors), "warnings": str(warnings)},
    )
    if following:
        text += " " + fill(_("(and {count} that follow from them)"), {"count": str(following)})
    text += " - " + (_("FAILED") if is_failed else _("OK"))
    lines = []
    kinds = Counter(p.code for p in roots if p.severity is Severity.WARNING)
    if kinds:
        lines.append(
            _("warnings by kind:")
            + " "
            + ", ".join(f"{code} {count}" for code, count in sorted(kinds.items()))
        )
    if filtered.baseline:
        lines.append(
            fill(
                _("{known} problem(s) already in the baseline not shown; {gone} fixed since"),
                {"known": str(filtered.known), "gone": str(filtered.gone)},
            )
        )
    lines.append(text)
    return lines


def to_json(roots: list[Problem], messages: Messages | None) -> list[dict]:
    """Every problem once, in file order, with `caused_by` naming its root (if any)."""
    out = []
    for root in roots:
        shown = messages.problem(root) if messages else root
        out.append({**shown.to_dict(), "caused_by": None})
        for consequence in shown.consequences:
            out.append({**consequence.to_dict(), "caused_by": f"{_where(root)} [{root.code}]"})
    return sorted(out, key=lambda p: (p["file"], p["line"] or 0, p["code"]))
