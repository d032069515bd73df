"""Inactivity session state machine: every transition, with a fake clock."""

from __future__ import annotations

import math

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from kiosk.session.inactivity import (
    MIN_IDLE_TIMEOUT_S,
    MIN_WARNING_S,
    Phase,
    ResetRecord,
    Session,
    Timings,
    Transition,
    validate_timings,
)


class FakeClock:
    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def session(clock: FakeClock) -> Session:
    return Session(Timings(idle_timeout_s=120, warning_s=30), clock=clock)


def test_defaults_match_design() -> None:
    assert Timings() == Timings(idle_timeout_s=120, warning_s=30)


def test_starts_on_attract_screen(session: Session) -> None:
    assert session.phase is Phase.ATTRACT
    assert session.started_at is None
    assert session.next_deadline() is None
    assert session.seconds_left() == math.inf
    assert session.tick() is None
    assert session.last_reset is None


def test_start_begins_session(session: Session, clock: FakeClock) -> None:
    session.start()
    assert session.phase is Phase.ACTIVE
    assert session.started_at == clock.now
    assert session.next_deadline() == clock.now + 120
    assert session.seconds_left() == 120


def test_activity_on_attract_does_nothing(session: Session) -> None:
    assert session.activity() is False
    assert session.phase is Phase.ATTRACT
    assert session.started_at is None


def test_start_during_session_is_just_activity(session: Session, clock: FakeClock) -> None:
    session.start()
    began = clock.now
    clock.advance(50)
    session.start()
    assert session.started_at == began
    assert session.next_deadline() == clock.now + 120


def test_warn_after_idle_timeout(session: Session, clock: FakeClock) -> None:
    session.start()
    clock.advance(119.9)
    assert session.tick() is None
    assert session.phase is Phase.ACTIVE
    assert session.seconds_left() == pytest.approx(0.1)
    clock.advance(0.1)
    assert session.tick() is Transition.WARN
    assert session.phase is Phase.WARNING
    assert session.seconds_left() == 30
    assert session.next_deadline() == clock.now + 30
    assert session.tick() is None  # WARN is reported once


def test_reset_after_warning(session: Session, clock: FakeClock) -> None:
    session.start()
    clock.advance(120)
    assert session.tick() is Transition.WARN
    clock.advance(29.5)
    assert session.tick() is None
    assert session.seconds_left() == pytest.approx(0.5)
    clock.advance(0.5)
    assert session.tick() is Transition.RESET
    assert session.phase is Phase.ATTRACT
    assert session.started_at is None
    assert session.last_reset == ResetRecord(reason="idle", session_seconds=150)
    assert session.next_deadline() is None
    assert session.tick() is None


def test_activity_restarts_idle_timer(session: Session, clock: FakeClock) -> None:
    session.start()
    clock.advance(100)
    assert session.activity() is False
    clock.advance(100)
    assert session.tick() is None
    assert session.seconds_left() == 20
    clock.advance(20)
    assert session.tick() is Transition.WARN


def test_tap_during_warning_keeps_session(session: Session, clock: FakeClock) -> None:
    session.start()
    began = clock.now
    clock.advance(120)
    session.tick()
    clock.advance(25)
    assert session.activity() is True
    assert session.phase is Phase.ACTIVE
    assert session.started_at == began  # same session, not a new one
    assert session.next_deadline() == clock.now + 120
    clock.advance(60)
    assert session.tick() is None
    assert session.activity() is False  # a plain tap in ACTIVE is not an "extension"


def test_extensions_are_unlimited(session: Session, clock: FakeClock) -> None:
    session.start()
    for _ in range(200):
        clock.advance(120)
        assert session.tick() is Transition.WARN
        clock.advance(29)
        assert session.activity() is True
    assert session.phase is Phase.ACTIVE
    assert session.last_reset is None


def test_late_tick_still_shows_full_warning(session: Session, clock: FakeClock) -> None:
    session.start()
    clock.advance(120 + 20)  # timer fired 20 s late, but within the warning window
    assert session.tick() is Transition.WARN
    assert session.seconds_left() == 30  # the countdown starts when shown
    clock.advance(29)
    assert session.tick() is None


