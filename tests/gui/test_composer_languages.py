"""The composer writes a letter in one language: it offers the languages the case can fill (the
writer's own first), keeps the choice with the case, says which languages the document asks for,
and the preview, email, phone and social texts follow the choice. The real window over real case
files, profile and drafts in the test's own home.
"""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import BUNDLED_CASE
from uaction_desktop import i18n
from uaction_desktop.casefile import dump_case, load_case_file
from uaction_desktop.model import CaseText, Channel

FRENCH_ASK = "Je vous demande de libérer Akmaral Tobylova immédiatement et sans condition."
FRENCH_SALUTATION = "Monsieur le Procureur général"
ENGLISH_ASK_WORDS = "release Akmaral Tobylova"  # in the bundled case's English asks


def write_profile(home: Path, language: str) -> None:
    config = home / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "profile.toml").write_text(
        'name = "Jane Doe"\naddress = ["12 Elm Street", "Springfield, IL 62701"]\n'
        f'language = "{language}"\n',
        encoding="utf-8",
    )


@pytest.fixture
def two_language_case(isolated_home: Path) -> Path:
    """UA 63/18 with our own French appeal points and salutation, as UA 64/18, plus the same
    case in English only as UA 65/18, in the user's cases folder."""
    bundled = load_case_file(BUNDLED_CASE).case
    assert bundled is not None
    plain_officials = tuple(replace(o, salutations=()) for o in bundled.officials)
    officials = (
        replace(plain_officials[0], salutations=(("fr", FRENCH_SALUTATION),)),
        *plain_officials[1:],
    )
    french = CaseText(
        "fr",
        title="Une femme détenue pour avoir lu un site d'opposition",
        summary="Akmaral Tobylova est détenue pour avoir lu un site internet d'opposition.",
        asks=(FRENCH_ASK,),
    )
    folder = isolated_home / "data" / "cases"
    folder.mkdir(parents=True)
    two = replace(
        bundled,
        ua="64/18",
        translations=(french,),
        officials=officials,
        languages=("English", "Russian"),
    )
    (folder / "ua-64-18.toml").write_text(dump_case(two), encoding="utf-8")
    one = replace(bundled, ua="65/18", translations=(), officials=plain_officials)
    (folder / "ua-65-18.toml").write_text(dump_case(one), encoding="utf-8")
    return folder


def open_case(window, ua: str):
    assert window.caseListPanel.select_ua(ua), ua
    window.showWriter.trigger()
    composer = window.composer
    composer.ensure_composed()
    return composer


def offered(composer) -> list[str]:
    picker = composer.languagePicker
    return [picker.itemData(i) for i in range(picker.count())]


def test_the_case_languages_are_offered_with_the_writers_own_first(
    make_window, two_language_case, isolated_home
) -> None:
    write_profile(isolated_home, "fr")
    window = make_window()
    composer = open_case(window, "64/18")
    assert offered(composer) == ["fr", "en"]
    assert composer.current_language() == "fr"  # nobody chose yet: the writer's own
    assert composer.languagePicker.currentText() == "Français"
    assert composer.languagePicker.isEnabled()
    assert composer.recipient.text().endswith(f"{FRENCH_SALUTATION},")
    letter = composer.current_letter()
    assert letter.salutation == FRENCH_SALUTATION
    assert FRENCH_ASK.removeprefix("Je vous demande de ") in letter.body
    assert ENGLISH_ASK_WORDS not in letter.body  # never mixed
    assert "no appeal points" not in composer.askedLanguages.text()
    # a one-language case: nothing to choose, the letter is in its language, and it says why
    composer = open_case(window, "65/18")
    assert offered(composer) == ["en"] and not composer.languagePicker.isEnabled()
    assert composer.current_letter().salutation == "Dear Prosecutor General"
    assert "no appeal points in French" in composer.askedLanguages.text()


def test_an_english_writer_gets_english_first_and_can_choose_french(
    make_window, two_language_case, isolated_home
) -> None:
    write_profile(isolated_home, "en")
    window = make_window()
    composer = open_case(window, "64/18")
    assert offered(composer) == ["en", "fr"]
    assert composer.current_letter().salutation == "Dear Prosecutor General"
    composer.select_language("fr")
    assert composer.current_letter().salutation == FRENCH_SALUTATION
    assert not composer._is_edited()  # French no-break spaces survive the edit box
    assert FRENCH_ASK.removeprefix("Je vous demande de ") in composer.letterBody.toPlainText()
    assert "Dear" not in composer.current_letter().as_text()


def test_the_documents_own_languages_are_shown(
    make_window, two_language_case, isolated_home
) -> None:
    write_profile(isolated_home, "en")
    composer = open_case(make_window(), "64/18")
    asked = composer.askedLanguages
    assert asked.isVisibleTo(composer)
    assert asked.text() == "The document asks writers to use: English, Russian."


