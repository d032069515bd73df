"""Anonymous usage statistics: recording, failure handling, privacy and reports."""

from __future__ import annotations

import csv
import datetime
import inspect
import logging
import shutil
import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from kiosk.stats import usage
from kiosk.stats.usage import (
    MIGRATIONS,
    RETRY_INTERVAL_S,
    SCHEMA_VERSION,
    Report,
    UsageStore,
    format_report,
    report,
    write_csv,
)

REAL_CONNECT = sqlite3.connect


class FakeClock:
    def __init__(self, when: datetime.datetime) -> None:
        self.now = when.timestamp()

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds

    def set(self, when: datetime.datetime) -> None:
        self.now = when.timestamp()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime.datetime(2025, 3, 10, 9, 0, 0))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "state" / "usage.db"


@pytest.fixture
def store(db: Path, clock: FakeClock) -> Iterator[UsageStore]:
    s = UsageStore(db, clock=clock)
    yield s
    s.close()


def rows(path: Path, sql: str) -> list[tuple]:
    conn = REAL_CONNECT(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def make_db(path: Path, clock: FakeClock) -> None:
    store = UsageStore(path, clock=clock)
    store.searched(True)
    store.close()


def one_session(
    store: UsageStore, clock: FakeClock, *, lang: str = "en", reason: str = "idle"
) -> None:
    store.session_started(lang)
    clock.advance(10)
    store.viewed("explainer", "how-it-works")
    store.viewed("explainer_page", "how-it-works", page=1)
    clock.advance(20)
    store.viewed("explainer_page", "how-it-works", page=2)
    store.searched(True)
    store.searched(False)
    store.viewed("question", "is-it-safe")
    clock.advance(30)
    store.session_ended(reason)


# -- recording -------------------------------------------------------------------------


def test_normal_flow(store: UsageStore, db: Path, clock: FakeClock) -> None:
    start = clock.now
    one_session(store, clock)
    assert store.healthy and store.problem == ""
    assert store.dropped_writes == 0
    assert rows(
        db, "SELECT id, started_at, ended_at, duration_s, end_reason, language FROM sessions"
    ) == [(1, start, start + 60, 60.0, "idle", "en")]
    assert rows(db, "SELECT session_id, kind, item_id, page, language, at FROM views") == [
        (1, "explainer", "how-it-works", None, "en", start + 10),
        (1, "explainer_page", "how-it-works", 1, "en", start + 10),
        (1, "explainer_page", "how-it-works", 2, "en", start + 30),
        (1, "question", "is-it-safe", None, "en", start + 30),
    ]
    assert rows(db, "SELECT session_id, at, language, had_results FROM searches") == [
        (1, start + 30, "en", 1),
        (1, start + 30, "en", 0),
    ]


def test_schema_is_versioned(store: UsageStore, db: Path) -> None:
    store.searched(True)
    assert SCHEMA_VERSION == 2 and len(MIGRATIONS) == SCHEMA_VERSION
    assert rows(db, "PRAGMA user_version") == [(2,)]
    tables = {r[0] for r in rows(db, "SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"sessions", "views", "searches", "help_opens"}


def test_a_schema_1_database_gains_help_opens_and_keeps_its_data(db: Path, clock) -> None:
    db.parent.mkdir(parents=True)
    conn = REAL_CONNECT(db, isolation_level=None)
    conn.execute("BEGIN")
    MIGRATIONS[0](conn)
    conn.execute("INSERT INTO sessions (started_at, language) VALUES (1, 'en')")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("COMMIT")
    conn.close()
    assert report(db).help_opens == 0  # a copy from an older kiosk still reports
    store = UsageStore(db, clock=clock)
    store.session_started("es")
    store.help_opened()
    store.close()
    assert rows(db, "PRAGMA user_version") == [(2,)]
    assert rows(db, "SELECT count(*) FROM sessions") == [(2,)]
    assert rows(db, "SELECT language FROM help_opens") == [("es",)]


def test_reopening_keeps_data(db: Path, clock: FakeClock) -> None:
    first = UsageStore(db, clock=clock)
    one_session(first, clock)
    first.close()
    second = UsageStore(db, clock=clock)
    one_session(second, clock)
    second.close()
    assert rows(db, "SELECT count(*) FROM sessions") == [(2,)]
    assert rows(db, "PRAGMA user_version") == [(2,)]


def test_newer_schema_is_left_untouched(db: Path, clock: FakeClock) -> None:
    db.parent.mkdir(parents=True)
    conn = REAL_CONNECT(db)
    conn.execute("PRAGMA user_version = 7")
    conn.close()
    before = db.read_bytes()
    store = UsageStore(db, clock=clock)
    store.session_started("en")
    store.searched(True)
    assert not store.healthy
    assert "newer" in store.problem
    assert db.read_bytes() == before
    assert not list(db.parent.glob("*.corrupt-*"))


def test_language_change_updates_session_and_later_events(
    store: UsageStore, db: Path, clock: FakeClock
) -> None:
    store.session_started("en")
    store.viewed("question", "q1")
    store.language_changed("es")
    store.viewed("question", "q1")
    store.searched(False)
    store.session_ended("start-over")
    # The session counts for the language the person switched to.
    assert rows(db, "SELECT language FROM sessions") == [("es",)]
    assert rows(db, "SELECT language FROM views ORDER BY rowid") == [("en",), ("es",)]
    assert rows(db, "SELECT language FROM searches") == [("es",)]


def test_duration_from_session_record_is_preferred(
    store: UsageStore, db: Path, clock: FakeClock
) -> None:
    store.session_started("en")
    clock.advance(-3600)  # the wall clock was corrected backwards mid-session
    store.session_ended("idle", duration_s=95.5)
    store.session_started("en")
    clock.advance(-3600)
    store.session_ended("idle")  # no monotonic duration: never negative
    assert rows(db, "SELECT duration_s FROM sessions ORDER BY id") == [(95.5,), (0.0,)]


def test_session_started_twice_marks_first_unfinished(
    store: UsageStore, db: Path, clock: FakeClock
) -> None:
    store.session_started("en")
    clock.advance(5)
    store.session_started("es")
    store.session_ended("idle")
    assert rows(db, "SELECT end_reason, duration_s, language FROM sessions ORDER BY id") == [
        ("unfinished", 5.0, "en"),
        ("idle", 0.0, "es"),
    ]


def test_session_ended_without_session_is_ignored(store: UsageStore, db: Path) -> None:
    store.session_ended("idle")
    store.searched(True)
    assert rows(db, "SELECT count(*) FROM sessions") == [(0,)]
    assert store.healthy


def test_events_outside_a_session_have_no_session(store: UsageStore, db: Path) -> None:
    store.viewed("explainer", "x")
    assert rows(db, "SELECT session_id FROM views") == [(None,)]


def test_close_ends_open_session(db: Path, clock: FakeClock) -> None:
    store = UsageStore(db, clock=clock)
    store.session_started("en")
    clock.advance(12)
    store.close()
    assert rows(db, "SELECT end_reason, duration_s FROM sessions") == [("shutdown", 12.0)]


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        (("bogus", "x"), {}),
        (("question", None), {}),
        (("question", ""), {}),
        (("question", "x" * 500), {}),
        (("explainer_page", "x"), {"page": -1}),
        (("explainer_page", "x"), {"page": True}),
        (("explainer_page", "x"), {"page": "2"}),
    ],
)
def test_bad_arguments_are_logged_not_raised(
    store: UsageStore, db: Path, caplog: pytest.LogCaptureFixture, args: tuple, kwargs: dict
) -> None:
    store.searched(True)  # create the database
    with caplog.at_level(logging.ERROR, logger="kiosk.usage"):
        store.viewed(*args, **kwargs)
    assert rows(db, "SELECT count(*) FROM views") == [(0,)]
    assert any(r.name == "kiosk.usage" for r in caplog.records)


def test_unexpected_errors_never_escape(
    store: UsageStore, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def boom(*args: object) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(store, "_write", boom)
    store.session_started("en")
    store.viewed("question", "q")
    store.searched(True)
    store.language_changed("es")
    store.session_ended("idle")
    store.close()
    assert not store.healthy
    assert "RuntimeError" in store.problem
    assert "bug" in caplog.text


# -- privacy ---------------------------------------------------------------------------


def test_searched_takes_no_text() -> None:
    params = list(inspect.signature(UsageStore.searched).parameters)
    assert params == ["self", "had_results"]


def test_search_text_passed_by_mistake_is_not_stored_or_logged(
    store: UsageStore, db: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store.session_started("en")
    with caplog.at_level(logging.DEBUG, logger="kiosk.usage"):
        store.searched("my husband drinks")  # type: ignore[arg-type]
    assert rows(db, "SELECT count(*) FROM searches") == [(0,)]
    assert "husband" not in caplog.text
    assert b"husband" not in db.read_bytes()


def test_database_holds_no_search_words(store: UsageStore, db: Path, clock: FakeClock) -> None:
    typed = ["ketamine", "depression", "pregnant", "overdose"]
    for word in typed:
        # What the Qt layer does per query: search, then record only whether it found anything.
        store.session_started("en")
        store.searched(had_results=word != "pregnant")
        store.viewed("question", "is-it-safe")
        store.session_ended("idle")
    store.close()
    data = b"".join(p.read_bytes() for p in db.parent.iterdir())
    for word in typed:
        assert word.encode() not in data
    assert rows(db, "SELECT had_results FROM searches ORDER BY rowid") == [(1,), (1,), (0,), (1,)]


# -- failures --------------------------------------------------------------------------


def test_corrupt_file_is_set_aside(
    db: Path, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    db.parent.mkdir(parents=True)
    garbage = b"this is not sqlite at all \x00\x01\x02" * 200
    db.write_bytes(garbage)
    store = UsageStore(db, clock=clock)
    with caplog.at_level(logging.WARNING, logger="kiosk.usage"):
        one_session(store, clock)
    store.close()
    assert store.healthy
    aside = db.with_name("usage.db.corrupt-20250310T090000")
    assert aside.read_bytes() == garbage  # kept for inspection, never deleted
    assert rows(db, "SELECT count(*) FROM sessions") == [(1,)]
    assert "corrupt" in caplog.text


def test_trashed_pages_are_set_aside(db: Path, clock: FakeClock) -> None:
    make_db(db, clock)
    with closing(REAL_CONNECT(db)) as conn, conn:
        conn.executemany(
            "INSERT INTO views (kind, item_id, at) VALUES ('question', ?, 0)",
            [(f"question-{i}",) for i in range(300)],
        )
    data = bytearray(db.read_bytes())
    page = 4096
    assert len(data) > 4 * page
    data[2 * page : 4 * page] = b"\xa5" * (2 * page)  # trash two b-tree pages
    db.write_bytes(bytes(data))

    store = UsageStore(db, clock=clock)
    store.searched(True)
    store.close()
    assert store.healthy
    assert len(list(db.parent.glob("usage.db.corrupt-*"))) == 1
    assert rows(db, "SELECT count(*) FROM searches") == [(1,)]  # only the new one
    assert rows(db, "SELECT count(*) FROM views") == [(0,)]


def test_failing_quick_check_is_set_aside(db: Path, clock: FakeClock) -> None:
    """A file that opens and reads but fails PRAGMA quick_check is corrupt too."""
    make_db(db, clock)
    with closing(REAL_CONNECT(db)) as conn, conn:
        conn.executemany(
            "INSERT INTO views (kind, item_id, at) VALUES ('question', ?, 0)",
            [(f"question-{i:04d}",) for i in range(1000)],
        )
    original = db.read_bytes()
    # Flip one byte near the end of each page in turn until quick_check reports a problem
    # as a result row (rather than an exception).
    for page in range(1, len(original) // 4096):
        data = bytearray(original)
        data[page * 4096 + 4000] ^= 0x01
        db.write_bytes(bytes(data))
        with closing(REAL_CONNECT(db)) as conn:
            try:
                result = conn.execute("PRAGMA quick_check").fetchall()
            except sqlite3.DatabaseError:
                continue
        if result != [("ok",)]:
            break
    else:
        pytest.fail("could not produce a quick_check failure")

    store = UsageStore(db, clock=clock)
    store.searched(False)
    store.close()
    assert store.healthy
    aside = db.with_name("usage.db.corrupt-20250310T090000")
    assert aside.read_bytes() == bytes(data)
    assert rows(db, "SELECT had_results FROM searches") == [(0,)]


def test_second_corruption_same_second_gets_its_own_name(db: Path, clock: FakeClock) -> None:
    db.parent.mkdir(parents=True)
    for n in range(2):
        db.write_bytes(b"garbage %d" % n * 100)
        store = UsageStore(db, clock=clock)
        store.searched(True)
        store.close()
    names = sorted(p.name for p in db.parent.glob("usage.db.corrupt-*"))
    assert names == ["usage.db.corrupt-20250310T090000", "usage.db.corrupt-20250310T090000-2"]


def test_directory_that_cannot_be_created(tmp_path: Path, clock: FakeClock) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a regular file")
    store = UsageStore(blocker / "state" / "usage.db", clock=clock)
    one_session(store, clock)  # must not raise
    assert not store.healthy
    assert store.problem.startswith("usage statistics paused")
    assert store.dropped_writes > 0
    clock.advance(RETRY_INTERVAL_S + 1)
    store.searched(True)
    assert not store.healthy
    store.close()


def count_connects(monkeypatch: pytest.MonkeyPatch, replacement=None) -> list[int]:
    calls: list[int] = []

    def connect(*args, **kwargs):
        calls.append(1)
        return (replacement or REAL_CONNECT)(*args, **kwargs)

    monkeypatch.setattr(usage.sqlite3, "connect", connect)
    return calls


def test_readonly_open_failure_then_recovery(
    store: UsageStore, db: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args, **kwargs):
        raise sqlite3.OperationalError("unable to open database file")

    calls = count_connects(monkeypatch, refuse)
    store.session_started("en")
    store.viewed("question", "q1")
    assert not store.healthy
    assert "unable to open database file" in store.problem
    assert len(calls) == 1  # no retry before the interval

    clock.advance(RETRY_INTERVAL_S - 1)
    store.viewed("question", "q2")
    assert len(calls) == 1

    monkeypatch.setattr(usage.sqlite3, "connect", REAL_CONNECT)
    clock.advance(2)
    store.viewed("question", "q3")
    store.session_ended("idle")
    assert store.healthy and store.problem == ""
    # The session row is written late, with its real start time.
    assert rows(db, "SELECT started_at, end_reason FROM sessions") == [
        (clock.now - RETRY_INTERVAL_S - 1, "idle")
    ]
    assert rows(db, "SELECT item_id FROM views ORDER BY rowid") == [("q3",)]


def test_readonly_database_then_recovery(
    db: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_db(db, clock)  # the database exists, then the disk turns read-only

    def read_only(path, *args, **kwargs):
        return REAL_CONNECT(Path(path).resolve().as_uri() + "?mode=ro", *args, uri=True, **kwargs)

    monkeypatch.setattr(usage.sqlite3, "connect", read_only)
    store = UsageStore(db, clock=clock)
    store.session_started("en")
    assert not store.healthy
    assert "readonly" in store.problem

    monkeypatch.setattr(usage.sqlite3, "connect", REAL_CONNECT)
    clock.advance(RETRY_INTERVAL_S + 1)
    store.searched(True)
    assert store.healthy
    store.close()
    assert rows(db, "SELECT count(*) FROM sessions") == [(1,)]
    assert rows(db, "SELECT count(*) FROM searches") == [(2,)]


class FaultyConnection(sqlite3.Connection):
    """A real connection whose writes fail with a chosen error while `fail` is set."""

    fail: str | None = None

    def execute(self, sql: str, params=(), /):  # type: ignore[override]
        if FaultyConnection.fail and sql.lstrip().upper().startswith(("INSERT", "UPDATE")):
            raise sqlite3.OperationalError(FaultyConnection.fail)
        return super().execute(sql, params)


@pytest.fixture
def faulty(monkeypatch: pytest.MonkeyPatch) -> type[FaultyConnection]:
    monkeypatch.setattr(FaultyConnection, "fail", None)
    count_connects(monkeypatch, lambda *a, **kw: REAL_CONNECT(*a, factory=FaultyConnection, **kw))
    return FaultyConnection


@pytest.mark.parametrize(
    "message",
    ["database or disk is full", "attempt to write a readonly database", "disk I/O error"],
)
def test_write_failure_pauses_then_recovers(
    store: UsageStore,
    db: Path,
    clock: FakeClock,
    faulty: type[FaultyConnection],
    caplog: pytest.LogCaptureFixture,
    message: str,
) -> None:
    store.session_started("en")
    store.viewed("question", "before")
    assert store.healthy

    faulty.fail = message
    with caplog.at_level(logging.ERROR, logger="kiosk.usage"):
        store.viewed("question", "during-1")
    assert not store.healthy
    assert message in store.problem
    assert message in caplog.text
    faulty.fail = None  # space freed, but no retry until 30 s have passed
    clock.advance(10)
    store.viewed("question", "during-2")
    assert not store.healthy

    clock.advance(21)
    store.viewed("question", "after")
    store.session_ended("idle")
    assert store.healthy
    assert rows(db, "SELECT item_id FROM views ORDER BY rowid") == [("before",), ("after",)]
    assert rows(db, "SELECT end_reason FROM sessions") == [("idle",)]
    assert store.dropped_writes == 2


def test_really_full_database(store: UsageStore, db: Path, clock: FakeClock) -> None:
    store.searched(True)
    # Cap this connection's file size at its current page count: the next new page fails.
    conn = store._conn
    assert conn is not None
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    conn.execute("PRAGMA synchronous = OFF")  # only to keep the test fast
    for _ in range(2000):
        store.searched(False)
        if not store.healthy:
            break
    assert not store.healthy
    assert "full" in store.problem
    clock.advance(RETRY_INTERVAL_S + 1)
    store.searched(True)  # a new connection, without the cap
    assert store.healthy


def test_locked_database_drops_write_and_continues(
    store: UsageStore, db: Path, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    store.session_started("en")
    other = REAL_CONNECT(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        began = time.monotonic()
        with caplog.at_level(logging.WARNING, logger="kiosk.usage"):
            store.viewed("question", "while-locked")
        assert time.monotonic() - began < 2  # a short busy timeout, the UI is not frozen
        assert not store.healthy
        assert "locked" in store.problem
        assert "locked" in caplog.text
    finally:
        other.execute("ROLLBACK")
        other.close()
    store.viewed("question", "after")  # no 30 s pause for a lock
    assert store.healthy
    store.session_ended("idle")
    assert rows(db, "SELECT item_id FROM views ORDER BY rowid") == [("after",)]


def test_locked_when_opening(db: Path, clock: FakeClock) -> None:
    make_db(db, clock)
    other = REAL_CONNECT(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    store = UsageStore(db, clock=clock)
    try:
        store.searched(True)
        assert not store.healthy and "locked" in store.problem
    finally:
        other.execute("ROLLBACK")
        other.close()
    store.searched(False)
    assert store.healthy
    store.close()
    assert rows(db, "SELECT had_results FROM searches ORDER BY rowid") == [
        (1,),
        (0,),
    ]  # make_db's row, then this one


def test_corruption_found_mid_run(
    store: UsageStore, db: Path, clock: FakeClock, faulty: type[FaultyConnection]
) -> None:
    store.searched(True)
    faulty.fail = "database disk image is malformed"
    store.searched(True)
    faulty.fail = None
    store.searched(False)  # a fresh database straight away
    assert store.healthy
    assert len(list(db.parent.glob("usage.db.corrupt-*"))) == 1
    assert rows(db, "SELECT had_results FROM searches ORDER BY rowid") == [(0,)]


# -- reporting -------------------------------------------------------------------------


def day(d: int, hour: int = 10) -> datetime.datetime:
    return datetime.datetime(2025, 3, d, hour, 0, 0)


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Five ended sessions over three days and one left open; built once, only read."""
    db = tmp_path_factory.mktemp("history") / "usage.db"
    clock = FakeClock(day(10))
    store = UsageStore(db, clock=clock)
    plan = [  # day, language(s), seconds, end reason, explainers, questions, searches
        (10, ["en"], 60, "idle", ["a", "b"], ["q1"], [True, False]),
        (10, ["en", "es"], 120, "start-over", ["a"], ["q1", "q2"], [False]),
        (11, ["es"], 30, "idle", ["a"], [], [True]),
        (12, ["en"], 300, "idle", ["b", "c"], ["q2", "q2"], []),
        (12, ["en"], 90, "content-update", [], ["q3"], [False, True]),
    ]
    for d, langs, seconds, reason, explainers, questions, searches in plan:
        clock.set(day(d))
        store.session_started(langs[0])
        for lang in langs[1:]:
            store.language_changed(lang)
        for e in explainers:
            store.viewed("explainer", e)
            store.viewed("explainer_page", e, page=1)
        for q in questions:
            store.viewed("question", q)
        for had in searches:
            store.searched(had)
        clock.advance(seconds)
        store.session_ended(reason)
    clock.set(day(13))
    store.session_started("en")  # still running (or the power went)
    store.viewed("explainer", "c")
    store._conn.close()  # type: ignore[union-attr]
    return db


def test_report_numbers(history: Path) -> None:
    r = report(history)
    assert r.since is None
    assert r.sessions == 6
    assert r.sessions_per_day == (
        (datetime.date(2025, 3, 10), 2),
        (datetime.date(2025, 3, 11), 1),
        (datetime.date(2025, 3, 12), 2),
        (datetime.date(2025, 3, 13), 1),
    )
    assert r.median_session_s == 90
    assert r.top_explainers == (("a", 3), ("b", 2), ("c", 2))
    assert r.top_questions == (("q2", 3), ("q1", 2), ("q3", 1))
    assert r.reset_reasons == (
        ("idle", 3),
        ("content-update", 1),
        ("start-over", 1),
        ("unfinished", 1),
    )
    assert r.searches == 6
    assert r.no_result_searches == 3
    # s2 switched to Spanish: a session counts for the last language chosen.
    assert r.languages == (("en", 4), ("es", 2))


def test_report_top_limit(history: Path) -> None:
    r = report(history, top=1)
    assert r.top_explainers == (("a", 3),)
    assert r.top_questions == (("q2", 3),)


def test_report_since(history: Path) -> None:
    r = report(history, since=datetime.date(2025, 3, 12))
    assert r.since == datetime.date(2025, 3, 12)
    assert r.sessions == 3
    assert r.sessions_per_day == ((datetime.date(2025, 3, 12), 2), (datetime.date(2025, 3, 13), 1))
    assert r.median_session_s == 195
    assert r.top_explainers == (("c", 2), ("b", 1))
    assert r.top_questions == (("q2", 2), ("q3", 1))
    assert r.reset_reasons == (("content-update", 1), ("idle", 1), ("unfinished", 1))
    assert r.searches == 2
    assert r.no_result_searches == 1
    assert r.languages == (("en", 3),)


def test_report_since_after_everything(history: Path) -> None:
    r = report(history, since=datetime.date(2026, 1, 1))
    assert r == Report(since=datetime.date(2026, 1, 1))


def test_report_is_read_only(history: Path) -> None:
    before = history.read_bytes()
    names = sorted(p.name for p in history.parent.iterdir())
    report(history)
    assert history.read_bytes() == before
    assert sorted(p.name for p in history.parent.iterdir()) == names


def test_report_missing_file_is_empty(tmp_path: Path) -> None:
    missing = tmp_path / "nope" / "usage.db"
    assert report(missing) == Report()
    assert not missing.parent.exists()


def test_report_on_empty_database_file(tmp_path: Path) -> None:
    empty = tmp_path / "usage.db"
    empty.write_bytes(b"")
    assert report(empty, since=datetime.date(2025, 1, 1)) == Report(since=datetime.date(2025, 1, 1))


def test_report_while_kiosk_writes(history: Path, tmp_path: Path, clock: FakeClock) -> None:
    copy = tmp_path / "usage.db"
    shutil.copyfile(history, copy)
    store = UsageStore(copy, clock=clock)
    store.session_started("en")
    r = report(copy)
    store.session_ended("idle")
    store.close()
    assert r.sessions == 7
    assert store.healthy


def test_format_report(history: Path) -> None:
    text = format_report(report(history))
    assert text.startswith("Kiosk usage (all time)\n")
    assert "Sessions:               6" in text
    assert "Median session:         1 min 30 s" in text
    assert "Searches with no result: 3" in text
    assert "  2025-03-10         2" in text
    lines = text.splitlines()
    top = lines.index("Top explainers")
    assert lines[top + 1].split() == ["explainer", "views"]
    assert lines[top + 3].split() == ["a", "3"]
    assert "unfinished" in text
    assert text.endswith("\n")


def test_format_empty_report() -> None:
    text = format_report(Report(since=datetime.date(2025, 1, 1)))
    assert "Kiosk usage (since 2025-01-01)" in text
    assert "Median session:         -" in text
    assert "(none)" in text


def test_write_csv(history: Path, tmp_path: Path) -> None:
    out = tmp_path / "usage.csv"
    write_csv(report(history), out)
    with out.open(newline="", encoding="utf-8") as f:
        table = list(csv.DictReader(f))
    assert set(table[0]) == {"section", "key", "value"}
    by = {(row["section"], row["key"]): row["value"] for row in table}
    assert by["summary", "sessions"] == "6"
    assert by["summary", "median_session_s"] == "90.0"
    assert by["summary", "no_result_searches"] == "3"
    assert by["sessions_per_day", "2025-03-12"] == "2"
    assert by["top_explainers", "a"] == "3"
    assert by["top_questions", "q2"] == "3"
    assert by["reset_reasons", "unfinished"] == "1"
    assert by["languages", "es"] == "2"
    sections = {row["section"] for row in table}
    assert sections == {
        "summary",
        "sessions_per_day",
        "top_explainers",
        "top_questions",
        "reset_reasons",
        "languages",
        "sessions_per_hour",
        "session_lengths",
    }


def test_write_csv_guards_against_spreadsheet_formulas(tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    write_csv(Report(top_questions=(("=cmd()", 1),)), out)
    assert "'=cmd()" in out.read_text(encoding="utf-8")


def test_report_hours_and_lengths(history: Path) -> None:
    r = report(history)
    assert r.sessions_per_hour == ((10, 6),)  # every session in the history starts at 10:00
    assert r.session_lengths == ((30.0, 1), (60.0, 1), (90.0, 1), (120.0, 1), (300.0, 1))
    assert r.help_opens == 0


def test_a_csv_export_reads_back_as_the_same_report(history: Path, tmp_path: Path) -> None:
    full = report(history, top=None)
    out = tmp_path / "kiosk-a.csv"
    write_csv(full, out)
    assert usage.read_csv(out) == full
    assert usage.load_report(out) == usage.load_report(history)


def test_merging_two_kiosks_adds_counts_and_takes_the_median_of_all_sessions(
    history: Path, tmp_path: Path
) -> None:
    other = tmp_path / "kiosk-b.sqlite3"
    clock = FakeClock(day(11, hour=15))
    store = UsageStore(other, clock=clock)
    for seconds in (10, 20, 40):
        store.session_started("es")
        store.viewed("explainer", "a")
        store.help_opened()
        store.searched(False)
        clock.advance(seconds)
        store.session_ended("idle")
    store.close()
    csv_b = tmp_path / "kiosk-b.csv"
    write_csv(report(other, top=None), csv_b)

    merged = usage.merge_reports([usage.load_report(history), usage.load_report(csv_b)])
    assert merged.sessions == 9
    assert merged.sessions_per_day == (
        (datetime.date(2025, 3, 10), 2),
        (datetime.date(2025, 3, 11), 4),
        (datetime.date(2025, 3, 12), 2),
        (datetime.date(2025, 3, 13), 1),
    )
    assert merged.sessions_per_hour == ((10, 6), (15, 3))
    # Lengths 10, 20, 30, 40, 60, 90, 120, 300: the open session has none. Median of eight.
    assert merged.median_session_s == 50.0
    assert merged.top_explainers[0] == ("a", 6)
    assert merged.help_opens == 3
    assert merged.no_result_searches == 3 + 3
    assert dict(merged.languages) == {"en": 4, "es": 5}
    assert dict(merged.reset_reasons)["idle"] == 6


def test_a_file_that_is_not_an_export_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "notes.csv"
    bad.write_text("name,phone\nx,y\n")
    with pytest.raises(ValueError):
        usage.load_report(bad)
