"""Case format 2: a case's text and salutations in several languages, and the app's language.

Real TOML in tmp_path, read by the real loader; problems must name file, field and line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from uaction_desktop.case_json import case_to_json
from uaction_desktop.casefile import dump_case, load_case_file, parse_case_text
from uaction_desktop.languages import effective_language, language_code, system_language
from uaction_desktop.profile import SenderProfile, load_profile, save_profile

FORMAT_2 = """format = 2
language = "en"
ua = "12/34"
title = "Journalist held without charge"
country = "Ruritania"
issued = 2026-11-02
deadline = 2026-12-14
summary = "A journalist has been held without charge since October."
asks = ["Release him now;", "Let him see his lawyer."]

[translations.fr]
title = "Un journaliste détenu sans inculpation"
summary = "Un journaliste est détenu sans inculpation depuis octobre."
asks = ["Libérez-le immédiatement ;", "Permettez-lui de voir son avocat."]

[translations.de]
summary = "Ein Journalist ist seit Oktober ohne Anklage in Haft."

[[officials]]
id = "minister"
title = "Minister of Justice"
address = ["1 Court Street", "Strelsau"]
country = "Ruritania"
salutation = "Dear Minister"
salutations = { fr = "Monsieur le Ministre", de = "Sehr geehrter Herr Minister" }
"""


def _load(tmp_path: Path, text: str, name: str = "case.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_case_file(path)


def test_format_2_holds_translations_and_salutations(tmp_path: Path) -> None:
    result = _load(tmp_path, FORMAT_2)
    assert result.problems == []
    case = result.case
    assert case is not None
    assert case.language == "en"
    french = case.text("fr")
    assert french is not None and french.title.startswith("Un journaliste")
    assert french.asks == ("Libérez-le immédiatement ;", "Permettez-lui de voir son avocat.")
    assert case.text("en") is not None and case.text("en").asks == case.asks
    assert case.text("es") is None
    # German has a summary but no appeal points: it cannot fill a letter alone.
    assert case.letter_languages == ("en", "fr")
    minister = case.officials[0]
    assert case.salutation(minister, "en") == "Dear Minister"
    assert case.salutation(minister, "fr") == "Monsieur le Ministre"
    assert case.salutation(minister, "de") == "Sehr geehrter Herr Minister"
    assert case.salutation(minister, "es") == ""


def test_format_2_round_trips_through_dump(tmp_path: Path) -> None:
    case = _load(tmp_path, FORMAT_2).case
    assert case is not None
    again = parse_case_text(dump_case(case), "again.toml")
    assert again.problems == []
    assert again.case == case


def test_a_case_in_german_fills_german_letters_first(tmp_path: Path) -> None:
    text = FORMAT_2.replace('language = "en"', 'language = "de"').replace(
        "[translations.de]", "[translations.es]"
    )
    text = text.replace('salutations = { fr = "Monsieur le Ministre", de =', "salutations = { es =")
    text = text.replace('"Sehr geehrter Herr Minister"', '"Señor Ministro"')
    case = _load(tmp_path, text).case
    assert case is not None
    assert case.letter_languages == ("de", "fr")
    assert case.salutation(case.officials[0], "de") == "Dear Minister"  # its own field
    assert case.salutation(case.officials[0], "es") == "Señor Ministro"
    again = parse_case_text(dump_case(case), "again.toml")
    assert again.case == case  # `language = "de"` is written back


def test_format_1_files_load_unchanged() -> None:
    bundled = Path(__file__).resolve().parent.parent / "cases" / "ua-63-18-kazakhstan.toml"
    result = load_case_file(bundled)
    assert result.problems == []
    assert result.case is not None and result.case.language == "en"
    assert "en" in result.case.letter_languages


@pytest.mark.parametrize(
    ("change", "field", "line", "words"),
    [
        (('language = "en"', 'language = "xx"'), "language", 2, "not a language code"),
        (("[translations.fr]", "[translations.french]"), "translations.french", 11, "ISO 639-1"),
        (("[translations.fr]", "[translations.en]"), "translations.en", 11, "own language"),
        (('title = "Un jour', 'titel = "Un jour'), "translations.fr.titel", 12, "title"),
        (("Libérez-le immédiatement ;", " "), "translations.fr.asks[0]", 14, "must not be empty"),
        (('de = "Sehr', 'dd = "Sehr'), "officials[0].salutations.dd", 25, "not a language code"),
        (('de = "Sehr geehrter Herr Minister"', 'de = ""'), "officials[0].salutations.de", 25, ""),
        (('fr = "Monsieur', 'en = "Monsieur'), "officials[0].salutations.en", 25, "salutation"),
        (("format = 2", "format = 1"), "language", 2, "format = 2"),
    ],
)
def test_problems_name_file_field_and_line(
    tmp_path: Path, change: tuple[str, str], field: str, line: int, words: str
) -> None:
    assert change[0] in FORMAT_2
    result = _load(tmp_path, FORMAT_2.replace(*change, 1))
    assert result.case is None
    matching = [p for p in result.problems if p.field == field]
    assert matching, [str(p) for p in result.problems]
    assert matching[0].line == line
    assert words in matching[0].message
    assert str(matching[0]).startswith(f"{tmp_path / 'case.toml'}:{line}: {field}: ")


def test_an_empty_translation_is_a_problem(tmp_path: Path) -> None:
    text = FORMAT_2.replace(
        'summary = "Ein Journalist ist seit Oktober ohne Anklage in Haft."\n', ""
    )
    result = _load(tmp_path, text)
    assert [(p.field, p.line) for p in result.problems] == [("translations.de", 16)]
    assert "is empty" in result.problems[0].message


def test_format_1_with_salutations_is_a_problem(tmp_path: Path) -> None:
    text = FORMAT_2.replace("format = 2", "format = 1").replace('language = "en"\n', "")
    text = text.replace("[translations.fr]", "[extra.fr]").split("[extra.fr]")[0] + (
        "[[officials]]" + FORMAT_2.split("[[officials]]")[1]
    )
    result = _load(tmp_path, text)
    assert [p.field for p in result.problems] == ["officials[0].salutations"]


def test_newer_formats_are_still_refused(tmp_path: Path) -> None:
    result = _load(tmp_path, FORMAT_2.replace("format = 2", "format = 3"))
    assert result.case is None
    assert "newer than this app reads (2)" in result.problems[0].message


def test_json_shows_languages(tmp_path: Path) -> None:
    case = _load(tmp_path, FORMAT_2).case
    assert case is not None
    data = case_to_json(case)
    assert data["language"] == "en"
    assert data["letter_languages"] == ["en", "fr"]
    assert data["translations"]["fr"]["asks"][1] == "Permettez-lui de voir son avocat."
    assert data["officials"][0]["salutations"]["de"] == "Sehr geehrter Herr Minister"


# ------------------------------------------------------------------ the profile's language


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "de"),
        ({"LANG": "de_DE.UTF-8", "LC_MESSAGES": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "de_DE.UTF-8", "LC_ALL": "es_ES.UTF-8", "LC_MESSAGES": "fr_FR"}, "es"),
        ({"LANGUAGE": "it:es:en", "LANG": "de_DE.UTF-8"}, "es"),
        ({"LANGUAGE": "it", "LANG": "de_DE.UTF-8"}, "de"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "ja_JP.UTF-8"}, "en"),
        ({"LC_ALL": "", "LANG": "fr_CA"}, "fr"),
    ],
)
def test_system_language_follows_gettext_order(environ: dict[str, str], expected: str) -> None:
    assert system_language(environ) == expected


def test_effective_language_prefers_the_profile() -> None:
    german = {"LANG": "de_DE.UTF-8"}
    assert effective_language(SenderProfile(language="fr"), german) == "fr"
    assert effective_language(SenderProfile(), german) == "de"
    assert effective_language(SenderProfile(language="it"), german) == "de"  # unknown: unset
    assert effective_language(SenderProfile(language="ES"), {}) == "es"
    assert language_code("de-AT") == "de"


def test_profile_language_is_saved_and_read(tmp_path: Path) -> None:
    path = tmp_path / "profile.toml"
    save_profile(path, SenderProfile(name="Anna", language="de"))
    assert load_profile(path).language == "de"
    assert 'language = "de"' in path.read_text(encoding="utf-8")
