"""The case model: UA numbers, keys, officials and their channels, paragraphs and names."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from uaction_desktop.model import (
    Case,
    CaseKind,
    Channel,
    Official,
    Person,
    join_names,
    normalize_ua,
    split_paragraphs,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("63/18", "63/18"),
        ("63.18", "63/18"),
        ("UA 63/18", "63/18"),
        ("ua 63.18", "63/18"),
        ("UA63/18", "63/18"),
        ("UA: 63/18", "63/18"),
        ("ua-63-18", "63/18"),
        (" 063 / 18 ", "63/18"),
        ("UA 101/24", "101/24"),
        ("5/2024", "5/2024"),
        ("63", None),
        ("63/1", None),
        ("Tobylova", None),
        ("", None),
        ("UA 63/18/2", None),
    ],
)
def test_normalize_ua(text: str, expected: str | None) -> None:
    assert normalize_ua(text) == expected


@given(st.integers(1, 9999), st.integers(0, 99), st.sampled_from(["/", ".", "-", " / "]))
def test_normalize_ua_accepts_every_written_form(number: int, year: int, sep: str) -> None:
    expected = f"{number}/{year:02d}"
    assert normalize_ua(f"{number}{sep}{year:02d}") == expected
    assert normalize_ua(f"UA {number}{sep}{year:02d}") == expected
    assert normalize_ua(f"ua {number}{sep}{year:02d}") == expected


def _case(**changes: object) -> Case:
    values: dict[str, object] = {
        "ua": "63/18",
        "title": "T",
        "country": "Kazakhstan",
        "issued": date(2018, 3, 27),
        "summary": "S",
        "deadline": date(2018, 6, 8),
    }
    values.update(changes)
    return Case(**values)  # type: ignore[arg-type]


def test_case_key_tells_documents_of_one_ua_apart() -> None:
    assert _case().key == "63/18"
    assert _case(kind=CaseKind.FOLLOW_UP, update=2).key == "63/18#2"
    assert _case(kind=CaseKind.CLOSURE).key == "63/18#closure"


def test_case_equality_ignores_the_file_path() -> None:
    assert _case(path="a.toml") == _case(path="b.toml")


def test_official_by_id_or_position() -> None:
    first = Official(id="pg", title="Prosecutor General")
    second = Official(id="ambassador", title="Ambassador")
    case = _case(officials=(first, second))
    assert case.official("pg") is first
    assert case.official("ambassador") is second
    assert case.official("1") is first
    assert case.official("2") is second
    assert case.official("0") is None
    assert case.official("3") is None
    assert case.official("nobody") is None
    # An id that looks like a number wins over the position.
    numbered = _case(officials=(Official(id="2", name="A"), Official(id="x", name="B")))
    assert numbered.official("2").name == "A"  # type: ignore[union-attr]


def test_days_left() -> None:
    case = _case()
    assert case.days_left(date(2018, 6, 1)) == 7
    assert case.days_left(date(2018, 6, 8)) == 0
    assert case.days_left(date(2018, 6, 9)) == -1
    assert _case(deadline=None).days_left(date(2018, 6, 1)) is None


def test_official_channels_in_the_order_a_writer_tries_them() -> None:
    everything = Official(
        id="a", name="A", address=("x",), fax="1", emails=("a@b.c",), phone="2", social=("@a",)
    )
    assert everything.channels() == (
        Channel.LETTER,
        Channel.FAX,
        Channel.EMAIL,
        Channel.PHONE,
        Channel.SOCIAL,
    )
    assert Official(id="b", name="B", emails=("b@c.d",)).channels() == (
        Channel.EMAIL,
        Channel.SOCIAL,
    )


def test_display_name() -> None:
    assert Official(id="a", title="Ambassador", name="Erzhan Kazykhanov").display_name == (
        "Ambassador Erzhan Kazykhanov"
    )
    assert Official(id="a", title="Minister").display_name == "Minister"
    assert Official(id="a", name="Jane Roe").display_name == "Jane Roe"


def test_people_names_and_join_names() -> None:
    assert join_names([]) == ""
    assert join_names(["A"]) == "A"
    assert join_names(["A", "B"]) == "A and B"
    assert join_names(["A", "", "B", "C"]) == "A, B and C"
    case = _case(people=(Person("Akmaral Tobylova", "f"), Person("Jane Roe")))
    assert case.people_names == "Akmaral Tobylova and Jane Roe"


def test_split_paragraphs() -> None:
    text = "\n  First line\n  continues here.\n\n\n Second.  \n \n"
    assert split_paragraphs(text) == ["First line continues here.", "Second."]
    assert split_paragraphs("") == []
    assert split_paragraphs("   \n\n  ") == []


@given(st.lists(st.text(alphabet="abc xyz,.", min_size=1).filter(str.strip), max_size=5))
def test_split_paragraphs_round_trips_folded_paragraphs(paragraphs: list[str]) -> None:
    folded = [" ".join(p.split()) for p in paragraphs]
    assert split_paragraphs("\n\n".join(folded)) == folded
