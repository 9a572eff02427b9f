"""The case editor driven as a user would: real case files in tmp_path, offscreen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QDialog,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
)

from tests.conftest import BUNDLED_CASE
from uaction_desktop.casefile import load_case_file
from uaction_desktop.gui.case_editor import CaseEditor, case_file_name, free_path
from uaction_desktop.gui.plain_text import plain
from uaction_desktop.library import CaseLibrary
from uaction_desktop.model import Case, CaseKind, Role
from uaction_desktop.resources import bundled_cases_dir

HOSTILE = "<b>x</b> {{ 7*7 }}"


@pytest.fixture
def cases_dir(isolated_home: Path) -> Path:
    return isolated_home / "data" / "cases"


@pytest.fixture
def bundled() -> Case:
    case = load_case_file(BUNDLED_CASE).case
    assert case is not None
    return case


@pytest.fixture
def open_editor(qtbot, cases_dir: Path) -> Callable[..., CaseEditor]:
    def build(source=None, existing=(), show: bool = True) -> CaseEditor:
        editor = CaseEditor(source, cases_dir, existing)
        qtbot.addWidget(editor)
        if show:
            editor.show()
            qtbot.waitExposed(editor)
        return editor

    return build


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def fill_new_case(editor: CaseEditor, qtbot) -> None:
    """Type a whole small case into an empty editor, as a coordinator would."""
    qtbot.keyClicks(editor.fields["ua"].widget, "UA 12/24")
    qtbot.keyClicks(editor.fields["title"].widget, "Journalist held incommunicado")
    qtbot.keyClicks(editor.fields["country"].widget, "Freedonia")
    editor.fields["issued"].widget.setText("2024-02-01")
    editor.fields["deadline"].widget.setText("15 March 2024")
    editor.fields["deadline"].widget.editingFinished.emit()
    editor.fields["languages"].widget.setText("English, French")
    editor.fields["summary"].widget.setPlainText("A journalist was arrested at home.")
    editor.fields["asks"].widget.setPlainText("Release her now;\n\nLet her see a lawyer.")
    person = editor.add_person()
    person.name.widget.setText("Ana Ruiz")
    person.gender.widget.setCurrentIndex(person.gender.widget.findData("f"))
    official = editor.add_official()
    qtbot.keyClicks(official.fields["title"].widget, "Minister of Justice")
    official.fields["name"].widget.setText("Rufus Firefly")
    official.fields["address"].widget.setPlainText("1 Palace Road\nFreedonia City")
    official.fields["emails"].widget.setPlainText(
        "minister@justice.example, office@justice.example"
    )
    official.fields["salutation"].widget.setText("Dear Minister")


# --------------------------------------------------------------------------- a new case


def test_named_controls_exist_with_accessible_names(open_editor) -> None:
    editor = open_editor()
    assert editor.objectName() == "caseEditor"
    for cls, name in (
        (QLineEdit, "editorUa"),
        (QLineEdit, "editorTitle"),
        (QListWidget, "editorOfficials"),
        (QPushButton, "editorSave"),
        (QListWidget, "editorProblems"),
        (QTabWidget, "editorTabs"),
        (QPlainTextEdit, "editorAsks"),
    ):
        widget = editor.findChild(cls, name)
        assert widget is not None, name
        assert widget.accessibleName(), name
    tabs = editor.tabs
    titles = [tabs.tabText(i).replace("&", "") for i in range(tabs.count())]
    assert titles == [
        "Case",
        "Text",
        "People",
        "Officials",
        "Translations",
    ]  # Import notes only for a draft


def test_a_new_case_lists_what_is_missing_and_cannot_be_saved(open_editor, cases_dir) -> None:
    editor = open_editor()
    fields = {p.field for p in editor.problems}
    assert {"ua", "title", "country", "issued", "deadline", "summary", "asks"} <= fields
    assert "officials" in fields
    assert not editor.saveButton.isEnabled()
    # Nothing typed yet: no field is marked, no list of errors (issue 11)
    assert editor.problemsList.count() == 0
    assert not any(field.problems for field in editor.fields.values())
    assert editor.save() is None
    assert not cases_dir.exists() or not any(cases_dir.iterdir())
    assert editor.problemsList.count() == len(editor.problems)  # asked to save: all shown
    assert editor.fields["title"].problems
    assert editor.windowTitle() == "New case"


def test_a_new_case_shows_what_is_missing_once_the_user_types(open_editor, qtbot) -> None:
    editor = open_editor()
    qtbot.keyClicks(editor.fields["title"].widget, "A title")
    editor.validate()
    assert editor.problemsList.count() == len(editor.problems) > 0
    assert editor.fields["ua"].problems


def test_a_new_case_typed_in_is_saved_loadable_and_listed(open_editor, qtbot, cases_dir) -> None:
    editor = open_editor()
    fill_new_case(editor, qtbot)
    assert editor.fields["deadline"].widget.text() == "2024-03-15"  # tidied when left
    official = editor.official_forms[0]
    assert official.value("id") == "minister-of-justice"  # made from the title
    assert editor.validate() == []
    assert editor.saveButton.isEnabled()

    path = editor.save()
    assert path == cases_dir / "ua-12-24.toml"
    assert editor.result() == QDialog.DialogCode.Accepted
    assert [p.name for p in cases_dir.iterdir()] == ["ua-12-24.toml"]  # no temp file left
    result = load_case_file(path)
    assert result.ok, result.problems
    case = result.case
    assert (case.ua, case.title, case.country) == (
        "12/24",
        "Journalist held incommunicado",
        "Freedonia",
    )
    assert case.deadline == date(2024, 3, 15)
    assert case.languages == ("English", "French")
    assert case.asks == ("Release her now;", "Let her see a lawyer.")
    assert case.people[0].name == "Ana Ruiz" and case.people[0].gender == "f"
    assert case.officials[0].emails == ("minister@justice.example", "office@justice.example")
    assert case.officials[0].address == ("1 Palace Road", "Freedonia City")
    library = CaseLibrary.standard(cases_dir)
    assert any(Path(c.path) == path for c in library.documents)
    assert not [p for p in library.problems if Path(p.file) == path]


def test_get_data_returns_the_saved_path(qtbot, monkeypatch, cases_dir) -> None:
    def fake_exec(self: CaseEditor) -> int:
        fill_new_case(self, qtbot)
        self.save()
        return self.result()

    monkeypatch.setattr(CaseEditor, "exec", fake_exec)
    assert CaseEditor.get_data(None, None, cases_dir, []) == cases_dir / "ua-12-24.toml"

    monkeypatch.setattr(CaseEditor, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert CaseEditor.get_data(None, None, cases_dir, []) is None


def test_a_second_official_with_the_same_title_gets_its_own_id(open_editor, qtbot) -> None:
    editor = open_editor()
    first, second = editor.add_official(), editor.add_official()
    qtbot.keyClicks(first.fields["title"].widget, "Minister of Justice")
    qtbot.keyClicks(second.fields["title"].widget, "Minister of Justice")
    assert first.value("id") == "minister-of-justice"
    assert second.value("id") == "minister-of-justice-2"
    second.fields["id"].widget.setText("deputy")
    qtbot.keyClicks(second.fields["id"].widget, "-minister")  # typed by hand: kept from now on
    qtbot.keyClicks(second.fields["title"].widget, " (deputy)")
    assert second.value("id") == "deputy-minister"


# --------------------------------------------------------------------------- validation


def test_a_target_without_salutation_is_shown_at_its_field_and_blocks_saving(
    open_editor, bundled, cases_dir
) -> None:
    editor = open_editor(bundled)
    assert editor.problems == [] and editor.saveButton.isEnabled()
    ambassador = editor.official_forms[1]
    salutation = ambassador.fields["salutation"]
    salutation.widget.clear()
    problems = editor.validate()

    assert [(p.field, p.message) for p in problems] == [
        ("officials[1].salutation", "is required for a target official")
    ]
    assert salutation.widget.property("problem") is True
    assert salutation.error.text() == "is required for a target official"
    assert not salutation.error.isHidden()
    assert "is required for a target official" in salutation.widget.toolTip()
    assert not ambassador.fields["title"].widget.property("problem")
    assert not editor.saveButton.isEnabled()
    item = editor.problemsList.item(0)
    assert item.text() == (
        "Official 2 (Ambassador Erzhan Kazykhanov), salutation: is required for a target official"
    )
    assert not editor.officialList.item(1).icon().isNull()  # the list marks the official
    assert editor.officialList.item(0).icon().isNull()
    officials_tab = editor.tabs.indexOf(editor.officialsTab)
    assert not editor.tabs.tabIcon(officials_tab).isNull()

    assert editor.save() is None  # refused, and it shows where
    assert editor.tabs.currentWidget() is editor.officialsTab
    assert editor.officialList.currentRow() == 1
    assert not cases_dir.exists() or not any(cases_dir.iterdir())
    assert editor.result() != QDialog.DialogCode.Accepted

    salutation.widget.setText("Dear Ambassador")
    assert editor.validate() == []
    assert salutation.error.isHidden() and not salutation.widget.property("problem")
    assert editor.saveButton.isEnabled()
    assert editor.tabs.tabIcon(officials_tab).isNull()


def test_typing_revalidates_after_a_short_pause(open_editor, bundled, qtbot) -> None:
    editor = open_editor(bundled)
    editor.fields["country"].widget.clear()
    qtbot.waitUntil(lambda: not editor.saveButton.isEnabled(), timeout=2000)
    assert [p.field for p in editor.problems] == ["country"]
    qtbot.keyClicks(editor.fields["country"].widget, "Kazakhstan")
    qtbot.waitUntil(editor.saveButton.isEnabled, timeout=2000)


def test_problems_follow_their_official_when_officials_move(open_editor, bundled) -> None:
    editor = open_editor(bundled)
    ambassador = editor.official_forms[1]
    ambassador.fields["emails"].widget.setPlainText("washington@mfa.kz\nnot-an-address")
    ambassador.fields["address"].widget.clear()
    editor.validate()
    assert {p.field for p in editor.problems} == {"officials[1].emails[1]"}
    assert ambassador.fields["emails"].problems == ["'not-an-address' is not an email address"]

    editor.officialList.setCurrentRow(1)
    editor.officialUp.click()
    assert editor.official_forms[0] is ambassador
    assert {p.field for p in editor.problems} == {"officials[0].emails[1]"}
    assert ambassador.fields["emails"].problems  # still on the same official's field
    assert editor.officialList.item(0).text().startswith("1. Ambassador Erzhan Kazykhanov")
    assert editor.officialList.currentRow() == 0
    assert not editor.officialUp.isEnabled() and editor.officialDown.isEnabled()

    ambassador.fields["emails"].widget.setPlainText("washington@mfa.kz")
    ambassador.fields["phone"].widget.clear()
    ambassador.fields["emails"].widget.clear()  # a target with no address, email or fax
    editor.validate()
    assert [p.field for p in editor.problems] == ["officials[0]"]
    assert ambassador.fields["address"].problems == [
        "a target official needs address lines, an email or a fax"
    ]
    ambassador.fields["role"].widget.setCurrentIndex(
        ambassador.fields["role"].widget.findData(Role.COPY.value)
    )
    assert editor.validate() == []  # a copy needs neither
    assert editor.officialList.item(0).text().endswith("copy")


def test_removing_the_last_official_is_a_problem_of_the_officials_tab(open_editor, bundled) -> None:
    editor = open_editor(bundled)
    editor.remove_official(0)
    editor.remove_official(0)
    assert editor.official_forms == []
    assert [p.field for p in editor.problems] == ["officials"]
    assert editor.officialsSlot.error.text() == "add at least one official to write to"
    assert editor.officialStack.currentWidget() is editor.officialEmpty
    assert not editor.officialRemove.isEnabled()


def test_clicking_a_problem_goes_to_its_field(open_editor, bundled) -> None:
    editor = open_editor(bundled)
    editor.fields["deadline"].widget.setText("soon")
    editor.official_forms[1].fields["salutation"].widget.clear()
    editor.validate()
    texts = [editor.problemsList.item(i).text() for i in range(editor.problemsList.count())]
    assert texts[0] == "Deadline: is not a date: write it as 2018-06-08 or 8 June 2018"
    editor.tabs.setCurrentIndex(0)
    editor.problemsList.itemClicked.emit(editor.problemsList.item(1))
    assert editor.tabs.currentWidget() is editor.officialsTab
    assert editor.officialList.currentRow() == 1
    editor.problemsList.itemClicked.emit(editor.problemsList.item(0))
    assert editor.tabs.currentIndex() == 0


def test_a_closure_needs_no_deadline_asks_or_officials(open_editor, bundled, cases_dir) -> None:
    editor = open_editor(bundled)
    kind = editor.fields["kind"].widget
    kind.setCurrentIndex(kind.findData(CaseKind.CLOSURE.value))
    editor.fields["deadline"].widget.clear()
    editor.fields["asks"].widget.clear()
    editor.remove_official(0)
    editor.remove_official(0)
    assert editor.validate() == []
    path = editor.save()
    assert path == cases_dir / "ua-63-18-closure.toml"
    case = load_case_file(path).case
    assert case.kind is CaseKind.CLOSURE and case.deadline is None and case.officials == ()


def test_a_follow_up_has_its_update_number_in_the_file_name(
    open_editor, bundled, cases_dir
) -> None:
    editor = open_editor(bundled)
    assert not editor.fields["update"].widget.isEnabled()
    kind = editor.fields["kind"].widget
    kind.setCurrentIndex(kind.findData(CaseKind.FOLLOW_UP.value))
    assert editor.fields["update"].widget.isEnabled()
    editor.fields["update"].widget.setValue(3)
    path = editor.save()
    assert path == cases_dir / "ua-63-18-update-3.toml"
    case = load_case_file(path).case
    assert (case.kind, case.update, case.key) == (CaseKind.FOLLOW_UP, 3, "63/18#3")


# --------------------------------------------------------------------------- where it saves


def test_editing_a_bundled_case_saves_a_copy_and_leaves_cases_untouched(
    open_editor, bundled, cases_dir
) -> None:
    before = snapshot(bundled_cases_dir())
    editor = open_editor(bundled)
    assert editor.own_path is None
    assert editor.windowTitle() == "Edit a copy of UA 63/18"
    assert "copy" in editor.banner.text()
    editor.fields["title"].widget.setText("Woman under house arrest for reading a website")
    path = editor.save()

    assert path == cases_dir / "ua-63-18.toml"
    assert snapshot(bundled_cases_dir()) == before
    copy = load_case_file(path)
    assert copy.ok, copy.problems
    assert copy.case.title == "Woman under house arrest for reading a website"
    assert replace(copy.case, title=bundled.title) == bundled  # everything else kept
    listed = CaseLibrary.standard(cases_dir)
    assert [c.title for c in listed.documents if c.ua == "63/18"] == [copy.case.title]


def test_editing_a_users_case_overwrites_its_own_file(open_editor, bundled, cases_dir) -> None:
    cases_dir.mkdir(parents=True)
    own = cases_dir / "kazakhstan-mine.toml"
    own.write_text(BUNDLED_CASE.read_text(encoding="utf-8"), encoding="utf-8")
    mine = load_case_file(own).case
    editor = open_editor(mine, existing=[BUNDLED_CASE, own])
    assert editor.own_path == own
    assert editor.windowTitle() == "Edit UA 63/18"
    editor.fields["source"].widget.setText("Group 42 transcription")
    assert editor.save() == own
    assert sorted(p.name for p in cases_dir.iterdir()) == ["kazakhstan-mine.toml"]
    assert load_case_file(own).case.source == "Group 42 transcription"


def test_a_file_of_the_same_name_holding_another_case_is_never_overwritten(
    open_editor, bundled, cases_dir
) -> None:
    cases_dir.mkdir(parents=True)
    other = cases_dir / "ua-63-18.toml"
    other_text = BUNDLED_CASE.read_text(encoding="utf-8").replace('"63/18"', '"99/18"')
    other.write_text(other_text, encoding="utf-8")
    editor = open_editor(bundled, existing=[other])
    path = editor.save()
    assert path == cases_dir / "ua-63-18-2.toml"
    assert other.read_text(encoding="utf-8") == other_text


def test_the_same_document_already_saved_is_replaced_only_when_the_user_says_so(
    open_editor, bundled, cases_dir, monkeypatch, dialogs
) -> None:
    cases_dir.mkdir(parents=True)
    earlier = cases_dir / "my-kazakhstan.toml"
    earlier_text = BUNDLED_CASE.read_text(encoding="utf-8")
    earlier.write_text(earlier_text, encoding="utf-8")
    editor = open_editor(bundled)
    editor.fields["title"].widget.setText("A better title")

    assert editor.save() is None  # the patched question answers neither Yes nor No: no
    assert dialogs.messages[-1][0] == "question"
    assert "my-kazakhstan.toml" in dialogs.messages[-1][2]
    assert earlier.read_text(encoding="utf-8") == earlier_text
    assert editor.isVisible()

    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    assert editor.save() == earlier
    assert load_case_file(earlier).case.title == "A better title"
    assert sorted(p.name for p in cases_dir.iterdir()) == ["my-kazakhstan.toml"]


def test_a_users_case_changed_into_another_saved_document_is_refused(
    open_editor, bundled, cases_dir, dialogs
) -> None:
    cases_dir.mkdir(parents=True)
    text = BUNDLED_CASE.read_text(encoding="utf-8")
    (cases_dir / "a.toml").write_text(text, encoding="utf-8")
    (cases_dir / "b.toml").write_text(text.replace('"63/18"', '"64/18"'), encoding="utf-8")
    editor = open_editor(load_case_file(cases_dir / "b.toml").case)
    editor.fields["ua"].widget.setText("63/18")
    assert editor.save() is None
    assert dialogs.messages[-1][0] == "warning"
    assert "a.toml" in dialogs.messages[-1][2]
    assert "64/18" in (cases_dir / "b.toml").read_text(encoding="utf-8")


def test_a_failed_write_leaves_the_editor_open_with_a_message(
    qtbot, bundled, tmp_path, dialogs
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cases folder should be", encoding="utf-8")
    editor = CaseEditor(bundled, blocker / "cases")
    qtbot.addWidget(editor)
    assert editor.save() is None
    assert dialogs.messages[-1][:2] == ("warning", "Could not save the case")
    assert editor.result() != QDialog.DialogCode.Accepted


def test_cancel_with_unsaved_changes_asks_first(
    open_editor, bundled, cases_dir, monkeypatch
) -> None:
    editor = open_editor(bundled)
    assert not editor.dirty
    editor.fields["title"].widget.setText("Changed")
    assert editor.dirty
    editor.reject()  # the patched question does not say Discard
    assert editor.isVisible()
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard)
    )
    editor.reject()
    assert not editor.isVisible()
    assert not cases_dir.exists()


def test_file_names_come_from_the_document(bundled, tmp_path) -> None:
    assert case_file_name(bundled) == "ua-63-18.toml"
    assert case_file_name(replace(bundled, ua="313/2014")) == "ua-313-2014.toml"
    (tmp_path / "ua-63-18.toml").write_text("x", encoding="utf-8")
    (tmp_path / "ua-63-18-2.toml").write_text("x", encoding="utf-8")
    assert free_path(tmp_path, "ua-63-18.toml") == tmp_path / "ua-63-18-3.toml"


# --------------------------------------------------------------------------- plain text only


def test_hostile_text_stays_literal_everywhere(open_editor, bundled, cases_dir) -> None:
    case = replace(bundled, title=HOSTILE, summary=f"{HOSTILE}\n\n{{% raw %}}", asks=(HOSTILE,))
    editor = open_editor(case)
    assert editor.fields["title"].widget.text() == HOSTILE
    assert editor.fields["summary"].widget.toPlainText().startswith(HOSTILE)
    ambassador = editor.official_forms[1]
    ambassador.fields["emails"].widget.setPlainText("<b>x</b>")
    editor.validate()
    tooltip = ambassador.fields["emails"].widget.toolTip()
    assert "&lt;b&gt;x&lt;/b&gt;" in tooltip and "<b>x</b>" not in tooltip
    assert "'<b>x</b>' is not an email address" in editor.problemsList.item(0).text()
    assert ambassador.fields["emails"].error.text() == "'<b>x</b>' is not an email address"
    assert ambassador.fields["emails"].error.textFormat().name == "PlainText"

    ambassador.fields["emails"].widget.setPlainText("washington@mfa.kz")
    path = editor.save()
    saved = load_case_file(path).case
    assert saved.title == HOSTILE
    assert saved.asks == (HOSTILE,)
    assert saved.summary == f"{HOSTILE}\n\n{{% raw %}}"


def test_plain_escapes_only_what_qt_would_take_for_markup() -> None:
    assert plain("a < b and {{ 7*7 }}") == "a < b and {{ 7*7 }}"
    assert plain("<b>x</b>") == "<qt>&lt;b&gt;x&lt;/b&gt;</qt>"


@pytest.mark.parametrize(
    ("change", "cut"),
    [
        ({"asks": ("Urging them to release her and to uphold h[...]",)}, "uphold h[...]"),
        ({"model_letter": "Dear Minister,\n\nI ask you to release her and to end the"}, "…"),
        ({}, ""),
    ],
)
def test_a_case_whose_appeal_stops_mid_text_is_ready_to_save_with_a_warning(
    open_editor, bundled: Case, change: dict, cut: str
) -> None:
    """An imported page cut short still saves (it is what was published), but the editor
    does not call it complete."""
    from dataclasses import replace

    editor = open_editor(replace(bundled, **change))
    assert editor.validate() == []
    label = editor.problemsLabel.text()
    if cut:
        assert "seems cut off" in label and cut in label
        assert editor.saveButton.isEnabled()
    else:
        assert label == "Ready to save: the case file is complete."
