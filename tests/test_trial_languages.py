"""What a French and a German user trial found in English or in internal words: the label
sheets and envelopes, an importer note, the profile's labels, the document's languages, a
field's internal name. New messages are checked in a pseudo-language made from the source (the
catalogs gain their translations separately); Babel's names with the real languages."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from tests.conftest import REPO
from tests.pseudo import CLOSE, OPEN, pseudo_translations
from uaction_desktop import cli, i18n
from uaction_desktop.importer import parse_text
from uaction_desktop.pack.envelopes import ENVELOPES
from uaction_desktop.pack.labels import SHEETS
from uaction_desktop.pack.options import PackError, PackOptions

sys.path.insert(0, str(REPO / "packaging"))
import catalogs


@pytest.fixture(scope="module")
def template():
    return catalogs.extract()


@pytest.fixture
def pseudo() -> Iterator[None]:
    """Every message of the source wrapped in ⟦...⟧: text shown unmarked is not in it."""
    i18n.use_translations(pseudo_translations(), "en")
    try:
        yield
    finally:
        i18n.set_language("en")


def test_label_sheets_and_envelopes_are_named_from_the_catalog(pseudo) -> None:
    assert SHEETS["a4-21"].title == (
        f"{OPEN}A4 sheets of 21 labels, 63.5 × 38.1 mm (like Avery L7160){CLOSE}"
    )
    for thing in (*SHEETS.values(), *ENVELOPES.values()):
        assert thing.title.startswith(OPEN), thing.name
    with pytest.raises(PackError) as raised:
        PackOptions(labels="a5-8", envelopes="dl")
    assert all(part.startswith(OPEN) for part in str(raised.value).split("; "))


def test_the_cut_off_model_letters_note_is_from_the_catalog(pseudo) -> None:
    draft = parse_text(
        "URGENT ACTION\nRELEASE THE TEACHER\nA teacher, Mara Lind, was detained.\n"
        "SAMPLE LETTER\nDear Minister,\nI urge you to release Mara Lind at once and to let her "
        "see her fam\n[...]\n"
    )
    notes = [x.note for x in draft.leftovers if "stops mid-text" in x.note]
    assert notes and all(note.startswith(OPEN) for note in notes)


def test_no_message_names_the_model_letter_field_by_its_key(template) -> None:
    ids = [m.id if isinstance(m.id, str) else " ".join(m.id) for m in template if m.id]
    assert [text for text in ids if "model_letter" in text] == []


def test_uaction_profile_labels_its_fields_from_the_catalog(pseudo, capsys, monkeypatch) -> None:
    monkeypatch.setattr(i18n, "set_language", lambda code: code)  # the pseudo-language stays
    assert cli.main(["profile", "--name", "Ana Nowak"]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if ":" in line]
    fields = [line for line in lines if not line.startswith(OPEN + "Saved")]
    assert len(fields) == 9
    assert all(line.startswith(OPEN) for line in fields), fields
    assert any(line.startswith(f"{OPEN}name{CLOSE}:") and "Ana Nowak" in line for line in fields)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "russe, anglais, allemand, Elvish"),
        ("de", "Russisch, Englisch, Deutsch, Elvish"),
        ("en", "Russian, English, German, Elvish"),
    ],
)
def test_the_documents_languages_are_named_in_the_interface_language(
    language: str, expected: str
) -> None:
    i18n.set_language(language)
    try:
        assert i18n.asked_languages(("Russian", "English", "German", "Elvish")) == expected
    finally:
        i18n.set_language("en")
