"""The action log as a Qt table model, and a proxy that filters it."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt

from uaction_desktop.actionlog.action import Action
from uaction_desktop.gui.labels import channel_name
from uaction_desktop.gui.plain_text import plain, shown
from uaction_desktop.gui.table_model import Index as _Index
from uaction_desktop.gui.table_model import RowTableModel
from uaction_desktop.i18n import N_

ACTION_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMNS = (
    N_("Date"),
    N_("UA"),
    N_("To"),
    N_("Channel"),
    N_("Count"),
    N_("Signer"),
    N_("Reply"),
    N_("Reported"),
    N_("Note"),
)


class ActionTableModel(RowTableModel[Action]):
    COLUMNS = COLUMNS

    def set_actions(self, actions: list[Action]) -> None:
        self.set_rows(actions)

    def actions(self) -> list[Action]:
        return self.rows()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        action = self.row_at(index)
        if action is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return shown(_display(action, index.column()))
        if role == ACTION_ROLE:
            return action
        if role == SORT_ROLE:
            if index.column() == 0:
                return action.sent_on.isoformat()
            if index.column() == 4:
                return action.count
            return _display(action, index.column()).casefold()
        if role == Qt.ItemDataRole.ToolTipRole:
            # The whole text, for a column cut short (a long title, a long note).
            text = action.note if index.column() == 8 else _display(action, index.column())
            return plain(text) if text else None
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
        return channel_name(action.channel)
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
