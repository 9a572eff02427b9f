"""The window writes the letter in the profile's (or system's) language where the case has it;
the address block's greeting shown beside the preview is the letter's own (issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gui.conftest import fill_sender


def test_a_french_desktop_writes_french_letters(
    qtbot, make_window, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    window = make_window()
    window.showWriter.trigger()
    fill_sender(qtbot, window)
    composer = window.composer
    composer.select_official("prosecutor-general")
    body = composer.letterBody.toPlainText()
    assert body.startswith("Je ")
    assert composer.recipient.text().endswith("Monsieur le Procureur général,")
    letter = composer.current_letter()
    assert letter.language == "fr"
    assert letter.closing.startswith("Je vous prie d’agréer, Monsieur le Procureur général")
    composer.channelPicker.setCurrentIndex(composer.channelPicker.findData("social"))
    assert "#Kazakhstan" in composer.letterBody.toPlainText()
    assert "je vous demande" in composer.letterBody.toPlainText()
    composer.channelPicker.setCurrentIndex(composer.channelPicker.findData("letter"))
    assert window.grab().save(str(tmp_path / "composer-fr.png"))  # to look at
