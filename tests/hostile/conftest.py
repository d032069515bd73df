"""Shared helpers for the hostile-content suite: a writable copy of the bundled content,
`kiosk check` and the kiosk process run with a time limit."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BUNDLED = REPO / "content"
CHECK_TIMEOUT_S = 30  # far above a normal check (about 1 s): a hang fails, never blocks CI
START_TIMEOUT_S = 40
TEST_TIMEOUT_S = 120  # every test of the suite, in-process parts included


@pytest.fixture(autouse=True)
def time_bound():
    """A hang anywhere in a hostile test (a FIFO opened without O_NONBLOCK, a parser that
    never returns) fails the test instead of stopping the suite."""

    def expired(*_):
        raise TimeoutError(f"hostile test ran past its {TEST_TIMEOUT_S} s bound")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(TEST_TIMEOUT_S)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(BUNDLED, target)
    return target


def run_check(folder: Path) -> tuple[int, dict, str]:
    """`kiosk check --json` in its own process, killed if it runs past the limit."""
    proc = subprocess.run(
        [sys.executable, "-m", "kiosk", "check", "--json", "--content", str(folder)],
        capture_output=True,
        text=True,
        timeout=CHECK_TIMEOUT_S,
        cwd=REPO,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.returncode, json.loads(proc.stdout), proc.stderr


def start_kiosk(content: Path, state: Path, events: Path) -> subprocess.Popen:
    """A real kiosk process, offscreen, with its state folder under `state`."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kiosk",
            "run",
            "--content",
            str(content),
            "--event-log",
            str(events),
        ],
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_STATE_HOME": str(state),
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )


def read_events(path: Path) -> list[dict]:
    if not path.exists():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            rows.append(json.loads(line))
        except ValueError:
            continue
    return rows


def cold_start(content: Path, state: Path, events: Path) -> tuple[list[dict], str]:
    """Start a kiosk, wait for its first frame (or its end), stop it; (events, stderr)."""
    proc = start_kiosk(content, state, events)
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline and proc.poll() is None:
            if any(e.get("event") == "first_frame" for e in read_events(events)):
                break
            time.sleep(0.1)
    finally:
        if proc.poll() is None:
            proc.terminate()
        try:
            _, err = proc.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
    return read_events(events), err


def event(events: list[dict], name: str) -> dict:
    found = [e for e in events if e.get("event") == name]
    assert found, f"no {name} event in {[e.get('event') for e in events]}"
    return found[-1]
