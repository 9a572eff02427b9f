"""Letters in English, French, Spanish and German (issue 14): every official of the bundled case
in every language, read back from the real PDF, and two more cases written in our own words
(one whose own language is French, one Spanish), for writers in Berlin, Lyon, Madrid and Leeds.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pypdf
import pytest

from tests.conftest import BUNDLED_CASE, CASE_ACTIVE_DAY
from tests.pages import save_pngs
from uaction_desktop.casefile import load_case_file
from uaction_desktop.cli import main
from uaction_desktop.compose import (
    LanguageError,
    compose_email,
    compose_letter,
    compose_phone,
    compose_social,
    fax_cover_lines,
    letter_language,
)
from uaction_desktop.model import Case
from uaction_desktop.pdf.fax import render_fax
from uaction_desktop.pdf.letter import render_letter
from uaction_desktop.profile import SenderProfile

DAY = date(2026, 12, 2)
LEEDS = SenderProfile(
    name="Jane Doe", address=("1 High Street", "Leeds LS1 1AA"), country="GB", group="Group 42"
)
BERLIN = SenderProfile(
    name="Anna Schmidt",
    address=("Lindenstraße 12", "10969 Berlin"),
    country="Deutschland",
    group="Amnesty International Gruppe 1234",
    email="anna@example.org",
)
LYON = SenderProfile(
    name="Claire Martin",
    address=("12 rue de la République", "69002 Lyon"),
    country="France",
    group="Amnesty International, groupe de Lyon",
)
MADRID = SenderProfile(name="Lucía García", address=("Calle Mayor 5", "28013 Madrid"), country="ES")
WRITERS = {"en": LEEDS, "de": BERLIN, "fr": LYON, "es": MADRID}

# What each language's frame says, and the English frame words none of the others may keep.
DATE_LINES = {
    "en": "2 December 2026",
    "de": "Berlin, 2. Dezember 2026",
    "fr": "Lyon, le 2 décembre 2026",
    "es": "Madrid, 2 de diciembre de 2026",
}
SALUTATIONS = {
    ("en", "prosecutor-general"): "Dear Prosecutor General,",
    ("en", "ambassador"): "Dear Ambassador,",
    ("de", "prosecutor-general"): "Sehr geehrter Herr Generalstaatsanwalt,",
    ("de", "ambassador"): "Sehr geehrter Herr Botschafter,",
    ("fr", "prosecutor-general"): "Monsieur le Procureur général,",
    ("fr", "ambassador"): "Monsieur l’Ambassadeur,",
    ("es", "prosecutor-general"): "Excelentísimo Señor Fiscal General:",
    ("es", "ambassador"): "Excelentísimo Señor Embajador:",
}
CLOSINGS = {
    "en": "Yours sincerely,",
    "de": "Mit freundlichen Grüßen",
    "es": "Atentamente,",
}
ENGLISH_FRAME = re.compile(
    r"\b(Dear|Yours|sincerely|Sincerely|writing|urge|Thank|thank|concern|regards|continued|"
    r"Page \d|Woman detained|Since 13 March|Urging|Calling)\b"
)
GERMAN_FRAME = re.compile(r"\b(Sehr geehrte|Mit freundlichen|ich wende|Ich schreibe)\b")
FRENCH_FRAME = re.compile(r"\b(Monsieur|Je vous|agréer)\b")
SPANISH_FRAME = re.compile(r"\b(Excelentísimo|Le escribo|Atentamente)\b")


def _text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return " ".join(text.replace("\u00a0", " ").split())


@pytest.mark.parametrize("language", ["en", "fr", "es", "de"])
@pytest.mark.parametrize("official_id", ["prosecutor-general", "ambassador"])
def test_a_letter_to_each_official_in_each_language(
    case: Case, language: str, official_id: str, tmp_path: Path
) -> None:
    official = case.official(official_id)
    assert official is not None
    letter = compose_letter(case, official, WRITERS[language], today=DAY, language=language)
    result = render_letter(letter)
    assert result.warnings == []
    text = _text(result.pdf)
    assert " ".join(SALUTATIONS[(language, official_id)].split()) in text
    assert DATE_LINES[language] in text
    if language == "fr":
        salutation = SALUTATIONS[(language, official_id)].rstrip(",")
        assert f"Je vous prie d’agréer, {salutation}, l’expression de ma haute" in text
    else:
        assert CLOSINGS[language] in text
    body = text.split(SALUTATIONS[(language, official_id)].split()[0], 1)[1]
    if language != "en":
        # The frame and the case's text are in the letter's language; only the published
        # address block (before the salutation) and names stay as the case gives them.
        assert not ENGLISH_FRAME.search(body), ENGLISH_FRAME.search(body)
    others = {"de": GERMAN_FRAME, "fr": FRENCH_FRAME, "es": SPANISH_FRAME}
    for other, pattern in others.items():
        if other != language:
            assert not pattern.search(body), (other, pattern.search(body))
    pdf = pypdf.PdfReader(io.BytesIO(result.pdf))
    title = pdf.metadata.title
    assert {"en": "Letter to", "fr": "Lettre à", "es": "Carta a", "de": "Brief an"}[
        language
    ] in title
    save_pngs(result.pdf, 60, tmp_path, f"{language}-{official_id}")  # rendered: it draws


def test_german_letters_go_on_in_lower_case_after_the_salutation(case: Case) -> None:
    for variant in range(27):
        letter = compose_letter(case, case.officials[0], BERLIN, today=DAY, variant=variant)
        assert letter.language == "de"  # no language in the profile: the system's German
        assert letter.paragraphs[0][0].islower(), letter.paragraphs[0]


@pytest.fixture(autouse=True)
def german_system(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Berlin writer's desktop speaks German; the others set their language themselves."""
    monkeypatch.setenv("LANG", "de_DE.UTF-8")


