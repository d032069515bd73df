"""SessionPhase: attract, active or warning ("Are you still there?") and the seconds
left, for QML; Start over and More time go to the session driver."""

from __future__ import annotations

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk.qt.types.registry import provided

QML_IMPORT_NAME = "KioskCore"
QML_IMPORT_MAJOR_VERSION = 1


@QmlElement
@QmlSingleton
class SessionPhase(QObject):
    changed = Signal()
    startOverRequested = Signal()
    moreTimeRequested = Signal()
    resetDone = Signal(str)  # the session started over (the reason): screens forget

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._phase = "attract"
        self._seconds_left = 0

    @staticmethod
    def create(engine) -> SessionPhase:
        return provided(engine, SessionPhase)

    def set_state(self, phase: str, seconds_left: int) -> None:
        if (phase, seconds_left) != (self._phase, self._seconds_left):
            self._phase, self._seconds_left = phase, seconds_left
            self.changed.emit()

    def _get_phase(self) -> str:
        return self._phase

    phase = Property(str, _get_phase, notify=changed)

    def _seconds(self) -> int:
        return self._seconds_left

    secondsLeft = Property(int, _seconds, notify=changed)

    @Slot()
    def startOver(self) -> None:  # noqa: N802 (QML API)
        self.startOverRequested.emit()

    @Slot()
    def moreTime(self) -> None:  # noqa: N802
        self.moreTimeRequested.emit()
