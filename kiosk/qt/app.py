"""Application wiring: environment, fonts, QML engine, backend, session, content updates."""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk import assets_dir
from kiosk.check.problems import Severity
from kiosk.content import Catalog
from kiosk.content.config import Config
from kiosk.content.release import real_folder, release_id
from kiosk.options import Display, RunOptions
from kiosk.search.index import SearchIndex
from kiosk.session.gesture import CornerTaps
from kiosk.session.inactivity import Timings, validate_timings
from kiosk.stats.events import EventLog
from kiosk.stats.metrics import REFRESH_S, ErrorsToMetrics, HealthMetrics
from kiosk.stats.usage import UsageStore
from kiosk.stats.usage_recorder import UsageRecorder
from kiosk.system.device import Device, no_device
from kiosk.system.pin import PinGuard

if TYPE_CHECKING:
    from kiosk.qt.watcher import ContentWatcher

log = logging.getLogger("kiosk.app")
PROCESS_START = time.monotonic()
PACKAGE_DIR = Path(__file__).resolve().parent.parent
QML_DIR = PACKAGE_DIR / "qml"
FONTS_DIR = assets_dir() / "fonts"
# Content watching and read aloud start this long after the first frame (see start_background).
BACKGROUND_START_MS = 1000
# At exit, a speech engine's thread gets this long to end; a stuck one is left to os._exit.
CLOSE_WAIT_MS = 1000
# Set by the boot wrapper (deploy/kiosk-session): where to leave the "staff exit" marker
# that tells it not to restart the kiosk (cage before 0.2.0 always exits with status 0).
STAFF_EXIT_ENV = "KIOSK_STAFF_EXIT_FILE"


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


MAX_KEPT_MESSAGES = 1000  # QML warnings kept for tests and snapshot; all go to the log


