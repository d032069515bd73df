"""The only package that imports PySide6: app wiring, models, backend, idle filter, speech."""

from __future__ import annotations

import ctypes
import sys


def _pin_singletons() -> None:
    """Work around PySide6 6.12.0, which hands out True and None without a new reference:
    every Signal.emit() (returns True) and every QObject.property() of a missing name
    (returns None) lowers their reference count by one, until Python aborts ("bool_dealloc"
    / "none_dealloc"); the soak hit both after some thousands of screen changes. PySide6
    6.11.3 does not do this. True, False and None are static objects that are never freed,
    so a huge reference count is safe; Python 3.12 makes them immortal itself.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for value in (True, False, None):
        ctypes.c_ssize_t.from_address(id(value)).value += 1 << 48


_pin_singletons()
