"""Boot to kiosk, for real: the unit's own command line (deploy/kiosk.service's ExecStart,
through deploy/kiosk-session, cage and XWayland) under a headless wlroots compositor, with
the unit's own restart rule (Restart=, RestartPreventExitStatus=, RestartSec=) emulated
here, since a test cannot run systemd. The kiosk draws its first frame and tells systemd it
is ready; its on-screen keyboard shows; kill -SEGV brings it back; a staff Exit does not.

cage refuses to run as root, so as root the command runs in a user namespace, unprivileged.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest
from conftest import BUNDLED, REPO

from bench.common import hook_env

UNIT = REPO / "deploy" / "kiosk.service"
PYTHON_KIOSK = REPO / ".venv" / "bin" / "kiosk"

pytestmark = pytest.mark.skipif(
    not (shutil.which("cage") and shutil.which("Xwayland") and PYTHON_KIOSK.exists()),
    reason="needs cage and xwayland (scripts/setup.sh installs them) and .venv",
)


def unit_values() -> dict[str, list[str]]:
    """Every Key=value of the unit, a key's values in order (Environment= repeats)."""
    values: dict[str, list[str]] = {}
    for line in UNIT.read_text().splitlines():
        line = line.strip()
        if "=" in line and not line.startswith(("#", "[")):
            key, value = line.split("=", 1)
            values.setdefault(key, []).append(value)
    return values


class Service:
    """Runs ExecStart again and again as systemd would with this unit's restart settings."""

    def __init__(self, command: list[str], env: dict[str, str], values: dict[str, list[str]]):
        assert values["Restart"] == ["always"]
        self.prevent = {int(v) for v in " ".join(values["RestartPreventExitStatus"]).split()}
        self.restart_s = float(values["RestartSec"][0])
        self.command, self.env = command, env
        self.exits: list[int] = []
        self.starts = 0
        self.proc: subprocess.Popen | None = None
        self.stopped = threading.Event()
        self.log = open(Path(env["TMPDIR"]) / "service.log", "w")  # noqa: SIM115
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stopped.is_set():
            self.starts += 1
            self.proc = subprocess.Popen(
                self.command, env=self.env, stdout=self.log, stderr=subprocess.STDOUT
            )
            code = self.proc.wait()
            self.exits.append(code)
            if code in self.prevent or self.stopped.wait(self.restart_s):
                break  # Restart=always, except the statuses RestartPreventExitStatus names
        self.stopped.set()

    def stop(self) -> None:
        self.stopped.set()
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()  # systemctl stop (systemd would signal the whole cgroup)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.thread.join(timeout=30)
        self.log.close()


def until(condition, timeout: float, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise TimeoutError(what() if callable(what) else what)


def events(log: Path) -> list[dict]:
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text().splitlines() if line.strip()]


@pytest.fixture
def device_root():
    """Folders the unit's user can use: /tmp, 0755 (pytest's own tmp_path is root's only)."""
    root = Path(tempfile.mkdtemp(prefix="kiosk-boot-", dir="/tmp"))
    root.chmod(0o755)
    yield root
    shutil.rmtree(root, ignore_errors=True)


