"""The boot-to-kiosk systemd unit: what it promises, and that systemd accepts it."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from conftest import REPO

UNIT = REPO / "deploy" / "kiosk.service"


def settings() -> dict[str, str]:
    values = {}
    for line in UNIT.read_text().splitlines():
        if "=" in line and not line.lstrip().startswith("#"):
            key, value = line.split("=", 1)
            values[key.strip()] = value.strip()
    return values


def test_the_unit_restarts_a_crashed_or_frozen_kiosk():
    unit = settings()
    assert unit["Type"] == "notify"
    assert unit["NotifyAccess"] == "all"  # the kiosk is cage's child
    assert int(unit["WatchdogSec"]) > 0
    assert unit["Restart"] == "always"
    assert unit["RestartPreventExitStatus"] == "0"  # maintenance Exit stays stopped
    assert "cage" in unit["ExecStart"] and "kiosk run" in unit["ExecStart"]
    assert " -s " not in unit["ExecStart"]  # no switching to a text console
    # Whatever cage's version: kiosk-session turns "no staff exit" into a failure.
    assert unit["ExecStart"].startswith("@KIOSK_DIR@/deploy/kiosk-session /usr/bin/cage ")
    assert int(unit["TimeoutStopSec"]) <= 10  # a frozen kiosk is killed within seconds
    assert unit["OnFailure"] == "getty@tty1.service"  # the start limit: a login prompt


def test_install_sh_installs_what_cage_needs():
    script = (REPO / "deploy" / "install.sh").read_text()
    assert " cage xwayland " in script  # Debian 12's cage 0.1.4 will not start without it
    assert "@DEVICE_FILE@" in script and "kiosk check --device" in script


SESSION = REPO / "deploy" / "kiosk-session"


def session(tmp_path: Path, command: str, *, marker: bool = False) -> int:
    """kiosk-session running `command` (sh), as the unit runs cage; `marker`: the kiosk
    leaves the staff-exit marker, as a staff Exit does."""
    if marker:
        command = f'echo staff > "$KIOSK_STAFF_EXIT_FILE"; {command}'
    env = {"PATH": "/usr/bin:/bin", "RUNTIME_DIRECTORY": str(tmp_path)}
    result = subprocess.run(
        [str(SESSION), "sh", "-c", command], env=env, capture_output=True, timeout=30
    )
    assert list(tmp_path.iterdir()) == [], "the marker folder is removed"
    return result.returncode


@pytest.mark.parametrize(
    ("command", "marker", "status"),
    [
        ("exit 0", True, 0),  # the staff Exit: stay stopped
        ("exit 0", False, 70),  # cage < 0.2.0 after a crash: status 0, no marker: restart
        ("exit 1", False, 1),  # cage >= 0.2.0 passes the kiosk's status on
        ("kill -SEGV $$", False, 128 + 11),  # the compositor itself crashed
        ("exit 143", False, 143),  # the kiosk was stopped (SIGTERM)
    ],
)
def test_kiosk_session_restarts_on_everything_but_a_staff_exit(tmp_path, command, marker, status):
    unit = settings()
    assert session(tmp_path, command, marker=marker) == status
    assert (status == 0) == (status in {int(v) for v in unit["RestartPreventExitStatus"].split()})


def test_kiosk_session_passes_sigterm_on_and_reports_143(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "RUNTIME_DIRECTORY": str(tmp_path)}
    proc = subprocess.Popen(
        [str(SESSION), "sh", "-c", "trap 'exit 0' TERM; while :; do sleep 0.1; done"], env=env
    )
    deadline = time.monotonic() + 10
    while not any(tmp_path.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)  # its marker folder exists: it is ready for signals
    proc.terminate()  # systemctl stop
    assert proc.wait(timeout=10) == 143  # SuccessExitStatus=143: a clean stop, not a failure
    assert settings()["SuccessExitStatus"] == "143"


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="needs systemd-analyze")
def test_the_unit_is_hardened(tmp_path: Path):
    """No network, a read-only system, only the state folder writable: "OK" or better."""
    unit = settings()
    assert unit["PrivateNetwork"] == "yes" and unit["ProtectSystem"] == "strict"
    assert unit["RestrictAddressFamilies"] == "AF_UNIX AF_NETLINK"
    path = installed_unit(tmp_path)
    result = subprocess.run(
        ["systemd-analyze", "security", "--offline=yes", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    if "--offline" in result.stderr:
        pytest.skip("this systemd-analyze has no --offline (systemd < 252)")
    match = re.search(r"Overall exposure level for \S+: ([0-9.]+) (\w+)", result.stdout)
    assert match, result.stdout[-2000:] + result.stderr
    assert float(match.group(1)) <= 4.9 and match.group(2) in ("OK", "SAFE"), match.group(0)


def installed_unit(tmp_path: Path) -> Path:
    """The unit as deploy/install.sh writes it."""
    text = (
        UNIT.read_text()
        .replace("@KIOSK_DIR@", str(REPO))
        .replace("@DEVICE_FILE@", "/etc/kiosk/kiosk.toml")
        .replace("@USER@", "kiosk")
    )
    if not Path("/usr/bin/cage").exists():  # scripts/setup.sh installs cage
        text = text.replace("/usr/bin/cage -d --", "/usr/bin/env")
    unit = tmp_path / "kiosk.service"
    unit.write_text(text)
    return unit


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="needs systemd-analyze")
def test_systemd_accepts_the_installed_unit(tmp_path: Path):
    unit = installed_unit(tmp_path)
    result = subprocess.run(
        ["systemd-analyze", "verify", str(unit)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "kiosk.service" not in result.stderr, result.stderr  # no warnings about it either
