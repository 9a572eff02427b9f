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


# ---------------------------------------------------------------- columns, honorifics, names


def test_officials_in_three_columns_are_read_column_by_column() -> None:
    draft = load("three-columns.txt")
    case = draft.to_case(TODAY)
    provincial, city, minister = case.officials
    assert (provincial.title, provincial.name) == (
        "Director of the Provincial Police",
        "Wen Daoming",
    )
    assert provincial.organisation == "Provincial Public Security Bureau"
    assert provincial.address == ("12 Lakeside Road", "Hefang 230000", "China")
    assert provincial.fax == "+86 551 0000 0000" and provincial.salutation == "Dear Director"
    assert (city.name, city.address[0], city.fax) == (
        "Gao Lirong",
        "8 Harbour Street",
        "+86 551 0000 0001",
    )
    # the third column is headed "And copies to:": its official is a copy
    assert minister.role is Role.COPY and minister.name == "Shen Kaiyu"
    assert minister.title == "Minister of Public Security"
    assert minister.emails == ("minister@security.example.cn",)
    assert provincial.role is Role.TARGET and city.role is Role.TARGET
    assert not draft.leftovers


def test_officials_in_two_columns_apart_by_tabs() -> None:
    text = (
        "URGENT ACTION\nSTUDENT DETAINED\nUA 9/30\nA student, Ivo Marin, was detained.\n"
        "WRITE TO:\n"
        "Minister of the Interior\tProsecutor General\n"
        "Petra Holm\tJonas Berg\n"
        "Ministry of the Interior\tOffice of the Prosecutor General\n"
        "1 Castle Square\t9 Court Street\n"
        "Salutation: Dear Minister\tSalutation: Dear Prosecutor General\n"
    )
    interior, prosecutor = parse_text(text).to_case(TODAY).officials
    assert (interior.name, interior.address, interior.salutation) == (
        "Petra Holm",
        ("1 Castle Square",),
        "Dear Minister",
    )
    assert (prosecutor.name, prosecutor.organisation, prosecutor.salutation) == (
        "Jonas Berg",
        "Office of the Prosecutor General",
        "Dear Prosecutor General",
    )


def test_columns_whose_gaps_were_lost_are_not_made_into_officials() -> None:
    """One space between the columns: the lines cannot be told apart, and nobody is made up
    from the mixture (the reviewer reads the leftovers)."""
    text = (
        "URGENT ACTION\nSTUDENT DETAINED\nUA 9/30\nA student, Ivo Marin, was detained.\n"
        "PLEASE SEND APPEALS BEFORE 3 MAY 2030 TO: Minister of the Interior Prosecutor "
        "General And copies to: Ministry of the Interior Office of the Prosecutor General\n"
        "[...]\n"
    )
    draft = parse_text(text)
    assert draft.officials == []
    assert any("Prosecutor" in x.text for x in draft.leftovers + draft.dropped)


def test_a_line_with_a_wide_gap_alone_is_no_table() -> None:
    from uaction_desktop.importer.columns import deinterleave

    lines = ["PERU:    Julio CASTAÑEDA ROJAS (m), aged 34, teacher", "Julio is a teacher."]
    assert deinterleave(lines) == lines


@pytest.mark.parametrize(
    ("lines", "title", "name"),
    [
        # an honorific on a line of its own belongs to the name under it
        (
            ["His Excellency", "Sheikh Hamid Al Noor", "Prime Minister", "PO Box 77, Doha"],
            "Prime Minister",
            "His Excellency Sheikh Hamid Al Noor",
        ),
        # a title line above the name
        (["Procurator", "Chen Wenli", "88 River Road, Hefang 230000"], "Procurator", "Chen Wenli"),
        # the title before the name with a comma, all on one line
        (
            ["Head of judiciary, Reza Amini c/o Embassy of Iran Avenue Louise 15, 1050 Brussels"],
            "Head of judiciary",
            "Reza Amini",
        ),
        # "H.E." glued to the name in a run-on line
        (
            ["H.E. Laila Karimi Permanent Mission of Elbonia 455 Second Avenue, New York"],
            "H.E.",
            "Laila Karimi",
        ),
        # a name, then the title in brackets (older documents)
        (
            ["Exmo Sr Paulo Lima (Minister of Justice)", "Ministério da Justiça", "Brasília"],
            "Minister of Justice",
            "Exmo Sr Paulo Lima",
        ),
    ],
)
def test_honorifics_and_titles_around_names(lines: list[str], title: str, name: str) -> None:
    from uaction_desktop.importer.names import Spellings
    from uaction_desktop.importer.officials import Block, parse_block

    official, _ = parse_block(Block(lines), Spellings(""))
    assert official is not None
    assert (official.value("title"), official.value("name")) == (title, name)


