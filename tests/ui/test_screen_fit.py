"""The fullscreen window follows its screen when the screen changes size or orientation (a
tablet turned on its side, a new resolution) or the window moves to another screen.
tests/ui/test_screen_sizes.py proves the first fit on real X screens; a screen that changes
under a running window is simulated here (Xvfb cannot resize its screen)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, Signal

from kiosk.qt.app import ScreenFit
from tests.ui.conftest import make_kiosk


class TurningScreen(QObject):
    """Stands in for a QScreen whose geometry changes (QScreen cannot be made in a test)."""

    geometryChanged = Signal(QRect)

    def __init__(self, rect: QRect):
        super().__init__()
        self.rect = rect

    def geometry(self) -> QRect:
        return self.rect

    def name(self) -> str:
        return "test"

    def turn(self, rect: QRect) -> None:
        self.rect = rect
        self.geometryChanged.emit(rect)


def size(kiosk) -> tuple[int, int]:
    # The offscreen platform draws a frame around a window, so its position is off by it.
    return kiosk.window.width(), kiosk.window.height()


def test_the_window_lays_out_again_when_its_screen_turns_or_it_moves(
    qtbot, tmp_path, fonts, qml_warnings
):
    kiosk, driver = make_kiosk(qtbot, tmp_path, idle_timeout=60, warning=30)
    try:
        fit = ScreenFit(kiosk.window)
        landscape = TurningScreen(QRect(0, 0, 1280, 720))
        fit._follow(landscape)  # as window.screenChanged does
        assert size(kiosk) == (1280, 720)
        driver.tap("touchToStart")
        landscape.turn(QRect(0, 0, 720, 1280))  # the tablet turned on its side
        assert size(kiosk) == (720, 1280)
        # The layout follows: the top bar is as wide as the new screen.
        qtbot.waitUntil(lambda: driver.find("screenLoader").width() == 720)
        other = TurningScreen(QRect(1280, 0, 1920, 1080))
        fit._follow(other)  # moved to a second screen
        assert size(kiosk) == (1920, 1080)
        landscape.turn(QRect(0, 0, 800, 600))  # the old screen no longer moves the window
        assert size(kiosk) == (1920, 1080)
    finally:
        kiosk.close()
