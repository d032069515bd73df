"""What every measurement needs: a virtual X screen, the kiosk in a subprocess with its
benchmark hook, and process-tree memory (PSS) and CPU read from /proc."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
PYTHON = REPO / ".venv" / "bin" / "python"
SIZE = (1280, 800)


# -- /proc --------------------------------------------------------------------------------
def tree(pid: int) -> list[int]:
    """The process and all its descendants."""
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            with suppress(OSError):
                stack.extend(int(c) for c in task.read_text().split())
    return found


def pss_mib(pids: list[int]) -> float:
    """Proportional set size summed over processes, in MiB (shared pages split fairly)."""
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def memory_mib(pids: list[int]) -> dict[str, float]:
    """PSS, RSS and USS (private pages) summed over processes, in MiB.

    PSS splits shared library pages among every process mapping them, so it reads lower
    while other Qt programs run (tests, a soak); USS is what this process alone holds.
    """
    fields = {"Pss:": 0, "Rss:": 0, "Private_Clean:": 0, "Private_Dirty:": 0}
    for pid in pids:
        with suppress(OSError):
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                key = line.split(":")[0] + ":"
                if key in fields:
                    fields[key] += int(line.split()[1])
    return {
        "pss": round(fields["Pss:"] / 1024, 1),
        "rss": round(fields["Rss:"] / 1024, 1),
        "uss": round((fields["Private_Clean:"] + fields["Private_Dirty:"]) / 1024, 1),
    }


def cpu_seconds(pids: list[int]) -> float:
    """CPU time of every thread of the processes, in seconds.

    /proc/PID/stat counts in 10 ms ticks, too coarse for an idle budget of 0.05 s a minute;
    each thread's schedstat has the scheduler's nanoseconds on the CPU.
    """
    total = 0
    for pid in pids:
        for stat in Path(f"/proc/{pid}/task").glob("*/schedstat"):
            with suppress(OSError, ValueError, IndexError):
                total += int(stat.read_text().split()[0])
    return total / 1e9


# -- X ------------------------------------------------------------------------------------
@contextmanager
def xvfb(size: tuple[int, int] = SIZE) -> Iterator[str]:
    """A fresh Xvfb on a free display; yields its DISPLAY value."""
    if not shutil.which("Xvfb"):
        raise RuntimeError("Xvfb is not installed (scripts/setup.sh installs it)")
    read, write = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{size[0]}x{size[1]}x24"]
        + ["-nolisten", "tcp", "-noreset"],
        pass_fds=[write],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as f:
        number = f.readline().strip()
    try:
        yield f":{number}"
    finally:
        proc.terminate()
        proc.wait(10)


def xdotool(display: str, *args: str) -> None:
    subprocess.run(["xdotool", *args], env={**os.environ, "DISPLAY": display}, check=True)


# -- the kiosk in a subprocess ------------------------------------------------------------
@dataclass
class Platform:
    name: str  # "xcb" or "offscreen"
    display: str = ""
    state: Path | None = None  # the kiosk's state folder (its content cache), shared by runs

    def env(self) -> dict[str, str]:
        env = {"QT_QPA_PLATFORM": self.name}
        if self.display:
            env["DISPLAY"] = self.display
        return env


@dataclass
class KioskProcess:
    proc: subprocess.Popen
    launched: float  # time.monotonic() just before the process was started
    log_path: Path
    sock: socket.socket | None = None
    hello: dict[str, Any] = field(default_factory=dict)
    stderr_text: str = ""  # filled in when the process has stopped
    _buffer: bytes = b""

    @property
    def pid(self) -> int:
        return self.proc.pid

    def events(self) -> list[dict[str, Any]]:
        if not self.log_path.exists():
            return []
        rows = []
        for line in self.log_path.read_text(encoding="utf-8").splitlines():
            with suppress(ValueError):  # a line being written
                rows.append(json.loads(line))
        return rows

    def wait_event(self, *names: str, timeout: float = 30) -> dict[str, Any]:
        """The first event named any of `names`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for event in self.events():
                if event["event"] in names:
                    return event
            if self.proc.poll() is not None:
                raise RuntimeError(f"kiosk exited ({self.proc.returncode}) before {names!r}")
            time.sleep(0.005)
        raise TimeoutError(f"no {names!r} event within {timeout} s")

    def ask(self, **request: Any) -> dict[str, Any]:
        assert self.sock is not None, "started without the benchmark hook"
        self.sock.sendall(json.dumps(request).encode() + b"\n")
        while b"\n" not in self._buffer:
            data = self.sock.recv(65536)
            if not data:
                raise RuntimeError("the kiosk closed the control channel")
            self._buffer += data
        line, self._buffer = self._buffer.split(b"\n", 1)
        reply = json.loads(line)
        if "error" in reply:
            raise RuntimeError(f"kiosk hook: {reply['error']}")
        return reply

    def wait_frame_after(self, since: float, timeout: float = 10) -> dict[str, Any]:
        """Poll until a frame was rendered after `since` (monotonic); returns the state."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            state = self.ask(cmd="state")
            if state["last_frame"] > since:
                return state
            time.sleep(0.01)
        raise TimeoutError("no frame rendered")

    def settle(self, quiet: float = 0.3, timeout: float = 10) -> dict[str, Any]:
        """Wait until no frame has been rendered for `quiet` seconds (animations done)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            state = self.ask(cmd="state")
            if state["monotonic"] - state["last_frame"] >= quiet:
                return state
            time.sleep(quiet / 3)
        return self.ask(cmd="state")

    def pids(self) -> list[int]:
        return tree(self.pid)

    def pss(self) -> float:
        return pss_mib(self.pids())

    def memory(self) -> dict[str, float]:
        return memory_mib(self.pids())

    def cpu(self) -> float:
        return cpu_seconds(self.pids())

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.sock:
            self.sock.close()


