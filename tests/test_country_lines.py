"""Country lines (issue 14, scope item 5): the destination in capitals, in the language of the
writer's country, in letters the post office there can read; country names in any of the
app's languages, native and official ones, recognised."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel import Locale

from uaction_desktop.compose import recipient_lines
from uaction_desktop.destination import (
    NAME_LANGUAGES,
    country_code,
    destination_line,
    is_latin,
    names_table,
    same_country,
)
from uaction_desktop.model import Official
from uaction_desktop.pdf import fonts
from uaction_desktop.profile import SenderProfile

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Deutschland", "DE"),
        ("Bundesrepublik Deutschland", "DE"),
        ("Myanmar", "MM"),
        ("Burma", "MM"),
        ("Russian Federation", "RU"),
        ("Republic of Korea", "KR"),
        ("Viet Nam", "VN"),
        ("Côte d'Ivoire", "CI"),
        ("Cote d’Ivoire", "CI"),
        ("Etats-Unis", "US"),
        ("Vereinigte Staaten", "US"),
        ("Reino Unido", "GB"),
        ("Kasachstan", "KZ"),
        ("Republic of Kazakhstan", "KZ"),
        ("Россия", "RU"),
        ("Schweiz", "CH"),
        ("Suisse", "CH"),
        ("España", "ES"),
        ("Ruritania", ""),
    ],
)
def test_country_names_in_many_languages_are_recognised(text: str, code: str) -> None:
    assert country_code(text) == code


def test_every_babel_name_in_the_four_languages_is_recognised() -> None:
    for language in NAME_LANGUAGES:
        for code, name in Locale(language).territories.items():
            if code.isalpha() and len(code) == 2 and code not in ("ZZ", "XA", "XB"):
                assert country_code(name) == code, (language, name)


def test_the_names_file_is_what_babel_gives() -> None:
    """resources/countries/names.tsv is made from Babel (read fast at start-up, without it);
    after a Babel upgrade, write it again with destination.names_table()."""
    stored = (REPO / "resources" / "countries" / "names.tsv").read_text(encoding="utf-8")
    assert stored == names_table()


def test_berlin_to_berlin_has_no_country_line() -> None:
    embassy = Official(
        id="embassy",
        title="Botschafter",
        address=("Lindenallee 16", "14050 Berlin"),
        country="Deutschland",
    )
    writer = SenderProfile(name="Anna", address=("10969 Berlin",), country="Germany")
    assert recipient_lines(embassy, writer)[-1] == "14050 Berlin"
    assert same_country("Bundesrepublik Deutschland", "DE")


@pytest.mark.parametrize(
    ("writer", "line"),
    [
        ("Germany", "VEREINIGTE STAATEN"),
        ("France", "ÉTATS-UNIS"),
        ("Spain", "ESTADOS UNIDOS"),
        ("United Kingdom", "UNITED STATES"),
        ("India", "UNITED STATES"),
        ("Japan", "UNITED STATES"),
        ("China", "UNITED STATES"),
        ("South Korea", "UNITED STATES"),
        ("Israel", "UNITED STATES"),
        ("Egypt", "UNITED STATES"),
        ("Kazakhstan", "UNITED STATES"),
        ("Morocco", "ÉTATS-UNIS"),  # French is official there: UPU's other language
        ("Turkey", "AMERİKA BİRLEŞİK DEVLETLERİ"),
    ],
)
def test_destination_line_in_latin_letters_from_every_writer(writer: str, line: str) -> None:
    assert destination_line("US", writer) == line


def test_every_destination_line_is_latin_and_printable_from_everywhere() -> None:
    """From every country to every country: never a line without glyphs or in a script the
    post office where it is posted cannot read."""
    covered = fonts.coverage(fonts.SERIF) | fonts.coverage(fonts.FALLBACK)
    codes = [c for c in Locale("en").territories if c.isalpha() and len(c) == 2]
    for writer in codes:
        for destination in ("US", "KZ", "DE", "CI", "MM", "CD", "IR", writer):
            line = destination_line(destination, writer)
            assert line and is_latin(line), (writer, destination, line)
            assert all(ord(ch) in covered or ch == " " for ch in line), (writer, line)


@pytest.mark.parametrize(
    ("address", "destination"),
    [
        (("Hauptstr. 5", "10115 Berlin", "Deutschland"), "VEREINIGTE STAATEN"),
        (("3 rue de la Paix", "69002 Lyon, France"), "ÉTATS-UNIS"),
        (("1 High Street", "Leeds LS1 1AA", "United Kingdom"), "USA"),
        # a state, not a country: the writer's country stays unknown, the line is the case's
        (("12 Peachtree St", "Atlanta, Georgia"), "USA"),
    ],
)
def test_a_profile_without_a_country_writes_from_the_country_its_address_names(
    address: tuple[str, ...], destination: str
) -> None:
    """A writer who typed the country only as the address's last line (as most do) is still
    known to post from there: the destination line follows, and mail at home gets none."""
    embassy = Official(
        id="ambassador",
        title="Ambassador",
        name="Ana Lima",
        address=("1401 Example Street NW", "Washington DC 20036"),
        country="USA",
    )
    profile = SenderProfile(name="A. Writer", address=address)
    lines = recipient_lines(embassy, profile, "a4-din-b")
    assert lines[-1] == destination
    at_home = SenderProfile(name="A. Writer", address=("9 Main St", "Boston MA 02110", "USA"))
    assert recipient_lines(embassy, at_home, "letter-no10")[-1] == "Washington DC 20036"


@pytest.mark.parametrize(
    ("last_line", "country", "kept", "from_berlin", "from_lyon"),
    [
        ("RUSSISCHE FÖDERATION", "Russia", "", "RUSSLAND", "RUSSIE"),
        (
            "125993 Moskau, Russische Föderation",
            "Russian Federation",
            "125993 Moskau",
            "RUSSLAND",
            "RUSSIE",
        ),
        (
            "Astana 010000 République du Kazakhstan",
            "Kazakhstan",
            "Astana 010000",
            "KASACHSTAN",
            "KAZAKHSTAN",
        ),
        ("Téhéran, République islamique d'Iran", "Iran", "Téhéran", "IRAN", "IRAN"),
        ("Rabat, Reino de Marruecos", "Morocco", "Rabat", "MAROKKO", "MAROC"),
        ("Khartoum, SUDAN", "Sudan", "Khartoum", "SUDAN", "SOUDAN"),
    ],
)
def test_an_address_that_names_its_country_gets_it_once_as_the_writers_post_reads_it(
    last_line: str, country: str, kept: str, from_berlin: str, from_lyon: str
) -> None:
    """A German page prints "RUSSISCHE FÖDERATION" under a Moscow address: a writer in Lyon
    gets "RUSSIE" in its place (what La Poste sorts by, UPU practice: capitals, the origin
    country's language, a line of its own), never a second country line; the rest of the
    line ("125993 Moskau") stays as published."""
    official = Official(
        id="prosecutor",
        title="Generalstaatsanwalt",
        name="Iwan Beispiel",
        address=("Beispielstraße 1", last_line),
        country=country,
    )
    berlin = SenderProfile(name="A. Writer", address=("Hauptstr. 5", "10115 Berlin"), country="DE")
    lyon = SenderProfile(
        name="B. Writer", address=("5 place Bellecour", "69002 Lyon"), country="FR"
    )
    for writer, destination in ((berlin, from_berlin), (lyon, from_lyon)):
        lines = recipient_lines(official, writer, "a4-din-b")
        expected = ("Beispielstraße 1", *([kept] if kept else []), destination)
        assert lines[-len(expected) :] == expected, writer.country
