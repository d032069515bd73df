"""The kiosk process under a stand-in for systemd: READY after the first frame, watchdog
pings from the UI thread (none while the process is frozen), STOPPING on SIGTERM, and a
second kiosk refused while one runs."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import CONTENT


@pytest.fixture
def notify_socket(tmp_path: Path):
    path = tmp_path / "notify.sock"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(path))
    yield sock, path
    sock.close()


def messages(sock: socket.socket, seconds: float) -> list[str]:
    """Everything sent to the socket within `seconds`."""
    got: list[str] = []
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        sock.settimeout(left)
        try:
            got.append(sock.recv(4096).decode())
        except TimeoutError:
            break
    return got


def kiosk(tmp_path: Path, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kiosk",
            "run",
            "--content",
            str(CONTENT),
            "--event-log",
            str(tmp_path / "events.jsonl"),
        ],
        env={
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_STATE_HOME": str(tmp_path / "state"),
            **env,
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_watchdog_ready_pings_freeze_and_stop(tmp_path, notify_socket):
    sock, path = notify_socket
    proc = kiosk(tmp_path, {"NOTIFY_SOCKET": str(path), "WATCHDOG_USEC": "400000"})
    try:
        sent: list[str] = []
        deadline = time.monotonic() + 30
        while "READY=1" not in sent and time.monotonic() < deadline:
            sent += messages(sock, 0.5)
        assert "READY=1" in sent, sent
        assert sum(m == "WATCHDOG=1" for m in messages(sock, 1.5)) >= 4  # every 0.2 s

        # Read aloud loads in the background after the first frame, while the pings go on.
        def speech_outcome() -> list[str]:
            log = tmp_path / "events.jsonl"
            names = [json.loads(line)["event"] for line in log.read_text().splitlines()]
            return [n for n in names if n in ("first_frame", "speech_ready", "speech_unavailable")]

        deadline = time.monotonic() + 30
        while len(speech_outcome()) < 2 and time.monotonic() < deadline:
            assert "WATCHDOG=1" in messages(sock, 0.5)
        assert speech_outcome()[0] == "first_frame" and len(speech_outcome()) >= 2

        second = kiosk(tmp_path, {})  # same state folder: the lock is taken
        _, err = second.communicate(timeout=60)
        assert second.returncode == 3 and "already running" in err
        # Which state folder holds the lock, and what to do about it.
        assert f"state folder {tmp_path / 'state' / 'kiosk'}" in err
        assert "systemctl stop kiosk" in err and "state_dir" in err

        proc.send_signal(signal.SIGSTOP)  # a frozen UI thread: systemd must see silence
        messages(sock, 0.3)  # drain what was in flight
        assert messages(sock, 1.0) == []
        proc.send_signal(signal.SIGCONT)
        assert "WATCHDOG=1" in messages(sock, 1.0)

        proc.terminate()
        assert proc.wait(timeout=15) == 143  # 128 + SIGTERM: not the staff Exit's 0
        assert "STOPPING=1" in messages(sock, 0.5)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
