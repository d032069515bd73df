"""The state folder under attack, in-process: the content cache, the statistics database and
the single-instance lock."""

from __future__ import annotations

import json
import os
import pickle
import sqlite3
from pathlib import Path

import pytest

from kiosk.content.cache import FORMAT, PREFIX, SUFFIX, _key, load_cached
from kiosk.content.safe_files import content_version
from kiosk.stats.usage import UsageStore

from .conftest import BUNDLED


class RunsCommand:
    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def cache_file(content: Path, cache: Path) -> Path:
    return cache / f"{PREFIX}{_key(content, content_version(content))}{SUFFIX}"


def test_a_pickle_in_place_of_the_cache_runs_nothing_and_is_rebuilt(content, tmp_path):
    cache, marker = tmp_path / "cache", tmp_path / "code-ran"
    load_cached(content, cache)
    path = cache_file(content, cache)
    assert path.is_file()
    path.write_bytes(pickle.dumps(RunsCommand(marker)))
    (cache / f"{PREFIX}{_key(content, content_version(content))}.pickle").write_bytes(
        pickle.dumps(RunsCommand(marker))
    )
    catalog, index = load_cached(content, cache)
    assert not marker.exists()
    assert catalog.languages["en"].explainers and index.search("ketamine", "en")
    assert json.loads(path.read_bytes())["format"] == FORMAT  # rebuilt as JSON
    assert not list(cache.glob("*.pickle"))


@pytest.mark.parametrize(
    "tamper",
    [
        lambda d: d["catalog"]["v"].update(version="other"),
        lambda d: d["catalog"]["v"]["languages"]["@dict"].clear(),
        lambda d: d["catalog"].update({"@": "Popen"}),
        lambda d: d["catalog"]["v"]["config"]["v"].update(kiosk=["not", "a", "dict"]),
        lambda d: d["catalog"]["v"]["problems"].append({"@": "Problem", "v": {"code": 1}}),
        lambda d: d.update(key="someone else's"),
    ],
)
def test_a_cache_that_does_not_match_is_rebuilt(content, tmp_path, tamper):
    cache = tmp_path / "cache"
    fresh, _ = load_cached(content, cache)
    path = cache_file(content, cache)
    data = json.loads(path.read_bytes())
    tamper(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    catalog, _ = load_cached(content, cache)
    assert catalog.version == fresh.version
    assert catalog.languages.keys() == fresh.languages.keys()
    assert isinstance(catalog.config.kiosk, dict)


def test_one_content_hash_serves_the_loader_and_the_cache(content):
    from kiosk.content.loader import load_catalog

    assert load_catalog(content, readability=False).version == content_version(content)


def smash_pages(path: Path) -> None:
    """Overwrite every page but the first (the header) with junk, as a bad disk might."""
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(page, len(data), page):
        data[start + 8 : start + page] = os.urandom(page - 8)
    with open(path, "r+b") as f:  # in place: the open connection keeps the same file
        f.write(bytes(data))


def test_statistics_smashed_while_running_are_found_and_set_aside(tmp_path):
    db = tmp_path / "usage.sqlite3"
    store = UsageStore(db)
    for n in range(300):
        store.session_started("en")
        store.viewed("explainer", f"page-{n}")
        store.session_ended("idle", 5.0)
    assert store.healthy
    smash_pages(db)
    store.session_started("en")
    store.viewed("explainer", "after")
    store.session_ended("idle", 5.0)  # checked at the end of every session
    assert store.last_set_aside, store.problem
    assert list(tmp_path.glob("usage.sqlite3.corrupt-*"))
    store.session_started("en")  # a new database takes the next session
    store.session_ended("idle", 1.0)
    assert store.healthy
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    store.close()


def test_bundled_content_is_where_the_suite_expects_it():
    assert (BUNDLED / "kiosk.toml").is_file()
