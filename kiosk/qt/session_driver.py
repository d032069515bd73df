"""Drives the pure session state machine with Qt timers and applies its transitions.

One single-shot timer aims at the session's next deadline, so an idle kiosk wakes up only
when something is due; the countdown ticks once a second only while the warning shows.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QObject, QTimer

from kiosk.content.model import Catalog
from kiosk.search.index import SearchIndex
from kiosk.session.inactivity import Phase, Session, Transition
from kiosk.stats.events import EventLog

# QTimer takes an int of milliseconds: beyond 2**31-1 it overflows and never fires. A far
# deadline is aimed at in steps (an early wake-up only reschedules).
MAX_TIMER_MS = 24 * 3600 * 1000


class SessionDriver(QObject):
    def __init__(self, session: Session, backend, events: EventLog, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.backend = backend
        self.events = events
        # (catalog, index) waiting for the next reset
        self.pending_content: tuple[Catalog, SearchIndex] | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._due)
        backend.navigation.startRequested.connect(self.start)
        backend.session.startOverRequested.connect(lambda: self.reset("start-over"))
        backend.session.moreTimeRequested.connect(self.activity)

    # -- input -----------------------------------------------------------------------------
    def start(self, *, staff: bool = False) -> None:
        if self.session.phase is Phase.ATTRACT:
            self.session.start()
            self.backend.session.set_state("active", 0)
            extra = {"staff": True} if staff else {}
            self.events.emit("session_start", language=self.backend.preferences.language, **extra)
            self._schedule()

    def start_staff(self) -> None:
        """Maintenance starts a session too, so the idle timeout closes an abandoned pad;
        it is marked so usage statistics leave it out."""
        self.start(staff=True)

    def activity(self) -> None:
        if self.session.phase is Phase.ATTRACT:
            return
        extended = self.session.activity()
        if extended:
            self.events.emit("session_extended")
            self.backend.session.set_state("active", 0)
            self._schedule()

    def set_busy(self, busy: bool, since: float | None = None) -> None:
        """Read-aloud in progress keeps the session alive; `since`: when it last made
        progress (a stalled read counts as idle from then)."""
        if self.session.set_busy(
            busy, idle_since=since
        ):  # speech started during the warning: it is dismissed
            self.backend.session.set_state("active", 0)
        self._schedule()

    # -- time ------------------------------------------------------------------------------
    def _schedule(self) -> None:
        if self.session.phase is Phase.WARNING:
            self.timer.start(
                1000
                if self.session.seconds_left() > 1
                else max(0, int(self.session.seconds_left() * 1000))
            )
            return
        deadline = self.session.next_deadline()
        if deadline is None:
            self.timer.stop()
            return
        delay = max(0.0, deadline - time.monotonic())
        self.timer.start(min(int(math.ceil(delay * 1000)) + 5, MAX_TIMER_MS))

    def _due(self) -> None:
        transition = self.session.tick()
        if transition is Transition.WARN:
            self.events.emit("idle_warning", seconds=round(self.session.seconds_left()))
        if transition is Transition.RESET:
            record = self.session.last_reset
            self._apply_reset("idle", record.session_seconds if record else None)
            return
        if self.session.phase is Phase.WARNING:
            self.backend.session.set_state("warning", math.ceil(self.session.seconds_left()))
        self._schedule()

    # -- reset -----------------------------------------------------------------------------
    def reset(self, reason: str) -> None:
        record = self.session.reset(reason)
        self._apply_reset(reason, record.session_seconds)

    def _apply_reset(self, reason: str, session_seconds: float | None) -> None:
        self.timer.stop()
        self.backend.session.set_state("attract", 0)
        catalog, index = self.pending_content or (None, None)
        self.pending_content = None
        took = self.backend.reset(reason, catalog, index)
        self.events.emit(
            "reset",
            reason=reason,
            session_s=round(session_seconds or 0, 1),
            ms=round(took * 1000, 1),
            content_version=self.backend.content.version,
        )

    def offer_content(self, catalog, index) -> None:
        """New content is ready: apply it now if nobody is using the kiosk, else at reset."""
        self.pending_content = (catalog, index)
        if self.session.phase is Phase.ATTRACT:
            self._apply_reset("content-update", None)

    def stop(self) -> None:
        self.timer.stop()
