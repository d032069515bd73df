"""Application wiring: environment, fonts, QML engine, backend, session, content updates."""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import sys
import time
from pathlib import Path

from kiosk.config import Config
from kiosk.content import Catalog
from kiosk.content.cache import load_cached
from kiosk.events import EventLog
from kiosk.paths import log_dir, state_dir
from kiosk.problems import Severity
from kiosk.search import SearchIndex
from kiosk.session import Timings, validate_timings

log = logging.getLogger("kiosk.app")
PROCESS_START = time.monotonic()
PACKAGE_DIR = Path(__file__).resolve().parent.parent
QML_DIR = PACKAGE_DIR / "qml"
FONTS_DIR = PACKAGE_DIR / "assets" / "fonts"


def process_start() -> float:
    """When this process started, on the time.monotonic() clock.

    PROCESS_START is taken when this module is imported, after the interpreter and the CLI
    have started; /proc's start time (10 ms ticks since boot) includes them.
    """
    try:
        stat = Path("/proc/self/stat").read_text()
        ticks = int(stat.rpartition(")")[2].split()[19])
        age = time.clock_gettime(time.CLOCK_BOOTTIME) - ticks / os.sysconf("SC_CLK_TCK")
        return time.monotonic() - age
    except (OSError, ValueError, IndexError, AttributeError):
        return PROCESS_START


def keyboard_library_present() -> bool:
    """The virtual keyboard's QML plugin needs libpulse; without it, use no keyboard."""
    try:
        ctypes.CDLL("libpulse.so.0")
        return True
    except OSError:
        return sys.platform != "linux"


def has_gpu() -> bool:
    return any(Path("/dev/dri").glob("renderD*")) if sys.platform == "linux" else True


def prepare_environment(config: Config, *, offscreen: bool = False) -> dict[str, str]:
    """Set what Qt reads at start-up. Returns the choices made, for the event log."""
    choices: dict[str, str] = {}
    keyboard = keyboard_library_present()
    if keyboard:
        os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
    choices["keyboard"] = "virtual" if keyboard else "hardware only"
    renderer = config.kiosk.get("renderer", "auto")
    if renderer == "software" or (renderer == "auto" and (offscreen or not has_gpu())):
        # Without a GPU, the software scene graph paints less and draws nothing when idle.
        os.environ.setdefault("QT_QUICK_BACKEND", "software")
    choices["scene_graph"] = os.environ.get("QT_QUICK_BACKEND", "default")
    return choices


class QmlMessages:
    """Collects QML warnings and errors from our own QML (tests and snapshot fail on them)."""

    def __init__(self):
        self.messages: list[str] = []

    def install(self) -> None:
        from PySide6.QtCore import QtMsgType, qInstallMessageHandler

        def handler(kind, context, message):
            ours = "qml/Kiosk" in (context.file or "") or "qml/Kiosk" in message
            level = logging.INFO
            if kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
                level = logging.WARNING
                if ours or "failed to load component" in message:
                    self.messages.append(message)
            logging.getLogger("qt").log(level, "%s", message)

        qInstallMessageHandler(handler)


