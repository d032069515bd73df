"""Finding QML items by objectName through the visual item tree.

QObject.findChild misses items that a Repeater or a ListView creates (they are not QObject
children of their view), so tests and snapshots walk the visual tree instead.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtQuick import QQuickItem, QQuickWindow


def find_item(window: QQuickWindow, name: str) -> QQuickItem | None:
    """The first visible item called `name`, or None."""
    return next(find_items(window, name), None)


def find_items(where: QQuickWindow | QQuickItem, name: str) -> Iterator[QQuickItem]:
    """Every visible item called `name` in a window or under an item (the pages of an
    explainer each have their own)."""
    stack = [where.contentItem() if isinstance(where, QQuickWindow) else where]
    while stack:
        item = stack.pop()
        if not item.isVisible():
            continue
        if item.objectName() == name:
            yield item
        stack.extend(item.childItems())
