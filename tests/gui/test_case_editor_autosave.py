"""Unsaved work in the case editor survives a crash and is offered back, never forced."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.conftest import BUNDLED_CASE
from tests.gui.test_case_editor import fill_new_case
from uaction_desktop.casefile import load_case_file
from uaction_desktop.gui.case_editor import VALIDATE_DELAY_MS, CaseEditor


@pytest.fixture
def cases_dir(isolated_home: Path) -> Path:
    return isolated_home / "data" / "cases"


@pytest.fixture
def drafts_dir(cases_dir: Path) -> Path:
    return cases_dir.parent / "case-drafts"


def editor_for(qtbot, cases_dir: Path, source=None) -> CaseEditor:
    editor = CaseEditor(source, cases_dir)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def crash(editor: CaseEditor) -> None:
    """The window goes away without reject() or save(): what a crash leaves behind."""
    editor.hide()
    editor.deleteLater()


def test_typed_case_comes_back_after_a_crash(qtbot, cases_dir: Path, drafts_dir: Path) -> None:
    first = editor_for(qtbot, cases_dir)
    assert not first.restoreBar.isVisible()
    fill_new_case(first, qtbot)
    qtbot.waitUntil(lambda: drafts_dir.exists() and any(drafts_dir.iterdir()), timeout=2000)
    qtbot.wait(VALIDATE_DELAY_MS + 100)  # the last keystroke's autosave
    expected = first.form_data()
    crash(first)

    second = editor_for(qtbot, cases_dir)
    assert second.restoreBar.isVisible()
    assert "UA 12/24: Journalist held incommunicado" in second.restoreBar.label.text()
    assert second.fields["title"].value() == ""  # nothing is put back without asking
    second.restoreBar.restoreButton.click()
    assert second.form_data() == expected
    assert not second.restoreBar.isVisible()
    assert [p for p in drafts_dir.iterdir()] == [second.autosave.path]  # old file gone, new kept

    path = second.save()
    assert path is not None and load_case_file(path).ok
    assert list(drafts_dir.iterdir()) == []  # saved as a case: nothing left to offer


def test_discarding_the_offer_removes_it(qtbot, cases_dir: Path, drafts_dir: Path) -> None:
    first = editor_for(qtbot, cases_dir)
    first.fields["title"].widget.setText("Half typed")
    qtbot.waitUntil(lambda: first.autosave.path.exists(), timeout=2000)
    crash(first)
    second = editor_for(qtbot, cases_dir)
    second.restoreBar.discardButton.click()
    assert not second.restoreBar.isVisible()
    assert list(drafts_dir.iterdir()) == []
    third = editor_for(qtbot, cases_dir)
    assert not third.restoreBar.isVisible()


def test_ignored_offer_stays_for_next_time(qtbot, cases_dir: Path) -> None:
    first = editor_for(qtbot, cases_dir)
    first.fields["title"].widget.setText("Still wanted")
    qtbot.waitUntil(lambda: first.autosave.path.exists(), timeout=2000)
    crash(first)
    second = editor_for(qtbot, cases_dir)
    second.reject()  # nothing typed here: closes without asking
    third = editor_for(qtbot, cases_dir)
    assert third.restoreBar.isVisible()
    third.restoreBar.restoreButton.click()
    assert third.fields["title"].value() == "Still wanted"


def test_cancel_asks_and_only_discard_removes_the_autosave(
    qtbot, cases_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = editor_for(qtbot, cases_dir)
    editor.fields["title"].widget.setText("Maybe")
    qtbot.waitUntil(lambda: editor.autosave.path.exists(), timeout=2000)
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: answers.pop(0)))
    editor.reject()
    assert editor.isVisible() and editor.autosave.path.exists()
    editor.reject()
    assert not editor.autosave.path.exists()


def test_edits_to_a_bundled_copy_are_offered_only_for_that_case(
    qtbot, cases_dir: Path, drafts_dir: Path
) -> None:
    bundled = load_case_file(BUNDLED_CASE).case
    first = editor_for(qtbot, cases_dir, bundled)
    first.fields["summary"].widget.setPlainText("My own summary")
    first.official_forms[1].fields["fax"].widget.setText("+7 000 000 000")
    qtbot.waitUntil(lambda: first.autosave.path.exists(), timeout=2000)
    qtbot.wait(VALIDATE_DELAY_MS + 100)
    crash(first)
    assert not editor_for(qtbot, cases_dir).restoreBar.isVisible()  # a new case: not offered
    again = editor_for(qtbot, cases_dir, bundled)
    assert again.restoreBar.isVisible()
    again.restoreBar.restoreButton.click()
    assert again.fields["summary"].value() == "My own summary"
    assert again.official_forms[1].value("fax") == "+7 000 000 000"
    assert len(again.official_forms) == len(bundled.officials)
    assert again.validate() == []


def test_an_unwritable_drafts_folder_is_said_and_editing_goes_on(
    qtbot, cases_dir: Path, drafts_dir: Path
) -> None:
    drafts_dir.parent.mkdir(parents=True, exist_ok=True)
    drafts_dir.write_text("a file where the folder should be", "utf-8")
    editor = editor_for(qtbot, cases_dir)
    editor.fields["title"].widget.setText("Typed anyway")
    qtbot.waitUntil(lambda: editor.autosaveNote.isVisible(), timeout=2000)
    assert "could not be kept safe" in editor.autosaveNote.text()
    assert editor.fields["title"].value() == "Typed anyway"


@pytest.mark.slow
def test_work_survives_kill_9(qapp: object, cases_dir: Path, isolated_home: Path) -> None:
    """``qapp``: the editor read back after the kill needs a QApplication of its own when this
    test runs alone (``-m slow``)."""
    script = textwrap.dedent(
        f"""
        import os, signal
        from PySide6.QtWidgets import QApplication
        from uaction_desktop.gui.case_editor import CaseEditor
        app = QApplication([])
        editor = CaseEditor(None, {str(cases_dir)!r})
        editor.show()
        editor.fields["ua"].widget.setText("UA 99/24")
        editor.fields["asks"].widget.setPlainText("Free him;\\nDrop the charges.")
        while not editor.autosave.path.exists():
            app.processEvents()
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", UACTION_HOME=str(isolated_home))
    done = subprocess.run([sys.executable, "-c", script], env=env, timeout=120)
    assert done.returncode == -signal.SIGKILL
    editor = CaseEditor(None, cases_dir)
    try:
        [form] = editor.autosave.others()
        editor.restore(form)
        assert editor.fields["ua"].value() == "UA 99/24"
        assert editor.fields["asks"].value() == ["Free him;", "Drop the charges."]
    finally:
        editor.deleteLater()


def test_an_imported_documents_review_is_offered_only_for_that_document(
    qtbot, cases_dir: Path
) -> None:
    from uaction_desktop.importer import parse_text

    text = BUNDLED_CASE.read_text("utf-8")  # any text: the importer makes a draft of it
    first = CaseEditor(parse_text(text), cases_dir, source="ua-63-18.txt")
    qtbot.addWidget(first)
    first.fields["title"].widget.setText("Reviewed by hand")
    qtbot.wait(VALIDATE_DELAY_MS + 100)  # the edit's own autosave
    crash(first)
    other = CaseEditor(parse_text(text), cases_dir, source="ua-99-24.txt")
    qtbot.addWidget(other)
    assert not other.restoreBar.forms  # another document: not offered
    typed = CaseEditor(None, cases_dir)
    qtbot.addWidget(typed)
    assert not typed.restoreBar.forms  # nor to a case typed in from scratch
    again = CaseEditor(parse_text(text), cases_dir, source="ua-63-18.txt")
    qtbot.addWidget(again)
    assert [f.data["title"] for f in again.restoreBar.forms] == ["Reviewed by hand"]