def test_clock_jump_goes_straight_to_reset(session: Session, clock: FakeClock) -> None:
    session.start()
    clock.advance(3600)  # suspended tablet
    assert session.tick() is Transition.RESET
    assert session.phase is Phase.ATTRACT
    assert session.last_reset == ResetRecord("idle", 3600)


def test_clock_jump_exactly_to_both_deadlines_resets(session: Session, clock: FakeClock) -> None:
    session.start()
    clock.advance(150)
    assert session.tick() is Transition.RESET


def test_clock_jump_during_warning_resets(session: Session, clock: FakeClock) -> None:
    session.start()
    clock.advance(120)
    session.tick()
    clock.advance(10_000)
    assert session.tick() is Transition.RESET


def test_touch_after_jump_does_not_revive_stale_session(session: Session, clock: FakeClock) -> None:
    session.start()
    clock.advance(3600)
    # The touch that wakes the tablet comes before the timer: the old session stays dead.
    assert session.activity() is False
    assert session.set_busy(True) is False
    assert session.busy is False
    assert session.tick() is Transition.RESET


def test_touch_after_jump_in_warning_does_not_revive(session: Session, clock: FakeClock) -> None:
    session.start()
    clock.advance(120)
    session.tick()
    clock.advance(31)
    assert session.activity() is False
    assert session.phase is Phase.WARNING
    assert session.tick() is Transition.RESET


def test_touch_past_idle_deadline_before_tick_extends(session: Session, clock: FakeClock) -> None:
    # Within the warning window a touch is a person who is still there.
    session.start()
    clock.advance(130)
    assert session.activity() is False
    assert session.tick() is None
    assert session.phase is Phase.ACTIVE


def test_clock_going_backwards_does_not_stretch_session(session: Session, clock: FakeClock) -> None:
    session.start()
    clock.advance(-10_000)
    assert session.tick() is None
    clock.advance(120)
    assert session.tick() is Transition.WARN


def test_busy_blocks_idle(session: Session, clock: FakeClock) -> None:
    session.start()
    session.set_busy(True)
    assert session.busy is True
    assert session.next_deadline() is None
    for _ in range(100):
        clock.advance(60)
        assert session.tick() is None
    assert session.phase is Phase.ACTIVE
    assert session.seconds_left() == 120


def test_busy_blocks_idle_even_without_ticks(session: Session, clock: FakeClock) -> None:
    session.start()
    session.set_busy(True)
    clock.advance(10_000)
    assert session.tick() is None
    assert session.phase is Phase.ACTIVE


def test_idle_timer_restarts_when_busy_ends(session: Session, clock: FakeClock) -> None:
    session.start()
    session.set_busy(True)
    clock.advance(500)
    assert session.set_busy(False) is False
    assert session.busy is False
    assert session.next_deadline() == clock.now + 120
    clock.advance(119)
    assert session.tick() is None
    clock.advance(1)
    assert session.tick() is Transition.WARN


def test_set_busy_false_when_not_busy_is_not_activity(session: Session, clock: FakeClock) -> None:
    session.start()
    clock.advance(100)
    session.set_busy(False)
    assert session.next_deadline() == clock.now + 20


def test_busy_during_warning_dismisses_it(session: Session, clock: FakeClock) -> None:
    session.start()
    clock.advance(120)
    session.tick()
    assert session.set_busy(True) is True
    assert session.phase is Phase.ACTIVE
    clock.advance(1000)
    assert session.tick() is None


def test_busy_on_attract_is_ignored(session: Session, clock: FakeClock) -> None:
    assert session.set_busy(True) is False
    assert session.busy is False
    session.start()
    clock.advance(120)
    assert session.tick() is Transition.WARN


def test_reset_clears_busy(session: Session, clock: FakeClock) -> None:
    session.start()
    session.set_busy(True)
    session.reset("start-over")
    assert session.busy is False
    session.start()
    clock.advance(120)
    assert session.tick() is Transition.WARN


@pytest.mark.parametrize("reason", ["idle", "start-over", "maintenance", "content-update"])
def test_explicit_reset(session: Session, clock: FakeClock, reason: str) -> None:
    session.start()
    clock.advance(42)
    record = session.reset(reason)
    assert record == ResetRecord(reason=reason, session_seconds=42)
    assert session.last_reset is record
    assert session.phase is Phase.ATTRACT
    assert session.started_at is None


