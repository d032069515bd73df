"""Shared fixtures for the pure-core tests (content, search, check).

The UI string keys a language must define are found by scanning the QML for `txt("key")`
calls (kiosk.content.ui_strings.required_keys). Content tests must not depend on the QML of
the day, so they ask for the `ui_keys` fixture, which pins the keys to a small fixed set
that the fixture trees under tests/data/ satisfy. It is deliberately not autouse: the Qt
tests must see the real keys.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

# No test reads the machine's own device file (/etc/kiosk/kiosk.toml): an empty one instead.
os.environ.setdefault("KIOSK_DEVICE", os.devnull)

DATA = Path(__file__).resolve().parent / "data"
GOOD = DATA / "good"
BROKEN = DATA / "broken"
REPO = Path(__file__).resolve().parent.parent
BUNDLED = REPO / "content"

# What tests/data/good/{en,es}/strings.toml define (besides [[help_line]]).
FIXTURE_UI_KEYS = frozenset({"app_title", "home", "back", "next", "page_of"})
# A fixed "today" for loads, so review dates never age into new warnings.
TODAY = dt.date(2026, 6, 1)


@pytest.fixture
def ui_keys(monkeypatch: pytest.MonkeyPatch) -> frozenset[str]:
    """Pin the required UI string keys (the name checks.py imported) to FIXTURE_UI_KEYS."""
    monkeypatch.setattr("kiosk.content.checks.required_keys", lambda: FIXTURE_UI_KEYS)
    return FIXTURE_UI_KEYS


@pytest.fixture
def good_dir() -> Path:
    return GOOD


@pytest.fixture
def broken_dir() -> Path:
    return BROKEN


# Latin-1, not UTF-8: written by the `broken_tree` fixture rather than kept in the repository,
# where `ruff format` (which also reads markdown) would stop at it.
BAD_ENCODING = (
    b"---\ntitle: Caf\xe9 time\nsummary: Saved as Latin-1, not UTF-8.\ntopic: basics\n---\n"
    b"This file is not UTF-8.\n"
)


@pytest.fixture
def broken_tree(tmp_path: Path) -> Path:
    """A copy of tests/data/broken plus the one file that cannot live in the repository."""
    target = tmp_path / "broken"
    shutil.copytree(BROKEN, target, symlinks=True)
    (target / "en/explainers/bad-encoding.md").write_bytes(BAD_ENCODING)
    return target


@pytest.fixture
def good_copy(tmp_path: Path) -> Path:
    """A writable copy of the good tree, for tests that change one thing."""
    target = tmp_path / "content"
    shutil.copytree(GOOD, target)
    return target
