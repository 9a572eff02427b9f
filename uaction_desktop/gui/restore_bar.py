"""A bar offering back unsaved work found from an earlier session (after a crash, say).

It does not block: the user can restore it, discard it, or just carry on and decide later.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from uaction_desktop.case_drafts import SavedForm


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
        self.restoreButton = QPushButton("&Restore it", self)
        self.restoreButton.setObjectName("restoreButton")
        self.restoreButton.setAccessibleName("Restore the unsaved work")
        self.discardButton = QPushButton("&Discard it", self)
        self.discardButton.setObjectName("discardRestoreButton")
        self.discardButton.setAccessibleName("Discard the unsaved work")
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
        what = f" ({newest.label})" if newest.label else ""
        when = newest.saved_at.strftime("%d %b %Y, %H:%M")
        text = f"Unsaved work from {when} was found{what}: the editor closed before it was "
        text += "saved."
        if len(forms) > 1:
            text += f" ({len(forms) - 1} older unsaved version{'s' if len(forms) > 2 else ''} "
            text += "too; discarding removes them all.)"
        self.label.setText(text)
        self.show()
