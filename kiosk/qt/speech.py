"""Read aloud: a Reader QObject that speaks a page block by block with QtTextToSpeech.

QML asks `read(source, language, texts)`; the Reader says one text (block) at a time so the
screen can mark the block being read (`block`). Pause stops the engine and remembers the
block; resume says that block again from its start. That works the same on every engine
(speech-dispatcher's pause is not reliable across output modules) and a patient who paused
hears the sentence again in full.

If no engine or no voice for a language is available, `languages` lacks that language, QML
hides the button, and the reason is logged once (and sent to the event log).

The engine lives on a thread of its own. Loading Qt's speech-dispatcher engine takes seconds
(libspeechd reads the list of ~1,500 espeak-ng voices one byte per system call), and PySide
holds the GIL through a constructor, so the engine is created by Qt alone on that thread
(`setEngine`, invoked queued) and spoken to through queued signals: the screen never waits.
"""

from __future__ import annotations

import atexit
import logging
import sys
import threading
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    Q_ARG,
    Property,
    QLocale,
    QMetaObject,
    QObject,
    Qt,
    QThread,
    QTimer,
    Signal,
    Slot,
    qInstallMessageHandler,
)
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk.qt.types.qt_names import QStringList
from kiosk.stats.events import EventLog
from kiosk.system.speechd_probe import speechd_status

if TYPE_CHECKING:
    from PySide6.QtTextToSpeech import QTextToSpeech

log = logging.getLogger("kiosk.speech")

QML_IMPORT_NAME = "KioskCore"  # Reader is QML's read-aloud singleton (kiosk/qt/types/)
QML_IMPORT_MAJOR_VERSION = 1

# What a device file may name (kiosk/system/device.py). In code, a Reader takes any Qt engine name.
ENGINES = ("auto", "speechd", "none")
# Qt's wheels ship a "mock" engine that reports word-by-word progress and makes no sound:
# auto must never pick it.
SILENT_ENGINES = ("mock",)
# When the system locale does not say which variant to use: the patients of a US clinic.
PREFERRED = {"en": ("en_US",), "es": ("es_419", "es_MX", "es_US")}
# Speech counts as activity only while it makes progress: a text that does not start
# speaking within START_TIMEOUT_MS, an engine that reports words but none for STALL_MS, or a
# text still "speaking" after the time its length allows, is dropped and counts as idle from
# its last progress; the engine is then taken to be stuck and read aloud is left off (a
# speech-dispatcher with no sound server can hold a read for ever).
START_TIMEOUT_MS = 5_000
STALL_MS = 5_000
SLOWEST_CHARS_PER_S = 6.0  # well under the slowest voice rate the engines offer
TEXT_SLACK_S = 3.0
# The name of no engine: a QTextToSpeech made with it loads nothing until setEngine.
NO_ENGINE = "kiosk-none"
# Engine threads still running, each with its QTextToSpeech: both are kept referenced here
# until the thread has ended (Python must not delete an engine its thread is still using,
# and a running QThread must not be destroyed). Stopped at exit at the latest.
_threads: dict[QThread, QObject] = {}
# Threads that did not end when asked: kept for ever; the process must end without
# destroying them (see `stuck`).
_stuck: list[tuple[QThread, QObject | None]] = []
STOP_WAIT_MS = 10_000  # loading the speechd engine can take seconds and cannot be cut short


def _stop_thread(thread: QThread, wait_ms: int | None = None) -> None:
    thread.quit()
    tts = _threads.pop(thread, None)
    if not thread.wait(STOP_WAIT_MS if wait_ms is None else wait_ms):
        log.warning("speech engine thread did not stop")
        _stuck.append((thread, tts))


def _abandon_thread(thread: QThread) -> None:
    """Ask a stuck engine's thread to end, without waiting for it (the UI must not)."""
    thread.quit()
    # Both stay referenced for ever: deleting the engine while its thread may still run
    # (a few milliseconds, or for ever) would crash. `stuck()` asks if it still runs.
    _stuck.append((thread, _threads.pop(thread, None)))


def text_budget_ms(text: str) -> int:
    """The longest saying `text` may take: past that, it is not progressing."""
    return int((len(text) / SLOWEST_CHARS_PER_S + TEXT_SLACK_S) * 1000)


def stuck() -> bool:
    """Is an engine thread stuck (in a system call)? Then the process should end with
    os._exit: tearing Qt down would destroy a running thread, which aborts."""
    return any(thread.isRunning() for thread, _ in _stuck)


@atexit.register
def _stop_threads() -> None:
    for thread in list(_threads):
        _stop_thread(thread)


