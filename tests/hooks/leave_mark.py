"""A hook that leaves a file where $HOOK_MARK says: it must never run from a device file."""

import os
from pathlib import Path


def attach(kiosk):
    Path(os.environ["HOOK_MARK"]).write_text("ran")
