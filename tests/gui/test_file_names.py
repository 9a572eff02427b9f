"""The file name the window proposes for a letter reads as a sentence, for any title."""

from __future__ import annotations

import pytest

from uaction_desktop.gui.file_names import letter_file_name
from uaction_desktop.model import Official


@pytest.mark.parametrize(
    ("title", "name", "expected"),
    [
        ("Ambassador", "Jane Roe", "UA 63-18 letter to the Ambassador.pdf"),
        ("His Majesty King", "Idris bin Salim", "UA 63-18 letter to His Majesty King.pdf"),
        ("The Prosecutor General", "", "UA 63-18 letter to The Prosecutor General.pdf"),
        ("LEITER DER ERMITTLUNGSBEHÖRDE", "Iwan Beispiel", "UA 63-18 letter to Iwan Beispiel.pdf"),
        ("PRESIDENT", "", "UA 63-18 letter to the PRESIDENT.pdf"),  # nothing better to say
        ("", "Jane Roe", "UA 63-18 letter to Jane Roe.pdf"),
        (
            "Minister of Justice/Interior",
            "",
            "UA 63-18 letter to the Minister of Justice-Interior.pdf",
        ),
    ],
)
def test_the_proposed_name_of_a_letter(title: str, name: str, expected: str) -> None:
    official = Official(id="x", title=title, name=name)
    assert letter_file_name("63/18", official) == expected
