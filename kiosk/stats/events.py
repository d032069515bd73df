"""Structured event log: one JSON object per line (time, event, fields).

The log must never take the kiosk down: a full disk or a missing folder is reported once
on stderr through `logging` and further events are dropped until writing works again.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

log = logging.getLogger("kiosk.events")

MAX_BYTES = 5 * 1024 * 1024
BACKUPS = 3


class EventLog:
    """Append-only JSON-lines log with size-based rotation."""

    def __init__(self, path: Path | None, *, max_bytes: int = MAX_BYTES, backups: int = BACKUPS):
        self.path = path
        self.max_bytes = max_bytes
        self.backups = backups
        self._lock = threading.Lock()
        self._failing = False
        self.listeners: list[Callable[[dict[str, Any]], object]] = []

    def emit(self, event: str, **fields: Any) -> dict:
        record = {"time": datetime.now(UTC).isoformat(timespec="milliseconds"), "event": event}
        record.update(fields)
        for listener in list(self.listeners):
            try:
                listener(record)
            except Exception:  # a broken listener must not stop the event or the kiosk
                log.exception("event listener %r failed", listener)
        if self.path is not None:
            self._write(self.path, _to_json(record) + "\n")
        return record

    def _write(self, path: Path, line: str) -> None:
        with self._lock:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._rotate_if_needed(path)
                # backslashreplace: a lone surrogate (from a file name) must not stop the log.
                with open(path, "a", encoding="utf-8", errors="backslashreplace") as f:
                    f.write(line)
                if self._failing:
                    log.warning("event log %s writable again", path)
                self._failing = False
            except OSError as exc:
                if not self._failing:
                    log.error("cannot write event log %s: %s", path, exc)
                self._failing = True

    def _rotate_if_needed(self, path: Path) -> None:
        try:
            if path.stat().st_size < self.max_bytes:
                return
        except FileNotFoundError:
            return
        if self.backups < 1:
            path.unlink()  # no backups wanted: start the file again
            return
        for i in range(self.backups - 1, 0, -1):
            older = path.with_name(f"{path.name}.{i}")
            if older.exists():
                os.replace(older, path.with_name(f"{path.name}.{i + 1}"))
        os.replace(path, path.with_name(f"{path.name}.1"))


def _to_json(record: dict) -> str:
    """One JSON line; values JSON cannot hold (sets, paths, odd keys) are written as text."""
    try:
        return json.dumps(record, ensure_ascii=False, default=str)
    except (TypeError, ValueError):  # non-text keys, circular references
        return json.dumps(
            {str(k): _plain(v) for k, v in record.items()}, ensure_ascii=False, default=str
        )


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return repr(value)


def read_events(path: Path) -> list[dict]:
    """Read a log back (for tests and tools); skips lines that are not JSON."""
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            events.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return events