def test_the_default_language_is_the_profiles_where_the_case_has_it(case: Case) -> None:
    assert letter_language(case, replace(LYON, language="fr")) == "fr"
    assert letter_language(case, replace(LEEDS, language="en")) == "en"
    assert letter_language(case, BERLIN) == "de"  # no language set: the system's (German)
    english_only = replace(case, translations=())
    assert letter_language(english_only, replace(LYON, language="fr")) == "en"  # its own


def test_a_language_the_case_cannot_fill_is_refused_naming_those_it_can(case: Case) -> None:
    english_and_french = replace(case, translations=case.translations[:1])
    with pytest.raises(LanguageError) as raised:
        compose_letter(english_and_french, case.officials[0], LEEDS, today=DAY, language="de")
    assert str(raised.value) == (
        "UA 63/18 has no appeal points in German; it can be written in English (en) or French (fr)"
    )
    with pytest.raises(LanguageError, match="'it' is not a letter language"):
        letter_language(case, LEEDS, "it")


@pytest.mark.parametrize("language", ["fr", "es", "de"])
def test_email_phone_social_and_fax_in_each_language(case: Case, language: str) -> None:
    writer = WRITERS[language]
    ambassador, prosecutor = case.official("ambassador"), case.official("prosecutor-general")
    assert ambassador is not None and prosecutor is not None
    letter = compose_letter(case, ambassador, writer, today=DAY, language=language)
    email = compose_email(case, ambassador, letter)
    assert (
        email.subject
        == {
            "fr": "Appel en faveur d’Akmaral Tobylova (Kazakhstan)",
            "es": "Llamamiento en favor de Akmaral Tobylova (Kazajistán)",
            "de": "Appell für Akmaral Tobylova (Kasachstan)",
        }[language]
    )
    assert email.text.startswith(SALUTATIONS[(language, "ambassador")])
    phone = compose_phone(case, ambassador, writer, language=language).text
    assert {"fr": "Bonjour.", "es": "Buenos días.", "de": "Guten Tag."}[language] in phone
    # the requests keep the official's "vous"/"Sie"/"usted": quoted, they are a message to pass
    # on, not something asked of whoever answers
    opening, closing = {"fr": ("«\u00a0", "\u00a0»"), "es": ("«", "»"), "de": ("„", "“")}[language]
    paragraphs = phone.split("\n\n")
    first = next(i for i, p in enumerate(paragraphs) if p.startswith(opening))
    assert paragraphs[first - 1].rstrip().endswith(("?", ":"))
    assert paragraphs[-2].endswith(closing) and phone.count(opening) == 1
    assert not ENGLISH_FRAME.search(phone)
    social = compose_social(case, ambassador, language=language).text
    assert len(social) <= 280
    assert social.endswith(
        {"fr": "#Kazakhstan", "es": "#Kazajistán", "de": "#Kasachstan"}[language]
    )
    fax_letter = compose_letter(case, prosecutor, writer, today=DAY, language=language)
    labels = [label for label, _ in fax_cover_lines(fax_letter, prosecutor, 2)]
    assert labels[0] == {"fr": "À", "es": "Para", "de": "An"}[language]
    fax = _text(render_fax(fax_letter, prosecutor).pdf)
    assert {"fr": "TÉLÉCOPIE", "es": "FAX", "de": "FAX"}[language] in fax
    assert "Pages:" not in fax and "including this cover" not in fax


