"""Maintenance mode: the staff PIN pad and the maintenance screen's data and actions.

Opened by the hidden corner gesture. The PIN is checked against the scrypt hash in
kiosk.toml through a PinGuard (five wrong tries lock the pad, longer each time, across restarts). The screen
shows what `kiosk check` would report for the content folder on disk, the running content
version and when it was loaded, a week of usage, and offers reload, restart and exit.
Checks and reports run on a worker thread so the UI never stalls on a large folder; what
they found reaches QML as a MaintenanceStatus (kiosk/qt/maintenance_status.py).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk import __version__
from kiosk.check.problems import has_errors
from kiosk.qt.maintenance_status import (
    FolderCheck,
    MaintenanceStatus,
    Running,
    folder_check,
    usage_week,
)
from kiosk.stats import usage
from kiosk.stats.events import EventLog
from kiosk.system.pin import PinGuard, PinResult

if TYPE_CHECKING:
    from kiosk.content.model import Catalog
    from kiosk.search.index import SearchIndex

log = logging.getLogger("kiosk.maintenance")

EXIT_CODE = 0
RESTART_CODE = 75  # run() re-executes the kiosk when the event loop ends with this code


def _clock_time(seconds: float) -> str:
    return dt.datetime.fromtimestamp(seconds).strftime("%Y-%m-%d %H:%M")


QML_IMPORT_NAME = "KioskCore"
QML_IMPORT_MAJOR_VERSION = 1


@dataclass(frozen=True)
class KioskLinks:
    """What the maintenance screen needs from the running kiosk, and nothing more."""

    pin_hash: Callable[[], str]  # the device's PIN hash, read afresh (never the content's)
    start_staff: Callable[[], None]  # a staff session: the idle timeout applies
    apply_content: Callable[..., None]  # (catalog, index, reason=...): start over on it
    content_version: Callable[[], str]  # the content on screen
    content_note: Callable[[], str]  # why it is not the content folder ("" when it is)
    reset_done: Any  # the signal a reset emits (the screens close)
    usage_store: Any = None  # kiosk.usage.UsageStore, when statistics are kept
    last_good_dir: Path | None = None


@QmlElement
@QmlUncreatable("the kiosk makes its maintenance screen's backend")
class Maintenance(QObject):  # type: ignore[operator]  # (the stub: a class, not a decorator)
    changed = Signal()
    # Worker thread -> UI thread.
    _checked = Signal(object)
    _reloaded = Signal(object, object)

    def __init__(
        self,
        links: KioskLinks,
        events: EventLog,
        *,
        content: Path,
        usage_db: Path | None,
        quit: Callable[[int], None],
        guard: PinGuard | None = None,
        system: dict[str, str] | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._links = links
        self._events = events
        self._content = content
        self._usage_db = usage_db
        self._quit = quit
        self._guard = guard or PinGuard()
        self._system = dict(system or {})
        self._started = time.time()
        self._loaded_at = time.time()
        self._releases: dict[str, str] = {}  # content version -> release marker, as loaded
        self._pad_open = False
        self._open = False
        self._message = ""
        self._status = MaintenanceStatus(self)
        self._busy = False
        self._worker: threading.Thread | None = None  # the check or reload in progress
        self._closing = False
        self._lock_timer = QTimer(self)
        self._lock_timer.setInterval(1000)
        self._lock_timer.timeout.connect(self._tick_lock)
        self._checked.connect(self._on_checked)
        self._reloaded.connect(self._on_reloaded)
        links.reset_done.connect(self._on_reset)
        if self._guard.locked:  # still locked from before a restart: staff should know why
            events.emit("pin_locked", seconds=round(self._guard.locked_seconds_left()), at="start")

    # -- what QML reads --------------------------------------------------------------------
    @Property(bool, notify=changed)
    def pinPadOpen(self) -> bool:  # noqa: N802 (QML API)
        return self._pad_open

    @Property(bool, notify=changed)
    def open(self) -> bool:
        return self._open

    @Property(bool, notify=changed)
    def pinSet(self) -> bool:  # noqa: N802
        return bool(self._pin_hash())

    @Property(str, notify=changed)
    def message(self) -> str:
        """A strings.toml key for the pad or screen: pin_wrong, pin_locked, maint_reload_done..."""
        return self._message

    @Property(int, notify=changed)
    def attemptsLeft(self) -> int:  # noqa: N802
        return self._guard.attempts_left

    @Property(int, notify=changed)
    def lockedSeconds(self) -> int:  # noqa: N802
        return int(round(self._guard.locked_seconds_left() + 0.49))

    @Property(bool, notify=changed)
    def busy(self) -> bool:
        return self._busy

    @Property(MaintenanceStatus, constant=True)
    def status(self) -> MaintenanceStatus:
        """The last check of the content folder, with the running kiosk's state then."""
        return self._status

    # -- PIN pad -----------------------------------------------------------------------------
    def _pin_hash(self) -> str:
        return self._links.pin_hash()  # the device's, never the content's

    @Slot()
    def openPinPad(self) -> None:  # noqa: N802
        if self._open or self._pad_open:
            return
        # A staff session: the idle timeout applies, so an abandoned pad closes by itself.
        self._links.start_staff()
        self._pad_open = True
        self._message = "" if self._pin_hash() else "pin_not_set"
        if self._guard.locked:
            self._message = "pin_locked"
            self._lock_timer.start()
        self._events.emit("pin_pad_opened")
        self.changed.emit()

    @Slot()
    def cancelPin(self) -> None:  # noqa: N802
        self._close_pad()
        self.changed.emit()

    def _close_pad(self) -> None:
        self._pad_open = False
        self._message = ""
        self._lock_timer.stop()

    @Slot(str)
    def submitPin(self, pin: str) -> None:  # noqa: N802
        """Never logs or keeps the PIN; only the outcome is recorded."""
        encoded = self._pin_hash()
        if not self._pad_open or not encoded:
            return
        result = self._guard.try_pin(pin, encoded)
        if result is PinResult.OK:
            self.open_screen()
            return
        elif result is PinResult.LOCKED or self._guard.locked:
            self._message = "pin_locked"
            self._lock_timer.start()
            if result is PinResult.WRONG:
                self._events.emit("pin_locked", seconds=round(self._guard.locked_seconds_left()))
        else:
            self._message = "pin_wrong"
            self._events.emit("pin_wrong", attempts_left=self._guard.attempts_left)
        self.changed.emit()

    def _tick_lock(self) -> None:
        if not self._guard.locked:
            self._lock_timer.stop()
            self._message = ""
        self.changed.emit()

    # -- the maintenance screen --------------------------------------------------------------
    def open_screen(self) -> None:
        """After the right PIN (and for `kiosk snapshot`); deliberately not a QML slot."""
        self._close_pad()
        self._open = True
        self._events.emit("maintenance_opened")
        self.changed.emit()
        self.refresh()

    def wait_idle(self, timeout_s: float = 30.0) -> bool:
        """Process events until the background check is done (snapshot and tests)."""
        from kiosk.qt.waiting import process_events_until

        return process_events_until(lambda: not self._busy, timeout_s)

    @Slot()
    def close(self) -> None:
        if self._open:
            self._events.emit("maintenance_closed")
        self._open = False
        self._close_pad()
        self.changed.emit()

    @Slot()
    def refresh(self) -> None:
        if self._busy:
            return
        store = self._links.usage_store
        if store is not None:
            store.verify()  # the screen must tell the truth about the statistics file
        self._set_busy(True)
        self._start_worker(self._check, "maintenance-check")

    @Slot()
    def reloadContent(self) -> None:  # noqa: N802
        if self._busy:
            return
        self._set_busy(True)
        self._message = ""
        self._start_worker(self._reload, "maintenance-reload")

    @Slot()
    def exitKiosk(self) -> None:  # noqa: N802
        self._events.emit("maintenance_exit")
        self._quit(EXIT_CODE)

    @Slot()
    def restartKiosk(self) -> None:  # noqa: N802
        self._events.emit("maintenance_restart")
        self._quit(RESTART_CODE)

    def _start_worker(self, target, name: str) -> None:
        self._worker = threading.Thread(target=target, name=name, daemon=True)
        self._worker.start()

    def shutdown(self, timeout_s: float = 30.0) -> None:
        """Before the kiosk deletes this object: let a check or reload in progress finish,
        so it never reports to an object that is gone (that crashed the process)."""
        self._closing = True
        if self._worker is not None:
            self._worker.join(timeout_s)
            if self._worker.is_alive():
                log.warning("maintenance check still running at close")

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.changed.emit()

    # -- worker thread -------------------------------------------------------------------------
    def _check(self) -> None:
        from kiosk.content import load_catalog  # Markdown and YAML: not before the first frame

        try:
            catalog = load_catalog(self._content)  # with reading levels, as kiosk check does
            folder = folder_check(catalog, usage_week(self._usage_db))
        except Exception as exc:  # the screen reports it; the kiosk keeps going
            log.exception("maintenance check failed")
            folder = FolderCheck(failure=str(exc))
        if not self._closing:
            self._checked.emit(folder)

    def _reload(self) -> None:
        from kiosk.content import load_catalog
        from kiosk.search.index import SearchIndex

        result: tuple[Catalog | None, SearchIndex | str | None]
        try:
            catalog = load_catalog(self._content)
            index = None if has_errors(catalog.problems) else SearchIndex(catalog)
            last_good = self._links.last_good_dir
            if index is not None and last_good is not None:
                from kiosk.content.last_good import keep

                keep(self._content, last_good, catalog.version)  # for the next start
            result = (catalog, index)
        except Exception as exc:
            log.exception("maintenance reload failed")
            result = (None, str(exc))
        if not self._closing:
            self._reloaded.emit(*result)

    # -- back on the UI thread ---------------------------------------------------------------
    def _on_checked(self, folder: FolderCheck) -> None:
        self._status.show(self._running(), folder)
        self._set_busy(False)

    def _on_reloaded(self, catalog, index) -> None:
        self._set_busy(False)
        if catalog is None:
            self._message = "maint_reload_failed"
        elif index is None:
            self._message = "maint_reload_refused"
            self._events.emit("content_rejected", version=catalog.version, by="maintenance")
            self._on_checked(folder_check(catalog, usage_week(self._usage_db)))
        else:
            self._links.apply_content(catalog, index, reason="maintenance")
            self._links.start_staff()  # the screen stays open, under the idle timeout
            self._message = "maint_reload_done"
            self._on_checked(folder_check(catalog, usage_week(self._usage_db)))
        self.changed.emit()

    def _running(self) -> Running:
        store = self._links.usage_store
        stats = "ok" if store is None or store.healthy else f"paused: {store.problem}"
        if store is not None and store.last_set_aside:
            stats += f" (a damaged file was set aside as {store.last_set_aside})"
        # Labels are strings.toml keys (maint_sys_*); values are technical and stay as they are.
        system = {
            "version": __version__,
            "since": f"{_clock_time(self._started)} ({usage.format_duration(time.time() - self._started)})",
            "stats": stats if store is not None else "off",
            **self._system,
            "release": self._releases.get(self._links.content_version()) or "-",
        }
        note = self._links.content_note()
        if note:
            system["content"] = note
        system["pin"] = self._pin_state()
        return Running(
            version=self._links.content_version(),
            loaded_at=_clock_time(self._loaded_at),
            system=tuple({"label": "maint_sys_" + k, "value": v} for k, v in system.items()),
        )

    def _pin_state(self) -> str:
        guard = self._guard
        if guard.locked:
            text = f"locked for {round(guard.locked_seconds_left())} s after wrong PINs"
        elif guard.attempts_left < guard.max_attempts:
            text = f"{guard.max_attempts - guard.attempts_left} wrong PIN(s) in a row"
        else:
            text = "ok"
        if guard.lockouts_before_ok:
            text += f"; locked {guard.lockouts_before_ok} time(s) before this login"
        return f"{text}; {guard.problem}" if guard.problem else text

    def on_event(self, record: dict[str, Any]) -> None:
        """An event-log listener (the Kiosk attaches it): notes when content was loaded."""
        event = record.get("event")
        if event in ("content_loaded", "content_ready"):
            self._releases[str(record.get("version"))] = str(record.get("release") or "")
        if event == "content_loaded" or (
            event == "reset" and record.get("reason") in ("content-update", "maintenance")
        ):
            self._loaded_at = time.time()

    def _on_reset(self, reason: str) -> None:
        # Idle or "start over" ends maintenance; a reload from this screen keeps it open.
        if reason != "maintenance" and (self._open or self._pad_open):
            self.close()
