"""Adding cases from the window: drop a document, edit a copy of the bundled case, new case."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from tests.conftest import BUNDLED_CASE, FIXTURES
from tests.gui.conftest import drop_file
from uaction_desktop.gui.case_editor import CaseEditor


def test_dropped_document_is_imported_reviewed_and_selected(
    qtbot, make_window, tmp_path: Path, monkeypatch, isolated_home: Path
) -> None:
    window = make_window()
    document = tmp_path / "ua.txt"
    text = (FIXTURES / "import" / "ua-63-18-kazakhstan.txt").read_text(encoding="utf-8")
    document.write_text(text.replace("63/18", "64/18").replace("63.18", "64.18"), "utf-8")
    reviewed: list[str] = []

    def save_at_once(self) -> int:
        reviewed.append(self.windowTitle())
        self.save()
        return self.result()

    monkeypatch.setattr(CaseEditor, "exec", save_at_once)
    drop_file(window, document)
    qtbot.waitUntil(lambda: bool(reviewed), timeout=5000)
    assert reviewed == ["Review imported UA 64/18"]
    assert window.caseListPanel.current_entry().ua == "64/18"
    assert (isolated_home / "data" / "cases" / "ua-64-18.toml").exists()
    assert "Saved UA 64/18" in window.statusBar().currentMessage()
    # the import leaves the bundled case as it was: active, listed, not greyed out
    model = window.caseListPanel.model
    rows = {model.entry(r).ua: r for r in range(model.rowCount())}
    assert set(rows) == {"63/18", "64/18"}
    bundled = model.index(rows["63/18"], 1)
    assert bundled.data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.entry(rows["63/18"]).status.value == "active"


def test_editing_the_bundled_case_saves_a_copy_that_replaces_it(
    qtbot, make_window, monkeypatch, isolated_home: Path
) -> None:
    before = BUNDLED_CASE.read_bytes()
    window = make_window()
    window.caseListPanel.select_ua("63/18")
    assert window.editCase.isEnabled()
    assert "copy" in window.editCase.text()

    def retitle_and_save(self) -> int:
        self.findChild(object, "editorTitle").setText("Woman detained for reading a website")
        self.save()
        return self.result()

    monkeypatch.setattr(CaseEditor, "exec", retitle_and_save)
    window.editCase.trigger()
    assert BUNDLED_CASE.read_bytes() == before
    entry = window.caseListPanel.current_entry()
    assert entry.case.title == "Woman detained for reading a website"
    assert not entry.bundled
    assert window.library.problems == []


def test_new_case_opens_an_empty_editor(qtbot, make_window, monkeypatch) -> None:
    titles: list[str] = []
    monkeypatch.setattr(CaseEditor, "exec", lambda self: titles.append(self.windowTitle()) or 0)
    window = make_window()
    window.newCase.trigger()
    assert titles == ["New case"]


def test_a_search_with_no_match_says_so(qtbot, make_window) -> None:
    """Before: on a day with no active case the note still said "They are listed below" over
    an empty list."""
    from datetime import date

    window = make_window(today=date(2026, 12, 2))  # the bundled case has expired
    panel = window.caseListPanel
    assert "They are listed below" in panel.note.text()
    qtbot.keyClicks(panel.search, "nobody-at-all")
    assert panel.proxy.rowCount() == 0
    assert panel.note.isVisible()
    assert panel.note.text().startswith('No case matches "nobody-at-all".')
    panel.search.clear()
    assert "They are listed below" in panel.note.text()
