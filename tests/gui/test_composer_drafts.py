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
