"""A bar offering back unsaved work found from an earlier session (after a crash, say).

It does not block: the user can restore it, discard it, or just carry on and decide later.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from uaction_desktop.case_drafts import SavedForm
from uaction_desktop.i18n import _, format_datetime, ngettext


class RestoreBar(QFrame):
    restoreRequested = Signal(object)  # the SavedForm to restore
    discardRequested = Signal(list)  # every SavedForm offered

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.forms: list[SavedForm] = []
        self.label = QLabel(self)
        self.label.setObjectName("restoreText")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.restoreButton = QPushButton(_("&Restore it"), self)
        self.restoreButton.setObjectName("restoreButton")
        self.restoreButton.setAccessibleName(_("Restore the unsaved work"))
        self.discardButton = QPushButton(_("&Discard it"), self)
        self.discardButton.setObjectName("discardRestoreButton")
        self.discardButton.setAccessibleName(_("Discard the unsaved work"))
        for button in (self.restoreButton, self.discardButton):
            button.setAutoDefault(False)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.restoreButton)
        layout.addWidget(self.discardButton)
        self.restoreButton.clicked.connect(lambda: self.restoreRequested.emit(self.forms[0]))
        self.discardButton.clicked.connect(lambda: self.discardRequested.emit(list(self.forms)))
        self.hide()

    def offer(self, forms: list[SavedForm]) -> None:
        """Offer the newest of ``forms`` (hidden when there are none)."""
        self.forms = list(forms)
        if not forms:
            self.hide()
            return
        newest = forms[0]
        when = format_datetime(newest.saved_at, "medium")
        if newest.label:
            text = _(
                "Unsaved work from {when} was found ({what}): the editor closed before it was "
                "saved."
            ).format(when=when, what=newest.label)
        else:
            text = _(
                "Unsaved work from {when} was found: the editor closed before it was saved."
            ).format(when=when)
        if len(forms) > 1:
            older = len(forms) - 1
            text += " " + ngettext(
                "({count} older unsaved version too; discarding removes them all.)",
                "({count} older unsaved versions too; discarding removes them all.)",
                older,
            ).format(count=older)
        self.label.setText(text)
        self.show()
