"""The case list as a Qt model: one row per UA, sortable and filterable."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from uaction_desktop.case_json import days_left_text
from uaction_desktop.library import CaseEntry, matches
from uaction_desktop.model import CaseStatus

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

COLUMNS = ("UA", "Title", "Country", "Deadline", "Status", "Done")
_Index = QModelIndex | QPersistentModelIndex


class CaseTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._entries: list[CaseEntry] = []
        self._today = date.today()
        self._acted: set[str] = set()

    def set_entries(self, entries: list[CaseEntry], today: date) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self._today = today
        self.endResetModel()

    def set_acted(self, uas: set[str]) -> None:
        """UAs with at least one logged action; the list shows which are still to do."""
        self._acted = set(uas)
        if self._entries:
            self.dataChanged.emit(self.index(0, 5), self.index(len(self._entries) - 1, 5))

    def acted(self, entry: CaseEntry) -> bool:
        return entry.ua in self._acted

    def entries(self) -> list[CaseEntry]:
        return list(self._entries)

    def entry(self, row: int) -> CaseEntry:
        return self._entries[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

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
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        case = entry.case
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            done = "You have logged an action." if self.acted(entry) else "Not acted on yet."
            return f"UA {case.ua}: {case.title}\n{self.status_text(entry)}\n{done}"
        if role == ENTRY_ROLE:
            return entry
        if role == SORT_ROLE:
            return self._sort_key(entry, column)
        if role == Qt.ItemDataRole.ForegroundRole and entry.status is not CaseStatus.ACTIVE:
            return QApplication.palette().color(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        if role == Qt.ItemDataRole.FontRole and column == 4 and entry.status is CaseStatus.ACTIVE:
            days = case.days_left(self._today)
            if days is not None and days < 7:
                font = QFont()
                font.setBold(True)
                return font
        return None

    def status_text(self, entry: CaseEntry) -> str:
        if entry.status is CaseStatus.ACTIVE:
            return days_left_text(entry.case.deadline, self._today)
        return entry.status.value.capitalize()

    def _display(self, entry: CaseEntry, column: int) -> str:
        case = entry.case
        if column == 0:
            return case.ua
        if column == 1:
            return case.title
        if column == 2:
            return case.country
        if column == 3:
            return case.deadline.isoformat() if case.deadline else ""
        if column == 5:
            if self.acted(entry):
                return "✓"
            return "to do" if entry.status is CaseStatus.ACTIVE else ""
        return self.status_text(entry)

    def _sort_key(self, entry: CaseEntry, column: int) -> object:
        if column in (3, 4):
            rank = {CaseStatus.ACTIVE: 0, CaseStatus.EXPIRED: 1, CaseStatus.CLOSED: 2}[entry.status]
            deadline = entry.case.deadline or entry.case.issued
            days = (deadline - self._today).days
            return f"{rank}{(days if rank == 0 else -days) + 100000:08d}"
        return self._display(entry, column).casefold()


class CaseFilterProxy(QSortFilterProxyModel):
    """Filters by status (active / expired / all) and by the words typed in the search field."""

    ACTIVE, EXPIRED, ALL = "active", "expired", "all"

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._query = ""
        self._scope = self.ACTIVE
        self.setSortRole(SORT_ROLE)

    def set_query(self, text: str) -> None:
        self._change_filter(lambda: setattr(self, "_query", text))

    def set_scope(self, scope: str) -> None:
        self._change_filter(lambda: setattr(self, "_scope", scope))

    def _change_filter(self, change) -> None:
        # Qt 6.10 replaced invalidateFilter() with begin/endFilterChange().
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange()
        else:
            change()
            self.invalidateFilter()

    def scope(self) -> str:
        return self._scope

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        entry: CaseEntry = model.index(source_row, 0, source_parent).data(ENTRY_ROLE)
        if entry is None:
            return False
        if self._scope == self.ACTIVE and entry.status is not CaseStatus.ACTIVE:
            return False
        if self._scope == self.EXPIRED and entry.status is CaseStatus.ACTIVE:
            return False
        return matches(entry.case, self._query)
