"""Which content release a folder holds: the optional release marker and the real folder.

Rollout tools (deploy/kiosk-content-pull, deploy/kiosk-content-rsync) write a one-line
`RELEASE` file into each release, e.g. "git-3f2a9c1d0b7e" or "2026-12-01.2". The kiosk only
shows it (maintenance screen, metrics, event log); the content version (a hash of every file)
stays what decides whether content changed. The marker comes from a folder anyone may write,
so it is cut to a short, plain id before it goes anywhere.
"""

from __future__ import annotations

import re
from pathlib import Path

MARKER = "RELEASE"
MAX_LENGTH = 64
_NOT_ALLOWED = re.compile(r"[^A-Za-z0-9._:+-]")


def release_id(root: Path) -> str:
    """The release marker's first line, made safe; "" when there is none or it is unreadable."""
    try:
        with open(Path(root) / MARKER, "rb") as f:
            head = f.read(MAX_LENGTH * 4)
    except OSError:
        return ""
    first = head.decode("utf-8", "replace").strip().splitlines()[:1]
    return _NOT_ALLOWED.sub("", first[0])[:MAX_LENGTH] if first else ""


def real_folder(root: Path) -> Path:
    """The folder a content path points at now (a rollout swaps a `current` symlink)."""
    try:
        return Path(root).resolve(strict=True)
    except (OSError, RuntimeError):  # missing, or a symlink loop
        return Path(root)
