"""The left pane: search, the active/expired/all switch, the case table and any broken files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from uaction_desktop.casefile import Problem
from uaction_desktop.gui.case_model import ENTRY_ROLE, CaseFilterProxy, CaseTableModel
from uaction_desktop.gui.plain_text import plain
from uaction_desktop.library import CaseEntry
from uaction_desktop.model import CaseStatus


class CaseListPanel(QWidget):
    caseSelected = Signal(object)  # CaseEntry, or None when nothing is selected

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CaseTableModel(self)
        self.proxy = CaseFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(self)
        self.search.setObjectName("caseSearch")
        self.search.setPlaceholderText("Search cases: UA, name, country, words…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search cases")

        self.scope = QComboBox(self)
        self.scope.setObjectName("caseScope")
        self.scope.setAccessibleName("Which cases to list")
        for label, value in (
            ("Active", CaseFilterProxy.ACTIVE),
            ("Expired and closed", CaseFilterProxy.EXPIRED),
            ("All", CaseFilterProxy.ALL),
        ):
            self.scope.addItem(label, value)

        self.note = QLabel(self)
        self.note.setObjectName("caseListNote")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.hide()
        self._list_note = ""  # what the note says about the list itself, with no search

        self.table = QTableView(self)
        self.table.setObjectName("caseList")
        self.table.setAccessibleName("Cases")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (0, 2, 3, 4, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnHidden(3, True)  # the status column says it in words

        self.problems = QListWidget(self)
        self.problems.setObjectName("caseProblems")
        self.problems.setAccessibleName("Case files with problems")
        self.problems.setMaximumHeight(110)
        self.problems_label = QLabel("Case files with problems (they were not loaded):", self)
        self.problems.hide()
        self.problems_label.hide()

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.scope)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problems)

        self.search.textChanged.connect(self._on_query)
        self.scope.currentIndexChanged.connect(self._on_scope)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.setTabOrder(self.search, self.scope)
        self.setTabOrder(self.scope, self.table)

    # -- filling

    def set_cases(self, entries: list[CaseEntry], problems: list[Problem], today: date) -> None:
        selected = self.current_entry()
        self.model.set_entries(entries, today)
        active = sum(1 for e in entries if e.status is CaseStatus.ACTIVE)
        if not active and entries and self.proxy.scope() == CaseFilterProxy.ACTIVE:
            self.scope.setCurrentIndex(2)
            self._list_note = (
                "No case is active right now: their deadlines have passed. They are listed "
                "below; check with your organisation for updates before writing."
            )
        elif not entries:
            self._list_note = "No cases yet. Import an Urgent Action or add a case file."
        elif active:
            self._list_note = ""
        self._show_note()
        self.problems.clear()
        for problem in problems:
            # The file's name first, so the message itself is visible; the full path on hover.
            where = Path(problem.file).name + (f":{problem.line}" if problem.line else "")
            text = (
                f"{where}: {problem.field}: {problem.message}"
                if problem.field
                else (f"{where}: {problem.message}")
            )
            item = QListWidgetItem(text)
            item.setToolTip(plain(str(problem)))
            self.problems.addItem(item)
        self.problems.setVisible(bool(problems))
        self.problems_label.setVisible(bool(problems))
        if selected is not None:
            self.select_ua(selected.ua)
        elif self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def select_ua(self, ua: str) -> bool:
        for row in range(self.proxy.rowCount()):
            entry = self.proxy.index(row, 0).data(ENTRY_ROLE)
            if entry.ua == ua:
                self.table.selectionModel().setCurrentIndex(
                    self.proxy.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                return True
        return False

    def current_entry(self) -> CaseEntry | None:
        index = self.table.currentIndex()
        return index.data(ENTRY_ROLE) if index.isValid() else None

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # -- reactions

    def _on_query(self, text: str) -> None:
        self.proxy.set_query(text)
        if text and self.proxy.rowCount() == 0 and self.proxy.scope() != CaseFilterProxy.ALL:
            self.scope.setCurrentIndex(2)  # look everywhere before saying "nothing found"
        self._show_note()
        self._ensure_selection()

    def _show_note(self) -> None:
        """A search that finds nothing says so; otherwise the note about the list, if any."""
        query = self.search.text().strip()
        if query and self.proxy.rowCount() == 0 and self.model.rowCount():
            self.note.setText(f'No case matches "{query}". Try fewer or other words.')
        else:
            self.note.setText(self._list_note)
        self.note.setVisible(bool(self.note.text()))

    def _on_scope(self, index: int) -> None:
        self.proxy.set_scope(self.scope.itemData(index))
        self._ensure_selection()

    def _ensure_selection(self) -> None:
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        elif not self.proxy.rowCount():
            self.caseSelected.emit(None)

    def _on_current(self, current, previous) -> None:
        self.caseSelected.emit(current.data(ENTRY_ROLE) if current.isValid() else None)
