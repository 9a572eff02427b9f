"""Importing an Urgent Action in the window: file, paste and drop, reviewed in the case editor.

The editor's ``exec`` is patched to look at the dialog as the user would see it and then to
save (or cancel); files are real files in tmp_path.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QPlainTextEdit

from tests.conftest import BUNDLED_CASE, CASE_ACTIVE_DAY, FIXTURES
from uaction_desktop.casefile import load_case_file
from uaction_desktop.gui import import_actions
from uaction_desktop.gui.case_editor import CaseEditor
from uaction_desktop.gui.import_actions import (
    PasteDialog,
    accepts_drop,
    choose_and_import,
    dropped_paths,
    import_document,
    import_pasted_text,
)
from uaction_desktop.library import CaseLibrary
from uaction_desktop.resources import bundled_cases_dir

REFERENCE_NAME = "ua-63-18-kazakhstan.txt"
REFERENCE_PLACES = (
    FIXTURES / "import" / REFERENCE_NAME,
    Path(__file__).resolve().parents[3] / "shared" / "ua-documents" / REFERENCE_NAME,
)
HOSTILE = "<b>x</b> {{ 7*7 }}"
TITLE_LINE = "woman detained for reading opposition websITE"


@pytest.fixture
def reference(tmp_path: Path) -> Path:
    """The UA 63/18 document (as published), copied into tmp_path."""
    source = next((p for p in REFERENCE_PLACES if p.is_file()), None)
    if source is None:
        pytest.skip("the UA 63/18 reference document is not available")
    target = tmp_path / REFERENCE_NAME
    shutil.copyfile(source, target)
    return target


@pytest.fixture
def cases_dir(isolated_home: Path) -> Path:
    return isolated_home / "data" / "cases"


@pytest.fixture
def editor_exec(qtbot, monkeypatch) -> Callable[[Callable[[CaseEditor], None]], list[CaseEditor]]:
    """Patch the editor's ``exec``: run ``look`` on the dialog, then return its result."""

    def install(look: Callable[[CaseEditor], None]) -> list[CaseEditor]:
        opened: list[CaseEditor] = []

        def fake_exec(self: CaseEditor) -> int:
            opened.append(self)
            look(self)
            return self.result()

        monkeypatch.setattr(CaseEditor, "exec", fake_exec)
        return opened

    return install


def save(editor: CaseEditor) -> None:
    assert editor.save() is not None, [str(p) for p in editor.problems]


