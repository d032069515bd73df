"""Fullscreen lockdown: nothing a patient can press closes, hides or leaves the kiosk.

One application-wide event filter. It swallows the keys that could escape or disturb
(Escape, Alt+F4, Alt+Tab, Ctrl+Q/W, F11 and friends), context-menu requests and close
requests, and feeds every press to the hidden staff gesture without eating it. What the
window system handles itself (a compositor's own shortcuts) is for the compositor to lock:
see the cage recipe in the README.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QCursor, QGuiApplication, QKeyEvent, QPointerEvent, QWindow

from kiosk.session.gesture import CornerTaps

log = logging.getLogger("kiosk.lockdown")


@functools.cache
def blocked_keys() -> frozenset:
    """Keys blocked whatever the modifiers: they close, leave or change the window.
    Built on first use: PySide builds the whole Qt.Key enum then, after the first frame."""
    key = Qt.Key
    return frozenset(
        {
            key.Key_Escape,
            key.Key_F11,
            key.Key_Close,
            key.Key_Exit,
            key.Key_Cancel,
            key.Key_Menu,
            key.Key_Super_L,
            key.Key_Super_R,
            key.Key_Meta,
            key.Key_Back,
            key.Key_Forward,
            key.Key_Refresh,
            key.Key_ZoomIn,
            key.Key_ZoomOut,
            key.Key_Print,
        }
    )


@functools.cache
def plain_modifier_keys() -> frozenset:
    key = Qt.Key
    return frozenset({key.Key_Alt, key.Key_Control, key.Key_Shift, key.Key_AltGr})


KEY_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride)
PRESS_EVENTS = (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin)
CORNER_DP = 96  # the staff corner, in Ui.qml's units (1 dp = 1 px on an 800 px short side)


def is_blocked_key(event: QKeyEvent) -> bool:
    """Any Alt, Ctrl or Meta combination is blocked too: no text entry in the kiosk needs
    one, and they hold the escape routes (Alt+F4, Alt+Tab, Ctrl+Q, Ctrl+W, Ctrl+Alt+F1...)."""
    if event.key() in blocked_keys():
        return True
    blocked = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ControlModifier
    blocked |= Qt.KeyboardModifier.MetaModifier
    return bool(event.modifiers() & blocked) and event.key() not in plain_modifier_keys()


class Lockdown(QObject):
    """Install on the application. `allow_close()` lets the maintenance Exit through."""

    def __init__(
        self,
        window: QWindow,
        *,
        corner_taps: CornerTaps | None = None,
        on_gesture: Callable[[], None] | None = None,
        lock_keys: bool = True,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.window = window
        self.corner_taps = corner_taps
        self.on_gesture = on_gesture
        self.lock_keys = lock_keys
        self.closing_allowed = False
        self.swallowed = 0

    def allow_close(self) -> None:
        self.closing_allowed = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if kind in PRESS_EVENTS and watched is self.window and isinstance(event, QPointerEvent):
            self._count_press(event)
            return False
        key = event if isinstance(event, QKeyEvent) and kind in KEY_EVENTS else None
        if self.lock_keys and key is not None and is_blocked_key(key):
            if kind == QEvent.Type.KeyPress:
                self.swallowed += 1
                log.info("swallowed key %s", key.keyCombination().toCombined())
            event.accept()  # a ShortcutOverride accepted here goes no further either
            return True
        if kind == QEvent.Type.ContextMenu:
            return True
        if kind == QEvent.Type.Close and watched is self.window and not self.closing_allowed:
            event.ignore()  # ignored: the window stays open (Alt+F4 from a window manager)
            log.info("close request refused")
            return True
        return False

    def _count_press(self, event: QPointerEvent) -> None:
        if self.corner_taps is None or self.on_gesture is None:
            return
        points = event.points()
        if not points:
            return
        where = points[0].scenePosition()
        # The same scale as Ui.qml's dp: the corner is as big on a tablet as on a wall screen.
        dp = max(0.75, min(self.window.width(), self.window.height()) / 800)
        self.corner_taps.size_px = CORNER_DP * dp
        if self.corner_taps.press(where.x(), where.y(), self.window.width(), self.window.height()):
            self.on_gesture()


def hide_cursor() -> None:
    """A touch kiosk shows no pointer; a mouse-driven one sets kiosk.show_cursor."""
    QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
