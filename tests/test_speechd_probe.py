"""The speech-dispatcher health probe: a daemon that never answers must not freeze the kiosk."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

from kiosk.system.speechd_probe import socket_path, speechd_status


def serve(path: Path, reply: bytes | None) -> socket.socket:
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(1)

    def answer() -> None:
        conn, _ = server.accept()
        conn.recv(256)
        if reply is not None:
            conn.sendall(reply)
        conn.recv(256)  # hold the connection open (a wedged daemon never answers)
        conn.close()

    threading.Thread(target=answer, daemon=True).start()
    return server


def test_an_answering_daemon_is_ok(tmp_path):
    server = serve(tmp_path / "s.sock", b"208 OK CLIENT NAME SET\r\n")
    assert speechd_status(tmp_path / "s.sock", timeout_s=2) == "ok"
    server.close()


def test_a_daemon_that_never_answers_is_reported_not_waited_for(tmp_path):
    server = serve(tmp_path / "s.sock", None)
    status = speechd_status(tmp_path / "s.sock", timeout_s=0.2)
    assert "does not answer" in status
    server.close()


def test_no_daemon_or_a_stale_socket_lets_libspeechd_start_one(tmp_path):
    assert speechd_status(tmp_path / "missing.sock") == "absent"
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(tmp_path / "stale.sock"))
    stale.close()  # the file stays, nobody listens
    assert speechd_status(tmp_path / "stale.sock") == "absent"


def test_socket_path_follows_libspeechd():
    assert socket_path({"SPEECHD_ADDRESS": "unix_socket:/x/s.sock"}) == Path("/x/s.sock")
    assert socket_path({"XDG_RUNTIME_DIR": "/run/user/7"}) == Path(
        "/run/user/7/speech-dispatcher/speechd.sock"
    )
    assert socket_path({"HOME": "/home/k"}) == Path("/home/k/.cache/speech-dispatcher/speechd.sock")
