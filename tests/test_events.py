"""The JSON-lines event log: records, rotation, and never taking the kiosk down."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

from kiosk.content.config import load_config
from kiosk.stats.events import EventLog, read_events
from kiosk.system.paths import log_dir


def test_one_json_object_per_line(tmp_path):
    path = tmp_path / "logs" / "events.jsonl"  # the folder is created on first write
    log = EventLog(path)
    first = log.emit("start", version="1.0")
    log.emit("search", results=3, language="es", query_len=5)
    log.emit("reset", reason="idle", path=Path("/x"), when=dt.date(2026, 1, 2), note="ñandú ✓")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3
    records = [json.loads(line) for line in lines]
    assert records[0] == first
    assert [r["event"] for r in records] == ["start", "search", "reset"]
    assert records[1]["results"] == 3
    assert records[2]["path"] == "/x"  # not JSON: written as text
    assert records[2]["when"] == "2026-01-02"
    assert records[2]["note"] == "ñandú ✓"
    for record in records:
        time = dt.datetime.fromisoformat(record["time"])
        assert time.tzinfo is not None
    assert read_events(path) == records


def test_read_events_skips_garbage(tmp_path):
    path = tmp_path / "events.jsonl"
    path.write_text('{"event": "a"}\nnot json\n\n{"event": "b"}\n', encoding="utf-8")
    assert [r["event"] for r in read_events(path)] == ["a", "b"]


def test_rotation_keeps_a_few_backups(tmp_path):
    path = tmp_path / "events.jsonl"
    log = EventLog(path, max_bytes=200, backups=2)
    for number in range(40):
        log.emit("tick", n=number)
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["events.jsonl", "events.jsonl.1", "events.jsonl.2"]
    for name in files:
        size = (tmp_path / name).stat().st_size
        assert size < 200 + 100  # at most one line over the limit
    # Newest in the live file, older ones in .1 then .2, nothing lost in between.
    numbers = [
        r["n"]
        for name in ("events.jsonl.2", "events.jsonl.1", "events.jsonl")
        for r in read_events(tmp_path / name)
    ]
    assert numbers == list(range(numbers[0], 40))
    assert numbers[-1] == 39


def test_rotation_without_backups(tmp_path):
    path = tmp_path / "events.jsonl"
    log = EventLog(path, max_bytes=100, backups=0)
    for number in range(20):
        log.emit("tick", n=number)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.jsonl"]
    assert read_events(path)[-1]["n"] == 19


def test_no_path_only_listeners(tmp_path):
    seen = []
    log = EventLog(None)
    log.listeners.append(seen.append)
    record = log.emit("start")
    assert seen == [record]
    assert list(tmp_path.iterdir()) == []


def test_unwritable_path_does_not_raise(tmp_path, caplog):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    log = EventLog(blocker / "sub" / "events.jsonl")
    with caplog.at_level(logging.ERROR, logger="kiosk.events"):
        for _ in range(5):
            log.emit("tick")
    # Reported once, not once per event.
    assert len([r for r in caplog.records if "cannot write" in r.getMessage()]) == 1


def test_log_path_that_is_a_folder(tmp_path):
    (tmp_path / "events.jsonl").mkdir()
    EventLog(tmp_path / "events.jsonl").emit("tick")


def test_recovers_when_writable_again(tmp_path, caplog):
    folder = tmp_path / "logs"
    folder.write_text("in the way")
    log = EventLog(folder / "events.jsonl")
    log.emit("lost")
    folder.unlink()
    with caplog.at_level(logging.WARNING, logger="kiosk.events"):
        log.emit("kept")
    assert [r["event"] for r in read_events(folder / "events.jsonl")] == ["kept"]
    assert any("writable again" in r.getMessage() for r in caplog.records)


def test_odd_values_do_not_raise(tmp_path):
    path = tmp_path / "events.jsonl"
    log = EventLog(path)
    loop: dict = {}
    loop["self"] = loop
    log.emit("surrogate", name="bad\udcffname")  # from a file name decoded with surrogateescape
    log.emit("odd keys", data={1: "a", (2, 3): "b"})
    log.emit("loop", data=loop)
    log.emit("nan", value=float("nan"))
    events = read_events(path)
    assert [e["event"] for e in events] == ["surrogate", "odd keys", "loop", "nan"]
    assert events[0]["name"].startswith("bad")


def test_broken_listener_does_not_stop_the_event(tmp_path, caplog):
    path = tmp_path / "events.jsonl"
    log = EventLog(path)
    seen = []

    def broken(record):
        raise RuntimeError("listener bug")

    log.listeners.extend([broken, seen.append])
    with caplog.at_level(logging.ERROR, logger="kiosk.events"):
        log.emit("start")
    assert [r["event"] for r in seen] == ["start"]
    assert [r["event"] for r in read_events(path)] == ["start"]
    assert any("listener" in r.getMessage() for r in caplog.records)


def test_default_log_dir_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    config = load_config(tmp_path / "no-content")  # defaults: no log_dir set
    assert log_dir(config) == tmp_path / "kiosk" / "logs"
