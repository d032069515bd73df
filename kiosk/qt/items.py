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


def parent_of(item: QQuickItem) -> QQuickItem | None:
    """item.parentItem(), but None for the window's root item without asking Qt: PySide6
    6.12 hands back None without a reference of its own (as for an unknown property()),
    and enough of those crash Python at exit."""
    return None if item.inherits("QQuickRootItem") else item.parentItem()
