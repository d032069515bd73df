"""A real X server for end-to-end tests: Xvfb, xdotool, and the close request a window
manager sends on Alt+F4 (WM_DELETE_WINDOW), which plain xdotool cannot send."""

from __future__ import annotations

import ctypes
import os
import subprocess
import time
from pathlib import Path


class Xvfb:
    def __init__(self, width: int = 1280, height: int = 800):
        read, write = os.pipe()
        self.proc = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(write),
                "-screen",
                "0",
                f"{width}x{height}x24",
                "-nolisten",
                "tcp",
            ],
            pass_fds=(write,),
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as pipe:
            self.display = ":" + pipe.readline().strip()

    def env(self) -> dict[str, str]:
        return {**os.environ, "DISPLAY": self.display, "QT_QPA_PLATFORM": "xcb"}

    def xdotool(self, *args: str) -> str:
        result = subprocess.run(
            ["xdotool", *args], env=self.env(), capture_output=True, text=True, timeout=30
        )
        return result.stdout.strip()

    def window_of(self, pid: int, timeout: float = 15) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ids = self.xdotool("search", "--onlyvisible", "--pid", str(pid)).split()
            if ids:
                return int(ids[-1])
            time.sleep(0.1)
        raise TimeoutError(f"no window for process {pid}")

    def request_close(self, window: int) -> None:
        """Send WM_DELETE_WINDOW, as a window manager does for Alt+F4 or a close button."""
        x11 = ctypes.CDLL("libX11.so.6")
        x11.XOpenDisplay.restype = ctypes.c_void_p
        x11.XInternAtom.restype = ctypes.c_ulong
        x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        x11.XSendEvent.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.c_int,
            ctypes.c_long,
            ctypes.c_void_p,
        ]
        x11.XFlush.argtypes = [ctypes.c_void_p]
        x11.XCloseDisplay.argtypes = [ctypes.c_void_p]

        class ClientMessage(ctypes.Structure):
            _fields_ = [
                ("type", ctypes.c_int),
                ("serial", ctypes.c_ulong),
                ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p),
                ("window", ctypes.c_ulong),
                ("message_type", ctypes.c_ulong),
                ("format", ctypes.c_int),
                ("data", ctypes.c_long * 5),
                ("pad", ctypes.c_long * 12),  # XEvent is 24 longs
            ]

        display = x11.XOpenDisplay(self.display.encode())
        if not display:
            raise OSError(f"cannot open display {self.display}")
        try:
            event = ClientMessage()
            event.type = 33  # ClientMessage
            event.window = window
            event.message_type = x11.XInternAtom(display, b"WM_PROTOCOLS", 0)
            event.format = 32
            event.data[0] = x11.XInternAtom(display, b"WM_DELETE_WINDOW", 0)
            x11.XSendEvent(display, window, 0, 0, ctypes.byref(event))
            x11.XFlush(display)
        finally:
            x11.XCloseDisplay(display)

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)


def wait_for_event(log: Path, name: str, timeout: float = 20, after: int = 0) -> dict:
    """The first `name` event in the JSON-lines log after line `after`."""
    import json

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if log.exists():
            lines = log.read_text(encoding="utf-8").splitlines()[after:]
            for line in lines:
                record = json.loads(line)
                if record.get("event") == name:
                    return record
        time.sleep(0.05)
    raise TimeoutError(f"no {name!r} event in {log}")
