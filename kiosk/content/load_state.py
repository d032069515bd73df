"""What the checks across files read from a load in progress.

The loader runs the checks (checks.py, lint.py) at the end of a load; they need only these
few things from it, so they depend on this description and the loader on them, never both
ways round.
"""

from __future__ import annotations

from typing import Protocol

from kiosk.content.model import Link


class LoadState(Protocol):
    # rel -> the bytes read from that file
    read_files: dict[str, bytes]
    # (language, link, file, line) of every link in the content
    link_sites: list[tuple[str, Link, str, int | None]]
    # rel -> what a file left out for an error defines ("explainer:id", ...)
    dropped: dict[str, set[str]]

    def check_picture(self, rel: str, line: int | None, src: str, what: str = "picture") -> bool:
        """True if `src` is a picture the kiosk can show; otherwise reports why."""
        ...
