"""The parser, pattern by pattern, on short texts written for each case."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from datetime import date

import pytest

from uaction_desktop.casefile import parse_case_text
from uaction_desktop.importer import Confidence, Leftover, parse_text
from uaction_desktop.importer.names import sentence_case
from uaction_desktop.importer.officials import split_address_line
from uaction_desktop.model import CaseKind, Person

BASE = """URGENT ACTION
Editor detained after article
Editor Jonas Pell was detained on 2 May in Vilnius after publishing an article on corruption.
{extra}
"""


def doc(extra: str) -> str:
    return BASE.format(extra=extra)


@pytest.mark.parametrize(
    ("line", "ua"),
    [
        ("UA 63/18", "63/18"),
        ("UA: 63/18 Index: EUR 57/8122/2018 Issue Date: 27 March 2018", "63/18"),
        ("UA-313/2014 Index: AMR 19/001/2014", "313/2014"),
        ("This is Urgent Action 63.18", "63/18"),
        ("Further information on UA 60/16", "60/16"),
        ("Further information on 324/91 (AMR 23/55/91, 2 October 1991)", "324/91"),
        ("UA 210/94 Fear of torture 3 August 1994", "210/94"),
    ],
)
def test_ua_number_forms(line: str, ua: str) -> None:
    assert parse_text(doc(line)).value("ua") == ua


def test_ua_in_the_title_line_with_country() -> None:
    draft = parse_text("Urgent Action: POET ON HUNGER STRIKE (Bahrain: UA 12.20)\n\nPoet X.\n")
    assert draft.value("ua") == "12/20" and draft.value("country") == "Bahrain"
    assert draft.value("title") == "Poet on hunger strike"


def test_conflicting_ua_numbers_lower_the_confidence() -> None:
    draft = parse_text(doc("UA: 10/19 Index: EUR 01/0001/2019\nFurther information on UA 11/19"))
    assert draft.field("ua").confidence is Confidence.MEDIUM
    assert "also names UA" in draft.field("ua").note


@pytest.mark.parametrize(
    ("line", "kind", "update"),
    [
        ("THIRD UA 60/16", CaseKind.FOLLOW_UP, 3),
        ("This is the second update of UA 60/16.", CaseKind.FOLLOW_UP, 2),
        ("UA 60/16 update 4", CaseKind.FOLLOW_UP, 4),
        ("Further information on UA 60/16", CaseKind.FOLLOW_UP, 1),
        (
            "Further information on UA 60/16 (MDE 13/0101/2016, 1 May 2016) and follow-ups "
            "(MDE 13/0202/2016, 2 June 2016 ; MDE 13/0303/2016, 3 July 2016)",
            CaseKind.FOLLOW_UP,
            3,
        ),
        ("No further action is requested from the UA network.", CaseKind.CLOSURE, 0),
        ("No further appeals are needed. Many thanks.", CaseKind.CLOSURE, 0),
        ("UA 60/16", CaseKind.INITIAL, 0),
    ],
)
def test_follow_ups_and_closures(line: str, kind: CaseKind, update: int) -> None:
    case = parse_text(doc(line)).to_case(date(2020, 1, 1))
    assert (case.kind, case.update) == (kind, update)


def test_closure_notice_is_not_left_in_the_details() -> None:
    draft = parse_text(doc("He was released.\nNo further action is requested. Many thanks."))
    assert "No further action" not in draft.value("details")
    assert draft.value("deadline") is None and draft.field("deadline").confidence is Confidence.HIGH


@pytest.mark.parametrize(
    ("line", "deadline", "confidence"),
    [
        ("Contact these two officials by 8 June, 2018:", date(2018, 6, 8), Confidence.HIGH),
        ("PLEASE SEND APPEALS BEFORE 27 SEPTEMBER 2019", date(2019, 9, 27), Confidence.HIGH),
        ("This Urgent Action expires on March 10, 2022.", date(2022, 3, 10), Confidence.HIGH),
        ("Please send appeals no later than 3rd May 2016.", date(2016, 5, 3), Confidence.HIGH),
        (
            "Check with your section office if sending appeals after 13 December 1991.",
            date(1991, 12, 13),
            Confidence.MEDIUM,
        ),
    ],
)
def test_deadline_forms(line: str, deadline: date, confidence: Confidence) -> None:
    field = parse_text(doc(line)).field("deadline")
    assert (field.value, field.confidence) == (deadline, confidence)


def test_deadline_without_year_takes_it_from_the_issue_date() -> None:
    text = doc(
        "Contact this official by 8 January:\nUA: 1/20 Index: EUR 01/0001/2019 "
        "Issue Date: 20 November 2019"
    )
    field = parse_text(text).field("deadline")
    assert field.value == date(2020, 1, 8)
    assert field.confidence is Confidence.MEDIUM and "inferred" in field.note


def test_a_date_in_the_story_is_not_a_deadline() -> None:
    draft = parse_text(doc("He was held by police until 3 June 2019 and then moved."))
    assert draft.value("deadline") is None


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Name: Ana Lopez (f), Ben Cruz (m)", [("Ana Lopez", "f"), ("Ben Cruz", "m")]),
        ("Name: Ana Lopez\nGender: f", [("Ana Lopez", "f")]),
        ("Name: Ana Lopez\nGender m/f: f", [("Ana Lopez", "f")]),
        ("Name: Ana Lopez and Ben Cruz\nGender m/f: f, m", [("Ana Lopez", "f"), ("Ben Cruz", "m")]),
        ("Name: Ana Lopez Gender: f", [("Ana Lopez", "f")]),
        ("Name and pronoun: Sam Reyes (they/them)", [("Sam Reyes", "x")]),
        ("Name: Ana Lopez and others held at the camp\nGender: f", [("Ana Lopez", "f")]),
    ],
)
def test_people_and_gender_markers(text: str, people: list[tuple[str, str]]) -> None:
    draft = parse_text(doc(text))
    assert [(p.name.value, p.gender.value) for p in draft.people] == people
    assert all(p.name.confidence is Confidence.HIGH for p in draft.people)


def test_languages() -> None:
    text = doc(
        "TAKE ACTION\nPlease write in English, Russian or your own language:\n- Release him."
    )
    assert parse_text(text).value("languages") == ("English", "Russian")
    pref = doc("Preferred language to address target: Arabic, English.")
    assert parse_text(pref).value("languages") == ("Arabic", "English")


@pytest.mark.parametrize(
    ("line", "languages"),
    [
        (
            "Schreiben Sie in gutem Portugiesisch, Englisch oder auf Deutsch.",
            ("Portuguese", "English", "German"),
        ),
        ("Écrivez en portugais, en anglais ou en français.", ("Portuguese", "English", "French")),
        ("Escriba en inglés, portugués o español.", ("English", "Portuguese", "Spanish")),
        # a language's adjective with no request to write, or a request with one name only
        ("Die portugiesische Botschaft schreibt nicht zurück.", ()),
        ("Schreiben Sie an die Botschaft in Lissabon.", ()),
    ],
)
def test_languages_asked_for_in_other_languages(line: str, languages: tuple[str, ...]) -> None:
    """Section pages in German, French and Spanish ask for languages in their own words; the
    composer shows what they ask (kept as English names, like the English documents')."""
    draft = parse_text(doc(f"{line}\n- Lassen Sie ihn frei."))
    assert tuple(draft.value("languages") or ()) == languages


def test_emails_or_twitter_and_copies() -> None:
    text = doc(
        "Contact these officials by 1 June, 2020:\n"
        "Minister of Justice\nAna Ruiz\nMinistry of Justice\n5 Main Road\nLima 1\nPeru\n"
        "Email: a@just.example.pe -OR- b@just.example.pe; c@just.example.pe\n"
        "Twitter: @JusticiaPE / Instagram: https://www.instagram.com/justicia\n"
        "Salutation: Dear Minister,\n"
        "COPIES TO:\nAmbassador Luis Paz\nEmbassy of Peru\n1 Embassy Row\nLondon SW1A 1AA\n"
    )
    draft = parse_text(text)
    minister, ambassador = draft.to_case(date(2020, 1, 1)).officials
    assert minister.emails == ("a@just.example.pe", "b@just.example.pe", "c@just.example.pe")
    assert minister.social == ("@JusticiaPE", "https://www.instagram.com/justicia")
    assert minister.salutation == "Dear Minister"
    assert ambassador.role.value == "copy" and ambassador.country == "United Kingdom"
    assert (ambassador.title, ambassador.name) == ("Ambassador", "Luis Paz")


def test_block_without_contact_becomes_a_leftover() -> None:
    draft = parse_text(doc("APPEALS TO:\nPresident of the Republic\n"))
    assert draft.officials == []
    assert any("President of the Republic" in x.text for x in draft.leftovers)


@pytest.mark.parametrize(
    ("line", "lines"),
    [
        ("1401 16th St NW, Washington DC 20036", ["1401 16th St NW", "Washington DC 20036"]),
        ("Astana, 010000", ["Astana, 010000"]),
        (
            "6/7 Kensington Palace Gardens, London, W8 4QP",
            ["6/7 Kensington Palace Gardens", "London, W8 4QP"],
        ),
        (
            "622 Third Avenue, 34th Floor New York, NY 10017",
            ["622 Third Avenue", "34th Floor New York, NY 10017"],
        ),
    ],
)
def test_address_lines(line: str, lines: list[str]) -> None:
    assert split_address_line(line) == lines


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "woman detained for reading opposition websITE",
            "Woman detained for reading opposition website",
        ),
        ("ACTIVIST IN VILNIUS AT RISK", "Activist in Vilnius at risk"),
        ("LGBTI ACTIVISTS HELD IN KAZAKHSTAN", "LGBTI activists held in Kazakhstan"),
    ],
)
def test_titles_in_capitals_are_sentence_cased(title: str, expected: str) -> None:
    document = "Police in Vilnius held LGBTI activists. The Kazakhstan authorities and others."
    assert sentence_case(title, document) == expected


