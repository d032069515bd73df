"""The systemd notify protocol (sd_notify) without libsystemd: READY, WATCHDOG, STATUS, STOPPING.

Under `Type=notify` + `WatchdogSec=`, systemd sets NOTIFY_SOCKET (and WATCHDOG_USEC); the
kiosk sends READY=1 once its window is up and WATCHDOG=1 from a timer on the GUI thread, so
a hung event loop stops the pings and systemd restarts the kiosk. Without systemd (a
developer's machine, Windows) every call is a cheap no-op.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping
from pathlib import Path

log = logging.getLogger("kiosk.watchdog")

# A datagram to systemd never blocks in practice; if it ever does, do not freeze the UI.
SEND_TIMEOUT_S = 0.5


class Notifier:
    """Sends sd_notify messages. Reads the environment once, at construction."""

    def __init__(self, env: Mapping[str, str] | None = None) -> None:
        env = os.environ if env is None else env
        self._address = _address(env.get("NOTIFY_SOCKET", ""))
        self._watchdog_usec = env.get("WATCHDOG_USEC")
        self._watchdog_pid = env.get("WATCHDOG_PID")

    @property
    def enabled(self) -> bool:
        return self._address is not None

    def ready(self) -> bool:
        return self.notify("READY=1")

    def ping(self) -> bool:
        return self.notify("WATCHDOG=1")

    def status(self, text: str) -> bool:
        # One line: a newline would start a new (unintended) assignment.
        return self.notify("STATUS=" + " ".join(str(text).split()))

    def stopping(self) -> bool:
        return self.notify("STOPPING=1")

    def notify(self, *assignments: str) -> bool:
        """Send KEY=VALUE lines in one datagram. True if sent; never raises."""
        if self._address is None or not hasattr(socket, "AF_UNIX"):
            return False
        message = "\n".join(assignments).encode("utf-8", "replace")
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
                sock.settimeout(SEND_TIMEOUT_S)
                sock.sendto(message, self._address)
        except OSError as exc:
            log.warning("sd_notify %r failed: %s", message[:40], exc)
            return False
        return True

    def watchdog_interval_s(self) -> float | None:
        """Seconds between pings (half of WATCHDOG_USEC), or None when no watchdog is asked
        for this process."""
        if self._address is None or not self._watchdog_usec:
            return None
        if self._watchdog_pid not in (None, "") and self._watchdog_pid not in ancestors():
            # For another process. Our ancestors are the exception: under the unit the
            # service's main process is kiosk-session, then cage, then the kiosk (the unit
            # sets NotifyAccess=all), so the kiosk pings on their behalf.
            return None
        try:
            usec = int(self._watchdog_usec)
        except ValueError:
            log.warning("ignoring malformed WATCHDOG_USEC=%r", self._watchdog_usec)
            return None
        if usec <= 0:
            return None
        return usec / 2 / 1_000_000


def ancestors(limit: int = 8) -> set[str]:
    """This process and up to `limit` of its ancestors, as pid strings (Linux /proc; only
    the parent elsewhere)."""
    pids = {str(os.getpid()), str(os.getppid())}
    pid = os.getppid()
    for _ in range(limit):
        try:
            stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")
            pid = int(stat.rpartition(")")[2].split()[1])
        except (OSError, ValueError, IndexError):
            break
        if pid <= 1:
            break
        pids.add(str(pid))
    return pids


def _address(value: str) -> str | bytes | None:
    """Socket address from NOTIFY_SOCKET: a path, or @name for the abstract namespace."""
    if value.startswith("/"):
        return value
    if value.startswith("@") and len(value) > 1:
        return b"\0" + os.fsencode(value[1:])
    if value:
        # e.g. vsock:... (systemd 254+ for VMs): not used on a kiosk.
        log.warning("unsupported NOTIFY_SOCKET %r; systemd notifications disabled", value)
    return None
