"""The usage recorder turns logged kiosk events into anonymous counts."""

from __future__ import annotations

from pathlib import Path

from kiosk.stats import usage
from kiosk.stats.events import EventLog
from kiosk.stats.usage import UsageStore
from kiosk.stats.usage_recorder import UsageRecorder


def scripted_session(events: EventLog) -> None:
    events.emit("session_start", language="en")
    events.emit("screen", screen="home", id=None, page=None, language="en")
    for page in (1, 2, 3, 2):
        events.emit("screen", screen="explainer", id="what-is-ketamine", page=page, language="en")
    events.emit("screen", screen="questions", id="safety", page=None, language="en")
    events.emit("screen", screen="help", id=None, page=None, language="en")
    events.emit("search", results=0, language="en")
    events.emit("search", results=3, language="en")
    events.emit("language", language="es")
    events.emit("screen", screen="answer", id="is-it-addictive", page=None, language="es")
    events.emit("reset", reason="idle", session_s=95.0, ms=20.0)


def test_a_scripted_session_shows_in_the_report(tmp_path: Path) -> None:
    db = tmp_path / "usage.sqlite3"
    events = EventLog(None)
    events.listeners.append(UsageRecorder(UsageStore(db)))
    scripted_session(events)
    events.emit("exit", code=0)

    r = usage.report(db)
    assert r.sessions == 1
    assert r.median_session_s == 95.0
    assert r.top_explainers == (("what-is-ketamine", 1),)  # one visit, four page views
    assert r.top_questions == (("is-it-addictive", 1),)
    assert r.searches == 2 and r.no_result_searches == 1
    assert r.help_opens == 1
    assert r.reset_reasons == (("idle", 1),)
    assert r.languages == (("es", 1),)


def test_staff_sessions_and_events_outside_a_session_are_not_counted(tmp_path: Path) -> None:
    db = tmp_path / "usage.sqlite3"
    events = EventLog(None)
    events.listeners.append(UsageRecorder(UsageStore(db)))
    events.emit("session_start", language="en", staff=True)
    events.emit("screen", screen="answer", id="is-it-addictive", page=None, language="en")
    events.emit("search", results=0, language="en")
    events.emit("reset", reason="idle", session_s=60.0, ms=20.0)
    events.emit("reset", reason="content-update", session_s=0, ms=5.0)
    events.emit("exit", code=0)
    r = usage.report(db)
    assert (r.sessions, r.searches, r.top_questions) == (0, 0, ())


def test_an_unwritable_store_never_stops_the_events(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    blocker = folder / "usage.sqlite3"
    blocker.mkdir()  # a directory where the file should be: every open fails
    log_path = tmp_path / "events.jsonl"
    events = EventLog(log_path)
    store = UsageStore(blocker)
    events.listeners.append(UsageRecorder(store))
    scripted_session(events)
    assert not store.healthy
    assert log_path.read_text().count("\n") == 13  # every event was still logged
