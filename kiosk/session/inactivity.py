"""The inactivity session: attract screen -> active -> "Still there?" warning -> reset.

Pure Python with an injected clock so tests (and the Qt layer) drive time explicitly.
The Qt layer forwards every input event to `activity()`, starts read-aloud with
`set_busy(True)`, and calls `tick()` from a single timer scheduled at `next_deadline()`.
"""

from __future__ import annotations

import enum
import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.content.config import (  # one source for the limits
    MAX_IDLE_TIMEOUT_S,
    MAX_WARNING_S,
    MIN_IDLE_TIMEOUT_S,
    MIN_WARNING_S,
)

# WCAG 2.2.1 (Timing Adjustable): a user must get at least 20 s to ask for more time.

RESET_REASONS = frozenset({"idle", "start-over", "maintenance", "content-update"})


class Phase(enum.Enum):
    ATTRACT = "attract"
    ACTIVE = "active"
    WARNING = "warning"


class Transition(enum.Enum):
    WARN = "warn"
    RESET = "reset"


@dataclass(frozen=True)
class Timings:
    idle_timeout_s: float = 120
    warning_s: float = 30

    def __post_init__(self) -> None:
        # Even test timings must be positive and finite, or the deadlines are meaningless.
        for name in ("idle_timeout_s", "warning_s"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise TypeError(f"{name} must be a number of seconds, got {value!r}")
            if not math.isfinite(value) or value <= 0:
                raise ValueError(f"{name} must be a positive number of seconds, got {value!r}")


@dataclass(frozen=True)
class ResetRecord:
    reason: str
    # Seconds from start() to the reset, None if the reset happened on the attract screen.
    session_seconds: float | None


def validate_timings(idle: float, warning: float, *, allow_short: bool) -> Timings:
    """Build Timings, refusing values under the accessibility minimums unless allow_short.

    allow_short exists for tests and demos only; a clinic's kiosk.toml must never use it.
    """
    if not allow_short:
        if idle < MIN_IDLE_TIMEOUT_S:
            raise ValueError(
                f"idle timeout of {idle:g} s is too short: it must be at least "
                f"{MIN_IDLE_TIMEOUT_S} s so people can read a page"
            )
        if warning < MIN_WARNING_S:
            raise ValueError(
                f"warning of {warning:g} s is too short: it must be at least {MIN_WARNING_S} s "
                "so people can ask for more time (WCAG 2.2.1)"
            )
    # Clamped, whatever the caller passed: Qt's timers overflow past about 24 days.
    # (inf and nan stay as they are: Timings refuses them.)
    idle = min(float(idle), MAX_IDLE_TIMEOUT_S) if math.isfinite(idle) else idle
    warning = min(float(warning), MAX_WARNING_S) if math.isfinite(warning) else warning
    return Timings(idle_timeout_s=idle, warning_s=warning)


class Session:
    """Inactivity state machine. All times are readings of the injected clock, in seconds."""

    def __init__(self, timings: Timings, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._timings = timings
        self._pending: Timings | None = None
        self._phase = Phase.ATTRACT
        self._started_at: float | None = None
        self._last_activity = 0.0
        self._warning_at = 0.0
        self._busy = False
        self.last_reset: ResetRecord | None = None

    # -- read-only state -------------------------------------------------------------

    @property
    def phase(self) -> Phase:
        return self._phase

    @property
    def timings(self) -> Timings:
        """The timings in force (a pending set_timings() shows up after the next activity)."""
        return self._timings

    @property
    def started_at(self) -> float | None:
        return self._started_at

    @property
    def busy(self) -> bool:
        return self._busy

    def seconds_left(self) -> float:
        """Seconds to the reset in WARNING, to the warning in ACTIVE, inf on ATTRACT."""
        now = self._clock()
        if self._phase is Phase.WARNING:
            left = self._warning_at + self._timings.warning_s - now
            return min(max(0.0, left), float(self._timings.warning_s))
        if self._phase is Phase.ACTIVE:
            if self._busy:
                return float(self._timings.idle_timeout_s)
            left = self._last_activity + self._timings.idle_timeout_s - now
            # Clamped: float rounding must never show more than the full timeout.
            return min(max(0.0, left), float(self._timings.idle_timeout_s))
        return math.inf

    def next_deadline(self) -> float | None:
        """Clock time at which tick() will next return a transition, None if nothing is due.

        None on the attract screen and while busy: call again after set_busy(False).
        """
        if self._phase is Phase.WARNING:
            return self._warning_at + self._timings.warning_s
        if self._phase is Phase.ACTIVE and not self._busy:
            return self._last_activity + self._timings.idle_timeout_s
        return None

    # -- inputs ------------------------------------------------------------------------

    def set_timings(self, timings: Timings) -> None:
        """Use new timings from the next activity, so a running countdown is never cut short."""
        if self._phase is Phase.ATTRACT:
            self._timings = timings  # no timer is running: nothing to disturb
            self._pending = None
        else:
            self._pending = timings

    def start(self) -> None:
        """A touch on the attract screen begins a session; elsewhere it is just activity."""
        if self._phase is not Phase.ATTRACT:
            self.activity()
            return
        now = self._clock()
        self._apply_pending()
        self._phase = Phase.ACTIVE
        self._started_at = now
        self._last_activity = now

    def activity(self) -> bool:
        """User input. Returns True when it dismissed the warning (the session was extended)."""
        if self._phase is Phase.ATTRACT:
            return False
        now = self._clock()
        if self._overdue(now):
            # A session that should already have been reset (e.g. the tablet slept) must not
            # be revived by the next person's touch: leave it for tick() to reset.
            return False
        self._apply_pending()
        self._last_activity = now
        if self._phase is Phase.WARNING:
            self._phase = Phase.ACTIVE
            return True
        return False

    def set_busy(self, flag: bool, *, idle_since: float | None = None) -> bool:
        """Read-aloud started/stopped. Busy counts as continuous activity.

        `idle_since` (with flag False): speech that stopped making progress at that clock
        time counts as idle from then, not as activity now, so a stuck read cannot hold
        a session open. Returns True when becoming busy dismissed the warning.
        """
        if self._phase is Phase.ATTRACT:
            self._busy = False
            return False
        now = self._clock()
        if self._overdue(now):
            # Speech must not revive a session that is already due for reset.
            return False
        if not flag and self._busy and idle_since is not None:
            self._busy = False
            self._last_activity = max(self._last_activity, min(idle_since, now))
            return False
        # Both edges count as activity: the idle timer restarts when speech ends.
        extended = self.activity() if (flag or self._busy) else False
        self._busy = bool(flag)
        return extended

    def tick(self) -> Transition | None:
        """Advance on the clock. Returns the transition that just happened, if any."""
        now = self._clock()
        if self._phase is Phase.ATTRACT:
            return None
        if self._phase is Phase.ACTIVE and self._busy:
            # Busy counts as activity through set_busy: when it ends, it is activity then
            # (or, for speech that stalled, at its last progress).
            return None
        # A clock that went backwards must not stretch the session: restart timers from now.
        self._last_activity = min(self._last_activity, now)
        self._warning_at = min(self._warning_at, now)
        if self._overdue(now):
            # Both deadlines passed at once (suspended tablet): reset, skip the warning.
            self._do_reset("idle", now)
            return Transition.RESET
        if (
            self._phase is Phase.ACTIVE
            and now >= self._last_activity + self._timings.idle_timeout_s
        ):
            self._phase = Phase.WARNING
            # The countdown starts when it is shown, so a late tick never shortens it.
            self._warning_at = now
            return Transition.WARN
        return None

    def reset(self, reason: str) -> ResetRecord:
        """Explicit reset back to the attract screen (also clears busy and pending timings)."""
        if reason not in RESET_REASONS:
            raise ValueError(f"unknown reset reason {reason!r}; use one of {sorted(RESET_REASONS)}")
        return self._do_reset(reason, self._clock())

    # -- internals ---------------------------------------------------------------------

    def _overdue(self, now: float) -> bool:
        """True when the reset deadline has passed, whether or not the warning was shown."""
        t = self._timings
        if self._phase is Phase.WARNING:
            return now >= self._warning_at + t.warning_s
        if self._phase is Phase.ACTIVE and not self._busy:
            return now >= self._last_activity + t.idle_timeout_s + t.warning_s
        return False

    def _apply_pending(self) -> None:
        if self._pending is not None:
            self._timings = self._pending
            self._pending = None

    def _do_reset(self, reason: str, now: float) -> ResetRecord:
        seconds = None if self._started_at is None else max(0.0, now - self._started_at)
        record = ResetRecord(reason=reason, session_seconds=seconds)
        self._phase = Phase.ATTRACT
        self._started_at = None
        self._busy = False
        self._apply_pending()
        self.last_reset = record
        return record
