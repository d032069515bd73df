"""KeyboardSpace: between the window and the on-screen keyboard, for QML.

KeyboardPanel.qml is loaded by URL (a kiosk without Qt Virtual Keyboard still starts), so
neither side knows the other's type: the window says how much room its screen needs
above the keys; the panel says whether it is up, how big it is and the colour beside it.
One per engine (the engine makes it).
"""

from __future__ import annotations

from PySide6.QtCore import Property, QObject, Signal, SignalInstance
from PySide6.QtQml import QmlElement, QmlSingleton

QML_IMPORT_NAME = "KioskCore"
QML_IMPORT_MAJOR_VERSION = 1


@QmlElement
@QmlSingleton
class KeyboardSpace(QObject):
    # One signal per property: the keyboard's size follows the room, the room the screen.
    reservedChanged = Signal()
    upChanged = Signal()
    panelWidthChanged = Signal()
    panelHeightChanged = Signal()
    besideChanged = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._reserved = 0.0
        self._up = False
        self._width = 0.0
        self._height = 0.0
        self._beside = "black"

    def _set(self, name: str, value, changed: SignalInstance) -> None:
        if getattr(self, name) != value:
            setattr(self, name, value)
            changed.emit()

    def _get_reserved(self) -> float:
        return self._reserved

    def _set_reserved(self, value: float) -> None:
        self._set("_reserved", value, self.reservedChanged)

    # The top bar and, on the question screen, the search field and two results.
    reserved = Property(float, _get_reserved, _set_reserved, notify=reservedChanged)

    def _get_up(self) -> bool:
        return self._up

    def _set_up(self, value: bool) -> None:
        self._set("_up", value, self.upChanged)

    up = Property(bool, _get_up, _set_up, notify=upChanged)

    def _get_width(self) -> float:
        return self._width

    def _set_width(self, value: float) -> None:
        self._set("_width", value, self.panelWidthChanged)

    panelWidth = Property(float, _get_width, _set_width, notify=panelWidthChanged)

    def _get_height(self) -> float:
        return self._height

    def _set_height(self, value: float) -> None:
        self._set("_height", value, self.panelHeightChanged)

    panelHeight = Property(float, _get_height, _set_height, notify=panelHeightChanged)

    def _get_beside(self) -> str:
        return self._beside

    def _set_beside(self, value: str) -> None:
        self._set("_beside", value, self.besideChanged)

    # The keyboard's background colour (a colour name: QML converts it both ways).
    beside = Property(str, _get_beside, _set_beside, notify=besideChanged)