def test_debris_is_dropped_and_kept_aside() -> None:
    text = doc(
        "[bookmark: _GoBack]He was moved.\nimage3.jpeg\nPage 2 of 3\nAMNESTY\n"
        "Amnesty International | 1 Easton Street | www.amnesty.org"
    )
    draft = parse_text(text)
    body = draft.to_toml(date(2020, 1, 1))
    for debris in ("bookmark", "image3", "Page 2", "Easton"):
        assert debris not in body
    reasons = {d.note for d in draft.dropped}
    assert {"conversion marker", "image file name", "page number", "footer"} <= reasons
    assert "He was moved." in draft.value("details")


def test_unplaced_text_is_a_leftover_never_lost() -> None:
    text = doc(
        "TAKE ACTION\n- Release him.\nPLEASE SEND APPEALS IMMEDIATELY.\nSMS AU to 3313 today"
    )
    draft = parse_text(text)
    assert draft.leftovers == [Leftover("SMS AU to 3313 today", "after the appeal")]
    assert "SMS AU to 3313 today" in draft.to_toml(date(2020, 1, 1))  # as a comment


def test_front_matter_is_a_leftover() -> None:
    draft = parse_text("# source: somewhere\n# notes: x\n---\n" + doc(""))
    assert draft.leftovers[0].note == "comment lines at the top of the file"
    assert draft.value("title") == "Editor detained after article"


