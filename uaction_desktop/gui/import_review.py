"""The import review in the case editor: what the importer was unsure of, worst first.

A coordinator checks an imported case against the document; the list says where to look first
(missing required fields, then guesses, then looser readings), each entry naming the field,
why it is in doubt and going to it when clicked (the editor connects that).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from uaction_desktop.i18n import N_, _
from uaction_desktop.importer import Confidence, Draft

# confidence -> (word the reviewer reads first, background of the entry)
LEVELS = {
    Confidence.MISSING: (N_("Missing"), "#f6c9c4"),
    Confidence.LOW: (N_("Guess"), "#fbdcae"),
    Confidence.MEDIUM: (N_("Check"), "#fff1a8"),
}
NOTHING = N_("Nothing: every field was read with high confidence.")


def fill_review_list(widget: QListWidget, draft: Draft, describe: Callable[[str], str]) -> None:
    """One entry per field to check, worst first; the field's path is the entry's user data."""
    widget.clear()
    widget.setWordWrap(True)
    for path, item in draft.review_worst_first():
        word, colour = LEVELS.get(item.confidence, (N_("Check"), "#fff1a8"))
        note = item.note or _("not found")
        entry = QListWidgetItem(
            _("{level}: {field}: {note}").format(level=_(word), field=describe(path), note=note)
        )
        entry.setData(Qt.ItemDataRole.UserRole, path)
        entry.setToolTip(
            _("{field}\n{note}\n(confidence: {level})").format(
                field=describe(path), note=note, level=_(word).lower()
            )
        )
        entry.setBackground(QColor(colour))
        entry.setForeground(QColor("#1a1a1a"))
        widget.addItem(entry)
    if not widget.count():
        widget.addItem(_(NOTHING))
