"""Salutations by rule where the case gives none; greetings and sign-offs in a body go once;
a body cut off in the source is flagged (issue 11, scope item 4)."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import BUNDLED_CASE, CASE_ACTIVE_DAY, FIXTURES
from uaction_desktop.cli import main
from uaction_desktop.compose import compose_letter
from uaction_desktop.letter_text import body_paragraphs, truncation_warning
from uaction_desktop.model import Official, Role
from uaction_desktop.profile import SenderProfile
from uaction_desktop.salutations import salutation_for, salutation_table

WRITER = SenderProfile(name="Jane Doe", address=("1 High Street", "Leeds LS1 1AA"), country="GB")
JUDICIARY_HEAD = Official(
    id="judiciary",
    title="Head of the Judiciary",
    name="Gholamhossein Mohseni Ejei",
    address=("Office of the Head of the Judiciary", "Tehran"),
    country="Iran",
    salutation="Dear Mr. Gholamhossein Mohseni Ejei",
)
MODEL = (
    "Dear Mr. Gholamhossein Mohseni Ejei,\n\n"
    "I am writing to ask you to release the teacher held since May.\n\n"
    "Yours sincerely,\n[your name]"
)


@pytest.mark.parametrize(
    ("title", "name", "expected"),
    [
        ("", "His Excellency Mr Liu Xiaoming", "Your Excellency"),
        ("Ambassador", "Liu Xiaoming", "Dear Ambassador"),
        ("King of Saudi Arabia", "Salman bin Abdulaziz Al Saud", "Your Majesty"),
        ("", "His Majesty King Salman bin Abdulaziz Al Saud", "Your Majesty"),
        # A royal word opening a name is a name, not a style (issue 14's review):
        ("", "King Salman bin Abdulaziz Al Saud", "Dear Sir or Madam"),
        ("", "Sultan Al-Otaibi", "Dear Sir or Madam"),
        ("Director of Prince Sultan Prison", "Sultan Al-Otaibi", "Dear Director"),
        ("Emir of the State of Qatar", "Tamim bin Hamad Al Thani", "Your Highness"),
        ("Sultan of Oman", "", "Your Majesty"),
        ("Deputy Prosecutor General", "Ivan Petrov", "Dear Deputy Prosecutor General"),
        ("Acting Minister of Justice", "", "Dear Acting Minister"),
        ("The Prosecutor General", "", "Dear Prosecutor General"),
        ("Head of the Presidential Administration", "", "Dear Sir or Madam"),
        ("", "He Weifang", "Dear Sir or Madam"),  # a surname, not "H.E."
        ("", "HE Weifang", "Dear Sir or Madam"),  # a surname in capitals, as pages write them
        ("", "HE Tomas Ander Vellinga", "Your Excellency"),  # British usage for H.E.
        ("", "HE Tomas Ander VELLINGA", "Dear Sir or Madam"),  # surnames in capitals: a name
        ("President", "HM Tomas Ander Vellinga", "Your Majesty"),
        ("", "H.E. Mr Liu Xiaoming", "Your Excellency"),
        ("President of the Republic", "Kassym-Jomart Tokayev", "Dear President"),
        ("Minister of the Interior", "Ana Pérez", "Dear Minister"),
        ("Prosecutor General", "Kairat Kozhamzharov", "Dear Prosecutor General"),
        ("Governor of Lagos State", "Babajide Sanwo-Olu", "Dear Governor"),
        ("Director of Prison Services", "", "Dear Director"),
        ("Judge of the High Court", "", "Dear Judge"),
        ("", "Ann King", "Dear Sir or Madam"),  # a name is not a title
    ],
)
def test_salutation_by_rule_where_the_case_gives_none(title, name, expected) -> None:
    assert salutation_for(Official(id="x", title=title, name=name)) == expected


def test_the_cases_own_salutation_always_wins() -> None:
    official = Official(id="x", title="Ambassador", salutation="Dear Excellency,")
    assert salutation_for(official) == "Dear Excellency"


def test_a_copies_to_embassy_without_salutation_is_not_sir_or_madam(case) -> None:
    """Before: "Dear Sir or Madam" to "His Excellency Mr Liu Xiaoming"."""
    embassy = Official(
        id="embassy",
        name="His Excellency Mr Liu Xiaoming",
        organisation="Embassy of the People's Republic of China",
        address=("49-51 Portland Place", "London W1B 1JL"),
        country="United Kingdom",
        role=Role.COPY,
    )
    letter = compose_letter(case, embassy, WRITER, today=CASE_ACTIVE_DAY)
    assert letter.salutation == "Your Excellency"


@pytest.mark.parametrize("title", ["S. E. Herrn", "S.E. Herrn", "S. E.", "Seine Exzellenz"])
@pytest.mark.parametrize(
    ("language", "expected"),
    [("de", "Exzellenz"), ("en", "Your Excellency"), ("fr", "Excellence"), ("es", "Excelencia")],
)
def test_an_excellency_as_german_pages_print_it(title: str, language: str, expected: str) -> None:
    """German pages write "S. E. Herrn" with a space and "S.E. Herrn" without: both are an
    Excellency in every letter language (one got "Sehr geehrte Damen und Herren")."""
    embassy = Official(id="embassy", title=title, name="Ana Lima", organisation="Botschaft")
    assert salutation_for(embassy, language) == expected


def test_tables_are_per_language_with_english_where_none_exists() -> None:
    assert salutation_table("en").language == "en"
    assert salutation_table("fr").language == "fr"
    assert salutation_table("it").language == "en"  # no Italian letters (yet)
    assert salutation_table("../en").language == "en"


def test_a_model_letter_greeting_with_an_abbreviation_is_printed_once(case) -> None:
    """Before: "Dear Mr. Gholamhossein Mohseni Ejei," printed twice to him, and as the second
    greeting of the letter to the Ambassador (the full stop of "Mr." hid the greeting)."""
    model_case = replace(case, model_letter=MODEL, officials=(JUDICIARY_HEAD, *case.officials))
    to_him = compose_letter(model_case, JUDICIARY_HEAD, WRITER, today=CASE_ACTIVE_DAY)
    to_ambassador = compose_letter(model_case, case.officials[1], WRITER, today=CASE_ACTIVE_DAY)
    for letter in (to_him, to_ambassador):
        assert not any("Dear" in p for p in letter.paragraphs), letter.paragraphs
        assert "release the teacher" in letter.paragraphs[0]
        assert not any("[your name]" in p or "Yours" in p for p in letter.paragraphs)
    assert to_him.as_text().count("Dear Mr. Gholamhossein") == 1
    assert to_ambassador.salutation == "Dear Ambassador"


def test_a_greeting_pasted_into_the_body_is_removed_once(case) -> None:
    letter = compose_letter(case, case.officials[0], WRITER, today=CASE_ACTIVE_DAY)
    pasted = letter.with_body("Dear Prosecutor General,\n\nPlease free her.\n\nYours sincerely,")
    assert pasted.paragraphs == ("Please free her.",)
    assert pasted.as_text().count("Dear Prosecutor General") == 1


def test_a_greeting_with_a_comma_inside_is_still_a_greeting() -> None:
    text = "Dear Head of the Judiciary, Gholamhossein Mohseni Ejei\n\nI write to you."
    assert body_paragraphs(text) == ["I write to you."]


def test_a_first_paragraph_that_is_a_sentence_stays() -> None:
    text = "Dear friends of freedom. We write as a group of teachers\n\nPlease act."
    assert body_paragraphs(text)[0].startswith("Dear friends of freedom.")


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("I urge you to release her and to drop the charges foll[...]", "foll[...]"),
        ("I urge you to release her.\n\nI also ask you to ensure that she is foll", "is foll"),
        ("Please release her (...) at once.", "her (...)"),
    ],
)
def test_a_truncated_body_is_flagged(text, cut) -> None:
    assert cut in truncation_warning(text)


def test_a_whole_body_is_not_flagged() -> None:
    assert truncation_warning("I urge you to release her.\n\nYours sincerely,\nJane") == ""


def test_uaction_check_flags_a_truncated_model_letter(tmp_path: Path, capsys) -> None:
    """Before: `uaction check` said ok for a model letter cut off at "foll[...]"."""
    text = BUNDLED_CASE.read_text(encoding="utf-8").replace(
        'report_reference = "UA 63.18"',
        'report_reference = "UA 63.18"\nmodel_letter = """\nDear Prosecutor General,\n\n'
        'I urge you to release her and to drop the charges foll[...]\n"""',
    )
    path = tmp_path / "cut.toml"
    path.write_text(text, encoding="utf-8")
    assert main(["check", str(path)]) == 0  # the file is valid; its text needs a look
    out = capsys.readouterr().out
    assert f"{path}:" in out and "model_letter" in out and "foll[...]" in out, out
    assert ": ok" not in out


