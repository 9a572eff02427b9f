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
DOCUMENT_COLOUR = "#dbe8f6"  # the document's type: information, not a doubt
NOTHING = N_("Nothing: every field was read with high confidence.")


def fill_review_list(widget: QListWidget, draft: Draft, describe: Callable[[str], str]) -> None:
    """One entry per field to check, worst first; the field's path is the entry's user data."""
    widget.clear()
    widget.setWordWrap(True)
    doc = getattr(draft, "document_type", None)
    if doc is not None and doc.value != doc.value.case_kind.value:
        # a kind of document the case format has no kind for: named first, so the
        # coordinator knows what was read (and what the case is saved as)
        text = _("Document: {kind}: {note}").format(kind=doc.value.label, note=doc.note)
        entry = QListWidgetItem(text)
        entry.setData(Qt.ItemDataRole.UserRole, "kind")
        entry.setToolTip(_("{text}\n(the case's Kind field is what is saved)").format(text=text))
        entry.setBackground(QColor(DOCUMENT_COLOUR))
        entry.setForeground(QColor("#1a1a1a"))
        widget.addItem(entry)
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
