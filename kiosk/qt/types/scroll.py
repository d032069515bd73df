"""Scroll into view: the one `reveal` for touch (read aloud follows the block being read),
the keyboard and switch access (kiosk/qt/keys.py follows the focus), and the tests."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QPointF, Slot
from PySide6.QtQml import QmlElement, QmlSingleton
from PySide6.QtQuick import QQuickItem

QML_IMPORT_NAME = "KioskCore"
QML_IMPORT_MAJOR_VERSION = 1


def reveal(item: QQuickItem) -> None:
    """Scroll every vertical Flickable around `item` so that it shows, with some room
    above and below and clear of the 'More below' band at the foot of a page."""
    child, parent = item, item.parentItem()
    while parent is not None:
        # Only a view whose content holds the item: not one it floats over (a cue).
        if parent.inherits("QQuickFlickable") and same(child, parent.property("contentItem")):
            view = parent.height()
            content = parent.property("contentHeight")
            if content > view + 1:
                top = item.mapToItem(parent, QPointF(0, 0)).y()
                room = min(view * 0.2, 140.0)
                y = parent.property("contentY")
                # The bottom margin is the 'More below' band when the page has one:
                # an item behind it is not in view.
                below = parent.property("bottomMargin")
                if top < room:
                    y += top - room
                elif top + item.height() > view - below - room:
                    y += min(top - room, top + item.height() - view + below + room)
                origin = parent.property("originY")  # not 0 when a list has a header
                end = origin + content + below - view
                y = max(origin - parent.property("topMargin"), min(y, end))
                parent.setProperty("contentY", y)
        child, parent = parent, parent.parentItem()


def same(a: QObject, b: QObject | None) -> bool:
    return b is not None and shiboken6.getCppPointer(a)[0] == shiboken6.getCppPointer(b)[0]


@QmlElement
@QmlSingleton
class Scroll(QObject):
    """QML's way to the same reveal: Scroll.reveal(item)."""

    @Slot(QQuickItem)
    def reveal(self, item: QQuickItem) -> None:
        if item is not None:
            reveal(item)
