"""Root causes: fold each problem that only follows from another one under it.

The loader and the checks report what they see, one problem at a time; an editor needs
the mistake to fix. A topic file that cannot be used makes every link to its questions "go
nowhere"; a kiosk.toml that is not TOML makes every setting look like its default; a
misspelled field makes the real one "missing". Those follow-on problems are folded under
their cause (Problem.consequences), so each mistake is reported once, cause first.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from kiosk.check.problems import Problem, Severity

# Problems that mean a whole file could not be read: they come first.
FILE_LEVEL = {
    "config-missing",
    "config-syntax",
    "toml-syntax",
    "unreadable-file",
    "bad-encoding",
    "front-matter-syntax",
    "front-matter-missing",
    "file-missing",
    "loader-failure",
}
# With kiosk.toml unreadable every setting is its default: these say nothing of their own.
CONFIG_DEFAULT_ECHOES = {"language-unlisted", "clinic-placeholder"}
# With a strings.toml unreadable every UI string is "missing".
STRINGS_ECHOES = {"string-missing", "help-lines-missing"}


def diagnose(
    problems: list[Problem], dropped: dict[str, set[str]], default_language: str = "en"
) -> list[Problem]:
    """The root problems, each with what follows from it, causes first."""
    items = list(problems)
    cause: dict[int, int] = {}  # index -> index of the problem it follows from
    by_file: dict[str, list[int]] = defaultdict(list)
    for index, problem in enumerate(items):
        by_file[problem.file].append(index)

    def follows(index: int, root: int) -> None:
        if index != root:
            cause.setdefault(index, root)

    # A misspelled name makes the real one missing: `titel:` -> 'title' is missing.
    for index, problem in enumerate(items):
        if not problem.suggestion:
            continue
        for other in by_file[problem.file]:
            kind, _, name = items[other].subject.partition(":")
            if kind in ("field", "string") and name == problem.suggestion:
                follows(other, index)

    # An unreadable TOML file: its settings or strings are all "missing" or defaults.
    for index, problem in enumerate(items):
        if problem.code == "config-syntax":
            for other, echo in enumerate(items):
                if echo.code in CONFIG_DEFAULT_ECHOES:
                    follows(other, index)
        elif problem.code == "toml-syntax" and problem.file.endswith("/strings.toml"):
            lang = problem.file.split("/")[0]
            for other, echo in enumerate(items):
                own = echo.file == problem.file and echo.code in STRINGS_ECHOES
                # Every key of another language looks "extra" when the default's is unread.
                extra = lang == default_language and echo.code == "string-extra"
                if own or extra:
                    follows(other, index)

    # A file left out: what links to it, or pairs with it, cannot find it.
    for rel, defined in dropped.items():
        lang = rel.split("/")[0]
        root = _first_error(items, by_file.get(rel, []))
        if root is None:
            continue
        subjects = {f"{lang}:{item}" for item in defined}
        for other, problem in enumerate(items):
            if problem.subject in subjects:
                follows(other, root)

    return _fold(items, cause)


def _first_error(items: list[Problem], indexes: list[int]) -> int | None:
    errors = [i for i in indexes if items[i].severity is Severity.ERROR]
    if not errors:
        return None
    return min(errors, key=lambda i: (items[i].code not in FILE_LEVEL, items[i].line or 0))


def _fold(items: list[Problem], cause: dict[int, int]) -> list[Problem]:
    def root_of(index: int) -> int:
        seen = {index}
        while index in cause and cause[index] not in seen:
            index = cause[index]
            seen.add(index)
        return index

    children: dict[int, list[int]] = defaultdict(list)
    for index in cause:
        root = root_of(index)
        if root != index:
            children[root].append(index)
    roots = []
    for index, problem in enumerate(items):
        if index in cause and root_of(index) != index:
            continue
        folded = tuple(sorted((items[i] for i in children[index]), key=_place))
        if folded:
            severity = problem.severity
            if any(c.severity is Severity.ERROR for c in folded):
                severity = Severity.ERROR  # the cause of an error is the error to fix
            problem = dataclasses.replace(problem, severity=severity, consequences=folded)
        roots.append(problem)
    return sorted(roots, key=_rank)


def _place(problem: Problem) -> tuple:
    return (problem.file, problem.line or 0, problem.code)


def _rank(problem: Problem) -> tuple:
    """Errors first; among them whole files that could not be read and problems that
    explain others, then the rest in file order."""
    cause_first = 0 if problem.code in FILE_LEVEL or problem.consequences else 1
    return (problem.severity is not Severity.ERROR, cause_first, *_place(problem))


def flatten(roots: list[Problem]) -> list[Problem]:
    """Every problem, causes and consequences, once."""
    out = []
    for root in roots:
        out.append(root)
        out.extend(root.consequences)
    return out
