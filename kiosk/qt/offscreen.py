"""A QGuiApplication for commands that draw without showing anything (handouts)."""

from __future__ import annotations

import os


def gui_application():
    """The running QGuiApplication, or a new one on the offscreen platform when there is
    no display (fonts and pictures need one; nothing is shown)."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from kiosk.qt.app import load_fonts

    app = QGuiApplication.instance() or QGuiApplication(["kiosk"])
    load_fonts()
    return app
