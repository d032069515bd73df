"""Waiting for background work from code that owns no event loop (snapshot, tests)."""

from __future__ import annotations

import time
from collections.abc import Callable


def process_events_until(done: Callable[[], bool], timeout_s: float) -> bool:
    """Let Qt deliver events (results from worker threads) until `done()` or the timeout;
    returns `done()`."""
    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + timeout_s
    while not done() and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    return done()
