"""The importer fills the language of the document it read: the case's `language`, and each
official's salutation in it, with the document's salutations in other languages kept by language
(case format 2). Our own fixtures in English, German, French and Spanish, and real German
documents from ../shared/ua-corpus (read there, never copied; skipped when absent).
"""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from uaction_desktop.casefile import parse_case_text
from uaction_desktop.importer import Confidence, import_file, parse_text
from uaction_desktop.model import Role

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "ua-corpus" / "ua"
TODAY = date(2030, 1, 1)

# fixture -> (language, first target's salutation, its salutations in other languages, a word
# of its appeal points)
DOCUMENTS = {
    "en-two-salutations.txt": (
        "en",
        "Dear Attorney General",
        {"es": "Estimado Señor Fiscal General"},
        "release",
    ),
    "de-anrede-dreisprachig.txt": (
        "de",
        "Sehr geehrte Frau Ministerin",
        {"en": "Dear Minister", "es": "Estimada Señora Ministra"},
        "geschützt",
    ),
    "fr-appel-ministre.txt": (
        "fr",
        "Monsieur le Ministre",
        {"en": "Dear Minister", "es": "Señor Ministro"},
        "protéger",
    ),
    "es-tratamiento.txt": ("es", "Señor Ministro", {"en": "Dear Minister"}, "seguridad"),
}


@pytest.mark.parametrize("name", DOCUMENTS, ids=lambda n: n.removesuffix(".txt"))
def test_the_saved_case_is_in_the_documents_language_with_every_salutation(name: str) -> None:
    language, salutation, others, ask_word = DOCUMENTS[name]
    draft = import_file(FIXTURES / name)
    text = draft.to_toml(TODAY)
    data = tomllib.loads(text)
    assert data["format"] == 2
    assert data.get("language", "en") == language  # "en" is the default, left out
    result = parse_case_text(text, name)
    case = result.case
    assert case is not None, result.problems
    assert case.language == language
    target = next(o for o in case.officials if o.role is Role.TARGET)
    assert target.salutation == salutation
    assert dict(target.salutations) == others
    for code, text_in in others.items():
        assert case.salutation(target, code) == text_in
    assert case.salutation(target, language) == salutation
    # title, summary and asks are the document's own text: the case's text in its language
    own = case.text(language)
    assert own is not None and (own.title, own.asks) == (case.title, case.asks)
    assert any(ask_word in ask for ask in case.asks)
    assert case.translations == ()  # a document is in one language
    assert draft.field("language").confidence is Confidence.HIGH
    assert "language" not in draft.to_review()


def test_the_import_json_lists_every_salutation_the_document_gives() -> None:
    data = import_file(FIXTURES / "de-web-appeal.txt").to_json(TODAY)
    assert data["language"] == "de"
    first = data["officials"][0]
    assert first["salutation"] == "Sehr geehrter Herr Präsident"
    assert first["salutations"] == {
        "en": "Dear President",
        "es": "Excmo. Sr. Presidente",
        "de": "Sehr geehrter Herr Präsident",
    }


GERMAN_PAGE_ENGLISH_SALUTATION = """\
UA-Nr: UA-031/2024    AI-Index: MDE 99/0001/2024    Datum: 3. März 2024

Blogger in Haft

Der Blogger Karim Nassar wurde am 20. Februar in der Hauptstadt festgenommen. Seine Familie
weiß nicht, wo er festgehalten wird, und er hat keinen Zugang zu einem Rechtsbeistand.

Schreiben Sie an
KÖNIG
Seine Majestät König Idris bin Salim
Königlicher Palast
Manama, BAHRAIN
Fax: +973 1700 0000
Anrede: Your Majesty
"""


def test_a_salutation_given_only_in_another_language_is_kept_under_it_and_flagged() -> None:
    """The German letter then opens with the app's German salutation, marked for review, and
    the English one waits for an English letter."""
    draft = parse_text(GERMAN_PAGE_ENGLISH_SALUTATION)
    assert draft.language == "de"
    case = draft.to_case(TODAY)
    (king,) = case.officials
    assert dict(king.salutations) == {"en": "Your Majesty"}
    field = draft.field("officials[0].salutation")
    assert field.confidence is Confidence.LOW  # not in German: the reviewer is sent there
    assert "officials[0].salutation" in draft.to_review()
    assert "Your Majesty" in field.note
    assert king.salutation == "Eure Majestät"  # the app's German one for his style


