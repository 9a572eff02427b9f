"""What kind of document was imported, which is not always a kind of case.

A case file knows three kinds (initial, follow-up, closure). Documents come in one more a
coordinator should see named: a model letter (a group's or section's ready-made letter with
its addressees, but no Urgent Action number or header of its own). The draft reports the
document's type; the case saved from it gets the case kind the type maps to.
"""

from __future__ import annotations

import enum

from uaction_desktop.i18n import _
from uaction_desktop.importer.draft import Confidence, Field
from uaction_desktop.model import CaseKind


class DocumentType(enum.StrEnum):
    INITIAL = "initial"
    FOLLOW_UP = "follow-up"
    CLOSURE = "closure"
    MODEL_LETTER = "model-letter"

    @property
    def case_kind(self) -> CaseKind:
        """The kind of the case a document of this type is saved as."""
        if self is DocumentType.MODEL_LETTER:
            return CaseKind.INITIAL
        return CaseKind(self.value)

    @property
    def label(self) -> str:
        """The type in a sentence a coordinator reads ("a model letter"), in the interface's
        language at the moment it is read."""
        return {
            DocumentType.INITIAL: _("an Urgent Action"),
            DocumentType.FOLLOW_UP: _("a follow-up"),
            DocumentType.CLOSURE: _("a closure"),
            DocumentType.MODEL_LETTER: _("a model letter"),
        }[self]

    @property
    def short(self) -> str:
        """The type as a short name in a summary line ("model letter")."""
        return {
            DocumentType.INITIAL: _("initial"),
            DocumentType.FOLLOW_UP: _("follow-up"),
            DocumentType.CLOSURE: _("closure"),
            DocumentType.MODEL_LETTER: _("model letter"),
        }[self]


def document_type(kind: Field, has_ua: bool, letter_note: str) -> Field:
    """The document's type from the case kind the parser read, whether the document carries a
    UA number, and where its ready-made letter was found ("" when it has none).

    A document with its own UA number is an Urgent Action even when it includes a sample
    letter; one without a number, follow-up or closure notice whose appeal is a letter is a
    model letter. Follow-ups and closures keep their kind whatever else they hold.
    """
    case_kind: CaseKind = kind.value
    if case_kind is CaseKind.INITIAL and letter_note and not has_ua:
        return Field(
            DocumentType.MODEL_LETTER,
            Confidence.MEDIUM,
            _(
                "no UA number, and the appeal is a ready-made letter ({where}); "
                "saved as an initial action"
            ).format(where=letter_note),
        )
    return Field(DocumentType(case_kind.value), kind.confidence, kind.note)


__all__ = ["DocumentType", "document_type"]