def test_french_closings_repeat_the_salutation_and_know_majesty() -> None:
    from uaction_desktop.letter_frame import frame

    french = frame("fr")
    assert french.closing("Madame la Ministre") == (
        "Je vous prie d’agréer, Madame la Ministre, l’expression de ma haute considération."
    )
    assert french.closing("Madame, Monsieur").endswith("mes salutations distinguées.")
    assert french.closing("Votre Majesté") == (
        "Je prie Votre Majesté d’agréer l’expression de mon très profond respect."
    )
    assert frame("de").closing("Exzellenz") == "Mit vorzüglicher Hochachtung"


# ------------------------------------------------------------ two cases in our own words

FRENCH_CASE = """format = 2
language = "fr"
ua = "77/26"
title = "Une avocate menacée après avoir défendu des manifestants"
country = "Tunisie"
issued = 2026-11-20
deadline = 2027-01-08
summary = "Une avocate reçoit des menaces de mort depuis qu’elle défend des manifestants."
asks = [
    "Je vous demande de garantir sans délai la sécurité de Salma Ben Ali ;",
    "Je vous prie d’ouvrir une enquête impartiale sur les menaces qu’elle a reçues.",
]

[translations.de]
summary = "Eine Anwältin erhält Morddrohungen, seit sie Demonstrierende verteidigt."
asks = [
    "Ich fordere Sie auf, die Sicherheit von Salma Ben Ali umgehend zu gewährleisten.",
    "Bitte leiten Sie eine unparteiische Untersuchung der Drohungen gegen sie ein.",
]

[[people]]
name = "Salma Ben Ali"
gender = "f"

[[officials]]
id = "ministre"
title = "Ministre de l’Intérieur"
name = "Mme Leïla Trabelsi"
address = ["Avenue Habib Bourguiba", "1000 Tunis"]
country = "Tunisie"
salutation = "Madame la Ministre"

[[officials]]
id = "ambassade"
role = "copy"
title = "Ambassadeur"
name = "M. Karim Haddad"
organisation = "Ambassade de Tunisie"
address = ["Lindenallee 16", "14050 Berlin"]
country = "Allemagne"
"""

SPANISH_CASE = """format = 2
language = "es"
ua = "81/26"
title = "Periodista detenido sin cargos"
country = "Ruritania"
issued = 2026-11-25
deadline = 2027-01-15
summary = "Un periodista permanece detenido sin cargos desde octubre."
asks = ["Le pido que ponga en libertad a Tomás Ruiz de inmediato."]

[translations.en]
asks = ["Urging them to release Tomás Ruiz immediately."]

[[people]]
name = "Tomás Ruiz"
gender = "m"

[[officials]]
id = "fiscal"
title = "Fiscal General"
name = "Sra. Elena Castro"
address = ["Calle de la Justicia 1", "Strelsau"]
country = "Ruritania"
salutation = "Excelentísima Señora Fiscal General"
"""


def _load(tmp_path: Path, text: str) -> Case:
    path = tmp_path / "case.toml"
    path.write_text(text, encoding="utf-8")
    result = load_case_file(path)
    assert result.problems == []
    assert result.case is not None
    return result.case


