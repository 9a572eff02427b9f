"""Our own documents in the layouts Urgent Actions have had: each reads into the right fields.

The fixtures in fixtures/import/ were written for these tests (invented people and officials).
"""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from uaction_desktop.casefile import dump_case, parse_case_text
from uaction_desktop.importer import Confidence, Draft, import_file
from uaction_desktop.model import CaseKind, Person, Role

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"
TODAY = date(2030, 1, 1)


def load(name: str) -> Draft:
    return import_file(FIXTURES / name)


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")), ids=lambda p: p.stem)
def test_every_fixture_gives_a_toml_that_reads_back(path: Path) -> None:
    draft = import_file(path)
    text = draft.to_toml(TODAY)
    case = draft.to_case(TODAY)
    assert tomllib.loads(text) == tomllib.loads(dump_case(case))  # comments change nothing
    result = parse_case_text(text, path.name)
    found = [(p.field, p.message) for p in result.problems]
    assert found == [(p.field, p.message) for p in draft.problems(TODAY)]
    if result.ok:
        assert result.case == case


def test_ai_uk_please_write_immediately() -> None:
    draft = load("ai-uk-please-write.txt")
    case = draft.to_case()
    assert (case.ua, case.index, case.country) == ("41/15", "EUR 49/1234/2015", "Belarus")
    assert case.title == "Student blogger held incommunicado"
    assert (case.issued, case.deadline) == (date(2015, 2, 2), date(2015, 3, 16))
    assert case.languages == ("English", "Belarusian")
    assert len(case.asks) == 3 and case.asks[2].startswith("Calling on them to respect")
    assert case.people == (Person("Tomas Verenko", "m"),)
    assert case.summary.startswith("Student blogger Tomas Verenko was arrested")  # no "(m)"
    assert [o.role for o in case.officials] == [Role.TARGET, Role.TARGET, Role.COPY]
    first = case.officials[0]
    assert (first.id, first.title, first.name) == (
        "prosecutor-general",
        "Prosecutor General",
        "Piotr Dalmatov",
    )
    assert first.organisation == "Office of the Prosecutor General"
    assert first.address == ("ul. Internatsionalnaya 22", "220030 Minsk", "Belarus")
    assert (first.fax, first.emails) == ("+375 17 226 4252", ("info@prokuratura.example.by",))
    assert case.officials[1].salutation == "Dear Minister"
    copy = case.officials[2]
    assert (copy.title, copy.organisation) == ("Chairman", "State Security Committee")
    assert "Independent bloggers" in case.background and "Name:" not in case.background
    assert case.details.count("\n\n") == 1  # two paragraphs of case details
    assert draft.leftovers == []
    assert any(d.note == "empty address template" for d in draft.dropped)
    assert draft.problems() == []


def test_update_is_a_follow_up_with_its_number() -> None:
    draft = load("update-third.txt")
    case = draft.to_case()
    assert (case.kind, case.update, case.ua) == (CaseKind.FOLLOW_UP, 3, "112/16")
    assert case.key == "112/16#3"
    assert case.index == "ASA 41/5566/2017" and case.country == "Viet Nam"
    assert case.title == "Lawyer moved to prison far from her family"
    assert case.languages == ("Vietnamese", "English")
    assert case.deadline == date(2017, 4, 25) and case.issued == date(2017, 3, 14)
    assert case.people == (Person("Hoa Lien Tran", "f"),)
    assert [o.id for o in case.officials] == ["prime-minister", "minister-of-public-security"]
    assert case.officials[1].address == (
        "44 Yet Kieu Street",
        "Hoan Kiem District, Ha Noi",
        "Viet Nam",
    )
    assert draft.field("update").confidence is Confidence.HIGH
    assert draft.leftovers == []


def test_closure() -> None:
    draft = load("closure.txt")
    case = draft.to_case()
    assert (case.kind, case.ua, case.deadline) == (CaseKind.CLOSURE, "215/11", None)
    assert case.index == "AFR 54/0123/2012" and case.issued == date(2012, 3, 12)
    assert case.country == "Sudan"
    assert case.people == (Person("Amira Hassan Idris", "f"),)
    assert case.summary.startswith("Journalist Amira Hassan Idris was released")
    assert "No further action" not in case.details
    assert draft.field("title").confidence is Confidence.LOW
    assert draft.problems() == []


