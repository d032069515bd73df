"""List models exposed to QML: rows are plain dicts, roles are their keys."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    Property,
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtQml import QmlElement, QmlUncreatable

QML_IMPORT_NAME = "KioskCore"
QML_IMPORT_MAJOR_VERSION = 1


@QmlElement
@QmlUncreatable("the kiosk's types make their lists")
class RecordListModel(QAbstractListModel):  # type: ignore[operator]  # (the stub: a class, not a decorator)
    """A list of records whose roles are an IntEnum (kiosk/qt/roles.py), e.g.
    RecordListModel(TopicRole): rows are dicts keyed by the members' names.

    Used for explainer cards, topics, questions and search results. `replace` resets the
    model in one step so views rebuild once, not once per row; `update` changes it in place.
    """

    countChanged = Signal()

    def __init__(self, roles: type[IntEnum], parent=None):
        super().__init__(parent)
        self.roles = roles
        self._role_ids = {int(role): role.name for role in roles}
        self._rows: list[dict[str, Any]] = []

    def roleNames(self) -> dict[int, QByteArray]:  # noqa: N802 (Qt API)
        return {role: QByteArray(name.encode()) for role, name in self._role_ids.items()}

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.get("title", "")
        name = self._role_ids.get(role)
        return None if name is None else row.get(name)

    def replace(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = [dict(r) for r in rows]
        self.endResetModel()
        self.countChanged.emit()

    def update(self, rows: list[dict[str, Any]]) -> None:
        """Change the list in place: rows that stay keep their delegates, changed rows are
        told so, and only the tail is added or removed. For a list that changes a little at
        a time (search results per keystroke), where a reset would rebuild every row."""
        new = [dict(r) for r in rows]
        before, after = len(self._rows), len(new)
        if after < before:
            self.beginRemoveRows(QModelIndex(), after, before - 1)
            del self._rows[after:]
            self.endRemoveRows()
        changed = [i for i in range(min(before, after)) if self._rows[i] != new[i]]
        if changed:
            first, last = changed[0], changed[-1]
            self._rows[first : last + 1] = new[first : last + 1]
            self.dataChanged.emit(self.index(first), self.index(last))
        if after > before:
            self.beginInsertRows(QModelIndex(), before, after - 1)
            self._rows.extend(new[before:])
            self.endInsertRows()
        if after != before:
            self.countChanged.emit()

    def rows(self) -> list[dict[str, Any]]:
        return list(self._rows)

    def _count(self) -> int:
        return len(self._rows)

    count = Property(int, _count, notify=countChanged)