def test_uaction_letter_warns_about_a_truncated_model_letter(tmp_path: Path, capsys) -> None:
    from tests.conftest import CASE_ACTIVE_DAY as day

    cases = tmp_path / "home" / "data" / "cases"
    cases.mkdir(parents=True)
    text = BUNDLED_CASE.read_text(encoding="utf-8").replace(
        'report_reference = "UA 63.18"',
        'report_reference = "UA 63.18"\n'
        'model_letter = """\nI urge you to drop the charges foll[...]\n"""',
    )
    (cases / "cut.toml").write_text(text, encoding="utf-8")
    args = ["--home", str(tmp_path / "home"), "--today", day.isoformat(), "letter", "63/18"]
    assert main([*args, "--to", "1", "--text"]) == 0
    assert (
        'warning: the letter text seems cut off at "charges foll[...]"' in capsys.readouterr().err
    )


def test_a_whole_letter_pasted_in_keeps_only_its_text(case) -> None:
    """Pasted with its addresses and date: those and the greeting go, the text stays."""
    pasted = (
        "Jane Doe\n1 High Street\nLeeds LS1 1AA\n\n2 April 2018\n\n"
        "Prosecutor General Kairat Kozhamzharov\n14 Orynbor Street\nAstana, 010000\n\n"
        "Dear Prosecutor General,\n\nPlease release Akmaral Tobylova.\n\nYours sincerely,\nJane"
    )
    letter = compose_letter(case, case.officials[0], WRITER, today=CASE_ACTIVE_DAY)
    assert letter.with_body(pasted).paragraphs == ("Please release Akmaral Tobylova.",)
    text = "We are worried about her.\nDear friends,\n\nPlease act."
    assert body_paragraphs(text)[0].startswith("We are worried")  # a sentence is not a head


