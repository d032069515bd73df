"""The last good content: a copy of the last content folder without errors, in the state folder.

At start-up a content folder with errors is refused exactly as a live update is, and the
kiosk starts on this copy instead (a crash, a watchdog restart or a power cut must not
show content that was refused while running). The copy is the content itself (markdown,
TOML, pictures), read back through the same loader and its checks: nothing in it can run
code. With no good content anywhere the kiosk shows the built-in help screen (fallback.py).
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.check.problems import Severity, has_errors
from kiosk.content.model import Catalog

if TYPE_CHECKING:
    from kiosk.content.cache import LazyIndex
from kiosk.content.safe_files import MAX_FILE_BYTES, content_version, read_regular, scan_folder

log = logging.getLogger("kiosk.content")
FOLDER = "last-good"


@dataclass
class StartContent:
    """What the kiosk starts on, and why."""

    catalog: Catalog
    index: LazyIndex  # the search index, built after the first frame
    source: str  # "live", "last-good" or "fallback"
    refused_version: str = ""  # the live folder's version, when it was refused
    errors: list[str] = field(default_factory=list)  # its first errors, one line each
    error_count: int = 0

    @property
    def note(self) -> str:
        """One line for staff (maintenance screen) and stderr; empty when all is well."""
        if self.source == "live":
            return ""
        first = f" First: {self.errors[0]}" if self.errors else ""
        count = f"{self.error_count} error(s)"
        if self.source == "last-good":
            return (
                f"Showing the last good content ({self.catalog.version}): the content folder "
                f"(version {self.refused_version}) has {count}; run kiosk check.{first}"
            )
        return (
            f"No good content: showing the built-in help screen. The content folder "
            f"(version {self.refused_version}) has {count}; run kiosk check.{first}"
        )


def first_errors(catalog: Catalog, limit: int = 5) -> list[str]:
    errors = [p for p in catalog.problems if p.severity == Severity.ERROR]
    return [p.format().splitlines()[0] for p in errors[:limit]]


def keep(root: Path, folder: Path, version: str) -> bool:
    """Make `folder` a copy of the good content in `root` (version `version`). Atomic: a
    crash leaves the old copy or the new one. True if a new copy was written."""
    try:
        if folder.is_dir() and content_version(folder) == version:
            return False
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{FOLDER}-", dir=folder.parent))
        try:
            for rel, path in scan_folder(root).files:
                target = staging / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(read_regular(path, root, MAX_FILE_BYTES))
            if content_version(staging) != version:
                log.warning("content changed while it was copied; last good copy not updated")
                return False
            old = None
            if folder.exists():
                old = folder.with_name(f".{FOLDER}-old-{os.getpid()}")
                shutil.rmtree(old, ignore_errors=True)
                os.replace(folder, old)
            os.replace(staging, folder)
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
            return True
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)
    except Exception as exc:  # a full or read-only disk must not stop the kiosk
        log.warning("could not keep the last good content in %s: %s", folder, exc)
        return False


def start_content(root: Path, folder: Path | None, cache_dir: Path | None) -> StartContent:
    """The content the kiosk starts on: the folder if it has no errors, else the last good
    copy, else the folder's catalog marked "fallback" (the kiosk shows its built-in help)."""
    from kiosk.content.cache import load_cached

    catalog, index = load_cached(root, cache_dir)
    if folder is None:
        return StartContent(catalog, index, "live")
    cleanup(folder)
    if not has_errors(catalog.problems):
        keep(root, folder, catalog.version)
        return StartContent(catalog, index, "live")
    errors = first_errors(catalog)
    count = sum(p.severity == Severity.ERROR for p in catalog.problems)
    if folder.is_dir():
        kept, kept_index = load_cached(folder, cache_dir)
        if not has_errors(kept.problems):
            return StartContent(kept, kept_index, "last-good", catalog.version, errors, count)
        log.error("the last good content in %s has errors too: %s", folder, first_errors(kept))
    return StartContent(catalog, index, "fallback", catalog.version, errors, count)


def cleanup(folder: Path) -> None:
    """Leftovers of a copy interrupted by a crash."""
    with contextlib.suppress(OSError):
        for stale in folder.parent.glob(f".{FOLDER}-*"):
            shutil.rmtree(stale, ignore_errors=True)
