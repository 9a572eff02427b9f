"""What was typed survives changes made within the autosave delay."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import BUNDLED_CASE, CASE_ACTIVE_DAY
from uaction_desktop.drafts import DraftStore
from uaction_desktop.gui.composer import Composer
from uaction_desktop.library import CaseLibrary
from uaction_desktop.profile import SenderProfile

MINE = "My own carefully written letter, nothing like the suggestion."


@pytest.fixture
def composer(qtbot, tmp_path: Path) -> Composer:
    entry = CaseLibrary.load([], bundled=BUNDLED_CASE.parent).entries(CASE_ACTIVE_DAY)[0]
    profile = SenderProfile(name="Jane Doe", address=("12 Elm Street", "Springfield"))
    widget = Composer(DraftStore(tmp_path / "drafts"), profile, lambda p: None)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_entry(entry, CASE_ACTIVE_DAY)
    return widget


def test_a_personal_line_typed_within_a_second_keeps_the_edits(qtbot, composer) -> None:
    composer.letterBody.setPlainText(MINE)
    assert composer.autosaveTimer.isActive()
    qtbot.keyClicks(composer.personalLine, "x")
    qtbot.wait(1300)
    assert MINE in composer.letterBody.toPlainText()
    assert composer.drafts.load(composer.entry.ua, composer.current_official().id) is not None


def test_a_profile_change_while_hidden_keeps_pending_edits(qtbot, composer) -> None:
    composer.letterBody.setPlainText(MINE)
    composer.hide()
    composer.set_profile(composer.profile.with_overrides(group="Group 42"))
    qtbot.wait(1300)
    composer.show()
    assert MINE in composer.letterBody.toPlainText()


def test_drafts_of_different_letters_never_share_a_file(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    store.save("12/18", "amb.phone", "phone script")
    store.save("12/18", "amb-phone", "letter")
    assert store.load("12/18", "amb.phone").body == "phone script"
    assert store.load("12/18", "amb-phone").body == "letter"


def test_saving_details_over_an_unreadable_profile_keeps_it(
    qtbot, make_window, isolated_home: Path, dialogs
) -> None:
    from PySide6.QtCore import Qt

    profile_file = isolated_home / "config" / "profile.toml"
    profile_file.parent.mkdir(parents=True)
    broken = 'name = "Jane Doe"\ngroup = "Group 42"\nclosing = "Yours faithfully,\n'
    profile_file.write_text(broken, encoding="utf-8")
    window = make_window()
    window.showWriter.trigger()
    composer = window.composer
    composer.senderName.setText("Jane Doe")
    composer.senderAddress.setPlainText("12 Elm Street")
    qtbot.mouseClick(composer.saveSender, Qt.MouseButton.LeftButton)
    kept = [p for p in profile_file.parent.iterdir() if p.name.startswith("profile.unreadable")]
    assert [p.read_text("utf-8") for p in kept] == [broken]
    assert any("kept as" in text for _, _, text in dialogs.messages)


def type_sender(qtbot, window):
    """A sender typed into the composer and not saved; the 250 ms delay still running."""
    window.showWriter.trigger()
    composer = window.composer
    composer.ensure_composed()
    qtbot.keyClicks(composer.senderName, "Mary Major")
    composer.senderAddress.setPlainText("4 Mill Road\nCambridge CB1 2AB")
    qtbot.keyClicks(composer.senderCountry, "United Kingdom")
    assert composer.senderTimer.isActive()
    return composer


def assert_sender_found(qtbot, make_window) -> None:
    window = make_window()
    window.showWriter.trigger()
    composer = window.composer
    composer.ensure_composed()
    assert composer.senderName.text() == "Mary Major"
    assert composer.senderAddress.toPlainText() == "4 Mill Road\nCambridge CB1 2AB"
    assert composer.senderCountry.text() == "United Kingdom"
    assert composer.current_letter().sender_name == "Mary Major"


def test_a_sender_typed_just_before_saving_preferences_is_kept(
    qtbot, make_window, monkeypatch, isolated_home: Path
) -> None:
    from uaction_desktop.gui.preferences import PreferencesDialog
    from uaction_desktop.profile import load_profile

    def exec_(self) -> int:
        self.group.setText("Group 42")
        return PreferencesDialog.DialogCode.Accepted

    monkeypatch.setattr(PreferencesDialog, "exec", exec_)
    window = make_window()
    composer = type_sender(qtbot, window)
    window.preferencesAction.trigger()
    saved = load_profile(window.paths.profile_file)
    assert saved.group == "Group 42" and saved.name == ""  # the typed sender was not saved...
    assert composer.senderName.text() == "Mary Major"  # ...and is still there, as typed
    assert composer.current_letter().sender_name == "Mary Major"
    window.close()
    assert_sender_found(qtbot, make_window)


def test_a_sender_typed_just_before_closing_the_window_is_kept(qtbot, make_window) -> None:
    window = make_window()
    type_sender(qtbot, window)
    window.close()
    assert_sender_found(qtbot, make_window)


def test_a_sender_saved_through_preferences_is_no_longer_a_typed_draft(
    qtbot, make_window, monkeypatch
) -> None:
    from uaction_desktop.gui.preferences import PreferencesDialog

    def exec_(self) -> int:  # the same details, saved this time
        self.name.setText("Mary Major")
        self.address.setPlainText("4 Mill Road\nCambridge CB1 2AB")
        self.country.setText("United Kingdom")
        return PreferencesDialog.DialogCode.Accepted

    monkeypatch.setattr(PreferencesDialog, "exec", exec_)
    window = make_window()
    composer = type_sender(qtbot, window)
    window.preferencesAction.trigger()
    assert composer.drafts.load_sender() is None
    assert not composer.senderBox.isVisible()  # the profile holds them: the summary shows
    assert composer.current_letter().sender_name == "Mary Major"
