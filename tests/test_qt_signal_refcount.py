"""PySide6 6.12.0 lost a reference to True on every Signal.emit() and to None on every
QObject.property() of a missing name, until Python aborted ("bool_dealloc" /
"none_dealloc"); the soak hit both after some thousands of screen changes. 6.11.3 does not,
and the project pins it. This fails on a PySide6 that drops references again.

Run in a child process: a PySide6 that drops enough references aborts Python itself."""

from __future__ import annotations

import json
import subprocess
import sys

CALLS = 20_000
SCRIPT = f"""
import json, sys
import kiosk.qt
from PySide6.QtCore import QObject, Signal
class Source(QObject):
    changed = Signal()
source = Source()
source.changed.connect(lambda: None)
before = sys.getrefcount(True), sys.getrefcount(None)
for _ in range({CALLS}):
    source.changed.emit()
    source.property("no_such_property")
after = sys.getrefcount(True), sys.getrefcount(None)
print(json.dumps({{"before": before, "after": after}}))
"""


def test_signal_emits_and_missing_property_reads_keep_their_references():
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    counts = json.loads(result.stdout.strip().splitlines()[-1])
    (true_before, none_before), (true_after, none_after) = counts["before"], counts["after"]
    # A few references may come and go with caches; one lost per call is CALLS.
    assert true_after >= true_before - 100, f"True lost {true_before - true_after} references"
    assert none_after >= none_before - 100, f"None lost {none_before - none_after} references"
