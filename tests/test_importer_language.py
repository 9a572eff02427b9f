"""The importer's notes and ``uaction import``'s summary in the interface's language.

The importer runs in the user's session, so the review notes it stores in a draft are made in
the interface language; the words it matches against documents stay as they are.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from uaction_desktop import i18n
from uaction_desktop.cli import main
from uaction_desktop.importer import Confidence, import_file

# our own words: a group's ready-made letter with its addressee and no UA number or dates
MODEL_LETTER = Path(__file__).resolve().parent / "fixtures" / "import" / "model-letter.txt"


def test_review_notes_are_made_in_german_with_a_german_interface() -> None:
    try:
        i18n.set_language("de")
        draft = import_file(MODEL_LETTER)
        assert draft.document_type is not None
        label = draft.document_type.value.label
    finally:
        i18n.set_language("en")
    assert label == "ein Musterbrief"
    assert draft.document_type.value.label == "a model letter"  # a label is read where shown
    assert "keine UA-Nummer" in draft.document_type.note
    notes = {path: f.note for path, f in draft.review_worst_first()}
    assert notes["ua"].startswith("ein Musterbrief trägt keine UA-Nummer")
    assert notes["issued"] == (
        "nicht im Dokument gefunden: Geben Sie das Veröffentlichungsdatum der Urgent Action an"
    )
    assert notes["deadline"] == "keine Frist für Appelle gefunden"
    assert notes["title"] == "die Betreffzeile des Briefs"
    assert notes["asks"] == "die Forderungen im Musterbrief"
    english = [n for n in notes.values() if " the " in f" {n} " or n.startswith("from ")]
    assert english == []
    # the same document read in English: the notes are English again
    again = {path: f.note for path, f in import_file(MODEL_LETTER).review_worst_first()}
    assert again["deadline"] == "no appeal deadline found"
    assert draft.fields["deadline"].confidence is Confidence.MISSING


def test_uaction_import_summary_in_german(capsys: pytest.CaptureFixture[str]) -> None:
    try:
        assert main(["--lang", "de", "import", str(MODEL_LETTER)]) == 0
    finally:
        i18n.set_language("en")
    err = capsys.readouterr().err
    first = err.splitlines()[0]
    assert first.startswith("UA ? (Musterbrief, gespeichert als erste Aktion) aus model-letter")
    assert "1 Adressat, 2 Forderungen, 0 Reste" in first
    assert "Felder zu prüfen:" in err
    assert "zu ergänzen: deadline: ist erforderlich" in err
    assert "model letter" not in err and "saved as" not in err
