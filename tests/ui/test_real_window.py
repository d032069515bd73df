"""End to end on a real X server: the kiosk process in locked-down fullscreen under Xvfb,
driven with xdotool as a patient or a staff member would (keys, clicks, long press) plus
the close request a window manager sends. Slow-ish (two process starts), so kept to two."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.stats.events import read_events
from kiosk.system.pin import hash_pin, write_pin_hash

from .conftest import make_kiosk
from .x11 import Xvfb, wait_for_event

PIN = "750913"
W, H = 1280, 800
CORNER = ("8", str(H - 8))  # the default staff corner, bottom-left

pytestmark = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xdotool")),
    reason="needs Xvfb and xdotool (scripts/setup.sh installs them)",
)


@pytest.fixture(scope="module")
def xvfb():
    server = Xvfb(W, H)
    yield server
    server.stop()


@pytest.fixture
def pin_content(content_copy: Path, tmp_path: Path) -> Path:
    """Content, and the device file with the PIN (tmp_path/device.toml; see start)."""
    (tmp_path / "device.toml").write_text("[admin]\n")
    write_pin_hash(tmp_path / "device.toml", hash_pin(PIN))
    return content_copy


def start(xvfb: Xvfb, content: Path, tmp_path: Path):
    log = tmp_path / "events.jsonl"
    env = xvfb.env() | {
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "KIOSK_DEVICE": str(tmp_path / "device.toml"),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "run", "--content", str(content), "--event-log", str(log)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(tmp_path / "stderr.txt", "w"),  # noqa: SIM115 (closed with the process)
    )
    try:
        wait_for_event(log, "first_frame")
    except TimeoutError:
        proc.kill()
        raise
    # A control ignores taps in its first 350 ms on screen (Tappable.qml: what slid in
    # under a double tap); a person's first tap comes later than that.
    time.sleep(0.5)
    return proc, log


def since(log: Path, mark: int) -> list[dict]:
    return read_events(log)[mark:]


def test_escape_routes_leave_the_kiosk_running_and_unchanged_and_wrong_pins_lock(
    xvfb, pin_content, tmp_path
):
    proc, log = start(xvfb, pin_content, tmp_path)
    try:
        xvfb.xdotool("mousemove", "640", "400", "click", "1")
        wait_for_event(log, "screen")  # home
        window = xvfb.window_of(proc.pid)
        mark = len(read_events(log))
        xvfb.xdotool("key", "Escape", "alt+F4", "ctrl+q", "ctrl+w", "F11", "alt+Tab")
        xvfb.xdotool("mousemove", "640", "400", "click", "3")  # right-click on a topic
        xvfb.request_close(window)  # what a window manager sends for Alt+F4
        time.sleep(1.0)
        assert proc.poll() is None, "the kiosk must still be running"
        changes = [e for e in since(log, mark) if e["event"] in ("screen", "reset", "exit")]
        assert changes == [], changes
        assert xvfb.window_of(proc.pid) == window

        # A long press is a tap (issue 12): it opens what is there (a topic), and only that.
        xvfb.xdotool("mousedown", "1", "sleep", "1.5", "mouseup", "1")
        wait_for_event(log, "screen", after=mark)
        time.sleep(0.3)
        changes = [e for e in since(log, mark) if e["event"] in ("screen", "reset", "exit")]
        assert [e["screen"] for e in changes] == ["questions"], changes

        mark = len(read_events(log))
        xvfb.xdotool("mousemove", *CORNER, "click", "--repeat", "5", "--delay", "150", "1")
        wait_for_event(log, "pin_pad_opened", after=mark)
        for _ in range(5):
            xvfb.xdotool("type", "--delay", "30", "1111")
            xvfb.xdotool("key", "Return")
        wait_for_event(log, "pin_locked", after=mark)
        xvfb.xdotool("type", "--delay", "30", PIN)  # locked: not even the right PIN
        xvfb.xdotool("key", "Return")
        time.sleep(0.5)
        names = [e["event"] for e in since(log, mark)]
        assert names.count("pin_wrong") == 4 and "maintenance_opened" not in names
    finally:
        proc.terminate()  # systemctl stop: SIGTERM ends the kiosk cleanly
        assert proc.wait(timeout=15) == 143  # 128 + SIGTERM: not the staff Exit's 0
    assert read_events(log)[-1]["event"] == "exit"


def button_centres(
    qtbot, tmp_path: Path, content: Path, names=("maintExit", "maintRestart")
) -> dict[str, tuple[str, str]]:
    """Where the maintenance buttons (or, with names, buttons of the home screen) are at
    this window size: the same QML laid out offscreen (xdotool cannot ask the window where
    an item is)."""
    kiosk, driver = make_kiosk(
        qtbot, tmp_path / "layout", idle_timeout=60, warning=30, content=content, size=(W, H)
    )
    try:
        if names[0].startswith("maint"):
            kiosk.maintenance.open_screen()
            kiosk.maintenance.wait_idle()
        else:
            driver.tap("touchToStart")
        centres = {}
        for name in names:
            point = driver.center(driver.wait_for(name))
            centres[name] = (str(point.x()), str(point.y()))
        return centres
    finally:
        kiosk.close()


def open_maintenance(xvfb: Xvfb, log: Path) -> None:
    mark = len(read_events(log))
    xvfb.xdotool("mousemove", *CORNER, "click", "--repeat", "5", "--delay", "150", "1")
    wait_for_event(log, "pin_pad_opened", after=mark)
    xvfb.xdotool("type", "--delay", "30", PIN)
    xvfb.xdotool("key", "Return")
    wait_for_event(log, "maintenance_opened", after=mark)
    time.sleep(0.5)  # new buttons take taps after 350 ms (see start)


def test_the_right_pin_opens_maintenance_restart_and_exit_work(
    xvfb, pin_content, tmp_path, qtbot, fonts
):
    (tmp_path / "layout").mkdir()
    buttons = button_centres(qtbot, tmp_path, pin_content)
    proc, log = start(xvfb, pin_content, tmp_path)
    try:
        open_maintenance(xvfb, log)
        mark = len(read_events(log))
        xvfb.xdotool("mousemove", *buttons["maintRestart"], "click", "1")
        wait_for_event(log, "first_frame", after=mark)  # the same process, started afresh
        assert proc.poll() is None
        restarted = [e["event"] for e in since(log, mark)]
        assert restarted[:3] == ["maintenance_restart", "exit", "start"]

        open_maintenance(xvfb, log)
        xvfb.xdotool("mousemove", *buttons["maintExit"], "click", "1")
        time.sleep(0.3)
        assert proc.poll() is None  # the first tap only asks
        # The confirming tap comes once the button has settled (Tappable: 350 ms after it
        # acted and changed its words); a tap within that time is a double tap, ignored.
        time.sleep(0.5)
        xvfb.xdotool("click", "1")
        assert proc.wait(timeout=15) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
    names = [e["event"] for e in read_events(log)]
    assert names[-2:] == ["maintenance_exit", "exit"]
    assert read_events(log)[-1]["code"] == 0


def test_a_double_click_on_help_now_opens_help_and_nothing_else(
    xvfb, pin_content, tmp_path, qtbot, fonts
):
    """Issue 12: the second click used to land on "Español", which slides into Help now's
    place on the Help screen, and switched the language."""
    (tmp_path / "layout").mkdir()
    help_now = button_centres(qtbot, tmp_path, pin_content, names=("helpButton",))["helpButton"]
    proc, log = start(xvfb, pin_content, tmp_path)
    try:
        xvfb.xdotool("mousemove", "640", "400", "click", "1")
        wait_for_event(log, "screen")  # home
        time.sleep(0.5)  # the top bar has just appeared (see start)
        mark = len(read_events(log))
        xvfb.xdotool("mousemove", *help_now, "click", "--repeat", "2", "--delay", "150", "1")
        wait_for_event(log, "screen", after=mark)
        time.sleep(0.6)
        changes = [e for e in since(log, mark) if e["event"] in ("screen", "language", "reset")]
        assert [(e["event"], e.get("screen")) for e in changes] == [("screen", "help")], changes
        assert changes[0]["language"] == "en"
    finally:
        proc.terminate()
        proc.wait(timeout=15)