def test_a_french_case_written_from_lyon_and_from_berlin(tmp_path: Path) -> None:
    case = _load(tmp_path, FRENCH_CASE)
    assert case.letter_languages == ("fr", "de")
    minister, embassy = case.officials
    by_default = compose_letter(case, minister, LYON, today=DAY)
    assert by_default.language == "de"  # the system's German, which the case can fill
    french = compose_letter(case, minister, LYON, today=DAY, language="fr")
    assert french.salutation == "Madame la Ministre"
    assert french.paragraphs[0] == (
        "Je vous écris pour vous faire part de ma vive inquiétude quant à la situation de "
        "Salma Ben Ali, en Tunisie."
    )
    assert french.paragraphs[2] == (
        "Je vous demande de garantir sans délai la sécurité de Salma Ben Ali."
    )
    assert french.closing == (
        "Je vous prie d’agréer, Madame la Ministre, l’expression de ma haute considération."
    )
    assert french.date_text == "Lyon, le 2 décembre 2026"
    # German: the table's salutation, in the gender the case shows ("Mme", "Madame la").
    german = compose_letter(case, minister, BERLIN, today=DAY, language="de")
    assert german.salutation == "Sehr geehrte Frau Ministerin"
    assert german.paragraphs[0].startswith("ich ")
    assert german.paragraphs[0].endswith("Salma Ben Ali in Tunesien an Sie.")
    assert german.recipient_lines[-1] == "TUNESIEN"  # from Berlin: in German
    # The embassy is in Berlin: from Berlin no country line ("Allemagne" is Germany).
    to_embassy = compose_letter(case, embassy, BERLIN, today=DAY, language="de")
    assert to_embassy.recipient_lines[-1] == "14050 Berlin"
    assert to_embassy.salutation == "Sehr geehrter Herr Botschafter"  # "M." shows it
    with pytest.raises(LanguageError, match="it can be written in French \\(fr\\) or German"):
        compose_letter(case, minister, LEEDS, today=DAY, language="en")


def test_a_spanish_case_in_spanish_and_english(tmp_path: Path) -> None:
    case = _load(tmp_path, SPANISH_CASE)
    assert case.letter_languages == ("es", "en")
    fiscal = case.officials[0]
    spanish = compose_letter(case, fiscal, MADRID, today=DAY)  # no German: its own Spanish
    assert spanish.language == "es"
    assert spanish.greeting == "Excelentísima Señora Fiscal General:"
    assert spanish.date_text == "Madrid, 2 de diciembre de 2026"
    assert "Le pido que ponga en libertad a Tomás Ruiz de inmediato." in spanish.paragraphs
    english = compose_letter(case, fiscal, LEEDS, today=DAY, language="en")
    assert english.salutation == "Dear Prosecutor General"  # by the English table
    assert "I urge you to release Tomás Ruiz immediately." in english.paragraphs
    assert (
        english.paragraphs[0]
        == "I am writing to express my deep concern for Tomás Ruiz in Ruritania."
    )


def test_a_case_in_a_language_without_letters_asks_for_a_translation(tmp_path: Path) -> None:
    text = SPANISH_CASE.replace('language = "es"', 'language = "it"')
    text = text.replace(
        '[translations.en]\nasks = ["Urging them to release Tomás Ruiz immediately."]\n', ""
    )
    case = _load(tmp_path, text)
    assert case.letter_languages == ()
    with pytest.raises(LanguageError, match="add a translation of its appeal points"):
        compose_letter(case, case.officials[0], MADRID, today=DAY)


# ------------------------------------------------------------ the command line


