"""What belongs to a case stays with it; what is typed is what prints (issue 11, items 1, 2, 5, 6).

Each test drives the real window over real case files, drafts and profile on disk. Before the
fixes: the personal line was one field for every case, a personal line changed after the body
was edited was lost to the saved draft, the sender form was ignored until "Save my details",
a US writer got A4, and Print to file proposed "UA 63/18 letter.pdf" (an invalid path).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.conftest import FIXTURES
from tests.gui.conftest import fill_sender
from uaction_desktop.actionlog import ActionLog
from uaction_desktop.gui.action_dialog import ActionDialog

WINDOW_CASES = FIXTURES / "window"
PERSONAL = "As a grandmother I was shocked that someone can be punished for reading a website."


@pytest.fixture
def three_cases(isolated_home: Path) -> Path:
    """The bundled UA 63/18 plus two cases written for these tests, in the user's case folder."""
    folder = isolated_home / "data" / "cases"
    folder.mkdir(parents=True)
    for path in WINDOW_CASES.glob("*.toml"):
        shutil.copy(path, folder)
    return folder


def write_profile(home: Path, text: str) -> None:
    config = home / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "profile.toml").write_text(text, encoding="utf-8")


def open_case(qtbot, window, ua: str):
    assert window.caseListPanel.select_ua(ua), ua
    window.showWriter.trigger()
    composer = window.composer
    composer.ensure_composed()
    return composer


def settle(qtbot, composer) -> None:
    """Let the preview and autosave timers fire, as they do while the user pauses."""
    qtbot.waitUntil(
        lambda: (
            not (
                composer.previewTimer.isActive()
                or composer.autosaveTimer.isActive()
                or composer.senderTimer.isActive()
            )
        ),
        timeout=3000,
    )


def pdf_text(data: bytes) -> str:
    import io

    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


# ------------------------------------------------------------------ 1. state stays with its case


def test_a_personal_line_stays_with_its_case_and_official(qtbot, make_window, three_cases):
    window = make_window()
    composer = open_case(qtbot, window, "63/18")
    qtbot.keyClicks(composer.personalLine, PERSONAL)
    settle(qtbot, composer)
    assert PERSONAL in composer.current_letter().paragraphs

    composer = open_case(qtbot, window, "72/18")  # the King of Saudi Arabia
    assert composer.personalLine.text() == ""
    assert PERSONAL not in composer.letterBody.toPlainText()
    assert PERSONAL not in pdf_text(composer.render().pdf)

    composer = open_case(qtbot, window, "63/18")
    composer.select_official("ambassador")  # another letter of the same case: its own line
    assert composer.personalLine.text() == ""
    assert PERSONAL not in composer.current_letter().paragraphs
    composer.select_official("prosecutor-general")
    assert composer.personalLine.text() == PERSONAL
    assert PERSONAL in pdf_text(composer.render().pdf)


def test_changing_the_personal_line_after_editing_the_body_updates_it_in_place(
    qtbot, make_window, three_cases
):
    window = make_window()
    composer = open_case(qtbot, window, "63/18")
    qtbot.keyClicks(composer.personalLine, "I am a teacher.")
    body = composer.letterBody
    body.moveCursor(body.textCursor().MoveOperation.End)
    qtbot.keyClicks(body, " I will write again.")
    settle(qtbot, composer)
    composer.personalLine.selectAll()
    qtbot.keyClicks(composer.personalLine, "I am a retired teacher.")
    settle(qtbot, composer)
    text = body.toPlainText()
    assert "I am a retired teacher." in text and "I am a teacher." not in text
    assert text.endswith("I will write again.")  # the edit is kept too
    window.close()

    second = make_window()  # the restart restores both, not the older draft
    composer = open_case(qtbot, second, "63/18")
    assert composer.personalLine.text() == "I am a retired teacher."
    paragraphs = composer.current_letter().paragraphs
    assert "I am a retired teacher." in paragraphs
    assert paragraphs[-1].endswith("I will write again.")
    assert not any("I am a teacher." in p for p in paragraphs)


def test_official_channel_and_paper_are_kept_per_case(qtbot, make_window, three_cases):
    window = make_window()
    composer = open_case(qtbot, window, "63/18")
    composer.select_official("ambassador")
    composer.channelPicker.setCurrentIndex(composer.channelPicker.findData("email"))
    composer.layoutPicker.setCurrentIndex(composer.layoutPicker.findData("letter-no10"))

    composer = open_case(qtbot, window, "72/18")
    assert composer.current_official().id == "king"
    assert composer.current_channel().value == "letter"
    assert composer.current_layout() == "a4-din-b"  # nothing chosen here: nothing carried over
    window.close()

    second = make_window()
    composer = open_case(qtbot, second, "63/18")
    assert composer.current_official().id == "ambassador"
    assert composer.current_channel().value == "email"
    assert composer.current_layout() == "letter-no10"


# ------------------------------------------------------------------ 2. no letter without a sender


