"""The roster CSV: what a member list export looks like, and errors that name the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from uaction_desktop.pack import RosterError, Signer, load_roster, parse_roster

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "pack" / "roster.csv"


def test_the_fixture_roster_reads_with_multi_line_addresses() -> None:
    roster = load_roster(FIXTURE)
    assert [s.name for s in roster.signers] == ["Ada Lovelace", "Zoë Ørsted", "Борис Пастернак"]
    assert roster.signers[0] == Signer(
        "Ada Lovelace",
        ("12 Elm Street", "Springfield IL 62701"),
        "ada@example.org",
        "United States",
    )
    assert roster.signers[1].address == ("Flat 3", "4 Rue Haute", "75001 Paris")
    assert roster.signers[1].email == ""
    assert roster.ignored_columns == ("phone",)  # reported, so a typo never silently drops data


def test_header_is_case_insensitive_and_columns_are_optional() -> None:
    roster = parse_roster(" Name \nAda\n\nGrace Hopper\n")
    assert roster.signers == (Signer("Ada"), Signer("Grace Hopper"))
    assert roster.ignored_columns == ()


def test_spreadsheet_exports_with_bom_semicolons_or_tabs(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes('\ufeffName;Address\r\nAda;"1 Main St\n\nTown"\r\n'.encode())
    assert load_roster(path).signers == (Signer("Ada", ("1 Main St", "Town")),)
    assert parse_roster("name\taddress\nAda\tTown\n").signers == (Signer("Ada", ("Town",)),)


def test_inner_whitespace_is_tidied() -> None:
    roster = parse_roster('name,address\n"  Ada   King ","  1  Main St \n Town "\n')
    assert roster.signers == (Signer("Ada King", ("1 Main St", "Town")),)


def error(text: str) -> RosterError:
    with pytest.raises(RosterError) as caught:
        parse_roster(text, "members.csv")
    return caught.value


def test_missing_name_column_names_the_header_line() -> None:
    problem = error("\n\nfull name,email\nAda,ada@example.org\n")
    assert problem.line == 3
    assert str(problem).startswith("members.csv, line 3: ")
    assert "no 'name' column" in str(problem) and "full name, email" in str(problem)


def test_an_empty_name_names_its_line_counting_multi_line_cells() -> None:
    text = 'name,address\nAda,"1 Main St\nTown"\n,"2 Side St"\n'
    problem = error(text)
    assert problem.line == 4  # the second record starts on line 4, after a two-line cell
    assert "name is empty" in str(problem)


def test_too_many_fields_says_why() -> None:
    problem = error("name,email\nAda,ada@example.org\nSmith, John,john@example.org\n")
    assert problem.line == 3
    assert "3 fields but the header has 2 columns" in str(problem)
    assert "quotes" in str(problem)


def test_a_bad_email_names_its_line() -> None:
    problem = error("name,email\nAda,ada@example.org\nGrace,grace-at-example\n")
    assert (problem.line, problem.problem) == (3, "'grace-at-example' is not an email address")


def test_an_unclosed_quote_names_the_line_it_starts_on() -> None:
    problem = error('name,address\nAda,Town\nGrace,"1 Main St\nTown\n')
    assert problem.line == 3
    assert "cannot read this row" in str(problem)


def test_duplicate_columns_and_empty_rosters() -> None:
    assert "two 'name' columns" in str(error("name,name\nA,B\n"))
    assert error("name,email\n\n").line == 1
    assert "no signers" in str(error("name,email\n\n"))
    assert "empty" in str(error("  \n"))


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes("name\nAda\nZoë\n".encode("latin-1"))
    with pytest.raises(RosterError) as caught:
        load_roster(path)
    assert caught.value.line == 3
    assert "CSV UTF-8" in str(caught.value)


def test_a_missing_file_is_a_roster_error(tmp_path: Path) -> None:
    with pytest.raises(RosterError, match="cannot read the roster"):
        load_roster(tmp_path / "nope.csv")


# ------------------------------------------------------------ members writing from their country
# Issue 11: members with UK addresses writing to Washington got no "USA" under the embassy's
# address and no country in their own return address; a member with no address got a letter
# with no return address and no warning.

UK_ROSTER = (
    "name,address,country\n"
    '"Priya Shah","7 Mill Lane\nLeeds LS1 4AB",United Kingdom\n'
    '"Tom Reed","2 Oak Road\nYork YO1 7HH",\n'
    "Sam Lee,,\n"
)


def _us_case_pack(tmp_path: Path, envelopes: str | None = None):
    from datetime import date

    from tests.conftest import BUNDLED_CASE
    from uaction_desktop.library import CaseLibrary
    from uaction_desktop.pack import PackOptions, build_pack
    from uaction_desktop.profile import SenderProfile

    profile = SenderProfile(name="Group 7", address=("1 Church St", "Leeds"), country="GB")
    signers = parse_roster(UK_ROSTER).signers
    options = PackOptions(
        cases=("63/18",),
        signers=signers,
        cover=False,
        briefings=False,
        envelopes=envelopes,
    )
    library = CaseLibrary.load([], bundled=BUNDLED_CASE.parent)
    return build_pack(options, library, profile, tmp_path / "p.pdf", today=date(2018, 4, 2))


def _page_texts(path: Path) -> list[str]:
    import pypdf

    return [page.extract_text() for page in pypdf.PdfReader(path).pages]


def test_the_country_column_is_read_and_defaults_to_empty() -> None:
    signers = parse_roster(UK_ROSTER).signers
    assert [s.country for s in signers] == ["United Kingdom", "", ""]


def test_uk_members_writing_to_washington_get_both_country_lines(tmp_path: Path) -> None:
    result = _us_case_pack(tmp_path, envelopes="dl")
    texts = _page_texts(result.path)
    letters = result.part("letters")
    to_embassy = [t for t in texts[letters.first - 1 : letters.last] if "Washington DC" in t]
    assert len(to_embassy) == 3
    for text in to_embassy:
        lines = [line.strip() for line in text.splitlines()]
        assert lines[lines.index("Washington DC 20036") + 1] == "USA", lines
    priya = next(t for t in to_embassy if "Priya Shah" in t)
    tom = next(t for t in to_embassy if "Tom Reed" in t)
    assert "Leeds LS1 4AB\nUNITED KINGDOM" in priya  # the roster's own country
    assert "York YO1 7HH\nUNITED KINGDOM" in tom  # none given: the profile's (GB)
    envelopes = texts[result.part("envelopes").first - 1 :]
    embassy_envelopes = [t for t in envelopes if "Washington DC" in t]
    assert all("USA" in t for t in embassy_envelopes)
    assert any("Priya Shah" in t and "UNITED KINGDOM" in t for t in embassy_envelopes)


def test_a_member_with_no_address_is_named_in_a_warning(tmp_path: Path) -> None:
    result = _us_case_pack(tmp_path)
    assert any(w.startswith("Sam Lee has no address in the roster") for w in result.warnings)
    assert not any("Priya Shah" in w for w in result.warnings)
