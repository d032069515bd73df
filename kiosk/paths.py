"""Where the kiosk keeps its state (usage statistics) and logs."""

from __future__ import annotations

import os
from pathlib import Path

from kiosk.config import Config


def _xdg_state() -> Path:
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "kiosk"


def state_dir(config: Config) -> Path:
    return Path(config.kiosk.get("state_dir") or _xdg_state())


def log_dir(config: Config) -> Path:
    return Path(config.kiosk.get("log_dir") or _xdg_state() / "logs")
