"""The action log tab: what was sent, totals, a monthly chart, reports, export and merge.

The log file is opened on first use, not at start-up. Every failure of the file (locked,
read-only, newer version, corrupt) is shown as the sentence the core gives, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from uaction_desktop.actionlog import (
    Action,
    ActionChannel,
    ActionFilter,
    ActionLog,
    ActionLogError,
)
from uaction_desktop.gui.action_dialog import ActionDialog, _pydate
from uaction_desktop.gui.file_names import with_suffix
from uaction_desktop.gui.log_model import ACTION_ROLE, ActionFilterProxy, ActionTableModel
from uaction_desktop.gui.month_chart import MonthChart
from uaction_desktop.gui.plain_text import plain
from uaction_desktop.i18n import _, ngettext
from uaction_desktop.model import Case

MAX_COLUMN_PX = 220


class ReportDialog(QDialog):
    """Shows the text to paste into the organisation's form; can mark the actions reported."""

    def __init__(self, text: str, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.setWindowTitle(_("Report to the organisation"))
        self.mark = False
        view = QPlainTextEdit(text, self)
        view.setObjectName("reportText")
        view.setReadOnly(True)
        copy = QPushButton(_("&Copy to clipboard"), self)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(text))
        buttons = QDialogButtonBox(self)
        mark = buttons.addButton(
            _("&Mark {count} as reported").format(count=count),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        mark.setEnabled(count > 0)
        mark.setAutoDefault(False)  # Enter closes; marking is a deliberate click
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        buttons.accepted.connect(self._mark)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        layout.addWidget(copy)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def _mark(self) -> None:
        self.mark = True
        self.accept()

    @classmethod
    def get_data(cls, parent: QWidget | None, text: str, count: int) -> bool:
        """True when the user asked to mark the actions as reported."""
        dialog = cls(text, count, parent)
        dialog.exec()
        return dialog.mark


class LogPanel(QWidget):
    changed = Signal()  # the log's contents changed
    statusMessage = Signal(str)

    def __init__(
        self,
        path,
        cases: Callable[[], list[Case]],
        signer: Callable[[], str],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("logPanel")
        self.path = path
        self._cases = cases
        self._signer = signer
        self.today = today
        self._log: ActionLog | None = None
        self._last_deleted: Action | None = None
        self._build()

    # -- building

    def _banner(self, name: str, background: str, colour: str) -> QLabel:
        """A hidden note across the panel (an error, a warning), shown as plain text."""
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setStyleSheet(f"background-color: {background}; color: {colour}; padding: 6px;")
        label.hide()
        return label

    def _build(self) -> None:
        self.error = self._banner("logError", "#fbe3e1", "#5c1610")
        self.readOnlyNote = self._banner("logReadOnly", "#fff1cc", "#4d3800")

        self.caseFilter = QComboBox(self)
        self.caseFilter.setObjectName("logCaseFilter")
        self.caseFilter.setAccessibleName(_("Show actions for case"))
        self.channelFilter = QComboBox(self)
        self.channelFilter.setObjectName("logChannelFilter")
        self.channelFilter.setAccessibleName(_("Show actions sent by"))
        self.channelFilter.addItem(_("All channels"), None)
        for channel in ActionChannel:
            self.channelFilter.addItem(channel.label, channel.value)
        self.reportedFilter = QComboBox(self)
        self.reportedFilter.setObjectName("logReportedFilter")
        self.reportedFilter.setAccessibleName(_("Reported or not"))
        for label, value in (
            (_("Reported or not"), None),
            (_("Not yet reported"), False),
            (_("Reported"), True),
        ):
            self.reportedFilter.addItem(label, value)
        self.useSince = QCheckBox(_("&From"), self)
        self.since = QDateEdit(QDate(self.today.year, 1, 1), self)
        self.since.setObjectName("logSince")
        self.since.setDisplayFormat("yyyy-MM-dd")
        self.since.setCalendarPopup(True)
        self.useUntil = QCheckBox(_("&to"), self)
        self.until = QDateEdit(QDate(self.today.year, self.today.month, self.today.day), self)
        self.until.setObjectName("logUntil")
        self.until.setDisplayFormat("yyyy-MM-dd")
        self.until.setCalendarPopup(True)

        self.model = ActionTableModel(self)
        self.proxy = ActionFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("logTable")
        self.table.setAccessibleName(_("Logged actions"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setWordWrap(False)
        self.totals = QLabel(self)
        self.totals.setObjectName("logTotals")
        self.totals.setWordWrap(True)
        self.totals.setTextFormat(Qt.TextFormat.PlainText)
        self.chart = MonthChart(self)
        self.sentText = QPlainTextEdit(self)
        self.sentText.setObjectName("logSentText")
        self.sentText.setReadOnly(True)
        self.sentText.setPlaceholderText(_("Select an action to see the text that was sent."))

        self.addAction_ = QAction(_("&Add…"), self)
        self.addAction_.setObjectName("logAdd")
        self.editAction = QAction(_("&Edit…"), self)
        self.editAction.setObjectName("logEdit")
        self.deleteAction = QAction(_("&Delete"), self)
        self.deleteAction.setObjectName("logDelete")
        self.deleteAction.setShortcut(QKeySequence.StandardKey.Delete)
        self.deleteAction.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.undoAction = QAction(_("&Undo delete"), self)
        self.undoAction.setObjectName("logUndo")
        self.undoAction.setShortcut(QKeySequence.StandardKey.Undo)
        self.undoAction.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.undoAction.setEnabled(False)
        self.reportAction = QAction(_("&Report…"), self)
        self.reportAction.setObjectName("logReport")
        self.csvAction = QAction(_("Export &CSV…"), self)
        self.csvAction.setObjectName("logExportCsv")
        self.exportAction = QAction(_("E&xport for the group…"), self)
        self.exportAction.setObjectName("logExportJson")
        self.importAction = QAction(_("&Merge members' logs…"), self)
        self.importAction.setObjectName("logImport")
        for action in (self.deleteAction, self.undoAction):
            self.addAction(action)

        filters = QHBoxLayout()
        for widget in (
            self.caseFilter,
            self.channelFilter,
            self.reportedFilter,
            self.useSince,
            self.since,
            self.useUntil,
            self.until,
        ):
            filters.addWidget(widget)
        filters.addStretch(1)
        # Two rows (the entries; reports and files), so the tab fits a 1024-pixel screen.
        buttons = QVBoxLayout()
        for group in (
            (self.addAction_, self.editAction, self.deleteAction, self.undoAction),
            (self.reportAction, self.csvAction, self.exportAction, self.importAction),
        ):
            row = QHBoxLayout()
            for action in group:
                button = QPushButton(action.text().replace("&", ""), self)
                button.setObjectName(action.objectName() + "Button")
                button.clicked.connect(action.trigger)
                action.enabledChanged.connect(button.setEnabled)
                button.setEnabled(action.isEnabled())
                row.addWidget(button)
            row.addStretch(1)
            buttons.addLayout(row)
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        summary = QWidget(lower)
        summary_layout = QVBoxLayout(summary)
        summary_layout.setContentsMargins(0, 0, 0, 0)
        summary_layout.addWidget(self.totals)
        summary_layout.addWidget(self.chart, 1)
        lower.addWidget(summary)
        lower.addWidget(self.sentText)
        vertical = QSplitter(Qt.Orientation.Vertical, self)
        vertical.addWidget(self.table)
        vertical.addWidget(lower)
        vertical.setStretchFactor(0, 2)
        vertical.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.readOnlyNote)
        layout.addWidget(self.error)
        layout.addLayout(filters)
        layout.addWidget(vertical, 1)
        layout.addLayout(buttons)

        for combo in (self.caseFilter, self.channelFilter, self.reportedFilter):
            combo.currentIndexChanged.connect(self.refresh)
        for check in (self.useSince, self.useUntil):
            check.toggled.connect(self.refresh)
        for edit in (self.since, self.until):
            edit.dateChanged.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(self._show_text)
        self.table.selectionModel().currentRowChanged.connect(self._update_row_actions)
        self.model.modelReset.connect(self._update_row_actions)
        self._update_row_actions()
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.addAction_.triggered.connect(lambda: self.add_action())
        self.editAction.triggered.connect(self.edit_selected)
        self.deleteAction.triggered.connect(self.delete_selected)
        self.undoAction.triggered.connect(self.undo_delete)
        self.reportAction.triggered.connect(self.report)
        self.csvAction.triggered.connect(self.export_csv)
        self.exportAction.triggered.connect(self.export_json)
        self.importAction.triggered.connect(self.import_json)

    # -- the log file

    def log(self) -> ActionLog | None:
        """The open log, opening it on first use; None (with the reason shown) if it can't be."""
        if self._log is None:
            try:
                self._log = ActionLog.open_for_reading(self.path)
            except ActionLogError as exc:
                self._show_error(str(exc))
                return None
            if self._log.read_only and "full" in self._log.why_read_only:
                self.readOnlyNote.setText(self._log.why_read_only)
                self.readOnlyNote.show()
            elif self._log.read_only:
                self.readOnlyNote.setText(
                    _(
                        "The action log is read-only here ({path}): you can look at it and report "
                        "from it, but not add or change actions. Copy it somewhere you can write "
                        "to, or make its folder writable, to log new actions."
                    ).format(path=self.path)
                )
                self.readOnlyNote.show()
        return self._log

    def close_log(self) -> None:
        if self._log is not None:
            self._log.close()
            self._log = None

    def _run(self, what: Callable[[ActionLog], object]) -> object | None:
        log = self.log()
        if log is None:
            return None
        try:
            result = what(log)
        except ActionLogError as exc:
            self._show_error(str(exc))
            return None
        self.error.hide()
        return result

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.statusMessage.emit(text)

    # -- showing

    def current_filter(self) -> ActionFilter:
        channel = self.channelFilter.currentData()
        return ActionFilter(
            case_ua=self.caseFilter.currentData(),
            channel=ActionChannel(channel) if channel else None,
            since=_pydate(self.since.date()) if self.useSince.isChecked() else None,
            until=_pydate(self.until.date()) if self.useUntil.isChecked() else None,
            reported=self.reportedFilter.currentData(),
        )

    def refresh(self) -> None:
        log = self.log()
        if log is None:
            self.model.set_actions([])
            return
        self._fill_case_filter(log)
        where = self.current_filter()
        actions = self._run(lambda lg: lg.actions(where)) or []
        self.model.set_actions(actions)
        self._size_columns()
        totals = self._run(lambda lg: lg.totals(where)) or {}
        lines = []
        for ua, tally in totals.items():
            parts = " · ".join(f"{c.label}: {n}" for c, n in tally.counts.items())
            lines.append(
                _("UA {ua}: {parts} (total {total})").format(ua=ua, parts=parts, total=tally.total)
            )
        self.totals.setText("\n".join(lines) or _("Nothing logged for this selection yet."))
        monthly = self._run(lambda lg: lg.monthly(where)) or {}
        self.chart.set_data(
            [(m, {c.value: n for c, n in t.counts.items()}) for m, t in monthly.items()]
        )
        self.sentText.clear()

    def _size_columns(self) -> None:
        """Columns as wide as their contents, but none wider than MAX_COLUMN_PX: one long
        official's title must not push the count and the channel out of sight (the whole
        text is in the tooltip, and the user may still widen a column)."""
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(header.count() - 1):
            if header.sectionSize(column) > MAX_COLUMN_PX:
                header.resizeSection(column, MAX_COLUMN_PX)

    def _fill_case_filter(self, log: ActionLog) -> None:
        current = self.caseFilter.currentData()
        known = {c.ua for c in self._cases()}
        uas = sorted(known | (self._run(lambda lg: lg.cases_with_actions()) or set()))
        self.caseFilter.blockSignals(True)
        self.caseFilter.clear()
        self.caseFilter.addItem(_("All cases"), None)
        for ua in uas:
            self.caseFilter.addItem(_("UA {ua}").format(ua=ua), ua)
        self.caseFilter.setCurrentIndex(max(self.caseFilter.findData(current), 0))
        self.caseFilter.blockSignals(False)

    def _show_text(self, current, _previous=None) -> None:
        action = current.data(ACTION_ROLE) if current.isValid() else None
        self.sentText.setPlainText(action.text if action else "")

    def _update_row_actions(self, *_args) -> None:
        """Edit and Delete need a row; with none chosen they are greyed out, not silent."""
        chosen = self.table.currentIndex().isValid()
        self.editAction.setEnabled(chosen)
        self.deleteAction.setEnabled(chosen)

    def selected_action(self) -> Action | None:
        index = self.table.currentIndex()
        return index.data(ACTION_ROLE) if index.isValid() else None

    # -- changing

    def add_action(self, prefill: Action | None = None) -> Action | None:
        cases = self._cases()
        template = prefill or Action(
            case_ua=cases[0].ua if cases else "1/00",
            channel=ActionChannel.LETTER,
            sent_on=self.today,
            signer=self._signer(),
        )
        action = ActionDialog.get_data(self, cases, template, _("Log an action"), self.today)
        if action is None:
            return None
        if self._run(lambda lg: lg.add(action)) is None:
            return None
        self._after_change(
            _("Logged {what} for UA {ua}.").format(
                what=action.channel.describe(action.count), ua=action.case_ua
            )
        )
        return action

    def record(self, actions: list[Action]) -> bool:
        """Add several actions at once (a meeting's letters): all of them, or none."""

        def add_all(log: ActionLog) -> int:
            with log.transaction():
                for action in actions:
                    log.add(action)
            return len(actions)

        if self._run(add_all) is None:
            return False
        total = sum(a.count for a in actions)
        self._after_change(
            ngettext(
                "Logged {total} letters in {count} entry.",
                "Logged {total} letters in {count} entries.",
                len(actions),
            ).format(total=total, count=len(actions))
        )
        return True

    def edit_selected(self) -> None:
        action = self.selected_action()
        if action is None:
            return
        edited = ActionDialog.get_data(self, self._cases(), action, _("Edit action"), self.today)
        if edited is None or edited == action:
            return
        if self._run(lambda lg: lg.update(edited)) is not None:
            self._after_change(_("Action updated."))

    def delete_selected(self) -> None:
        action = self.selected_action()
        if action is None:
            return
        deleted = self._run(lambda lg: lg.delete(action.id))
        if deleted is None:
            return
        self._last_deleted = action
        self.undoAction.setEnabled(True)
        self._after_change(
            _("Deleted “{what}” to {official}. Undo with Ctrl+Z.").format(
                what=action.channel.describe(action.count), official=action.official_display
            )
        )

    def undo_delete(self) -> None:
        action = self._last_deleted
        if action is None:
            return
        if self._run(lambda lg: lg.add(action)) is not None:
            self._last_deleted = None
            self.undoAction.setEnabled(False)
            self._after_change(_("Deleted action restored."))

    def _after_change(self, message: str) -> None:
        self.refresh()
        self.changed.emit()
        self.statusMessage.emit(message)

    # -- reports and files

    def report(self) -> None:
        """What to send the organisation: the actions shown that are not yet reported (so
        nothing is counted twice), and exactly those can then be marked reported. With the
        "Reported" filter it is a copy of what was already reported, with nothing to mark."""
        where = self.current_filter()
        again = where.reported is True
        chosen = where if again else replace(where, reported=False)
        references = {c.ua: c.report_reference for c in self._cases() if c.report_reference}
        text = self._run(lambda lg: lg.report_text(chosen, references))
        if text is None:
            return
        ids = [] if again else [a.id for a in (self._run(lambda lg: lg.actions(chosen)) or [])]
        if ReportDialog.get_data(self, str(text), len(ids)):
            changed = self._run(lambda lg: lg.mark_reported(ids, self.today)) or []
            self._after_change(
                ngettext(
                    "Marked {count} action as reported.",
                    "Marked {count} actions as reported.",
                    len(changed),
                ).format(count=len(changed))
            )

    def export_csv(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Export the log as CSV"), _("action-log.csv"), _("CSV files (*.csv)")
        )
        if path:
            path = with_suffix(path, ".csv")
            where = self.current_filter()
            count = self._run(lambda lg: lg.export_csv(path, where))
            if count is not None:
                self.statusMessage.emit(_wrote(count, path))

    def export_json(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            _("Export the log for your group"),
            _("action-log.json"),
            _("Action logs (*.json)"),
        )
        if path:
            path = with_suffix(path, ".json")
            count = self._run(lambda lg: lg.export_json(path))
            if count is not None:
                self.statusMessage.emit(_wrote(count, path))

    def import_json(self) -> None:
        """Merge members' files; the summary names every file, the refused ones too (a file
        left out silently would make the group's totals short)."""
        paths, _filter = QFileDialog.getOpenFileNames(
            self, _("Merge members' logs"), "", _("Action logs (*.json)")
        )
        log = self.log() if paths else None
        if log is None:
            return
        results: list[str] = []
        refused = 0
        for path in paths:
            name = Path(path).name
            try:
                result = log.import_json(path)
            except ActionLogError as exc:
                refused += 1
                results.append(
                    _("{name}: NOT MERGED, nothing taken from it: {exc}").format(name=name, exc=exc)
                )
                continue
            line = _("{name}: {added} added, {unchanged} already here").format(
                name=name, added=result.added, unchanged=result.unchanged
            )
            if result.updated:
                line += ", " + _("{updated} brought up to date (reported or replied)").format(
                    updated=result.updated
                )
            if result.conflicts:
                line += ", " + _("{count} conflicting (kept yours; differing: {fields})").format(
                    count=len(result.conflicts),
                    fields="; ".join(", ".join(c.fields) for c in result.conflicts[:5]),
                )
            results.append(line)
        self._after_change(
            _("Merged.")
            if not refused
            else ngettext("{count} file not merged.", "{count} files not merged.", refused).format(
                count=refused
            )
        )
        if refused:
            QMessageBox.warning(self, _("Some logs were not merged"), plain("\n".join(results)))
        else:
            QMessageBox.information(self, _("Logs merged"), plain("\n".join(results)))


def _wrote(count: int, path: str) -> str:
    return ngettext(
        "Wrote {count} action to {path}.", "Wrote {count} actions to {path}.", count
    ).format(count=count, path=path)
