"""The window is the screen: the real kiosk process, fullscreen on an X server with no window
manager (as under cage's XWayland or a bare X server), at the sizes clinics' panels have.
No --size: the window must take the screen's geometry by itself. On every screen the kiosk
shows, every control must lie inside the screen (a control in a scrolling list may be
scrolled out of its list, never out of the screen).

One kiosk process per size, driven through the benchmark hook's control channel (backend
calls as QML makes them, and the list of controls showing) plus real clicks with xdotool.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.common import hook_env
from kiosk.content import load_catalog

from .conftest import CONTENT
from .x11 import Xvfb, wait_for_event

SIZES = [(1280, 720), (1366, 768), (1024, 600), (800, 1280), (1080, 1920), (1920, 1080)]
SLACK = 1.0  # px of rounding

pytestmark = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xdotool")),
    reason="needs Xvfb and xdotool (scripts/setup.sh installs them)",
)


class Hooked:
    """The kiosk process and its control channel."""

    def __init__(self, xvfb: Xvfb, tmp_path: Path):
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.bind(str(tmp_path / "ctl.sock"))
        server.listen(1)
        server.settimeout(60)
        self.log = tmp_path / "events.jsonl"
        self.stderr = tmp_path / "stderr.txt"
        env = xvfb.env() | {
            "XDG_STATE_HOME": str(tmp_path / "state"),
        }
        env |= hook_env(tmp_path / "ctl.sock", env)
        command = [sys.executable, "-m", "kiosk", "run", "--content", str(CONTENT)]
        with open(self.stderr, "w") as err:
            self.proc = subprocess.Popen(
                [*command, "--event-log", str(self.log)],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=err,
            )
        try:
            self.sock, _ = server.accept()
        except TimeoutError:
            self.proc.kill()
            raise
        finally:
            server.close()
        self.sock.settimeout(60)
        self.buffer = b""
        self._line()  # hello
        wait_for_event(self.log, "first_frame", timeout=60)

    def _line(self) -> dict:
        while b"\n" not in self.buffer:
            data = self.sock.recv(65536)
            if not data:
                raise ConnectionError(f"the kiosk went away: {self.stderr.read_text()[-2000:]}")
            self.buffer += data
        line, self.buffer = self.buffer.split(b"\n", 1)
        return json.loads(line)

    def ask(self, **request) -> dict:
        self.sock.sendall(json.dumps(request).encode() + b"\n")
        reply = self._line()
        assert "error" not in reply, reply
        return reply

    def call(self, slot: str, *args) -> dict:
        return self.ask(cmd="call", slot=slot, args=list(args))

    def stop(self) -> None:
        self.sock.close()  # the hook quits the kiosk when its channel closes
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def until(condition, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the kiosk did not get there")
        time.sleep(0.05)


def outside(control: dict, width: int, height: int) -> str | None:
    """Why this control is not (wholly) on the screen, or None."""
    x, y, w, h = control["shown"]
    if w <= 0 or h <= 0:
        if control["scrolls"]:
            return None  # scrolled out of its list: a finger scrolls it back
        return "cut off completely"
    if x < -SLACK or y < -SLACK or x + w > width + SLACK or y + h > height + SLACK:
        return f"shows at {x:.0f},{y:.0f} {w:.0f}x{h:.0f}, outside the {width}x{height} screen"
    if not control["scrolls"] and (
        w + SLACK < control["rect"][2] or h + SLACK < control["rect"][3]
    ):
        return "partly cut off by its container"
    return None


@pytest.mark.parametrize("width,height", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_control_of_every_screen_is_inside_the_screen(tmp_path, width, height):
    catalog = load_catalog(CONTENT).languages["en"]
    explainer = next(iter(catalog.explainers.values()))
    topic = next(iter(catalog.topics))
    question = next(iter(catalog.questions))
    xvfb = Xvfb(width, height)
    kiosk = None
    try:
        kiosk = Hooked(xvfb, tmp_path)
        problems: list[str] = []

        def settled() -> dict:
            """The controls once the layout has stopped moving (two looks alike)."""
            previous = kiosk.ask(cmd="controls")
            for _ in range(50):
                time.sleep(0.1)
                reply = kiosk.ask(cmd="controls")
                if reply == previous:
                    return reply
                previous = reply
            return previous

        def look(screen: str) -> None:
            reply = settled()
            assert reply["screen"][2:] == [width, height], reply["screen"]
            if reply["window"] != [0, 0, width, height]:
                problems.append(f"[{screen}] the window is {reply['window']}, not the screen")
            assert reply["controls"], f"[{screen}] no controls found"
            for control in reply["controls"]:
                why = outside(control, width, height)
                if why:
                    problems.append(f"[{screen}] {control['name']} {control['text']!r}: {why}")

        def click(name: str) -> None:
            where = kiosk.ask(cmd="find", name=name)
            for _ in range(50):
                if not where.get("settling"):
                    break
                time.sleep(0.05)  # just moved: it takes taps after 350 ms (Tappable.qml)
                where = kiosk.ask(cmd="find", name=name)
            assert where.get("visible"), f"{name}: {where}"
            xvfb.xdotool("mousemove", str(where["x"]), str(where["y"]), "click", "1")

        look("attract")
        kiosk.call("navigation.start")
        look("home")
        kiosk.call("navigation.openExplainer", explainer.id)
        look("explainer page 1")
        kiosk.call("navigation.setPage", len(explainer.pages) - 1)
        look("explainer last page")
        kiosk.call("navigation.openTopic", topic)
        look("questions")
        kiosk.ask(cmd="keyboard")
        look("questions with the keyboard")
        kiosk.call("navigation.openQuestion", question)
        look("answer")
        kiosk.call("navigation.openHelp")
        look("help")
        click("displayButton")  # a real click, where a finger would find the button
        until(lambda: kiosk.ask(cmd="find", name="displayPanel").get("found"))
        look("display panel")
        mark = len(kiosk.log.read_text().splitlines())
        xvfb.xdotool(
            "mousemove", "8", str(height - 8), "click", "--repeat", "5", "--delay", "150", "1"
        )
        wait_for_event(kiosk.log, "pin_pad_opened", after=mark)
        look("PIN pad")
        assert not problems, "\n".join(problems)
    finally:
        if kiosk is not None:
            kiosk.stop()
        xvfb.stop()
