"""The traps real Urgent Actions set, each in a document of our own (tests/fixtures/import/,
invented people, offices and addresses) or in a line of our own words.

German section pages, run-on contact blocks, salutations in several languages, honorifics glued
to names, c/o and embassy addresses, UA numbers and dates in every form, people listed in
sentences, outcome boxes above the appeal, web page furniture, letters cut off by "[...]".
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from uaction_desktop.importer import Confidence, Draft, import_file, meta, parse_text
from uaction_desktop.importer.dates import find_dates
from uaction_desktop.importer.lexicon import greeting_language, lexicon
from uaction_desktop.model import CaseKind, Role

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"
TODAY = date(2030, 1, 1)


def load(name: str) -> Draft:
    return import_file(FIXTURES / name)


# ---------------------------------------------------------------- the word lists


def test_every_language_file_gives_the_labels_the_importer_reads_by() -> None:
    lex = lexicon()
    assert {"en", "de", "fr", "es"} <= set(lex.languages)
    for label, words in {
        "salutation": ["Salutation", "Anrede", "korrekte Anrede", "Formule d'appel", "Tratamiento"],
        "fax": ["Fax", "Telefax"],
        "email": ["Email", "E-Mail", "Courriel", "Correo-e"],
    }.items():
        assert set(words) <= set(lex.labels[label]), label
    assert {"Copies to", "Kopien an", "Sende eine Kopie an", "Copies à", "Copias a"} <= set(
        lex.headings["copies"]
    )
    assert lex.months["marz"] == 3 and lex.months["aout"] == 8 and lex.months["septiembre"] == 9


# ---------------------------------------------------------------- German section web page


def test_german_web_page_reads_every_official_with_its_contacts() -> None:
    draft = load("de-web-appeal.txt")
    case = draft.to_case(TODAY)
    assert case.title == "Journalistin in Haft"
    assert case.deadline == date(2024, 3, 3)  # "nach dem 3. März 2024 keine Appelle mehr"
    assert case.kind is CaseKind.INITIAL and case.country == "Paraguay"
    president, minister, embassy = case.officials
    assert (president.title, president.name) == ("STAATSPRÄSIDENT", "Presidente Tomás Ruedas")
    assert president.organisation == "Presidencia de la República"
    assert president.address == ("Avenida Central 12", "Asunción, PARAGUAY")
    # a fax number continued on the next line after "; oder" stays one number field as written
    assert president.fax == "(00 595) 21 234 5678; oder (00 595) 21 234 5679"
    assert (minister.title, minister.name) == ("JUSTIZMINISTERIN", "Carmen Olivo")
    assert minister.emails == ("despacho@justicia.example.org", "prensa@justicia.example.org")
    assert embassy.role is Role.COPY and embassy.organisation == "BOTSCHAFT DER REPUBLIK PARAGUAY"
    assert embassy.name == "Andrés Prado Villa" and embassy.title == "S. E. Herrn"
    # an unlabelled second e-mail under the labelled one belongs to the same official
    assert embassy.emails == ("info@botschaft.example.de", "kontakt@botschaft.example.de")
    assert embassy.address == ("Musterstraße 5", "10115 Berlin")
    assert [p.name for p in case.people] == ["Lina Marek"]


def test_salutation_in_several_languages_keeps_every_variant_one_per_language() -> None:
    draft = load("de-web-appeal.txt")
    president, minister, _ = draft.officials
    assert president.salutations == {
        "en": "Dear President",
        "es": "Excmo. Sr. Presidente",
        "de": "Sehr geehrter Herr Präsident",
    }
    # the case's salutation is the one in the document's own language, flagged for review
    assert president.value("salutation") == "Sehr geehrter Herr Präsident"
    assert president.fields["salutation"].confidence is Confidence.MEDIUM
    assert "Dear President" in president.fields["salutation"].note
    assert minister.salutations == {
        "es": "Estimada Señora Ministra",
        "de": "Sehr geehrte Frau Ministerin",
    }
    exported = draft.to_json(TODAY)["officials"][0]["salutations"]
    assert exported["es"] == "Excmo. Sr. Presidente"


def test_web_page_furniture_is_dropped_with_its_reason() -> None:
    draft = load("de-web-appeal.txt")
    reasons = {d.text: d.note for d in draft.dropped}
    assert reasons["DEINE SPENDE HILFT!"] == "web page furniture"
    assert reasons["Mit einer Spende unterstützt du unsere Recherchen weltweit."] == (
        "web page furniture"
    )
    assert draft.value("title") == "Journalistin in Haft"
    assert reasons["© privat"] == "photo credit"
    assert reasons["Ein Porträt der Journalistin vor einem Fenster"] == "photo caption"
    assert "Ein Porträt" not in draft.value("summary")
    assert not any("SPENDE" in (p.name.value or "") for p in draft.people)


def test_text_stopping_mid_word_keeps_the_instructions_out_of_the_officials() -> None:
    draft = load("de-web-appeal.txt")
    texts = [o.source_text for o in draft.officials]
    assert not any("Bitte schreiben Sie" in t for t in texts)
    (kept,) = [x for x in draft.dropped if "Bitte schreiben Sie" in x.text]
    assert kept.note == "the appeal instructions (the deadline is read from them)"


def test_each_official_flattened_onto_one_line() -> None:
    case = load("de-flat-blocks.txt").to_case(TODAY)
    prosecutor, minister, embassy = case.officials
    assert (prosecutor.title, prosecutor.name) == ("GENERALSTAATSANWÄLTIN", "Marta Quiroga")
    assert prosecutor.organisation == "Fiscal General de la Nación"
    assert prosecutor.address[0].startswith("7 avenida 3-10 zona 4")
    assert prosecutor.emails == ("mquiroga@fiscalia.example.org",)
    assert prosecutor.social == ("@FiscaliaEjemplo",)
    # three e-mails joined by "oder" are three e-mails
    assert minister.emails == ("ministro@gobierno.example.org", "prensa@gobierno.example.org")
    assert minister.salutation == "Sehr geehrter Herr Minister"
    assert embassy.role is Role.COPY and embassy.name == "Luis Ortega Vidal"
    assert embassy.organisation == "BOTSCHAFT DER REPUBLIK PANAMA"
    assert embassy.address == ("Beispielallee 20, 3. OG. 10557 Berlin",)
    assert embassy.fax == "030-9876 5432"
    assert case.deadline == date(2024, 6, 14)


def test_outcome_box_above_the_original_appeal_makes_a_closure() -> None:
    case = load("de-outcome-box.txt").to_case(TODAY)
    assert case.kind is CaseKind.CLOSURE and case.deadline is None
    assert case.officials[0].name == "Petar Dimov"  # the original appeal is still read
    assert [p.name for p in case.people] == ["Emil Varga"]


# ---------------------------------------------------------------- French and Spanish


def test_french_header_run_on_and_model_letter() -> None:
    draft = load("fr-header-runon.txt")
    case = draft.to_case(TODAY)
    assert (case.ua, case.index) == ("45/23", "AFR 99/001/2023")
    assert case.issued == date(2023, 8, 4) and case.deadline == date(2023, 9, 15)
    # the letter's own greeting and sign-off never enter its body
    assert case.model_letter.startswith("Je vous écris")
    assert "Monsieur le Procureur" not in case.model_letter
    assert "Veuillez agréer" not in case.model_letter
    assert [d.text for d in draft.dropped if d.note == "web page furniture"] == [
        "Action terminée",
        "Toutes les actions",
    ]
    assert [p.name for p in case.people] == ["Idriss Kamara"]


def test_spanish_labels_headings_and_copies() -> None:
    case = load("es-copias.txt").to_case(TODAY)
    assert case.ua == "14/12" and case.deadline == date(2012, 3, 20)
    target, copy = case.officials
    assert target.role is Role.TARGET and copy.role is Role.COPY
    assert target.name == "Lic. Jorge Salas Mena" and target.title == "Ministro del Interior"
    assert target.salutation == "Señor Ministro" and target.emails == (
        "ministro@interior.example.gt",
    )
    assert copy.address == ("Calle Mayor 8", "28013 Madrid")


# ---------------------------------------------------------------- letters and addresses


def test_letter_before_its_addressees_and_a_name_before_its_title() -> None:
    draft = load("en-letter-then-addresses.txt")
    case = draft.to_case(TODAY)
    minister, commissioner = case.officials
    assert (minister.title, minister.name) == ("Prime Minister", "Le Minh Quang")
    assert minister.salutation == "Dear Prime Minister"
    assert (commissioner.title, commissioner.name) == ("District Commissioner", "Ruth Bangura")
    # a c/o embassy address in the writer's country is an address, not the official's office
    assert commissioner.address[0] == "c/o Embassy of Viet Nam"
    assert commissioner.country == "United Kingdom"
    assert case.model_letter.startswith("I am writing") and "Yours" not in case.model_letter
    assert case.deadline == date(2024, 6, 30)
    # a blog's date line is neither the title nor the issue date
    assert case.title != "Monday, 6 May 2024"
    assert draft.field("issued").confidence is Confidence.MISSING


def test_a_letter_cut_off_by_an_ellipsis_in_brackets_is_flagged() -> None:
    text = (
        "URGENT ACTION\nRELEASE THE TEACHER\nA teacher, Mara Lind, was detained.\n"
        "SAMPLE LETTER\nDear Minister,\nI urge you to release Mara Lind at once and to let her "
        "see her fam\n[...]\n"
    )
    draft = parse_text(text)
    letter = draft.field("model_letter")
    assert letter.confidence is Confidence.LOW and "cut off" in letter.note
    assert not letter.value.startswith("Dear")
    assert any("stops mid-text" in x.note for x in draft.leftovers)
    assert "model_letter" in draft.to_review()


# ---------------------------------------------------------------- numbers, dates, people


@pytest.mark.parametrize(
    ("line", "ua"),
    [
        ("UA 77/21 Index: MDE 13/1234/2021", "77/21"),
        ("Urgent Action 77.21", "77/21"),
        ("UA-313/2014", "313/2014"),  # the year as written
        ("UA-257-1/2014", "257/2014"),
        ("AU 194/09", "194/09"),
        ("EXTRA 139/95 Fear of torture", "139/95"),
        ("Action urgente : 14/12", "14/12"),
        ("UA-Nr.: UA-074/2019-1AI-Index: EUR 44/0525/2019", "74/2019"),
    ],
)
def test_ua_numbers_in_every_form(line: str, ua: str) -> None:
    assert [c.value for c in meta.ua_candidates([line])][:1] == [ua]


def test_no_ua_number_means_none_is_made_up() -> None:
    draft = parse_text("Teacher detained\nWrite to the Minister of Justice before 3 May 2024.")
    assert draft.value("ua") == "" and draft.field("ua").confidence is Confidence.MISSING


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("by 8 June 2018", date(2018, 6, 8)),
        ("March 10, 2022", date(2022, 3, 10)),
        ("am 16. September 2010", date(2010, 9, 16)),
        ("Datum: 10. Dezemeber 2018", date(2018, 12, 10)),  # a month misspelt by a letter
        ("le 4 août 2010", date(2010, 8, 4)),
        ("le 1er mai 2020", date(2020, 5, 1)),
        ("el 15 de septiembre de 2010", date(2010, 9, 15)),
        ("Lima, 12/15/2015", date(2015, 12, 15)),
    ],
)
def test_dates_in_four_languages(text: str, day: date) -> None:
    (found,) = find_dates(text)
    assert found.resolve(None) == day


def test_words_next_to_numbers_are_not_dates() -> None:
    assert find_dates("BEFORE 16 MARCH 2015")[0].resolve(None) == date(2015, 3, 16)
    assert find_dates("Article 79 of the Penal Code; AMR 19/011/1991; we may 5 times") == []


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Please send appeals before 27 September 2019.", date(2019, 9, 27)),
        ("This Urgent Action expires on March 10, 2022.", date(2022, 3, 10)),
        ("Bitte schicken Sie nach dem 3. März 2024 keine Appelle mehr.", date(2024, 3, 3)),
        ("Die Aktion läuft bis 2. Februar 2025.", date(2025, 2, 2)),
        ("Envoyez vos appels avant le 15 septembre 2010.", date(2010, 9, 15)),
        ("Envíen llamamientos antes del 20 de marzo de 2012.", date(2012, 3, 20)),
    ],
)
def test_deadlines_in_four_languages(line: str, day: date) -> None:
    found = meta.deadline_candidates([line])
    assert [f[0].resolve(None) for f in found] == [day]


def test_a_date_in_a_story_is_no_deadline() -> None:
    assert meta.deadline_candidates(["Bis zum 20. Juni warteten Freunde am Flughafen."]) == []


def test_people_listed_in_a_sentence() -> None:
    case = load("en-people-in-prose.txt").to_case(TODAY)
    assert [p.name for p in case.people] == [
        "Omar Farid",
        "Karim Haddad",
        "Samir Nasser",
        "Youssef Amin",
        "Tarek Saleh",
    ]


def test_german_nouns_are_not_people() -> None:
    text = (
        "Drohende Abschiebung\n\nDer Oberste Gerichtshof hat den Antrag der Familie abgelehnt. "
        "Das Foto zeigt die Familie vor dem Gericht. Die Familie Weber lebt seit Jahren im Land."
        " Der Oberste Gerichtshof entschied ohne Anhörung."
    )
    names = [p.name.value for p in parse_text(text).people]
    assert not any("Gerichtshof" in n or "Foto" in n for n in names), names


@pytest.mark.parametrize(
    ("salutation", "language"),
    [
        ("Dear Minister", "en"),
        ("Your Excellency", "en"),
        ("Sehr geehrte Frau Ministerin", "de"),
        ("Exzellenz", "de"),
        ("Monsieur le Procureur général", "fr"),
        ("Estimada Señora Ministra", "es"),
        ("Excmo. Sr. Presidente", "es"),
        ("Kind words", ""),
    ],
)
def test_the_language_of_a_salutation(salutation: str, language: str) -> None:
    assert greeting_language(salutation) == language


def test_places_after_in_and_repeated_captions_are_not_people() -> None:
    text = (
        "Drohungen\n\nKundgebung in Puerto Alto, 2021.\n\nKundgebung in Puerto Alto, 2021.\n\n"
        "Gewerkschafter in Valle Verde wurden bedroht. Die Drohungen gegen Gewerkschafter in "
        "Valle Verde gehen weiter. Die Polizei in Valle Verde ermittelt nicht."
    )
    draft = parse_text(text)
    assert [p.name.value for p in draft.people] == []
    captions = [d.text for d in draft.dropped if d.note == "photo caption"]
    assert captions == ["Kundgebung in Puerto Alto, 2021."] * 2