GERMAN_PAGE_HE_NAME = """\
UA-Nr: UA-044/2024    AI-Index: AFR 99/0002/2024    Datum: 5. April 2024

Gewerkschafter festgenommen

Der Gewerkschafter Samuel Odhiambo-Lutta wurde am 1. April nach einem Streik festgenommen.

Schreiben Sie an
PRÄSIDENT
HE Tomas Ander Vellinga Mbeki-Oru
Office of the President
PO Box 100, Northtown, NORLAND
Fax: +999 100 0000
(korrekte Anrede: Your Excellency)
"""


def test_an_he_before_a_name_stays_an_honorific_and_the_german_letter_says_exzellenz() -> None:
    """ "HE" (His Excellency, British usage) is not recased into "He"; the English salutation
    on a German page gives the German letter the same style."""
    draft = parse_text(GERMAN_PAGE_HE_NAME)
    (president,) = draft.to_case(TODAY).officials
    assert president.name == "HE Tomas Ander Vellinga Mbeki-Oru"
    assert dict(president.salutations) == {"en": "Your Excellency"}
    assert president.salutation == "Exzellenz"
    assert draft.field("officials[0].salutation").confidence is Confidence.LOW


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("HE Tomas Ander Vellinga", "HE Tomas Ander Vellinga"),
        ("HE Jianping", "He Jianping"),  # a surname in capitals
        ("HE Jian PING", "He Jian Ping"),
        ("Tomas VELLINGA", "Tomas Vellinga"),
    ],
)
def test_names_in_capitals_are_recased_but_an_honorific_is_not(written: str, kept: str) -> None:
    from uaction_desktop.importer.names import recase_name

    assert recase_name(written) == kept


def test_text_in_no_known_language_is_taken_as_english_and_says_so() -> None:
    draft = parse_text("UA 12/24\n\n1234 5678\n")
    assert draft.language == "en"
    assert draft.field("language").confidence is Confidence.LOW


# --------------------------------------------------------------------------- real documents

GERMAN_DOCUMENTS = ("c20", "c21", "c24", "c26")


def _corpus_text(prefix: str, tmp_path: Path) -> Path:
    found = sorted(CORPUS.glob(f"{prefix}_*.txt")) if CORPUS.is_dir() else []
    if not found:
        pytest.skip(f"the corpus document {prefix} is not in ../shared/ua-corpus")
    text = found[0].read_text(encoding="utf-8").split("\n---\n", 1)[1]  # after the header
    path = tmp_path / f"{prefix}.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("prefix", GERMAN_DOCUMENTS)
def test_a_german_corpus_document_gives_a_german_case_and_german_salutations(
    prefix: str, tmp_path: Path
) -> None:
    draft = import_file(_corpus_text(prefix, tmp_path))
    data = tomllib.loads(draft.to_toml(TODAY))
    assert data["language"] == "de"
    targets = [o for o in data["officials"] if o.get("role", "target") == "target"]
    assert targets
    for official in targets:
        assert official["salutation"].startswith(("Sehr geehrte", "Exzellenz"))
        others = official.get("salutations", {})
        assert "de" not in others and others, official  # the English (and Spanish) kept
        assert all(code in ("en", "es") for code in others)


def test_a_dutch_page_is_a_dutch_case_named_in_words() -> None:
    """Dutch is in the word lists (a section's own pages), not a letter language: the case says
    it is Dutch, and the composer then asks for a translation (tested in the window)."""
    draft = parse_text(
        "Dringende actie\n\nDe journalist is gearresteerd en wordt in de hoofdstad "
        "vastgehouden. Het is een zaak van de regering en van het ministerie.\n"
    )
    assert draft.language == "nl"
    assert draft.field("language").note == "the document is in Dutch"
    assert draft.to_case(TODAY).language == "nl"
