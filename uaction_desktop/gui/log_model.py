"""The action log as a Qt table model, and a proxy that filters it."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from uaction_desktop.actionlog.action import Action

ACTION_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMNS = ("Date", "UA", "To", "Channel", "Count", "Signer", "Reply", "Reported", "Note")
_Index = QModelIndex | QPersistentModelIndex


class ActionTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._actions: list[Action] = []

    def set_actions(self, actions: list[Action]) -> None:
        self.beginResetModel()
        self._actions = list(actions)
        self.endResetModel()

    def actions(self) -> list[Action]:
        return list(self._actions)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._actions)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._actions):
            return None
        action = self._actions[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(action, index.column())
        if role == ACTION_ROLE:
            return action
        if role == SORT_ROLE:
            if index.column() == 0:
                return action.sent_on.isoformat()
            if index.column() == 4:
                return action.count
            return _display(action, index.column()).casefold()
        if role == Qt.ItemDataRole.ToolTipRole and action.note:
            return action.note
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _display(action: Action, column: int) -> str:
    if column == 0:
        return action.sent_on.isoformat()
    if column == 1:
        return action.case_ua
    if column == 2:
        return action.official_display
    if column == 3:
        return action.channel.value
    if column == 4:
        return str(action.count)
    if column == 5:
        return action.signer
    if column == 6:
        return action.reply.label
    if column == 7:
        return action.reported_on.isoformat() if action.reported_on else ""
    return action.note.replace("\n", " ")


class ActionFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
