"""Qt fixtures: the real kiosk QML, offscreen, driven through input events on the window."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

# Before any QGuiApplication exists: offscreen, software scene graph, the virtual keyboard.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")

import pytest  # noqa: E402
from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, QEvent, QMetaObject, QPoint, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QInputDevice, QKeyEvent  # noqa: E402
from PySide6.QtQuick import QQuickItem  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from kiosk.qt.app import Kiosk, load_fonts  # noqa: E402
from kiosk.qt.items import find_item, find_items  # noqa: E402
from kiosk.qt.types.scroll import reveal, same  # noqa: E402
from kiosk.session.inactivity import Timings  # noqa: E402
from kiosk.stats.events import EventLog, read_events  # noqa: E402
from tests.mock_speech import MockReader  # noqa: E402

CONTENT = Path(__file__).resolve().parents[2] / "content"


def find_key(root, text: str):
    """The virtual keyboard's key item under `root` that types `text` (" " is the space)."""
    stack = [root]
    while stack:
        item = stack.pop()
        if (
            item.property("text") == text
            and item.property("key") is not None
            and item.width() > 0
            and item.property("visible")
        ):
            return item
        stack.extend(item.childItems())
    return None


GAP = 150  # ms between the two taps of a double tap
HOLD = 1500  # ms of a long press


class Finger:
    """Press, hold and release at a point of the window, by touch or by mouse."""

    def __init__(self, kind: str, window, device, qtbot):
        self.kind, self.window, self.device, self.qtbot = kind, window, device, qtbot

    def press(self, point: QPoint) -> None:
        if self.kind == "touch":
            QTest.touchEvent(self.window, self.device).press(0, point, self.window).commit()
        else:
            QTest.mousePress(
                self.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point
            )
        self.qtbot.wait(1)

    def release(self, point: QPoint) -> None:
        if self.kind == "touch":
            QTest.touchEvent(self.window, self.device).release(0, point, self.window).commit()
        else:
            QTest.mouseRelease(
                self.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point
            )
        self.qtbot.wait(1)

    def move(self, point: QPoint) -> None:
        if self.kind == "touch":
            QTest.touchEvent(self.window, self.device).move(0, point, self.window).commit()
        else:
            QTest.mouseMove(self.window, point)
        self.qtbot.wait(10)

    def drag(self, start: QPoint, end: QPoint, steps: int = 12) -> None:
        """Down at `start`, along a straight line, up at `end` (a scroll or a swipe)."""
        self.press(start)
        for i in range(1, steps + 1):
            x = start.x() + (end.x() - start.x()) * i // steps
            y = start.y() + (end.y() - start.y()) * i // steps
            self.move(QPoint(x, y))
        self.release(end)

    def tap(self, point: QPoint) -> None:
        self.press(point)
        self.release(point)

    def double_tap(self, point: QPoint) -> None:
        self.tap(point)
        self.qtbot.wait(GAP)
        self.tap(point)


def item_within(item: QQuickItem | None, ancestor: QQuickItem) -> bool:
    while item is not None:
        if same(item, ancestor):
            return True
        item = item.parentItem()
    return False


