""" "Did you mean ...?": the nearest known name to a misspelled one."""

from __future__ import annotations

import difflib
import posixpath
from collections.abc import Callable, Iterable


def closest(
    word: object,
    known: Iterable[object],
    cutoff: float = 0.6,
    part: Callable[[str], str] | None = None,
) -> str:
    """The known name nearest to `word`, or "" if none is near enough (or it is known).

    `part` picks what to compare (a picture's name without its folder and extension), so
    a shared prefix such as `images/` or `clinic.` does not make every name look near.
    """
    text = str(word)
    names = [str(k) for k in known]
    if text in names:
        return ""
    part = part or (lambda name: name)
    by_part: dict[str, str] = {}
    for name in names:
        by_part.setdefault(part(name), name)
    matches = difflib.get_close_matches(part(text), list(by_part), n=1, cutoff=cutoff)
    if matches:
        return by_part[matches[0]]
    # Case and separators are the commonest slips: `Next_Review`, `next-review`.
    folded = {_fold(part(n)): n for n in names}
    return folded.get(_fold(part(text)), "")


def file_stem(path: str) -> str:
    return posixpath.splitext(posixpath.basename(path))[0]


def last_part(dotted: str) -> str:
    return dotted.rpartition(".")[2]


def _fold(text: str) -> str:
    return text.lower().replace("-", "_").replace(" ", "_")
