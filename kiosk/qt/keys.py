"""Keyboard and switch access for the whole window, in one place.

- Arrow keys move the focus like Tab and Shift+Tab (many switch interfaces send arrows),
  except in a text field, where they move the cursor.
- Whatever takes the focus is scrolled into view, so a keyboard user always sees the
  focus ring (Qt Quick's Flickable does not follow the focus by itself).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtQuick import QQuickWindow

from kiosk.qt.types.scroll import reveal

# Keyed by int: QKeyEvent.key() is a plain int, and Qt.Key is an IntEnum.
FORWARD: dict[int, bool] = {Qt.Key.Key_Right: True, Qt.Key.Key_Down: True}
BACKWARD: dict[int, bool] = {Qt.Key.Key_Left: False, Qt.Key.Key_Up: False}
TEXT_FIELDS = ("QQuickTextInput", "QQuickTextEdit")


class KeyboardAccess(QObject):
    def __init__(self, window: QQuickWindow, parent: QObject | None = None):
        super().__init__(parent)
        self.window = window
        window.installEventFilter(self)
        window.activeFocusItemChanged.connect(self._reveal_focus)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        forward = {**FORWARD, **BACKWARD}.get(event.key())
        if forward is None or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        focus = self.window.activeFocusItem()
        if focus is not None and any(focus.inherits(kind) for kind in TEXT_FIELDS):
            return False
        start = focus if focus is not None else self.window.contentItem()
        target = start.nextItemInFocusChain(forward)
        if target is not None and target is not focus:
            reason = Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
            target.forceActiveFocus(reason)
        return True

    def _reveal_focus(self) -> None:
        item = self.window.activeFocusItem()
        if item is not None and not item.inherits("QQuickRootItem"):
            reveal(item)