def test_document_text_stays_data() -> None:
    """Template code, TOML syntax and quotes in a document come out as the same text."""
    hostile = (
        'URGENT ACTION\nTitle {{ 7*7 }} """ end\n'
        "Summary with {% raw %} and \"\"\" and \\ and ''' quotes.\n"
        'TAKE ACTION\n- Ask ]] [[officials]] id = "x"\n'
        "APPEALS TO:\nPresident of Nowhere\n[[officials]]\nid = 'evil'\n"
    )
    draft = parse_text(hostile)
    text = draft.to_toml(date(2020, 1, 1))
    data = tomllib.loads(text)
    assert data["title"] == 'Title {{ 7*7 }} """ end'
    assert data["summary"] == "Summary with {% raw %} and \"\"\" and \\ and ''' quotes."
    assert data["asks"] == ['Ask ]] [[officials]] id = "x"']
    assert [o.get("id") for o in data.get("officials", [])] != ["evil"]
    for official in data.get("officials", []):
        assert set(official) <= {
            "id",
            "role",
            "title",
            "name",
            "organisation",
            "address",
            "country",
            "salutation",
        }
    result = parse_case_text(text, "x.toml")
    assert result.case is not None or {p.field for p in result.problems} >= {"ua"}


def test_comment_header_cannot_break_out() -> None:
    draft = parse_text(doc("TAKE ACTION\n- Ask.\nLEFT\u2028ua = 'x'\nAPPEALS TO:\nnobody"))
    text = draft.to_toml(date(2020, 1, 1))
    assert tomllib.loads(text).get("ua", "") != "x"


def test_quoted_email_text_is_unquoted() -> None:
    quoted = "\n".join(f"> {line}" for line in doc("Name: Jonas Pell (m)").splitlines())
    draft = parse_text("Forwarded by Ana:\n" + quoted)
    assert draft.value("title") == "Editor detained after article"
    assert draft.people[0].name.value == "Jonas Pell"


def test_field_paths_and_review_list() -> None:
    draft = parse_text(doc("Name: Jonas Pell (m)"))
    assert draft.field("people[0].gender").value == "m"
    review = draft.to_review()
    assert "ua" in review and "deadline" in review and "asks" in review
    assert "model_letter" not in review and "languages" not in review
    assert draft.to_case(date(2020, 1, 1)).people == (Person("Jonas Pell", "m"),)


def test_missing_issue_date_uses_today_or_an_earlier_deadline() -> None:
    draft = parse_text(doc("Contact these officials by 8 June, 2018:"))
    assert draft.to_case(date(2030, 1, 1)).issued == date(2018, 6, 8)
    assert parse_text(doc("")).to_case(date(2030, 1, 1)).issued == date(2030, 1, 1)
    assert "give the date" in draft.field("issued").note  # the editor leaves it empty
    assert "stands in below" in draft.review_comment()  # the command line fills it in


def test_importer_is_qt_free() -> None:
    code = (
        "import sys, uaction_desktop.importer as i, uaction_desktop.commands.import_case;"
        "i.parse_text('x');"
        "sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_a_us_quadrant_stays_on_the_street_line() -> None:
    from uaction_desktop.importer.officials import split_address_line

    assert split_address_line("601 Example Ave., NW Washington, DC 20037") == [
        "601 Example Ave. NW",
        "Washington, DC 20037",
    ]
    assert split_address_line("1401 16th St NW, Washington DC 20036") == [
        "1401 16th St NW",
        "Washington DC 20036",
    ]
