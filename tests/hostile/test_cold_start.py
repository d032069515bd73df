"""Cold starts of a real kiosk process (offscreen) on hostile content and a hostile state
folder: it must reach its first frame, with the last good content or the built-in help
screen, and never run code from the state folder."""

from __future__ import annotations

import os
import pickle
import random
from pathlib import Path

import pytest

from kiosk.content.last_good import start_content

from . import attacks
from .conftest import cold_start, event


class RunsCommand:
    """A pickle that runs a shell command when loaded (what replacing the old cache did)."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def state_of(tmp_path: Path) -> Path:
    return tmp_path / "state"  # XDG_STATE_HOME; the kiosk's own folder is state/kiosk


def good_start(content: Path, tmp_path: Path) -> Path:
    """What a first good start leaves in the state folder: the last good copy and the cache."""
    kiosk_state = state_of(tmp_path) / "kiosk"
    start = start_content(content, kiosk_state / "last-good", kiosk_state / "cache")
    assert start.source == "live"
    assert (kiosk_state / "last-good" / "kiosk.toml").is_file()
    return kiosk_state


def every_file(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]


@pytest.mark.parametrize("poison", ["pickle", "junk"])
def test_a_poisoned_state_folder_runs_no_code_and_does_not_stop_the_start(
    content, tmp_path, poison
):
    marker = tmp_path / "code-ran"
    # A real first start writes whatever the kiosk keeps (cache, last good copy, statistics).
    first, _ = cold_start(content, state_of(tmp_path), tmp_path / "first.jsonl")
    event(first, "first_frame")
    kiosk_state = state_of(tmp_path) / "kiosk"
    (kiosk_state / "usage.sqlite3").write_bytes(b"")
    (kiosk_state / "kiosk.lock").write_bytes(b"")
    (kiosk_state / "pin-state.json").write_bytes(b"")
    (kiosk_state / "logs").mkdir(exist_ok=True)
    (kiosk_state / "logs" / "kiosk.log").write_bytes(b"")
    # The old cache's name, and the new one's: both predictable.
    cache = kiosk_state / "cache"
    (cache / "content-0123456789abcdef.pickle").write_bytes(b"")
    files = every_file(kiosk_state)
    assert len(files) >= 5
    rng = random.Random(19)
    for path in files:
        if poison == "pickle":
            path.write_bytes(pickle.dumps(RunsCommand(marker)))
        else:
            path.write_bytes(rng.randbytes(rng.randrange(1, 5000)))
    events, err = cold_start(content, state_of(tmp_path), tmp_path / "events.jsonl")
    event(events, "first_frame")
    assert not marker.exists(), "code from the state folder ran"
    assert event(events, "content_loaded")["source"] == "live"
    assert "Traceback" not in err


@pytest.mark.parametrize("broken", ["kiosk.toml", "en/strings.toml"])
def test_a_folder_broken_after_a_good_start_starts_on_the_last_good_content(
    content, tmp_path, broken
):
    good_start(content, tmp_path)
    (content / broken).write_text('[kiosk\nlanguages = ["en"\n', encoding="utf-8")
    events, err = cold_start(content, state_of(tmp_path), tmp_path / "events.jsonl")
    event(events, "first_frame")
    loaded = event(events, "content_loaded")
    assert loaded["source"] == "last-good" and loaded["errors"] == 0
    refused = event(events, "content_refused_at_start")
    assert refused["showing"] == "last-good" and refused["errors"] >= 1
    assert "Showing the last good content" in err and "syntax" in err


def test_hostile_files_after_a_good_start_start_on_the_last_good_content(content, tmp_path):
    good_start(content, tmp_path)
    for attack in (
        attacks.alias_bomb,
        attacks.fifo_page,
        attacks.dev_zero,
        attacks.many_stars,
        attacks.fifo_strings,
    ):
        attack(content)
    attacks.deep_lists(content)  # a second file of its own
    events, err = cold_start(content, state_of(tmp_path), tmp_path / "events.jsonl")
    event(events, "first_frame")
    assert event(events, "content_loaded")["source"] == "last-good"
    assert "Showing the last good content" in err


@pytest.mark.parametrize("attack", [attacks.empty_folder, attacks.fifo_config])
def test_no_good_content_at_all_shows_the_built_in_help_and_says_why(content, tmp_path, attack):
    attack(content)
    events, err = cold_start(content, state_of(tmp_path), tmp_path / "events.jsonl")
    event(events, "first_frame")
    assert event(events, "content_refused_at_start")["showing"] == "fallback"
    assert "No good content: showing the built-in help screen" in err
    assert "kiosk.toml" in err
