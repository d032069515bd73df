"""A cache of the loaded catalog and its search index, so a restart skips markdown.

A kiosk restarts (boot, crash, watchdog) far more often than its content changes, and
parsing markdown and building the index was most of its start-up. The cache is a pickle in
the kiosk's own state folder, keyed by the content version (a hash of every file), the day
(review dates make problems depend on it) and the code version; anything else is a miss.
Only the kiosk writes that folder, so unpickling it is as safe as running the kiosk's code.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk import __version__

if TYPE_CHECKING:
    from kiosk.content.model import Catalog
    from kiosk.search import SearchIndex

log = logging.getLogger("kiosk.cache")
PREFIX = "content-"


def content_version(root: Path) -> str:
    """The same hash the loader gives as Catalog.version (file names and bytes)."""
    digest = hashlib.sha256()
    if root.is_dir():
        for path in sorted(root.rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(root).as_posix().encode())
                try:
                    digest.update(path.read_bytes())
                except OSError:
                    continue
    return digest.hexdigest()[:12]


def _key(root: Path, version: str) -> str:
    parts = [str(root.resolve()), version, dt.date.today().isoformat(), __version__]
    parts.append(sys.version.split()[0])
    # A change to the loader or the search code changes what a cached catalog should hold.
    here = Path(__file__).resolve().parent.parent
    for name in ("content/loader.py", "content/model.py", "content/blocks.py", "search.py"):
        with contextlib.suppress(OSError):
            parts.append(str((here / name).stat().st_mtime_ns))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def load_cached(root: Path, cache_dir: Path | None) -> tuple[Catalog, SearchIndex]:
    """Catalog (readability not measured) and search index, from the cache when it has them."""
    if cache_dir is not None:
        try:
            version = content_version(root)
            path = cache_dir / f"{PREFIX}{_key(root, version)}.pickle"
            if path.exists():
                with open(path, "rb") as f:
                    catalog, index = pickle.load(f)
                if catalog.version == version:
                    return catalog, index
        except Exception as exc:  # a bad cache is only slower, never fatal
            log.warning("content cache unreadable, loading from markdown: %s", exc)
    from kiosk.content.loader import load_catalog
    from kiosk.search import SearchIndex

    catalog = load_catalog(root, readability=False)
    index = SearchIndex(catalog)
    if cache_dir is not None:
        _store(cache_dir, _key(root, catalog.version), catalog, index)
    return catalog, index


def _store(cache_dir: Path, key: str, catalog: Catalog, index: SearchIndex) -> None:
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=".tmp-")
        with os.fdopen(fd, "wb") as f:
            pickle.dump((catalog, index), f, protocol=pickle.HIGHEST_PROTOCOL)
        target = cache_dir / f"{PREFIX}{key}.pickle"
        os.replace(tmp, target)
        for old in cache_dir.glob(f"{PREFIX}*.pickle"):  # keep one: content changes rarely
            if old != target:
                old.unlink(missing_ok=True)
    except Exception as exc:  # a full disk must not stop the kiosk
        log.warning("could not write the content cache: %s", exc)