class QmlMessages:
    """Collects QML warnings and errors from our own QML (tests and snapshot fail on them)."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def install(self) -> None:
        from PySide6.QtCore import QtMsgType, qInstallMessageHandler

        def handler(kind, context, message):
            ours = "qml/Kiosk" in (context.file or "") or "qml/Kiosk" in message
            # Qt's delegate model warns without naming a file (a view's pending delegate
            # cancelled after its model changed): counted by its text.
            ours = ours or message.startswith("DelegateModel::")
            # The QML engine reports some errors at info level with the file's URL in the text
            # ("...QuestionsScreen.qml: Object or context destroyed during incubation", and
            # "Cannot create delegate"); console.info() from our QML does not name the file.
            engine_error = kind == QtMsgType.QtInfoMsg and "qml/Kiosk" in message
            level = logging.INFO
            serious = (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
            if kind in serious or engine_error:
                level = logging.WARNING
                kept = len(self.messages) < MAX_KEPT_MESSAGES  # a kiosk runs for months
                if kept and (ours or "failed to load component" in message):
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


def make_reader(backend, driver, events: EventLog, engine: str, reader_type=None):
    """Read aloud, wired to the session: speaking keeps it alive; navigation, a language
    change and a reset stop it. reader_type: a Reader subclass (snapshot's, the tests')."""
    from kiosk.qt.speech import Reader

    reader = (reader_type or Reader)(
        engine,
        languages=list(backend.catalog.languages),
        events=events,
        autostart=False,  # Kiosk.start_background
    )
    # A read that ends counts as activity now; one that stalled, as idle from its last
    # progress (Reader.idle_since): speech never holds a session open.
    reader.busyChanged.connect(
        lambda busy: driver.set_busy(busy, None if busy else reader.idle_since)
    )
    backend.navigation.placeChanged.connect(reader.stop)
    backend.resetDone.connect(reader.stop)
    backend.content.contentChanged.connect(
        lambda: reader.set_languages(list(backend.catalog.languages))
    )
    return reader


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
        lockdown: bool = False,
        usage_db: Path | None = None,
        pin_guard: PinGuard | None = None,
        quit: Callable[[int], None] | None = None,
        system: dict[str, str] | None = None,
        speech_engine: str | None = None,
        reader_type: type | None = None,
        start_later: bool = False,
        cache_dir: Path | None = None,
        last_good_dir: Path | None = None,
        device: Device | None = None,
        metrics_file: Path | None = None,
    ):
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtQml import QQmlApplicationEngine

        from kiosk.qt.backend import Backend
        from kiosk.qt.idle import ActivityFilter
        from kiosk.qt.keys import KeyboardAccess
        from kiosk.qt.lockdown import Lockdown
        from kiosk.qt.maintenance import KioskLinks, Maintenance
        from kiosk.qt.qml_types import load_window
        from kiosk.qt.session_driver import SessionDriver
        from kiosk.session.inactivity import Session

        app = QGuiApplication.instance()
        if app is None:
            raise RuntimeError("make the QGuiApplication before the kiosk")
        self.app = app
        self.events = events
        self.device = device or no_device()
        # Statistics first, so the session that starts below is counted.
        self.usage_store = UsageStore(usage_db) if usage_db is not None else None
        # On the event log, taken off at close (the log may outlive us).
        self._listeners: list[Callable[[dict[str, Any]], object]] = []
        if self.usage_store is not None:
            self._listeners.append(UsageRecorder(self.usage_store))
        self.metrics = self._start_metrics(metrics_file)
        # The backend owns the catalog from here on (a content update replaces it there).
        # With a last good folder (the kiosk process), a folder with errors is refused at
        # start-up as a live update would be.
        from kiosk.content.last_good import start_content

        self.last_good_dir = last_good_dir
        # Loaded from the folder a `current` symlink points at now, so a swap during the
        # load cannot mix two releases (the watcher follows the link from here on).
        folder = real_folder(content)
        self.start = start_content(folder, last_good_dir, cache_dir)
        catalog, index = self.start.catalog, self.start.index
        if self.start.source != "live":  # the last good copy (or the built-in screen)
            folder = Path(getattr(catalog, "root", None) or folder)
        errors = sum(p.severity is Severity.ERROR for p in catalog.problems)
        events.emit(
            "content_loaded",
            version=catalog.version,
            release=release_id(folder),
            folder=folder.name,
            errors=errors,
            warnings=len(catalog.problems) - errors,
            source=self.start.source,
        )
        if self.start.source != "live":
            events.emit(
                "content_refused_at_start",
                version=self.start.refused_version,
                showing=self.start.source,
                errors=self.start.error_count,
                first=self.start.errors,
            )
            print(f"kiosk: {self.start.note}", file=sys.stderr)
            for line in self.start.errors:
                print(f"kiosk:   {line}", file=sys.stderr)
        defaults = self.device.start_defaults()  # this device's, then the run flags
        if defaults.get("language") not in catalog.languages:
            defaults.pop("language", None)
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
        if self.start.source == "fallback":
            self.backend.set_fallback(True)
        config = self.device.apply(catalog.config)
        self.session = Session(timings or Timings(config.idle_timeout_s, config.warning_s))
        self.driver = SessionDriver(self.session, self.backend, events)
        self.activity = ActivityFilter(self.driver)
        self.app.installEventFilter(self.activity)
        self._content, self._watch_content = content, watch_content
        self.watcher: ContentWatcher | None = None
        self.maintenance = Maintenance(
            KioskLinks(
                pin_hash=self.pin_hash,
                start_staff=self.driver.start_staff,
                apply_content=self.apply_content,
                content_version=lambda: self.backend.catalog.version,
                content_note=lambda: self.content_note,
                reset_done=self.backend.resetDone,
                usage_store=self.usage_store,
                last_good_dir=self.last_good_dir,
            ),
            events,
            content=content,
            usage_db=usage_db,
            quit=quit or self.quit,
            guard=pin_guard,
            system=system,
        )
        self._listeners.append(self.maintenance.on_event)
        events.listeners.extend(x for x in self._listeners if x is not self.metrics)
        self.reader = make_reader(
            self.backend,
            self.driver,
            events,
            speech_engine or self.device.speech_engine,
            reader_type,
        )

        self.engine = QQmlApplicationEngine()
        self.window = load_window(
            self.engine, self.backend, reader=self.reader, maintenance=self.maintenance
        )
        self.screen_fit: ScreenFit | None = None  # fullscreen only (see show)
        self.staff_exit = False
        self.keys = KeyboardAccess(self.window)
        if size:
            self.window.resize(*size)
        self.lockdown = Lockdown(
            self.window,
            corner_taps=CornerTaps(config.admin.get("corner", "bottom-left")),
            on_gesture=self.maintenance.openPinPad,
            lock_keys=lockdown,
        )
        self.app.installEventFilter(self.lockdown)
        if not start_later:
            self.start_background()

    @property
    def content_note(self) -> str:
        """Why the kiosk is not showing its content folder, until good content replaces it."""
        return self.start.note if self.backend.catalog is self.start.catalog else ""

    def pin_hash(self) -> str:
        """The device's PIN hash, read afresh: `kiosk set-pin` on a running kiosk counts at
        the next PIN pad. If the file cannot be read now, the hash it had at start."""
        from kiosk.system.device import load_device

        fresh = load_device(self.device.path)
        if fresh.exists and not any(p.severity is Severity.ERROR for p in fresh.problems):
            return fresh.pin_hash
        return self.device.pin_hash

    def _start_metrics(self, path: Path | None) -> HealthMetrics | None:
        """Health for node_exporter: listens to the event log, rewritten at every change
        and every REFRESH_S seconds (so a stale file means a stopped or frozen kiosk)."""
        from PySide6.QtCore import QTimer

        self._metrics_timer: QTimer | None = None
        if path is None:
            return None
        store = self.usage_store
        metrics = HealthMetrics(
            path,
            keyboard=os.environ.get("QT_IM_MODULE") == "qtvirtualkeyboard",
            statistics_paused=lambda: None if store is None else not store.healthy,
        )
        self._listeners.append(metrics)
        self.events.listeners.append(metrics)  # before content_loaded below
        self._error_counter = ErrorsToMetrics(metrics)
        logging.getLogger().addHandler(self._error_counter)
        self._metrics_timer = QTimer()
        self._metrics_timer.setInterval(REFRESH_S * 1000)
        self._metrics_timer.timeout.connect(metrics.write)
        self._metrics_timer.start()
        metrics.write()
        return metrics

    def start_background(self) -> None:
        """Content watching and read aloud. Neither is needed for the first frame and both
        cost: a watch on every file, and seconds of CPU to load speech-dispatcher's voices.
        The kiosk process calls this a moment after its first frame."""
        from kiosk.qt.watcher import ContentWatcher

        if self._watch_content and self.watcher is None:
            self.watcher = ContentWatcher(
                self._content, self.driver, self.events, last_good_dir=self.last_good_dir
            )
        self.reader.start()
        start_index = getattr(self.start.index, "start", None)
        if start_index is not None and self.backend.catalog is self.start.catalog:
            start_index()  # the search index: not needed for the first frame

    def apply_content(self, catalog: Catalog, index: SearchIndex, *, reason: str) -> None:
        """Use new content now (maintenance reload): the kiosk starts over on it."""
        self.driver.pending_content = (catalog, index)
        self.driver.reset(reason)
        if self.watcher:
            self.watcher.version = catalog.version

    def quit(self, code: int) -> None:
        """Maintenance Exit/Restart: the one way out of the locked-down window."""
        from kiosk.qt.maintenance import RESTART_CODE

        self.staff_exit = code != RESTART_CODE  # the unit must not restart it
        self.lockdown.allow_close()
        self.app.exit(code)

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
        self.screen_fit = ScreenFit(self.window)
        self.window.showFullScreen()

    def close(self) -> None:
        import shiboken6

        if self.watcher:
            self.watcher.stop()
            # Deleted here, on the GUI thread: left to Python's garbage collector, it may be
            # freed on a loader thread, and its file watcher's notifier with it (Qt then
            # spins on an invalid socket and crashes; seen with several kiosks in one process).
            if shiboken6.isValid(self.watcher):
                shiboken6.delete(self.watcher)
            self.watcher = None
        self.reader.shutdown(wait_ms=CLOSE_WAIT_MS)
        self.maintenance.shutdown()
        self.driver.stop()
        self.app.removeEventFilter(self.activity)
        self.app.removeEventFilter(self.lockdown)
        for listener in self._listeners:
            self.events.listeners.remove(listener)
        if self.usage_store is not None:
            self.usage_store.close()
        if self.metrics is not None and self._metrics_timer is not None:
            self._metrics_timer.stop()
            logging.getLogger().removeHandler(self._error_counter)
            self.metrics.up = False
            self.metrics.write()
        # Delete the QML before the backend it binds to, so no binding sees a dead backend.
        if shiboken6.isValid(self.engine):
            shiboken6.delete(self.engine)


class ScreenFit:
    """Keeps a fullscreen window exactly on its screen.

    With no window manager (cage's XWayland, a bare X server) nobody honours the fullscreen
    request, and the window would keep Main.qml's 1280x800: on a portrait panel or a 1280x720
    screen whole controls would lie off screen. So the geometry is set by hand, and set again
    when the screen changes size or orientation, or the window moves to another screen.
    """

    def __init__(self, window) -> None:
        self.window = window
        self._screen = None
        window.screenChanged.connect(self._follow)
        self._follow(window.screen())

    def _follow(self, screen) -> None:
        if self._screen is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # the old screen may be gone
                self._screen.geometryChanged.disconnect(self.fit)
        self._screen = screen
        if screen is not None:
            screen.geometryChanged.connect(self.fit)
        self.fit()

    def fit(self, *_args) -> None:
        if self._screen is None:
            return
        geometry = self._screen.geometry()
        if self.window.geometry() != geometry:
            log.info(
                "window fills the screen %s: %dx%d at %d,%d",
                self._screen.name(),
                geometry.width(),
                geometry.height(),
                geometry.x(),
                geometry.y(),
            )
            self.window.setGeometry(geometry)


def display_args(display: Display) -> dict[str, Any]:
    """The Kiosk's start-up defaults (a reset returns to them), as its keyword arguments."""
    return {
        "size": display.size,
        "language": display.language,
        "text_scale": display.text_scale,
        "high_contrast": display.high_contrast,
        "reduced_motion": display.reduced_motion,
    }


def run(options: RunOptions) -> int:
    """The kiosk process, and where its parts are built and wired: one instance, logs,
    lockdown, watchdog. Everything it needs is in `options`; returns the exit code."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication

    from kiosk.content.config import load_config
    from kiosk.qt.hooks import HookError, attach_hooks, hook_names, load_hooks
    from kiosk.qt.lockdown import hide_cursor
    from kiosk.qt.maintenance import RESTART_CODE
    from kiosk.qt.stopper import Stopper
    from kiosk.system.instance import SingleInstance
    from kiosk.system.watchdog import Notifier

    content = options.content
    device = options.device
    for problem in (*device.problems, *device.folder_problems(content)):
        log.error("device file: %s", problem.format())
    device = device.safe_folders(content)  # never state or logs inside the content
    config = device.apply(load_config(content))
    try:
        timings = validate_timings(
            config.idle_timeout_s if options.idle_timeout_s is None else options.idle_timeout_s,
            config.warning_s if options.warning_s is None else options.warning_s,
            allow_short=options.windowed,  # short timeouts are for testing in a window only
        )
    except ValueError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 2
    try:  # --hook / $KIOSK_HOOK only: never a content or device file setting
        hooks = load_hooks(hook_names(options.hooks, os.environ))
    except HookError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 2
    state = device.state_dir
    instance = SingleInstance(state / "kiosk.lock")
    try:
        acquired = instance.acquire()
    except OSError as exc:  # an unwritable state folder must not stop the kiosk
        log.error("single-instance lock unavailable (%s); starting anyway", exc)
        acquired = True
    if not acquired:
        print(already_running(instance, device), file=sys.stderr)
        return 3
    logs = device.log_dir
    add_file_log(logs / "kiosk.log")
    events = EventLog(options.event_log or logs / "events.jsonl")
    choices = prepare_environment(config)
    messages = QmlMessages()
    messages.install()
    app = QGuiApplication(sys.argv[:1])
    app.setApplicationName("kiosk")
    families = load_fonts()
    windowed = options.windowed
    events.emit("start", content=str(content), windowed=windowed, fonts=families, **choices)
    try:
        kiosk = Kiosk(
            content,
            events=events,
            timings=timings,
            lockdown=not windowed,
            usage_db=state / "usage.sqlite3",
            pin_guard=PinGuard(state_path=state / "pin-state.json"),
            system={"renderer": choices["scene_graph"], "keyboard": choices["keyboard"]},
            cache_dir=state / "cache",
            last_good_dir=state / "last-good",
            metrics_file=metrics_path(options.metrics_file, device),
            start_later=True,  # content watching and read aloud: after the first frame
            device=device,
            **display_args(options.display),
        )
    except RuntimeError as exc:
        events.emit("fatal", error=str(exc))
        print(f"kiosk: {exc}", file=sys.stderr)
        return 1
    window = kiosk.window
    notifier = Notifier()

    started = process_start()

    def first_frame() -> None:
        events.emit("first_frame", seconds=round(time.monotonic() - started, 3))
        window.frameSwapped.disconnect(first_frame)
        notifier.ready()
        notifier.status(f"showing content {kiosk.backend.content.version}")
        QTimer.singleShot(BACKGROUND_START_MS, kiosk.start_background)

    window.frameSwapped.connect(first_frame)
    if not windowed and not config.kiosk.get("show_cursor"):
        hide_cursor()
    try:
        attached = attach_hooks(hooks, kiosk)  # noqa: F841 (kept alive for the event loop)
    except HookError as exc:
        events.emit("fatal", error=str(exc))
        print(f"kiosk: {exc}", file=sys.stderr)
        kiosk.close()
        instance.release()
        return 2
    kiosk.show(windowed=windowed)
    pinger = start_watchdog(notifier, app)
    stopper = Stopper(app)  # noqa: F841 (kept alive for the event loop)
    code = app.exec()
    events.emit("exit", code=code)
    if kiosk.staff_exit:
        mark_staff_exit()
    notifier.stopping()
    if pinger is not None:
        pinger.stop()
    kiosk.close()
    instance.release()
    if code == RESTART_CODE:
        restart()
    from kiosk.qt import speech

    if speech.stuck():  # a speech engine thread that cannot be joined: skip Qt's teardown
        log.error("exiting without clean-up: a speech engine is stuck")
        logging.shutdown()
        os._exit(code)
    return code


def already_running(instance, device: Device) -> str:
    """Which lock stops this kiosk, and what to do about it."""
    pid = instance.holder_pid()
    who = f"process {pid}" if pid else "another process"
    return (
        f"kiosk: already running: {who} holds the lock {instance.lock_path} in the state "
        f"folder {instance.lock_path.parent}. Stop that kiosk first (on a device: "
        "systemctl stop kiosk), or give this one a state folder of its own ([device] "
        f"state_dir in {device.path}, or --device FILE)."
    )


def metrics_path(chosen: Path | None, device: Device) -> Path:
    """--metrics-file, else the device file's metrics_file, else kiosk.prom in the state
    folder (a device setting: each kiosk of a group has its own)."""
    from kiosk.stats.metrics import default_path

    return chosen or device.metrics_file or default_path(device.state_dir)


def add_file_log(path: Path) -> None:
    """A rotating text log next to the event log, for whoever looks after the device."""
    from logging.handlers import RotatingFileHandler

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError as exc:
        log.error("no log file at %s: %s", path, exc)
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)


def start_watchdog(notifier, app):
    """Ping systemd's watchdog from the GUI thread: a frozen UI stops the pings."""
    from PySide6.QtCore import QTimer

    interval = notifier.watchdog_interval_s()
    if interval is None:
        return None
    timer = QTimer(app)
    timer.setInterval(max(100, int(interval * 1000)))
    timer.timeout.connect(notifier.ping)
    timer.start()
    notifier.ping()
    return timer


def mark_staff_exit() -> None:
    """Leave the marker the boot wrapper looks for: this exit was on purpose."""
    path = os.environ.get(STAFF_EXIT_ENV)
    if not path:
        return
    try:
        Path(path).write_text("staff exit\n", encoding="ascii")
    except OSError as exc:
        log.error("cannot write the staff-exit marker %s: %s", path, exc)


def restart() -> None:
    """Maintenance "Restart": the same process id (systemd keeps tracking it), fresh state."""
    log.info("restarting the kiosk")
    logging.shutdown()
    os.execv(sys.executable, [sys.executable, "-m", "kiosk", *sys.argv[1:]])
