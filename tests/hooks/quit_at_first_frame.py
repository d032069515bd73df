"""A hook that ends the kiosk (exit status 0) once its first frame is drawn."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication


def attach(kiosk):
    print("quit_at_first_frame attached", file=sys.stderr, flush=True)

    def quit_now() -> None:
        QTimer.singleShot(0, lambda: QGuiApplication.instance().exit(0))

    kiosk.window.frameSwapped.connect(quit_now)
