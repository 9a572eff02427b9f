"""The case list as a Qt model: one row per UA, sortable and filterable."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from uaction_desktop.case_json import days_left_text
from uaction_desktop.gui.plain_text import plain
from uaction_desktop.gui.table_model import Index as _Index
from uaction_desktop.gui.table_model import RowTableModel
from uaction_desktop.library import CaseEntry, matches
from uaction_desktop.model import CaseStatus

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

COLUMNS = ("UA", "Title", "Country", "Deadline", "Status", "Done")


class CaseTableModel(RowTableModel[CaseEntry]):
    COLUMNS = COLUMNS

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._today = date.today()
        self._acted: set[str] = set()

    def set_entries(self, entries: list[CaseEntry], today: date) -> None:
        self._today = today
        self.set_rows(entries)

    def set_acted(self, uas: set[str]) -> None:
        """UAs with at least one logged action; the list shows which are still to do."""
        self._acted = set(uas)
        if self._rows:
            self.dataChanged.emit(self.index(0, 5), self.index(len(self._rows) - 1, 5))

    def acted(self, entry: CaseEntry) -> bool:
        return entry.ua in self._acted

    def entries(self) -> list[CaseEntry]:
        return self.rows()

    def entry(self, row: int) -> CaseEntry:
        return self._rows[row]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        entry = self.row_at(index)
        if entry is None:
            return None
        case = entry.case
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            done = "You have logged an action." if self.acted(entry) else "Not acted on yet."
            return plain(f"UA {case.ua}: {case.title}\n{self.status_text(entry)}\n{done}")
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