@contextmanager
def kiosk(
    platform: Platform,
    content: Path | None = None,
    *,
    hook: bool = True,
    windowed: bool | None = None,
    args: list[str] | None = None,
    env: dict[str, str] | None = None,
    wait_first_frame: bool = True,
    state: Path | None = None,
) -> Iterator[KioskProcess]:
    """Start `kiosk run` as a real process and stop it afterwards."""
    tmp = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
    log_path = tmp / "events.jsonl"
    # Offscreen has no window manager or screen size: a plain window of the benchmark size.
    windowed = platform.name == "offscreen" if windowed is None else windowed
    command = [str(PYTHON), "-m", "kiosk", "run", "--event-log", str(log_path)]
    command += ["--content", str(content or REPO / "content")]
    if windowed:
        command += ["--windowed", "--size", f"{SIZE[0]}x{SIZE[1]}"]
    command += args or []
    child_env = {
        **os.environ,
        **platform.env(),
        "XDG_STATE_HOME": str(state or platform.state or tmp / "state"),
    }
    child_env.update(env or {})
    server = None
    if hook:
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.bind(str(tmp / "ctl.sock"))
        server.listen(1)
        server.settimeout(60)
        child_env.update(hook_env(tmp / "ctl.sock", child_env))
    launched = time.monotonic()
    with open(tmp / "stderr", "wb") as stderr:
        proc = subprocess.Popen(command, env=child_env, stdout=subprocess.DEVNULL, stderr=stderr)
    process = KioskProcess(proc, launched, log_path)
    try:
        if server is not None:
            process.sock, _ = server.accept()
            process.sock.settimeout(60)
            server.close()
            buffer = b""
            while b"\n" not in buffer:
                buffer += process.sock.recv(65536)
            line, process._buffer = buffer.split(b"\n", 1)
            process.hello = json.loads(line)
        if wait_first_frame:
            process.wait_event("first_frame")
        yield process
    finally:
        process.stop()
        errors = (tmp / "stderr").read_text(errors="replace")
        process.stderr_text = errors
        warnings = [
            line for line in errors.splitlines() if "qml/Kiosk" in line or "Traceback" in line
        ]
        if warnings:
            print("kiosk stderr:\n  " + "\n  ".join(warnings[:20]), file=sys.stderr)
        shutil.rmtree(tmp, ignore_errors=True)


def hook_env(socket_path: Path | str, environ: dict[str, str] | None = None) -> dict[str, str]:
    """Environment variables that start `kiosk run` with the probe (bench/probe.py) talking
    to socket_path; bench/ is not installed, so the repository goes on PYTHONPATH."""
    path = (os.environ if environ is None else environ).get("PYTHONPATH", "")
    return {
        "KIOSK_HOOK": "bench.probe",
        "KIOSK_BENCH": str(socket_path),
        "PYTHONPATH": os.pathsep.join(p for p in (str(REPO), path) if p),
    }


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]
