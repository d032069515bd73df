"""systemd notify protocol against a real (fake systemd) datagram socket."""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.system.watchdog import Notifier


@pytest.fixture
def listener(tmp_path: Path) -> Iterator[tuple[socket.socket, str]]:
    path = tmp_path / "notify"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(path))
    sock.settimeout(2)
    yield sock, str(path)
    sock.close()


def received(sock: socket.socket) -> bytes:
    return sock.recv(4096)


def test_messages_reach_the_socket(listener: tuple[socket.socket, str]) -> None:
    sock, path = listener
    n = Notifier({"NOTIFY_SOCKET": path})
    assert n.enabled
    assert n.ready() is True
    assert received(sock) == b"READY=1"
    assert n.ping() is True
    assert received(sock) == b"WATCHDOG=1"
    assert n.status("Showing content from 2025-03-10") is True
    assert received(sock) == b"STATUS=Showing content from 2025-03-10"
    assert n.stopping() is True
    assert received(sock) == b"STOPPING=1"


def test_status_is_one_line(listener: tuple[socket.socket, str]) -> None:
    sock, path = listener
    Notifier({"NOTIFY_SOCKET": path}).status("content refused:\n  2 errors\nREADY=1")
    assert received(sock) == b"STATUS=content refused: 2 errors READY=1"


def test_status_unicode(listener: tuple[socket.socket, str]) -> None:
    sock, path = listener
    Notifier({"NOTIFY_SOCKET": path}).status("Contenido en español")
    assert received(sock) == "STATUS=Contenido en español".encode()


def test_several_assignments_in_one_datagram(listener: tuple[socket.socket, str]) -> None:
    sock, path = listener
    Notifier({"NOTIFY_SOCKET": path}).notify("READY=1", "STATUS=Ready")
    assert received(sock) == b"READY=1\nSTATUS=Ready"


def test_abstract_socket() -> None:
    name = f"kiosk-test-{uuid.uuid4().hex}"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(b"\0" + name.encode())
    sock.settimeout(2)
    try:
        n = Notifier({"NOTIFY_SOCKET": "@" + name})
        assert n.enabled
        assert n.ready()
        assert received(sock) == b"READY=1"
    finally:
        sock.close()


def test_reads_os_environ_by_default(
    listener: tuple[socket.socket, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    sock, path = listener
    monkeypatch.setenv("NOTIFY_SOCKET", path)
    assert Notifier().ping()
    assert received(sock) == b"WATCHDOG=1"


def test_environment_is_read_once(listener: tuple[socket.socket, str]) -> None:
    sock, path = listener
    env = {"NOTIFY_SOCKET": path}
    n = Notifier(env)
    env.clear()
    assert n.ready()
    assert received(sock) == b"READY=1"


@pytest.mark.parametrize("env", [{}, {"NOTIFY_SOCKET": ""}, {"NOTIFY_SOCKET": "@"}])
def test_disabled_without_socket(env: dict[str, str]) -> None:
    n = Notifier(env)
    assert not n.enabled
    assert n.ready() is False
    assert n.ping() is False
    assert n.status("x") is False
    assert n.stopping() is False
    assert n.watchdog_interval_s() is None


def test_unsupported_address_is_disabled(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="kiosk.watchdog"):
        n = Notifier({"NOTIFY_SOCKET": "vsock:2:1234"})
    assert not n.enabled
    assert n.ready() is False
    assert "unsupported NOTIFY_SOCKET" in caplog.text


def test_missing_socket_never_raises(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    n = Notifier({"NOTIFY_SOCKET": str(tmp_path / "gone")})
    assert n.enabled
    with caplog.at_level(logging.WARNING, logger="kiosk.watchdog"):
        assert n.ready() is False
        assert n.ping() is False
    assert "sd_notify" in caplog.text


def test_socket_closed_after_start_never_raises(listener: tuple[socket.socket, str]) -> None:
    sock, path = listener
    n = Notifier({"NOTIFY_SOCKET": path})
    sock.close()
    os.unlink(path)
    assert n.ping() is False


def test_path_that_is_not_a_socket(tmp_path: Path) -> None:
    plain = tmp_path / "file"
    plain.write_text("x")
    assert Notifier({"NOTIFY_SOCKET": str(plain)}).ready() is False


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ({"WATCHDOG_USEC": "30000000"}, 15.0),
        ({"WATCHDOG_USEC": "20000000", "WATCHDOG_PID": str(os.getpid())}, 10.0),
        # Under cage the compositor is the service's main process: our parent.
        ({"WATCHDOG_USEC": "20000000", "WATCHDOG_PID": str(os.getppid())}, 10.0),
        ({"WATCHDOG_USEC": "20000000", "WATCHDOG_PID": str(os.getpid() + 100000)}, None),
        ({"WATCHDOG_USEC": "1000"}, 0.0005),
        ({"WATCHDOG_USEC": "0"}, None),
        ({"WATCHDOG_USEC": "-5"}, None),
        ({"WATCHDOG_USEC": "ten seconds"}, None),
        ({"WATCHDOG_USEC": ""}, None),
        ({}, None),
    ],
)
def test_watchdog_interval(tmp_path: Path, extra: dict[str, str], expected: float | None) -> None:
    n = Notifier({"NOTIFY_SOCKET": str(tmp_path / "notify"), **extra})
    assert n.watchdog_interval_s() == expected


def test_no_watchdog_interval_without_socket() -> None:
    assert Notifier({"WATCHDOG_USEC": "30000000"}).watchdog_interval_s() is None


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
def test_the_kiosk_pings_for_its_grandparent_the_boot_wrapper():
    """Under the unit: kiosk-session (the service's main process) -> cage -> the kiosk."""
    code = (
        "import os; from kiosk.system.watchdog import Notifier; "
        "print(Notifier({'NOTIFY_SOCKET': '/x', 'WATCHDOG_USEC': '2000000', "
        f"'WATCHDOG_PID': '{os.getpid()}'}}).watchdog_interval_s())"
    )
    shell = f'{sys.executable} -c "{code}"; true'  # 'true': the shell must not exec python
    out = subprocess.run(["sh", "-c", shell], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "1.0", out.stderr
