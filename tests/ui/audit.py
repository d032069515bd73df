"""Accessibility audit of the live QML item tree: target sizes, names and roles, text that
overflows its box, controls that overlap, and the contrast of every Text against what is
painted under it. Returns problems as readable strings (all of them, not just the first)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QPointF, QRectF
from PySide6.QtGui import QAccessible, QColor
from PySide6.QtQuick import QQuickItem

MIN_TARGET = 48.0
SLACK = 1.5  # px of rounding in layouts
CONTROL_ROLES = {
    QAccessible.Role.Button,
    QAccessible.Role.CheckBox,
    QAccessible.Role.RadioButton,
    QAccessible.Role.Link,
    QAccessible.Role.EditableText,
    QAccessible.Role.Pane,  # the attract screen: "touch anywhere"
}


def luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor | str, b: QColor | str) -> float:
    la, lb = sorted((luminance(QColor(a)), luminance(QColor(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def describe(item: QQuickItem) -> str:
    """A findable description: objectName or type, with the nearest named ancestor."""
    name = item.objectName() or item.metaObject().className().split("_QML")[0]
    parent = item.parentItem()
    while parent is not None and not parent.objectName():
        parent = parent.parentItem()
    where = f" in {parent.objectName()}" if parent is not None else ""
    text = item.property("text")
    label = f" {str(text)[:40]!r}" if isinstance(text, str) and text else ""
    return f"{name}{label}{where}"


def walk(root: QQuickItem):
    """Every effectively visible item under root (root included)."""
    stack = [root]
    while stack:
        item = stack.pop()
        if not item.isVisible():
            continue
        yield item
        stack.extend(reversed(item.childItems()))


def scene_rect(item: QQuickItem) -> QRectF:
    top_left = item.mapToScene(QPointF(0, 0))
    return QRectF(top_left.x(), top_left.y(), item.width(), item.height())


def visible_rect(item: QQuickItem, window_rect: QRectF) -> QRectF:
    """The part of the item not cut off by a clipping ancestor or the window."""
    rect = scene_rect(item).intersected(window_rect)
    parent = item.parentItem()
    while parent is not None and not rect.isEmpty():
        if parent.clip():
            rect = rect.intersected(scene_rect(parent))
        parent = parent.parentItem()
    return rect


def opacity(item: QQuickItem) -> float:
    value = 1.0
    while item is not None:
        value *= item.opacity()
        item = item.parentItem()
    return value


def enabled(item: QQuickItem) -> bool:
    return item.isEnabled()  # effective: false under a disabled ancestor


def has_tap_handler(item: QQuickItem) -> bool:
    return any(
        isinstance(child, QObject) and child.inherits("QQuickTapHandler")
        for child in item.children()
    )


def is_control(item: QQuickItem) -> bool:
    """Something a finger or a key operates (not a full-screen catcher MouseArea)."""
    return item.activeFocusOnTab() or has_tap_handler(item) or item.inherits("QQuickTextInput")


def accessible(item: QQuickItem) -> tuple[QAccessible.Role | None, str]:
    iface = QAccessible.queryAccessibleInterface(item)
    if iface is None or not iface.isValid():
        return None, ""
    return iface.role(), iface.text(QAccessible.Text.Name) or ""


def plain_fill(rect: QQuickItem) -> bool:
    """A Rectangle filled with one colour (a gradient is read as a JS value, set or not)."""
    gradient = rect.property("gradient")
    return gradient is None or (hasattr(gradient, "isUndefined") and gradient.isUndefined())


def solid(colour: QColor) -> bool:
    return colour.isValid() and colour.alphaF() > 0.99


def background_of(item: QQuickItem, window_colour: QColor) -> QColor:
    """The opaque colour painted right under `item`'s centre: an ancestor Rectangle, or a
    Rectangle sibling drawn before one of its ancestors (a highlight behind a block)."""
    centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
    node, parent = item, item.parentItem()
    while parent is not None:
        siblings = parent.childItems()
        index = siblings.index(node) if node in siblings else len(siblings)
        for sibling in reversed(siblings[:index]):
            if (
                sibling.isVisible()
                and sibling.inherits("QQuickRectangle")
                and plain_fill(sibling)
                and solid(sibling.property("color"))
                and sibling.z() <= node.z()
                and scene_rect(sibling).contains(centre)
            ):
                return sibling.property("color")
        if parent.inherits("QQuickRectangle") and plain_fill(parent):
            colour = parent.property("color")
            if solid(colour):
                return colour
        node, parent = parent, parent.parentItem()
    return window_colour


@dataclass
class Audit:
    window: object  # QQuickWindow
    min_ratio: float
    problems: list[str]
    foreign: frozenset[str] = frozenset()  # other languages' labels: never a name here

    def check(self, screen: str, roots: list[QQuickItem]) -> None:
        window_rect = QRectF(0, 0, self.window.width(), self.window.height())
        window_colour = self.window.property("color")
        controls = []
        for root in roots:
            for item in walk(root):
                if is_control(item):
                    controls.append(item)
                    self._control(screen, item)
                if item.inherits("QQuickText"):
                    self._text(screen, item, window_rect, window_colour)
        self._overlaps(screen, controls, window_rect)

    def _fail(self, screen: str, item: QQuickItem, what: str) -> None:
        self.problems.append(f"[{screen}] {describe(item)}: {what}")

    def _control(self, screen: str, item: QQuickItem) -> None:
        if item.width() + SLACK < MIN_TARGET or item.height() + SLACK < MIN_TARGET:
            self._fail(screen, item, f"target {item.width():.0f}x{item.height():.0f} < 48x48")
        role, name = accessible(item)
        if role not in CONTROL_ROLES:
            self._fail(screen, item, f"accessible role {role} is not a control role")
        if not name.strip():
            self._fail(screen, item, "no accessible name")
        elif name in self.foreign:
            self._fail(screen, item, f"accessible name {name!r} is in another language")
        if role != QAccessible.Role.Pane and not item.activeFocusOnTab():
            self._fail(screen, item, "not reachable with Tab")

    def _text(self, screen: str, text: QQuickItem, window_rect: QRectF, window_colour) -> None:
        if not str(text.property("text") or "").strip() or opacity(text) < 0.99:
            return
        if text.property("truncated"):
            self._fail(screen, text, "text is elided")
        width, height = text.width(), text.height()
        if text.property("contentWidth") > width + SLACK:
            self._fail(
                screen, text, f"text {text.property('contentWidth'):.0f} px wide > {width:.0f}"
            )
        if text.property("contentHeight") > height + SLACK:
            self._fail(
                screen, text, f"text {text.property('contentHeight'):.0f} px high > {height:.0f}"
            )
        rect = scene_rect(text)
        if rect.left() < -SLACK or rect.right() > window_rect.right() + SLACK:
            self._fail(
                screen, text, f"text runs off the window ({rect.left():.0f}..{rect.right():.0f})"
            )
        if not enabled(text):
            return  # WCAG 1.4.3 exempts inactive controls
        ground = background_of(text, window_colour)
        colours = [text.property("color")]
        if "<a " in str(text.property("text")):
            colours.append(text.property("linkColor"))
        for colour in colours:
            ratio = contrast(colour, ground)
            if ratio + 0.005 < self.min_ratio:
                self._fail(
                    screen,
                    text,
                    f"contrast {ratio:.2f}:1 ({colour.name()} on {ground.name()}) "
                    f"< {self.min_ratio}:1",
                )

    def _overlaps(self, screen: str, controls: list[QQuickItem], window_rect: QRectF) -> None:
        rects = []
        for item in controls:
            if inside(item, "moreBelow"):
                continue  # the floating 'More below' cue lies over the page by design
            rect = visible_rect(item, window_rect)
            if not rect.isEmpty():
                rects.append((item, rect))
        for i, (a, ra) in enumerate(rects):
            for b, rb in rects[i + 1 :]:
                if is_ancestor(a, b) or is_ancestor(b, a):
                    continue
                common = ra.intersected(rb)
                if common.width() > SLACK and common.height() > SLACK:
                    self._fail(screen, a, f"overlaps {describe(b)}")


def inside(item: QQuickItem, name: str) -> bool:
    while item is not None:
        if item.objectName() == name:
            return True
        item = item.parentItem()
    return False


def is_ancestor(a: QQuickItem, b: QQuickItem) -> bool:
    parent = b.parentItem()
    while parent is not None:
        if parent is a:
            return True
        parent = parent.parentItem()
    return False