def load_fonts() -> list[str]:
    from PySide6.QtGui import QFontDatabase

    families = []
    for path in sorted(FONTS_DIR.glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load font %s", path.name)
        else:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(set(families))


def build_content(content: Path, cache_dir: Path | None = None) -> tuple[Catalog, SearchIndex]:
    """Catalog and search index; from the content cache in cache_dir when it is current."""
    return load_cached(content, cache_dir)


class Kiosk:
    """Everything one running kiosk holds; also used by snapshot and the tests."""

    def __init__(
        self,
        content: Path,
        *,
        events: EventLog,
        timings: Timings | None = None,
        size: tuple[int, int] | None = None,
        language: str | None = None,
        text_scale: float | None = None,
        high_contrast: bool = False,
        watch_content: bool = True,
        reduced_motion: bool = False,
        cache_dir: Path | None = None,
    ):
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtQml import QQmlApplicationEngine
        from PySide6.QtQuick import QQuickWindow  # noqa: F401 (root object is typed as one)

        from kiosk.qt.backend import Backend
        from kiosk.qt.idle import ActivityFilter
        from kiosk.qt.session_driver import SessionDriver
        from kiosk.qt.watcher import ContentWatcher
        from kiosk.session import Session

        self.app = QGuiApplication.instance()
        # The backend owns the catalog from here on (a content update replaces it there).
        catalog, index = build_content(content, cache_dir)
        errors = sum(p.severity is Severity.ERROR for p in catalog.problems)
        events.emit(
            "content_loaded",
            version=catalog.version,
            errors=errors,
            warnings=len(catalog.problems) - errors,
        )
        defaults = {}
        if language and language in catalog.languages:
            defaults["language"] = language
        if text_scale:
            defaults["text_scale"] = text_scale
        if high_contrast:
            defaults["high_contrast"] = True
        if reduced_motion:
            defaults["reduced_motion"] = True
        self.backend = Backend(
            catalog,
            index,
            events,
            keyboard_available=os.environ.get("QT_IM_MODULE") == "qtvirtualkeyboard",
            defaults=defaults,
        )
        config = catalog.config
        self.session = Session(timings or Timings(config.idle_timeout_s, config.warning_s))
        self.driver = SessionDriver(self.session, self.backend, events)
        self.activity = ActivityFilter(self.driver)
        self.app.installEventFilter(self.activity)
        self.watcher = ContentWatcher(content, self.driver, events) if watch_content else None

        self.engine = QQmlApplicationEngine()
        self.engine.addImportPath(str(QML_DIR))
        self.engine.setInitialProperties({"backend": self.backend})
        self.engine.loadFromModule("Kiosk", "Main")
        roots = self.engine.rootObjects()
        if not roots:
            raise RuntimeError("the kiosk's QML failed to load (see the log above)")
        self.window = roots[0]
        if size:
            self.window.resize(*size)

    def show(self, *, windowed: bool) -> None:
        from PySide6.QtCore import Qt

        if windowed:
            self.window.show()
            return
        self.window.setFlags(
            self.window.flags()
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        self.window.showFullScreen()

    def close(self) -> None:
        import shiboken6

        if self.watcher:
            self.watcher.stop()
        self.driver.stop()
        self.app.removeEventFilter(self.activity)
        # Delete the QML before the backend it binds to, so no binding sees a dead backend.
        if shiboken6.isValid(self.engine):
            shiboken6.delete(self.engine)


def run(args, content: Path) -> int:
    from PySide6.QtGui import QGuiApplication

    from kiosk.config import load_config

    config = load_config(content)
    try:
        timings = validate_timings(
            config.idle_timeout_s if args.idle_timeout is None else args.idle_timeout,
            config.warning_s if args.warning is None else args.warning,
            allow_short=args.windowed,  # short timeouts are for testing in a window only
        )
    except ValueError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 2
    event_path = args.event_log or log_dir(config) / "events.jsonl"
    events = EventLog(event_path)
    choices = prepare_environment(config)
    messages = QmlMessages()
    messages.install()
    app = QGuiApplication(sys.argv[:1])
    app.setApplicationName("kiosk")
    families = load_fonts()
    events.emit("start", content=str(content), windowed=args.windowed, fonts=families, **choices)
    try:
        kiosk = Kiosk(
            content,
            events=events,
            timings=timings,
            size=args.size,
            language=args.lang,
            text_scale=args.text_scale,
            high_contrast=args.high_contrast,
            cache_dir=state_dir(config) / "cache",
        )
    except RuntimeError as exc:
        events.emit("fatal", error=str(exc))
        print(f"kiosk: {exc}", file=sys.stderr)
        return 1
    window = kiosk.window

    started = process_start()

    def first_frame() -> None:
        events.emit("first_frame", seconds=round(time.monotonic() - started, 3))
        window.frameSwapped.disconnect(first_frame)

    window.frameSwapped.connect(first_frame)
    if os.environ.get("KIOSK_BENCH"):  # the benchmark's probe (bench/); never in service
        from kiosk.qt.bench_hook import attach

        bench = attach(kiosk)  # noqa: F841 (kept alive for the event loop)
    kiosk.show(windowed=args.windowed)
    # Ctrl+C and SIGTERM end the process at once; nothing of a session needs saving.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    code = app.exec()
    events.emit("exit", code=code)
    kiosk.close()
    return code
