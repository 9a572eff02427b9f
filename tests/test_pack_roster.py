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
        "Ada Lovelace", ("12 Elm Street", "Springfield IL 62701"), "ada@example.org"
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
