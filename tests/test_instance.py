"""Single-instance guard, across real processes."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kiosk.system.instance import AlreadyRunningError, SingleInstance

ROOT = Path(__file__).resolve().parents[1]


def run_child(code: str, lock: Path) -> subprocess.CompletedProcess[str]:
    """Run Python in a fresh process with the project importable and LOCK set."""
    program = "import sys\nfrom pathlib import Path\nfrom kiosk.system.instance import *\n"
    program += f"LOCK = Path({str(lock)!r})\n" + textwrap.dedent(code)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, env=env, timeout=30
    )


@pytest.fixture
def lock(tmp_path: Path) -> Path:
    return tmp_path / "run" / "kiosk.lock"


def test_acquire_writes_pid(lock: Path) -> None:
    guard = SingleInstance(lock)
    assert guard.acquire() is True
    assert guard.acquired
    assert lock.read_text() == f"{os.getpid()}\n"
    assert guard.holder_pid() == os.getpid()
    guard.release()
    assert not guard.acquired


def test_second_process_is_refused_while_held(lock: Path) -> None:
    guard = SingleInstance(lock)
    assert guard.acquire()
    child = run_child("print(SingleInstance(LOCK).acquire())", lock)
    assert child.returncode == 0, child.stderr
    assert child.stdout.strip() == "False"
    guard.release()
    child = run_child("print(SingleInstance(LOCK).acquire())", lock)
    assert child.stdout.strip() == "True"


def test_context_manager_in_second_process_raises(lock: Path) -> None:
    with SingleInstance(lock):
        child = run_child(
            """
            try:
                with SingleInstance(LOCK):
                    print("entered")
            except AlreadyRunningError as exc:
                print("refused", exc.pid)
            """,
            lock,
        )
    assert child.stdout.split() == ["refused", str(os.getpid())]


def test_refused_in_same_process_too(lock: Path) -> None:
    first, second = SingleInstance(lock), SingleInstance(lock)
    assert first.acquire()
    assert second.acquire() is False
    assert not second.acquired
    assert lock.read_text() == f"{os.getpid()}\n"  # the loser did not overwrite the pid
    first.release()
    assert second.acquire()
    second.release()


def test_acquire_twice_is_harmless(lock: Path) -> None:
    guard = SingleInstance(lock)
    assert guard.acquire()
    assert guard.acquire()
    guard.release()
    guard.release()


def test_lock_of_dead_process_is_free(lock: Path) -> None:
    # The child takes the lock and dies without releasing it (like a crash).
    child = run_child(
        """
        import os
        assert SingleInstance(LOCK).acquire()
        print(os.getpid())
        os._exit(0)
        """,
        lock,
    )
    assert child.returncode == 0, child.stderr
    assert SingleInstance(lock).holder_pid() == int(child.stdout)  # stale pid left behind
    guard = SingleInstance(lock)
    assert guard.acquire()
    assert guard.holder_pid() == os.getpid()
    guard.release()


def test_context_manager_releases(lock: Path) -> None:
    with SingleInstance(lock) as guard:
        assert guard.acquired
        with pytest.raises(AlreadyRunningError, match="already running"):
            SingleInstance(lock).__enter__()
    assert not guard.acquired
    with SingleInstance(lock):
        pass


def test_release_clears_pid(lock: Path) -> None:
    guard = SingleInstance(lock)
    guard.acquire()
    guard.release()
    assert lock.exists()  # never deleted
    assert guard.holder_pid() is None


def test_lock_file_not_inherited_by_children(lock: Path) -> None:
    # A helper process started by the kiosk must not keep the lock alive after we release.
    guard = SingleInstance(lock)
    guard.acquire()
    sleeper = subprocess.Popen(
        [sys.executable, "-c", "import time; time.sleep(30)"], close_fds=False
    )
    try:
        guard.release()
        assert SingleInstance(lock).acquire()
    finally:
        sleeper.kill()
        sleeper.wait()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="abstract sockets: Linux")
def test_an_unusable_lock_folder_still_refuses_a_second_kiosk(tmp_path: Path) -> None:
    # A lock file that cannot be created (a read-only state folder; here its "folder" is a
    # file, since root may write anywhere) used to fail open: two kiosks ran.
    blocker = tmp_path / "file"
    blocker.write_text("x")
    lock = blocker / "kiosk.lock"
    guard = SingleInstance(lock)
    assert guard.acquire()
    assert guard.file_problem
    child = run_child("print(SingleInstance(LOCK).acquire())", lock)
    assert child.stdout.strip() == "False", child.stderr
    guard.release()
    child = run_child("print(SingleInstance(LOCK).acquire())", lock)
    assert child.stdout.strip() == "True", child.stderr
