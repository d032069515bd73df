"""Application-wide activity filter: every kind of input counts as "still here"."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject

# A plain tap is a press and a release with no move: both count, so no kiosk misses it.
ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseMove,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.Wheel,
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.InputMethod,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
        QEvent.Type.NativeGesture,
    }
)


class ActivityFilter(QObject):
    """Installed on the application; tells the session driver about input, never eats it."""

    def __init__(self, driver, parent: QObject | None = None):
        super().__init__(parent)
        self.driver = driver

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() in ACTIVITY_EVENTS:
            self.driver.activity()
        return False