def choose_engine(wanted: str, available: list[str]) -> tuple[str, str]:
    """The engine to use and, if none, why. `auto` prefers speech-dispatcher on Linux and
    never picks a silent engine (it only pretends to speak)."""
    if wanted == "none":
        return "", "read aloud turned off (speech_engine = none)"
    if wanted != "auto":
        if wanted in available:
            return wanted, ""
        return "", f"speech engine {wanted!r} not installed (have: {', '.join(available)})"
    real = [e for e in available if e not in SILENT_ENGINES]
    if sys.platform == "linux" and "speechd" in real:
        return "speechd", ""
    if real:
        return real[0], ""
    return "", "no speech engine installed"


@QmlElement
@QmlSingleton
class Reader(QObject):
    """Reads texts aloud one at a time; `block` is the index of the text being read."""

    @staticmethod
    def create(engine) -> Reader:
        from kiosk.qt.types.registry import provided

        return provided(engine, Reader)

    changed = Signal()  # state, block or source
    availableChanged = Signal()
    languagesChanged = Signal()
    busyChanged = Signal(bool)  # True while speaking: counts as activity
    _probed = Signal(str, str)  # engine, speechd status (from the probe's thread)
    # Requests to the engine on its thread (queued connections to its slots).
    _say_request = Signal(str)
    _stop_request = Signal()
    _locale_request = Signal(QLocale)

    def __init__(
        self,
        engine: str = "auto",
        *,
        languages: list[str] | None = None,
        events: EventLog | None = None,
        autostart: bool = True,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._wanted_engine = engine
        self._events = events
        self._logged: set[str] = set()
        self._tts: QTextToSpeech | None = None  # once its engine has loaded
        self._loading: QTextToSpeech | None = None  # while its engine loads
        self._thread: QThread | None = None
        self._probing = False
        self._engine = ""
        self._engine_state: QTextToSpeech.State | None = None  # as the engine last said
        self._locales: list[QLocale] = []
        self._locale = QLocale()  # the engine's current locale
        self._state = "idle"  # idle | speaking | paused
        self._texts: list[str] = []
        self._block = -1
        self._source = ""
        self._language = ""
        self._started = False  # the engine reported Speaking for the current text
        self._pending = False  # waiting for the engine to finish stopping before saying
        self._wanted: list[str] = list(languages or [])  # the content's languages
        self._languages: list[str] = []  # those with a voice
        self._words = False  # the engine reports each word (progress within a text)
        self._progress_at = time.monotonic()
        self._idle_since = time.monotonic()
        self._watch = QTimer(self)  # progress within the current text
        self._watch.setSingleShot(True)
        self._watch.timeout.connect(self._no_progress)
        self._stall_reason = ""
        self._text_deadline: float | None = None  # when the current text must have ended
        if autostart:
            self.start()

    def start(self) -> None:
        """Find and load the engine, in the background. The kiosk calls this a moment after
        its first frame: loading speechd costs seconds of CPU, better spent while the
        attract screen waits than while the first frame is drawn."""
        if self._thread is not None or self._probing:
            return
        engine = self._wanted_engine
        if engine in ("auto", "speechd") and sys.platform == "linux":
            # Ask speech-dispatcher first, on a thread: libspeechd would wait for ever on
            # a daemon that does not answer (see kiosk/system/speechd_probe.py).
            self._probing = True
            self._probed.connect(self._on_probed)
            threading.Thread(
                target=lambda: self._probed.emit(engine, speechd_status()),
                name="speechd-probe",
                daemon=True,
            ).start()
            return
        self._open(engine)

    def _on_probed(self, engine: str, status: str) -> None:
        self._probing = False
        if status not in ("ok", "absent"):
            self._unavailable(status)
            return
        self._open(engine)

    # -- engine ----------------------------------------------------------------------------
    def _open(self, wanted: str) -> None:
        """Load the engine on its own thread; `_loaded` follows when it is ready."""
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech

            name, why = choose_engine(wanted, list(QTextToSpeech.availableEngines()))
            if not name:
                self._unavailable(why)
                return
            previous = qInstallMessageHandler(lambda *_: None)  # "NO_ENGINE not supported"
            try:
                tts = QTextToSpeech(NO_ENGINE)
            finally:
                qInstallMessageHandler(previous)
        except Exception as exc:  # a broken plugin must not stop the kiosk
            self._unavailable(f"text to speech failed to load: {exc}")
            return
        thread = QThread()
        thread.setObjectName("speech-engine")
        tts.moveToThread(thread)
        thread.finished.connect(tts.deleteLater)
        tts.engineChanged.connect(self._loaded)
        self._thread = thread
        _threads[thread] = tts
        thread.start()
        self._loading = tts
        QMetaObject.invokeMethod(
            tts, "setEngine", Qt.ConnectionType.QueuedConnection, Q_ARG(str, name)
        )

    def _loaded(self, name: str) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        tts = self._loading
        if tts is None:  # shut down while loading
            return
        if tts.state() == QTextToSpeech.State.Error:
            self._unavailable(f"{name}: {tts.errorString() or 'engine error'}")
            self.shutdown()
            return
        # The voices are read once, here: the engine does not change them afterwards.
        self._locales = list(tts.availableLocales())
        self._locale = tts.locale()
        self._engine_state = tts.state()
        tts.stateChanged.connect(self._on_engine_state)
        tts.errorOccurred.connect(self._engine_error)
        words = QTextToSpeech.Capability.WordByWordProgress
        self._words = bool(tts.engineCapabilities() & words)
        if self._words:
            tts.sayingWord.connect(self._on_word)
        self._say_request.connect(tts.say)
        self._stop_request.connect(tts.stop)
        self._locale_request.connect(tts.setLocale)
        self._tts, self._engine = tts, name
        log.info("read aloud with the %s engine", name)
        if self._events is not None:
            self._events.emit("speech_ready", engine=name)
        self.availableChanged.emit()
        self.set_languages(self._wanted)

    def shutdown(self, *, wait: bool = True, wait_ms: int | None = None) -> None:
        """Stop speaking and end the engine's thread (the engine is deleted on it), waiting
        up to wait_ms. Without `wait`, a thread that does not end at once is left to the
        process exit."""
        self.stop()
        self._tts = self._loading = None
        if self._thread is not None:
            if wait:
                _stop_thread(self._thread, STOP_WAIT_MS if wait_ms is None else wait_ms)
            else:
                _abandon_thread(self._thread)
            self._thread = None
            self.availableChanged.emit()

    def _unavailable(self, reason: str) -> None:
        """Log a reason once (per reason), to the log and the event log."""
        if reason in self._logged:
            return
        self._logged.add(reason)
        log.warning("read aloud unavailable: %s", reason)
        if self._events is not None:
            self._events.emit("speech_unavailable", reason=reason)

    def voice_for(self, language: str) -> QLocale | None:
        """A locale of the engine's for a language code, or None: the language cannot be
        read. (A subclass may choose otherwise, as the snapshot's and the tests' do.)"""
        if self._tts is None:
            return None
        want = QLocale(language).language()
        matches = [loc for loc in self._locales if loc.language() == want]
        if matches:
            system = QLocale.system()  # e.g. es_MX on a Mexican kiosk rather than es_ES
            same = [loc for loc in matches if loc.territory() == system.territory()]
            preferred = [loc for loc in matches if loc.name() in PREFERRED.get(language, ())]
            return (same or preferred or matches)[0]
        return None

    @Slot(list)
    def set_languages(self, codes: list[str]) -> None:
        """The content's languages; those without a voice are dropped (and logged)."""
        self._wanted = list(codes)
        readable = []
        for code in codes:
            if self.voice_for(code) is not None:
                readable.append(code)
            elif self._tts is not None:
                self._unavailable(f"no {self._engine} voice for language {code!r}")
        if readable != self._languages:
            self._languages = readable
            self.languagesChanged.emit()

    def _on_engine_state(self, state) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        self._engine_state = state
        if state == QTextToSpeech.State.Speaking:
            self._started = True
            if self._state == "speaking" and not self._pending:
                self._progressed()
        elif state == QTextToSpeech.State.Ready:
            if self._pending:  # the old text has stopped: now say the new one
                self._pending = False
                self._say()
            elif self._state == "speaking" and self._started:
                self._next(self._block + 1)
        elif state == QTextToSpeech.State.Error:
            self._engine_error(None, "")

    def _engine_error(self, _reason, message: str) -> None:
        self._unavailable(f"{self._engine}: {message or 'speech failed'}")
        self.stop()

    def _progressed(self) -> None:
        """The current text started or moved on: watch for the next sign of progress."""
        now = self._progress_at = time.monotonic()
        if not self._started:
            self._stall_reason = "speech did not start"
            self._watch.start(START_TIMEOUT_MS)
            self._text_deadline = None
            return
        if self._text_deadline is None:  # it just started: its length sets the limit
            self._text_deadline = now + text_budget_ms(self._texts[self._block]) / 1000
        left_ms = max(0, int((self._text_deadline - now) * 1000))
        if self._words and left_ms > STALL_MS:
            self._stall_reason = "speech stopped making progress"
            self._watch.start(STALL_MS)
        else:
            self._stall_reason = "speech went on past the length of its text"
            self._watch.start(left_ms)

    def _on_word(self, *_args) -> None:
        if self._state == "speaking" and self._started and not self._pending:
            self._progressed()

    def _no_progress(self) -> None:
        """Drop the read (it counts as idle from its last progress) and leave the engine off:
        it does not answer, and the next read would wait behind the stuck one."""
        if self._state != "speaking":
            return
        reason = f"{self._engine}: {self._stall_reason}; read aloud left off"
        log.error("%s (after %.1f s)", reason, time.monotonic() - self._progress_at)
        if self._events is not None:
            self._events.emit(
                "speech_stalled",
                engine=self._engine,
                reason=self._stall_reason,
                seconds=round(time.monotonic() - self._progress_at, 1),
            )
        self._drop(idle_since=self._progress_at)
        self._unavailable(reason)
        self.shutdown(wait=False)
        self.set_languages(self._wanted)  # no engine: no language can be read

    # -- reading ---------------------------------------------------------------------------
    def _say(self) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if self._tts is None:
            return
        self._started = False
        self._progressed()
        if self._engine_state in (QTextToSpeech.State.Speaking, QTextToSpeech.State.Paused):
            self._pending = True  # say once the engine reports it has stopped
            self._stop_request.emit()
            return
        self._say_request.emit(self._texts[self._block])

    def _next(self, index: int) -> None:
        """Go on at the first non-empty text from `index`, or finish."""
        while index < len(self._texts) and not self._texts[index].strip():
            index += 1
        if index >= len(self._texts):
            self.stop()
            return
        self._block = index
        self.changed.emit()
        self._say()

    def _set_state(self, state: str) -> None:
        was_busy = self._state == "speaking"
        if was_busy and state != "speaking" and self._idle_since < self._progress_at:
            self._idle_since = time.monotonic()  # an ordinary end: idle from now
        self._state = state
        self.changed.emit()
        if was_busy != (state == "speaking"):
            self.busyChanged.emit(state == "speaking")

    @Slot(str, str, list)
    def read(self, source: str, language: str, texts: list) -> None:
        """Read `texts` from the first, in `language`; `source` names what is read."""
        locale = self.voice_for(language)
        if locale is None:
            self._unavailable(f"no voice for language {language!r}")
            return
        self._halt()
        self._texts = [str(t or "") for t in texts]
        self._source, self._language = source, language
        if self._locale != locale:
            self._locale = locale
            self._locale_request.emit(locale)
        self._block = -1
        self._set_state("speaking")
        if self._events is not None:
            self._events.emit("read_aloud", source=source.split(":")[0], language=language)
        self._next(0)

    @Slot()
    def pause(self) -> None:
        if self._state == "speaking":
            self._halt()
            self._set_state("paused")

    @Slot()
    def resume(self) -> None:
        if self._state == "paused":
            self._set_state("speaking")
            self._next(self._block)

    @Slot()
    def stop(self) -> None:
        """Silence, and forget what was read (navigation, language change, reset)."""
        if self._state == "idle" and not self._source:
            return
        self._idle_since = time.monotonic()
        self._drop(idle_since=self._idle_since)

    def _drop(self, *, idle_since: float) -> None:
        self._halt()
        self._texts, self._source, self._block = [], "", -1
        self._idle_since = idle_since
        self._set_state("idle")

    def _halt(self) -> None:
        self._watch.stop()
        self._started = self._pending = False
        if self._tts is not None:
            self._stop_request.emit()

    # -- what QML reads --------------------------------------------------------------------
    @property
    def idle_since(self) -> float:
        """When the last read stopped counting as activity (time.monotonic()): when it ended,
        or, for a read that stalled, when it last made progress."""
        return self._idle_since

    def _get_available(self) -> bool:
        return self._tts is not None

    available = Property(bool, _get_available, notify=availableChanged)

    def _get_languages(self) -> list[str]:
        return list(self._languages)

    # PySide6 takes a Qt type name here; its stub allows only a Python type.
    languages = Property(QStringList, _get_languages, notify=languagesChanged)  # type: ignore[arg-type]

    def _get_state(self) -> str:
        return self._state

    state = Property(str, _get_state, notify=changed)

    def _get_block(self) -> int:
        return self._block

    block = Property(int, _get_block, notify=changed)

    def _get_source(self) -> str:
        return self._source

    source = Property(str, _get_source, notify=changed)

    @property
    def engine(self) -> str:
        return self._engine
