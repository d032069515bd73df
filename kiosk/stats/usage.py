"""Anonymous usage counts in SQLite: sessions, what was viewed, whether searches found anything.

Privacy rule: nothing a patient typed is ever passed in or stored. `searched()` takes only a
bool, and ids stored are content ids (file names) chosen by the clinic.

Robustness rule: statistics must never take the kiosk down. Every UsageStore method catches
its own errors, logs them to "kiosk.usage", sets `healthy`/`problem`, drops that write and
tries the database again later. A corrupt file is renamed aside (never deleted).
"""

from __future__ import annotations

import csv
import datetime
import functools
import logging
import sqlite3
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import closing, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

log = logging.getLogger("kiosk.usage")

SCHEMA_VERSION = 2
RETRY_INTERVAL_S = 30.0
# The kiosk writes from the GUI thread: wait only briefly for another process's lock.
BUSY_TIMEOUT_S = 0.2
REPORT_BUSY_TIMEOUT_S = 5.0
VIEW_KINDS = ("explainer", "explainer_page", "question")
MAX_ID_LENGTH = 200
UNFINISHED = "unfinished"  # end reason of a session that was never ended (crash, power cut)

_CORRUPT_NAMES = {"SQLITE_NOTADB", "SQLITE_CORRUPT"}
_CORRUPT_TEXT = ("file is not a database", "malformed")
_LOCKED_NAMES = {"SQLITE_BUSY", "SQLITE_LOCKED"}
_LOCKED_TEXT = ("database is locked", "database table is locked")


# -- schema ----------------------------------------------------------------------------


def _migrate_to_1(conn: sqlite3.Connection) -> None:
    conn.execute(
        """CREATE TABLE IF NOT EXISTS sessions (
            id INTEGER PRIMARY KEY,
            started_at REAL NOT NULL,
            ended_at REAL,
            duration_s REAL,
            end_reason TEXT,
            language TEXT
        )"""
    )
    conn.execute(
        """CREATE TABLE IF NOT EXISTS views (
            session_id INTEGER REFERENCES sessions(id),
            kind TEXT NOT NULL CHECK (kind IN ('explainer_page', 'question', 'explainer')),
            item_id TEXT NOT NULL,
            page INTEGER,
            language TEXT,
            at REAL NOT NULL
        )"""
    )
    conn.execute(
        """CREATE TABLE IF NOT EXISTS searches (
            session_id INTEGER REFERENCES sessions(id),
            at REAL NOT NULL,
            language TEXT,
            had_results INTEGER NOT NULL CHECK (had_results IN (0, 1))
        )"""
    )
    conn.execute("CREATE INDEX IF NOT EXISTS sessions_started ON sessions(started_at)")
    conn.execute("CREATE INDEX IF NOT EXISTS views_kind_item ON views(kind, item_id)")
    conn.execute("CREATE INDEX IF NOT EXISTS views_at ON views(at)")
    conn.execute("CREATE INDEX IF NOT EXISTS searches_at ON searches(at)")


def _migrate_to_2(conn: sqlite3.Connection) -> None:
    """Help-screen opens: how often patients looked for the crisis lines and the clinic."""
    conn.execute(
        """CREATE TABLE IF NOT EXISTS help_opens (
            session_id INTEGER REFERENCES sessions(id),
            at REAL NOT NULL,
            language TEXT
        )"""
    )
    conn.execute("CREATE INDEX IF NOT EXISTS help_opens_at ON help_opens(at)")


# MIGRATIONS[i] takes a database from user_version i to i + 1. Append, never edit.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_migrate_to_1, _migrate_to_2]
assert len(MIGRATIONS) == SCHEMA_VERSION


