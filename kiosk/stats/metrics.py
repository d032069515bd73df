"""Health as a Prometheus text file, for node_exporter's textfile collector.

An EventLog listener, like the usage recorder: it counts what the event log records and
rewrites one `.prom` file (temp file + rename, so the collector never reads half a file) at
every change and, from the Qt side, at least once a minute. Only counts, content versions,
release ids and fixed labels go in: never typed text, never a screen's content, never free
text from an error message. Labels come from fixed sets; anything else is counted as "other".
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk import __version__

log = logging.getLogger("kiosk.metrics")

FILE_NAME = "kiosk.prom"
REFRESH_S = 30  # the Qt side rewrites the file this often even when nothing happens
RESET_REASONS = ("idle", "start-over", "content-update", "maintenance", "other")
SEARCH_RESULTS = ("yes", "no")
# What the last error was about: a fixed set, so an alert can name it and no text leaks.
ERROR_KINDS = ("content_refused", "content", "statistics", "event_log", "speech", "fatal", "other")
_ERROR_LOGGERS = {
    "kiosk.content": "content",
    "kiosk.cache": "content",
    "kiosk.usage": "statistics",
    "kiosk.events": "event_log",
    "kiosk.speech": "speech",
}


def default_path(state: Path) -> Path:
    return Path(state) / FILE_NAME


class HealthMetrics:
    """`events.listeners.append(HealthMetrics(path, ...))`; `write()` on a timer too."""

    def __init__(
        self,
        path: Path,
        *,
        keyboard: bool,
        statistics_paused: Callable[[], bool | None] = lambda: None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.path = Path(path)
        self.keyboard = keyboard
        self._statistics_paused = statistics_paused  # None: statistics are off
        self._clock = clock
        self.up = True
        self.started_at = clock()
        self.first_frame_s: float | None = None
        self.version = ""
        self.release = ""
        self.loaded_at: float | None = None
        self._releases: dict[str, str] = {}  # content version -> release id, as loaded
        self.pending = ""  # a version waiting for the next reset
        self.refused = False  # the last content update was refused
        self.refused_total = 0
        self.sessions = 0
        self.resets = dict.fromkeys(RESET_REASONS, 0)
        self.help_opens = 0
        self.searches = dict.fromkeys(SEARCH_RESULTS, 0)
        self.speech: bool | None = None  # None until read aloud has loaded or failed
        self.errors = dict.fromkeys(ERROR_KINDS, 0)
        self.error_at = dict.fromkeys(ERROR_KINDS, 0.0)
        self._write_failing = False

    # -- events ------------------------------------------------------------------------
    def __call__(self, record: dict[str, Any]) -> None:
        handler = getattr(self, "_on_" + str(record.get("event")), None)
        if handler is not None and handler(record) is not False:
            self.write()

    def _on_first_frame(self, record: dict[str, Any]) -> None:
        seconds = record.get("seconds")
        if isinstance(seconds, int | float):
            self.first_frame_s = float(seconds)

    def _on_content_loaded(self, record: dict[str, Any]) -> None:
        self._running(str(record.get("version") or ""), str(record.get("release") or ""))

    def _on_content_ready(self, record: dict[str, Any]) -> None:
        version = str(record.get("version") or "")
        self._releases[version] = str(record.get("release") or "")
        self.pending = version if version != self.version else ""
        self.refused = False

    def _on_content_rejected(self, record: dict[str, Any]) -> None:
        self.refused = True
        self.refused_total += 1
        self.error("content_refused")

    def _on_reset(self, record: dict[str, Any]) -> None:
        reason = str(record.get("reason") or "")
        self.resets[reason if reason in self.resets else "other"] += 1
        version = record.get("content_version")
        if isinstance(version, str) and version and version != self.version:
            self._running(version, self._releases.get(version, ""))
        if self.pending and self.pending == self.version:
            self.pending = ""

    def _on_session_start(self, record: dict[str, Any]) -> bool | None:
        if record.get("staff"):
            return False
        self.sessions += 1
        return None

    def _on_screen(self, record: dict[str, Any]) -> bool | None:
        if record.get("screen") != "help":
            return False  # page turns change nothing here: no write
        self.help_opens += 1
        return None

    def _on_search(self, record: dict[str, Any]) -> None:
        self.searches["yes" if record.get("results") else "no"] += 1

    def _on_speech_ready(self, _record: dict[str, Any]) -> None:
        self.speech = True

    def _on_speech_unavailable(self, _record: dict[str, Any]) -> None:
        self.speech = False

    def _on_fatal(self, _record: dict[str, Any]) -> None:
        self.error("fatal")

    def _on_exit(self, _record: dict[str, Any]) -> None:
        self.up = False

    def _running(self, version: str, release: str) -> None:
        self.version, self.release = version, release
        self._releases[version] = release
        self.loaded_at = self._clock()

    def error(self, kind: str) -> None:
        """Note an error of one of ERROR_KINDS (others count as "other"); written later."""
        kind = kind if kind in self.errors else "other"
        self.errors[kind] += 1
        self.error_at[kind] = self._clock()

    # -- the file ----------------------------------------------------------------------
    def render(self) -> str:
        now = self._clock()
        paused = self._statistics_paused()
        out: list[str] = []

        def family(name: str, kind: str, doc: str, samples: list[tuple[dict, float]]) -> None:
            out.append(f"# HELP {name} {doc}")
            out.append(f"# TYPE {name} {kind}")
            for labels, value in samples:
                out.append(f"{name}{_labels(labels)} {_number(value)}")

        def gauge(name: str, doc: str, value: float, **labels: str) -> None:
            family(name, "gauge", doc, [(labels, value)])

        gauge("kiosk_up", "1 while the kiosk runs; 0 once it has stopped.", self.up)
        gauge("kiosk_build_info", "The kiosk software version.", 1, version=__version__)
        gauge("kiosk_start_time_seconds", "When the kiosk started (Unix time).", self.started_at)
        gauge("kiosk_metrics_updated_seconds", "When this file was written (Unix time).", now)
        if self.first_frame_s is not None:
            gauge(
                "kiosk_first_frame_seconds",
                "Seconds from process start to the first frame on screen.",
                self.first_frame_s,
            )
        gauge(
            "kiosk_content_info",
            "The content the kiosk shows: version (hash of every file) and release marker.",
            1,
            version=self.version,
            release=self.release,
        )
        if self.loaded_at is not None:
            gauge(
                "kiosk_content_loaded_seconds",
                "When the content shown was loaded (Unix time).",
                self.loaded_at,
            )
        gauge(
            "kiosk_content_pending",
            "1 while checked new content waits for the next reset.",
            bool(self.pending),
        )
        gauge(
            "kiosk_content_update_refused",
            "1 if the last content update had errors and was refused (old content kept).",
            self.refused,
        )
        family(
            "kiosk_content_refused_total",
            "counter",
            "Content updates refused since start.",
            [({}, self.refused_total)],
        )
        family(
            "kiosk_sessions_total",
            "counter",
            "Patient sessions started (staff sessions left out).",
            [({}, self.sessions)],
        )
        family(
            "kiosk_resets_total",
            "counter",
            "Resets back to the attract screen, by reason.",
            [({"reason": r}, n) for r, n in self.resets.items()],
        )
        family("kiosk_help_opens_total", "counter", "Help screen opens.", [({}, self.help_opens)])
        family(
            "kiosk_searches_total",
            "counter",
            "Searches, by whether they found anything.",
            [({"results": r}, n) for r, n in self.searches.items()],
        )
        gauge(
            "kiosk_speech_available",
            "1 if read aloud works, 0 if not, -1 while it is still loading.",
            -1 if self.speech is None else self.speech,
        )
        gauge("kiosk_keyboard_available", "1 if the on-screen keyboard works.", self.keyboard)
        gauge(
            "kiosk_statistics_paused",
            "1 while usage statistics cannot be written, -1 when statistics are off.",
            -1 if paused is None else paused,
        )
        family(
            "kiosk_errors_total",
            "counter",
            "Errors since start, by kind.",
            [({"kind": k}, n) for k, n in self.errors.items()],
        )
        family(
            "kiosk_last_error_seconds",
            "gauge",
            "When an error of this kind last happened (Unix time; 0: not since start).",
            [({"kind": k}, t) for k, t in self.error_at.items()],
        )
        return "\n".join(out) + "\n"

    def write(self) -> None:
        """Replace the file atomically; a failure is logged once and never raised."""
        try:
            text = self.render()
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".kiosk-", suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    f.write(text)
                os.chmod(tmp, 0o644)  # node_exporter runs as another user
                os.replace(tmp, self.path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except Exception as exc:  # health reporting must never take the kiosk down
            if not self._write_failing:
                # Warning, not error: an error here would count itself as one.
                log.warning("cannot write metrics file %s: %s", self.path, exc)
            self._write_failing = True
            return
        self._write_failing = False


class ErrorsToMetrics(logging.Handler):
    """Counts ERROR log records by the logger's area; the message itself is never kept."""

    def __init__(self, metrics: HealthMetrics) -> None:
        super().__init__(logging.ERROR)
        self.metrics = metrics

    def emit(self, record: logging.LogRecord) -> None:
        name = record.name
        kind = next(
            (
                k
                for prefix, k in _ERROR_LOGGERS.items()
                if name == prefix or name.startswith(prefix + ".")
            ),
            "other",
        )
        self.metrics.error(kind)


def _labels(labels: dict[str, str]) -> str:
    if not labels:
        return ""
    inner = ",".join(f'{k}="{_escape(str(v))}"' for k, v in labels.items())
    return "{" + inner + "}"


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


def _number(value: float | bool) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return repr(float(value))
