"""The case editor's languages: a coordinator adds, edits and removes a translation of the case
and the officials' salutations in other languages; all saved as case format 2 and checked by the
loader like every other field. Real case files in tmp_path, the editor offscreen.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from tests.conftest import BUNDLED_CASE, FIXTURES
from uaction_desktop.casefile import load_case_file
from uaction_desktop.gui.case_editor import CaseEditor
from uaction_desktop.importer import import_file
from uaction_desktop.model import Case, CaseText

FRENCH_ASKS = (
    "Je vous demande de libérer Akmaral Tobylova immédiatement et sans condition.",
    "Je vous prie de garantir qu'elle ne soit pas maltraitée en détention.",
)


@pytest.fixture
def cases_dir(isolated_home: Path) -> Path:
    return isolated_home / "data" / "cases"


@pytest.fixture
def english_case() -> Case:
    """UA 63/18 in English only (whatever translations the bundled file has are left out)."""
    case = load_case_file(BUNDLED_CASE).case
    assert case is not None
    officials = tuple(replace(o, salutations=()) for o in case.officials)
    return replace(case, translations=(), officials=officials)


@pytest.fixture
def open_editor(qtbot, cases_dir: Path) -> Callable[..., CaseEditor]:
    def build(source=None) -> CaseEditor:
        editor = CaseEditor(source, cases_dir)
        qtbot.addWidget(editor)
        editor.show()
        qtbot.waitExposed(editor)
        return editor

    return build


def add_french(editor: CaseEditor) -> None:
    """Pick French and click Add, then type the French text, as a coordinator would."""
    tab = editor.translationsTab
    editor.tabs.setCurrentWidget(tab)
    tab.picker.setCurrentIndex(tab.picker.findData("fr"))
    tab.addButton.click()
    form = tab.forms["fr"]
    form.fields["title"].widget.setText("Une femme détenue pour avoir lu un site d'opposition")
    form.fields["asks"].widget.setPlainText("\n\n".join(FRENCH_ASKS))
    for official, text in zip(
        editor.official_forms,
        ("Monsieur le Procureur général", "Monsieur l'Ambassadeur"),
        strict=True,
    ):
        official.fields["salutations"].lines["fr"].setText(text)


def test_a_translation_and_salutations_are_added_saved_as_format_2_and_letter_ready(
    open_editor, english_case, cases_dir
) -> None:
    editor = open_editor(english_case)
    tab = editor.translationsTab
    assert tab.empty.isVisibleTo(tab) and not tab.forms
    assert [tab.picker.itemData(i) for i in range(tab.picker.count())] == ["fr", "es", "de"]
    add_french(editor)
    assert tab.picker.findData("fr") < 0  # offered once
    assert editor.validate() == []
    path = editor.save()
    assert path == cases_dir / "ua-63-18.toml"

    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == 2 and "language" not in data  # English: the default
    assert data["translations"]["fr"]["asks"] == list(FRENCH_ASKS)
    assert data["officials"][0]["salutations"] == {"fr": "Monsieur le Procureur général"}
    case = load_case_file(path).case
    assert case is not None
    assert case.letter_languages == ("en", "fr")
    assert case.text("fr") == CaseText(
        "fr", "Une femme détenue pour avoir lu un site d'opposition", "", FRENCH_ASKS, ""
    )
    assert case.salutation(case.officials[1], "fr") == "Monsieur l'Ambassadeur"
    # everything else as it was
    plain = replace(case, translations=(), officials=english_case.officials)
    assert replace(plain, path="") == replace(english_case, path="")


def test_a_saved_translation_opens_again_and_can_be_edited_and_removed(
    open_editor, english_case, cases_dir
) -> None:
    editor = open_editor(english_case)
    add_french(editor)
    path = editor.save()
    mine = load_case_file(path).case

    again = open_editor(mine)
    form = again.translationsTab.forms["fr"]
    assert form.fields["asks"].value() == list(FRENCH_ASKS)
    assert again.official_forms[0].fields["salutations"].value() == {
        "fr": "Monsieur le Procureur général"
    }
    form.fields["summary"].widget.setPlainText("Akmaral Tobylova est détenue depuis mars.")
    assert again.save() == path
    assert load_case_file(path).case.text("fr").summary.startswith("Akmaral Tobylova est")

    third = open_editor(load_case_file(path).case)
    third.translationsTab.forms["fr"].remove.click()
    third.official_forms[0].fields["salutations"].lines["fr"].clear()
    third.official_forms[1].fields["salutations"].lines["fr"].clear()
    assert third.save() == path
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert "translations" not in data and "salutations" not in data["officials"][0]
    assert load_case_file(path).case.letter_languages == ("en",)


def test_an_empty_translation_is_a_problem_shown_at_it_and_blocks_saving(
    open_editor, english_case
) -> None:
    editor = open_editor(english_case)
    editor.translationsTab.add("de")
    editor.validate()
    form = editor.translationsTab.forms["de"]
    assert [p.field for p in editor.problems] == ["translations.de"]
    assert form.slot.problems and "empty" in form.slot.problems[0]
    assert not editor.saveButton.isEnabled() and editor.save() is None
    item = editor.problemsList.item(0)
    assert item.text().startswith("German (de):")
    editor.tabs.setCurrentIndex(0)
    editor.focus_field("translations.de.title")
    assert editor.tabs.currentWidget() is editor.translationsTab
    assert editor.translationsTab.tabs.currentWidget() is editor.translationsTab.pages["de"]
    form.fields["asks"].widget.setPlainText("Bitte lassen Sie Akmaral Tobylova frei.")
    assert editor.validate() == []


def test_the_case_language_moves_each_salutation_to_its_own_line(open_editor, english_case) -> None:
    editor = open_editor(english_case)
    salutations = editor.official_forms[0].fields["salutations"]
    assert not salutations.lines["en"].isVisibleTo(
        salutations.widget
    )  # English is the Salutation field
    salutations.lines["de"].setText("Sehr geehrter Herr Generalstaatsanwalt")
    language = editor.fields["language"].widget
    language.setCurrentIndex(language.findData("de"))
    first = editor.official_forms[0]
    assert first.value("salutation") == "Sehr geehrter Herr Generalstaatsanwalt"
    assert salutations.value() == {"en": "Dear Prosecutor General"}
    assert salutations.lines["en"].isVisibleTo(salutations.widget)
    assert not salutations.lines["de"].isVisibleTo(salutations.widget)
    assert editor.translationsTab.picker.findData("de") < 0  # the case's own now
    # the second official has no German one: the English moves aside, German is to be typed
    second = editor.official_forms[1]
    assert second.value("salutation") == ""
    assert second.fields["salutations"].value() == {"en": "Dear Ambassador"}
    assert "officials[1].salutation" in {p.field for p in editor.validate()}


def test_an_imported_german_document_opens_in_german_with_every_salutation(
    open_editor, cases_dir
) -> None:
    draft = import_file(FIXTURES / "import" / "de-anrede-dreisprachig.txt")
    editor = open_editor(draft)
    assert editor.language() == "de"
    minister = editor.official_forms[0]
    assert minister.value("salutation") == "Sehr geehrte Frau Ministerin"
    assert minister.fields["salutations"].value() == {
        "en": "Dear Minister",
        "es": "Estimada Señora Ministra",
    }
    assert editor.validate() == []
    case = load_case_file(editor.save()).case
    assert case.language == "de"
    assert dict(case.officials[0].salutations) == {
        "en": "Dear Minister",
        "es": "Estimada Señora Ministra",
    }


def test_unsaved_translations_come_back_after_a_crash(open_editor, english_case) -> None:
    editor = open_editor(english_case)
    add_french(editor)
    saved = editor.form_data()
    other = open_editor(english_case)
    other.restore_form(saved)
    assert other.translationsTab.forms["fr"].fields["asks"].value() == list(FRENCH_ASKS)
    assert other.official_forms[1].fields["salutations"].value() == {"fr": "Monsieur l'Ambassadeur"}
    assert other.form_toml() == editor.form_toml()
