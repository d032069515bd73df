"""The benchmark's probe, attached to a `kiosk run` process as a start-up hook
(`--hook bench.probe` or KIOSK_HOOK=bench.probe; see docs/hooks.md): bench.common.hook_env
gives the environment that starts a kiosk with it.

It counts rendered frames, times input -> first frame of new content, and answers a small
JSON-lines control channel on the Unix socket KIOSK_BENCH names, so a benchmark or a
process test in another process can navigate, tap, show the keyboard and read counters.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import time
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRectF, QSocketNotifier, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtQuick import QQuickItem

from kiosk.qt.items import find_item

log = logging.getLogger("kiosk.bench")

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.TouchEnd,
        QEvent.Type.KeyPress,
    }
)


class BenchHook(QObject):
    """Frame counter, latency probe and control channel for one running kiosk."""

    def __init__(self, kiosk: Any, path: str):
        super().__init__()
        self.kiosk = kiosk
        self.window = kiosk.window
        self.backend = kiosk.backend
        self.frames = 0
        self.last_frame = 0.0
        self.last_input = 0.0
        self.last_input_kind = ""
        self.changed_at = 0.0  # a screen or page change waiting for its first frame
        self.change_input = 0.0
        self.reset_started = 0.0
        self.reset_pending = False
        self.latencies: list[dict[str, Any]] = []
        # Direct: frameSwapped may come from a render thread; the time must be the swap's.
        self.window.frameSwapped.connect(self._frame, Qt.ConnectionType.DirectConnection)
        self.backend.navigation.placeChanged.connect(self._place_changed)
        self.backend.session.changed.connect(self._session_changed)
        self.backend.resetDone.connect(self._reset_done)
        QGuiApplication.instance().installEventFilter(self)
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(path)
        self.buffer = b""
        self.notifier = QSocketNotifier(self.sock.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._readable)
        self._send({"hello": os.getpid(), "monotonic": time.monotonic()})

    # -- probes ----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() in INPUT_EVENTS and isinstance(watched, QWindow):
            self.last_input = time.monotonic()
            self.last_input_kind = event.type().name
        return False

    def _place_changed(self) -> None:
        self.changed_at = time.monotonic()
        self.change_input = self.last_input

    def _session_changed(self) -> None:
        if self.backend.session.phase == "attract" and not self.reset_pending:
            # The driver sets "attract" first thing when the timeout fires, before the reset.
            self.reset_started = time.monotonic()
            self.reset_pending = True

    def _reset_done(self, reason: str) -> None:
        self.reset_reason = reason

    def _frame(self) -> None:
        now = time.monotonic()
        self.frames += 1
        self.last_frame = now
        if self.changed_at:
            record = {
                "screen": self.backend.navigation.screen,
                "page": self.backend.navigation.page,
                "frame": now,
                "change_ms": round((now - self.changed_at) * 1000, 2),
                "input_ms": round((now - self.change_input) * 1000, 2)
                if self.change_input
                else None,
            }
            if self.reset_pending:
                record["reset_ms"] = round((now - self.reset_started) * 1000, 2)
                self.reset_pending = False
            self.latencies.append(record)
            del self.latencies[:-50]
            self.changed_at = 0.0

    # -- control channel -------------------------------------------------------------------
    def _send(self, message: dict[str, Any]) -> None:
        self.sock.sendall(json.dumps(message).encode() + b"\n")

    def _readable(self) -> None:
        try:
            data = self.sock.recv(65536)
        except BlockingIOError:
            return
        if not data:  # the benchmark went away: so does the kiosk
            self.notifier.setEnabled(False)
            QGuiApplication.instance().exit(0)  # quit() asks the windows; lockdown says no
            return
        self.buffer += data
        while b"\n" in self.buffer:
            line, self.buffer = self.buffer.split(b"\n", 1)
            try:
                reply = self.handle(json.loads(line))
            except Exception as exc:  # report, never crash the kiosk being measured
                reply = {"error": f"{type(exc).__name__}: {exc}"}
            self._send(reply)

    def handle(self, request: dict[str, Any]) -> dict[str, Any]:
        cmd = request.get("cmd")
        if cmd == "state":
            return self.state()
        if cmd == "call":  # a backend slot, as QML would call it
            started = time.perf_counter()
            slot = self.backend  # "navigation.openExplainer": a slot of one of its types
            for name in request["slot"].split("."):
                slot = getattr(slot, name)
            slot(*request.get("args", []))
            # Signals are direct: this includes the model updates and QML bindings it causes.
            took = time.perf_counter() - started
            return {**self.state(), "call_ms": round(took * 1000, 3), "called": time.monotonic()}
        if cmd == "find":  # where a finger would tap an item, in screen coordinates
            item = find_item(self.window, request["name"])
            if item is None or item.width() <= 0:
                return {"found": False}
            local = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
            if not 0 <= local.y() < self.window.height():
                return {"found": True, "visible": False, "scrolled": self._scroll_to(item)}
            point = self.window.mapToGlobal(local)
            meta = item.metaObject()
            return {
                "found": True,
                "visible": True,
                # Tappable.qml: just appeared or moved, it ignores taps for a moment.
                "settling": meta.indexOfProperty("settling") >= 0
                and bool(item.property("settling")),
                "x": point.x(),
                "y": point.y(),
                "wx": local.x(),
                "wy": local.y(),
            }
        if cmd == "tap":  # in-process tap (offscreen has no X server for xdotool)
            # Imported here: QtTest loads QtWidgets (~4 MiB) that the kiosk itself never uses.
            from PySide6.QtTest import QTest

            QTest.mouseClick(
                self.window,
                Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier,
                QPoint(request["x"], request["y"]),
            )
            return self.state()
        if cmd == "keyboard":  # focus the search field and raise the on-screen keyboard
            item = find_item(self.window, "searchInput")
            if item is None:
                return {"error": "no search field on this screen"}
            item.forceActiveFocus()
            QGuiApplication.inputMethod().show()
            return self.state()
        if cmd == "maintenance":  # a maintenance slot, as its screen's buttons call them
            getattr(self.kiosk.maintenance, request["slot"])()
            return {"called": request["slot"]}
        if cmd == "controls":  # every control showing, for the screen-size tests
            return {**self.geometry(), "controls": controls(self.window)}
        if cmd == "quit":
            QTimer.singleShot(0, lambda: QGuiApplication.instance().exit(0))
            return {"quit": True}
        return {"error": f"unknown command {cmd!r}"}

    @staticmethod
    def _scroll_to(item: Any) -> bool:
        """What a finger does first: scroll the page until the item shows."""
        parent = item.parentItem()
        while parent is not None:
            if parent.property("contentHeight") and parent.property("contentItem") is not None:
                top = item.mapToItem(parent.property("contentItem"), QPointF(0, 0)).y()
                limit = max(0.0, parent.property("contentHeight") - parent.height())
                parent.setProperty("contentY", min(max(0.0, top - parent.height() / 3), limit))
                return True
            parent = parent.parentItem()
        return False

    def geometry(self) -> dict[str, Any]:
        window, screen = self.window.geometry(), self.window.screen().geometry()
        return {
            "window": [window.x(), window.y(), window.width(), window.height()],
            "screen": [screen.x(), screen.y(), screen.width(), screen.height()],
        }

    def state(self) -> dict[str, Any]:
        keyboard = find_item(self.window, "keyboard")
        return {
            "monotonic": time.monotonic(),
            "frames": self.frames,
            "last_frame": self.last_frame,
            "last_input": self.last_input,
            "screen": self.backend.navigation.screen,
            "page": self.backend.navigation.page,
            "phase": self.backend.session.phase,
            "keyboard": bool(keyboard is not None and keyboard.property("active")),
            "latencies": self.latencies[-5:],
        }


SOCKET_ENV = "KIOSK_BENCH"  # bench.common.hook_env sets it


def attach(kiosk: Any) -> BenchHook:
    """The start-up hook: connect to the benchmark's socket (KIOSK_BENCH)."""
    path = os.environ.get(SOCKET_ENV)
    if not path:
        raise RuntimeError(f"{SOCKET_ENV} must name the benchmark's Unix socket")
    hook = BenchHook(kiosk, path)
    log.info("benchmark probe attached to %s", path)
    return hook