def test_reset_on_attract_has_no_session_seconds(session: Session) -> None:
    record = session.reset("content-update")
    assert record == ResetRecord("content-update", None)
    assert session.phase is Phase.ATTRACT


def test_reset_from_warning(session: Session, clock: FakeClock) -> None:
    session.start()
    clock.advance(125)
    session.tick()
    assert session.reset("start-over").session_seconds == 125
    assert session.tick() is None


def test_unknown_reset_reason_is_refused(session: Session) -> None:
    session.start()
    with pytest.raises(ValueError, match="unknown reset reason"):
        session.reset("because")
    assert session.phase is Phase.ACTIVE


def test_reset_record_is_frozen() -> None:
    record = ResetRecord("idle", 1.0)
    with pytest.raises(AttributeError):
        record.reason = "x"  # type: ignore[misc]


def test_new_session_after_reset(session: Session, clock: FakeClock) -> None:
    session.start()
    clock.advance(150)
    session.tick()
    clock.advance(5)
    session.start()
    assert session.started_at == clock.now
    clock.advance(10)
    assert session.reset("start-over").session_seconds == 10


def test_set_timings_waits_for_next_activity(session: Session, clock: FakeClock) -> None:
    session.start()
    session.set_timings(Timings(idle_timeout_s=60, warning_s=20))
    assert session.timings == Timings(120, 30)
    clock.advance(100)
    assert session.tick() is None  # old 120 s still applies
    session.activity()
    assert session.timings == Timings(60, 20)
    clock.advance(60)
    assert session.tick() is Transition.WARN
    assert session.seconds_left() == 20


def test_set_timings_does_not_cut_running_warning_short(session: Session, clock: FakeClock) -> None:
    session.start()
    clock.advance(120)
    session.tick()
    session.set_timings(Timings(idle_timeout_s=60, warning_s=20))
    clock.advance(25)
    assert session.tick() is None
    clock.advance(5)
    assert session.tick() is Transition.RESET
    assert session.timings == Timings(60, 20)  # applied by the reset


def test_set_timings_on_attract_applies_at_once(session: Session, clock: FakeClock) -> None:
    session.set_timings(Timings(idle_timeout_s=45, warning_s=20))
    assert session.timings == Timings(45, 20)
    session.start()
    assert session.next_deadline() == clock.now + 45


def test_next_deadline_drives_a_single_timer(session: Session, clock: FakeClock) -> None:
    """The Qt layer's pattern: sleep to next_deadline(), tick(), repeat."""
    session.start()
    transitions = []
    while (deadline := session.next_deadline()) is not None:
        clock.now = deadline
        transitions.append(session.tick())
    assert transitions == [Transition.WARN, Transition.RESET]
    assert session.last_reset == ResetRecord("idle", 150)


def test_seconds_left_never_negative(session: Session, clock: FakeClock) -> None:
    session.start()
    clock.advance(130)
    assert session.seconds_left() == 0
    session.tick()
    clock.advance(40)
    assert session.seconds_left() == 0


def test_validate_timings_accepts_minimums() -> None:
    assert validate_timings(MIN_IDLE_TIMEOUT_S, MIN_WARNING_S, allow_short=False) == Timings(30, 20)
    assert validate_timings(120, 30, allow_short=False) == Timings(120.0, 30.0)


def test_validate_timings_refuses_short_idle() -> None:
    with pytest.raises(ValueError, match="idle timeout of 29 s is too short.*at least 30 s"):
        validate_timings(29, 30, allow_short=False)


def test_validate_timings_refuses_short_warning() -> None:
    with pytest.raises(ValueError, match=r"warning of 19\.5 s is too short.*WCAG 2\.2\.1"):
        validate_timings(120, 19.5, allow_short=False)


def test_validate_timings_allow_short_for_tests() -> None:
    assert validate_timings(0.5, 0.2, allow_short=True) == Timings(0.5, 0.2)


