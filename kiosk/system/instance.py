"""Single-instance guard: a second kiosk (autostart racing systemd, a double click) must not
open a second fullscreen window over the first.

An advisory lock on an open file: the kernel drops it when the process dies, even on a
crash or SIGKILL, so a stale lock file never blocks a restart. The file is never deleted
(deleting a lock file lets two processes lock two different files).

When the lock file cannot be used (a read-only state folder), the lock falls back to an
abstract UNIX socket named after the lock file (Linux): it needs no folder at all, so a
second kiosk is still refused instead of both running. The kernel frees it at death too.
"""

from __future__ import annotations

import hashlib
import logging
import os
import socket
import sys
from pathlib import Path
from types import TracebackType
from typing import Literal

if sys.platform == "win32":  # pragma: no cover - untested here; the kiosk targets Linux
    import msvcrt
else:
    import fcntl


log = logging.getLogger("kiosk.instance")


class AlreadyRunningError(RuntimeError):
    def __init__(self, lock_path: Path, pid: int | None) -> None:
        who = f"process {pid}" if pid else "another process"
        super().__init__(f"the kiosk is already running ({who} holds {lock_path})")
        self.pid = pid


class SingleInstance:
    def __init__(self, lock_path: Path) -> None:
        self.lock_path = Path(lock_path)
        self._fd: int | None = None
        self._socket: socket.socket | None = None
        self.file_problem = ""  # why the lock file could not be used (only the socket holds)

    @property
    def acquired(self) -> bool:
        return self._fd is not None or self._socket is not None

    def acquire(self) -> bool:
        """Take the lock without waiting. False if another holder (any process) has it.

        Raises OSError only if neither the lock file nor the socket can be used."""
        if self.acquired:
            return True
        try:
            return self._acquire_file()
        except OSError as exc:
            held = _bind_socket(self.lock_path)
            if held is None:
                raise  # no socket either (not Linux): the caller decides
            if held is False:
                return False  # another kiosk on the same read-only folder holds it
            self.file_problem = f"{self.lock_path}: {exc.strerror or exc}"
            log.warning("lock file unusable (%s); an instance socket holds the lock", exc)
            self._socket = held
            return True

    def _acquire_file(self) -> bool:
        self.lock_path.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(self.lock_path, flags, 0o644)
        try:
            if not _try_lock(fd):
                os.close(fd)
                return False
            # The pid is for people ("who holds it?"), the lock itself is what counts.
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        return True

    def release(self) -> None:
        if self._socket is not None:
            self._socket.close()
            self._socket = None
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.ftruncate(fd, 0)
            _unlock(fd)
        except OSError:
            pass  # closing the descriptor below releases the lock anyway
        finally:
            os.close(fd)

    def holder_pid(self) -> int | None:
        """The pid written by the current (or last) holder, if readable."""
        try:
            text = self.lock_path.read_text(encoding="ascii").strip()
            return int(text) if text else None
        except (OSError, ValueError):
            return None

    def __enter__(self) -> SingleInstance:
        if not self.acquire():
            raise AlreadyRunningError(self.lock_path, self.holder_pid())
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def _bind_socket(lock_path: Path) -> socket.socket | Literal[False] | None:
    """A bound abstract socket (held), False (another process holds it) or None (none here)."""
    if not sys.platform.startswith("linux"):
        return None
    digest = hashlib.sha256(str(lock_path.absolute()).encode()).hexdigest()[:24]
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM | getattr(socket, "SOCK_CLOEXEC", 0))
    try:
        sock.bind(f"\0kiosk-instance-{os.getuid()}-{digest}")
    except OSError as exc:
        sock.close()
        if exc.errno == 98:  # EADDRINUSE
            return False
        log.warning("no instance socket: %s", exc)
        return None
    return sock


if sys.platform == "win32":  # pragma: no cover

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