@pytest.mark.parametrize(
    ("line", "people"),
    [
        # surname first in capitals, no comma: that is the name's order, kept
        ("Name: ZHEN Wulan (m)", [("Zhen Wulan", "m")]),
        (
            "Names: NGUYEN Van Tam (m), TRAN Thi Lan (f)",
            [("Nguyen Van Tam", "m"), ("Tran Thi Lan", "f")],
        ),
        # surname, comma, given name: written the way a letter names the person
        (
            "Name: ORTEGA RUIZ, Ana (f); MENA, Luis (m)",
            [("Ana Ortega Ruiz", "f"), ("Luis Mena", "m")],
        ),
        ("Name: Ortega Ruiz, Ana (f)", [("Ana Ortega Ruiz", "f")]),
        # two names in natural order are not turned round
        (
            "Names: Ana Lopez, Ben Cruz and Eva Ruiz",
            [("Ana Lopez", ""), ("Ben Cruz", ""), ("Eva Ruiz", "")],
        ),
    ],
)
def test_surname_first_names(line: str, people: list[tuple[str, str]]) -> None:
    draft = parse_text(f"URGENT ACTION\nHELD WITHOUT CHARGE\nUA 12/30\n{line}\nThey were detained.")
    assert [(p.name.value, p.gender.value) for p in draft.people] == people


def test_people_three_to_a_line_and_with_roles_after_them() -> None:
    text = (
        "URGENT ACTION\nFAMILY DETAINED\nUA 5/30 Index: EUR 99/001/2030\n"
        "TURKEY Derya KAYA (f), aged 16\nMert KAYA, aged 12\nCan KAYA, aged 9\n"
        "The three children were taken from their home.\n"
        "Names: Lea Berg (f), Tom Berg (m), Ida Berg (f)\n"
    )
    draft = parse_text(text)
    assert [(p.name.value, p.gender.value) for p in draft.people] == [
        ("Derya Kaya", "f"),
        ("Mert Kaya", ""),
        ("Can Kaya", ""),
        ("Lea Berg", "f"),
        ("Tom Berg", "m"),
        ("Ida Berg", "f"),
    ]
    assert draft.value("country") == "Türkiye"  # the app's name for it


def test_a_name_spelt_two_ways_and_a_nickname_are_one_person() -> None:
    text = (
        "Sänger verschwunden\n\nDer bekannte Sänger Ruslan Dadaev aus Grosny wurde am 3. Mai "
        "von Männern in Uniform entführt.\n\nAppell an\n\nGENERALSTAATSANWALT\nIgor Petrov\n"
        "Generalstaatsanwaltschaft\nUlitsa Bolshaya 15a\n125993 Moskau\nRUSSLAND\n"
        "(Anrede: Dear Prosecutor General)\nFax: (007) 495 000 00 00\n\n"
        "Amnesty fordert:\n\n• Ich fordere Sie auf, den Verbleib von Ruslan Dadayev offenzulegen.\n"
    )
    assert [p.name.value for p in parse_text(text).people] == ["Ruslan Dadaev"]
    listed = parse_text(
        "Bloggers sentenced\n\nA court sentenced the bloggers Le Van Minh, known as Mai Tre, "
        "Do Thi Hoa and Vu Quang Hai to prison."
    )
    assert [p.name.value for p in listed.people] == ["Le Van Minh", "Do Thi Hoa", "Vu Quang Hai"]


def test_e_mails_a_web_page_hid_are_flagged_not_stored() -> None:
    text = (
        "Urgent Action: Teacher detained (Elbonia: UA 7.30)\n\nA teacher, Mara Lind, was "
        "detained.\n\nContact these officials by 1 June 2030:\n\n"
        "Minister Olaf Brandt Ministry of Justice 4 Main Street, Elbow City Phone: 555 0100 "
        "Email: [email protected] , [email protected] Salutation: Dear Minister\n"
    )
    (official,) = parse_text(text).officials
    emails = official.fields["emails"]
    assert emails.value == () and emails.confidence is Confidence.LOW
    assert "hid 2 e-mail" in emails.note and "original page" in emails.note


def test_the_greeting_of_a_model_letter_names_its_addressee_when_the_block_is_lost() -> None:
    text = (
        "AGISSEZ : ÉCRIVEZ AVEC VOS MOTS OU À PARTIR DU MODÈLE CI-DESSOUS\n"
        "Madame la Ministre de la Justice,\n"
        "Je vous écris au sujet de la militante Claire Dumont, arrêtée le 2 mai et toujours "
        "détenue sans inculpation.\n"
        "Je vous prie de la libérer immédiatement et sans condition\n[...]\n"
    )
    draft = parse_text(text)
    (official,) = draft.officials
    assert official.value("title") == "Ministre de la Justice"
    assert official.value("salutation") == "Madame la Ministre de la Justice"
    assert official.fields["title"].confidence is Confidence.LOW
    assert "no address" in official.fields["title"].note
    assert draft.document_type is not None and draft.document_type.value == "model-letter"