def test_uaction_letter_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--today", CASE_ACTIVE_DAY.isoformat(), "letter", "63/18", "--to", "2"]
    assert main([*args, "--language", "es", "--text", "--sender-name", "Lucía"]) == 0
    out = capsys.readouterr().out
    assert "Excelentísimo Señor Embajador:" in out
    assert "Atentamente," in out
    # LANG=de here: the interface would speak German; --lang en reads the English message.
    assert main(["--lang", "en", *args, "--language", "it", "--text"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("uaction: 'it' is not a letter language")
    assert "English (en), French (fr), Spanish (es) or German (de)" in err
    pdf = tmp_path / "brief.pdf"
    assert main([*args, "--language", "de", "--output", str(pdf)]) == 0
    assert "Sehr geehrter Herr Botschafter," in _text(pdf.read_bytes())
    assert main([*args, "--language", "fr", "--channel", "phone"]) == 0
    assert "Pourriez-vous transmettre le message suivant" in capsys.readouterr().out


def test_uaction_pack_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "pack.pdf"
    args = ["--today", CASE_ACTIVE_DAY.isoformat(), "pack", "--case", "63/18", "-o", str(out)]
    assert main([*args, "--language", "fr", "--no-briefings", "--no-cover"]) == 0
    text = _text(out.read_bytes())
    assert text.count("Je vous prie d’agréer") == 2
    assert "Monsieur l’Ambassadeur" in text
    assert main(["--lang", "en", *args, "--language", "nl"]) == 1
    assert "'nl' is not a letter language" in capsys.readouterr().err


def test_bundled_case_is_format_2_with_three_translations() -> None:
    result = load_case_file(BUNDLED_CASE)
    assert result.ok
    assert result.case is not None
    assert result.case.letter_languages == ("en", "fr", "es", "de")
    for official in result.case.officials:
        assert {code for code, _ in official.salutations} == {"fr", "es", "de"}


def test_an_english_letter_never_borrows_the_spanish_title(tmp_path: Path) -> None:
    """Without people, a letter names the case by its title: the translation has none, so
    the English letter goes without it rather than quote the Spanish one."""
    text = (
        SPANISH_CASE.split("[[people]]")[0]
        + "[[officials]]"
        + SPANISH_CASE.split("[[officials]]")[1]
    )
    case = _load(tmp_path, text)
    letter = compose_letter(case, case.officials[0], LEEDS, today=DAY, language="en")
    assert letter.paragraphs[0] == (
        "I am writing to express my deep concern about a case in Ruritania."
    )
    assert "Periodista" not in letter.as_text()
    assert letter.subject == "UA 81/26, Ruritania"
    spanish = compose_letter(case, case.officials[0], MADRID, today=DAY, language="es")
    assert spanish.paragraphs[0] == (
        "Le escribo para expresarle mi profunda preocupación por un caso en Ruritania: "
        "«Periodista detenido sin cargos»."
    )


def test_uaction_profile_language_sets_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    """In the test's own home (conftest): the profile's language decides the letter's."""
    assert main(["profile", "--language", "es", "--name", "Lucía García"]) == 0
    assert "language: es" in capsys.readouterr().out
    assert main(["--today", "2018-04-02", "letter", "63/18", "--to", "2", "--text"]) == 0
    assert "Excelentísimo Señor Embajador:" in capsys.readouterr().out
    assert main(["profile", "--language", "system"]) == 0  # said in Spanish, still the profile's
    assert "language: de (el idioma del sistema)" in capsys.readouterr().out  # LANG=de here
    assert main(["--lang", "en", "profile"]) == 0
    assert "language: de (the system's language)" in capsys.readouterr().out
    assert main(["--today", "2018-04-02", "letter", "63/18", "--to", "2", "--text"]) == 0
    assert "Sehr geehrter Herr Botschafter," in capsys.readouterr().out


def test_uaction_show_names_the_letter_languages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "--today", "2018-04-02", "show", "63/18"]) == 0
    out = capsys.readouterr().out
    assert "Letters:  English (en), French (fr), Spanish (es), German (de)\n" in out
    assert main(["--today", "2018-04-02", "show", "63/18"]) == 0  # LANG=de: the interface too
    out = capsys.readouterr().out
    assert "Briefe:         Englisch (en), Französisch (fr), Spanisch (es), Deutsch (de)\n" in out


def test_an_english_letter_names_countries_in_english(tmp_path: Path) -> None:
    """A French case's "Tunisie" and a writer's "Deutschland" are English in English letters;
    a case's own English spelling ("USA") stays."""
    text = FRENCH_CASE.replace("[translations.de]", "[translations.en]").replace(
        "Ich fordere Sie auf, die Sicherheit von Salma Ben Ali umgehend zu gewährleisten.",
        "Urging them to ensure the safety of Salma Ben Ali.",
    )
    text = text.replace(
        '    "Bitte leiten Sie eine unparteiische Untersuchung der Drohungen gegen sie ein.",\n',
        "",
    ).replace(
        'summary = "Eine Anwältin erhält Morddrohungen, seit sie Demonstrierende verteidigt."\n',
        "",
    )
    case = _load(tmp_path, text)
    writer = replace(LEEDS, country="Deutschland", group="")
    letter = compose_letter(case, case.officials[0], writer, today=DAY, language="en")
    assert letter.paragraphs[0].endswith("Salma Ben Ali in Tunisia.")
    assert "I urge you to ensure the safety of Salma Ben Ali." in letter.paragraphs
    assert any(p.startswith("I am writing to you from Germany") for p in letter.paragraphs)
    assert letter.subject == "Salma Ben Ali, Tunisia"


