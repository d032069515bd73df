"""The content cache: a restart gets the same catalog and search results without markdown."""

from __future__ import annotations

import shutil
from pathlib import Path

from kiosk.content.cache import PREFIX, load_cached

CONTENT = Path(__file__).resolve().parents[1] / "content"
QUERIES = [("ketamin adictive", "en"), ("adiccion", "es"), ("nasal", "en"), ("cuánto", "es")]


def test_cached_catalog_and_index_match_a_fresh_load(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    fresh, fresh_index = load_cached(content, tmp_path / "cache")
    assert len(list((tmp_path / "cache").glob(f"{PREFIX}*"))) == 1
    cached, cached_index = load_cached(content, tmp_path / "cache")
    assert cached is not fresh  # really came from the pickle
    assert cached.version == fresh.version
    assert cached.languages["es"].questions.keys() == fresh.languages["es"].questions.keys()
    assert [p.code for p in cached.problems] == [p.code for p in fresh.problems]
    for query, lang in QUERIES:
        expected = [h.id for h in fresh_index.search(query, lang)]
        assert expected, query
        assert [h.id for h in cached_index.search(query, lang)] == expected, query


def test_changed_content_is_loaded_again_and_replaces_the_cache(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    first, _ = load_cached(content, tmp_path / "cache")
    page = next((content / "en" / "questions").glob("*.md"))
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    second, _ = load_cached(content, tmp_path / "cache")
    assert second.version != first.version
    assert len(list((tmp_path / "cache").glob(f"{PREFIX}*"))) == 1


def test_a_corrupt_cache_falls_back_to_markdown(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    load_cached(content, tmp_path / "cache")
    for path in (tmp_path / "cache").glob(f"{PREFIX}*"):
        path.write_bytes(b"not a pickle")
    catalog, index = load_cached(content, tmp_path / "cache")
    assert catalog.languages["en"].explainers
    assert index.search("ketamine", "en")
