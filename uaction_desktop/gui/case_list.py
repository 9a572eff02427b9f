"""The left pane: search, the active/expired/all switch, the case table and any broken files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, QTimer, Signal
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
from uaction_desktop.gui.case_model import (
    ENTRY_ROLE,
    CaseFilterProxy,
    CaseTableModel,
    SearchTexts,
)
from uaction_desktop.gui.plain_text import plain, shown
from uaction_desktop.i18n import _
from uaction_desktop.library import CaseEntry
from uaction_desktop.model import CaseStatus

FITTED_COLUMNS = (0, 2, 3, 4, 5)
SETTLE_MS = 150
COLUMN_TITLES = CaseTableModel.COLUMNS


class CaseListPanel(QWidget):
    caseSelected = Signal(object)  # CaseEntry, or None when nothing is selected

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CaseTableModel(self)
        self._shown: CaseEntry | None = None  # the entry last announced by caseSelected
        # While the user types, the case the filter selects is shown once typing pauses: the
        # list follows every keystroke, the case's whole text (a long layout) does not.
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.flush_selection)
        self._pending: tuple[CaseEntry | None] | None = None
        self._typing = False
        self.proxy = CaseFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(self)
        self.search.setObjectName("caseSearch")
        self.search.setPlaceholderText(_("Search cases: UA, name, country, words…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(_("Search cases"))

        self.scope = QComboBox(self)
        self.scope.setObjectName("caseScope")
        self.scope.setAccessibleName(_("Which cases to list"))
        for label, value in (
            (_("Active"), CaseFilterProxy.ACTIVE),
            (_("Expired and closed"), CaseFilterProxy.EXPIRED),
            (_("All"), CaseFilterProxy.ALL),
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
        self.table.setAccessibleName(_("Cases"))
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
        for column in FITTED_COLUMNS:  # sized from their texts (_fit_columns), not per row
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnHidden(3, True)  # the status column says it in words

        self.problems = QListWidget(self)
        self.problems.setObjectName("caseProblems")
        self.problems.setAccessibleName(_("Case files with problems"))
        self.problems.setMaximumHeight(110)
        self.problems_label = QLabel(_("Case files with problems (they were not loaded):"), self)
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

    def set_cases(
        self,
        entries: list[CaseEntry],
        problems: list[Problem],
        today: date,
        search_texts: SearchTexts | None = None,
    ) -> None:
        """``search_texts`` gives the entries' search texts (from the case index), asked for
        at the first search."""
        selected = self.current_entry()
        self.model.set_entries(entries, today, search_texts)
        self._fit_columns(entries)
        active = sum(1 for e in entries if e.status is CaseStatus.ACTIVE)
        if not active and entries and self.proxy.scope() == CaseFilterProxy.ACTIVE:
            self.scope.setCurrentIndex(2)
            self._list_note = _(
                "No case is active right now: their deadlines have passed. They are listed "
                "below; check with your organisation for updates before writing."
            )
        elif not entries:
            self._list_note = _("No cases yet. Import an Urgent Action or add a case file.")
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
            item = QListWidgetItem(shown(text))
            item.setToolTip(plain(str(problem)))
            self.problems.addItem(item)
        self.problems.setVisible(bool(problems))
        self.problems_label.setVisible(bool(problems))
        if selected is not None:
            self.select_ua(selected.ua)
        elif self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def _fit_columns(self, entries: list[CaseEntry]) -> None:
        """Each short column as wide as its widest text. Qt's "resize to contents" asks the
        model for every row's data (tens of thousands of calls for a few thousand cases);
        the distinct texts of a column are few, and measured here once."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        texts: dict[int, set[str]] = {
            column: {_(COLUMN_TITLES[column])} for column in FITTED_COLUMNS
        }
        texts[5].update(("✓", _("to do")))
        for entry in entries:
            texts[0].add(entry.ua)
            texts[2].add(entry.card.country)
            texts[4].add(self.model.status_text(entry))
        texts[3].add("0000-00-00")
        padding = 2 * metrics.horizontalAdvance("M")
        for column, values in texts.items():
            widest = max(metrics.horizontalAdvance(value) for value in values)
            header.resizeSection(column, min(widest + padding, 320))

    def select_ua(self, ua: str) -> bool:
        row = self.model.row_of(ua)
        if row is None:
            return False
        self.table.selectionModel().setCurrentIndex(
            self.proxy.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        return True

    def current_entry(self) -> CaseEntry | None:
        index = self.table.currentIndex()
        return index.data(ENTRY_ROLE) if index.isValid() else None

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.model.forget_colours()

    # -- reactions

    def _on_query(self, text: str) -> None:
        self._typing = True
        try:
            self._refilter(lambda: self.proxy.set_query(text))
        finally:
            self._typing = False
        if text and self.proxy.rowCount() == 0 and self.proxy.scope() != CaseFilterProxy.ALL:
            self.scope.setCurrentIndex(2)  # look everywhere before saying "nothing found"
        self._show_note()

    def _show_note(self) -> None:
        """A search that finds nothing says so; otherwise the note about the list, if any."""
        query = self.search.text().strip()
        if query and self.proxy.rowCount() == 0 and self.model.case_count():
            self.note.setText(
                _('No case matches "{query}". Try fewer or other words.').format(query=query)
            )
        else:
            self.note.setText(self._list_note)
        self.note.setVisible(bool(self.note.text()))

    def _on_scope(self, index: int) -> None:
        self._refilter(lambda: self.proxy.set_scope(self.scope.itemData(index)))

    def _refilter(self, change) -> None:
        """Change the filter, keeping the selected case selected while it is still listed."""
        selected = self._pending[0] if self._pending is not None else self._shown
        change()
        if selected is not None and self.select_ua(selected.ua):
            return
        self._ensure_selection()

    def _ensure_selection(self) -> None:
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        elif not self.proxy.rowCount():
            self._announce(None)

    def _on_current(self, current, previous) -> None:
        self._announce(current.data(ENTRY_ROLE) if current.isValid() else None)

    def _announce(self, entry: CaseEntry | None) -> None:
        if self._typing:
            self._pending = (entry,)
            self._settle.start()
            return
        self._settle.stop()
        self._pending = None
        # The list is rebuilt as the user types; the same case, still selected, is not news.
        if entry is self._shown and entry is not None:
            return
        self._shown = entry
        self.caseSelected.emit(entry)

    def flush_selection(self) -> None:
        """Announce now the case the last keystroke selected, if it is still waiting."""
        if self._pending is not None:
            (entry,) = self._pending
            self._announce(entry)