def _is_control(item: QQuickItem) -> bool:
    """Something a finger or a key operates (as tests/ui/audit.py counts them)."""
    if item.activeFocusOnTab() or item.inherits("QQuickTextInput"):
        return True
    return any(child.inherits("QQuickTapHandler") for child in item.children())


def controls(window: QWindow) -> list[dict[str, Any]]:
    """Every visible control: its rectangle in the window, the part of it its clipping
    ancestors let show, and whether it sits in something that scrolls (then a finger can
    bring the rest into view)."""
    found = []
    stack = [window.contentItem()]
    while stack:
        item = stack.pop()
        if not item.isVisible() or item.opacity() == 0:
            continue
        stack.extend(item.childItems())
        if not _is_control(item) or item.width() <= 0 or item.height() <= 0:
            continue
        top_left = item.mapToScene(QPointF(0, 0))
        rect = QRectF(top_left.x(), top_left.y(), item.width(), item.height())
        shown, scrolls = QRectF(rect), False
        parent = item.parentItem()
        while parent is not None:
            if parent.inherits("QQuickFlickable"):
                scrolls = True
            if parent.clip():
                corner = parent.mapToScene(QPointF(0, 0))
                shown = shown.intersected(
                    QRectF(corner.x(), corner.y(), parent.width(), parent.height())
                )
            parent = parent.parentItem()
        name = item.objectName() or item.metaObject().className().split("_QML")[0]
        text = item.property("text") if item.metaObject().indexOfProperty("text") >= 0 else ""
        found.append(
            {
                "name": name,
                "text": str(text or "")[:40],
                "rect": [rect.x(), rect.y(), rect.width(), rect.height()],
                "shown": [shown.x(), shown.y(), shown.width(), shown.height()],
                "scrolls": scrolls,
            }
        )
    return found
