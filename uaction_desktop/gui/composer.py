"""The letter composer: pick an official, a channel and a language, adjust the text, see the page
as it prints.

A letter is in one language from salutation to sign-off: the composer offers the languages the
case can fill without mixing (the writer's own first) and says which ones the document asks for.

Jinja2 and ReportLab are imported on first use, never at start-up, so the window appears first.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from uaction_desktop.atomic import write_bytes_atomic
from uaction_desktop.drafts import CaseChoice, Draft, DraftStore, SenderDraft
from uaction_desktop.gui.composer_actions import ComposerActions, make_composer_actions
from uaction_desktop.gui.deadline import deadline_advice
from uaction_desktop.gui.elided_label import ElidedLabel
from uaction_desktop.gui.file_names import letter_file_name, with_suffix
from uaction_desktop.gui.page_view import PageView
from uaction_desktop.gui.plain_text import shown, typed_text
from uaction_desktop.i18n import (
    N_,
    _,
    format_datetime,
    format_time,
    language_display_name,
    ngettext,
)
from uaction_desktop.languages import NATIVE_NAMES, effective_language
from uaction_desktop.letter_text import truncation_warning, with_personal_line
from uaction_desktop.library import CaseEntry
from uaction_desktop.model import Channel, Official, Role
from uaction_desktop.profile import LAYOUT_LABELS, LAYOUTS, SenderProfile

log = logging.getLogger(__name__)

PREVIEW_DELAY_MS = 250
AUTOSAVE_DELAY_MS = 1000
PDF_CHANNELS = (Channel.LETTER, Channel.FAX)
LETTER_BODY_CHANNELS = (Channel.LETTER, Channel.FAX, Channel.EMAIL)
_CHANNEL_LABELS = {
    Channel.LETTER: N_("Letter (post)"),
    Channel.FAX: N_("Fax"),
    Channel.EMAIL: N_("Email"),
    Channel.PHONE: N_("Phone call script"),
    Channel.SOCIAL: N_("Social media post"),
}


@dataclass(frozen=True)
class SentRecord:
    """What was just exported, printed or emailed: the log offers to record it."""

    entry: CaseEntry
    official: Official
    channel: Channel
    text: str
    how: str
    sent_on: date  # the day it was sent, even if it is logged the next morning
    signer: str = ""  # the name the letter was signed with (typed, or the profile's)


class Composer(QWidget):
    statusMessage = Signal(str)
    profileSaved = Signal(object)  # SenderProfile
    sent = Signal(object)  # SentRecord

    def __init__(
        self,
        drafts: DraftStore,
        profile: SenderProfile,
        save_profile,
        parent: QWidget | None = None,
        actions: ComposerActions | None = None,
    ) -> None:
        super().__init__(parent)
        self._owns_actions = actions is None  # else whoever made them triggers our methods
        self._actions = actions or make_composer_actions(self)
        self.drafts = drafts
        self.profile = profile
        self._save_profile = save_profile
        self.entry: CaseEntry | None = None
        self.today = date.today()
        self._generated = ""  # the suggested text, to tell edits from it
        self._stale = True
        self._pdf_bytes = b""
        self._warnings: list[str] = []
        # (UA, key, document) the editor's text belongs to
        self._draft_slot: tuple[str, str, str] | None = None
        self._earlier_draft: Draft | None = None  # one written from another document, offered
        self._letterish = True  # the editor holds a letter body (not a phone script or post)
        self._choice = CaseChoice()  # the current case's official, channel and paper
        self._personal_in_body = ""  # the personal line the editor's text was made with
        self._sender_draft = self._load_sender_draft()
        self._filling_sender = False  # the form is being filled in by the app, not typed
        self._editing_sender = False  # the sender form is in use: its text goes on the letter
        self._build()
        self._wire()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.banner = QLabel(self)
        self.banner.setObjectName("deadlineBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setMargin(6)
        self.banner.hide()

        self.officialPicker = QComboBox(self)
        self.officialPicker.setObjectName("officialPicker")
        self.officialPicker.setAccessibleName(_("Official to write to"))
        self.recipient = QLabel(self)
        self.recipient.setObjectName("recipientBlock")
        self.recipient.setTextFormat(Qt.TextFormat.PlainText)
        self.recipient.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.recipient.setAccessibleName(_("Address block and salutation as printed"))
        self.recipient.setWordWrap(True)  # a long line must not widen the window past the screen

        self.channelPicker = QComboBox(self)
        self.channelPicker.setObjectName("channelPicker")
        self.channelPicker.setAccessibleName(_("How to send it"))
        self.layoutPicker = QComboBox(self)
        self.layoutPicker.setObjectName("layoutPicker")
        self.layoutPicker.setAccessibleName(_("Paper and envelope"))
        for name in LAYOUTS:
            self.layoutPicker.addItem(_(LAYOUT_LABELS.get(name, name)), name)
        self._select_layout(self.profile.paper)
        self.languagePicker = QComboBox(self)
        self.languagePicker.setObjectName("languagePicker")
        self.languagePicker.setAccessibleName(_("Language of the letter"))
        self.askedLanguages = QLabel(self)
        self.askedLanguages.setObjectName("askedLanguages")
        self.askedLanguages.setTextFormat(Qt.TextFormat.PlainText)
        self.askedLanguages.setWordWrap(True)
        self.askedLanguages.hide()

        # Sender details, asked for in place the first time (never a blocking dialog).
        self.senderBox = QGroupBox(_("Your name and address (printed on the letter)"), self)
        self.senderName = QLineEdit(self.senderBox)
        self.senderName.setObjectName("senderName")
        self.senderName.setAccessibleName(_("Your name"))
        self.senderAddress = QPlainTextEdit(self.senderBox)
        self.senderAddress.setObjectName("senderAddress")
        self.senderAddress.setAccessibleName(_("Your postal address, one line per line"))
        self.senderAddress.setPlaceholderText(_("12 Elm Street\nSpringfield, IL 62701"))
        self.senderAddress.setTabChangesFocus(True)
        self.senderAddress.setFixedHeight(70)
        self.senderCountry = QLineEdit(self.senderBox)
        self.senderCountry.setObjectName("senderCountry")
        self.senderCountry.setAccessibleName(_("The country you write from"))
        self.senderCountry.setPlaceholderText(_("optional, e.g. United States"))
        self.saveSender = QPushButton(_("Save my details"), self.senderBox)
        self.saveSender.setObjectName("saveSender")
        form = QFormLayout(self.senderBox)
        form.addRow(_("&Name:"), self.senderName)
        form.addRow(_("&Address:"), self.senderAddress)
        form.addRow(_("Co&untry:"), self.senderCountry)
        form.addRow("", self.saveSender)
        # One line, cut with "…" where the row is too narrow (the whole address is in the
        # tooltip): a wrapped label in a form row gets clipped at the top instead.
        self.senderSummary = ElidedLabel(self)
        self.senderSummary.setObjectName("senderSummary")
        self.editSender = QPushButton(_("Change…"), self)
        self.editSender.setObjectName("editSender")
        self.editSender.setAccessibleName(_("Change your name and address"))

        self.personalLine = QLineEdit(self)
        self.personalLine.setObjectName("personalLine")
        self.personalLine.setAccessibleName(_("Optional personal sentence"))
        self.personalLine.setPlaceholderText(
            _("Optional: a sentence of your own, added before the thanks")
        )

        self.letterBody = QPlainTextEdit(self)
        self.letterBody.setObjectName("letterBody")
        self.letterBody.setAccessibleName(_("Letter text"))
        self.letterBody.setTabChangesFocus(True)
        self.resetBody = QPushButton(_("Use suggested text"), self)
        self.resetBody.setObjectName("resetBody")
        self.resetBody.setToolTip(
            _("Discard your edits to this letter and start from the suggestion")
        )
        self.draftState = QLabel(self)
        self.draftState.setObjectName("draftState")
        self.earlierDraftBar = QFrame(self)  # a draft from another document of the case
        self.earlierDraftBar.setObjectName("earlierDraftBar")
        self.earlierDraftBar.setFrameShape(QFrame.Shape.StyledPanel)
        self.earlierDraftText = QLabel(self.earlierDraftBar)
        self.earlierDraftText.setObjectName("earlierDraftText")
        self.earlierDraftText.setTextFormat(Qt.TextFormat.PlainText)
        self.earlierDraftText.setWordWrap(True)
        self.useEarlierDraft = QPushButton(_("Use my draft"), self.earlierDraftBar)
        self.useEarlierDraft.setObjectName("useEarlierDraft")
        self.useEarlierDraft.setToolTip(
            _("Replace the text below with the draft you wrote from another document of this case")
        )
        self.discardEarlierDraft = QPushButton(_("Discard it"), self.earlierDraftBar)
        self.discardEarlierDraft.setObjectName("discardEarlierDraft")
        self.discardEarlierDraft.setToolTip(_("Delete that draft: it is not needed any more"))
        bar = QVBoxLayout(self.earlierDraftBar)  # the sentence across, its two buttons below
        bar.addWidget(self.earlierDraftText)
        bar_buttons = QHBoxLayout()
        bar_buttons.addStretch(1)
        bar_buttons.addWidget(self.useEarlierDraft)
        bar_buttons.addWidget(self.discardEarlierDraft)
        bar.addLayout(bar_buttons)
        self.earlierDraftBar.hide()

        self.letterPreview = PageView(self)
        self.letterPreview.setObjectName("letterPreview")
        self.letterPreview.setAccessibleName(_("Print preview"))
        self.messagePreview = QPlainTextEdit(self)
        self.messagePreview.setObjectName("messagePreview")
        self.messagePreview.setReadOnly(True)
        self.messagePreview.setAccessibleName(_("Message preview"))
        self.previewStack = QStackedWidget(self)
        self.previewStack.addWidget(self.letterPreview)
        self.previewStack.addWidget(self.messagePreview)
        self.renderWarnings = QLabel(self)
        self.renderWarnings.setObjectName("renderWarnings")
        self.renderWarnings.setWordWrap(True)
        self.renderWarnings.setTextFormat(Qt.TextFormat.PlainText)
        self.renderWarnings.hide()

        actions = self._actions
        self.exportPdf = actions.exportPdf
        self.printLetter = actions.printLetter
        self.emailLetter = actions.emailLetter
        self.copyText = actions.copyText
        buttons = QHBoxLayout()
        for action in (self.exportPdf, self.printLetter, self.emailLetter, self.copyText):
            button = QPushButton(action.text().replace("&", ""), self)
            button.setObjectName(f"{action.objectName()}Button")
            button.clicked.connect(action.trigger)
            button.setEnabled(action.isEnabled())  # the actions may be disabled already
            action.enabledChanged.connect(button.setEnabled)
            buttons.addWidget(button)
        buttons.addStretch(1)

        left = QWidget(self)
        form = QFormLayout()
        form.addRow(_("&To:"), self.officialPicker)
        form.addRow("", self.recipient)
        send_row = QHBoxLayout()  # one row: the window must fit a 720-pixel-high screen
        send_row.addWidget(self.channelPicker, 1)
        language_label = QLabel(_("Lan&guage:"), left)
        language_label.setBuddy(self.languagePicker)
        send_row.addWidget(language_label)
        send_row.addWidget(self.languagePicker)
        send_label = QLabel(_("&Send as:"), left)
        send_label.setBuddy(self.channelPicker)
        form.addRow(send_label, send_row)
        form.addRow("", self.askedLanguages)
        form.addRow(_("&Paper:"), self.layoutPicker)
        sender_row = QHBoxLayout()
        sender_row.addWidget(self.senderSummary, 1)
        sender_row.addWidget(self.editSender)
        form.addRow(_("From:"), sender_row)
        form.addRow(_("P&ersonal line:"), self.personalLine)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.banner)
        left_layout.addLayout(form)
        left_layout.addWidget(self.senderBox)
        body_label = QLabel(_("&Letter text (edit freely; saved as you type):"), left)
        body_label.setBuddy(self.letterBody)
        left_layout.addWidget(self.earlierDraftBar)
        left_layout.addWidget(body_label)
        left_layout.addWidget(self.letterBody, 1)
        row = QHBoxLayout()
        row.addWidget(self.draftState, 1)
        row.addWidget(self.resetBody)
        left_layout.addLayout(row)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.previewStack, 1)
        right_layout.addWidget(self.renderWarnings)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("composerSplitter")
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([440, 420])
        right.setMinimumWidth(300)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        self.previewTimer = QTimer(self)
        self.previewTimer.setSingleShot(True)
        self.previewTimer.setInterval(PREVIEW_DELAY_MS)
        self.autosaveTimer = QTimer(self)
        self.autosaveTimer.setSingleShot(True)
        self.autosaveTimer.setInterval(AUTOSAVE_DELAY_MS)
        self.senderTimer = QTimer(self)
        self.senderTimer.setSingleShot(True)
        self.senderTimer.setInterval(PREVIEW_DELAY_MS)
        self._show_sender()
        self._set_actions_enabled(False)

    def _wire(self) -> None:
        self.officialPicker.currentIndexChanged.connect(self._on_official)
        self.channelPicker.currentIndexChanged.connect(self._on_channel)
        self.languagePicker.currentIndexChanged.connect(self._on_language)
        self.layoutPicker.currentIndexChanged.connect(self._on_layout)
        self.personalLine.textChanged.connect(self._on_personal_line)
        self.letterBody.textChanged.connect(self._on_body_edited)
        self.resetBody.clicked.connect(self._on_reset)
        self.useEarlierDraft.clicked.connect(self._on_use_earlier_draft)
        self.discardEarlierDraft.clicked.connect(self._on_discard_earlier_draft)
        self.saveSender.clicked.connect(self._on_save_sender)
        self.editSender.clicked.connect(self._on_edit_sender)
        self.senderName.textChanged.connect(self._on_sender_typed)
        self.senderAddress.textChanged.connect(self._on_sender_typed)
        self.senderCountry.textChanged.connect(self._on_sender_typed)
        self.senderTimer.timeout.connect(self._apply_sender)
        self.previewTimer.timeout.connect(self.refresh_preview)
        self.autosaveTimer.timeout.connect(self.save_draft)
        if self._owns_actions:
            self.exportPdf.triggered.connect(self.export_pdf)
            self.printLetter.triggered.connect(self.print_letter)
            self.emailLetter.triggered.connect(self.email_letter)
            self.copyText.triggered.connect(self.copy_text)

    # ------------------------------------------------------------------ public API

    def set_entry(self, entry: CaseEntry | None, today: date) -> None:
        """Show a case; the letter itself is composed when the composer is first shown. The
        same case again (reloaded, or a new day) keeps the official being written to."""
        self.save_draft()
        self._save_choice()
        same_case = entry is not None and self.entry is not None and entry.ua == self.entry.ua
        keep = self._current_choice() if same_case else None
        self.entry = entry
        self.today = today
        # Another case starts from what was chosen for it, never from this one's choices.
        self._choice = keep or (self.drafts.load_choice(entry.ua) if entry else CaseChoice())
        self.officialPicker.blockSignals(True)
        self.officialPicker.clear()
        if entry is not None:
            for official in entry.case.officials:
                label = shown(official.display_name)
                if official.role is Role.COPY:
                    label += " (copy)"
                self.officialPicker.addItem(label, official.id)
            wanted = self.officialPicker.findData(self._choice.official_id)
            self.officialPicker.setCurrentIndex(max(wanted, 0))
        self.officialPicker.blockSignals(False)
        self._show_banner()
        self._fill_languages(self._choice.language)
        self._fill_channels(self._choice.channel)
        self._select_layout(self.current_layout())
        self._draft_slot = None  # the editor's text is the old case's until composed again
        self._stale = True
        if self.isVisible():
            self._recompose(keep_body=False)
        elif entry is None:
            self._clear()

    def set_profile(self, profile: SenderProfile) -> None:
        self.flush_pending()
        self.profile = profile
        before = self.current_language()
        self._fill_languages(self._choice.language)  # the writer's own language comes first
        typed = self._sender_draft
        if typed is not None and (typed.name, typed.address, typed.country) == (
            profile.name,
            profile.address,
            profile.country,
        ):
            self._sender_draft = None  # saved: the typed details are the profile's now
            self._discard_sender_draft()
        # else typed but not saved (Preferences changed something else): still kept as typed
        self._show_sender()
        self._select_layout(self.current_layout())
        self._stale = True
        if self.isVisible():  # a text in the language left stays in that language's draft
            self._recompose(keep_body=self.current_language() == before)

    def current_official(self) -> Official | None:
        if self.entry is None or self.officialPicker.currentIndex() < 0:
            return None
        return self.entry.case.official(self.officialPicker.currentData())

    def current_channel(self) -> Channel:
        data = self.channelPicker.currentData()
        return Channel(data) if data else Channel.LETTER

    def current_language(self) -> str:
        """The letter's language: the one picked, else the case's own."""
        data = self.languagePicker.currentData()
        if data:
            return str(data)
        return self.entry.case.language if self.entry is not None else "en"

    def letter_languages(self) -> list[str]:
        """The languages the case can fill a letter in, the writer's own first."""
        if self.entry is None:
            return []
        languages = list(self.entry.case.letter_languages)
        own = effective_language(self.profile)
        if own in languages:
            languages.remove(own)
            languages.insert(0, own)
        return languages

    def select_language(self, language: str) -> None:
        index = self.languagePicker.findData(language)
        if index >= 0:
            self.languagePicker.setCurrentIndex(index)

    def current_layout(self) -> str:
        """The paper chosen for this case, else the usual paper of the writer's country."""
        return self._choice.layout or self.writer().paper

    def writer(self) -> SenderProfile:
        """Who the letter is from: the profile, with the sender form's text while it is in use
        (typed details go on the letter at once, saved or not)."""
        if not self._editing_sender:
            return self.profile
        address = tuple(
            line.strip() for line in self.senderAddress.toPlainText().splitlines() if line.strip()
        )
        return replace(
            self.profile,
            name=self.senderName.text().strip(),
            address=address,
            country=self.senderCountry.text().strip(),
        )

    def select_official(self, official_id: str) -> None:
        index = self.officialPicker.findData(official_id)
        if index >= 0:
            self.officialPicker.setCurrentIndex(index)

    def ensure_composed(self) -> None:
        """Compose now if a case arrived while the composer was hidden."""
        if self._stale:
            self._recompose(keep_body=False)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._recompose(keep_body=False)

    # ------------------------------------------------------------------ composing

    def _recompose(self, keep_body: bool) -> None:
        official = self.current_official()
        if self.entry is None or official is None:
            self._clear()
            return
        self._stale = False
        if not self.letter_languages():  # a case only in Dutch, say: no letter can be written
            self._clear()
            self.letterBody.setReadOnly(True)
            self._show_warnings([self._no_letter_language()])
            return
        self.letterBody.setReadOnly(False)
        edited = typed_text(self.letterBody) if keep_body and self._is_edited() else None
        if not keep_body:
            self._load_personal_line(official)
        generated = self._generated_text(official)
        self._generated = generated
        self._offer_earlier_draft(None)
        if edited is None:
            key, document = self._draft_key(official), self._document()
            draft = self.drafts.load(self.entry.ua, key, document)
            if draft is not None and draft.body and draft.body != generated:
                edited = draft.body
                self.draftState.setText(
                    _("Your draft from {saved_at} was restored.").format(
                        saved_at=format_datetime(draft.saved_at, "short")
                    )
                )
            else:
                self.draftState.setText("")
            if draft is None:
                self._offer_earlier_draft(self.drafts.earlier(self.entry.ua, key, document))
        self.letterBody.blockSignals(True)
        self.letterBody.setPlainText(edited if edited is not None else generated)
        self.letterBody.blockSignals(False)
        self._draft_slot = (self.entry.ua, self._draft_key(official), self._document())
        self._letterish = self.current_channel() in LETTER_BODY_CHANNELS
        self._update_recipient(official)
        self._set_actions_enabled(True)
        self.refresh_preview()

    def _generated_text(self, official: Official) -> str:
        from uaction_desktop import compose

        assert self.entry is not None
        case = self.entry.case
        channel = self.current_channel()
        language = self.current_language()
        if channel is Channel.PHONE:
            return compose.compose_phone(case, official, self.writer(), language=language).text
        if channel is Channel.SOCIAL:
            return compose.compose_social(
                case, official, language=language, profile=self.writer()
            ).text
        return self._base_letter(official).body

    def _base_letter(self, official: Official):
        from uaction_desktop import compose

        assert self.entry is not None
        return compose.compose_letter(
            self.entry.case,
            official,
            self.writer(),
            today=self.today,
            layout=self.current_layout(),
            personal_line=self.personalLine.text(),
            language=self.current_language(),
        )

    def current_letter(self):
        """The letter as it will print, with the user's text."""
        official = self.current_official()
        if official is None:
            return None
        return self._base_letter(official).with_body(typed_text(self.letterBody))

    def render(self):
        """The PDF for the current letter or fax (a RenderResult)."""
        from uaction_desktop.pdf.fax import render_fax
        from uaction_desktop.pdf.letter import render_letter

        letter = self.current_letter()
        official = self.current_official()
        if letter is None or official is None:
            return None
        if self.current_channel() is Channel.FAX:
            return render_fax(letter, official)
        return render_letter(letter)

    def refresh_preview(self) -> None:
        self.previewTimer.stop()
        channel = self.current_channel()
        if self.entry is None or self.current_official() is None or self._draft_slot is None:
            return
        if channel in PDF_CHANNELS:
            result = self.render()
            self._pdf_bytes = result.pdf
            self._show_pdf(result.pdf)
            self._show_warnings([*result.warnings, *self._text_warnings()])
            self.previewStack.setCurrentWidget(self.letterPreview)
        else:
            self.messagePreview.setPlainText(self.message_text())
            self.previewStack.setCurrentWidget(self.messagePreview)
            warnings = self._text_warnings() if channel is Channel.EMAIL else []
            if channel is Channel.SOCIAL and len(typed_text(self.letterBody)) > 280:
                warnings.append(
                    _("{count} characters: posts are limited to 280.").format(
                        count=len(typed_text(self.letterBody))
                    )
                )
            self._show_warnings(warnings)

    def message_text(self) -> str:
        from uaction_desktop import compose

        official = self.current_official()
        channel = self.current_channel()
        if official is None or self.entry is None:
            return ""
        if channel is Channel.EMAIL:
            message = compose.compose_email(
                self.entry.case, official, self.current_letter(), language=self.current_language()
            )
            return _("To: {recipients}\nSubject: {subject}\n\n{text}").format(
                recipients=", ".join(message.recipients), subject=message.subject, text=message.text
            )
        if channel in (Channel.PHONE, Channel.SOCIAL):
            return typed_text(self.letterBody)
        return self.current_letter().as_text()

    def _show_pdf(self, pdf: bytes) -> None:
        self.letterPreview.set_pdf(pdf)  # keeps the page being read

    def _show_warnings(self, warnings: list[str]) -> None:
        self._warnings = list(warnings)
        self.renderWarnings.setText(shown("\n".join(f"⚠ {w}" for w in warnings)))
        self.renderWarnings.setVisible(bool(warnings))

    # ------------------------------------------------------------------ reactions

    def _on_personal_line(self, text: str) -> None:
        """The personal paragraph changes in place, in the suggested text and in an edited one
        alike: what the writer typed in either place is never dropped."""
        official = self.current_official()
        if self.entry is None or official is None or self._stale or not self._letterish:
            return
        if self._draft_slot is None:  # nothing composed: no letter language for this case
            return
        body = typed_text(self.letterBody)
        edited = self._is_edited()
        self._generated = self._generated_text(official)
        if edited:
            from uaction_desktop.letter_text import body_paragraphs

            own_text = self.entry.case.text(self.current_language())
            model = own_text.model_letter if own_text is not None else ""
            before_last = not (model and body_paragraphs(model))  # after a model letter's end
            body, clean = with_personal_line(body, self._personal_in_body, text, before_last)
            if not clean:
                self.draftState.setText(
                    _(
                        "Your text no longer had the old personal line; the new one is added "
                        "before the last paragraph."
                    )
                    if before_last
                    else _(
                        "Your text no longer had the old personal line; the new one is added "
                        "at the end."
                    )
                )
        else:
            body = self._generated
        self._personal_in_body = text
        self.letterBody.blockSignals(True)
        self.letterBody.setPlainText(body)
        self.letterBody.blockSignals(False)
        self.previewTimer.start()
        self.autosaveTimer.start()

    def _load_personal_line(self, official: Official) -> None:
        """The personal line typed for this case and official (from its draft), or none."""
        assert self.entry is not None
        key = official.id + self._language_suffix()
        draft = self.drafts.load(self.entry.ua, key, self._document())
        text = draft.personal_line if draft is not None else ""
        self.personalLine.blockSignals(True)
        self.personalLine.setText(text)
        self.personalLine.blockSignals(False)
        self._personal_in_body = text

    def _on_official(self, _index: int) -> None:
        self.save_draft()
        self._fill_channels()
        self._save_choice()
        self._recompose(keep_body=False)

    def _on_channel(self, _index: int) -> None:
        self.save_draft()
        channel = self.current_channel()
        self.layoutPicker.setEnabled(channel in PDF_CHANNELS)
        self.personalLine.setEnabled(channel in LETTER_BODY_CHANNELS)
        letterish = channel in LETTER_BODY_CHANNELS
        self._save_choice()
        self._recompose(keep_body=letterish and self._letterish)

    def _on_language(self, _index: int) -> None:
        """Another language: the whole letter is composed again in it (an edited text in the
        language left stays in its own draft, and comes back with that language)."""
        self.save_draft()
        self._save_choice()
        self._recompose(keep_body=False)

    def _on_layout(self, _index: int) -> None:
        """Paper chosen by hand for this case: kept with it, whatever the writer's country."""
        chosen = self.layoutPicker.currentData() or ""
        self._choice = replace(self._choice, layout=chosen)
        self._save_choice()
        self._recompose(keep_body=True)

    def _current_choice(self) -> CaseChoice:
        official = self.officialPicker.currentData() or ""
        channel = self.channelPicker.currentData() or ""
        language = self.languagePicker.currentData() or ""
        return CaseChoice(official, channel, self._choice.layout, language)

    def _save_choice(self) -> None:
        if self.entry is None or self.officialPicker.count() == 0:
            return
        self._choice = self._current_choice()
        try:
            self.drafts.save_choice(self.entry.ua, self._choice)
        except OSError as exc:
            log.warning("could not keep the case's choices: %s", exc)

    def _on_body_edited(self) -> None:
        self.previewTimer.start()
        self.autosaveTimer.start()
        self.draftState.setText(_("Edited; saving…") if self._is_edited() else "")

    def _on_reset(self) -> None:
        official = self.current_official()
        if self.entry is None or official is None:
            return
        self.drafts.discard(self.entry.ua, self._draft_key(official), self._document())
        self.letterBody.blockSignals(True)
        self.letterBody.setPlainText(self._generated)
        self.letterBody.blockSignals(False)
        self.draftState.setText(_("Back to the suggested text."))
        self.refresh_preview()

    def save_draft(self) -> None:
        """Keep the user's text on disk; the suggested text itself needs no draft."""
        self.autosaveTimer.stop()
        if self._draft_slot is None or self._stale:
            return
        ua, key, document = self._draft_slot
        personal = self.personalLine.text() if self._letterish else ""
        try:
            if self._is_edited():
                text = typed_text(self.letterBody)
                draft = self.drafts.save(ua, key, text, personal, document)
                self._offer_earlier_draft(None)  # this document has its own draft now
                self.draftState.setText(
                    _("Draft saved at {time}.").format(time=format_time(draft.saved_at))
                )
            elif personal.strip():  # the suggested text, with this line
                self.drafts.save(ua, key, "", personal, document)
            else:
                self.drafts.discard(ua, key, document)  # an earlier document's draft stays
        except OSError as exc:
            self.draftState.setText(
                _("Could not save the draft: {value}").format(value=exc.strerror or exc)
            )

    def _document(self) -> str:
        """The document the letter is written from ("63/18", or "63/18#1" for its update)."""
        return self.entry.card.key if self.entry is not None else ""

    def _offer_earlier_draft(self, draft: Draft | None) -> None:
        """Tell the writer of their draft from another document of this UA, and offer it: an
        update may change what is asked, so the letter shown follows the current document."""
        offered = draft if draft is not None and (draft.body or draft.personal_line) else None
        self._earlier_draft = offered
        self.earlierDraftBar.setVisible(offered is not None)
        if offered is not None and self.entry is not None:
            self.earlierDraftText.setText(
                _(
                    "Your draft from {saved_at} was written from another document of UA "
                    "{ua}. Check what this one asks before you use it."
                ).format(saved_at=format_datetime(offered.saved_at, "short"), ua=self.entry.ua)
            )

    def _on_use_earlier_draft(self) -> None:
        """The earlier draft's text and personal line, kept from now on as this document's."""
        earlier = self._earlier_draft
        if earlier is None or self._draft_slot is None:
            return
        self.personalLine.blockSignals(True)
        self.personalLine.setText(earlier.personal_line)
        self.personalLine.blockSignals(False)
        self._offer_earlier_draft(None)
        if earlier.body:
            self._personal_in_body = earlier.personal_line
            self.letterBody.blockSignals(True)
            self.letterBody.setPlainText(earlier.body)
            self.letterBody.blockSignals(False)
            self.save_draft()
            self.refresh_preview()
        else:  # the suggested text with a personal line: composed again around the line
            self.save_draft()
            self._recompose(keep_body=False)
        self.draftState.setText(
            _("Your draft from {saved_at} is now this letter's text.").format(
                saved_at=format_datetime(earlier.saved_at, "short")
            )
        )

    def _on_discard_earlier_draft(self) -> None:
        earlier = self._earlier_draft
        if earlier is None:
            return
        self._offer_earlier_draft(None)
        try:
            self.drafts.discard(earlier.ua, earlier.official_id, earlier.document)
        except OSError as exc:
            self.draftState.setText(
                _("Could not delete the draft: {value}").format(value=exc.strerror or exc)
            )

    def _is_edited(self) -> bool:
        return typed_text(self.letterBody).strip() != self._generated.strip()

    def _draft_key(self, official: Official) -> str:
        channel = self.current_channel()
        key = official.id if channel in LETTER_BODY_CHANNELS else f"{official.id}.{channel.value}"
        return key + self._language_suffix()

    def _language_suffix(self) -> str:
        """Drafts in the case's own language keep their old keys; others are kept apart."""
        language = self.current_language()
        own = self.entry.case.language if self.entry is not None else language
        return "" if language == own else f"@{language}"

    def _on_save_sender(self) -> None:
        address = tuple(
            line.strip() for line in self.senderAddress.toPlainText().splitlines() if line.strip()
        )
        name = self.senderName.text().strip()
        if not name or not address:
            self.statusMessage.emit(_("Please give your name and at least one address line."))
            return
        profile = replace(
            self.profile, name=name, address=address, country=self.senderCountry.text().strip()
        )
        try:
            self._save_profile(profile)
        except OSError as exc:
            QMessageBox.warning(
                self,
                _("Could not save"),
                _("Your details could not be saved: {exc}").format(exc=exc),
            )
            return
        self.profile = profile
        self._sender_draft = None
        self._discard_sender_draft()
        self.profileSaved.emit(profile)
        self._show_sender()
        self._select_layout(self.current_layout())
        self._recompose(keep_body=True)
        self.statusMessage.emit(_("Your details are saved."))

    def _on_edit_sender(self) -> None:
        self._editing_sender = True
        self.senderBox.show()
        self.senderName.setFocus()

    def _on_sender_typed(self) -> None:
        if self._filling_sender:
            return
        self._editing_sender = True
        self.senderTimer.start()

    def flush_pending(self) -> None:
        """Save now what is still waiting for its delay (typed sender details, the letter's
        text): before the profile changes under them or the window closes."""
        if self.senderTimer.isActive():
            self.senderTimer.stop()
            self._keep_typed_sender()
        self.save_draft()

    def _keep_typed_sender(self) -> SenderProfile:
        writer = self.writer()
        self._sender_draft = SenderDraft(writer.name, writer.address, writer.country)
        try:
            self.drafts.save_sender(self._sender_draft)
        except OSError as exc:
            self.draftState.setText(
                _("Could not keep your details: {value}").format(value=exc.strerror or exc)
            )
        return writer

    def _apply_sender(self) -> None:
        """Typed details: on the letter at once, and kept like a draft until saved."""
        self.senderTimer.stop()
        writer = self._keep_typed_sender()
        self._select_layout(self.current_layout())
        if writer.name and writer.address:
            self.senderSummary.setText(_("As typed below (used on the letter; not saved yet)."))
        if not self._stale:
            self._recompose(keep_body=True)

    def _load_sender_draft(self) -> SenderDraft | None:
        try:
            return self.drafts.load_sender()
        except OSError:
            return None

    def _discard_sender_draft(self) -> None:
        try:
            self.drafts.discard_sender()
        except OSError as exc:
            log.warning("could not remove the typed sender details: %s", exc)

    def _sender_is_missing(self) -> bool:
        """An export or print with no sender name or address asks first; True if the writer
        chose not to go on."""
        writer = self.writer()
        missing = [
            what
            for what, given in (("name", writer.name.strip()), ("address", writer.address))
            if not given
        ]
        if not missing:
            return False
        answer = QMessageBox.question(
            self,
            _("No sender on this letter"),
            _no_sender_question(missing),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer != QMessageBox.StandardButton.Yes

    # ------------------------------------------------------------------ actions

    def _printable(self):
        """(official, RenderResult) for export or print; a text channel prints as a letter."""
        self.ensure_composed()
        official = self.current_official()
        if self.entry is None or official is None:
            return None, None
        if self.current_channel() not in PDF_CHANNELS:
            self._select_channel(Channel.LETTER)
        self.save_draft()
        if self._sender_is_missing():
            return None, None
        return official, self.render()

    def export_pdf(self) -> None:
        official, result = self._printable()
        if result is None:
            return
        suggested = letter_file_name(self.entry.ua, official)
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Export letter as PDF"), suggested, _("PDF documents (*.pdf)")
        )
        if not path:
            return
        path = with_suffix(path, ".pdf")
        try:
            write_bytes_atomic(path, result.pdf)
        except OSError as exc:
            QMessageBox.critical(
                self,
                _("Export failed"),
                _(
                    "The PDF could not be written to {path}:\n{value}\n\nNothing was changed; any "
                    "earlier file there is untouched."
                ).format(path=path, value=exc.strerror or exc),
            )
            return
        self.statusMessage.emit(
            ngettext(
                "Saved {path} ({count} page).", "Saved {path} ({count} pages).", result.pages
            ).format(path=path, count=result.pages)
        )
        self._emit_sent(official, "exported")

    def print_letter(self) -> None:
        from uaction_desktop.gui.printing import print_pdf

        official, result = self._printable()
        if result is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        # The print dialog proposes "<document name>.pdf" for printing to a file: a "/" in it
        # ("UA 63/18") made that path invalid.
        printer.setDocName(letter_file_name(self.entry.ua, official).removesuffix(".pdf"))
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        try:
            how = print_pdf(printer, result.pdf)
        except Exception as exc:
            log.exception("printing failed")
            QMessageBox.critical(
                self,
                _("Printing failed"),
                _("The letter could not be printed:\n{exc}").format(exc=exc),
            )
            return
        self.statusMessage.emit(how)
        self._emit_sent(official, "printed")

    def email_letter(self) -> None:
        self.ensure_composed()
        from uaction_desktop import compose

        official = self.current_official()
        if self.entry is None or official is None:
            return
        if not official.emails:
            self.statusMessage.emit(
                _("{display_name} has no email address in this case.").format(
                    display_name=official.display_name
                )
            )
            return
        message = compose.compose_email(
            self.entry.case, official, self.current_letter(), language=self.current_language()
        )
        if not QDesktopServices.openUrl(QUrl(message.mailto)):
            QMessageBox.information(
                self,
                _("No mail program"),
                _(
                    "No mail program opened. Use Copy letter text and paste it into an email to "
                    "{addresses}"
                ).format(addresses=", ".join(official.emails)),
            )
            return
        self.statusMessage.emit(_("Opened your mail program; the app itself sends nothing."))
        self._emit_sent(official, "emailed", channel=Channel.EMAIL, text=message.text)

    def copy_text(self) -> None:
        self.ensure_composed()
        text = self.message_text()
        if text:
            QGuiApplication.clipboard().setText(text)
            self.statusMessage.emit(_("Letter text copied."))

    def _emit_sent(
        self, official: Official, how: str, channel: Channel | None = None, text: str | None = None
    ) -> None:
        assert self.entry is not None
        self.sent.emit(
            SentRecord(
                self.entry,
                official,
                channel or self.current_channel(),
                text if text is not None else self.message_text(),
                how,
                self.today,
                self.writer().name,
            )
        )

    # ------------------------------------------------------------------ helpers

    def _fill_channels(self, preferred: str | None = None) -> None:
        official = self.current_official()
        previous = self.channelPicker.currentData() if preferred is None else preferred
        self.channelPicker.blockSignals(True)
        self.channelPicker.clear()
        if official is not None:
            for channel in official.channels():
                self.channelPicker.addItem(_(_CHANNEL_LABELS[channel]), channel.value)
        index = self.channelPicker.findData(previous)
        self.channelPicker.setCurrentIndex(max(index, 0))
        self.channelPicker.blockSignals(False)
        self.layoutPicker.setEnabled(self.current_channel() in PDF_CHANNELS)
        self.personalLine.setEnabled(self.current_channel() in LETTER_BODY_CHANNELS)

    def _fill_languages(self, preferred: str = "") -> None:
        """The case's letter languages (the writer's own first); the one kept for the case if
        it can still be filled, else the first. Says which languages the document asks for."""
        languages = self.letter_languages()
        previous = preferred or ""
        self.languagePicker.blockSignals(True)
        self.languagePicker.clear()
        for code in languages:
            self.languagePicker.addItem(NATIVE_NAMES.get(code, language_display_name(code)), code)
        index = self.languagePicker.findData(previous) if previous else -1
        self.languagePicker.setCurrentIndex(max(index, 0) if languages else -1)
        self.languagePicker.blockSignals(False)
        self.languagePicker.setEnabled(len(languages) > 1)
        if len(languages) == 1:
            tip = _("This case has its text in one language only: the letter is written in it.")
        else:
            tip = _("The letter, from salutation to sign-off, is written in this language.")
        self.languagePicker.setToolTip(tip)
        asked = self.entry.case.languages if self.entry is not None else ()
        notes = (
            [_("The document asks writers to use: {languages}.").format(languages=", ".join(asked))]
            if asked
            else []
        )
        own = effective_language(self.profile)
        if languages and own not in languages:
            notes.append(
                _(
                    "This case has no appeal points in {language}; a coordinator can add them "
                    "in the case editor (Translations)."
                ).format(language=language_display_name(own))
            )
        self.askedLanguages.setText("\n".join(notes))
        self.askedLanguages.setVisible(bool(notes))

    def _no_letter_language(self) -> str:
        """Why the case gives no letter (the core's sentence: which languages it is in)."""
        from uaction_desktop.compose import LanguageError, letter_language

        assert self.entry is not None
        try:
            letter_language(self.entry.case, self.writer())
        except LanguageError as error:
            return str(error)
        return ""

    def _select_channel(self, channel: Channel) -> None:
        index = self.channelPicker.findData(channel.value)
        if index >= 0:
            self.channelPicker.setCurrentIndex(index)

    def _select_layout(self, name: str) -> None:
        index = self.layoutPicker.findData(name)
        if index >= 0:
            self.layoutPicker.blockSignals(True)
            self.layoutPicker.setCurrentIndex(index)
            self.layoutPicker.blockSignals(False)

    def _update_recipient(self, official: Official) -> None:
        """The address block and the greeting as printed, in the letter's language."""
        letter = self._base_letter(official)
        block = "\n".join(letter.recipient_lines) + f"\n\n{letter.greeting}"
        self.recipient.setText(shown(block))

    def _text_warnings(self) -> list[str]:
        """A body cut off in the source ("foll[...]") is shown, never printed silently."""
        personal = self._personal_in_body if self._letterish else ""
        warning = truncation_warning(typed_text(self.letterBody), personal_line=personal)
        return [warning] if warning else []

    def _show_banner(self) -> None:
        if self.entry is None:
            self.banner.hide()
            return
        level, text = deadline_advice(self.entry, self.today)
        if level == "ok":
            self.banner.hide()
            return
        colours = {"expired": ("#fbe3e1", "#5c1610"), "urgent": ("#fff1cc", "#4d3800")}[level]
        self.banner.setStyleSheet(
            f"background-color: {colours[0]}; color: {colours[1]}; border-radius: 4px;"
        )
        self.banner.setText(text)
        self.banner.show()

    def _show_sender(self) -> None:
        profile = self.profile
        complete = profile.is_complete
        typed = self._sender_draft
        self._editing_sender = not complete or typed is not None
        self.senderBox.setVisible(self._editing_sender)
        self._filling_sender = True
        self.senderName.setText(typed.name if typed else profile.name)
        self.senderAddress.setPlainText("\n".join(typed.address if typed else profile.address))
        self.senderCountry.setText(typed.country if typed else profile.country)
        self._filling_sender = False
        summary = ", ".join(p for p in (profile.name, *profile.address) if p)
        self.senderSummary.setText(summary if complete else _("Not set yet: fill in below."))
        self.senderSummary.setToolTip(summary)
        self.editSender.setVisible(complete)

    def _set_actions_enabled(self, enabled: bool) -> None:
        for action in (self.exportPdf, self.printLetter, self.copyText):
            action.setEnabled(enabled)
        official = self.current_official() if enabled else None
        self.emailLetter.setEnabled(bool(official and official.emails))

    def _clear(self) -> None:
        self._draft_slot = None
        self._offer_earlier_draft(None)
        self.letterBody.blockSignals(True)
        self.letterBody.clear()
        self.letterBody.blockSignals(False)
        self.recipient.clear()
        self.messagePreview.clear()
        self.letterPreview.clear()
        self._set_actions_enabled(False)


def _no_sender_question(missing: list[str]) -> str:
    """Whole sentences, one per case, so each language can word them its own way."""
    if "name" in missing and "address" in missing:
        text = _(
            "This letter has no sender name and no address: it would go out unsigned, and the "
            "official could not reply."
        )
    elif "name" in missing:
        text = _(
            "This letter has no sender name: it would go out unsigned, and the official could "
            "not reply."
        )
    else:
        text = _(
            "This letter has no sender address: it would go out with no return address, and the "
            "official could not reply."
        )
    return text + "\n\n" + _("Fill in “Your name and address” first, or print it like this anyway?")