def test_a_cut_address_is_flagged_and_the_cut_is_no_address_line() -> None:
    text = (
        "Further information on UA 24/30 (AMR 99/01/30, 2 January 2030) - Death threats\n"
        "Brazil:Ana Lima\nAna Lima received threats.\nAPPEALS TO:\n"
        "Exmo Sr Paulo Lima (Minister of Justice)\nMinistério da Justiça\nRua das\n[...]\n"
    )
    (official,) = parse_text(text).officials
    assert official.value("name") == "Exmo Sr Paulo Lima"
    assert official.value("title") == "Minister of Justice"
    assert official.value("address") == ("Rua das",)
    assert official.fields["address"].confidence is Confidence.LOW
    assert "cut off" in official.fields["address"].note


def test_addressees_stacked_above_one_shared_letter_are_two_officials() -> None:
    text = (
        "Lima, 3/14/2030\n\n"
        "Sr. Ministro\nSr. Andrés Paredes Luna\nMinister of the Interior of Peru\n\n"
        "Sra. Fiscal General\nRosa Quispe Mamani\nAttorney General of Cusco Region, Peru\n\n"
        "Dear Sirs:\n\nWe are deeply worried by the threats made against the teacher Inés "
        "Calderón and ask you to protect her.\n\nSincerely,\n"
    )
    draft = parse_text(text)
    interior, attorney = draft.officials
    assert (interior.value("title"), interior.value("name")) == (
        "Sr. Ministro",
        "Andrés Paredes Luna",
    )
    assert interior.value("organisation") == "Minister of the Interior of Peru"
    assert (attorney.value("name"), attorney.value("organisation")) == (
        "Rosa Quispe Mamani",
        "Attorney General of Cusco Region, Peru",
    )
    # the shared greeting goes to both; no address is made up
    assert interior.value("salutation") == attorney.value("salutation") == "Dear Sirs"
    assert interior.value("address") == attorney.value("address") == ()
    assert "stacked above the letter" in attorney.fields["role"].note


def test_a_listed_name_ends_with_its_sentence_and_starts_at_its_title() -> None:
    from uaction_desktop.importer.prose_names import listed_names, recurring_names

    text = "Write for the release of Ana Lima, Ben Cruz and Eva Ruiz's. If you can, write today."
    assert listed_names(text) == ["Ana Lima", "Ben Cruz", "Eva Ruiz"]
    assert recurring_names(
        "Brother Tomas Ortiz was threatened.", "Protect Brother Tomas Ortiz"
    ) == ["Brother Tomas Ortiz"]


def test_a_long_name_with_particles_is_still_a_name_and_ids_keep_their_letters() -> None:
    text = (
        "URGENT ACTION\nDETAINED\nUA 3/30\nA man, Ali Hadi, was detained.\nAPPEALS TO:\n"
        "AUßENMINISTER\nShaikh Hamid bin Saad bin Yusuf Al Noor\nMinistry of Foreign Affairs\n"
        "P.O. Box 9120, Doha\nQatar\nSalutation: Your Excellency\n"
    )
    (official,) = parse_text(text).officials
    assert official.value("name") == "Shaikh Hamid bin Saad bin Yusuf Al Noor"
    assert official.value("organisation") == "Ministry of Foreign Affairs"
    assert official.value("id") == "aussenminister"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # the banner with the organisation's name in front is the heading, not the title
        (
            "AMNESTY INTERNATIONAL URGENT ACTION\nUA: 70/30 Index: ASA 99/007/2030 Issue Date: "
            "8 May 2030\n\nTEACHER HELD INCOMMUNICADO\n\nA teacher, Lan Vo, is held.",
            "Teacher held incommunicado",
        ),
        # a blog post's title tagged with its UA number
        (
            "Skip to main content\nAmnesty Group Blog\n\nACTION: Teachers Receive Threats "
            "(UA 180/30)\n\nDear letter writers,\n\nTwo teachers, Ana Lima (f) and Ben Cruz "
            "(m), were threatened.",
            "Teachers Receive Threats",
        ),
        # a title after a section's UA number
        (
            "UA-205/2030: FOLTERGEFAHR FÜR LEHRERIN\n\nDie Lehrerin Ana Lima wurde festgenommen.",
            "Foltergefahr für Lehrerin",
        ),
    ],
)
def test_titles_under_banners_tags_and_numbers(text: str, title: str) -> None:
    draft = parse_text(text)
    assert draft.value("title") == title
    assert all(p.name.value not in title for p in draft.people)  # a title's words are no person


