"""A cache of the loaded catalog, so a restart skips markdown.

A kiosk restarts (boot, crash, watchdog) far more often than its content changes, and
parsing markdown was most of its start-up. The cache is JSON in the kiosk's state folder,
keyed by the content version, the day (review dates make problems depend on it) and the
code version; anything else is a miss. The state folder can be chosen by the content's own
kiosk.toml, so the cache is treated as hostile: JSON cannot run code, only the catalog's
own classes are rebuilt from it, every field's type is checked before use, and a file that
does not match is deleted and rebuilt. (It used to be a pickle: replacing it ran commands.)
The search index is not cached (it is not plain data): it is built from the catalog a
moment after the first frame (LazyIndex), or at the first search if that is sooner.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import logging
import os
import sys
import tempfile
import threading
import types
import typing
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk import __version__
from kiosk.check.problems import Problem, Severity
from kiosk.content.config import Config
from kiosk.content.model import (
    Block,
    Catalog,
    Explainer,
    HelpLine,
    Language,
    Link,
    Page,
    Question,
    Review,
    Topic,
)
from kiosk.content.safe_files import content_version

if TYPE_CHECKING:
    from kiosk.search.index import Hit, SearchIndex

log = logging.getLogger("kiosk.cache")
PREFIX = "content-"
SUFFIX = ".json"
FORMAT = 2  # 2: sets (Catalog.dropped)
MAX_CACHE_BYTES = 64 * 1024 * 1024
# The only classes a cache file may name.
CLASSES: dict[str, type] = {
    cls.__name__: cls
    for cls in (
        Catalog,
        Config,
        Language,
        Explainer,
        Topic,
        Question,
        Page,
        Block,
        Link,
        Review,
        HelpLine,
        Problem,
    )
}


class CacheMismatch(ValueError):
    """A cache file that is not what this code would have written."""


def _key(root: Path, version: str) -> str:
    parts = [str(root.resolve()), version, dt.date.today().isoformat(), __version__]
    parts.append(sys.version.split()[0])
    parts.append(str(FORMAT))
    # A change to the loader or the model changes what a cached catalog should hold.
    here = Path(__file__).resolve().parent.parent
    for name in ("content/loader.py", "content/model.py", "content/blocks.py", "content/cache.py"):
        with contextlib.suppress(OSError):
            parts.append(str((here / name).stat().st_mtime_ns))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


# -- encoding ---------------------------------------------------------------------------------


def encode(value: Any) -> Any:
    """Catalog objects -> JSON values, each dataclass tagged with its class name."""
    if value is None or isinstance(value, bool | int | float | str):
        return value.value if isinstance(value, Severity) else value
    if isinstance(value, Path):
        return {"@path": str(value)}
    if isinstance(value, tuple):
        return {"@tuple": [encode(v) for v in value]}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, set | frozenset):
        return {"@set": sorted((encode(v) for v in value), key=repr)}
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            raise TypeError("only text keys can be cached")
        return {"@dict": {k: encode(v) for k, v in value.items()}}
    if dataclasses.is_dataclass(value) and type(value).__name__ in CLASSES:
        fields = {f.name: encode(getattr(value, f.name)) for f in _fields(type(value))}
        return {"@": type(value).__name__, "v": fields}
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _fields(cls: type) -> list[dataclasses.Field]:
    return [f for f in dataclasses.fields(cls) if f.init]


def decode(data: Any) -> Any:
    """JSON values -> catalog objects; only CLASSES are built, and only with their own fields."""
    if data is None or isinstance(data, bool | int | float | str):
        return data
    if isinstance(data, list):
        return [decode(v) for v in data]
    if not isinstance(data, dict):
        raise CacheMismatch(f"unexpected {type(data).__name__}")
    if set(data) == {"@path"} and isinstance(data["@path"], str):
        return Path(data["@path"])
    if set(data) == {"@tuple"} and isinstance(data["@tuple"], list):
        return tuple(decode(v) for v in data["@tuple"])
    if set(data) == {"@set"} and isinstance(data["@set"], list):
        items = [decode(v) for v in data["@set"]]
        if not all(isinstance(v, str | int | float | tuple) for v in items):
            raise CacheMismatch("a set of unhashable values")
        return set(items)
    if set(data) == {"@dict"} and isinstance(data["@dict"], dict):
        return {k: decode(v) for k, v in data["@dict"].items()}
    if set(data) == {"@", "v"} and data["@"] in CLASSES and isinstance(data["v"], dict):
        cls = CLASSES[data["@"]]
        names = {f.name for f in _fields(cls)}
        if set(data["v"]) != names:
            raise CacheMismatch(f"{cls.__name__} fields differ")
        values = {name: decode(v) for name, v in data["v"].items()}
        hints = _hints(cls)
        for name, value in values.items():
            if not _is_a(value, hints[name]):
                raise CacheMismatch(f"{cls.__name__}.{name} is a {type(value).__name__}")
        if cls is Problem:
            values["severity"] = Severity(values["severity"])
        return cls(**values)
    raise CacheMismatch("unexpected object")


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        module = sys.modules[cls.__module__]
        _HINTS[cls] = typing.get_type_hints(cls, vars(module))
    return _HINTS[cls]


def _is_a(value: Any, hint: Any) -> bool:
    """A small runtime type check for the annotations the catalog's classes use."""
    if hint is Any:
        return True
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_is_a(value, a) for a in args)
    if hint is type(None):
        return value is None
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is Severity:
        return value in {s.value for s in Severity}
    if origin is tuple:
        if not isinstance(value, tuple):
            return False
        if len(args) == 2 and args[1] is Ellipsis:
            return all(_is_a(v, args[0]) for v in value)
        return len(args) == len(value) and all(
            _is_a(v, a) for v, a in zip(value, args, strict=True)
        )
    if origin is list:
        return isinstance(value, list) and all(_is_a(v, args[0]) for v in value)
    if origin in (set, frozenset):
        return isinstance(value, set | frozenset) and all(_is_a(v, args[0]) for v in value)
    if origin is dict:
        return isinstance(value, dict) and all(
            _is_a(k, args[0]) and _is_a(v, args[1]) for k, v in value.items()
        )
    if isinstance(hint, type):
        return isinstance(value, hint)
    return False


