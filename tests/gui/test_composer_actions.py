"""Print, email, copy and the other channels, driven through the window's own actions."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter

from tests.gui.conftest import fill_sender


def test_print_to_a_pdf_printer_hands_over_the_vector_pdf(
    qtbot, make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "printed.pdf"

    def exec_(self) -> int:
        printer: QPrinter = self.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    window = make_window()
    window.showWriter.trigger()
    fill_sender(qtbot, window)
    window.composer.printLetter.trigger()
    text = " ".join(PdfReader(target).pages[0].extract_text().split())
    assert "Dear Prosecutor General" in text
    assert "14 Orynbor Street" in text
    assert window.logThis.isEnabled()  # printing offers to log it


def test_email_opens_the_mail_program_with_both_addresses(
    qtbot, make_window, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toString()) or True)
    )
    window = make_window()
    window.showWriter.trigger()
    window.composer.select_official("ambassador")
    window.composer.emailLetter.trigger()
    (url,) = opened
    assert url.startswith("mailto:washington@mfa.kz,kzconsuldc@gmail.com?subject=")
    assert "Dear Ambassador" in unquote(url)


def test_email_is_disabled_for_an_official_without_email(qtbot, make_window) -> None:
    window = make_window()
    window.showWriter.trigger()
    window.composer.select_official("prosecutor-general")
    assert not window.composer.emailLetter.isEnabled()


def test_copy_text_puts_the_letter_on_the_clipboard(qtbot, make_window) -> None:
    window = make_window()
    window.showWriter.trigger()
    window.composer.copyText.trigger()
    text = QGuiApplication.clipboard().text()
    assert "Dear Prosecutor General," in text
    assert "I urge you to immediately and unconditionally release Akmaral Tobylova" in text


def test_channels_offered_are_those_the_official_has(qtbot, make_window) -> None:
    window = make_window()
    window.showWriter.trigger()
    picker = window.composer.channelPicker
    window.composer.select_official("prosecutor-general")
    assert [picker.itemData(i) for i in range(picker.count())] == ["letter", "fax", "social"]
    window.composer.select_official("ambassador")
    assert [picker.itemData(i) for i in range(picker.count())] == [
        "letter",
        "email",
        "phone",
        "social",
    ]


def test_phone_script_and_social_post(qtbot, make_window) -> None:
    window = make_window()
    window.showWriter.trigger()
    composer = window.composer
    composer.select_official("ambassador")
    composer.channelPicker.setCurrentIndex(composer.channelPicker.findData("phone"))
    assert "1 202 232 5488" in composer.letterBody.toPlainText()
    assert composer.previewStack.currentWidget() is composer.messagePreview
    composer.channelPicker.setCurrentIndex(composer.channelPicker.findData("social"))
    assert len(composer.letterBody.toPlainText()) <= 280
    composer.channelPicker.setCurrentIndex(composer.channelPicker.findData("letter"))
    assert composer.previewStack.currentWidget() is composer.letterPreview


def test_fax_preview_has_a_cover_page(qtbot, make_window) -> None:
    window = make_window()
    window.showWriter.trigger()
    composer = window.composer
    composer.select_official("prosecutor-general")
    composer.channelPicker.setCurrentIndex(composer.channelPicker.findData("fax"))
    assert composer.letterPreview.page_count() == 2


def test_window_geometry_is_remembered(qtbot, make_window) -> None:
    # The headless screen is only 800 px wide, so Qt clamps widths; heights show the restore.
    window = make_window()
    window.resize(window.width(), 655)
    assert window.height() == 655
    window.close()
    again = make_window()
    assert again.height() == 655


def test_preferences_dialog_returns_a_profile(qtbot, make_window, monkeypatch) -> None:
    from uaction_desktop.gui.preferences import PreferencesDialog
    from uaction_desktop.profile import load_profile

    def exec_(self) -> int:
        self.name.setText("Ana Nowak")
        self.address.setPlainText("ul. Długa 5\n00-001 Warszawa")
        self.country.setText("Poland")
        return PreferencesDialog.DialogCode.Accepted

    monkeypatch.setattr(PreferencesDialog, "exec", exec_)
    window = make_window()
    window.preferencesAction.trigger()
    saved = load_profile(window.paths.profile_file)
    assert saved.name == "Ana Nowak"
    assert saved.address == ("ul. Długa 5", "00-001 Warszawa")
    window.showWriter.trigger()
    # Writing from Poland to the embassy in Washington: the country line is added.
    window.composer.select_official("ambassador")
    assert window.composer.recipient.text().splitlines()[4] == "STANY ZJEDNOCZONE"  # in Polish
