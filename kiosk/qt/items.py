"""Finding QML items by objectName through the visual item tree.

QObject.findChild misses items that a Repeater or a ListView creates (they are not QObject
children of their view), so tests and snapshots walk the visual tree instead.
"""

from __future__ import annotations

from PySide6.QtQuick import QQuickItem, QQuickWindow


def find_item(window: QQuickWindow, name: str) -> QQuickItem | None:
    """The first visible item called `name`, or None."""
    stack = [window.contentItem()]
    while stack:
        item = stack.pop()
        if not item.isVisible():
            continue
        if item.objectName() == name:
            return item
        stack.extend(item.childItems())
    return None