@pytest.mark.parametrize(
    ("address", "place"),
    [
        (("Lindenstraße 12", "10969 Berlin"), "Berlin"),
        (("Lindenstraße 12", "10969 Berlin", "GERMANY"), "Berlin"),
        (("1 rue Mercière", "69002 Lyon Cedex 02"), "Lyon"),
        (("Av. Reforma 1", "06000 Ciudad de México, CDMX"), "Ciudad de México"),
        (("Hauptplatz 1", "1010 Wien"), "Wien"),
        (("1234 Main Street", "Springfield, IL 62701"), ""),
        (("1234 Main Street",), ""),
        # an address on one line, as a roster's cell may hold it
        (("5 place Bellecour, 69002 Lyon",), "Lyon"),
        (("Lindenstraße 12, 10969 Berlin, Deutschland",), "Berlin"),
        (("Flat 2, 1200 rue Sainte-Catherine",), ""),  # a house number, not a postcode
        (("12 Elm Street, Springfield, IL 62701",), ""),
        ((), ""),
    ],
)
def test_the_town_of_the_date_line(address: tuple[str, ...], place: str) -> None:
    from uaction_desktop.letter_frame import sender_place

    assert sender_place(address) == place


def test_date_lines_as_the_writers_country_writes_them(case: Case) -> None:
    vienna = SenderProfile(name="Eva", address=("Hauptplatz 1", "1010 Wien"), country="AT")
    january = compose_letter(case, case.officials[0], vienna, today=date(2027, 1, 1), language="de")
    assert january.date_text == "Wien, 1. Jänner 2027"  # Austrian German (Babel de_AT)
    first = compose_letter(case, case.officials[0], LYON, today=date(2027, 1, 1), language="fr")
    assert first.date_text == "Lyon, le 1er janvier 2027"
    nowhere = replace(LYON, address=())
    assert compose_letter(case, case.officials[0], nowhere, today=DAY, language="fr").date_text == (
        "Le 2 décembre 2026"
    )


def test_a_pack_leaves_out_a_case_no_letter_can_be_written_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    """A Dutch document without translations (the app writes no Dutch letters) in the user's
    cases: the pack of all active cases still prints, without it, and says why."""
    cases = isolated_home / "data" / "cases"
    cases.mkdir(parents=True)
    dutch = SPANISH_CASE.replace('language = "es"', 'language = "nl"').replace(
        '[translations.en]\nasks = ["Urging them to release Tomás Ruiz immediately."]\n', ""
    )
    (cases / "ua-81-26.toml").write_text(
        dutch.replace("2026-11-25", "2018-03-30").replace("2027-01-15", "2018-06-30"),
        encoding="utf-8",
    )
    out = tmp_path / "pack.pdf"
    assert (
        main(["--lang", "en", "--today", "2018-04-02", "pack", "-o", str(out), "--no-briefings"])
        == 0
    )
    err = capsys.readouterr().err
    assert "UA 81/26 is written in Dutch" in err and "no letters in this pack" in err
    assert "Tomás Ruiz" not in _text(out.read_bytes())
    assert (
        main(["--lang", "en", "--today", "2018-04-02", "pack", "--case", "81/26", "-o", str(out)])
        == 1
    )
    assert "add a translation of its appeal points" in capsys.readouterr().err


def test_a_summary_that_only_repeats_the_title_is_not_said_twice(case: Case) -> None:
    """A page with no summary of its own is imported with its title as the summary: the
    letter names the title once, not again as a paragraph of its own."""
    german = case.text("de")
    assert german is not None
    same = replace(
        case,
        translations=tuple(
            replace(t, summary=t.title + ".") if t.language == "de" else t
            for t in case.translations
        ),
    )
    ambassador = same.official("ambassador")
    assert ambassador is not None
    letter = compose_letter(same, ambassador, BERLIN, today=DAY, language="de")
    assert german.title + "." not in letter.paragraphs
    assert sum(german.title in p for p in letter.paragraphs) <= 1
