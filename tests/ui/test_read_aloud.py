"""Read aloud with Qt's mock engine (it 'speaks' word by word, silently), by taps."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QObject, QRectF, Qt, QThread, Signal, Slot

from kiosk.qt import speech
from kiosk.qt.speech import Reader, choose_engine
from tests.mock_speech import MockReader
from tests.ui.audit import visible_rect, walk
from tests.ui.conftest import make_kiosk


def highlighted(kiosk, index: int) -> bool:
    """Is block `index` of the page or answer on screen marked as being read?"""
    root = kiosk.find(f"page_{kiosk.backend.navigation.page}") or kiosk.find("answerScreen")
    stack = [root]
    while stack:
        item = stack.pop()
        if item.objectName() == f"block_{index}":
            return bool(item.property("highlighted"))
        stack.extend(item.childItems())
    return False


def block_shows(kiosk, index: int) -> bool:
    root = kiosk.find(f"page_{kiosk.backend.navigation.page}") or kiosk.find("answerScreen")
    block = next(i for i in walk(root) if i.objectName() == f"block_{index}")
    window = QRectF(0, 0, kiosk.window.width(), kiosk.window.height())
    return not visible_rect(block, window).isEmpty()


def test_explainer_page_read_block_by_block_pause_resume_stop_on_page_turn(kiosk):
    reader = kiosk.kiosk.reader
    session = kiosk.kiosk.driver.session
    kiosk.tap("touchToStart")
    kiosk.tap("explainerCard_how-it-works")
    kiosk.tap("nextPage")  # page 2 has four blocks
    kiosk.qtbot.waitUntil(lambda: kiosk.backend.navigation.page == 1)
    button = kiosk.wait_for("readAloud_p1")
    assert button.property("accessibleName") == "Read aloud"
    kiosk.tap("readAloud_p1")
    assert reader.state == "speaking"
    assert reader.source == "explainer:how-it-works:1"
    assert session.busy, "speaking counts as activity"
    # The title is read first (no block marked), then each block in turn is marked.
    kiosk.qtbot.waitUntil(lambda: highlighted(kiosk, 0), timeout=10000)
    assert not highlighted(kiosk, 1)
    kiosk.qtbot.waitUntil(lambda: reader.block >= 2, timeout=20000)
    assert not highlighted(kiosk, 0) and highlighted(kiosk, reader.block - 1)
    assert block_shows(kiosk, reader.block - 1), "the page follows the block being read"
    assert kiosk.find("readAloud_p1").property("accessibleName") == "Pause"

    kiosk.tap("readAloud_p1")  # pause
    assert reader.state == "paused" and not session.busy
    paused_at = reader.block
    assert kiosk.find("readAloud_p1").property("accessibleName") == "Go on reading"
    kiosk.tap("readAloud_p1")  # resume at the same block
    assert reader.state == "speaking" and reader.block == paused_at and session.busy

    kiosk.tap("nextPage")
    kiosk.qtbot.waitUntil(lambda: kiosk.backend.navigation.page == 2)
    assert reader.state == "idle" and reader.block == -1 and not session.busy
    assert not highlighted(kiosk, paused_at - 1)
    assert [e for e in kiosk.events() if e["event"] == "read_aloud"][0]["source"] == "explainer"
    ready = [e for e in kiosk.events() if e["event"] == "speech_ready"]
    assert ready == [{**ready[0], "engine": "mock"}]


def test_answer_stop_button(kiosk):
    reader = kiosk.kiosk.reader
    kiosk.tap("touchToStart")
    kiosk.tap("topic_safety")
    kiosk.tap("result_0")
    kiosk.wait_for("answerScreen")
    kiosk.tap("readAloud")
    assert reader.state == "speaking"
    # Stop appears beside the button once the row is laid out again.
    kiosk.qtbot.waitUntil(lambda: kiosk.find("readAloudStop").x() > 0)
    kiosk.tap("readAloudStop")
    assert reader.state == "idle" and not kiosk.kiosk.driver.session.busy
    assert kiosk.find("readAloudStop") is None
    assert kiosk.find("readAloud").property("accessibleName") == "Read aloud"


def test_language_change_and_reset_stop_reading(kiosk):
    reader = kiosk.kiosk.reader
    kiosk.tap("touchToStart")
    kiosk.tap("topic_safety")
    kiosk.tap("result_0")
    kiosk.tap("readAloud")
    assert reader.state == "speaking"
    kiosk.tap("language_es")
    kiosk.qtbot.waitUntil(lambda: kiosk.backend.preferences.language == "es")
    assert reader.state == "idle"
    button = kiosk.wait_for("readAloud")
    assert button.property("accessibleName") == "Leer en voz alta"
    kiosk.tap("readAloud")
    assert reader.state == "speaking"
    kiosk.kiosk.driver.reset("idle")  # what the idle timer does
    assert reader.state == "idle" and not kiosk.kiosk.driver.session.busy


def test_no_engine_hides_the_button_and_logs_once(qtbot, tmp_path, fonts, qml_warnings):
    kiosk, driver = make_kiosk(qtbot, tmp_path, idle_timeout=60, warning=30, speech_engine="none")
    try:
        assert not kiosk.reader.property("available")
        driver.tap("touchToStart")
        driver.tap("topic_safety")
        driver.tap("result_0")
        driver.wait_for("answerScreen")
        assert driver.find("readAloud") is None
        reasons = [e for e in driver.events() if e["event"] == "speech_unavailable"]
        assert len(reasons) == 1 and "none" in reasons[0]["reason"]
    finally:
        kiosk.close()


@pytest.mark.parametrize(
    ("wanted", "available", "expected"),
    [
        ("auto", ["mock", "speechd"], "speechd"),
        ("auto", ["mock"], ""),  # the mock engine only pretends to speak
        ("mock", ["mock", "speechd"], "mock"),
        ("speechd", ["mock"], ""),
        ("none", ["speechd"], ""),
    ],
)
def test_choose_engine(wanted, available, expected):
    name, why = choose_engine(wanted, available)
    assert name == expected
    assert bool(why) == (not expected)


def ready_reader(qtbot, languages: list[str]) -> Reader:
    """A Reader on the mock engine, once the engine has loaded on its thread."""
    reader = Reader("mock", languages=languages)
    qtbot.waitUntil(lambda: reader.property("available"), timeout=10000)
    return reader


def test_reader_skips_empty_texts_and_ignores_unknown_language(qtbot):
    reader = ready_reader(qtbot, ["en"])
    seen, busy = [], []
    reader.changed.connect(lambda: seen.append(reader.block))
    reader.busyChanged.connect(busy.append)
    reader.read("answer:x", "en", ["", "one two", "  ", "three"])
    assert reader.block == 1 and busy == [True]
    qtbot.waitUntil(lambda: reader.state == "idle", timeout=10000)
    assert busy == [True, False]
    assert 2 not in seen and 3 in seen and reader.block == -1


def test_a_long_answer_scrolls_to_follow_the_block_being_read(qtbot, tmp_path, fonts, qml_warnings):
    kiosk, d = make_kiosk(
        qtbot, tmp_path, idle_timeout=60, warning=30, size=(800, 1280), text_scale=2.0
    )
    try:
        d.tap("touchToStart")
        d.tap("topic_practical")
        d.tap("result_2")
        qtbot.waitUntil(lambda: kiosk.backend.navigation.item == "how-to-book")
        answer = d.wait_for("answerScreen")
        answer.setProperty("contentY", 0)
        d.tap("readAloud")
        qtbot.waitUntil(lambda: kiosk.reader.block >= 4, timeout=20000)
        assert answer.property("contentY") > 0
        assert block_shows(d, 3)
    finally:
        kiosk.close()


def test_the_engine_loads_on_its_own_thread_and_ends_with_the_reader(qtbot):
    reader = MockReader(languages=["en", "es"])  # a voice for each
    assert not reader.property("available") and reader.property("languages") == []
    with qtbot.waitSignal(reader.languagesChanged, timeout=10000):
        pass
    assert reader.property("available") and reader.property("languages") == ["en", "es"]
    thread = reader._tts.thread()
    assert thread is not QThread.currentThread() and thread.isRunning()
    reader.read("answer:x", "en", ["one two three"])
    qtbot.waitUntil(lambda: reader.block == 0)
    reader.shutdown()
    assert thread.isFinished() and not reader.property("available")
    assert reader.state == "idle"


class Stuck(QObject):
    """Stands in for an engine that does not come back from a system call."""

    block = Signal()

    def __init__(self):
        super().__init__()
        self.inside = threading.Event()
        self.block.connect(self.wait, Qt.ConnectionType.QueuedConnection)

    @Slot()
    def wait(self) -> None:
        self.inside.set()
        time.sleep(1.0)


def test_a_stuck_engine_thread_is_left_to_the_process_exit(qtbot, monkeypatch):
    monkeypatch.setattr(speech, "STOP_WAIT_MS", 50)
    thread, engine = QThread(), Stuck()
    engine.moveToThread(thread)
    speech._threads[thread] = engine
    thread.start()
    engine.block.emit()
    assert engine.inside.wait(5)
    speech._stop_thread(thread)  # gives up after 50 ms and deletes neither
    assert thread not in speech._threads and speech.stuck()
    del thread, engine
    qtbot.waitUntil(lambda: not speech.stuck(), timeout=5000)  # it ends by itself, unharmed
    speech._stuck.clear()
