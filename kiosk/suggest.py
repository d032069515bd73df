""""Did you mean ...?": the nearest known name to a misspelled one."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(word: object, known: Iterable[object], cutoff: float = 0.6) -> str:
    """The known name nearest to `word`, or "" if none is near enough (or it is known)."""
    text = str(word)
    names = [str(k) for k in known]
    if text in names:
        return ""
    matches = difflib.get_close_matches(text, names, n=1, cutoff=cutoff)
    if not matches:
        # Case and separators are the commonest slips: `Next_Review`, `next-review`.
        folded = {_fold(n): n for n in names}
        return folded.get(_fold(text), "")
    return matches[0]


def _fold(text: str) -> str:
    return text.lower().replace("-", "_").replace(" ", "_")