@pytest.mark.parametrize("bad", [0, -1, math.inf, math.nan])
def test_timings_must_be_positive_and_finite(bad: float) -> None:
    with pytest.raises(ValueError):
        validate_timings(bad, 30, allow_short=True)
    with pytest.raises(ValueError):
        Timings(idle_timeout_s=120, warning_s=bad)


def test_timings_must_be_numbers() -> None:
    with pytest.raises(TypeError):
        Timings(idle_timeout_s="120")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Timings(idle_timeout_s=True)


def test_uses_monotonic_clock_by_default() -> None:
    s = Session(Timings())
    s.start()
    assert s.started_at is not None
    assert 119 < s.seconds_left() <= 120


# -- property-based: random event sequences --------------------------------------------

TIMING_CHOICES = [Timings(120, 30), Timings(30, 20), Timings(5, 2), Timings(200, 60)]
TIME_KINDS = st.sampled_from(["small"] * 3 + ["idle"] * 3 + ["warning"] * 3 + ["jump"])


class SessionMachine(RuleBasedStateMachine):
    """Drive a Session with random inputs and clock moves and check its promises.

    Inputs on the attract screen are covered by the unit tests above; here they are left
    out so the runs spend their steps inside sessions.

    The test tracks, from the outside, when the last *accepted* input happened and when the
    warning was shown, then checks every transition against those times.
    """

    @initialize(timings=st.sampled_from(TIMING_CHOICES))
    def setup(self, timings: Timings) -> None:
        self.clock = FakeClock(0.0)
        self.s = Session(timings, clock=self.clock)
        self.last_input: float | None = None
        self.warn_at: float | None = None
        self.started: float | None = None
        self.last_tick: float | None = None

    def _overdue(self) -> bool:
        deadline = self.s.next_deadline()
        if deadline is None:
            return False
        if self.s.phase is Phase.WARNING:
            return self.clock.now >= deadline
        return self.clock.now >= deadline + self.s.timings.warning_s

    def _input(self) -> None:
        if self.s.phase is not Phase.ATTRACT and not self._overdue():
            self.last_input = self.clock.now
            if self.s.phase is Phase.WARNING:
                self.warn_at = None

    def _dt(self, kind: str, n: int) -> float:
        # Quarter seconds and fractions of whole-second timings keep the arithmetic exact,
        # so deadlines are hit exactly, just missed and overshot.
        t = self.s.timings
        if kind == "small":
            return n / 4
        if kind == "idle":
            return t.idle_timeout_s * n / 4
        if kind == "warning":
            return t.warning_s * n / 4
        return 1000.0 * (n + 1)  # a suspended tablet

    @rule(kind=TIME_KINDS, n=st.sampled_from([1, 2, 3, 4, 5, 6, 0]))
    def wait(self, kind: str, n: int) -> None:
        self.clock.advance(self._dt(kind, n))

    @precondition(lambda self: self.s.phase is not Phase.ATTRACT)
    @rule(kind=TIME_KINDS, n=st.sampled_from([1, 2, 3, 4, 5, 6, 0]))
    def wait_then_tick(self, kind: str, n: int) -> None:
        self.clock.advance(self._dt(kind, n))
        self.tick()

    @rule()
    def start(self) -> None:
        was = self.s.phase
        self._input()
        self.s.start()
        if was is Phase.ATTRACT:
            self.last_input = self.started = self.clock.now
            self.warn_at = None

    @precondition(lambda self: self.s.phase is not Phase.ATTRACT)
    @rule()
    def activity(self) -> None:
        was = self.s.phase
        self._input()
        extended = self.s.activity()
        if extended:
            assert was is Phase.WARNING and self.s.phase is Phase.ACTIVE
        if was is Phase.ATTRACT:
            assert self.s.phase is Phase.ATTRACT

    @precondition(lambda self: self.s.phase is not Phase.ATTRACT)
    @rule(flag=st.booleans())
    def busy(self, flag: bool) -> None:
        was_busy = self.s.busy
        if flag or was_busy:
            self._input()
        self.s.set_busy(flag)

    @rule(timings=st.sampled_from(TIMING_CHOICES))
    def set_timings(self, timings: Timings) -> None:
        self.s.set_timings(timings)

    @precondition(lambda self: self.s.phase is not Phase.ATTRACT)
    @rule(reason=st.sampled_from(["start-over", "maintenance", "content-update"]))
    def reset(self, reason: str) -> None:
        record = self.s.reset(reason)
        assert record.reason == reason
        if self.started is None:
            assert record.session_seconds is None
        else:
            assert record.session_seconds == pytest.approx(self.clock.now - self.started)
        self.started = self.last_input = self.warn_at = None

    @precondition(lambda self: self.s.phase is not Phase.ATTRACT)
    @rule()
    def tick(self) -> None:
        now = self.clock.now
        was, busy, t = self.s.phase, self.s.busy, self.s.timings
        result = self.s.tick()
        if was is Phase.ACTIVE and busy:
            assert result is None
            self.last_input = now
        elif result is Transition.WARN:
            assert was is Phase.ACTIVE and self.last_input is not None
            assert now - self.last_input >= t.idle_timeout_s
            assert now - self.last_input < t.idle_timeout_s + t.warning_s
            self.warn_at = now
        elif result is Transition.RESET:
            assert self.last_input is not None and self.started is not None
            if was is Phase.WARNING:
                # The warning was on screen for the full countdown.
                assert self.warn_at is not None and now - self.warn_at >= t.warning_s
            else:
                # No warning shown: only allowed when the clock jumped past both deadlines
                # with no tick in the warning window.
                assert was is Phase.ACTIVE
                assert now - self.last_input >= t.idle_timeout_s + t.warning_s
                assert self.last_tick is None or self.last_tick < self.last_input + (
                    t.idle_timeout_s
                )
            assert self.s.last_reset == ResetRecord("idle", pytest.approx(now - self.started))
            self.started = self.last_input = self.warn_at = None
        else:
            # Nothing due was missed.
            if was is Phase.ACTIVE and self.last_input is not None:
                assert now - self.last_input < t.idle_timeout_s
            if was is Phase.WARNING and self.warn_at is not None:
                assert now - self.warn_at < t.warning_s
        self.last_tick = now

    @invariant()
    def consistent(self) -> None:
        if not hasattr(self, "s"):
            return
        s = self.s
        assert s.phase in Phase
        assert (s.started_at is None) == (s.phase is Phase.ATTRACT)
        assert not s.busy or s.phase is Phase.ACTIVE
        left = s.seconds_left()
        assert left >= 0
        if s.phase is Phase.ATTRACT:
            assert left == math.inf and s.next_deadline() is None
        elif s.phase is Phase.WARNING:
            assert left <= s.timings.warning_s
        else:
            assert left <= s.timings.idle_timeout_s
        if s.phase is Phase.ACTIVE and s.busy:
            assert s.next_deadline() is None


