"""What the maintenance screen shows, as typed QML properties and list models.

Maintenance (kiosk/qt/maintenance.py) checks the content folder on a worker thread, which
makes a FolderCheck; back on the UI thread it shows that, with the running kiosk's state,
in its MaintenanceStatus. QML reads typed properties, and rows through their roles.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, Signal
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.check.problems import Severity
from kiosk.qt.models import RecordListModel
from kiosk.qt.roles import ProblemRole, SystemRole
from kiosk.qt.types.qt_names import QStringList
from kiosk.stats import usage

if TYPE_CHECKING:
    from kiosk.content.model import Catalog

log = logging.getLogger("kiosk.maintenance")

QML_IMPORT_NAME = "KioskCore"
QML_IMPORT_MAJOR_VERSION = 1

MAX_PROBLEMS_SHOWN = 100
USAGE_DAYS = 7


@dataclass(frozen=True)
class UsageWeek:
    """A week of use as the usage card shows it; not available: no statistics to show."""

    available: bool = False
    sessions: int = 0
    median: str = "-"
    searches: int = 0
    no_results: int = 0
    explainers: tuple[str, ...] = ()  # "name (views)", the most read first
    questions: tuple[str, ...] = ()


@dataclass(frozen=True)
class FolderCheck:
    """What `kiosk check` finds in the content folder on disk, or why it could not run."""

    version: str = ""
    errors: int = 0
    warnings: int = 0
    problems: tuple[dict[str, Any], ...] = ()  # rows with ProblemRole's fields, errors first
    failure: str | None = None
    usage: UsageWeek = UsageWeek()


@dataclass(frozen=True)
class Running:
    """The running kiosk: the content on screen, and the system card's rows."""

    version: str
    loaded_at: str
    system: tuple[dict[str, str], ...]  # rows with SystemRole's fields


def folder_check(catalog: Catalog, week: UsageWeek) -> FolderCheck:
    problems = sorted(
        catalog.problems, key=lambda p: (p.severity != Severity.ERROR, p.file, p.line or 0)
    )
    errors = sum(p.severity == Severity.ERROR for p in problems)
    return FolderCheck(
        version=catalog.version,
        errors=errors,
        warnings=len(problems) - errors,
        problems=tuple(
            {
                "error": p.severity == Severity.ERROR,
                "where": p.file + (f":{p.line}" if p.line else ""),
                "message": p.message,
            }
            for p in problems[:MAX_PROBLEMS_SHOWN]
        ),
        usage=week,
    )


def usage_week(db: Path | None) -> UsageWeek:
    if db is None:
        return UsageWeek()
    since = dt.date.today() - dt.timedelta(days=USAGE_DAYS - 1)
    try:
        r = usage.report(db, since, top=3)
    except Exception as exc:  # the card says there are no statistics; the kiosk goes on
        log.warning("usage report failed: %s", exc)
        return UsageWeek()
    return UsageWeek(
        available=True,
        sessions=r.sessions,
        median=usage.format_duration(r.median_session_s),
        searches=r.searches,
        no_results=r.no_result_searches,
        explainers=tuple(f"{name} ({n})" for name, n in r.top_explainers),
        questions=tuple(f"{name} ({n})" for name, n in r.top_questions),
    )


@QmlElement
@QmlUncreatable("Maintenance shows its status")
class MaintenanceStatus(QObject):  # type: ignore[operator]  # (the stub: a class, not a decorator)
    """Empty until the first check is shown; every property changes at once."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._running = Running("", "", ())
        self._folder: FolderCheck | None = None  # None: not checked yet
        self.problem_model = RecordListModel(ProblemRole, self)
        self.system_model = RecordListModel(SystemRole, self)

    def show(self, running: Running, folder: FolderCheck) -> None:
        self._running = running
        self._folder = folder
        self.problem_model.replace(list(folder.problems))
        self.system_model.replace(list(running.system))
        self.changed.emit()

    def _folder_or_empty(self) -> FolderCheck:
        return self._folder or FolderCheck()

    def _week(self) -> UsageWeek:
        return self._folder_or_empty().usage

    def _running_version(self) -> str:
        return self._running.version

    runningVersion = Property(str, _running_version, notify=changed)

    def _loaded_at(self) -> str:
        return self._running.loaded_at

    loadedAt = Property(str, _loaded_at, notify=changed)

    def _system(self) -> RecordListModel:
        return self.system_model

    system = Property(RecordListModel, _system, constant=True)

    def _folder_checked(self) -> bool:
        """The check ran: the folder's version, counts and problems are shown."""
        return self._folder is not None and self._folder.failure is None

    folderChecked = Property(bool, _folder_checked, notify=changed)

    def _folder_version(self) -> str:
        return self._folder_or_empty().version

    folderVersion = Property(str, _folder_version, notify=changed)

    def _errors(self) -> int:
        return self._folder_or_empty().errors

    errors = Property(int, _errors, notify=changed)

    def _warnings(self) -> int:
        return self._folder_or_empty().warnings

    warnings = Property(int, _warnings, notify=changed)

    def _check_failed(self) -> str:
        """Why the check could not run ("" when it ran)."""
        return self._folder_or_empty().failure or ""

    checkFailed = Property(str, _check_failed, notify=changed)

    def _problems(self) -> RecordListModel:
        return self.problem_model

    problems = Property(RecordListModel, _problems, constant=True)

    def _usage_available(self) -> bool:
        return self._week().available

    usageAvailable = Property(bool, _usage_available, notify=changed)

    def _sessions(self) -> int:
        return self._week().sessions

    sessions = Property(int, _sessions, notify=changed)

    def _median_session(self) -> str:
        return self._week().median

    medianSession = Property(str, _median_session, notify=changed)

    def _searches(self) -> int:
        return self._week().searches

    searches = Property(int, _searches, notify=changed)

    def _no_result_searches(self) -> int:
        return self._week().no_results

    noResultSearches = Property(int, _no_result_searches, notify=changed)

    def _top_explainers(self) -> list[str]:
        return list(self._week().explainers)

    # PySide6 takes a QML type name here; its stub allows only a Python type.
    topExplainers = Property(QStringList, _top_explainers, notify=changed)  # type: ignore[arg-type]

    def _top_questions(self) -> list[str]:
        return list(self._week().questions)

    topQuestions = Property(QStringList, _top_questions, notify=changed)  # type: ignore[arg-type]
