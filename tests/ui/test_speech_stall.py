"""Speech can never hold a session or a process: Qt's real speechd engine against a
speech-dispatcher that never finishes (tests/fake_speechd.py), as one with no sound server
behaves. The read is dropped and counts as idle, the "Still there?" warning and the reset
come, read aloud is left off, and SIGTERM ends the kiosk within 3 s."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from bench.common import hook_env
from kiosk.qt import speech
from kiosk.stats.events import read_events
from tests.fake_speechd import FakeSpeechd
from tests.ui.conftest import CONTENT, make_kiosk
from tests.ui.x11 import wait_for_event


@pytest.fixture
def speechd(request):
    """A fake daemon on a short socket path (a Unix socket path has ~100 bytes)."""
    folder = Path(tempfile.mkdtemp(prefix="speechd-", dir="/tmp"))
    daemon = FakeSpeechd(folder / "s.sock", getattr(request, "param", "endless"))
    yield daemon
    daemon.close()  # lets libspeechd (and the engine's thread) go
    shutil.rmtree(folder, ignore_errors=True)


def test_a_read_that_never_ends_is_dropped_and_the_warning_and_reset_still_come(
    qtbot, tmp_path, fonts, qml_warnings, speechd, monkeypatch
):
    monkeypatch.setenv("SPEECHD_ADDRESS", speechd.address)
    # Short limits so the warning (2 s after the last progress) shows before the reset.
    monkeypatch.setattr(speech, "SLOWEST_CHARS_PER_S", 1000.0)
    monkeypatch.setattr(speech, "TEXT_SLACK_S", 0.3)
    kiosk, d = make_kiosk(qtbot, tmp_path, idle_timeout=2, warning=1, speech_engine="speechd")
    try:
        reader, session = kiosk.reader, kiosk.driver.session
        qtbot.waitUntil(lambda: "en" in reader.languages, timeout=15000)
        d.tap("touchToStart")
        d.tap("explainerCard_how-it-works")
        d.tap(d.wait_for("readAloud_p0").objectName())
        assert reader.state == "speaking" and session.busy
        assert speechd.said.wait(5), "the text reached the daemon"
        # It never ends: the read is dropped, read aloud left off, and the session runs out.
        qtbot.waitUntil(lambda: kiosk.backend.session.phase == "warning", timeout=10000)
        assert reader.state == "idle" and not reader.available
        assert reader.languages == [], "no engine: the button is hidden"
        qtbot.waitUntil(lambda: kiosk.backend.session.phase == "attract", timeout=5000)
        names = [e["event"] for e in read_events(d.log_path)]
        stalled = names.index("speech_stalled")
        assert names.index("idle_warning") > stalled
        assert names[-1] == "reset" and read_events(d.log_path)[-1]["reason"] == "idle"
    finally:
        kiosk.close()


class Hook:
    """The kiosk process's benchmark control channel (bench/probe.py, a start-up hook)."""

    def __init__(self, server: socket.socket):
        self.sock, _ = server.accept()
        self.sock.settimeout(30)
        self.buffer = b""
        self.line()

    def line(self) -> dict:
        while b"\n" not in self.buffer:
            self.buffer += self.sock.recv(65536)
        line, self.buffer = self.buffer.split(b"\n", 1)
        return json.loads(line)

    def ask(self, **request) -> dict:
        self.sock.sendall(json.dumps(request).encode() + b"\n")
        return self.line()

    def tap(self, name: str) -> None:
        where = self.ask(cmd="find", name=name)
        deadline = time.monotonic() + 5
        while where.get("settling") and time.monotonic() < deadline:
            time.sleep(0.05)  # just appeared: it takes taps after 350 ms (Tappable.qml)
            where = self.ask(cmd="find", name=name)
        assert where.get("visible"), where
        self.ask(cmd="tap", x=where["wx"], y=where["wy"])


def start_kiosk(tmp_path: Path, speechd: FakeSpeechd, *extra: str):
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(Path(speechd.path).parent / "ctl.sock"))
    server.listen(1)
    server.settimeout(60)
    log = tmp_path / "events.jsonl"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "SPEECHD_ADDRESS": speechd.address,
    }
    env |= hook_env(Path(speechd.path).parent / "ctl.sock", env)
    command = [sys.executable, "-m", "kiosk", "run", "--content", str(CONTENT)]
    proc = subprocess.Popen(
        [*command, "--event-log", str(log), *extra],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(tmp_path / "stderr.txt", "w"),  # noqa: SIM115 (closed with the process)
    )
    try:
        hook = Hook(server)
        wait_for_event(log, "speech_ready", timeout=60)
    except BaseException:
        proc.kill()
        proc.wait()
        raise
    finally:
        server.close()
    return proc, hook, log


def read_aloud(hook: Hook, speechd: FakeSpeechd) -> None:
    hook.ask(cmd="call", slot="navigation.start")
    hook.ask(cmd="call", slot="navigation.openExplainer", args=["how-it-works"])
    hook.tap("readAloud_p0")
    assert speechd.said.wait(10), "the text reached the daemon"


@pytest.mark.parametrize("speechd", ["silent"], indirect=True)
def test_sigterm_ends_the_kiosk_within_3_s_while_the_engine_is_stuck(tmp_path, speechd):
    proc, hook, log = start_kiosk(tmp_path, speechd)
    try:
        read_aloud(hook, speechd)  # the engine's thread now waits for an answer, for ever
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=3)
        assert code == 143, (tmp_path / "stderr.txt").read_text()[-3000:]
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@pytest.mark.parametrize("speechd", ["silent"], indirect=True)
def test_a_kiosk_process_with_a_stuck_daemon_still_warns_resets_and_stops(tmp_path, speechd):
    # The warning 8 s after the last progress: after the 5 s in which speech must start.
    args = ("--windowed", "--idle-timeout", "8", "--warning", "3")
    proc, hook, log = start_kiosk(tmp_path, speechd, *args)
    try:
        mark = len(read_events(log))
        read_aloud(hook, speechd)
        stalled = wait_for_event(log, "speech_stalled", after=mark, timeout=20)
        assert stalled["reason"] == "speech did not start"
        wait_for_event(log, "idle_warning", after=mark, timeout=20)
        assert wait_for_event(log, "reset", after=mark, timeout=20)["reason"] == "idle"
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=3) == 143
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
