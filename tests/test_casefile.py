"""Case files: reading, validating and writing formats 1 and 2, on real files.

Every kind of mistake has a file in tests/fixtures/cases/broken (or is made here when it cannot be
stored as a text fixture), and each test checks the field path, the line and that the printed
message names the file.
"""

from __future__ import annotations

import re
import string
import unicodedata
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from uaction_desktop.casefile import (
    FORMAT_VERSION,
    MAX_FILE_BYTES,
    LoadResult,
    Problem,
    dump_case,
    load_case_file,
    locate_fields,
    parse_case_bytes,
    parse_case_text,
)
from uaction_desktop.model import Case, CaseKind, CaseText, Official, Person, Role

REPO = Path(__file__).resolve().parent.parent
BUNDLED_CASE = REPO / "cases" / "ua-63-18-kazakhstan.toml"
CASES = Path(__file__).resolve().parent / "fixtures" / "cases"
BROKEN = CASES / "broken"
VALID = CASES / "valid"

# A file that is valid; tests break one thing at a time by editing its text.
GOOD = """\
format = 1
ua = "63/18"
title = "Woman detained"
country = "Kazakhstan"
issued = 2018-03-27
deadline = 2018-06-08
summary = "A summary."
asks = ["Urging them to act;"]

[[officials]]
id = "pg"
title = "Prosecutor General"
address = ["14 Orynbor Street"]
salutation = "Dear Prosecutor General"
"""


def where(result: LoadResult) -> list[tuple[str, int | None]]:
    """(field, line) of every problem, in the order reported."""
    return [(p.field, p.line) for p in result.problems]


def problem(result: LoadResult, field: str) -> Problem:
    matching = [p for p in result.problems if p.field == field]
    assert matching, f"no problem for {field!r}; got {[str(p) for p in result.problems]}"
    return matching[0]


