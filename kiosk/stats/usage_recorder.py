"""Feeds the usage store from the kiosk's event log, so the UI code knows nothing of SQLite.

It listens to the same events the log records (session_start, screen (explainers, answers
and the Help screen), language, search, reset, exit) and keeps only counts and content ids. Staff sessions (the maintenance PIN
pad) are not patient use and are left out.
"""

from __future__ import annotations

from typing import Any

from kiosk.stats.usage import UsageStore


class UsageRecorder:
    """An EventLog listener: `events.listeners.append(UsageRecorder(store))`."""

    def __init__(self, store: UsageStore) -> None:
        self.store = store
        self._in_session = False
        self._explainer: str | None = None  # counted once per visit, not once per page

    def __call__(self, record: dict[str, Any]) -> None:
        handler = getattr(self, "_on_" + str(record.get("event")), None)
        if handler is not None:
            handler(record)

    def _on_session_start(self, record: dict[str, Any]) -> None:
        if record.get("staff"):
            return
        self._in_session = True
        self._explainer = None
        self.store.session_started(str(record.get("language") or ""))

    def _on_screen(self, record: dict[str, Any]) -> None:
        if not self._in_session:
            return
        screen, item = record.get("screen"), record.get("id")
        if screen == "explainer" and item:
            if item != self._explainer:
                self._explainer = item
                self.store.viewed("explainer", item)
            page = record.get("page")
            self.store.viewed("explainer_page", item, page - 1 if isinstance(page, int) else None)
            return
        self._explainer = None
        if screen == "answer" and item:
            self.store.viewed("question", item)
        elif screen == "help":
            self.store.help_opened()

    def _on_language(self, record: dict[str, Any]) -> None:
        if self._in_session:
            self.store.language_changed(str(record.get("language") or ""))

    def _on_search(self, record: dict[str, Any]) -> None:
        # The event carries a result count and never the text; only "found anything" is kept.
        if self._in_session:
            self.store.searched(bool(record.get("results")))

    def _on_reset(self, record: dict[str, Any]) -> None:
        if self._in_session:
            self._in_session = False
            self._explainer = None
            self.store.session_ended(str(record.get("reason") or ""), record.get("session_s"))

    def _on_exit(self, _record: dict[str, Any]) -> None:
        self._in_session = False
        self.store.close()