# -- the search index, built later ----------------------------------------------------------


class LazyIndex:
    """A SearchIndex for `catalog`, built by start() or by the first search.

    Building it costs about 0.1 s, and the attract screen (the first frame) never searches,
    so the kiosk builds it with its other background work after the first frame. On the GUI
    thread, not a thread of its own: a busy worker thread is where Python's garbage
    collector runs, and Qt objects freed there take their timers and notifiers with them."""

    def __init__(self, catalog: Catalog):
        self._catalog = catalog
        self._index: SearchIndex | None = None
        self._lock = threading.Lock()
        self._closed = False

    def start(self) -> None:
        self._build()

    def _build(self) -> SearchIndex | None:
        with self._lock:  # a search during the build waits for it
            if self._index is None and not self._closed:
                from kiosk.search.index import SearchIndex

                self._index = SearchIndex(self._catalog)
            return self._index

    def search(self, *args: Any, **kwargs: Any) -> list[Hit]:
        index = self._build()
        return index.search(*args, **kwargs) if index is not None else []

    def suggestion(self, *args: Any, **kwargs: Any) -> str:
        """ "Did you mean" for a query that found nothing (see SearchIndex.suggestion)."""
        index = self._build()
        return index.suggestion(*args, **kwargs) if index is not None else ""

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._index is not None:
                self._index.close()


# -- the cache ------------------------------------------------------------------------------


def read_cache(path: Path, version: str, key: str) -> Catalog:
    """The catalog in a cache file; CacheMismatch (or OSError, ValueError) if it is not ours."""
    with open(path, "rb") as f:
        raw = f.read(MAX_CACHE_BYTES + 1)
    if len(raw) > MAX_CACHE_BYTES:
        raise CacheMismatch("cache file too large")
    data = json.loads(raw)
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("key") != key:
        raise CacheMismatch("not this kiosk's cache")
    catalog = decode(data.get("catalog"))
    if not isinstance(catalog, Catalog) or catalog.version != version:
        raise CacheMismatch("the cached catalog is of other content")
    if not catalog.languages:
        raise CacheMismatch("a catalog without languages")
    return catalog


def load_cached(root: Path, cache_dir: Path | None) -> tuple[Catalog, LazyIndex]:
    """Catalog (readability not measured), from the cache when it has it, and its search
    index (built when first needed, or when LazyIndex.start() is called)."""
    if cache_dir is not None:
        _remove_pickles(cache_dir)
        try:
            version = content_version(root)
            path = cache_dir / f"{PREFIX}{_key(root, version)}{SUFFIX}"
            if path.is_file():
                try:
                    catalog = read_cache(path, version, _key(root, version))
                    return catalog, LazyIndex(catalog)
                except (ValueError, TypeError, RecursionError, KeyError) as exc:
                    log.warning("content cache %s does not match, rebuilding: %s", path, exc)
                    path.unlink(missing_ok=True)
        except Exception as exc:  # a bad cache is only slower, never fatal
            log.warning("content cache unreadable, loading from markdown: %s", exc)
    from kiosk.content.loader import load_catalog

    catalog = load_catalog(root, readability=False)
    if cache_dir is not None:
        store(cache_dir, _key(root, catalog.version), catalog)
    return catalog, LazyIndex(catalog)


def _remove_pickles(cache_dir: Path) -> None:
    """Caches of older kiosks were pickles: never read, always removed."""
    with contextlib.suppress(OSError):
        for old in cache_dir.glob(f"{PREFIX}*.pickle"):
            old.unlink(missing_ok=True)


def store(cache_dir: Path, key: str, catalog: Catalog) -> None:
    try:
        payload = json.dumps(
            {"format": FORMAT, "key": key, "catalog": encode(catalog)}, ensure_ascii=False
        ).encode()
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=".tmp-")
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
        target = cache_dir / f"{PREFIX}{key}{SUFFIX}"
        os.replace(tmp, target)
        for old in cache_dir.glob(f"{PREFIX}*{SUFFIX}"):  # keep one: content changes rarely
            if old != target:
                old.unlink(missing_ok=True)
    except Exception as exc:  # a full disk must not stop the kiosk
        log.warning("could not write the content cache: %s", exc)
        with contextlib.suppress(Exception):
            os.unlink(tmp)