TestSessionMachine = SessionMachine.TestCase
TestSessionMachine.settings = settings(max_examples=100, stateful_step_count=40, deadline=None)


def test_validate_timings_clamps_what_qt_timers_cannot_hold() -> None:
    # 2,200,000 s overflowed QTimer.start, so the idle reset never ran.
    timings = validate_timings(2_200_000, 10**9, allow_short=False)
    assert timings == Timings(3600, 600)


def test_speech_that_stalled_counts_as_idle_from_its_last_progress(
    session: Session, clock: FakeClock
) -> None:
    session.start()
    session.set_busy(True)
    progress = clock.now + 5  # the last sign of progress
    clock.now += 200  # "speaking" for ever after that
    assert session.tick() is None  # busy: no warning yet
    session.set_busy(False, idle_since=progress)
    # 195 s idle since the last progress: past the 120 s timeout, within the 30 s warning?
    # No: past both (120 + 30 < 195), so the next tick resets at once.
    assert session.tick() is Transition.RESET


def test_a_read_that_stalled_just_now_gives_the_full_warning_in_time(
    session: Session, clock: FakeClock
) -> None:
    session.start()
    session.set_busy(True)
    clock.now += 10
    session.set_busy(False, idle_since=clock.now - 4)  # no progress for 4 s
    assert session.next_deadline() == clock.now - 4 + 120
    clock.now += 116
    assert session.tick() is Transition.WARN
