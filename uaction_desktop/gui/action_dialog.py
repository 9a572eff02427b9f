"""Add or edit one logged action. Returns a plain Action (or None) through ``get_data``."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from uaction_desktop.actionlog import MAX_COUNT, Action, ActionChannel, ReplyStatus
from uaction_desktop.gui.labels import channel_in_sentence, channel_name
from uaction_desktop.i18n import _, format_date
from uaction_desktop.model import Case, Channel, normalize_ua

_CONTACT_CHANNELS = {c.value for c in Channel}  # "other" is always possible


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class ActionDialog(QDialog):
    def __init__(
        self,
        cases: list[Case],
        action: Action,
        title: str,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("actionDialog")
        self.setWindowTitle(title)
        self._action = action
        self._today = today or date.today()
        self._cases = {c.ua: c for c in cases}

        self.case = QComboBox(self)
        self.case.setObjectName("actionCase")
        self.case.setEditable(True)
        for case in cases:
            self.case.addItem(f"{case.ua}  {case.title}", case.ua)
        if action.case_ua and self.case.findData(action.case_ua) < 0:
            self.case.addItem(action.case_ua, action.case_ua)
        self.case.setCurrentIndex(max(self.case.findData(action.case_ua), 0))
        self.official = QComboBox(self)
        self.official.setObjectName("actionOfficial")
        self.channel = QComboBox(self)
        self.channel.setObjectName("actionChannel")
        for channel in ActionChannel:
            self.channel.addItem(channel_name(channel), channel.value)
        self.channel.setCurrentIndex(self.channel.findData(action.channel.value))
        self.count = QSpinBox(self)
        self.count.setObjectName("actionCount")
        self.count.setRange(1, MAX_COUNT)
        self.count.setValue(action.count)
        self.sent_on = QDateEdit(_qdate(action.sent_on), self)
        self.sent_on.setObjectName("actionDate")
        self.sent_on.setCalendarPopup(True)
        self.sent_on.setDisplayFormat("yyyy-MM-dd")
        self.signer = QLineEdit(action.signer, self)
        self.signer.setObjectName("actionSigner")
        self.signer.setPlaceholderText(_("you, or the group (e.g. Group 42 meeting)"))
        self.note = QLineEdit(action.note, self)
        self.note.setObjectName("actionNote")
        self.reply = QComboBox(self)
        self.reply.setObjectName("actionReply")
        for status in ReplyStatus:
            self.reply.addItem(status.label, status.value)
        self.reply.setCurrentIndex(self.reply.findData(action.reply.value))
        self.reply_on = QDateEdit(_qdate(action.reply_on or self._today), self)
        self.reply_on.setObjectName("actionReplyDate")
        self.reply_on.setDisplayFormat("yyyy-MM-dd")
        self.reply_on.setCalendarPopup(True)
        self.text = QPlainTextEdit(action.text, self)
        self.text.setObjectName("actionText")
        self.text.setTabChangesFocus(True)
        self.error = QLabel(self)
        self.error.setObjectName("actionError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # names come from case files
        self.error.setWordWrap(True)
        self.error.hide()

        form = QFormLayout(self)
        form.addRow(_("&Case:"), self.case)
        form.addRow(_("&To:"), self.official)
        form.addRow(_("C&hannel:"), self.channel)
        form.addRow(_("How &many:"), self.count)
        form.addRow(_("&Date sent:"), self.sent_on)
        form.addRow(_("&Signed by:"), self.signer)
        form.addRow(_("&Note:"), self.note)
        form.addRow(_("&Reply:"), self.reply)
        form.addRow(_("Reply d&ate:"), self.reply_on)
        form.addRow(_("Te&xt sent:"), self.text)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.case.currentIndexChanged.connect(self._fill_officials)
        self.reply.currentIndexChanged.connect(self._reply_changed)
        self._fill_officials()
        self._reply_changed()

    def _fill_officials(self) -> None:
        ua = self.case.currentData()
        case = self._cases.get(ua)
        self.official.clear()
        if case is not None:
            for official in case.officials:
                self.official.addItem(official.display_name, official.id)
        if self._action.official_id and self.official.findData(self._action.official_id) < 0:
            self.official.addItem(self._action.official_display, self._action.official_id)
        self.official.setCurrentIndex(max(self.official.findData(self._action.official_id), 0))

    def _reply_changed(self) -> None:
        self.reply_on.setEnabled(self.reply.currentData() != ReplyStatus.NONE.value)

    def action(self) -> Action:
        """The edited action; raises ValueError with a readable message if it is not valid."""
        ua = self._chosen_ua()
        case = self._cases.get(ua)
        # The official list belongs to the selected case; a UA typed over it has none chosen.
        official_id = (self.official.currentData() or "") if ua == self.case.currentData() else ""
        official = case.official(official_id) if case and official_id else None
        reply = ReplyStatus(self.reply.currentData())
        channel = ActionChannel(self.channel.currentData())
        reachable = {c.value for c in official.channels()} if official else None
        if reachable is not None and channel.value in _CONTACT_CHANNELS - reachable:
            raise ValueError(
                _(
                    "{official} cannot be reached by {channel} in this case; choose “{other}” "
                    "if you reached them another way"
                ).format(
                    official=official.display_name,
                    channel=channel_in_sentence(channel),
                    other=channel_name(ActionChannel.OTHER),
                )
            )
        sent_on = _pydate(self.sent_on.date())
        if sent_on > self._today:
            raise ValueError(
                _("the date sent ({sent_on}) is after today ({today})").format(
                    sent_on=format_date(sent_on), today=format_date(self._today)
                )
            )
        if case is not None and sent_on < case.issued:
            raise ValueError(
                _("the date is before UA {ua} was issued ({issued})").format(
                    ua=case.ua, issued=format_date(case.issued)
                )
            )
        return replace(
            self._action,
            case_ua=ua,
            case_index=case.index if case else self._action.case_index,
            official_id=official_id,
            official_title=official.title if official else self._action.official_title,
            official_name=official.name if official else self._action.official_name,
            channel=channel,
            count=self.count.value(),
            sent_on=sent_on,
            signer=self.signer.text().strip(),
            note=self.note.text().strip(),
            reply=reply,
            reply_on=None if reply is ReplyStatus.NONE else _pydate(self.reply_on.date()),
            text=self.text.toPlainText(),
        )

    def _chosen_ua(self) -> str:
        """The selected case's UA, or the UA typed into the box (the box is editable, for a
        case that is not in the library)."""
        typed = self.case.currentText().strip()
        index = self.case.currentIndex()
        if index >= 0 and typed == self.case.itemText(index).strip():
            return str(self.case.itemData(index))
        ua = normalize_ua(typed)
        if ua is None:
            raise ValueError(_("“{typed}” is not a UA number such as 63/18").format(typed=typed))
        return ua

    def accept(self) -> None:
        try:
            self.action()
        except ValueError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()

    @classmethod
    def get_data(
        cls,
        parent: QWidget | None,
        cases: list[Case],
        action: Action,
        title: str | None = None,
        today: date | None = None,
    ) -> Action | None:
        dialog = cls(cases, action, title or _("Log an action"), parent, today)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.action()
        return None
