"""A pasted or imported letter's own greeting and sign-off go, in every letter language; the
table's salutations in French, Spanish and German (issue 14, scope items 2 and 4)."""

from __future__ import annotations

import pytest

from uaction_desktop.letter_text import body_paragraphs
from uaction_desktop.model import Official
from uaction_desktop.salutations import official_gender, salutation_for


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "Sehr geehrter Herr Generalstaatsanwalt,\n\nbitte lassen Sie sie frei.\n\n"
            "Mit freundlichen Grüßen\n[Ihr Name]",
            ["bitte lassen Sie sie frei."],
        ),
        (
            "Sehr geehrte Damen und Herren,\nich schreibe Ihnen.\n\nHochachtungsvoll",
            ["ich schreibe Ihnen."],
        ),
        (
            "Monsieur le Procureur général,\n\nJe vous demande de la libérer.\n\n"
            "Veuillez agréer, Monsieur le Procureur général, l’expression de ma haute "
            "considération.\n\n[Votre nom]",
            ["Je vous demande de la libérer."],
        ),
        (
            "Madame, Monsieur,\n\nJe vous écris.\n\nJe vous prie d'agréer, Madame, Monsieur, "
            "l'expression de mes salutations distinguées.",
            ["Je vous écris."],
        ),
        (
            "Excelentísimo Señor Fiscal General:\n\nLe pido que la libere.\n\nAtentamente,\n"
            "[Su nombre]",
            ["Le pido que la libere."],
        ),
        ("Estimada Señora Ministra:\nLe escribo.\n\nUn cordial saludo,", ["Le escribo."]),
        ("Dear Minister,\n\nPlease act.\n\nSincerely yours,\n[Your name]", ["Please act."]),
        ("Please act.\n\nVery truly yours,\n\n[Your name]\n[Your address]", ["Please act."]),
        # Text that only starts like a greeting is the letter's own.
        (
            "Monsieur Dupont a été arrêté le 3 mai.\n\nLibérez-le.",
            ["Monsieur Dupont a été arrêté le 3 mai.", "Libérez-le."],
        ),
        (
            "Señor Ministro, le escribo porque me preocupa.\n\nGracias.",
            ["Señor Ministro, le escribo porque me preocupa.", "Gracias."],
        ),
        (
            "Atentamente seguimos el caso.\n\nGracias.",
            ["Atentamente seguimos el caso.", "Gracias."],
        ),
    ],
)
def test_greetings_and_sign_offs_go_in_every_language(text: str, kept: list[str]) -> None:
    assert body_paragraphs(text) == kept


def test_a_pasted_whole_german_letter_keeps_only_its_text() -> None:
    text = (
        "Anna Schmidt\nLindenstraße 12\n10969 Berlin\n\nBerlin, 2. Dezember 2026\n\n"
        "Sehr geehrter Herr Botschafter,\n\nich bitte Sie, sich für sie einzusetzen.\n\n"
        "Mit freundlichen Grüßen\nAnna Schmidt"
    )
    assert body_paragraphs(text) == ["ich bitte Sie, sich für sie einzusetzen."]


@pytest.mark.parametrize(
    ("official", "language", "expected"),
    [
        (
            Official(id="a", title="Minister of Justice", name="Mr Ivan Petrov"),
            "fr",
            "Monsieur le Ministre",
        ),
        (
            Official(id="a", title="Minister of Justice", name="Ms Anna Petrova"),
            "de",
            "Sehr geehrte Frau Ministerin",
        ),
        (
            Official(id="a", title="Minister of Justice", name="Anna Petrova"),
            "de",
            "Sehr geehrte Damen und Herren",
        ),  # the gender is not shown: never guessed
        (
            Official(id="a", title="Minister of Justice", name="Anna Petrova"),
            "es",
            "Distinguida señora, distinguido señor",
        ),
        (
            Official(id="a", title="Minister", salutation="Dear Mrs Petrova"),
            "es",
            "Excelentísima Señora Ministra",
        ),  # the English salutation shows the gender
        (Official(id="a", title="Ambassador", name="H.E. Mr Liu Xiaoming"), "fr", "Excellence"),
        (Official(id="a", title="King of Saudi Arabia"), "de", "Eure Majestät"),
        (Official(id="a", title="Emir of the State of Qatar"), "fr", "Votre Altesse"),
        (Official(id="a", name="Sultan Al-Otaibi"), "fr", "Madame, Monsieur"),
        (
            Official(id="a", title="Deputy Prosecutor General", name="Mr Ivan Petrov"),
            "de",
            "Sehr geehrte Damen und Herren",
        ),  # never as the Prosecutor General
        (
            Official(id="a", title="Director of Prince Sultan Prison", name="Mr Fahd"),
            "es",
            "Señor Director",
        ),
        (
            Official(id="a", title="Fiscal General", name="Sra. Elena Castro"),
            "en",
            "Dear Prosecutor General",
        ),
        (Official(id="a", title="Generalstaatsanwältin"), "fr", "Madame la Procureure générale"),
    ],
)
def test_tables_by_language(official: Official, language: str, expected: str) -> None:
    assert salutation_for(official, language, own="") == expected


def test_gender_only_where_the_case_shows_it() -> None:
    assert official_gender(Official(id="a", name="Herr Müller")) == "m"
    assert official_gender(Official(id="a", name="Mme Dupont")) == "f"
    assert official_gender(Official(id="a", name="Kim Lee")) == ""
    assert official_gender(Official(id="a"), ("Dear Sir or Madam",)) == ""
    assert official_gender(Official(id="a"), ("Estimada Señora Fiscal",)) == "f"
    # Contradictory hints: no gender at all.
    assert official_gender(Official(id="a", name="Mr Lee"), ("Sehr geehrte Frau Lee",)) == ""


def test_appeal_points_in_other_languages_become_sentences_of_the_letter() -> None:
    from uaction_desktop.requests import requests_in

    assert requests_in("fr", ["Demandez-leur de libérer Ana ;", "je vous prie d’enquêter"]) == [
        "Je vous demande de libérer Ana.",
        "Je vous prie d’enquêter.",
    ]
    assert requests_in("de", ["Fordern Sie die Behörden auf, Ana freizulassen,"]) == [
        "Ich fordere Sie auf, Ana freizulassen."
    ]
    assert requests_in("es", ["Instando a las autoridades a liberar a Ana;", " "]) == [
        "Le insto a liberar a Ana."
    ]
    assert requests_in("es", ["¿Por qué sigue detenida?"]) == ["¿Por qué sigue detenida?"]


def test_french_de_and_spanish_and() -> None:
    from uaction_desktop.letter_frame import frame, french_de

    assert french_de("Akmaral Tobylova") == "d’Akmaral Tobylova"
    assert french_de("Jean Dupont") == "de Jean Dupont"
    assert french_de("Groupe 42 de Lyon") == "du Groupe 42 de Lyon"
    assert french_de("Les Amis de la liberté") == "des Amis de la liberté"
    assert french_de("Élodie Roux") == "d’Élodie Roux"
    assert frame("es").join(["Ana", "Isabel"]) == "Ana e Isabel"
    assert frame("es").join(["Ana", "Hierro"]) == "Ana y Hierro"
    assert frame("fr").join(["A", "B", "C"]) == "A, B et C"
    assert frame("de").join(["A", "B"]) == "A und B"