def test_model_letter_document() -> None:
    draft = load("model-letter.txt")
    case = draft.to_case(TODAY)
    # the letter's own greeting and sign-off are the app's to write: only the body is kept
    assert case.model_letter.startswith("I am writing")
    assert "Yours sincerely" not in case.model_letter and "Dear" not in case.model_letter
    assert len(case.paragraphs(case.model_letter)) == 2
    (official,) = case.officials
    assert (official.title, official.name) == ("Attorney General", "Raúl Estrada Medina")
    assert official.organisation == "Office of the Attorney General of the Republic"
    assert official.address[-1] == "Mexico" and official.country == "Mexico"
    assert official.salutation == "Dear Attorney General"
    assert [p.name for p in case.people] == ["Lucía Ferrer", "Tomás Ibarra"]
    assert draft.field("summary").confidence is Confidence.LOW
    assert draft.field("asks").confidence is Confidence.LOW
    assert all("urge" in a or "ask" in a for a in case.asks)
    problems = {p.field for p in draft.problems(TODAY)}
    assert problems == {"ua", "deadline"}  # the letter carries neither: for the reviewer


def test_old_1990s_layout() -> None:
    draft = load("old-1990s.txt")
    case = draft.to_case()
    assert (case.ua, case.index, case.title) == ("210/94", "AMR 46/12/94", "Fear of torture")
    assert case.issued == date(1994, 8, 3) and case.country == "Peru"
    assert case.deadline == date(1994, 9, 14)
    assert draft.field("deadline").confidence is Confidence.MEDIUM
    assert case.people == (
        Person("Julio Castañeda Rojas", "m"),
        Person("Marta Quispe Huamán", "f"),
    )
    assert case.summary == (
        "Amnesty International is gravely concerned for the safety of teacher Julio Castañeda "
        "Rojas and his wife Marta Quispe Huamán, who were detained by soldiers at their home in "
        "the town of Huanta on 30 July 1994."
    )
    assert case.asks[0] == (
        "expressing concern for the safety of Julio Castañeda Rojas and Marta Quispe Huamán, "
        "and urging that their whereabouts be made known at once;"
    )
    assert len(case.asks) == 3
    president, minister, copy = case.officials
    assert president.name == "Ernesto Maldonado Ruiz"
    # given in two languages: every variant kept, the English one (the document's) used
    assert president.salutation == "Dear President"
    assert draft.officials[0].salutations == {"es": "Excmo. Sr. Presidente", "en": "Dear President"}
    assert president.fax == "+ 51 14 33 7020" and president.country == "Peru"
    assert minister.address[0] == "Avenida Arequipa 291"
    assert copy.role is Role.COPY and copy.name == "Comisión Andina de Derechos Humanos"
    assert [x.text for x in draft.leftovers] == ["Telegrams: Presidente Maldonado, Lima, Peru"]


def test_us_style_with_twitter_and_copies() -> None:
    draft = load("us-twitter-copies.txt")
    case = draft.to_case()
    assert case.title == "Activist faces trial for peaceful protest"
    assert (case.ua, case.report_reference) == ("77/19", "UA 77.19")
    assert case.source == "Amnesty International USA, Urgent Action Network"
    assert case.deadline == date(2019, 4, 30)
    prosecutor, ambassador, minister = case.officials
    assert prosecutor.social == ("@GenProsAz",) and prosecutor.country == "Azerbaijan"
    assert ambassador.emails == ("azembassy@example.org", "consul@example.org")
    assert ambassador.address == ("2741 34th St NW", "Washington DC 20008")
    assert ambassador.country == "USA" and ambassador.social == ("@AzEmbassyUS",)
    assert (minister.role, minister.social) == (Role.COPY, ("@JusticeAz",))
    assert case.people == (Person("Nadia Rahimova", "f"),)
    assert draft.leftovers == [] and draft.problems() == []


def test_us_web_layout_with_run_on_officials() -> None:
    draft = load("us-web-2022.txt")
    case = draft.to_case()
    assert (case.ua, case.country) == ("45/23", "Pakistan")
    assert case.title == "Journalist detained after reporting on floods"
    assert (case.issued, case.deadline) == (date(2023, 5, 4), date(2023, 6, 29))
    minister, ambassador = case.officials
    assert (minister.title, minister.name) == ("Minister of Interior", "Sardar Karim Baloch")
    assert minister.fax == "+92 51 920 2624" and minister.social == ("@ministryinterior",)
    assert minister.salutation == "Dear Minister"  # from the sample letter
    assert draft.field("officials[0].salutation").confidence is Confidence.MEDIUM
    assert (ambassador.title, ambassador.name) == ("H.E.", "Sabeen Mahmood")
    assert ambassador.social == ("@PakEmbassyUS", "@SabeenMahmood")
    assert ambassador.emails == ("info@pakembassy.example.org",)
    assert ambassador.country == "USA" and ambassador.salutation == "Dear Ambassador"
    assert case.model_letter.startswith("I am writing to express my concern")
    assert not case.model_letter.startswith("Dear") and "Yours sincerely" not in case.model_letter
    assert case.people == (Person("Imran Qadir", "m"),)
    assert draft.field("people[0].name").confidence is Confidence.LOW
    assert draft.problems() == []