def write(tmp_path: Path, text: str, name: str = "case.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- the bundled case


@pytest.fixture(scope="module")
def ua_63_18() -> Case:
    result = load_case_file(BUNDLED_CASE)
    assert result.problems == []
    assert result.ok
    assert result.case is not None
    return result.case


def test_bundled_case_header_values(ua_63_18: Case) -> None:
    case = ua_63_18
    assert case.ua == "63/18"
    assert case.kind is CaseKind.INITIAL
    assert case.update == 0
    assert case.key == "63/18"
    assert case.index == "EUR 57/8122/2018"
    assert case.title == "Woman detained for reading opposition website"
    assert case.country == "Kazakhstan"
    assert case.issued == date(2018, 3, 27)
    assert case.deadline == date(2018, 6, 8)
    assert case.people == (Person(name="Akmaral Tobylova", gender="f"),)
    assert case.report_reference == "UA 63.18"
    assert case.model_letter == ""
    assert case.path == str(BUNDLED_CASE)


def test_bundled_case_text_is_transcribed_exactly(ua_63_18: Case) -> None:
    case = ua_63_18
    assert case.summary == (
        "Since 13 March, the police have threatened bloggers, activists and members of the public "
        "across Kazakhstan with prosecution for supporting the opposition political party, "
        "Democratic Choice of Kazakhstan, on social media. Akmaral Tobylova, is currently under "
        "house arrest, accused of financing an extremist organization charges, merely for "
        "browsing the party’s website. She is a prisoner of conscience."
    )
    details = case.paragraphs(case.details)
    assert len(details) == 2
    assert details[0].startswith("On 13 March, the Yesilsky court in the Kazakhstan’s capital")
    assert details[1].endswith("support for the Democratic Choice of Kazakhstan party.")
    assert "“I just read the site and looked at the news." in details[1]
    background = case.paragraphs(case.background)
    assert len(background) == 3
    assert background[0].startswith("The Democratic Choice of Kazakhstan party was set up")
    assert "(AI EU57/5644/2017)" in background[1]
    assert background[2].endswith("subject of extradition proceedings there.")
    # Conversion debris in the source document is not part of the case.
    text = BUNDLED_CASE.read_text(encoding="utf-8")
    assert "bookmark" not in text
    assert "image1.png" not in text


def test_bundled_case_asks(ua_63_18: Case) -> None:
    assert ua_63_18.asks == (
        "Urging them to immediately and unconditionally release Akmaral Tobylova and any others "
        "detained simply for peacefully exercising their human rights;",
        "Calling on them to terminate the criminal proceedings against her and any others who "
        "have been accused under anti-extremism legislation for the peaceful exercise of their "
        "human rights;",
        "Urging them to amend overly-broad provisions in anti-extremism legislation to ensure it "
        "cannot be misused to target political opponents and stifle dissent, and reminding them "
        "that they have an obligation to respect and protect the right to freedom of expression "
        "and association.",
    )


def test_bundled_case_officials(ua_63_18: Case) -> None:
    prosecutor, ambassador = ua_63_18.officials
    assert prosecutor == Official(
        id="prosecutor-general",
        role=Role.TARGET,
        title="Prosecutor General",
        name="Kairat Kozhamzharov",
        address=("14 Orynbor Street", "Astana, 010000", "Republic of Kazakhstan"),
        country="Kazakhstan",
        fax="+7 7172 506 402",
        salutation="Dear Prosecutor General",
        salutations=(
            ("fr", "Monsieur le Procureur général"),
            ("es", "Excelentísimo Señor Fiscal General"),
            ("de", "Sehr geehrter Herr Generalstaatsanwalt"),
        ),
    )
    assert ambassador == Official(
        id="ambassador",
        role=Role.TARGET,
        title="Ambassador",
        name="Erzhan Kazykhanov",
        organisation="Embassy of the Republic of Kazakhstan",
        address=("1401 16th St NW", "Washington DC 20036"),
        country="USA",
        phone="1 202 232 5488",
        emails=("washington@mfa.kz", "kzconsuldc@gmail.com"),
        salutation="Dear Ambassador",
        salutations=(
            ("fr", "Monsieur l’Ambassadeur"),
            ("es", "Excelentísimo Señor Embajador"),
            ("de", "Sehr geehrter Herr Botschafter"),
        ),
    )
    # The document asks writers to contact both: both are targets.
    assert all(o.role is Role.TARGET for o in ua_63_18.officials)
    assert prosecutor.display_name == "Prosecutor General Kairat Kozhamzharov"
    assert ambassador.display_name == "Ambassador Erzhan Kazykhanov"


def test_valid_fixtures_load(tmp_path: Path) -> None:
    for path in sorted(VALID.glob("*.toml")):
        result = load_case_file(path)
        assert result.problems == [], [str(p) for p in result.problems]
        assert result.case is not None
    initial = load_case_file(VALID / "ua-101-24-testland.toml").case
    assert initial is not None
    assert initial.ua == "101/24"  # "UA 101/24" in the file, normalised
    assert initial.languages == ("English", "Spanish")
    assert initial.officials[1].role is Role.COPY
    assert initial.officials[1].salutation == ""  # a copy needs none
    follow_up = load_case_file(VALID / "ua-101-24-testland-fu1.toml").case
    assert follow_up is not None
    assert (follow_up.kind, follow_up.update, follow_up.key) == (CaseKind.FOLLOW_UP, 1, "101/24#1")
    closure = load_case_file(VALID / "ua-101-24-testland-closure.toml").case
    assert closure is not None
    assert (closure.kind, closure.deadline, closure.key) == (
        CaseKind.CLOSURE,
        None,
        "101/24#closure",
    )
    assert closure.officials == ()
    assert closure.asks == ()


# --------------------------------------------------------------------------- every kind of problem


def test_toml_syntax_error_names_file_and_line() -> None:
    path = BROKEN / "syntax-error.toml"
    result = load_case_file(path)
    assert result.case is None
    assert len(result.problems) == 1
    only = result.problems[0]
    assert only.line == 3
    assert only.message.startswith("not valid TOML: ")
    assert "(at line" not in only.message  # the line is in the field, not repeated
    assert str(only).startswith(f"{path}:3: not valid TOML")


def test_impossible_date_is_a_syntax_error_with_its_line() -> None:
    result = load_case_file(BROKEN / "impossible-date.toml")
    assert result.case is None
    assert [(p.line, p.message) for p in result.problems] == [
        (5, "not valid TOML: Invalid date or datetime")
    ]


def test_wrong_types() -> None:
    result = load_case_file(BROKEN / "wrong-types.toml")
    assert result.case is None
    assert problem(result, "title").message == "must be text, not a number"
    assert problem(result, "title").line == 3
    assert problem(result, "country").message == "must be text, not a list"
    assert problem(result, "asks").message == "must be a list of text, not text"
    assert problem(result, "asks").line == 8
    assert problem(result, "people[0].gender").line == 12
    assert problem(result, "officials[0].address").message == "must be a list of text, not text"
    assert problem(result, "officials[0].address").line == 17
    # A wrong type is one problem, not also "must not be empty" or "is required".
    assert [p.field for p in result.problems].count("title") == 1
    assert [p.field for p in result.problems].count("asks") == 1


def test_unknown_keys_are_errors_with_a_did_you_mean_hint() -> None:
    path = BROKEN / "unknown-keys.toml"
    result = load_case_file(path)
    assert result.case is None
    assert where(result) == [("sumary", 7), ("colour", 10), ("officials[0].salutaton", 16)]
    assert problem(result, "sumary").message == "unknown field (did you mean 'summary'?)"
    assert problem(result, "colour").message == "unknown field"  # nothing close: no guess
    assert str(problem(result, "officials[0].salutaton")) == (
        f"{path}:16: officials[0].salutaton: unknown field (did you mean 'salutation'?)"
    )


def test_unknown_keys_in_people(tmp_path: Path) -> None:
    text = GOOD + '\n[[people]]\nname = "A"\ngendr = "f"\n'
    result = load_case_file(write(tmp_path, text))
    assert where(result) == [("people[0].gendr", 18)]
    assert "did you mean 'gender'" in result.problems[0].message


def test_missing_required_fields_are_all_listed() -> None:
    result = load_case_file(BROKEN / "missing-required.toml")
    assert result.case is None
    fields = [p.field for p in result.problems]
    assert fields == ["format", "ua", "title", "issued", "summary", "asks", "officials"]
    assert all(p.line is None for p in result.problems)  # nowhere to point
    assert all("required" in p.message for p in result.problems)


def test_dates_must_be_dates() -> None:
    result = load_case_file(BROKEN / "bad-dates.toml")
    assert result.case is None
    issued, deadline = problem(result, "issued"), problem(result, "deadline")
    assert (issued.line, deadline.line) == (5, 6)
    assert issued.message == "must be a date such as 2018-06-08 (no quotes), not text"
    assert deadline.message.endswith("not a date with a time")


def test_deadline_before_issue_date() -> None:
    result = load_case_file(BROKEN / "deadline-before-issued.toml")
    assert result.case is None
    assert where(result) == [("deadline", 6)]
    assert result.problems[0].message == "2018-03-08 is before the issue date"


def test_target_needs_salutation_and_a_contact() -> None:
    result = load_case_file(BROKEN / "target-problems.toml")
    assert result.case is None
    assert where(result) == [("officials[0].salutation", 10), ("officials[1]", 15)]
    assert result.problems[0].message == "is required for a target official"
    assert result.problems[1].message == "a target official needs address lines, an email or a fax"
    # officials[2] is a copy: no salutation and no contact is fine.


@pytest.mark.parametrize(
    ("contact", "ok"),
    [
        ('address = ["1 Street"]', True),
        ('emails = ["a@b.org"]', True),
        ('fax = "+1 555 0100"', True),
        ('phone = "+1 555 0100"', False),  # a phone alone is not enough to write to
        ("", False),
    ],
)
def test_each_contact_that_makes_a_target_reachable(tmp_path: Path, contact: str, ok: bool) -> None:
    text = GOOD.replace('address = ["14 Orynbor Street"]', contact)
    result = load_case_file(write(tmp_path, text))
    assert result.ok is ok, [str(p) for p in result.problems]


def test_bad_email() -> None:
    result = load_case_file(BROKEN / "bad-email.toml")
    assert result.case is None
    assert where(result) == [("officials[0].emails[1]", 15)]
    assert result.problems[0].message == "'kzconsuldc at gmail.com' is not an email address"


def test_duplicate_official_ids() -> None:
    result = load_case_file(BROKEN / "duplicate-ids.toml")
    assert result.case is None
    assert where(result) == [("officials[1].id", 17)]
    assert result.problems[0].message == "'pg' is used by another official"


def test_newer_format_is_refused_with_one_clear_problem() -> None:
    result = load_case_file(BROKEN / "newer-format.toml")
    assert result.case is None
    assert where(result) == [("format", 1)]
    assert "newer than this app reads (2)" in result.problems[0].message
    assert "update uaction-desktop" in result.problems[0].message


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("format = 0", "must be 1 or 2"),
        ('format = "1"', "must be a whole number, not text"),
        ("format = true", "must be a whole number, not true/false"),
    ],
)
def test_bad_format_values(tmp_path: Path, line: str, message: str) -> None:
    result = load_case_file(write(tmp_path, GOOD.replace("format = 1", line)))
    assert where(result) == [("format", 1)]
    assert result.problems[0].message == message


