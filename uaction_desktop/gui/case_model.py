"""The case list as a Qt model: one row per UA, sortable and filterable.

The model filters and sorts itself, in Python over keys made once, rather than behind a
QSortFilterProxyModel: a proxy asks the model for every row's data to sort or filter it (tens
of thousands of calls for a few thousand cases), while here a keystroke is one pass of the case
search and the view asks only for the rows it paints.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QIdentityProxyModel, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from uaction_desktop.case_json import days_left_text, document_suffix
from uaction_desktop.case_search import CaseSearch
from uaction_desktop.gui.labels import status_label
from uaction_desktop.gui.plain_text import plain, shown
from uaction_desktop.gui.table_model import Index as _Index
from uaction_desktop.gui.table_model import RowTableModel
from uaction_desktop.i18n import N_, _
from uaction_desktop.library import CaseEntry
from uaction_desktop.model import CaseStatus

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
_DISPLAY = Qt.ItemDataRole.DisplayRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_FONT = Qt.ItemDataRole.FontRole

INDEX_ROWS_PER_EVENT = 80  # about as much as indexing 80 cases between events (~1.5 ms)
COLUMNS = (N_("UA"), N_("Title"), N_("Country"), N_("Deadline"), N_("Status"), N_("Done"))
_CELLS = len(COLUMNS)  # a cell's key: position * _CELLS + column


ACTIVE, EXPIRED, ALL = "active", "expired", "all"
_RANK = {CaseStatus.ACTIVE: 0, CaseStatus.EXPIRED: 1, CaseStatus.CLOSED: 2}
_ACTIVE = CaseStatus.ACTIVE
# The roles this model answers; the view asks for a dozen others for every cell it paints.
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.UserRole + 1,
        Qt.ItemDataRole.UserRole + 2,
    }
)

SearchTexts = Callable[[list[CaseEntry]], list[str]]


class CaseTableModel(RowTableModel[CaseEntry]):
    """The cases listed: those of the chosen scope that match the query, in the chosen order.

    ``entries()`` are all the cases given; the rows are the ones shown."""

    COLUMNS = COLUMNS

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._today = date.today()
        self._acted: set[str] = set()
        self._all: list[CaseEntry] = []
        self._positions: dict[str, int] = {}  # UA -> position in _all
        self._shown_positions: list[int] = []  # position in _all of each row
        self._texts: SearchTexts | None = None
        self._search: CaseSearch | None = None
        self._index_timer: QTimer | None = None
        self._query = ""
        self._scope = ACTIVE
        self._sort: tuple[int, Qt.SortOrder] = (4, Qt.SortOrder.AscendingOrder)
        self._orders: dict[int, list[int]] = {}  # column -> every entry's position, ascending
        self._scoped: dict[tuple, list[int]] = {}  # (column, order, scope) -> positions
        self._ranks: dict[tuple, dict[int, int]] = {}  # the same -> position -> row
        self._identity: dict[tuple, bool] = {}  # (column, order) -> rows in position order?
        self._cells: dict[int, str] = {}  # a cell's text as shown, by _CELLS * position + column
        self._muted: QColor | None = None  # the text colour of a case no longer active
        self._bold: QFont | None = None  # the status of a case with less than a week to go

    def set_entries(
        self, entries: list[CaseEntry], today: date, search_texts: SearchTexts | None = None
    ) -> None:
        """``search_texts`` gives the entries' folded search texts; asked for at the first
        search, so listing the cases never waits for it."""
        self._today = today
        self._all = list(entries)
        self._positions = {entry.ua: i for i, entry in enumerate(self._all)}
        self._texts = search_texts
        self._search = None
        self._cells, self._muted = {}, None  # new cases, a new day; perhaps a new palette
        self._forget_orders()
        self._refresh(new_entries=True)

    def _forget_orders(self) -> None:
        self._orders, self._scoped, self._ranks, self._identity = {}, {}, {}, {}

    def set_query(self, text: str) -> None:
        self._query = text
        self._refresh()

    def set_scope(self, scope: str) -> None:
        self._scope = scope
        self._refresh()

    def scope(self) -> str:
        return self._scope

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._sort = (column, order)
        self._refresh()

    def _refresh(self, new_entries: bool = False) -> None:
        """The rows for the query, scope and order; the view is reset (and repaints all it
        shows) only if they changed: a key that changes no row ("ua" to "ua ") costs nothing."""
        rows = self._matching()
        column, order = self._sort
        ordered = self._in_scope(column, order)
        if rows is not None and self._in_position_order(column, order):
            # Sorted as the library lists them (most urgent first, the usual case): the
            # matching positions are already in order, and only the scope remains to check.
            ordered = rows if self._scope == ALL else [i for i in rows if self._scoped_in(i)]
        elif rows is not None:
            if len(rows) * 8 < len(ordered):  # few matches: put them in order
                rank = self._rank(column, order)
                ordered = sorted((i for i in rows if i in rank), key=rank.__getitem__)
            else:
                wanted = set(rows)
                ordered = [i for i in ordered if i in wanted]
        if not new_entries and ordered == self._shown_positions:
            return
        entries = self._all
        self._shown_positions = ordered
        self.set_rows([entries[i] for i in ordered])

    def _in_scope(self, column: int, order: Qt.SortOrder) -> list[int]:
        """Positions of the entries in the scope, in the order asked for (kept until the
        entries, the scope or the day change)."""
        key = (column, order, self._scope)
        if key not in self._scoped:
            ordered = self._order(column)
            if order == Qt.SortOrder.DescendingOrder:
                ordered = ordered[::-1]
            if self._scope != ALL:
                active = self._scope == ACTIVE
                entries = self._all
                ordered = [i for i in ordered if (entries[i].status is _ACTIVE) == active]
            self._scoped[key] = ordered
        return self._scoped[key]

    def _in_position_order(self, column: int, order: Qt.SortOrder) -> bool:
        key = (column, order)
        if key not in self._identity:
            ordered = self._order(column)
            if order == Qt.SortOrder.DescendingOrder:
                ordered = ordered[::-1]
            self._identity[key] = ordered == list(range(len(ordered)))
        return self._identity[key]

    def _scoped_in(self, position: int) -> bool:
        return (self._all[position].status is _ACTIVE) == (self._scope == ACTIVE)

    def _rank(self, column: int, order: Qt.SortOrder) -> dict[int, int]:
        key = (column, order, self._scope)
        if key not in self._ranks:
            self._ranks[key] = {i: n for n, i in enumerate(self._in_scope(column, order))}
        return self._ranks[key]

    def prepare_search(self) -> None:
        """Fetch the search texts now (the window does it just after its first paint), so
        the first keystroke does not wait for them."""
        if self._search is None:
            texts = self._texts(self._all) if self._texts else [_card_text(e) for e in self._all]
            self._search = CaseSearch([e.ua for e in self._all], texts)
            if len(texts) >= CaseSearch.FEW:  # a big library: its words indexed between events
                if self._index_timer is None:
                    self._index_timer = QTimer(self)
                    self._index_timer.timeout.connect(self._index_some)
                self._index_timer.start(0)

    def search_ready(self) -> bool:
        """The search has its texts and, for a big library, its word index complete."""
        search = self._search
        return search is not None and (search.indexed or len(self._all) < CaseSearch.FEW)

    def _index_some(self) -> None:
        """Some cases' words into the search's index, until it is complete."""
        search = self._search
        if (search is None or search.build_index(INDEX_ROWS_PER_EVENT)) and self._index_timer:
            self._index_timer.stop()

    def _matching(self) -> list[int] | None:
        if not self._query.strip():
            return None
        self.prepare_search()
        assert self._search is not None
        return self._search.rows(self._query)

    def _order(self, column: int) -> list[int]:
        if column not in self._orders:
            keys = [self._sort_key(entry, column) for entry in self._all]
            self._orders[column] = sorted(range(len(keys)), key=keys.__getitem__)
        return self._orders[column]

    def set_acted(self, uas: set[str]) -> None:
        """UAs with at least one logged action; the list shows which are still to do."""
        self._acted = set(uas)
        self._forget_orders()  # the "Done" column sorts by it
        self._cells = {k: v for k, v in self._cells.items() if k % _CELLS != 5}
        if self._rows:
            self.dataChanged.emit(self.index(0, 5), self.index(len(self._rows) - 1, 5))

    def forget_colours(self) -> None:
        """The palette changed (a light or dark theme chosen while the app runs)."""
        self._muted = None
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 5))

    def acted(self, entry: CaseEntry) -> bool:
        return entry.ua in self._acted

    def entries(self) -> list[CaseEntry]:
        return list(self._all)

    def case_count(self) -> int:
        """How many cases there are, whatever the search and scope show."""
        return len(self._all)

    def entry(self, row: int) -> CaseEntry:
        return self._rows[row]

    def row_of(self, ua: str) -> int | None:
        """The row showing UA ``ua``, if it is shown."""
        position = self._positions.get(ua)
        if position is None:
            return None
        try:
            return self._shown_positions.index(position)
        except ValueError:
            return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        """The view asks for seven roles of every cell it paints, for each row in sight at
        every keystroke: the texts shown are made once per case and column, the colour and
        the bold font once."""
        if role not in _ROLES:
            return None
        row = index.row()
        if not 0 <= row < len(self._rows) or not index.isValid():
            return None
        column = index.column()
        if role == _DISPLAY:
            key = self._shown_positions[row] * _CELLS + column
            text = self._cells.get(key)
            if text is None:
                text = self._cells[key] = shown(self._display(self._rows[row], column))
            return text
        entry = self._rows[row]
        if role == _FOREGROUND:
            if entry.status is _ACTIVE:
                return None
            if self._muted is None:
                self._muted = QApplication.palette().color(
                    QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
                )
            return self._muted
        if role == _FONT:
            if column == 4 and entry.status is _ACTIVE:
                days = entry.card.days_left(self._today)
                if days is not None and days < 7:
                    if self._bold is None:
                        self._bold = QFont()
                        self._bold.setBold(True)
                    return self._bold
            return None
        if role == ENTRY_ROLE:
            return entry
        if role == SORT_ROLE:
            return self._sort_key(entry, column)
        card = entry.card  # the tooltip
        done = _("You have logged an action.") if self.acted(entry) else _("Not acted on yet.")
        return plain(
            _("UA {ua}: {title}\n{status_text}\n{done}").format(
                ua=card.ua + document_suffix(card.kind, card.update),
                title=card.title,
                status_text=self.status_text(entry),
                done=done,
            )
        )

    def status_text(self, entry: CaseEntry) -> str:
        if entry.status is CaseStatus.ACTIVE:
            return days_left_text(entry.card.deadline, self._today)
        return status_label(entry.status)

    def _display(self, entry: CaseEntry, column: int) -> str:
        card = entry.card
        if column == 0:
            return card.ua
        if column == 1:
            return card.title
        if column == 2:
            return card.country
        if column == 3:
            return card.deadline.isoformat() if card.deadline else ""
        if column == 5:
            if self.acted(entry):
                return "✓"
            return _("to do") if entry.status is CaseStatus.ACTIVE else ""
        return self.status_text(entry)

    def _sort_key(self, entry: CaseEntry, column: int) -> object:
        if column in (3, 4):
            rank = _RANK[entry.status]
            deadline = entry.card.deadline or entry.card.issued
            days = (deadline - self._today).days
            return f"{rank}{(days if rank == 0 else -days) + 100000:08d}"
        if column == 0:
            number, _slash, year = entry.ua.partition("/")
            return f"{int(year) % 100 if len(year) == 2 else int(year):04d}{int(number):06d}"
        return self._display(entry, column).casefold()


def _card_text(entry: CaseEntry) -> str:
    """Search text from what the list holds, for entries given without their index texts."""
    from uaction_desktop.case_search import search_text

    return search_text(entry.case)


class CaseFilterProxy(QIdentityProxyModel):
    """The view's handle on the filters: by status (active / expired / all) and by the words
    typed in the search field. The model does the work; this passes the settings on."""

    ACTIVE, EXPIRED, ALL = ACTIVE, EXPIRED, ALL

    def _cases(self) -> CaseTableModel:
        model = self.sourceModel()
        assert isinstance(model, CaseTableModel)
        return model

    def set_query(self, text: str) -> None:
        self._cases().set_query(text)

    def set_scope(self, scope: str) -> None:
        self._cases().set_scope(scope)

    def scope(self) -> str:
        return self._cases().scope()
