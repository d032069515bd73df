"""Does a running speech-dispatcher answer? Asked with a timeout, off the UI thread.

Qt's speechd engine connects through libspeechd, which waits without a timeout: a
speech-dispatcher that accepts connections but never answers (a wedged audio module) would
freeze the kiosk before its first frame, and the watchdog would restart it into the same
freeze. So the kiosk first asks the daemon itself, with a deadline (SSIP, the daemon's
plain-text protocol), and leaves read aloud off if it does not answer.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

TIMEOUT_S = 3.0


def socket_path(env: dict[str, str] | None = None) -> Path:
    """Where libspeechd looks: SPEECHD_ADDRESS, else the runtime or cache folder."""
    env = dict(os.environ) if env is None else env
    address = env.get("SPEECHD_ADDRESS", "")
    if address.startswith("unix_socket:"):
        return Path(address.split(":", 1)[1])
    runtime = env.get("XDG_RUNTIME_DIR")
    base = Path(runtime) if runtime else Path(env.get("HOME", "~")).expanduser() / ".cache"
    return base / "speech-dispatcher" / "speechd.sock"


def speechd_status(path: Path | None = None, timeout_s: float = TIMEOUT_S) -> str:
    """ "absent" (no daemon yet: libspeechd will start one), "ok", or why it is unusable."""
    path = path or socket_path()
    if not path.exists():
        return "absent"
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(timeout_s)
            sock.connect(str(path))
            sock.sendall(b"SET SELF CLIENT_NAME kiosk:kiosk:probe\r\n")
            reply = sock.recv(256)
            sock.sendall(b"QUIT\r\n")
    except ConnectionRefusedError:
        return "absent"  # a stale socket file: libspeechd starts a new daemon
    except TimeoutError:
        return f"speech-dispatcher at {path} does not answer"
    except OSError as exc:
        return f"speech-dispatcher at {path}: {exc}"
    return "ok" if reply.startswith(b"2") else f"speech-dispatcher answered {reply[:40]!r}"