def test_several_problems_in_one_file_are_reported_at_once() -> None:
    path = BROKEN / "many-problems.toml"
    result = load_case_file(path)
    assert result.case is None
    assert sorted(where(result), key=lambda fl: (fl[1] or 0, fl[0])) == [
        ("ua", 2),
        ("title", 3),
        ("deadline", 6),
        ("asks[1]", 9),
        ("kind", 10),
        ("people[0].gender", 14),
        ("officials[0].salutation", 16),
        ("officials[0].id", 17),
        ("officials[0].emails[0]", 20),
        ("officials[1]", 22),
        ("officials[1].role", 24),
        ("officials[1].fax", 27),
    ]
    for item in result.problems:
        text = str(item)
        assert text.startswith(f"{path}:{item.line}: {item.field}: ")
    assert problem(result, "ua").message == "'sixty-three' is not a UA number such as 63/18"
    assert problem(result, "title").message == "must not be empty"
    assert problem(result, "kind").message == "must be one of initial, follow-up, closure"


def test_not_utf8_is_refused_with_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(GOOD.replace("Woman detained", "Café détenu").encode("latin-1"))
    result = load_case_file(path)
    assert result.case is None
    assert [(p.field, p.line, p.message) for p in result.problems] == [
        ("", 3, "file is not UTF-8 text")
    ]
    assert str(result.problems[0]) == f"{path}:3: file is not UTF-8 text"


