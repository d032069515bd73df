"""The boot-to-kiosk systemd unit: what it promises, and that systemd accepts it."""

from __future__ import annotations

import shutil
import subprocess
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


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="needs systemd-analyze")
def test_systemd_accepts_the_installed_unit(tmp_path: Path):
    text = (
        UNIT.read_text()
        .replace("@KIOSK_DIR@", str(REPO))
        .replace("@CONTENT_DIR@", str(REPO / "content"))
        .replace("@USER@", "root")
    )
    if not Path("/usr/bin/cage").exists():  # only deploy/install.sh installs cage
        text = text.replace("/usr/bin/cage -d --", "/usr/bin/env")
    unit = tmp_path / "kiosk.service"
    unit.write_text(text)
    result = subprocess.run(
        ["systemd-analyze", "verify", str(unit)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "kiosk.service" not in result.stderr, result.stderr  # no warnings about it either