SHORT_MODEL = "I ask you to release her at once.\n\nPlease let her see her family."
SHORT_MODEL_CUT = "I ask you to release her at once.\n\nPlease let her see her fam"


def test_a_personal_line_without_a_full_stop_is_not_judged() -> None:
    """Before: a personal line after a model letter, typed without a full stop, was warned
    about as the model letter being cut off."""
    personal = "I teach in Leeds and think of her every day"
    assert truncation_warning(f"{SHORT_MODEL}\n\n{personal}") != ""  # as it was judged before
    assert truncation_warning(f"{SHORT_MODEL}\n\n{personal}", personal_line=personal) == ""
    # ...and a model letter that is cut off is no longer hidden by a personal line after it.
    cut = truncation_warning(f"{SHORT_MODEL_CUT}\n\nI teach.", personal_line="I teach.")
    assert "her fam" in cut


def test_uaction_letter_judges_only_the_model_letter(
    tmp_path: Path, isolated_home: Path, capsys
) -> None:
    cases = isolated_home / "data" / "cases"
    cases.mkdir(parents=True)
    shutil.copy(FIXTURES / "window" / "ua-71-18-model-letter.toml", cases)
    out = tmp_path / "l.pdf"
    args = ["letter", "71/18", "--to", "judiciary", "--sender-name", "Jane", "-o", str(out)]
    personal = ["--personal-line", "I teach in Leeds and think of her every day"]
    assert main(["--today", "2018-04-02", *args, *personal]) == 0
    assert "cut off" not in capsys.readouterr().err
    assert "think of her every day" in " ".join(p.extract_text() for p in PdfReader(out).pages)


@pytest.mark.parametrize(
    ("hint", "language", "expected"),
    [
        ("Your Excellency", "de", "Exzellenz"),
        ("Your Excellency,", "fr", "Excellence"),
        ("Exzellenz", "es", "Excelencia"),
        ("Excellence", "en", "Your Excellency"),
        ("Eure Majestät", "en", "Your Majesty"),
        ("Votre Majesté", "de", "Eure Majestät"),
        ("Your Royal Highness", "fr", "Votre Altesse Royale"),
        # Not a style: the official's title decides, in the letter's language.
        ("Dear Minister", "de", "Sehr geehrte Damen und Herren"),
        ("Dear Mr Minister", "de", "Sehr geehrter Herr Minister"),
    ],
)
def test_a_style_given_in_another_language_is_that_style_in_the_letters(
    hint: str, language: str, expected: str
) -> None:
    """A German page's "korrekte Anrede: Your Excellency": the German letter says Exzellenz."""
    minister = Official(id="m", title="Minister of Justice", name="Tomas Vellinga")
    assert salutation_for(minister, language, own="", hints=(hint,)) == expected


def test_a_letter_in_another_language_follows_the_style_of_the_cases_salutation() -> None:
    """The case gives "Your Excellency" in English only; letters in French, Spanish and German
    greet the official by the same style, for two writers."""
    from uaction_desktop.casefile import load_case_file

    case = load_case_file(BUNDLED_CASE).case
    assert case is not None
    president = replace(case.officials[0], salutation="Your Excellency", salutations=())
    case = replace(case, officials=(president, *case.officials[1:]))
    berlin = SenderProfile(name="Lena Beispiel", address=("Hauptstraße 3", "10115 Berlin"))
    for writer in (WRITER, berlin):
        for language, expected in (("fr", "Excellence"), ("es", "Excelencia"), ("de", "Exzellenz")):
            letter = compose_letter(
                case, president, writer, today=CASE_ACTIVE_DAY, language=language
            )
            assert letter.salutation == expected, (writer.name, language)
