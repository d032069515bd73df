"""A scripted week of kiosk use, fed through the event log and the usage recorder as the
kiosk does, on a fake clock: the data for the HTML report's tests (and a look at it)."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from kiosk.content import load_catalog
from kiosk.stats.events import EventLog
from kiosk.stats.usage import UsageStore
from kiosk.stats.usage_recorder import UsageRecorder

CONTENT = Path(__file__).resolve().parent.parent / "content"
MONDAY = dt.date(2026, 11, 23)
REASONS = ("idle", "idle", "idle", "start-over", "start-over", "content-update")


def scripted_week(db: Path, seed: int, *, busy: int = 12, content: Path = CONTENT) -> int:
    """Seven days of sessions (more in the late morning); returns how many sessions."""
    catalog = load_catalog(content, readability=False)
    explainers = sorted(catalog.languages["en"].explainers)
    questions = sorted(catalog.languages["en"].questions)
    rng = random.Random(seed)
    now = [0.0]
    store = UsageStore(db, clock=lambda: now[0])
    events = EventLog(None)
    events.listeners.append(UsageRecorder(store))
    sessions = 0
    for offset in range(7):
        day = MONDAY + dt.timedelta(days=offset)
        count = busy // 3 if day.weekday() >= 5 else busy + rng.randint(-3, 3)
        for _ in range(count):
            hour = min(17, max(8, round(rng.gauss(11, 2.2))))
            start = dt.datetime.combine(day, dt.time(hour, rng.randint(0, 59)))
            now[0] = start.timestamp()
            lang = "es" if rng.random() < 0.35 else "en"
            events.emit("session_start", language=lang)
            sessions += 1
            for item in rng.sample(explainers, rng.randint(0, 2)):
                for page in range(1, rng.randint(2, 5)):
                    now[0] += rng.randint(15, 60)
                    events.emit("screen", screen="explainer", id=item, page=page, language=lang)
            for item in rng.sample(questions, rng.randint(0, 3)):
                now[0] += rng.randint(10, 40)
                events.emit("screen", screen="answer", id=item, page=None, language=lang)
            if rng.random() < 0.15:
                events.emit("screen", screen="help", id=None, page=None, language=lang)
            for _ in range(rng.randint(0, 2)):
                events.emit("search", results=0 if rng.random() < 0.3 else 4, language=lang)
            length = now[0] - start.timestamp() + rng.randint(20, 90)
            now[0] = start.timestamp() + length
            events.emit("reset", reason=rng.choice(REASONS), session_s=length)
    events.emit("exit", code=0)
    return sessions