def variant(reference: Path, tmp_path: Path, name: str, change: Callable[[str], str]) -> Path:
    """A document in the reference's layout with some of its text changed."""
    path = tmp_path / name
    path.write_text(change(reference.read_text(encoding="utf-8")), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- the reference


def test_importing_ua_63_18_opens_the_editor_prefilled_and_saves_the_case(
    reference, cases_dir, editor_exec, dialogs
) -> None:
    seen: dict[str, object] = {}

    def look(editor: CaseEditor) -> None:
        seen["ua"] = editor.fields["ua"].widget.text()
        seen["title"] = editor.fields["title"].widget.text()
        seen["deadline"] = editor.fields["deadline"].widget.text()
        seen["officials"] = [f.display() for f in editor.official_forms]
        seen["people"] = [row.name.value() for row in editor.people]
        seen["window"] = editor.windowTitle()
        seen["banner"] = editor.banner.text()
        seen["problems"] = list(editor.problems)
        save(editor)

    opened = editor_exec(look)
    path = import_document(None, reference, cases_dir=cases_dir)

    assert len(opened) == 1 and not dialogs.messages
    assert seen["ua"] == "63/18"
    assert seen["title"] == "Woman detained for reading opposition website"
    assert seen["deadline"] == "2018-06-08"
    assert seen["officials"] == [
        "Prosecutor General Kairat Kozhamzharov",
        "Ambassador Erzhan Kazykhanov",
    ]
    assert seen["people"] == ["Akmaral Tobylova"]
    assert seen["window"] == "Review imported UA 63/18"
    assert REFERENCE_NAME in str(seen["banner"])
    assert seen["problems"] == []

    assert path == cases_dir / "ua-63-18.toml"
    result = load_case_file(path)
    assert result.ok, result.problems
    bundled = load_case_file(BUNDLED_CASE).case
    own = bundled.own_language_only()  # our translations are not in the document
    assert replace(result.case, path="") == replace(own, path="")  # the reference holds
    library = CaseLibrary.standard(cases_dir)
    assert any(Path(c.path) == path for c in library.documents)
    assert not library.problems


def test_a_saved_copy_of_a_bundled_case_is_the_one_listed(
    reference, cases_dir, editor_exec
) -> None:
    editor_exec(save)
    path = import_document(None, reference, cases_dir=cases_dir)
    library = CaseLibrary.standard(cases_dir)
    assert [c.path for c in library.documents if c.ua == "63/18"] == [str(path)]
    assert not library.problems
    (entry,) = library.entries(CASE_ACTIVE_DAY)
    assert not entry.bundled  # the user's copy is the one written from


def test_an_imported_case_appears_in_the_library(
    reference, tmp_path, cases_dir, editor_exec
) -> None:
    document = variant(
        reference,
        tmp_path,
        "ua-64-18.txt",
        lambda text: text.replace("63/18", "64/18").replace("63.18", "64.18"),
    )
    editor_exec(save)
    path = import_document(None, document, cases_dir=cases_dir)
    assert path == cases_dir / "ua-64-18.toml"
    library = CaseLibrary.standard(cases_dir)
    assert not library.problems
    assert any(Path(c.path) == path and c.ua == "64/18" for c in library.documents)
    assert {e.ua for e in library.entries(CASE_ACTIVE_DAY)} == {"63/18", "64/18"}


def test_fields_to_check_are_highlighted_with_the_importers_note(
    reference, cases_dir, editor_exec
) -> None:
    def look(editor: CaseEditor) -> None:
        title = editor.fields["title"]  # medium: recased from capitals
        assert title.widget.property("review") is True
        assert "recased from capitals" in title.widget.toolTip()
        assert "medium" in title.widget.toolTip()
        ua = editor.fields["ua"]  # read from its label: nothing to check
        assert not ua.widget.property("review")
        country = editor.official_forms[1].fields["country"]  # "USA", from the postcode
        assert country.widget.property("review") is True
        languages = editor.fields["languages"]  # optional and absent: a note, no colour
        assert not languages.widget.property("review")
        assert "did not find" in languages.widget.toolTip()
        assert "(4)" in editor.banner.text()
        reviews = [editor.reviewList.item(i).text() for i in range(editor.reviewList.count())]
        assert reviews[0].startswith("Check: Title: the line under the 'URGENT ACTION' heading")
        assert any(
            r.startswith("Check: Official 2 (Ambassador Erzhan Kazykhanov), country")
            for r in reviews
        )
        assert editor.officialList.item(1).background().color().name() == "#fff1a8"

        row = next(i for i, r in enumerate(reviews) if r.startswith("Check: Official 2"))
        editor.reviewList.itemClicked.emit(editor.reviewList.item(row))
        assert editor.tabs.currentWidget() is editor.officialsTab
        assert editor.officialList.currentRow() == 1

        title.widget.setText("Woman detained for reading an opposition website")
        assert not title.widget.property("review")  # looked at and changed: no longer marked
        assert "recased" not in title.widget.toolTip()

    editor_exec(look)
    assert import_document(None, reference, cases_dir=cases_dir) is None  # not saved


def test_text_the_importer_could_not_place_is_shown_read_only(
    reference, tmp_path, cases_dir, editor_exec
) -> None:
    extra = "Ring the ministry's switchboard on Thursdays; ask for the duty officer."
    document = variant(reference, tmp_path, "with-extra.txt", lambda t: t + f"\n\n{extra}\n")

    def look(editor: CaseEditor) -> None:
        pane = editor.findChild(QPlainTextEdit, "editorLeftovers")
        assert pane is not None and pane.isReadOnly()
        assert extra in pane.toPlainText()
        assert pane.toPlainText().startswith("after the appeal:")
        notes = editor.tabs.indexOf(editor.notesTab)
        assert editor.tabs.tabText(notes) == "Import &notes (1 unplaced)"
        assert "1 piece of text could not be placed" in editor.banner.text()
        dropped = editor.findChild(QPlainTextEdit, "editorDropped")
        assert "[bookmark: _GoBack]" in dropped.toPlainText()  # debris is listed, not lost
        save(editor)

    editor_exec(look)
    path = import_document(None, document, cases_dir=cases_dir)
    assert load_case_file(path).ok


def test_a_word_document_imports_too(reference, tmp_path, cases_dir, editor_exec) -> None:
    import docx

    document = docx.Document()
    for line in reference.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    path = tmp_path / "ua-63-18.docx"
    document.save(str(path))
    titles: list[str] = []
    editor_exec(lambda editor: titles.append(editor.fields["ua"].widget.text()))
    assert import_document(None, path, cases_dir=cases_dir) is None
    assert titles == ["63/18"]


# --------------------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("scan.txt", bytes(range(256)) * 8, "binary data"),
        ("scan.pdf", b"\x89PNG\r\n\x1a\n" + bytes(200), "is not a PDF"),
        ("letter.docx", b"not a zip at all", "is not a Word .docx file"),
        ("empty.txt", b"", "is empty"),
    ],
)
def test_a_file_that_is_no_document_gives_a_clear_message_and_opens_nothing(
    tmp_path, cases_dir, editor_exec, dialogs, name, data, expected
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    opened = editor_exec(lambda editor: pytest.fail("the editor must not open"))
    assert import_document(None, path, cases_dir=cases_dir) is None
    assert opened == []
    kind, title, text = dialogs.messages[-1]
    assert (kind, title) == ("warning", "Cannot import this document")
    assert expected in text and name in text
    assert text.endswith("Nothing was imported.")
    assert not cases_dir.exists()


def test_a_missing_file_gives_a_message(tmp_path, cases_dir, editor_exec, dialogs) -> None:
    editor_exec(lambda editor: pytest.fail("the editor must not open"))
    assert import_document(None, tmp_path / "gone.pdf", cases_dir=cases_dir) is None
    assert "no such file" in dialogs.messages[-1][2]


# --------------------------------------------------------------------------- plain text only


def test_hostile_document_text_stays_literal(reference, tmp_path, cases_dir, editor_exec) -> None:
    document = variant(
        reference,
        tmp_path,
        "hostile.txt",
        lambda t: (
            t.replace(TITLE_LINE, f"{HOSTILE} detained").replace("63/18", "65/18")
            + f"\n\nPS {HOSTILE} <script>alert(1)</script>\n"
        ),
    )

    def look(editor: CaseEditor) -> None:
        assert editor.fields["title"].widget.text() == f"{HOSTILE} detained"
        leftovers = editor.findChild(QPlainTextEdit, "editorLeftovers").toPlainText()
        assert f"PS {HOSTILE} <script>alert(1)</script>" in leftovers
        for i in range(editor.reviewList.count()):
            assert "<b>" not in editor.reviewList.item(i).toolTip()
        save(editor)

    editor_exec(look)
    path = import_document(None, document, cases_dir=cases_dir)
    case = load_case_file(path).case
    assert case.title == f"{HOSTILE} detained"
    assert "{{ 7*7 }}" in path.read_text(encoding="utf-8")
    assert "49" not in case.title


def test_a_hostile_file_name_is_shown_literally(tmp_path, editor_exec, dialogs) -> None:
    path = tmp_path / "<b>x<b>.pdf"
    path.write_bytes(b"garbage")
    editor_exec(lambda editor: pytest.fail("the editor must not open"))
    import_document(None, path)
    text = dialogs.messages[-1][2]
    assert "&lt;b&gt;x&lt;b&gt;.pdf" in text and "<b>x<b>" not in text


# --------------------------------------------------------------------------- paste, open, drop


def test_pasted_text_opens_the_editor(reference, cases_dir, editor_exec, monkeypatch) -> None:
    text = reference.read_text(encoding="utf-8")

    def paste(self: PasteDialog) -> int:
        assert not self.readButton.isEnabled()
        self.text.setPlainText(text)
        assert self.readButton.isEnabled()
        self.accept()
        return self.result()

    monkeypatch.setattr(PasteDialog, "exec", paste)
    banners: list[str] = []

    def look(editor: CaseEditor) -> None:
        banners.append(editor.banner.text())
        save(editor)

    editor_exec(look)
    path = import_pasted_text(None, cases_dir=cases_dir)
    assert path == cases_dir / "ua-63-18.toml"
    assert banners[0].startswith("Imported from the pasted text.")


def test_cancelled_or_blank_paste_opens_nothing(monkeypatch, editor_exec, cases_dir) -> None:
    opened = editor_exec(lambda editor: pytest.fail("the editor must not open"))
    monkeypatch.setattr(PasteDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert import_pasted_text(None, cases_dir=cases_dir) is None

    def blank(self: PasteDialog) -> int:
        self.text.setPlainText("  \n ")
        self.accept()
        return self.result()

    monkeypatch.setattr(PasteDialog, "exec", blank)
    assert import_pasted_text(None, cases_dir=cases_dir) is None
    assert opened == []


def test_pasted_binary_junk_is_refused(dialogs, editor_exec, cases_dir) -> None:
    editor_exec(lambda editor: pytest.fail("the editor must not open"))
    assert import_actions.import_text(None, "abc\x00def", cases_dir=cases_dir) is None
    assert "binary data" in dialogs.messages[-1][2]


def test_choose_and_import_asks_for_a_file(reference, cases_dir, editor_exec, monkeypatch) -> None:
    asked: list[str] = []

    def choose(parent, caption, folder, filters):
        asked.append(filters)
        return str(reference), filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    editor_exec(save)
    assert choose_and_import(None, cases_dir=cases_dir) == cases_dir / "ua-63-18.toml"
    assert "*.txt" in asked[0] and "*.docx" in asked[0] and "*.pdf" in asked[0]

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: ("", "")))
    assert choose_and_import(None, cases_dir=cases_dir) is None


