"""The meeting pack: choose cases and signers, build the PDF off the UI thread, then log it.

Building runs on a worker thread behind a progress dialog with Cancel; a cancelled or failed
build leaves no partial file (the core writes atomically at the very end).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QSize, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from uaction_desktop.actionlog import Action, ActionChannel
from uaction_desktop.case_json import status_word
from uaction_desktop.gui.file_names import with_suffix
from uaction_desktop.gui.plain_text import plain
from uaction_desktop.gui.screen_fit import fit_to_screen, scrolling, unscrolled_size
from uaction_desktop.i18n import _, ngettext
from uaction_desktop.library import CaseLibrary
from uaction_desktop.model import CaseStatus
from uaction_desktop.pack import (
    PackCancelled,
    PackError,
    PackOptions,
    PackResult,
    RosterError,
    build_pack,
    load_roster,
    plan_pack,
)
from uaction_desktop.profile import LAYOUT_LABELS, LAYOUTS, SenderProfile

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PackRequest:
    options: PackOptions
    output: Path


class PackWorker(QThread):
    """Runs ``build_pack`` away from the UI thread and reports through signals."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)  # PackResult
    failed = Signal(str)
    cancelled = Signal()

    def __init__(
        self,
        request: PackRequest,
        library: CaseLibrary,
        profile: SenderProfile,
        today: date,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.request = request
        self.library = library
        self.profile = profile
        self.today = today
        self.stop = threading.Event()

    def run(self) -> None:
        try:
            result = build_pack(
                self.request.options,
                self.library,
                self.profile,
                self.request.output,
                today=self.today,
                progress=lambda done, total, what: self.progressed.emit(done, total, what),
                cancelled=self.stop.is_set,
            )
        except PackCancelled:
            self.cancelled.emit()
        except PackError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a bug must still end in a message, not a silent thread
            log.exception("building the meeting pack failed")
            self.failed.emit(_("unexpected error: {exc}").format(exc=exc))
        else:
            self.succeeded.emit(result)


class PackDialog(QDialog):
    def __init__(
        self,
        library: CaseLibrary,
        profile: SenderProfile,
        today: date,
        record: Callable[[list[Action]], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("packDialog")
        self.setWindowTitle(_("Meeting pack"))
        self.setMinimumWidth(560)
        self.library = library
        self.profile = profile
        self.today = today
        self._record = record
        self.result: PackResult | None = None
        self.worker: PackWorker | None = None
        self._build()
        self._update_summary()

    def _build(self) -> None:
        self.cases = QTreeWidget(self)
        self.cases.setObjectName("packCases")
        self.cases.setAccessibleName(_("Cases in the pack"))
        self.cases.setRootIsDecorated(False)
        self.cases.setMinimumHeight(96)  # a few cases stay visible whatever appears below
        self.cases.setHeaderLabels([_("Case"), _("Also “copies to”")])
        for entry in self.library.entries(self.today):
            label = _("UA {ua}  {title}  ({status})").format(
                ua=entry.ua, title=entry.card.title, status=status_word(entry.status)
            )
            item = QTreeWidgetItem([label])
            item.setData(0, Qt.ItemDataRole.UserRole, entry.ua)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            active = entry.status is CaseStatus.ACTIVE
            item.setCheckState(0, Qt.CheckState.Checked if active else Qt.CheckState.Unchecked)
            if entry.card.has_copies:  # from the case index: no file read per listed case
                item.setCheckState(1, Qt.CheckState.Unchecked)
            self.cases.addTopLevelItem(item)
        self.cases.header().setStretchLastSection(False)
        self.cases.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.cases.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.copies = QSpinBox(self)
        self.copies.setObjectName("packCopies")
        self.copies.setRange(1, 500)
        self.copies.setValue(10)
        self.copies.setSuffix(_(" members"))
        self._typed_copies = self.copies.value()  # shown again when the roster is cleared
        self.roster = QLineEdit(self)
        self.roster.setObjectName("packRoster")
        self.roster.setPlaceholderText(_("optional: a member list (CSV with a name column)"))
        browse = QPushButton(_("Browse…"), self)
        browse.clicked.connect(self._choose_roster)
        roster_row = QHBoxLayout()
        roster_row.addWidget(self.roster, 1)
        roster_row.addWidget(browse)
        self.cover = QCheckBox(_("Cover page"), self)
        self.cover.setChecked(True)
        self.briefings = QCheckBox(_("A briefing per case, to read aloud"), self)
        self.briefings.setChecked(True)
        self.tally = QCheckBox(_("Tally sheet"), self)
        self.tally.setChecked(True)
        self.duplex = QCheckBox(_("Printing on both sides (each letter starts on a front)"), self)
        self.envelopes = QComboBox(self)
        self.envelopes.setObjectName("packEnvelopes")
        for label, value in (
            (_("No envelopes or labels"), None),
            (_("DL envelopes"), ("env", "dl")),
            (_("C5 envelopes"), ("env", "c5")),
            (_("No. 10 envelopes"), ("env", "no10")),
            (_("A4 label sheets (3 × 7)"), ("lab", "a4-21")),
            (_("US Letter label sheets (3 × 10)"), ("lab", "letter-30")),
        ):
            self.envelopes.addItem(label, value)
        self.layout_box = QComboBox(self)
        self.layout_box.setObjectName("packLayout")
        for name in LAYOUTS:
            self.layout_box.addItem(_(LAYOUT_LABELS.get(name, name)), name)
        self.layout_box.setCurrentIndex(max(self.layout_box.findData(self.profile.paper), 0))
        self.meeting = QDateEdit(QDate(self.today.year, self.today.month, self.today.day), self)
        self.meeting.setObjectName("packDate")
        self.meeting.setDisplayFormat("yyyy-MM-dd")
        self.meeting.setCalendarPopup(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("packSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)

        self.buildButton = QPushButton(_("&Build pack…"), self)
        self.buildButton.setObjectName("packBuild")
        self.buildButton.setDefault(True)
        self.warningsView = QPlainTextEdit(self)
        self.warningsView.setObjectName("packWarnings")
        self.warningsView.setAccessibleName(_("What to check in the pack"))
        self.warningsView.setReadOnly(True)
        self.warningsView.setMaximumHeight(96)
        self.warningsView.hide()
        # After the meeting: what was signed, per case and official (people leave early,
        # a case is skipped), set all at once or one by one.
        self.signed = QSpinBox(self)
        self.signed.setObjectName("packSigned")
        self.signed.setRange(0, 10000)
        self.signed.setPrefix(_("Set all to "))
        self.signed.setSuffix(_(" signed"))
        self.signedTable = QTableWidget(0, 2, self)
        self.signedTable.setObjectName("packSignedTable")
        self.signedTable.setAccessibleName(_("Letters signed to each official"))
        self.signedTable.setHorizontalHeaderLabels([_("Letters to"), _("Signed")])
        self.signedTable.verticalHeader().hide()
        self.signedTable.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.logButton = QPushButton(_("&Record in the log"), self)
        self.logButton.setObjectName("packLog")
        log_row = QHBoxLayout()
        log_row.addWidget(self.signed, 1)
        log_row.addWidget(self.logButton)
        after_layout = QVBoxLayout()
        after_layout.setContentsMargins(0, 0, 0, 0)
        after_layout.addWidget(self.signedTable)
        after_layout.addLayout(log_row)
        self.after = QWidget(self)
        self.after.setLayout(after_layout)
        self.after.hide()
        self.signed.valueChanged.connect(self._set_all_signed)

        form = QFormLayout()
        form.addRow(_("&Cases:"), self.cases)
        form.addRow(_("&Members:"), self.copies)
        form.addRow(_("Or a roster:"), roster_row)
        form.addRow(_("Include:"), self.cover)
        form.addRow("", self.briefings)
        form.addRow("", self.tally)
        form.addRow(_("&Envelopes:"), self.envelopes)
        form.addRow(_("&Paper:"), self.layout_box)
        form.addRow("", self.duplex)
        form.addRow(_("Meeting &date:"), self.meeting)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.buildButton, QDialogButtonBox.ButtonRole.ActionRole)
        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(form)
        body_layout.addWidget(self.summary)
        body_layout.addWidget(self.warningsView)
        body_layout.addWidget(self.after)
        self.body = scrolling(body, "packScroll")  # scrolls only on a short screen
        layout = QVBoxLayout(self)
        layout.addWidget(self.body, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, unscrolled_size(self, self.body))

        self.cases.itemChanged.connect(lambda _i, _c: self._update_summary())
        for widget in (self.envelopes, self.layout_box):
            widget.currentIndexChanged.connect(lambda _i: self._update_summary())
        self.copies.valueChanged.connect(self._copies_typed)
        # A roster says who signs; the member count then means nothing.
        self.roster.textChanged.connect(lambda t: self.copies.setEnabled(not t.strip()))
        self.roster.textChanged.connect(lambda _t: self._update_summary())
        self.buildButton.clicked.connect(self.choose_output_and_build)
        self.logButton.clicked.connect(self.record_in_log)

    # -- options

    def _choose_roster(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Member list"), "", _("CSV files (*.csv)")
        )
        if path:
            self.roster.setText(path)

    def _checked(self, column: int) -> tuple[str, ...]:
        items = (self.cases.topLevelItem(i) for i in range(self.cases.topLevelItemCount()))
        return tuple(
            item.data(0, Qt.ItemDataRole.UserRole)
            for item in items
            if item.checkState(0) == Qt.CheckState.Checked
            and item.checkState(column) == Qt.CheckState.Checked
        )

    def chosen_cases(self) -> tuple[str, ...]:
        return self._checked(0)

    def set_copies_to(self, ua: str, included: bool) -> None:
        for i in range(self.cases.topLevelItemCount()):
            item = self.cases.topLevelItem(i)
            if item.data(0, Qt.ItemDataRole.UserRole) == ua:
                state = Qt.CheckState.Checked if included else Qt.CheckState.Unchecked
                item.setCheckState(1, state)

    def options(self) -> PackOptions:
        """The choices as PackOptions; raises PackError or RosterError with a user message."""
        cases = self.chosen_cases()
        if not cases:
            raise PackError(_("choose at least one case"))
        signers: int | tuple = self._typed_copies
        if self.roster.text().strip():
            signers = load_roster(Path(self.roster.text().strip())).signers
        extra = self.envelopes.currentData()
        meeting = self.meeting.date()
        return PackOptions(
            cases=cases,
            copies_to=self._checked(1),
            signers=signers,
            cover=self.cover.isChecked(),
            briefings=self.briefings.isChecked(),
            tally=self.tally.isChecked(),
            envelopes=extra[1] if extra and extra[0] == "env" else None,
            labels=extra[1] if extra and extra[0] == "lab" else None,
            layout=self.layout_box.currentData(),
            duplex=self.duplex.isChecked(),
            meeting_date=date(meeting.year(), meeting.month(), meeting.day()),
        )

    def _copies_typed(self, value: int) -> None:
        if self.copies.isEnabled():
            self._typed_copies = value
        self._update_summary()

    def _show_copies(self, count: int | None) -> None:
        """The greyed count follows the roster chosen (its members, or none while it cannot
        be read); without a roster, the count typed before."""
        roster = bool(self.roster.text().strip())
        self.copies.blockSignals(True)
        self.copies.setSpecialValueText("–" if roster and count is None else "")
        if not roster:
            self.copies.setValue(self._typed_copies)
        elif count is None:
            self.copies.setValue(self.copies.minimum())  # shows the special text
        else:
            self.copies.setValue(max(self.copies.minimum(), min(count, self.copies.maximum())))
        self.copies.blockSignals(False)

    def _update_summary(self) -> None:
        try:
            plan = plan_pack(self.options(), self.library, self.today)
        except (PackError, RosterError, OSError) as exc:
            self._show_copies(None)
            self.summary.setText(f"⚠ {exc}")
            self.buildButton.setEnabled(False)
            return
        self._show_copies(len(plan.signers))
        per_official = len(plan.signers)
        officials = sum(len(c.officials) for c in plan.cases)
        self.summary.setText(
            ngettext(
                "{letters} letters: {per_official} to each of {officials} official",
                "{letters} letters: {per_official} to each of {officials} officials",
                officials,
            ).format(letters=plan.letters, per_official=per_official, officials=officials)
            + " "
            + ngettext("in {count} case.", "in {count} cases.", len(plan.cases)).format(
                count=len(plan.cases)
            )
            + ("".join(f"\n⚠ {w}" for w in plan.warnings))
        )
        self.buildButton.setEnabled(True)

    # -- building

    def choose_output_and_build(self) -> None:
        suggested = f"meeting-pack-{self.meeting.date().toString('yyyy-MM-dd')}.pdf"
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save the meeting pack"), suggested, _("PDF documents (*.pdf)")
        )
        if path:
            self.build(Path(with_suffix(path, ".pdf")))

    def build(self, output: Path) -> PackWorker | None:
        try:
            request = PackRequest(self.options(), output)
        except (PackError, RosterError, OSError) as exc:
            QMessageBox.warning(self, _("Meeting pack"), plain(str(exc)))
            return None
        progress = QProgressDialog(_("Building the meeting pack…"), _("Cancel"), 0, 100, self)
        progress.setObjectName("packProgress")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        worker = PackWorker(request, self.library, self.profile, self.today, self)
        self.worker = worker
        self.progress = progress

        def moved(done: int, total: int, what: str) -> None:
            progress.setMaximum(max(total, 1))
            progress.setValue(min(done, total))
            progress.setLabelText(_("Building the meeting pack: {what}").format(what=what))

        worker.progressed.connect(moved)
        progress.canceled.connect(worker.stop.set)
        worker.succeeded.connect(self._built)
        worker.failed.connect(self._failed)
        worker.cancelled.connect(self._cancelled)
        worker.finished.connect(progress.reset)
        self.buildButton.setEnabled(False)
        worker.start()
        return worker

    def _built(self, result: PackResult) -> None:
        self.result = result
        self.buildButton.setEnabled(True)
        self.signedTable.setRowCount(len(result.counts))
        for row, count in enumerate(result.counts):
            who = QTableWidgetItem(
                _("UA {ua}: {official}").format(
                    ua=count.ua, official=count.official_name or count.official_id
                )
            )
            who.setFlags(who.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.signedTable.setItem(row, 0, who)
            spin = QSpinBox(self.signedTable)
            spin.setRange(0, 10000)
            spin.setValue(count.letters)
            spin.setAccessibleName(_("Letters signed to {text}").format(text=who.text()))
            self.signedTable.setCellWidget(row, 1, spin)
        row_height = QSpinBox().sizeHint().height() + 2
        for row in range(self.signedTable.rowCount()):
            self.signedTable.setRowHeight(row, row_height)
        shown = min(self.signedTable.rowCount(), 4)
        rows = sum(self.signedTable.rowHeight(r) for r in range(shown))
        header = self.signedTable.horizontalHeader().sizeHint().height()
        self.signedTable.setFixedHeight(header + rows + 2 * self.signedTable.frameWidth())
        counts = {c.letters for c in result.counts}
        self.signed.blockSignals(True)
        self.signed.setValue(max(counts) if counts else 0)
        self.signed.blockSignals(False)
        self.after.show()
        self.summary.setText(
            _(
                "Saved {path}: {pages} pages, {letters} letters. After the meeting, record what "
                "was signed:"
            ).format(path=result.path, pages=result.pages, letters=result.letters)
        )
        self.warningsView.setPlainText("\n".join(f"⚠ {w}" for w in result.warnings))
        self.warningsView.setVisible(bool(result.warnings))
        # Room for what appeared, so the case list above keeps its height (as the screen allows:
        # the rest scrolls, and the buttons stay on screen).
        wanted = unscrolled_size(self, self.body)
        fit_to_screen(self, QSize(self.width(), max(self.height(), wanted.height())))

    def _failed(self, message: str) -> None:
        self.buildButton.setEnabled(True)
        QMessageBox.warning(
            self,
            _("Meeting pack"),
            plain(_("The pack could not be built: {message}").format(message=message)),
        )

    def _cancelled(self) -> None:
        self.buildButton.setEnabled(True)
        self.summary.setText(_("Cancelled: no file was written."))

    # -- logging

    def _set_all_signed(self, value: int) -> None:
        for row in range(self.signedTable.rowCount()):
            spin = self.signedTable.cellWidget(row, 1)
            if isinstance(spin, QSpinBox):
                spin.setValue(value)

    def signed_for(self, row: int) -> int:
        spin = self.signedTable.cellWidget(row, 1)
        return spin.value() if isinstance(spin, QSpinBox) else 0

    def actions_to_log(self) -> list[Action]:
        """One action per official with letters signed: "N letters to this official of UA X
        at the meeting"; an official no one signed for is left out."""
        if self.result is None:
            return []
        meeting = self.result.meeting_date
        actions = []
        for row, count in enumerate(self.result.counts):
            signed = self.signed_for(row)
            if signed < 1:
                continue
            entry = self.library.find(count.ua, self.today)
            details = {
                "channel": ActionChannel.LETTER,
                "sent_on": min(meeting, self.today),
                "count": signed,
                "signer": self.profile.group or _("Group meeting"),
                "note": _("Meeting of {date}").format(date=meeting.isoformat()),
            }
            official = entry.case.official(count.official_id) if entry else None
            if entry is not None and official is not None:
                actions.append(Action.about(entry.case, official, **details))
            else:  # the case file went away since the build: what the pack printed
                actions.append(
                    Action(
                        case_ua=count.ua,
                        official_id=count.official_id,
                        official_name=count.official_name,
                        **details,
                    )
                )
        return actions

    def record_in_log(self) -> None:
        actions = self.actions_to_log()
        if actions and self._record(actions):
            total = sum(a.count for a in actions)
            self.summary.setText(_("Recorded {total} letters in the log.").format(total=total))
            self.after.hide()

    @classmethod
    def open(
        cls,
        parent: QWidget | None,
        library: CaseLibrary,
        profile: SenderProfile,
        today: date,
        record: Callable[[list[Action]], bool],
    ) -> PackResult | None:
        """Show the dialog; returns the last pack built, if any."""
        dialog = cls(library, profile, today, record, parent)
        dialog.exec()
        if dialog.worker is not None:
            dialog.worker.wait()
        return dialog.result
