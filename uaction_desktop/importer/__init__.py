"""Import a published Urgent Action (PDF, Word, email or text) into a case draft.

Qt-free. The GUI editor and ``uaction import`` both use :func:`import_file` (or
:func:`parse_text` for text already in hand) and get a :class:`Draft` whose fields each carry a
:class:`Confidence` and a note, plus ``leftovers``: text the parser could not place.
"""

from __future__ import annotations

from pathlib import Path

from uaction_desktop.i18n import _
from uaction_desktop.importer.draft import (
    CASE_FIELDS,
    OFFICIAL_FIELDS,
    Confidence,
    Draft,
    DraftOfficial,
    DraftPerson,
    Field,
    Leftover,
)
from uaction_desktop.importer.extract import (
    MAX_FILE_BYTES,
    MAX_TEXT_CHARS,
    DocumentError,
    Extracted,
    extract_file,
)
from uaction_desktop.importer.parse import parse_text


def import_file(path: str | Path) -> Draft:
    """Read a document and parse it. Raises :class:`DocumentError` (with a message for the
    user) when the file cannot be read as a document, or holds nothing of an Urgent Action."""
    return draft_from(extract_file(path), Path(path).name)


def draft_from(extracted: Extracted, name: str) -> Draft:
    """The draft case in an extracted document. Text with no UA number, no officials and no
    appeal (a shopping list, say) is still parsed, with a warning saying so: the caller
    decides whether a form of empty fields is worth opening."""
    draft = parse_text(extracted.text, warnings=extracted.warnings)
    draft.dropped.extend(extracted.dropped)
    if not draft.looks_like_an_urgent_action():
        draft.warnings.append(
            _(
                "{name} does not look like an Urgent Action: no UA number, no officials to "
                "write to and no appeal were found in it"
            ).format(name=name)
        )
    return draft


__all__ = [
    "CASE_FIELDS",
    "MAX_FILE_BYTES",
    "MAX_TEXT_CHARS",
    "OFFICIAL_FIELDS",
    "Confidence",
    "DocumentError",
    "Draft",
    "DraftOfficial",
    "DraftPerson",
    "Extracted",
    "Field",
    "Leftover",
    "draft_from",
    "extract_file",
    "import_file",
    "parse_text",
]
