"""The QML side of one kiosk: its typed parts become the engine's singletons
(`import KioskCore`, kiosk/qt/types/) and the window loads from the `Kiosk` module."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

# Importing the types registers them with QML (their @QmlElement decorators). Those two
# are made by the engine itself, one per engine.
from kiosk.qt.backend import Backend
from kiosk.qt.icons import PROVIDER, IconProvider
from kiosk.qt.types.keyboard_space import KeyboardSpace
from kiosk.qt.types.scroll import Scroll

ENGINE_MADE = (KeyboardSpace, Scroll)

QML_DIR = Path(__file__).resolve().parent.parent / "qml"


def load_window(
    engine: QQmlApplicationEngine, backend: Backend, *, reader: QObject, maintenance: QObject
) -> QQuickWindow:
    """Main.qml on `engine`, reading `backend`'s parts, `reader` and `maintenance`."""
    engine.addImportPath(str(QML_DIR))
    engine.addImageProvider(PROVIDER, IconProvider())  # the engine owns it from here
    backend.provide_to(engine, reader)
    engine.setInitialProperties({"maintenance": maintenance})
    engine.loadFromModule("Kiosk", "Main")
    roots = engine.rootObjects()
    if not roots or not isinstance(roots[0], QQuickWindow):
        raise RuntimeError("the kiosk's QML failed to load (see the log above)")
    return roots[0]
