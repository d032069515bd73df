"""Search: the query typed in the question browser and what it finds, for QML."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton

from kiosk.qt.models import RecordListModel
from kiosk.qt.roles import ResultRole
from kiosk.qt.types.registry import provided
from kiosk.search.index import Searcher
from kiosk.stats.events import EventLog

QML_IMPORT_NAME = "KioskCore"
QML_IMPORT_MAJOR_VERSION = 1

SETTLE_MS = 2000


@QmlElement
@QmlSingleton
class Search(QObject):
    changed = Signal()

    def __init__(
        self,
        index: Searcher,
        language: Callable[[], str],
        events: EventLog,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.index = index
        self._language = language
        self._events = events
        self._text = ""
        self._suggestion = ""  # "did you mean", when a query finds nothing
        self._focus_pending = False  # the search box opens with the keyboard up
        self._counted = ""  # the last query counted, so a query counts once
        self.result_model = RecordListModel(ResultRole, self)
        # A query counts once the patient stops typing, even without pressing Enter
        # (on a touch screen they rarely do).
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.submit)

    @staticmethod
    def create(engine) -> Search:
        return provided(engine, Search)

    def run(self) -> None:
        """Search again (new text, language or index)."""
        text = self._text.strip()
        language = self._language()
        hits = self.index.search(self._text, language) if text else []
        self._suggestion = "" if hits or not text else self.index.suggestion(text, language)
        # In place: each keystroke changes a few rows, and QML keeps the others' delegates.
        self.result_model.update(
            [
                {"kind": h.kind, "id": h.id, "title": h.title, "where": h.where, "page": h.page}
                for h in hits
            ]
        )

    def clear(self) -> None:
        """No query (another screen's look, another language); nothing is counted."""
        if self._text:
            self._text = ""
            self.run()
            self.changed.emit()

    def reset_text(self) -> None:
        """Another language: no query; the results follow the language."""
        self._text = ""
        self.run()
        self.changed.emit()

    def replace_index(self, index: Searcher) -> None:
        """New content in place (the editor preview): the same query on the new index."""
        old, self.index = self.index, index
        if old is not index:
            old.close()
        self.run()
        self.changed.emit()

    def want_focus(self) -> None:
        self._focus_pending = True
        self.setText("")
        self.changed.emit()

    def reset(self, index: Searcher | None = None) -> None:
        """A new session: no query, nothing remembered (and maybe a new index)."""
        if index is not None and index is not self.index:
            old, self.index = self.index, index
            old.close()
        self._text = ""
        self._focus_pending = False
        self._counted = ""
        self._settle.stop()
        self.run()
        self.changed.emit()

    # -- what QML reads --------------------------------------------------------------------
    def _get_text(self) -> str:
        return self._text

    text = Property(str, _get_text, notify=changed)

    def _get_suggestion(self) -> str:
        return self._suggestion

    suggestion = Property(str, _get_suggestion, notify=changed)

    def _typing(self) -> bool:
        """A word is still being typed: the text does not end with a space."""
        return bool(self._text.strip()) and not self._text[-1].isspace()

    typing = Property(bool, _typing, notify=changed)

    def _get_focus_pending(self) -> bool:
        return self._focus_pending

    focusPending = Property(bool, _get_focus_pending, notify=changed)

    def _results(self) -> RecordListModel:
        return self.result_model

    results = Property(RecordListModel, _results, constant=True)

    # -- what QML asks for -----------------------------------------------------------------
    @Slot(str)
    def setText(self, text: str) -> None:  # noqa: N802 (QML API)
        if text == self._text:
            return
        self._text = text
        self.run()
        self.changed.emit()
        self._settle.start()

    @Slot()
    def submit(self) -> None:
        """The patient finished typing: counted (never the text) for usage statistics."""
        self._settle.stop()
        query = " ".join(self._text.lower().split())
        if query and query != self._counted:
            self._counted = query  # in memory only, cleared at reset
            self._events.emit("search", results=self.result_model.count, language=self._language())

    @Slot()
    def focusTaken(self) -> None:  # noqa: N802
        if self._focus_pending:
            self._focus_pending = False
            self.changed.emit()
