"""Letters say what the case says, correctly, whatever the (odd but valid) case data.

From the second review: each of these printed a wrong or empty letter before the fix."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tests.conftest import CASE_ACTIVE_DAY
from uaction_desktop.compose import (
    compose_letter,
    compose_phone,
    recipient_lines,
    return_address,
    with_article,
)
from uaction_desktop.profile import SenderProfile


def with_model_letter(case, model: str):
    """The letter to the first official of ``case`` when the case carries this model letter."""
    return compose_letter(
        replace(case, model_letter=model), case.officials[0], GERMAN_WRITER, today=CASE_ACTIVE_DAY
    )


GERMAN_WRITER = SenderProfile(
    name="Jane Doe", address=("Hauptstr. 1", "10115 Berlin"), country="Germany"
)


def test_model_letter_typed_with_single_line_breaks_keeps_its_body(case) -> None:
    """A model letter typed in the case editor (one Enter per line, as people type) loses its
    whole text: the salutation line and the first paragraph fold into one short paragraph that
    starts with "Dear", and that paragraph is dropped as if it were only the salutation."""
    model = "Dear Minister,\nI urge you to release Akmaral Tobylova now.\n\nYours sincerely,"
    letter = with_model_letter(case, model)
    assert any("release Akmaral Tobylova" in p for p in letter.paragraphs), letter.paragraphs


def test_model_letter_first_paragraph_starting_with_to_is_not_dropped(case) -> None:
    """ "To the best of our knowledge ..." is content, not a salutation like "To the Minister"."""
    model = "To the best of our knowledge she is held incommunicado.\n\nPlease release her."
    letter = with_model_letter(case, model)
    assert letter.paragraphs[0].startswith("To the best of our knowledge"), letter.paragraphs


def test_salutation_written_with_its_comma_is_not_doubled(case) -> None:
    """Case files come from strangers; "Dear Prosecutor General," (with the comma, as printed in
    the UA) is accepted by the loader and prints "Dear Prosecutor General,," on every letter."""
    official = replace(case.officials[0], salutation="Dear Prosecutor General,")
    letter = compose_letter(case, official, GERMAN_WRITER, today=CASE_ACTIVE_DAY)
    assert ",," not in letter.as_text()


def test_country_names_that_need_the_article_get_it() -> None:
    """Amnesty UAs commonly name "USA", "UK", "Russian Federation", "Syrian Arab Republic":
    the letter then says "... in Russian Federation." / "in USA."."""
    for country in ("USA", "UK", "Russian Federation", "Syrian Arab Republic", "UAE"):
        assert with_article(country) == f"the {country}"


def test_country_line_not_suppressed_by_a_substring_of_the_city(case) -> None:
    """From Germany to Houston: "us" (the official's country) is found inside "Houston", so
    the letter goes abroad with no country line at all."""
    official = replace(
        case.officials[0], country="US", address=("1001 Preston St", "Houston, TX 77002")
    )
    lines = recipient_lines(official, GERMAN_WRITER)
    assert lines[-1] == "VEREINIGTE STAATEN", lines  # posted in Germany: in German (UPU)


def test_title_ending_in_punctuation_is_not_followed_by_a_second_stop(case) -> None:
    no_people = replace(case, people=(), title="Activist detained!")
    letter = compose_letter(no_people, case.officials[0], GERMAN_WRITER, today=date(2018, 4, 2))
    assert "!." not in letter.paragraphs[0], letter.paragraphs[0]


def test_model_letter_greeting_lines_and_sign_off_go_but_never_the_text(case) -> None:
    model = (
        "Your Royal Highness,\nYour Majesty King Salman bin Abdul Aziz Al Saud,\n\n"
        "I call on you to release the activists.\nThey did nothing wrong.\n\n"
        "Yours sincerely,\n[Your name]"
    )
    letter = with_model_letter(case, model)
    assert letter.paragraphs[0] == "I call on you to release the activists. They did nothing wrong."
    assert letter.salutation == "Dear Prosecutor General"
    text = letter.as_text()
    assert "Highness" not in text and "[Your name]" not in text


def test_a_model_letter_with_no_text_falls_back_to_the_standard_letter(case) -> None:
    model = "Dear Minister,\n\nYours sincerely,"
    letter = with_model_letter(case, model)
    assert len(letter.paragraphs) >= 3
    assert any("Akmaral Tobylova" in p for p in letter.paragraphs)


def test_phone_script_for_an_official_with_a_name_but_no_title(case) -> None:
    official = replace(case.officials[0], title="", phone="+7 7172 000 000")
    text = compose_phone(case, official, SenderProfile(name="Jane")).text
    assert "the Kairat Kozhamzharov" not in text, text
    assert "pass these requests on to Kairat Kozhamzharov:" in text


def test_an_iso_country_is_spelled_out_on_the_envelope(case) -> None:
    official = replace(case.officials[0], country="US", address=("1001 Preston St", "Houston"))
    assert recipient_lines(official, GERMAN_WRITER)[-1] == "VEREINIGTE STAATEN"
    assert recipient_lines(official, replace(GERMAN_WRITER, country="GB"))[-1] == "UNITED STATES"


def test_phone_script_for_a_case_with_a_model_letter_and_no_asks(case) -> None:
    only_letter = replace(case, asks=(), model_letter="I call on you to release her.")
    official = replace(case.officials[0], phone="+7 7172 000 000")
    text = compose_phone(only_letter, official, SenderProfile(name="Jane")).text
    assert "requests" not in text and not text.rstrip().endswith(":")
    assert "let the Prosecutor General know that I called" in text


def test_return_address_names_the_writers_country_for_mail_abroad(case) -> None:
    official = case.officials[0]  # in Kazakhstan; its published address may end with the country
    for address in (official.address, (*official.address, "Kazakhstan")):
        letter = compose_letter(
            case, replace(official, address=address), GERMAN_WRITER, today=CASE_ACTIVE_DAY
        )
        assert letter.sender_lines == ("Hauptstr. 1", "10115 Berlin", "GERMANY")


def test_return_address_country_is_not_repeated_or_added_at_home(case) -> None:
    official = case.officials[0]
    named = replace(GERMAN_WRITER, address=("Hauptstr. 1", "10115 Berlin, Germany"))
    assert return_address(named.address, official, named) == named.address
    home = replace(official, country="Germany")
    assert return_address(GERMAN_WRITER.address, home, GERMAN_WRITER) == GERMAN_WRITER.address
    usa = replace(GERMAN_WRITER, address=("12 Elm Street", "Springfield, IL 62701", "USA"))
    assert return_address(usa.address, official, usa) == usa.address


def test_a_us_state_named_like_a_country_is_not_a_country_line(case) -> None:
    official = case.officials[0]
    for last in ("Atlanta, Georgia", "Trenton, New Jersey"):
        writer = SenderProfile(name="J", address=("1 Peachtree St", last), country="US")
        assert return_address(writer.address, official, writer)[-1] == "UNITED STATES"
    tbilisi = SenderProfile(name="J", address=("1 Rustaveli Ave", "Georgia"), country="Georgia")
    assert return_address(tbilisi.address, official, tbilisi)[-1] == "Georgia"  # a whole line


def test_a_model_letters_own_lines_are_never_taken_for_greetings(case) -> None:
    """From the third review: lines that only looked like greetings or sign-offs."""
    model = (
        "Dear Minister,\nMr Ivanov, a human rights lawyer, was arrested on 3 May.\n"
        "Honour demands his release.\n\nSincerely held beliefs are not a crime.\n\n"
        "Yours sincerely,\n[Your name]"
    )
    letter = with_model_letter(case, model)
    assert letter.paragraphs == (
        "Mr Ivanov, a human rights lawyer, was arrested on 3 May. Honour demands his release.",
        "Sincerely held beliefs are not a crime.",
    )


def test_destination_line_in_the_language_of_the_writers_country(case) -> None:
    """UPU practice (S42): the destination country in capitals, as the posting country writes
    it; never a country line on domestic mail."""
    embassy = case.officials[1]  # Washington DC, country "USA"
    for country, line in (("Germany", "VEREINIGTE STAATEN"), ("MX", "ESTADOS UNIDOS")):
        writer = replace(GERMAN_WRITER, country=country)
        assert recipient_lines(embassy, writer)[-1] == line
    assert recipient_lines(embassy, replace(GERMAN_WRITER, country="UK"))[-1] == "USA"
    for home in ("US", "United States of America", "U.S.A."):
        assert recipient_lines(embassy, replace(GERMAN_WRITER, country=home)) == (
            "Ambassador Erzhan Kazykhanov",
            embassy.organisation,
            *embassy.address,
        )


def test_a_writer_in_the_uk_written_as_a_code_is_at_home_in_the_uk(case) -> None:
    """ "GB" and "United Kingdom" are one country: no country line, no return country."""
    official = replace(case.officials[1], country="United Kingdom", address=("1 Whitehall",))
    writer = replace(GERMAN_WRITER, country="GB", address=("1 High St", "Leeds"))
    letter = compose_letter(case, official, writer, today=CASE_ACTIVE_DAY)
    assert letter.recipient_lines[-1] == "1 Whitehall"
    assert letter.sender_lines == ("1 High St", "Leeds")


def test_a_personal_line_follows_a_model_letter_instead_of_opening_it(case) -> None:
    """Before: a one-paragraph model letter got the personal line as its first paragraph."""
    model = "Dear Minister,\n\nI ask you to release Akmaral Tobylova now.\n\nYours sincerely,"
    letter = compose_letter(
        replace(case, model_letter=model),
        case.officials[0],
        GERMAN_WRITER,
        today=CASE_ACTIVE_DAY,
        personal_line="I am a nurse in Berlin.",
    )
    assert letter.paragraphs == (
        "I ask you to release Akmaral Tobylova now.",
        "I am a nurse in Berlin.",
    )
    suggested = compose_letter(
        case, case.officials[0], GERMAN_WRITER, today=CASE_ACTIVE_DAY, personal_line="Mine."
    )
    assert suggested.paragraphs[-2] == "Mine." and suggested.paragraphs[-1].startswith("Thank")


def test_an_edited_body_gets_its_personal_line_changed_in_place() -> None:
    from uaction_desktop.letter_text import with_personal_line

    body = "First.\n\nI am a teacher.\n\nThanks.\nJane"
    assert with_personal_line(body, "I am a teacher.", "I am a retired teacher.") == (
        "First.\n\nI am a retired teacher.\n\nThanks.\nJane",
        True,
    )
    assert with_personal_line(body, "I am a teacher.", "") == ("First.\n\nThanks.\nJane", True)
    # the writer had rewritten the line in the body: the new one is added, and that is said
    changed, clean = with_personal_line("First.\n\nThanks.", "I am a teacher.", "New line.")
    assert (changed, clean) == ("First.\n\nNew line.\n\nThanks.", False)
    assert with_personal_line("Model text.", "", "Mine.", before_last=False) == (
        "Model text.\n\nMine.",
        True,
    )