@pytest.mark.parametrize(
    ("language", "names"), [("fr", "anglais, russe"), ("de", "Englisch, Russisch")]
)
def test_the_documents_own_languages_are_named_in_the_interface_language(
    make_window, two_language_case, isolated_home, language: str, names: str
) -> None:
    write_profile(isolated_home, language)
    i18n.language_at_start(["--lang", language])
    try:
        composer = open_case(make_window(), "64/18")
        text = composer.askedLanguages.text()
    finally:
        i18n.set_language("en")
    assert names in text and "English" not in text and "Russian" not in text


def test_the_language_is_kept_with_its_case_like_the_channel(
    make_window, two_language_case, isolated_home
) -> None:
    write_profile(isolated_home, "en")
    window = make_window()
    composer = open_case(window, "64/18")
    composer.select_language("fr")
    open_case(window, "65/18")
    assert open_case(window, "63/18").current_language() == "en"  # another case: its own
    assert open_case(window, "64/18").current_language() == "fr"
    window.close()
    again = make_window()
    assert open_case(again, "64/18").current_language() == "fr"  # kept on disk


def test_an_edited_letter_stays_in_its_language(
    qtbot, make_window, two_language_case, isolated_home
) -> None:
    write_profile(isolated_home, "en")
    composer = open_case(make_window(), "64/18")
    composer.letterBody.setPlainText("My own English words to the Prosecutor General.")
    composer.save_draft()
    composer.select_language("fr")
    french = composer.letterBody.toPlainText()
    assert "My own English words" not in french
    assert FRENCH_ASK.removeprefix("Je vous demande de ") in french
    composer.select_language("en")
    assert composer.letterBody.toPlainText() == "My own English words to the Prosecutor General."


def test_email_phone_social_and_the_pdf_follow_the_language(
    make_window, two_language_case, isolated_home
) -> None:
    write_profile(isolated_home, "fr")
    composer = open_case(make_window(), "64/18")
    official = composer.current_official()
    assert official.id == "prosecutor-general"
    pdf = composer.render().pdf
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert f"{FRENCH_SALUTATION}," in text and "Dear" not in text
    composer._select_channel(Channel.FAX)
    fax = composer.render()
    assert fax.pages == 2  # the cover, then the letter: all of it in French
    fax_text = " ".join(
        " ".join(p.extract_text() for p in PdfReader(io.BytesIO(fax.pdf)).pages).split()
    )
    assert "TÉLÉCOPIE" in fax_text and FRENCH_SALUTATION in fax_text
    assert "Dear" not in fax_text and "From:" not in fax_text
    composer.select_official("ambassador")
    composer._select_channel(Channel.PHONE)
    script = composer.message_text()
    assert "libérer" in script and "release" not in script
    composer._select_channel(Channel.EMAIL)
    email = composer.message_text()
    assert "Dear" not in email and "libérer" in email
    composer._select_channel(Channel.SOCIAL)
    assert "release" not in composer.message_text()


def test_a_case_in_a_language_letters_are_not_written_in_says_so(
    make_window, isolated_home
) -> None:
    write_profile(isolated_home, "en")
    bundled = load_case_file(BUNDLED_CASE).case
    dutch = replace(
        bundled,
        ua="66/18",
        language="nl",
        translations=(),
        officials=tuple(replace(o, salutations=()) for o in bundled.officials),
        asks=("Wij vragen u Akmaral Tobylova onmiddellijk vrij te laten.",),
    )
    folder = isolated_home / "data" / "cases"
    folder.mkdir(parents=True)
    (folder / "ua-66-18.toml").write_text(dump_case(dutch), encoding="utf-8")
    composer = open_case(make_window(), "66/18")
    assert offered(composer) == []
    assert composer.renderWarnings.isVisibleTo(composer)
    assert "translation of its appeal points" in composer.renderWarnings.text()
    assert not composer.printLetter.isEnabled() and not composer.exportPdf.isEnabled()
    assert composer.letterBody.isReadOnly()
    composer.personalLine.setText("A line of my own.")  # nothing to put it in: no error
    composer.refresh_preview()


def test_the_salutation_is_shown_with_its_languages_punctuation(
    make_window, two_language_case, isolated_home
) -> None:
    write_profile(isolated_home, "es")
    composer = open_case(make_window(), "63/18")
    if "es" not in composer.letter_languages():
        pytest.skip("the bundled case has no Spanish appeal points")
    assert composer.current_language() == "es"
    salutation = composer.current_letter().salutation
    assert composer.recipient.text().endswith(f"\n\n{salutation}:")  # Spanish: a colon


def test_a_new_profile_language_writes_the_letter_in_it(
    make_window, two_language_case, isolated_home
) -> None:
    write_profile(isolated_home, "en")
    window = make_window()
    composer = open_case(window, "64/18")
    composer.letterBody.setPlainText("My own English words to the Prosecutor General.")
    composer.set_profile(replace(composer.profile, language="fr"))
    assert offered(composer) == ["fr", "en"] and composer.current_language() == "fr"
    assert "My own English words" not in composer.letterBody.toPlainText()
    assert composer.current_letter().salutation == FRENCH_SALUTATION
    composer.select_language("en")  # the English text was kept as that language's draft
    assert composer.letterBody.toPlainText() == "My own English words to the Prosecutor General."