def test_the_editor_saves_into_the_users_folder_by_default(
    reference, editor_exec, isolated_home
) -> None:
    before = {p.name for p in bundled_cases_dir().iterdir()}
    editor_exec(save)
    path = import_document(None, reference)
    assert path == isolated_home / "data" / "cases" / "ua-63-18.toml"
    assert {p.name for p in bundled_cases_dir().iterdir()} == before


def test_drops_accept_local_documents_only(tmp_path) -> None:
    mime = QMimeData()
    mime.setUrls(
        [
            QUrl.fromLocalFile(str(tmp_path / "ua.txt")),
            QUrl.fromLocalFile(str(tmp_path / "Appeal.DOCX")),
            QUrl.fromLocalFile(str(tmp_path / "scan.pdf")),
            QUrl.fromLocalFile(str(tmp_path / "photo.png")),
            QUrl.fromLocalFile(str(tmp_path / "ua.txt")),
            QUrl("https://example.org/ua.pdf"),
        ]
    )
    wanted = [tmp_path / "ua.txt", tmp_path / "Appeal.DOCX", tmp_path / "scan.pdf"]
    assert dropped_paths(mime) == wanted
    assert accepts_drop(mime)

    other = QMimeData()
    other.setUrls([QUrl.fromLocalFile(str(tmp_path / "photo.png")), QUrl("https://x.org/a.txt")])
    assert not accepts_drop(other) and dropped_paths(other) == []
    text_only = QMimeData()
    text_only.setText("URGENT ACTION")
    assert not accepts_drop(text_only)


def test_text_with_nothing_of_an_urgent_action_asks_before_opening(
    dialogs, editor_exec, cases_dir, monkeypatch
) -> None:
    opened: list = []
    editor_exec(lambda editor: opened.append(editor.fields["title"].value()))
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Open]
    asked: list[str] = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    assert import_actions.import_text(None, "hello world\n", cases_dir=cases_dir) is None
    assert opened == [] and "does not look like an Urgent Action" in asked[0]
    import_actions.import_text(None, "hello world\n", cases_dir=cases_dir)
    assert opened == ["hello world"]  # the user chose to type the case in by hand