def test_sender_details_typed_are_used_at_once_and_kept(
    qtbot, make_window, three_cases, dialogs, tmp_path: Path, isolated_home: Path, monkeypatch
):
    window = make_window()
    composer = open_case(qtbot, window, "63/18")
    assert composer.senderBox.isVisible()
    qtbot.keyClicks(composer.senderName, "Mary Major")
    composer.senderAddress.setPlainText("4 Mill Road\nCambridge CB1 2AB")
    qtbot.keyClicks(composer.senderCountry, "United Kingdom")
    settle(qtbot, composer)  # never clicked "Save my details"
    letter = composer.current_letter()
    assert letter.sender_name == letter.signature == "Mary Major"
    assert letter.sender_lines == ("4 Mill Road", "Cambridge CB1 2AB", "UNITED KINGDOM")
    text = pdf_text(composer.render().pdf)
    assert "Mary Major" in text and "Cambridge CB1 2AB" in text
    # Exported and logged: the log records who signed, though the details were never saved.
    dialogs.save_path = str(tmp_path / "mary.pdf")
    composer.exportPdf.trigger()
    monkeypatch.setattr(ActionDialog, "exec", lambda self: self.accept() or self.result())
    window.logThisButton.click()
    with ActionLog.open(isolated_home / "data" / "actions.sqlite3", read_only=True) as log:
        assert [a.signer for a in log.actions()] == ["Mary Major"]
    window.close()

    second = make_window()  # kept like a draft
    composer = open_case(qtbot, second, "63/18")
    assert composer.senderName.text() == "Mary Major"
    assert composer.current_letter().sender_lines[0] == "4 Mill Road"


def test_export_with_no_sender_asks_first(
    qtbot, make_window, three_cases, dialogs, tmp_path: Path, monkeypatch
):
    answers: list[str] = []

    def ask(parent, title, text, *args):
        answers.append(text)
        return reply

    monkeypatch.setattr(QMessageBox, "question", staticmethod(ask))
    window = make_window()
    composer = open_case(qtbot, window, "63/18")
    target = tmp_path / "out.pdf"
    dialogs.save_path = str(target)
    reply = QMessageBox.StandardButton.No
    composer.exportPdf.trigger()
    assert not target.exists()
    assert "no sender name and no address" in answers[0]
    reply = QMessageBox.StandardButton.Yes
    composer.exportPdf.trigger()
    assert target.exists()
    fill_sender(qtbot, window)
    composer.exportPdf.trigger()
    assert len(answers) == 2  # a letter with a sender is not asked about


# ------------------------------------------------------------------ 5. paper follows the country


def test_a_us_profile_gets_us_letter_in_composer_preferences_and_pack(
    qtbot, make_window, three_cases, isolated_home: Path, monkeypatch
):
    from uaction_desktop.gui.pack_dialog import PackDialog
    from uaction_desktop.gui.preferences import PreferencesDialog
    from uaction_desktop.profile import load_profile

    write_profile(
        isolated_home,
        'name = "Jane Doe"\naddress = ["12 Elm Street", "Springfield, IL 62701"]\n'
        'country = "United States"\n',
    )
    window = make_window()
    composer = open_case(qtbot, window, "63/18")
    assert composer.layoutPicker.currentData() == "letter-no10"
    assert composer.current_letter().closing == "Sincerely,"
    pack = PackDialog(window.library, window.profile, window.today, lambda actions: True)
    qtbot.addWidget(pack)
    assert pack.layout_box.currentData() == "letter-no10"
    seen: list[str] = []

    def exec_(self) -> int:
        seen.append(self.layout_box.currentData())
        return PreferencesDialog.DialogCode.Accepted

    monkeypatch.setattr(PreferencesDialog, "exec", exec_)
    window.preferencesAction.trigger()
    assert seen == ["letter-no10"]
    # OK without touching the paper: still following the country, not a choice of Letter
    assert load_profile(window.paths.profile_file).layout == ""


def test_paper_follows_the_country_typed_in_the_sender_form(qtbot, make_window, three_cases):
    window = make_window()
    composer = open_case(qtbot, window, "63/18")
    assert composer.current_layout() == "a4-din-b"
    qtbot.keyClicks(composer.senderCountry, "Canada")
    settle(qtbot, composer)
    assert composer.layoutPicker.currentData() == "letter-no10"
    assert composer.current_letter().layout == "letter-no10"


# ------------------------------------------------------------------ 6. names that work as files


def test_export_proposes_a_file_name_without_a_slash(qtbot, make_window, three_cases, monkeypatch):
    proposed: list[str] = []

    def save_name(parent, caption, name, *args, **kwargs):
        proposed.append(name)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    window = make_window()
    composer = open_case(qtbot, window, "63/18")
    fill_sender(qtbot, window)
    composer.select_official("ambassador")
    composer.exportPdf.trigger()
    assert proposed == ["UA 63-18 letter to the Ambassador.pdf"]


def test_print_to_the_file_the_print_dialog_proposes(
    qtbot, make_window, three_cases, tmp_path: Path, monkeypatch
):
    """The print dialog proposes "<home>/<document name>.pdf" for Print to file: with the
    document named "UA 63/18 letter" that was a folder that does not exist."""
    home = tmp_path / "home"
    home.mkdir()

    def exec_(self) -> int:
        printer: QPrinter = self.printer()
        printer.setOutputFileName(str(home / f"{printer.docName()}.pdf"))  # as the dialog does
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    window = make_window()
    composer = open_case(qtbot, window, "63/18")
    fill_sender(qtbot, window)
    composer.printLetter.trigger()
    printed = home / "UA 63-18 letter to the Prosecutor General.pdf"
    assert printed.exists(), window.statusBar().currentMessage()
    assert "Dear Prosecutor General" in pdf_text(printed.read_bytes())
