"""Composition: letters, email, phone and social texts from the real UA 63/18 case."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import jinja2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from uaction_desktop.casefile import load_case_file
from uaction_desktop.compose import (
    SOCIAL_LIMIT,
    ChannelError,
    Letter,
    _environment,
    compose_email,
    compose_letter,
    compose_phone,
    compose_social,
    fax_cover_lines,
    recipient_lines,
    render_template,
    require_channel,
    with_article,
)
from uaction_desktop.destination import split_country
from uaction_desktop.model import Case, Channel, Official
from uaction_desktop.profile import SenderProfile
from uaction_desktop.requests import ask_as_request, requests_from_asks

REPO = Path(__file__).resolve().parent.parent
BUNDLED_CASE = REPO / "cases" / "ua-63-18-kazakhstan.toml"
TESTLAND = (
    Path(__file__).resolve().parent / "fixtures" / "cases" / "valid" / "ua-101-24-testland.toml"
)
DAY = date(2026, 11, 28)

REQUESTS_63_18 = [
    "I urge you to immediately and unconditionally release Akmaral Tobylova and any others "
    "detained simply for peacefully exercising their human rights.",
    "I call on you to terminate the criminal proceedings against her and any others who have "
    "been accused under anti-extremism legislation for the peaceful exercise of their human "
    "rights.",
    "I urge you to amend overly-broad provisions in anti-extremism legislation to ensure it "
    "cannot be misused to target political opponents and stifle dissent, and I remind you that "
    "you have an obligation to respect and protect the right to freedom of expression and "
    "association.",
]


@pytest.fixture(scope="module")
def testland() -> Case:
    loaded = load_case_file(TESTLAND).case
    assert loaded is not None
    return loaded


@pytest.fixture
def jane() -> SenderProfile:
    return SenderProfile(
        name="Jane Doe",
        address=("12 Elm Street", "Springfield, IL 62701"),
        email="jane@example.org",
    )


# --------------------------------------------------------------------------- appeal points


def test_the_three_asks_become_the_writers_own_requests(case: Case) -> None:
    assert requests_from_asks(case.asks) == REQUESTS_63_18


@pytest.mark.parametrize(
    ("ask", "expected"),
    [
        ("Urging them to release X;", "I urge you to release X."),
        ("Calling on them to stop.", "I call on you to stop."),
        ("Calling upon the authorities to act", "I call upon you to act."),
        ("Asking them to protect her", "I ask you to protect her."),
        ("Expressing concern that he is ill", "I express concern that he is ill."),
        ("Calling for his release", "I call for his release."),
        (
            "Urging them to act, and reminding them that they must respect rights",
            "I urge you to act, and I remind you that you must respect rights.",
        ),
        ("release her now;", "I urge you to release her now."),  # an order becomes a request
        ("Frobbing them to act", "Frobbing them to act."),  # unknown gerund: left alone
        ("  ;  ", ""),
    ],
)
def test_ask_as_request(ask: str, expected: str) -> None:
    assert requests_from_asks([ask]) == ([expected] if expected else [])
    assert ask_as_request(ask) == expected.replace("you must", "they must")


# --------------------------------------------------------------------------- letters


def test_letter_to_the_prosecutor_general(case: Case, jane: SenderProfile) -> None:
    letter = compose_letter(case, case.officials[0], jane, today=DAY)
    assert isinstance(letter, Letter)
    assert letter.case_ua == "63/18"
    assert letter.official_id == "prosecutor-general"
    assert letter.salutation == "Dear Prosecutor General"
    assert letter.recipient_lines == (
        "Prosecutor General Kairat Kozhamzharov",
        "14 Orynbor Street",
        "Astana, 010000",
        "KAZAKHSTAN",  # the published "Republic of Kazakhstan", as a US post office sorts by
    )
    assert letter.sender_name == "Jane Doe"
    assert letter.sender_lines == ("12 Elm Street", "Springfield, IL 62701")
    assert letter.sender_email == "jane@example.org"
    assert letter.date == DAY
    assert letter.date_text == "28 November 2026"
    assert letter.layout == "a4-din-b"
    assert letter.closing == "Yours sincerely,"
    assert letter.signature == "Jane Doe"
    assert letter.subject == "Akmaral Tobylova, Kazakhstan"
    assert letter.title == "Letter to Prosecutor General Kairat Kozhamzharov about UA 63/18"
    assert letter.case_title == case.title
    assert letter.official_name == "Prosecutor General Kairat Kozhamzharov"
    paragraphs = list(letter.paragraphs)
    assert paragraphs[0] == (
        "I am writing to express my deep concern for Akmaral Tobylova in Kazakhstan."
    )
    assert paragraphs[1] == case.summary
    assert paragraphs[2:5] == REQUESTS_63_18
    assert paragraphs[5] == (
        "Thank you for your attention to this matter. I look forward to your reply."
    )
    assert len(paragraphs) == 6  # no "writing from" line: the profile names no country
    assert all("{" not in p and "}" not in p for p in paragraphs)


def test_letter_to_the_ambassador(case: Case, jane: SenderProfile) -> None:
    letter = compose_letter(case, case.officials[1], jane, today=DAY)
    assert letter.salutation == "Dear Ambassador"
    assert letter.recipient_lines == (
        "Ambassador Erzhan Kazykhanov",
        "Embassy of the Republic of Kazakhstan",
        "1401 16th St NW",
        "Washington DC 20036",
        "USA",  # the writer's country is not known, so the letter may go abroad
    )


def test_us_letter_paper_means_a_writer_in_the_united_states(
    case: Case, jane: SenderProfile
) -> None:
    profile = replace(jane, country="", layout="letter-no10")
    assert recipient_lines(case.officials[1], profile)[-1] == "Washington DC 20036"
    assert recipient_lines(case.officials[1], profile, "a4-din-b")[-1] == "USA"


def test_country_codes_are_spelled_out(case: Case, jane: SenderProfile) -> None:
    letter = compose_letter(case, case.officials[1], replace(jane, country="PL"), today=DAY)
    assert any("from Poland" in p for p in letter.paragraphs)
    assert letter.recipient_lines[-1] == "STANY ZJEDNOCZONE"  # posted in Poland: in Polish
    assert letter.sender_lines[-1] == "POLAND"  # a return address from abroad names its country


@pytest.mark.parametrize(
    ("writer_country", "official", "country_line"),
    [
        ("", 1, "USA"),  # the profile does not say: added, as it may go abroad
        ("United States", 1, None),  # same country as the embassy
        ("USA", 1, None),
        ("U.S.A.", 1, None),
        ("the United States of America", 1, None),
        ("Germany", 1, "VEREINIGTE STAATEN"),  # from abroad, in the language posted in
        ("United Kingdom", 1, "USA"),
        ("Germany", 0, "KASACHSTAN"),  # in place of the published "Republic of Kazakhstan"
        ("Kazakhstan", 0, None),
    ],
)
def test_country_line_only_for_mail_from_another_country(
    case: Case, jane: SenderProfile, writer_country: str, official: int, country_line: str | None
) -> None:
    profile = replace(jane, country=writer_country)
    lines = recipient_lines(case.officials[official], profile)
    published = case.officials[official].address
    if country_line is None:
        assert lines[-1] == published[-1]
    elif split_country(published[-1])[1]:  # the address names its country: given once, anew
        assert lines[-2:] == (published[-2], country_line)
    else:
        assert lines[-2:] == (published[-1], country_line)


def test_long_title_and_name_are_split_over_two_lines(jane: SenderProfile) -> None:
    official = Official(
        id="x",
        title="Minister of Justice and Human Rights",
        name="Alexandra Konstantinopoulou",
        address=("1 Road",),
        salutation="Dear Minister",
    )
    assert recipient_lines(official, jane)[:2] == (
        "Minister of Justice and Human Rights",
        "Alexandra Konstantinopoulou",
    )


@pytest.mark.parametrize(
    ("layout", "locale", "text"),
    [
        ("a4-din-b", "", "28 November 2026"),
        ("letter-no10", "", "November 28, 2026"),
        ("a4-din-b", "en_US", "November 28, 2026"),
        ("letter-no10", "en_GB", "28 November 2026"),
        ("a4-din-b", "de_DE", "28. November 2026"),
    ],
)
def test_date_is_formatted_for_the_letters_locale(
    case: Case, jane: SenderProfile, layout: str, locale: str, text: str
) -> None:
    profile = replace(jane, locale=locale)
    letter = compose_letter(case, case.officials[0], profile, today=DAY, layout=layout)
    assert letter.date_text == text
    assert letter.layout == layout


def test_us_layout_closes_with_sincerely(case: Case, jane: SenderProfile) -> None:
    letter = compose_letter(case, case.officials[1], jane, today=DAY, layout="letter-no10")
    assert letter.closing == "Sincerely,"
    custom = replace(jane, closing="Respectfully,")
    assert compose_letter(case, case.officials[1], custom, today=DAY).closing == "Respectfully,"


def test_writer_country_and_group(case: Case, jane: SenderProfile) -> None:
    profile = replace(jane, country="United States", group="Group 42")
    letter = compose_letter(case, case.officials[0], profile, today=DAY)
    assert letter.paragraphs[-2] == (
        "I am writing to you from the United States, as a member of Group 42, and I will "
        "continue to follow this case closely."
    )
    letter = compose_letter(case, case.officials[0], replace(jane, country="Germany"), today=DAY)
    assert letter.paragraphs[-2] == (
        "I am writing to you from Germany, and I will continue to follow this case closely."
    )


def test_variants_differ_but_facts_and_requests_do_not(case: Case, jane: SenderProfile) -> None:
    profile = replace(jane, country="Germany")
    letters = [
        compose_letter(case, case.officials[0], profile, today=DAY, variant=v) for v in range(3)
    ]
    assert len({letter.paragraphs for letter in letters}) == 3
    for letter in letters:
        assert letter.paragraphs[1] == case.summary
        assert list(letter.paragraphs[2:5]) == REQUESTS_63_18
        assert "Akmaral Tobylova" in letter.paragraphs[0]
        assert "Kazakhstan" in letter.paragraphs[0]
        assert "Germany" in letter.paragraphs[-2]
        assert letter.recipient_lines == letters[0].recipient_lines
        assert letter.salutation == letters[0].salutation
    # Three independent choices of three phrasings: 27 wordings, then they cycle.
    wordings = {
        compose_letter(case, case.officials[0], profile, today=DAY, variant=v).paragraphs
        for v in range(27)
    }
    assert len(wordings) == 27
    again = compose_letter(case, case.officials[0], profile, today=DAY, variant=27)
    assert again.paragraphs == letters[0].paragraphs


def test_personal_line_goes_before_the_closing_paragraph(case: Case, jane: SenderProfile) -> None:
    letter = compose_letter(
        case, case.officials[0], jane, today=DAY, personal_line="  I am a designer\n too. "
    )
    assert letter.paragraphs[-2] == "I am a designer too."
    assert letter.paragraphs[-1].startswith("Thank you")


def test_model_letter_is_the_body_when_the_case_has_one(
    testland: Case, jane: SenderProfile
) -> None:
    letter = compose_letter(testland, testland.officials[0], jane, today=DAY)
    # The model's own "Dear Minister," and "Yours sincerely," are not repeated in the body.
    assert letter.paragraphs == (
        "I am deeply worried about the journalist Maria Example, who was arrested on 30 April.",
        "Please release her immediately and tell her family where she is held.",
    )
    assert letter.salutation == "Dear Minister"
    assert letter.recipient_lines == (
        "Minister of the Interior Juan Ejemplo",
        "Ministry of the Interior",
        "Avenida Central 1",
        "1000 Capital City",
        "TESTLAND",
    )


def test_template_syntax_in_case_text_prints_literally(case: Case, jane: SenderProfile) -> None:
    hostile = replace(
        case,
        people=(),
        title="{{ 7*7 }} {% raw %}<b>AT&T</b>",
        summary="{{ config }} {{ ''.__class__.__mro__ }}",
    )
    letter = compose_letter(hostile, case.officials[0], jane, today=DAY)
    assert letter.paragraphs[0] == (
        "I am writing to express my deep concern about a case in Kazakhstan: "
        "{{ 7*7 }} {% raw %}<b>AT&T</b>."
    )
    assert letter.paragraphs[1] == "{{ config }} {{ ''.__class__.__mro__ }}"
    assert "49" not in letter.body


def test_templates_are_strict_about_missing_values() -> None:
    with pytest.raises(jinja2.UndefinedError):
        render_template("email_subject.txt.j2", people="A", title="T")  # no country


def test_templates_run_sandboxed() -> None:
    environment = _environment()
    assert isinstance(environment, SandboxedEnvironment)
    assert environment.undefined is jinja2.StrictUndefined
    unsafe = environment.from_string("{{ ''.__class__.__mro__[1].__subclasses__() }}")
    with pytest.raises(SecurityError):
        unsafe.render()


def test_with_body_and_as_text(case: Case, jane: SenderProfile) -> None:
    letter = compose_letter(case, case.officials[0], jane, today=DAY)
    edited = letter.with_body("First.\n\n\nSecond\nline.")
    assert edited.paragraphs == ("First.", "Second line.")
    assert edited.body == "First.\n\nSecond line."
    assert edited.recipient_lines == letter.recipient_lines
    text = edited.as_text()
    assert text == (
        "Jane Doe\n12 Elm Street\nSpringfield, IL 62701\n\n28 November 2026\n\n"
        "Prosecutor General Kairat Kozhamzharov\n14 Orynbor Street\nAstana, 010000\n"
        "KAZAKHSTAN\n\nDear Prosecutor General,\n\nFirst.\n\nSecond line.\n\n"
        "Yours sincerely,\n\nJane Doe\n"
    )


def test_anonymous_letter(case: Case) -> None:
    letter = compose_letter(case, case.officials[0], SenderProfile(), today=DAY)
    assert letter.sender_name == ""
    assert letter.signature == ""
    assert letter.as_text().startswith("28 November 2026\n\n")


# --------------------------------------------------------------------------- other channels


def test_email_to_the_ambassador(case: Case, jane: SenderProfile) -> None:
    ambassador = case.officials[1]
    letter = compose_letter(case, ambassador, jane, today=DAY)
    email = compose_email(case, ambassador, letter)
    assert email.channel is Channel.EMAIL
    assert email.subject == "Appeal on behalf of Akmaral Tobylova (Kazakhstan)"
    assert email.recipients == ("washington@mfa.kz", "kzconsuldc@gmail.com")
    assert email.text.startswith("Dear Ambassador,\n\nI am writing to express")
    for request in REQUESTS_63_18:
        assert f"\n\n{request}\n\n" in email.text
    assert email.text.endswith(
        "Yours sincerely,\nJane Doe\n12 Elm Street\nSpringfield, IL 62701\njane@example.org\n"
    )
    url = urlsplit(email.mailto)
    assert url.scheme == "mailto"
    assert unquote(url.path) == "washington@mfa.kz,kzconsuldc@gmail.com"
    query = parse_qs(url.query)
    assert query["subject"] == [email.subject]
    assert query["body"] == [email.text]
    assert " " not in email.mailto and "\n" not in email.mailto


def test_email_without_people_uses_the_title(case: Case, jane: SenderProfile) -> None:
    nobody = replace(case, people=())
    letter = compose_letter(nobody, case.officials[1], jane, today=DAY)
    email = compose_email(nobody, case.officials[1], letter)
    assert email.subject == "Appeal: Woman detained for reading opposition website (Kazakhstan)"


def test_phone_script(case: Case, jane: SenderProfile) -> None:
    profile = replace(jane, country="Germany")
    script = compose_phone(case, case.officials[1], profile)
    assert script.recipients == ("1 202 232 5488",)
    paragraphs = script.text.strip().split("\n\n")
    assert paragraphs[0] == "Call Ambassador Erzhan Kazykhanov on 1 202 232 5488."
    assert paragraphs[1] == "Hello. My name is Jane Doe and I am calling from Germany."
    assert paragraphs[2] == (
        "I am calling about Akmaral Tobylova in Kazakhstan, and I would be grateful if you would "
        "pass these requests on to the Ambassador:"
    )
    # Said to whoever answers, about the Ambassador:
    assert paragraphs[3:6] == [
        r.replace("I urge you", "I urge the Ambassador")
        .replace("I call on you", "I call on the Ambassador")
        .replace("I remind you that you have", "I remind the Ambassador that they have")
        for r in REQUESTS_63_18
    ]
    assert paragraphs[-1] == "Thank you for your time."
    anonymous = compose_phone(case, case.officials[1], SenderProfile())
    assert "My name is (your name)." in anonymous.text


def test_social_post_without_a_handle_names_the_office(case: Case) -> None:
    """Before: both officials got the same post, naming no one ("I urge you ...")."""
    post = compose_social(case, case.officials[1])
    expected = REQUESTS_63_18[0].replace("I urge you", "I urge the Ambassador of Kazakhstan")
    assert post.text == f"{expected} #Kazakhstan"
    assert len(post.text) <= SOCIAL_LIMIT
    assert post.recipients == ()
    to_prosecutor = compose_social(case, case.officials[0]).text
    assert to_prosecutor.startswith("I urge the Prosecutor General of Kazakhstan to ")
    assert to_prosecutor != post.text
    no_title = replace(case.officials[0], title="")
    assert compose_social(case, no_title).text.startswith("I urge Kairat Kozhamzharov to ")
    king = Official(id="king", title="King of Saudi Arabia", name="Salman")
    assert compose_social(replace(case, country="Saudi Arabia"), king).text.startswith(
        "I urge the King of Saudi Arabia to "
    )


def test_social_post_names_the_handle(testland: Case, case: Case) -> None:
    post = compose_social(testland, testland.officials[0])
    assert post.text == (
        "@MinInteriorTL I urge you to release Maria Example immediately and unconditionally. "
        "#Testland"
    )
    assert post.recipients == ("@MinInteriorTL",)
    with_handle = replace(case.officials[1], social=("https://x.example/kz", "@KazEmbassyUS"))
    post = compose_social(case, with_handle)
    assert post.text.startswith("@KazEmbassyUS I urge you to immediately")


def test_social_post_is_shortened_to_280(case: Case) -> None:
    long_case = replace(case, asks=("Urging them to " + "release everyone now " * 30 + ";",))
    official = replace(case.officials[1], social=("@KazEmbassyUS",))
    post = compose_social(long_case, official)
    assert len(post.text) <= SOCIAL_LIMIT
    assert post.text.startswith("@KazEmbassyUS I urge you to release everyone now")
    assert post.text.endswith("… #Kazakhstan")


@settings(max_examples=60, deadline=None)
@given(
    ask=st.text(min_size=1, max_size=600),
    handle=st.text(max_size=320),
    country=st.text(max_size=80),
)
def test_social_post_never_exceeds_280(case: Case, ask: str, handle: str, country: str) -> None:
    hostile = replace(case, asks=(ask,), country=country)
    official = replace(case.officials[1], social=(handle,) if handle else ())
    assert len(compose_social(hostile, official).text) <= SOCIAL_LIMIT


def test_fax_cover_lines(case: Case, jane: SenderProfile) -> None:
    prosecutor = case.officials[0]
    letter = compose_letter(case, prosecutor, jane, today=DAY)
    assert fax_cover_lines(letter, prosecutor, 3) == [
        ("To", "Prosecutor General Kairat Kozhamzharov"),
        ("Fax", "+7 7172 506 402"),
        ("From", "Jane Doe"),
        ("Reply to", "jane@example.org"),
        ("Date", "28 November 2026"),
        ("Pages", "3 (including this cover page)"),
        ("Re", "Akmaral Tobylova, Kazakhstan"),
    ]


@pytest.mark.parametrize(
    ("official", "channel", "message"),
    [
        (0, Channel.EMAIL, "Prosecutor General Kairat Kozhamzharov has no email address"),
        (0, Channel.PHONE, "Prosecutor General Kairat Kozhamzharov has no phone number"),
        (1, Channel.FAX, "Ambassador Erzhan Kazykhanov has no fax number in this case"),
        (0, Channel.EMAIL, r"in this case \(channels it has: letter, fax, social\)$"),
    ],
)
def test_channel_errors(
    case: Case, jane: SenderProfile, official: int, channel: Channel, message: str
) -> None:
    who = case.officials[official]
    with pytest.raises(ChannelError, match=message):
        require_channel(who, channel)
    letter = compose_letter(case, who, jane, today=DAY)
    with pytest.raises(ChannelError, match=message):
        if channel is Channel.EMAIL:
            compose_email(case, who, letter)
        elif channel is Channel.PHONE:
            compose_phone(case, who, jane)
        else:
            fax_cover_lines(letter, who, 2)


def test_no_postal_address_is_a_channel_error() -> None:
    email_only = Official(id="x", name="X", emails=("x@y.org",), salutation="Dear X")
    with pytest.raises(ChannelError, match="no postal address"):
        require_channel(email_only, Channel.LETTER)
    require_channel(email_only, Channel.SOCIAL)  # always possible


@pytest.mark.parametrize(
    ("country", "written"),
    [
        ("Kazakhstan", "Kazakhstan"),
        ("United States", "the United States"),
        ("Democratic Republic of the Congo", "the Democratic Republic of the Congo"),
        ("Philippines", "the Philippines"),
        ("the Netherlands", "the Netherlands"),
        ("", ""),
    ],
)
def test_country_names_take_the_article_they_need(country: str, written: str) -> None:
    assert with_article(country) == written


@pytest.mark.parametrize(
    ("ask", "wanted"),
    [
        (
            "Immediately and unconditionally release Ali Hassan",
            "I urge you to immediately and unconditionally release Ali Hassan.",
        ),
        (
            "Please ensure that she has access to a lawyer;",
            "I urge you to ensure that she has access to a lawyer.",
        ),
        (
            "welcoming the steps taken to protect him, but expressing concern at the threats",
            "I welcome the steps taken to protect him, but I express concern at the threats.",
        ),
        ("The authorities must end torture", "The authorities must end torture."),
    ],
)
def test_orders_and_second_gerunds_become_the_writers_own_requests(ask: str, wanted: str) -> None:
    assert requests_from_asks([ask]) == [wanted]
