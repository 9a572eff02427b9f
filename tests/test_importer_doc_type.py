"""The document's type: a model letter is named as one in the draft, and saved as the case
kind it maps to (a case file knows initial, follow-up and closure only). Fixtures in our own
words."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from uaction_desktop.casefile import parse_case_text
from uaction_desktop.cli import main
from uaction_desktop.importer import import_file, meta, parse_text
from uaction_desktop.importer.doc_type import DocumentType
from uaction_desktop.model import CaseKind

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"
TODAY = date(2030, 1, 1)

RELAY_PAGE = """\
WHAT YOU CAN DO TONIGHT TO STOP THE EXECUTION OF SAM ROWE:
a) ask the parole board to think again:
State Board of Clemency
Tel.: 001 (555) 010-2000
Fax: 001 (555) 010-2001
TEXT:
New evidence casts doubt on the conviction, and we ask you to reconsider clemency at once.
[do not forget your name]
"""


def test_a_model_letter_without_a_ua_number_is_named_and_saved_as_initial() -> None:
    draft = import_file(FIXTURES / "model-letter.txt")
    assert draft.document_type is not None
    assert draft.document_type.value is DocumentType.MODEL_LETTER
    assert "ready-made letter" in draft.document_type.note
    data = draft.to_json(TODAY)
    assert (data["kind"], data["case_kind"]) == ("model-letter", "initial")
    # the case file keeps to its three kinds and reads back
    assert draft.to_case(TODAY).kind is CaseKind.INITIAL
    parsed = parse_case_text(draft.to_toml(TODAY), "draft.toml")
    assert not parsed.problems or all(p.field != "kind" for p in parsed.problems)


def test_texts_to_send_under_a_label_make_a_model_letter() -> None:
    draft = parse_text(RELAY_PAGE)
    assert draft.document_type is not None
    assert draft.document_type.value is DocumentType.MODEL_LETTER
    assert "'TEXT:'" in draft.document_type.note


def test_an_urgent_action_with_a_sample_letter_stays_an_urgent_action() -> None:
    draft = import_file(FIXTURES / "us-web-2022.txt")
    assert draft.value("ua")
    assert draft.document_type is not None
    assert draft.document_type.value is not DocumentType.MODEL_LETTER
    assert draft.to_json(TODAY)["kind"] == draft.to_json(TODAY)["case_kind"]


def test_a_letter_that_reports_a_follow_up_stays_a_follow_up() -> None:
    text = "Further information on UA 12/24\n\n" + (FIXTURES / "model-letter.txt").read_text()
    draft = parse_text(text)
    assert draft.document_type is not None
    assert draft.document_type.value is DocumentType.FOLLOW_UP
    assert draft.to_json(TODAY)["kind"] == "follow-up"


@pytest.mark.parametrize(
    ("line", "number"),
    [("UA-126/2010-1", 1), ("UA-Nr.: UA-040/2013-2 AI-Index: AMR 23/001/2013", 2)],
)
def test_a_section_number_with_a_follow_up_suffix_is_a_follow_up(line: str, number: int) -> None:
    found = meta.follow_up_info([line])
    assert found is not None and found[0] == number
    draft = parse_text(f"{line}\n\nKolumbien: Drohungen\n\nDie Drohungen gehen weiter.")
    assert draft.value("kind") is CaseKind.FOLLOW_UP and draft.value("update") == number


def test_a_plain_section_number_is_no_follow_up() -> None:
    assert meta.follow_up_info(["UA-126/2010", "UA 63/18", "UA-257-1/2014"]) is None


def test_the_command_names_the_document_type_and_the_kind_it_is_saved_as(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["import", str(FIXTURES / "model-letter.txt"), "--json"]) == 0
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert data["kind"] == "model-letter" and data["case_kind"] == "initial"
    assert "(model letter, saved as initial)" in err
