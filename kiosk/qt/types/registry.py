"""Hands the kiosk's own objects to QML as singletons, one set per engine.

QML singletons registered from Python are made by the engine, through the class's static
`create(engine)`. A kiosk builds its parts first (they need the catalog, the event log...)
and `provide`s them for its engine; `create` then returns them. Several kiosks in one
process (the tests) each get their own.
"""

from __future__ import annotations

from typing import TypeVar

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtQml import QJSEngine

T = TypeVar("T", bound=QObject)

_provided: dict[int, dict[type, QObject]] = {}


def _key(engine: QObject) -> int:
    return shiboken6.getCppPointer(engine)[0]


def provide(engine: QObject, *parts: QObject) -> None:
    """`parts` become the singletons of their classes in `engine`'s QML."""
    key = _key(engine)
    _provided[key] = {type(part): part for part in parts}
    engine.destroyed.connect(lambda *_: _provided.pop(key, None))


def provided(engine: QObject, cls: type[T]) -> T:
    parts = _provided[_key(engine)]
    # A subclass serves for its class (snapshot's and the tests' readers are Readers).
    part = parts.get(cls) or next(p for p in parts.values() if isinstance(p, cls))
    # The kiosk owns its parts: the engine must not delete them with itself.
    QJSEngine.setObjectOwnership(part, QJSEngine.ObjectOwnership.CppOwnership)
    return part  # type: ignore[return-value]