def link_point(text, target: str) -> QPoint:
    """Where on screen the link is, found with QML Text's own linkAt()."""
    step = 6
    for y in range(step // 2, int(text.height()), step):
        for x in range(step // 2, int(text.width()), step):
            found = QMetaObject.invokeMethod(
                text, "linkAt", Q_RETURN_ARG(str), Q_ARG(float, x), Q_ARG(float, y)
            )
            if found == target:
                return text.mapToScene(QPointF(x, y)).toPoint()
    raise AssertionError(f"no point of the text links to {target}")


class Driver:
    """A finger on the kiosk window: find items by objectName, tap, swipe, type."""

    def __init__(self, kiosk: Kiosk, qtbot, log_path: Path):
        self.kiosk = kiosk
        self.window = kiosk.window
        self.backend = kiosk.backend
        self.qtbot = qtbot
        self.log_path = log_path

    def find(self, name: str) -> QQuickItem | None:
        return find_item(self.window, name)

    def scroll_into_view(self, item: QQuickItem) -> None:
        """What a finger would do first: scroll the page until the item shows (within the
        list's bounds, header included, so the next touch does not snap it back)."""
        reveal(item)
        self.qtbot.wait(1)

    def wait_for(self, name: str, timeout: int = 3000) -> QQuickItem:
        self.qtbot.waitUntil(lambda: self.find(name) is not None, timeout=timeout)
        return self.find(name)

    def center(self, item: QQuickItem) -> QPoint:
        point = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
        return point.toPoint()

    def corner_taps(self, count: int = 5) -> None:
        """The staff gesture: quick taps in the bottom-left corner (the default corner)."""
        for _ in range(count):
            self.tap_at(QPoint(8, self.window.height() - 8))

    def tap_at(self, point: QPoint) -> None:
        QTest.mouseClick(
            self.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point
        )

    def on_screen(self, name: str) -> QQuickItem | None:
        item = self.find(name)
        if item is None:
            return None
        self.scroll_into_view(item)
        if item.width() <= 0 or item.height() <= 0:
            return None  # not laid out yet
        point = self.center(item)
        inside = 0 <= point.x() < self.window.width() and 0 <= point.y() < self.window.height()
        for band in find_items(self.window, "moreBelow"):
            # The band hides what scrolls behind it: its own Flickable's content, not an
            # overlay drawn over the whole page.
            content = band.parentItem().property("contentItem")
            if inside and item_within(item, content) and self.covers(band, point):
                # Behind the More below band: as a person would, scroll on, then look again.
                button = next(find_items(band, "moreBelowButton"), None)
                if button is not None:
                    self.tap_at(self.center(button))
                return None
        return item if inside else None

    @staticmethod
    def covers(item: QQuickItem, point: QPoint) -> bool:
        local = item.mapFromScene(QPointF(point))
        return 0 <= local.x() <= item.width() and 0 <= local.y() <= item.height()

    @staticmethod
    def settling(item: QQuickItem) -> bool:
        """A control that has just appeared, moved or acted ignores taps for a moment
        (Tappable.qml): a person's next tap comes after it, and so does ours."""
        meta = item.metaObject()
        return meta.indexOfProperty("settling") >= 0 and bool(item.property("settling"))

    def resting_center(self, name: str):
        """The middle of the item, once it is on screen (a finger can't reach it before) and
        has come to rest (a list lays out the rows it has just created; a control that has
        just appeared or moved ignores taps for a moment)."""
        last = []

        def settled() -> bool:
            item = self.on_screen(name)
            where = self.center(item) if item is not None else None
            still = where is not None and last == [where] and not self.settling(item)
            last[:] = [where]
            return still

        self.qtbot.waitUntil(settled, timeout=3000)
        return last[0]

    def tap(self, name: str) -> None:
        """Tap the middle of the item once it is on screen and at rest."""
        self.tap_at(self.resting_center(name))

    def start_over(self) -> None:
        """Tap Start over, tap again to confirm, and wait for the attract screen."""
        self.tap("startOverButton")
        self.qtbot.waitUntil(lambda: self.find("startOverButton").property("asking"))
        self.tap("startOverButton")
        self.qtbot.waitUntil(lambda: self.backend.navigation.screen == "attract")

    def swipe(self, start: QPoint, end: QPoint, steps: int = 12) -> None:
        QTest.mousePress(
            self.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start
        )
        for i in range(1, steps + 1):
            x = start.x() + (end.x() - start.x()) * i // steps
            y = start.y() + (end.y() - start.y()) * i // steps
            QTest.mouseMove(self.window, QPoint(x, y), 10)
        QTest.mouseRelease(
            self.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end
        )

    def keyboard_key(self, text: str) -> QQuickItem | None:
        """The on-screen keyboard's key that types `text` (" " is the space bar)."""
        keyboard = self.wait_for("keyboard")
        self.qtbot.waitUntil(lambda: keyboard.property("active"))
        return find_key(keyboard, text)

    def type_on_keyboard(self, text: str) -> None:
        """Taps on the on-screen keyboard's keys, one per character, as a finger would."""
        for char in text:
            key = self.keyboard_key(char)
            assert key is not None, f"no key {char!r} on the on-screen keyboard"
            self.tap_at(self.center(key))

    def type_keys(self, text: str) -> None:
        """A hardware keyboard: one key press and release per character."""
        for char in text:
            key = Qt.Key.Key_Space if char == " " else Qt.Key(ord(char.upper()))
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
                QGuiApplication.sendEvent(self.window, event)
            self.qtbot.wait(1)

    def press(self, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
        """One key on a hardware keyboard or a switch interface (Tab, arrows, Enter)."""
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QGuiApplication.sendEvent(self.window, QKeyEvent(kind, key, modifiers))
        self.qtbot.wait(1)

    def focused(self) -> QQuickItem | None:
        return self.window.activeFocusItem()

    def events(self) -> list[dict]:
        return read_events(self.log_path) if self.log_path.exists() else []


@pytest.fixture(scope="session")
def fonts(qapp):
    return load_fonts()


@pytest.fixture(scope="session")
def touchscreen(qapp):
    """A touchscreen, registered with Qt as a real one would be."""
    return QTest.createTouchDevice(QInputDevice.DeviceType.TouchScreen)


@pytest.fixture
def qml_warnings(qtlog):
    """QML warnings from our own files fail the test."""
    yield
    ours = [r.message for r in qtlog.records if "qml/Kiosk" in r.message]
    assert not ours, "QML warnings:\n" + "\n".join(ours)


# Tappable's settle guard (Touch.qml, 350 ms) makes every tap after a screen change wait
# for it, as a person's would. Most tests shorten it; those that check the guard itself
# (a double tap 100-200 ms apart acts once) keep the real one: @pytest.mark.real_settle.
TEST_SETTLE_MS = 40


def set_settle(kiosk, settle_ms: int | None) -> None:
    """Shorten the touch settle guard of this kiosk's controls (None: leave it as is)."""
    if settle_ms is not None:
        touch = kiosk.engine.singletonInstance("Kiosk", "Touch")
        assert touch is not None, "no Touch singleton in the Kiosk QML module"
        touch.setProperty("settleTime", settle_ms)


def settle_for(request) -> int | None:
    """The settle guard a test asks for: the real one under @pytest.mark.real_settle."""
    return None if request.node.get_closest_marker("real_settle") else TEST_SETTLE_MS


def make_kiosk(
    qtbot,
    tmp_path,
    *,
    idle_timeout: float,
    warning: float,
    content: Path = CONTENT,
    size=(1280, 800),
    watch_content: bool = False,
    language: str | None = None,
    text_scale: float | None = None,
    high_contrast: bool = False,
    speech_engine: str = "mock",
    settle_ms: int | None = TEST_SETTLE_MS,
    **kiosk_args,
):
    """A kiosk on the real QML; kiosk_args go to Kiosk (lockdown, usage_db, pin_guard...).
    settle_ms: the touch settle guard, shortened (None: the kiosk's own, see set_settle)."""
    log_path = tmp_path / "events.jsonl"
    kiosk = Kiosk(
        content,
        events=EventLog(log_path),
        timings=Timings(idle_timeout, warning),
        size=size,
        watch_content=watch_content,
        reduced_motion=True,
        language=language,
        text_scale=text_scale,
        high_contrast=high_contrast,
        speech_engine=speech_engine,
        # Qt's mock engine ("speaks" word by word, silently): see tests/mock_speech.py.
        reader_type=MockReader if speech_engine == "mock" else None,
        **kiosk_args,
    )
    set_settle(kiosk, settle_ms)
    kiosk.window.show()
    qtbot.waitExposed(kiosk.window)
    driver = Driver(kiosk, qtbot, log_path)
    # The first layout pass happens after the first frame: wait for it before tapping.
    qtbot.waitUntil(lambda: driver.on_screen("touchToStart") is not None)
    return kiosk, driver


@pytest.fixture
def kiosk(request, qtbot, tmp_path, fonts, qml_warnings):
    kiosk, driver = make_kiosk(
        qtbot, tmp_path, idle_timeout=60, warning=30, settle_ms=settle_for(request)
    )
    yield driver
    kiosk.close()


@pytest.fixture
def content_copy(tmp_path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target
