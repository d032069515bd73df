"""PySide6 6.12.0 loses a reference to True on every Signal.emit() and to None on every
QObject.property() of a missing name; kiosk.qt guards against the resulting abort. Run in a
subprocess: without the guard Python itself aborts."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import kiosk.qt  # the guard
from PySide6.QtCore import QObject, Signal
class Source(QObject):
    changed = Signal()
source = Source()
source.changed.connect(lambda: None)
for _ in range(300_000):  # about a long day of screen changes' worth of emits
    source.changed.emit()
    source.property("no_such_property")
print("ok")
"""


def test_many_emits_and_property_reads_do_not_abort_python():
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"
