"""SIGTERM ends the kiosk process within its hard deadline even when the UI thread never
gets back to the event loop (kiosk/qt/stopper.py)."""

from __future__ import annotations

import signal
import subprocess
import sys

STUCK_MAIN_THREAD = """
import sys, time
from PySide6.QtCore import QCoreApplication
from kiosk.qt.stopper import Stopper
app = QCoreApplication([])
stopper = Stopper(app)
print("ready", flush=True)
time.sleep(120)  # the UI thread, stuck: the event loop never runs
"""


def test_sigterm_ends_a_process_whose_ui_thread_is_stuck_within_3_s():
    proc = subprocess.Popen(
        [sys.executable, "-c", STUCK_MAIN_THREAD], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout.readline().strip() == "ready"
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=3) == 143  # os._exit(128 + SIGTERM) after the grace
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
