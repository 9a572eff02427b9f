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

from uaction_desktop.importer import Confidence, Draft

# confidence -> (word the reviewer reads first, background of the entry)
LEVELS = {
    Confidence.MISSING: ("Missing", "#f6c9c4"),
    Confidence.LOW: ("Guess", "#fbdcae"),
    Confidence.MEDIUM: ("Check", "#fff1a8"),
}
DOCUMENT_COLOUR = "#dbe8f6"  # the document's type: information, not a doubt
NOTHING = "Nothing: every field was read with high confidence."


def fill_review_list(widget: QListWidget, draft: Draft, describe: Callable[[str], str]) -> None:
    """One entry per field to check, worst first; the field's path is the entry's user data."""
    widget.clear()
    widget.setWordWrap(True)
    doc = getattr(draft, "document_type", None)
    if doc is not None and doc.value != doc.value.case_kind.value:
        # a kind of document the case format has no kind for: named first, so the
        # coordinator knows what was read (and what the case is saved as)
        text = f"Document: {doc.value.label}: {doc.note}"
        entry = QListWidgetItem(text)
        entry.setData(Qt.ItemDataRole.UserRole, "kind")
        entry.setToolTip(f"{text}\n(the case's Kind field is what is saved)")
        entry.setBackground(QColor(DOCUMENT_COLOUR))
        entry.setForeground(QColor("#1a1a1a"))
        widget.addItem(entry)
    for path, item in draft.review_worst_first():
        word, colour = LEVELS.get(item.confidence, ("Check", "#fff1a8"))
        note = item.note or "not found"
        entry = QListWidgetItem(f"{word}: {describe(path)}: {note}")
        entry.setData(Qt.ItemDataRole.UserRole, path)
        entry.setToolTip(f"{describe(path)}\n{note}\n(confidence: {item.confidence.value})")
        entry.setBackground(QColor(colour))
        entry.setForeground(QColor("#1a1a1a"))
        widget.addItem(entry)
    if not widget.count():
        widget.addItem(NOTHING)
