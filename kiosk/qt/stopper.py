"""SIGTERM (systemctl stop) and SIGINT: end the event loop cleanly, and end the process
within a hard deadline whatever else happens.

A clean stop closes the session in the statistics. But the UI thread can be stuck where
Python's own signal handlers never run (a speech engine that does not come back, Qt
waiting for a thread at exit), and systemd would then wait TimeoutStopSec and SIGKILL.
So the signal wakes a thread of ours (through the wakeup fd that Python's C-level handler
writes to, whatever the main thread is doing): it asks the event loop to quit, and if the
process is still there after GRACE_S it leaves with os._exit; an interval timer whose
SIGALRM nobody handles ends it even if no Python code can run at all.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import threading

from PySide6.QtCore import QObject, Signal

log = logging.getLogger("kiosk.stop")

GRACE_S = 2.0  # then os._exit
LAST_RESORT_S = 2.7  # then SIGALRM, with no handler: the kernel ends the process
SIGNALS = (signal.SIGTERM, signal.SIGINT)


def exit_code(signum: int) -> int:
    """128 + the signal's number, as a shell reports a process ended by it: 143 for
    SIGTERM, 130 for SIGINT (never 0, which is the staff Exit)."""
    return 128 + signum


class Stopper(QObject):
    """Installed once by the kiosk process (signal handlers belong to the main thread)."""

    _requested = Signal(int)

    def __init__(self, app, *, grace_s: float = GRACE_S, last_resort_s: float = LAST_RESORT_S):
        super().__init__()
        self._app = app
        self._grace_s, self._last_resort_s = grace_s, last_resort_s
        self.code: int | None = None
        self._reader, self._writer = socket.socketpair()
        self._writer.setblocking(False)
        signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        for number in SIGNALS:
            signal.signal(number, lambda *_: None)  # the wakeup fd does the work
        self._requested.connect(self._quit)  # queued: runs on the UI thread when it can
        threading.Thread(target=self._wait, name="kiosk-stop", daemon=True).start()

    def _wait(self) -> None:
        signum = None
        while signum is None:
            try:
                data = self._reader.recv(64)
            except OSError:
                return
            if not data:
                return
            signum = next((b for b in data if b in SIGNALS), None)
        self.code = exit_code(signum)
        # Armed first: this one needs no Python code at all to fire.
        signal.setitimer(signal.ITIMER_REAL, self._last_resort_s)
        self._requested.emit(self.code)
        threading.Event().wait(self._grace_s)
        log.error(
            "%s: still running %.1f s after the signal; leaving without clean-up",
            signal.Signals(signum).name,
            self._grace_s,
        )
        with contextlib.suppress(Exception):
            logging.shutdown()
        os._exit(self.code)

    def _quit(self, code: int) -> None:
        self._app.exit(code)
