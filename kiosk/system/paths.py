"""Where the kiosk keeps its state (usage statistics) and logs, when the device file does
not say: the folders themselves are device settings (kiosk/system/device.py, [device] state_dir
and log_dir), never content settings."""

from __future__ import annotations

from pathlib import Path

from kiosk.content.config import Config
from kiosk.system.device import default_state_dir


def state_dir(config: Config | None = None) -> Path:
    return default_state_dir()


def log_dir(config: Config | None = None) -> Path:
    return default_state_dir() / "logs"