def migrate(conn: sqlite3.Connection) -> None:
    """Bring an autocommit connection's database up to SCHEMA_VERSION, one step per transaction."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise _NewerSchemaError(
            f"usage database has schema version {version}, newer than this kiosk's "
            f"{SCHEMA_VERSION}; leaving it untouched"
        )
    while version < SCHEMA_VERSION:
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[version](conn)
            version += 1
            conn.execute(f"PRAGMA user_version = {version:d}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


class _NewerSchemaError(Exception):
    pass


class _CorruptDatabaseError(Exception):
    pass


def _is_corrupt(exc: BaseException) -> bool:
    if isinstance(exc, _CorruptDatabaseError):
        return True
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    name = getattr(exc, "sqlite_errorname", "")
    return name in _CORRUPT_NAMES or any(t in str(exc).lower() for t in _CORRUPT_TEXT)


def _is_locked(exc: BaseException) -> bool:
    name = getattr(exc, "sqlite_errorname", "")
    return name in _LOCKED_NAMES or any(t in str(exc).lower() for t in _LOCKED_TEXT)


F = TypeVar("F", bound=Callable[..., None])


def _never_raises(method: F) -> F:
    """Last line of defence: a statistics bug must not crash the kiosk."""

    @functools.wraps(method)
    def wrapper(self: UsageStore, *args: Any, **kwargs: Any) -> None:
        try:
            method(self, *args, **kwargs)
        except Exception as exc:  # deliberately broad, see docstring
            log.exception("usage: %s failed", method.__name__)
            self.healthy = False
            self.problem = f"{method.__name__} failed: {type(exc).__name__}"

    return wrapper  # type: ignore[return-value]


# -- the store -------------------------------------------------------------------------


class UsageStore:
    """Records anonymous usage events. Methods never raise; see `healthy` and `problem`."""

    def __init__(self, path: Path, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(path)
        self._clock = clock
        self._conn: sqlite3.Connection | None = None
        self._retry_at: float | None = None  # no open attempt before this clock time
        self.healthy = True
        self.problem = ""
        self.dropped_writes = 0
        self.last_set_aside = ""  # name of the last corrupt file moved out of the way
        # The current session lives in memory too, so its row can be written late
        # if the database was unavailable when it started.
        self._session_open = False
        self._session_started = 0.0
        self._session_id: int | None = None
        self._language: str | None = None

    # -- events ------------------------------------------------------------------------

    @_never_raises
    def session_started(self, language: str) -> None:
        if self._session_open:
            self._end_session(UNFINISHED, None)
        self._session_open = True
        self._session_started = self._clock()
        self._session_id = None
        self._language = _clean_id(language, "language")
        self._ensure_session_row()

    @_never_raises
    def language_changed(self, language: str) -> None:
        """The session's language is the last one chosen: that is what the person read."""
        self._language = _clean_id(language, "language")
        if self._session_open and self._ensure_session_row() is not None:
            self._write(
                "language_changed",
                "UPDATE sessions SET language = ? WHERE id = ?",
                (self._language, self._session_id),
            )

    @_never_raises
    def viewed(self, kind: str, item_id: str, page: int | None = None) -> None:
        if kind not in VIEW_KINDS:
            log.error("usage: viewed() with unknown kind %r; not recorded", kind)
            return
        item = _clean_id(item_id, "item_id")
        if item is None:
            return
        if page is not None and (isinstance(page, bool) or not isinstance(page, int) or page < 0):
            log.error("usage: viewed() with invalid page %r; not recorded", page)
            return
        self._write(
            "viewed",
            "INSERT INTO views (session_id, kind, item_id, page, language, at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (self._ensure_session_row(), kind, item, page, self._language, self._clock()),
        )

    @_never_raises
    def searched(self, had_results: bool) -> None:
        """Count one search. Deliberately no text parameter: queries are never stored."""
        if not isinstance(had_results, bool):
            # Never log the value: a caller passing the query by mistake must not leak it.
            log.error("usage: searched() takes a bool; got %s, not recorded", type(had_results))
            return
        self._write(
            "searched",
            "INSERT INTO searches (session_id, at, language, had_results) VALUES (?, ?, ?, ?)",
            (self._ensure_session_row(), self._clock(), self._language, int(had_results)),
        )

    @_never_raises
    def help_opened(self) -> None:
        """Count one opening of the Help screen."""
        self._write(
            "help_opened",
            "INSERT INTO help_opens (session_id, at, language) VALUES (?, ?, ?)",
            (self._ensure_session_row(), self._clock(), self._language),
        )

    @_never_raises
    def session_ended(self, reason: str, duration_s: float | None = None) -> None:
        """End the session. Pass Session's ResetRecord.session_seconds as duration_s when
        known: it comes from the monotonic clock, immune to wall-clock changes."""
        if not self._session_open:
            log.debug("usage: session_ended(%r) with no session open", reason)
            return
        self._end_session(reason, duration_s)

    @_never_raises
    def verify(self) -> None:
        """Check the open database (PRAGMA quick_check) and set it aside if it is malformed.

        Smashed pages (not the header) do not stop SQLite taking writes, so the store checks
        at every session end and when staff open the maintenance screen, so that the screen
        never says "ok" over a broken file."""
        if self._conn is None:
            return
        try:
            # A connection of its own: the store's connection checks its page cache, which
            # still holds the pages as they were before the disk smashed them.
            uri = self.path.resolve().as_uri() + "?mode=ro"
            with closing(sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S)) as check:
                rows = check.execute("PRAGMA quick_check").fetchall()
        except sqlite3.Error as exc:
            if not _is_locked(exc):
                self._failed("quick_check", exc)
            return
        if rows != [("ok",)]:
            self._failed("quick_check", _CorruptDatabaseError(f"quick_check: {rows[:3]}"))

    @_never_raises
    def close(self) -> None:
        """Close the database; an open session is recorded as ended with reason 'shutdown'."""
        if self._session_open:
            self._end_session("shutdown", None)
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    # -- internals ---------------------------------------------------------------------

    def _end_session(self, reason: str, duration_s: float | None) -> None:
        now = self._clock()
        if duration_s is None:
            duration_s = now - self._session_started
        duration_s = max(0.0, float(duration_s))
        session_id = self._ensure_session_row()
        self._session_open = False
        self._session_id = None
        if session_id is not None:
            self._write(
                "session_ended",
                "UPDATE sessions SET ended_at = ?, duration_s = ?, end_reason = ? WHERE id = ?",
                (now, duration_s, _clean_id(reason, "reason") or UNFINISHED, session_id),
            )
            self.verify()

    def _ensure_session_row(self) -> int | None:
        """Id of the open session's row, inserting it now if that failed before."""
        if not self._session_open:
            return None
        if self._session_id is None:
            self._session_id = self._write(
                "session_started",
                "INSERT INTO sessions (started_at, language) VALUES (?, ?)",
                (self._session_started, self._language),
            )
        return self._session_id

    def _write(self, what: str, sql: str, params: tuple[Any, ...]) -> int | None:
        conn = self._connection()
        if conn is None:
            self.dropped_writes += 1
            return None
        try:
            cursor = conn.execute(sql, params)
        except sqlite3.Error as exc:
            self.dropped_writes += 1
            self._failed(what, exc)
            return None
        if not self.healthy:
            log.info("usage: database writable again")
        self.healthy = True
        self.problem = ""
        return cursor.lastrowid

    def _connection(self) -> sqlite3.Connection | None:
        if self._conn is not None:
            return self._conn
        if self._retry_at is not None:
            wait = self._retry_at - self._clock()
            # A wall clock set backwards (wait > interval) must not postpone the retry.
            if 0 < wait <= RETRY_INTERVAL_S:
                return None
        self._retry_at = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = self._open()
        except (sqlite3.Error, OSError, _NewerSchemaError, _CorruptDatabaseError) as exc:
            if _is_corrupt(exc):
                log.error("usage: database is corrupt (%s)", exc)
                try:
                    self._set_aside()
                    self._conn = self._open()
                except (sqlite3.Error, OSError, _NewerSchemaError, _CorruptDatabaseError) as exc2:
                    self._failed("open", exc2)
            else:
                self._failed("open", exc)
        return self._conn

    def _open(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
            if rows != [("ok",)]:
                raise _CorruptDatabaseError(f"quick_check: {rows[:3]}")
            migrate(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    def _failed(self, what: str, exc: BaseException) -> None:
        self.healthy = False
        if _is_locked(exc):
            # Another process (e.g. a report) holds the lock: drop this write, keep the
            # connection and try again on the next event.
            self.problem = f"usage database is locked by another process ({what} dropped)"
            log.warning("usage: %s: database is locked; write dropped", what)
            return
        if self._conn is not None:
            with suppress(sqlite3.Error):
                self._conn.close()
            self._conn = None
        if _is_corrupt(exc):
            self.problem = f"usage database is corrupt: {exc}"
            log.error("usage: %s: database corrupt (%s); setting it aside", what, exc)
            try:
                self._set_aside()
            except OSError as move_exc:
                log.error("usage: cannot set corrupt database aside: %s", move_exc)
                self._retry_at = self._clock() + RETRY_INTERVAL_S
            return
        self.problem = f"usage statistics paused: {exc}"
        self._retry_at = self._clock() + RETRY_INTERVAL_S
        log.error(
            "usage: %s failed (%s); statistics paused, retrying in %.0f s",
            what,
            exc,
            RETRY_INTERVAL_S,
        )

    def _set_aside(self) -> None:
        """Rename the corrupt database (and its journals) to NAME.corrupt-YYYYMMDDTHHMMSS."""
        stamp = time.strftime("%Y%m%dT%H%M%S", time.localtime(self._clock()))
        base = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        target, n = base, 1
        while target.exists():
            n += 1
            target = base.with_name(f"{base.name}-{n}")
        if self.path.exists():
            self.path.replace(target)
        for suffix in ("-journal", "-wal", "-shm"):
            extra = self.path.with_name(self.path.name + suffix)
            if extra.exists():
                extra.replace(target.with_name(target.name + suffix))
        self.last_set_aside = target.name  # for the maintenance screen
        log.warning("usage: corrupt database moved to %s; starting a new one", target)


def _clean_id(value: object, what: str) -> str | None:
    """Ids come from content and code; refuse anything else rather than store it."""
    if not isinstance(value, str) or not value or len(value) > MAX_ID_LENGTH:
        log.error("usage: invalid %s (%s); not recorded", what, type(value).__name__)
        return None
    return value


# -- reporting -------------------------------------------------------------------------

Pairs = tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Report:
    since: datetime.date | None = None
    sessions: int = 0
    searches: int = 0
    sessions_per_day: tuple[tuple[datetime.date, int], ...] = ()
    median_session_s: float | None = None
    top_explainers: Pairs = ()
    top_questions: Pairs = ()
    reset_reasons: Pairs = ()
    no_result_searches: int = 0
    languages: Pairs = ()
    sessions_per_hour: tuple[tuple[int, int], ...] = ()  # local hour of day (0-23), sessions
    help_opens: int = 0
    # Session lengths to the tenth of a second, with how many sessions had each: what lets
    # several kiosks' reports be merged with a true median.
    session_lengths: tuple[tuple[float, int], ...] = ()


def report(path: Path, since: datetime.date | None = None, *, top: int | None = 10) -> Report:
    """Summarise the usage database read-only. A missing file gives an empty report.

    Days and hours are local; `since` includes that whole day. `top=None`: every item.
    """
    top = -1 if top is None else top  # SQLite: LIMIT -1 is no limit
    path = Path(path)
    if not path.exists():
        return Report(since=since)
    start = (
        datetime.datetime.combine(since, datetime.time.min).timestamp()
        if since is not None
        else float("-inf")
    )
    uri = path.resolve().as_uri() + "?mode=ro"
    with closing(sqlite3.connect(uri, uri=True, timeout=REPORT_BUSY_TIMEOUT_S)) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"sessions", "views", "searches"} <= tables:
            return Report(since=since)

        def pairs(sql: str, *params: Any) -> Pairs:
            return tuple((str(k), int(v)) for k, v in conn.execute(sql, params))

        per_day = tuple(
            (datetime.date.fromisoformat(d), int(n))
            for d, n in conn.execute(
                "SELECT date(started_at, 'unixepoch', 'localtime') AS d, count(*)"
                " FROM sessions WHERE started_at >= ? GROUP BY d ORDER BY d",
                (start,),
            )
        )
        durations = [
            r[0]
            for r in conn.execute(
                "SELECT duration_s FROM sessions WHERE duration_s IS NOT NULL AND started_at >= ?",
                (start,),
            )
        ]
        top_views = (
            "SELECT item_id, count(*) AS n FROM views WHERE kind = ? AND at >= ?"
            " GROUP BY item_id ORDER BY n DESC, item_id LIMIT ?"
        )
        per_hour = tuple(
            (int(h), int(n))
            for h, n in conn.execute(
                "SELECT strftime('%H', started_at, 'unixepoch', 'localtime') AS h, count(*)"
                " FROM sessions WHERE started_at >= ? GROUP BY h ORDER BY h",
                (start,),
            )
        )
        lengths = tuple(
            (float(d), int(n))
            for d, n in conn.execute(
                "SELECT round(duration_s, 1) AS d, count(*) FROM sessions"
                " WHERE duration_s IS NOT NULL AND started_at >= ? GROUP BY d ORDER BY d",
                (start,),
            )
        )
        help_opens = 0
        if "help_opens" in tables:  # a copy from a kiosk before schema 2
            help_opens = conn.execute(
                "SELECT count(*) FROM help_opens WHERE at >= ?", (start,)
            ).fetchone()[0]
        searches, no_results = conn.execute(
            "SELECT count(*), coalesce(sum(had_results = 0), 0) FROM searches WHERE at >= ?",
            (start,),
        ).fetchone()
        return Report(
            since=since,
            sessions=sum(n for _, n in per_day),
            searches=int(searches),
            sessions_per_day=per_day,
            median_session_s=float(statistics.median(durations)) if durations else None,
            top_explainers=pairs(top_views, "explainer", start, top),
            top_questions=pairs(top_views, "question", start, top),
            reset_reasons=pairs(
                "SELECT coalesce(end_reason, ?) AS r, count(*) AS n FROM sessions"
                " WHERE started_at >= ? GROUP BY r ORDER BY n DESC, r",
                UNFINISHED,
                start,
            ),
            no_result_searches=int(no_results),
            languages=pairs(
                "SELECT coalesce(language, '?') AS l, count(*) AS n FROM sessions"
                " WHERE started_at >= ? GROUP BY l ORDER BY n DESC, l",
                start,
            ),
            sessions_per_hour=per_hour,
            help_opens=int(help_opens),
            session_lengths=lengths,
        )


def format_duration(seconds: float | None) -> str:
    """A session length or an uptime, as staff read it: "45 s", "3 min 05 s", "2 h 10 min"."""
    if seconds is None:
        return "-"
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    days, hours = divmod(hours, 24)
    if days:
        return f"{days} d {hours} h"
    if hours:
        return f"{hours} h {minutes} min"
    return f"{minutes} min {secs:02d} s" if minutes else f"{secs} s"


def _table(title: str, header: tuple[str, str], rows: list[tuple[str, int]]) -> list[str]:
    lines = [title]
    if not rows:
        return [*lines, "  (none)", ""]
    width = max(len(header[0]), *(len(k) for k, _ in rows))
    lines.append(f"  {header[0]:<{width}}  {header[1]:>8}")
    lines.append(f"  {'-' * width}  {'-' * 8}")
    lines += [f"  {k:<{width}}  {v:>8}" for k, v in rows]
    return [*lines, ""]


def format_report(r: Report) -> str:
    """The report as a plain-text page for `kiosk stats`."""
    scope = f"since {r.since.isoformat()}" if r.since else "all time"
    lines = [
        f"Kiosk usage ({scope})",
        "",
        f"  Sessions:               {r.sessions}",
        f"  Median session:         {format_duration(r.median_session_s)}",
        f"  Searches:               {r.searches}",
        f"  Searches with no result: {r.no_result_searches}",
        "",
    ]
    lines += _table(
        "Sessions per day", ("day", "sessions"), [(d.isoformat(), n) for d, n in r.sessions_per_day]
    )
    lines += _table("Top explainers", ("explainer", "views"), list(r.top_explainers))
    lines += _table("Top questions", ("question", "views"), list(r.top_questions))
    lines += _table("How sessions ended", ("reason", "sessions"), list(r.reset_reasons))
    lines += _table("Languages", ("language", "sessions"), list(r.languages))
    return "\n".join(lines).rstrip() + "\n"


def _csv_rows(r: Report) -> Iterator[tuple[str, str, str]]:
    median = "" if r.median_session_s is None else f"{r.median_session_s:.1f}"
    yield ("summary", "since", r.since.isoformat() if r.since else "")
    yield ("summary", "sessions", str(r.sessions))
    yield ("summary", "median_session_s", median)
    yield ("summary", "searches", str(r.searches))
    yield ("summary", "no_result_searches", str(r.no_result_searches))
    yield ("summary", "help_opens", str(r.help_opens))
    for day, n in r.sessions_per_day:
        yield ("sessions_per_day", day.isoformat(), str(n))
    for hour, n in r.sessions_per_hour:
        yield ("sessions_per_hour", f"{hour:02d}", str(n))
    for seconds, n in r.session_lengths:
        yield ("session_lengths", f"{seconds:.1f}", str(n))
    for section, rows in (
        ("top_explainers", r.top_explainers),
        ("top_questions", r.top_questions),
        ("reset_reasons", r.reset_reasons),
        ("languages", r.languages),
    ):
        for key, n in rows:
            yield (section, key, str(n))


def _csv_safe(text: str) -> str:
    # Spreadsheets run cells starting with these as formulas.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def write_csv(r: Report, path: Path) -> None:
    """Write the report as one CSV with columns section, key, value."""
    with Path(path).open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(("section", "key", "value"))
        for section, key, value in _csv_rows(r):
            writer.writerow((section, _csv_safe(key), value))


# -- reading exports back and merging kiosks -------------------------------------------

_PAIR_SECTIONS = ("top_explainers", "top_questions", "reset_reasons", "languages")


def read_csv(path: Path) -> Report:
    """A report written by write_csv (another kiosk's export). Rows that do not parse are
    skipped, so a hand-edited file still gives what it can; ValueError if it is not one."""
    with Path(path).open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if not rows or rows[0] != ["section", "key", "value"]:
        raise ValueError(f"{path} is not a kiosk statistics export (section,key,value)")
    summary: dict[str, str] = {}
    pairs: dict[str, list[tuple[str, int]]] = {name: [] for name in _PAIR_SECTIONS}
    per_day, per_hour, lengths = [], [], []
    for row in rows[1:]:
        if len(row) != 3:
            continue
        section, key, value = row
        key = key[1:] if key[:1] == "'" and key[1:2] in ("=", "+", "-", "@") else key
        try:
            if section == "summary":
                summary[key] = value
            elif section in pairs:
                pairs[section].append((key, int(value)))
            elif section == "sessions_per_day":
                per_day.append((datetime.date.fromisoformat(key), int(value)))
            elif section == "sessions_per_hour":
                per_hour.append((int(key), int(value)))
            elif section == "session_lengths":
                lengths.append((float(key), int(value)))
        except ValueError:
            continue

    def number(key: str) -> int:
        try:
            return int(summary.get(key) or 0)
        except ValueError:
            return 0

    try:
        median = float(summary["median_session_s"]) if summary.get("median_session_s") else None
        since = datetime.date.fromisoformat(summary["since"]) if summary.get("since") else None
    except ValueError:
        median, since = None, None
    return Report(
        since=since,
        sessions=number("sessions"),
        searches=number("searches"),
        sessions_per_day=tuple(sorted(per_day)),
        median_session_s=median,
        top_explainers=tuple(pairs["top_explainers"]),
        top_questions=tuple(pairs["top_questions"]),
        reset_reasons=tuple(pairs["reset_reasons"]),
        no_result_searches=number("no_result_searches"),
        languages=tuple(pairs["languages"]),
        sessions_per_hour=tuple(sorted(per_hour)),
        help_opens=number("help_opens"),
        session_lengths=tuple(sorted(lengths)),
    )


def load_report(path: Path, since: datetime.date | None = None) -> Report:
    """A database copied from a kiosk, or a CSV export (told apart by their first bytes)."""
    path = Path(path)
    with path.open("rb") as f:
        head = f.read(16)
    if head.startswith(b"SQLite format 3"):
        return report(path, since, top=None)
    if since is not None:
        log.warning("usage: %s is a CSV export; --since does not apply to it", path)
    return read_csv(path)


def _sum_pairs(groups) -> Pairs:
    total: dict[str, int] = {}
    for pairs in groups:
        for key, n in pairs:
            total[key] = total.get(key, 0) + n
    return tuple(sorted(total.items(), key=lambda kv: (-kv[1], kv[0])))


def _weighted_median(lengths: dict[float, int]) -> float | None:
    count = sum(lengths.values())
    if not count:
        return None
    values = sorted(lengths.items())

    def at(index: int) -> float:
        for value, n in values:
            if index < n:
                return value
            index -= n
        return values[-1][0]

    if count % 2:
        return at(count // 2)
    return (at(count // 2 - 1) + at(count // 2)) / 2


def merge_reports(reports: list[Report]) -> Report:
    """Several kiosks' reports as one. The median comes from every session's length; a
    report without lengths (an old export) adds its counts but not to the median."""
    if len(reports) == 1:
        return reports[0]
    days: dict[datetime.date, int] = {}
    hours: dict[int, int] = {}
    lengths: dict[float, int] = {}
    for r in reports:
        for day, n in r.sessions_per_day:
            days[day] = days.get(day, 0) + n
        for hour, n in r.sessions_per_hour:
            hours[hour] = hours.get(hour, 0) + n
        for seconds, n in r.session_lengths:
            lengths[seconds] = lengths.get(seconds, 0) + n
    sinces = [r.since for r in reports if r.since is not None]
    return Report(
        since=min(sinces) if sinces else None,
        sessions=sum(r.sessions for r in reports),
        searches=sum(r.searches for r in reports),
        sessions_per_day=tuple(sorted(days.items())),
        median_session_s=_weighted_median(lengths),
        top_explainers=_sum_pairs(r.top_explainers for r in reports),
        top_questions=_sum_pairs(r.top_questions for r in reports),
        reset_reasons=_sum_pairs(r.reset_reasons for r in reports),
        no_result_searches=sum(r.no_result_searches for r in reports),
        languages=_sum_pairs(r.languages for r in reports),
        sessions_per_hour=tuple(sorted(hours.items())),
        help_opens=sum(r.help_opens for r in reports),
        session_lengths=tuple(sorted(lengths.items())),
    )