def test_where_an_excerpt_stops_is_never_the_title() -> None:
    draft = parse_text("UA: 29/30 Index: AMR 99/030/2030 Date: 11 May 2030\n[...]")
    assert draft.value("title") == ""


def test_banner_title_and_first_sentence_run_together_on_one_line() -> None:
    text = (
        "UA: 29/30 Index: AMR 99/030/2030 Elbonia Date: 11 May 2030 URGENT ACTION TEACHERS "
        "THREATENED WITH DEATH At least 20 teachers received death threats after a strike.\n"
        "[...]\n"
    )
    draft = parse_text(text)
    assert draft.value("title") == "Teachers threatened with death"
    assert draft.value("summary").startswith("At least 20 teachers received")
    assert draft.value("ua") == "29/30" and draft.value("index") == "AMR 99/030/2030"
    assert [d.text for d in draft.dropped if "stops" in d.note] == ["[...]"]


def test_a_heading_naming_the_kind_of_body_over_the_bodys_name() -> None:
    from uaction_desktop.importer.names import Spellings
    from uaction_desktop.importer.officials import Block, parse_block

    lines = ["NICHTREGIERUNGSORGANISATION", "Comisión Ejemplo de Paz", "Calle 9, No. 1-2", "Lima"]
    official, _ = parse_block(Block(lines), Spellings(""))
    assert official is not None
    assert official.value("title") == "NICHTREGIERUNGSORGANISATION"
    assert official.value("organisation") == "Comisión Ejemplo de Paz"
    assert official.value("address") == ("Calle 9, No. 1-2", "Lima")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # the banner broken after "URGENT", the title in capitals over two lines
        (
            "URGENT\nACTION - Amnesty International 4 May 2030\nTEACHERS SENTENCED TO\n"
            "PRISON IN ELBONIA\nOn 2 May a court in Elbonia sentenced the teachers Ana Lima "
            "and Ben Cruz.",
            "Teachers sentenced to prison in Elbonia",
        ),
        # a section page: site chrome, the UA number, the country and the running time
        # above the title
        (
            "Amnesty Urgent Actions\nUA 142/30\nBelarus\nAktiv seit 3. Mai 2030 | Noch 17 Tage "
            "Laufzeit\n\nJunger Blogger wird vermisst\n\nAI-Index: EUR 99/3072/2030\n\n"
            "Der Blogger Tomas Weber wird seit dem 1. Mai vermisst. Tomas Weber schrieb über "
            "die Polizei.",
            "Junger Blogger wird vermisst",
        ),
    ],
)
def test_titles_under_a_broken_banner_or_a_ua_number(text: str, title: str) -> None:
    draft = parse_text(text)
    assert draft.value("title") == title
    assert all(p.name.value not in title for p in draft.people)


def test_capitalised_words_of_a_title_are_people_only_when_the_text_names_them() -> None:
    from uaction_desktop.importer.prose_names import recurring_names

    text = "Der Blogger Tomas Weber wird vermisst. Tomas Weber schrieb über die Polizei."
    assert recurring_names(text, "Junges Opfer von Folter Tomas Weber vermisst") == ["Tomas Weber"]


PAGE_FURNITURE = """\
• Kampagnen

Further information on UA 31/92 (AMR 99/02/92, 3 March) - Norland: fear for safety: Ana Sample

, Dokumentnummer: AMR 99/012/1992

EXTERNAL (for general distribution) AI Index: AMR 99/12/92
Distr: UA/SC
2 April 1992
Further information on UA 31/92 (AMR 99/02/92, 3 March 1992) - Fear for safety
Ana Sample, a teacher, has been threatened again after she spoke to journalists.
RECOMMENDED ACTION: Telegrams/telexes/faxes/airmail letters:
- urging the authorities to protect Ana Sample;
- asking for the results of the inquiry into the threats against her.
page 2 of FU 31/92
APPEALS TO:
Minister of the Interior
Ministry Street 4
Norcity, Norland
"""


def test_a_page_header_and_an_index_label_line_stay_out_of_the_case() -> None:
    """ "page 2 of FU 31/92" between the requests and the addresses, and a web page's label
    line holding only the document's index, are furniture: dropped, with their reasons."""
    draft = parse_text(PAGE_FURNITURE)
    case = draft.to_case(TODAY)
    assert case.asks[-1].endswith("the threats against her.")
    assert "Dokumentnummer" not in case.summary
    dropped = {leftover.text: leftover.note for leftover in draft.dropped}
    assert "page 2 of FU 31/92" in dropped
    assert any("AMR 99/012/1992" in text for text in dropped)
