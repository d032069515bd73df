"""The only package that imports PySide6: app wiring, models, backend, idle filter, speech."""

from __future__ import annotations

import ctypes
import sys


def _pin_bools() -> None:
    """Work around PySide6 6.12.0: every Signal.emit() returns True without a new reference,
    so True's reference count falls by one per emit until Python aborts ("bool_dealloc:
    deallocating True or False"); the soak hit it after some thousands of screen changes.
    PySide6 6.11.3 does not do this. True and False are static objects that are never freed,
    so giving them a huge reference count is safe; Python 3.12 makes them immortal itself.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for value in (True, False):
        ctypes.c_ssize_t.from_address(id(value)).value += 1 << 48


_pin_bools()
