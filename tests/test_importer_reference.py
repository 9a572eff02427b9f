"""The reference: importing the UA 63/18 document gives the bundled case, field for field."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from uaction_desktop.casefile import case_to_dict, load_case_file, parse_case_text
from uaction_desktop.importer import Confidence, import_file
from uaction_desktop.model import Case

TESTS = Path(__file__).resolve().parent
REFERENCE_DOC = TESTS / "fixtures" / "import" / "ua-63-18-kazakhstan.txt"
BUNDLED = TESTS.parent / "cases" / "ua-63-18-kazakhstan.toml"


def _squash(value: Any) -> Any:
    """Prose may differ in white space only."""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list):
        return [_squash(v) for v in value]
    if isinstance(value, dict):
        return {k: _squash(v) for k, v in value.items()}
    return value


@pytest.fixture(scope="module")
def bundled() -> Case:
    result = load_case_file(BUNDLED)
    assert result.ok, result.problems
    assert result.case is not None
    return result.case.own_language_only()  # our translations are not in the document


@pytest.fixture(scope="module")
def imported():
    return import_file(REFERENCE_DOC)


def test_reference_document_gives_the_bundled_case(bundled: Case, imported) -> None:
    got = _squash(case_to_dict(imported.to_case()))
    want = _squash(case_to_dict(bundled))
    for key in sorted(set(got) | set(want)):
        assert got.get(key) == want.get(key), key
    assert got == want
    # not even white space differs: the bundled file was transcribed from this document
    assert imported.to_case() == bundled


@pytest.mark.parametrize(
    "field",
    [
        "ua",
        "index",
        "title",
        "country",
        "issued",
        "deadline",
        "source",
        "report_reference",
        "kind",
        "update",
        "languages",
        "asks",
        "people",
        "officials",
    ],
)
def test_reference_fields_are_exact(bundled: Case, imported, field: str) -> None:
    """Structured fields match exactly, not just after squashing white space."""
    assert getattr(imported.to_case(), field) == getattr(bundled, field)


def test_reference_prose_splits_into_the_same_paragraphs(bundled: Case, imported) -> None:
    case = imported.to_case()
    for field in ("summary", "details", "background"):
        assert case.paragraphs(getattr(case, field)) == bundled.paragraphs(getattr(bundled, field))


def test_reference_has_no_leftovers_and_no_debris(imported) -> None:
    assert imported.leftovers == []
    text = imported.to_toml()
    for debris in ("bookmark", "image1.png", "AMNESTY", "Penn Plaza", "Click here", "_GoBack"):
        assert debris not in text
    dropped = " ".join(d.text for d in imported.dropped)
    assert "[bookmark: _GoBack]" in dropped and "image1.png" in dropped


def test_reference_confidences(imported) -> None:
    high = ("ua", "index", "issued", "deadline", "summary", "details", "background")
    for field in high:
        assert imported.field(field).confidence is Confidence.HIGH, field
    title = imported.field("title")
    assert title.confidence is Confidence.MEDIUM and "recased" in title.note
    assert imported.field("officials[0].salutation").confidence is Confidence.HIGH
    assert imported.field("people[0].gender").value == "f"
    assert imported.field("languages").confidence is Confidence.MISSING


def test_reference_toml_reads_back_to_the_same_case(imported) -> None:
    text = imported.to_toml()
    assert text.startswith("# Draft made by 'uaction import'")
    result = parse_case_text(text, "draft.toml")
    assert result.ok, result.problems
    assert result.case == imported.to_case()
    assert imported.problems() == []
    data = tomllib.loads(text)
    assert data["officials"][1]["address"] == ["1401 16th St NW", "Washington DC 20036"]
    assert re.search(r"^ua = \"63/18\"$", text, re.MULTILINE)