def test_file_over_1_mb_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    padding = "# " + "x" * 98 + "\n"
    path.write_text(GOOD + padding * (MAX_FILE_BYTES // len(padding) + 1), encoding="utf-8")
    assert path.stat().st_size > MAX_FILE_BYTES
    result = load_case_file(path)
    assert result.case is None
    assert len(result.problems) == 1
    assert "case files are at most 1 MB" in result.problems[0].message
    # Just under the limit still loads.
    path.write_text(GOOD + padding * ((MAX_FILE_BYTES - len(GOOD)) // len(padding)), "utf-8")
    assert path.stat().st_size <= MAX_FILE_BYTES
    assert load_case_file(path).ok


def test_missing_file_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    result = load_case_file(tmp_path / "nope.toml")
    assert result.case is None
    assert "cannot read the file" in result.problems[0].message


def test_text_is_nfc_normalised(tmp_path: Path) -> None:
    decomposed = "Jose\u0301 Pe\u0301rez"  # "é" written as "e" + combining acute accent
    text = GOOD + f'\n[[people]]\nname = "{decomposed}"\n'
    text = text.replace('title = "Woman detained"', 'title = "Caf\u0065\u0301 owner detained"')
    path = tmp_path / "nfd.toml"
    path.write_bytes(text.encode("utf-8"))
    case = load_case_file(path).case
    assert case is not None
    assert case.people[0].name == "José Pérez"
    assert case.people[0].name == unicodedata.normalize("NFC", decomposed)
    assert len(case.people[0].name) == 10
    assert case.title == "Café owner detained"


def test_line_ends_are_normalised(tmp_path: Path) -> None:
    text = GOOD.replace('summary = "A summary."', 'summary = """\nOne.\n\nTwo.\n"""')
    text = text.replace('title = "Woman detained"', 'title = "Woman\\r\\ndetained\\rtoday"')
    path = tmp_path / "windows.toml"
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    case = load_case_file(path).case
    assert case is not None
    assert case.summary == "One.\n\nTwo."
    assert case.title == "Woman\ndetained\ntoday"


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode("utf-8"))
    assert load_case_file(path).ok


def test_empty_officials_and_asks_are_reported(tmp_path: Path) -> None:
    text = GOOD.split("[[officials]]")[0].replace('["Urging them to act;"]', "[]")
    text += "officials = []\n"
    result = load_case_file(write(tmp_path, text))
    assert [p.field for p in result.problems] == ["asks", "officials"]
    assert problem(result, "asks").message == (
        "must list at least one appeal point (or give a model letter)"
    )


def test_a_model_letter_can_stand_in_for_appeal_points(tmp_path: Path) -> None:
    text = GOOD.replace('asks = ["Urging them to act;"]', 'model_letter = "Please act now."')
    result = load_case_file(write(tmp_path, text))
    assert result.problems == []
    assert result.case.asks == ()


def test_an_official_needs_a_title_or_a_name_and_an_id(tmp_path: Path) -> None:
    text = GOOD.replace('id = "pg"\ntitle = "Prosecutor General"\n', "")
    result = load_case_file(write(tmp_path, text))
    assert where(result) == [("officials[0].id", 10), ("officials[0].name", 10)]


def test_all_copies_and_no_target(tmp_path: Path) -> None:
    text = GOOD.replace('id = "pg"', 'id = "pg"\nrole = "copy"')
    result = load_case_file(write(tmp_path, text))
    assert where(result) == [("officials", 10)]
    assert result.problems[0].message == 'needs at least one official with role = "target"'


def test_follow_up_and_closure_rules(tmp_path: Path) -> None:
    follow_up = GOOD.replace("ua = ", 'kind = "follow-up"\nupdate = 2\nua = ')
    case = load_case_file(write(tmp_path, follow_up)).case
    assert case is not None
    assert (case.kind, case.update, case.key) == (CaseKind.FOLLOW_UP, 2, "63/18#2")
    # A follow-up without a number is update 1.
    case = load_case_file(write(tmp_path, GOOD.replace("ua = ", 'kind = "follow-up"\nua = ')))
    assert case.case is not None and case.case.update == 1
    # Only a follow-up has an update number, and it is a whole number from 1.
    result = load_case_file(write(tmp_path, GOOD.replace("ua = ", "update = 1\nua = ")))
    assert where(result) == [("update", 2)]
    bad = GOOD.replace("ua = ", 'kind = "follow-up"\nupdate = 0\nua = ')
    assert problem(load_case_file(write(tmp_path, bad)), "update").message == (
        "must be a whole number, 1 or more"
    )
    # A closure needs no deadline, asks or officials.
    closure = (
        'format = 1\nua = "63/18"\nkind = "closure"\ntitle = "Released"\n'
        'country = "Kazakhstan"\nissued = 2018-07-01\nsummary = "She was released."\n'
    )
    case = load_case_file(write(tmp_path, closure)).case
    assert case is not None and case.key == "63/18#closure"


def test_problem_without_line_or_field_prints_cleanly() -> None:
    assert str(Problem("a.toml", "", "bad")) == "a.toml: bad"
    assert str(Problem("a.toml", "ua", "bad")) == "a.toml: ua: bad"
    assert str(Problem("a.toml", "ua", "bad", 4)) == "a.toml:4: ua: bad"


# --------------------------------------------------------------------------- line locations


def test_locate_fields_in_the_bundled_file() -> None:
    lines = locate_fields(BUNDLED_CASE.read_text(encoding="utf-8"))
    text_lines = BUNDLED_CASE.read_text(encoding="utf-8").splitlines()
    assert text_lines[lines["summary"] - 1].startswith("summary =")
    assert text_lines[lines["asks[2]"] - 1].lstrip().startswith('"Urging them to amend')
    assert text_lines[lines["officials[1]"] - 1] == "[[officials]]"
    assert text_lines[lines["officials[1].salutation"] - 1] == 'salutation = "Dear Ambassador"'
    assert text_lines[lines["officials[0].address[2]"] - 1].strip() == '"Republic of Kazakhstan",'
    assert text_lines[lines["officials[1].emails[1]"] - 1].startswith("emails = [")


def test_locate_fields_handles_arrays_as_people_write_them() -> None:
    text = """\
asks = ["one",
        "two [with brackets]"]
languages = [
    "en", "es",  # two on a line
    "fr"
]
summary = '''
title = "inside a string, not a key"
'''
[[officials]]  # a comment after the header
id = "x"
emails = ["a@b.c", "d@e.f"]
"""
    lines = locate_fields(text)
    assert lines["asks[0]"] == 1
    assert lines["asks[1]"] == 2
    assert (lines["languages[0]"], lines["languages[1]"], lines["languages[2]"]) == (4, 4, 5)
    assert "title" not in lines
    assert lines["officials[0]"] == 10
    assert lines["officials[0].id"] == 11
    assert lines["officials[0].emails[1]"] == 12


def test_a_one_line_array_does_not_swallow_the_next_keys(tmp_path: Path) -> None:
    text = GOOD.replace(
        'asks = ["Urging them to act;"]', 'asks = ["Urging them to act;",\n    "Calling them;"]'
    ).replace('salutation = "Dear Prosecutor General"', 'salutaton = "Dear Prosecutor General"')
    result = load_case_file(write(tmp_path, text))
    assert ("officials[0].salutaton", 15) in where(result)


# --------------------------------------------------------------------------- properties


def as_loaded(text: str) -> str:
    """Text as the loader keeps it: NFC, "\n" line ends, no surrounding white space."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text).strip()


_CHARS = st.characters(blacklist_categories=("Cs",))
TEXT = (
    st.text(alphabet=_CHARS, min_size=1, max_size=40)
    .map(as_loaded)
    .filter(lambda s: bool(s) and as_loaded(s) == s)
)
IDENT = st.from_regex(r"[a-z0-9][a-z0-9_-]{0,12}", fullmatch=True)
EMAIL = st.builds(
    "{}@{}.{}".format,
    st.text(string.ascii_letters + string.digits + "._+-", min_size=1, max_size=10),
    st.text(string.ascii_lowercase + string.digits + "-", min_size=1, max_size=10),
    st.sampled_from(["org", "kz", "example"]),
)
DAY = st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31))


@st.composite
def officials(draw: st.DrawFn, need_target: bool) -> tuple[Official, ...]:
    ids = draw(st.lists(IDENT, min_size=1 if need_target else 0, max_size=3, unique=True))
    out = []
    for number, ident in enumerate(ids):
        role = Role.TARGET if number == 0 else draw(st.sampled_from(list(Role)))
        out.append(
            Official(
                id=ident,
                role=role,
                title=draw(TEXT),
                name=draw(st.one_of(st.just(""), TEXT)),
                organisation=draw(st.one_of(st.just(""), TEXT)),
                address=tuple(draw(st.lists(TEXT, min_size=1, max_size=4))),
                country=draw(st.one_of(st.just(""), TEXT)),
                fax=draw(st.one_of(st.just(""), TEXT)),
                phone=draw(st.one_of(st.just(""), TEXT)),
                emails=tuple(draw(st.lists(EMAIL, max_size=2))),
                social=tuple(draw(st.lists(TEXT, max_size=2))),
                salutation=draw(TEXT),
                salutations=tuple(
                    draw(st.dictionaries(st.sampled_from(["fr", "es", "de"]), TEXT)).items()
                ),
            )
        )
    return tuple(out)


@st.composite
def translations(draw: st.DrawFn) -> tuple[CaseText, ...]:
    """Format 2's texts in other languages than the case's own ("en" in these cases)."""
    codes = draw(st.lists(st.sampled_from(["fr", "es", "de", "ru"]), unique=True, max_size=3))
    out = []
    for code in codes:
        text = CaseText(
            language=code,
            title=draw(st.one_of(st.just(""), TEXT)),
            summary=draw(st.one_of(st.just(""), TEXT)),
            asks=tuple(draw(st.lists(TEXT, max_size=2))),
            model_letter=draw(st.one_of(st.just(""), TEXT)),
        )
        if text.title or text.summary or text.asks or text.model_letter:
            out.append(text)
    return tuple(out)


@st.composite
def cases(draw: st.DrawFn) -> Case:
    kind = draw(st.sampled_from(list(CaseKind)))
    issued = draw(DAY)
    closure = kind is CaseKind.CLOSURE
    deadline = issued + timedelta(days=draw(st.integers(0, 400)))
    return Case(
        ua=f"{draw(st.integers(1, 9999))}/{draw(st.integers(0, 99)):02d}",
        kind=kind,
        update=draw(st.integers(1, 20)) if kind is CaseKind.FOLLOW_UP else 0,
        index=draw(st.one_of(st.just(""), TEXT)),
        title=draw(TEXT),
        country=draw(TEXT),
        issued=issued,
        deadline=draw(st.one_of(st.none(), st.just(deadline))) if closure else deadline,
        source=draw(st.one_of(st.just(""), TEXT)),
        languages=tuple(draw(st.lists(TEXT, max_size=2))),
        summary=draw(TEXT),
        details=draw(st.one_of(st.just(""), TEXT)),
        asks=tuple(draw(st.lists(TEXT, min_size=0 if closure else 1, max_size=3))),
        background=draw(st.one_of(st.just(""), TEXT)),
        report_reference=draw(st.one_of(st.just(""), TEXT)),
        model_letter=draw(st.one_of(st.just(""), TEXT)),
        people=tuple(
            draw(
                st.lists(
                    st.builds(Person, name=TEXT, gender=st.sampled_from(["f", "m", "x", ""])),
                    max_size=3,
                )
            )
        ),
        officials=draw(officials(need_target=not closure)),
        translations=draw(translations()),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_dump_then_parse_gives_the_same_case(case: Case) -> None:
    text = dump_case(case)
    assert text.startswith(f"format = {FORMAT_VERSION}\n")
    result = parse_case_text(text, "generated.toml")
    assert result.problems == [], [str(p) for p in result.problems]
    assert result.case == case


def test_bundled_case_round_trips_through_dump(tmp_path: Path, ua_63_18: Case) -> None:
    path = write(tmp_path, dump_case(ua_63_18), "again.toml")
    again = load_case_file(path)
    assert again.problems == []
    assert again.case == ua_63_18


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=300).map(lambda s: s.encode("utf-8", "replace")))
def test_any_bytes_give_a_result_never_an_exception(raw: bytes) -> None:
    result = parse_case_bytes(raw, "fuzz.toml")
    assert (result.case is None) == bool(result.problems) or result.ok
    assert all(p.file == "fuzz.toml" for p in result.problems)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([*GOOD.splitlines(), "[", "]", '"""', "'''", "x = [", "#"])))
def test_shuffled_lines_never_raise(lines: list[str]) -> None:
    text = "\n".join(lines)
    locate_fields(text)
    parse_case_text(text, "shuffled.toml")


def test_the_worked_example_in_the_docs_matches_the_bundled_case(ua_63_18: Case) -> None:
    doc = (REPO / "docs" / "case-format.md").read_text(encoding="utf-8")
    worked = doc.split("## Worked example", 1)[1]
    (example,) = re.findall(r"```toml\n(.*?)```", worked, flags=re.DOTALL)
    result = parse_case_text(example, "docs/case-format.md")
    assert result.problems == []
    assert result.case is not None
    # The docs cut the long prose of these two; everything else is the file, field for field.
    assert replace(result.case, details="", background="") == replace(
        ua_63_18, details="", background=""
    )
    bundled = BUNDLED_CASE.read_text(encoding="utf-8")
    assert example.startswith(bundled.split("details =")[0])
    assert example.endswith("[[people]]" + bundled.split("[[people]]", 1)[1])


def test_the_rarest_case_file_problems_speak_the_interface_language(tmp_path: Path) -> None:
    """A file too big, a number too long, a table nested too deep or a folder where a case file
    should be: each said in German to a German coordinator, like every other problem."""
    from uaction_desktop import i18n
    from uaction_desktop.casefile import load_case_file

    big = tmp_path / "big.toml"
    big.write_bytes(b"# " + b"x" * (1024 * 1024 + 10))
    digits = tmp_path / "digits.toml"
    digits.write_text('format = 1\nua = "1/26"\nindex = ' + "9" * 4301 + "\n", "utf-8")
    deep = tmp_path / "deep.toml"
    deep.write_text("format = 1\n" + "a." * 40 + "b = 1\n", "utf-8")
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    i18n.set_language("de")
    try:
        messages = {p.name: str(load_case_file(p).problems[0]) for p in (big, digits, deep, folder)}
    finally:
        i18n.set_language("en")
    assert "Falldateien sind höchstens 1 MB groß" in messages["big.toml"]
    assert "mehr als 4.000 Ziffern" in messages["digits.toml"]
    assert "verschachtelt" in messages["deep.toml"]
    assert "nur gewöhnliche Dateien werden gelesen" in messages["folder.toml"]