def test_the_units_command_boots_restarts_after_a_crash_and_stays_down_after_a_staff_exit(
    device_root,
):
    values = unit_values()
    runs_as: list[str] = []
    if os.geteuid() == 0:
        # cage will not run as root (the unit's User= never is): as root, run in a user
        # namespace as an unprivileged uid that owns what root owns here (.venv included).
        runs_as = ["unshare", "--user", "--map-user=1000", "--map-group=1000"]
        if subprocess.run([*runs_as, "true"], capture_output=True, timeout=30).returncode:
            pytest.skip("root, and no user namespaces to run cage unprivileged")
    folders = {name: device_root / name for name in ("state", "runtime", "home", "tmp")}
    for folder in folders.values():
        folder.mkdir(mode=0o700)
    device = device_root / "kiosk.toml"
    device.write_text(
        f'[device]\ncontent = "{BUNDLED}"\nstate_dir = "{folders["state"]}"\n'
        'speech_engine = "none"\n'
    )
    device.chmod(0o644)
    notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    notify.bind(str(device_root / "notify.sock"))
    (device_root / "notify.sock").chmod(0o777)
    notify.settimeout(0.2)
    control = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    control.bind(str(device_root / "ctl.sock"))
    (device_root / "ctl.sock").chmod(0o777)
    control.listen(2)
    control.settimeout(90)

    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}
    for assignment in values["Environment"]:
        key, value = assignment.split("=", 1)
        env[key] = value
    assert env["QT_QPA_PLATFORM"] == "xcb"  # under XWayland: see the unit's comment
    env |= {
        # What systemd and logind would provide, in the test's folders.
        "KIOSK_DEVICE": str(device),
        "HOME": str(folders["home"]),
        "XDG_STATE_HOME": str(folders["state"]),
        "XDG_RUNTIME_DIR": str(folders["runtime"]),
        "RUNTIME_DIRECTORY": str(folders["runtime"]),
        "TMPDIR": str(folders["tmp"]),
        "NOTIFY_SOCKET": str(device_root / "notify.sock"),
        # A headless wlroots compositor: no screen, no input devices.
        "WLR_BACKENDS": "headless",
        "WLR_LIBINPUT_NO_DEVICES": "1",
        "WLR_RENDERER": "pixman",
    }
    # The benchmark's probe and control channel (a start-up hook), to press the staff Exit.
    env |= hook_env(device_root / "ctl.sock", env)
    exec_start = values["ExecStart"][0].replace("@KIOSK_DIR@", str(REPO))
    command = [*runs_as, *shlex.split(exec_start)]
    assert command[len(runs_as)].endswith("deploy/kiosk-session")
    assert "/usr/bin/cage" in command and command[-2:] == [str(PYTHON_KIOSK), "run"]

    log = folders["state"] / "logs" / "events.jsonl"
    service = Service(command, env, values)
    try:

        def frames() -> int:
            return sum(e["event"] == "first_frame" for e in events(log))

        def ready() -> bool:
            try:
                return b"READY=1" in notify.recv(4096)
            except TimeoutError:
                return False

        until(lambda: frames() >= 1, 90, lambda: "no first frame: " + service_log(device_root))
        until(ready, 30, "no READY=1 from the kiosk under cage")
        hook, _ = control.accept()
        pid = int((folders["state"] / "kiosk.lock").read_text())
        os.kill(pid, signal.SIGSEGV)  # a crash, as the kernel delivers it
        until(lambda: frames() >= 2, 90, lambda: "not restarted: " + service_log(device_root))
        assert service.exits and service.exits[0] not in service.prevent, service.exits
        hook.close()  # the crashed kiosk's channel

        hook, _ = control.accept()
        channel = hook.makefile("rw")

        def ask(**request) -> dict:
            channel.write(json.dumps(request) + "\n")
            channel.flush()
            return json.loads(channel.readline())

        channel.readline()  # hello
        # Qt's on-screen keyboard works under cage's XWayland (QT_QPA_PLATFORM=xcb).
        ask(cmd="call", slot="navigation.start")
        ask(cmd="call", slot="navigation.openTopic", args=["addiction"])
        until(lambda: ask(cmd="keyboard").get("keyboard"), 30, "no on-screen keyboard")
        ask(cmd="maintenance", slot="exitKiosk")
        until(service.stopped.is_set, 30, lambda: "still running: " + service_log(device_root))
        assert service.exits[-1] in service.prevent, service.exits
        assert service.starts == 2  # not started again after the staff exit
        assert events(log)[-2]["event"] == "maintenance_exit"
    finally:
        service.stop()
        notify.close()
        control.close()


def service_log(root: Path) -> str:
    path = root / "tmp" / "service.log"
    return path.read_text(errors="replace")[-3000:] if path.exists() else "(no log)"
