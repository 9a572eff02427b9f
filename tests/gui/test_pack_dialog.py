"""The meeting pack from the window: built off the UI thread, cancellable, then logged."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from tests.conftest import CASE_ACTIVE_DAY
from uaction_desktop.actionlog import ActionLog
from uaction_desktop.gui.pack_dialog import PackDialog
from uaction_desktop.library import CaseLibrary
from uaction_desktop.profile import SenderProfile
from uaction_desktop.resources import bundled_cases_dir


def make_dialog(qtbot, recorded: list) -> PackDialog:
    library = CaseLibrary.load([], bundled=bundled_cases_dir())
    profile = SenderProfile(
        name="Coordinator", address=("1 Hall Road", "Springfield"), group="Group 42"
    )
    dialog = PackDialog(
        library, profile, CASE_ACTIVE_DAY, record=lambda actions: recorded.extend(actions) or True
    )
    qtbot.addWidget(dialog)
    return dialog


def test_build_in_background_then_record_in_the_log(qtbot, tmp_path: Path) -> None:
    recorded: list = []
    dialog = make_dialog(qtbot, recorded)
    assert dialog.chosen_cases() == ("63/18",)  # active cases are chosen by default
    dialog.copies.setValue(3)
    assert dialog.summary.text().startswith("6 letters: 3 to each of 2 officials")
    output = tmp_path / "pack.pdf"
    worker = dialog.build(output)
    assert worker.wait(60000)  # the thread ends; its queued signals are delivered next
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=5000)
    reader = PdfReader(output)
    assert len(reader.pages) == dialog.result.pages
    text = " ".join(p.extract_text() for p in reader.pages)
    assert text.count("Dear Ambassador,") == 3  # the letters (the briefing names it too)
    assert not dialog.after.isHidden()
    assert dialog.signed.value() == 3
    dialog.signed.setValue(2)  # one member left early
    dialog.logButton.click()
    assert {(a.official_id, a.count) for a in recorded} == {
        ("prosecutor-general", 2),
        ("ambassador", 2),
    }
    assert all(a.note == f"Meeting of {CASE_ACTIVE_DAY.isoformat()}" for a in recorded)


def test_what_was_signed_is_recorded_per_official(qtbot, tmp_path: Path) -> None:
    recorded: list = []
    dialog = make_dialog(qtbot, recorded)
    dialog.copies.setValue(3)
    worker = dialog.build(tmp_path / "pack.pdf")
    assert worker.wait(60000)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=5000)
    table = dialog.signedTable
    rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
    assert set(rows) == {
        "UA 63/18: Prosecutor General Kairat Kozhamzharov",
        "UA 63/18: Ambassador Erzhan Kazykhanov",
    }
    assert [dialog.signed_for(r) for r in range(table.rowCount())] == [3, 3]
    table.cellWidget(rows["UA 63/18: Ambassador Erzhan Kazykhanov"], 1).setValue(
        0
    )  # nobody wrote to him
    table.cellWidget(rows["UA 63/18: Prosecutor General Kairat Kozhamzharov"], 1).setValue(2)
    dialog.logButton.click()
    assert [(a.official_id, a.count) for a in recorded] == [("prosecutor-general", 2)]


def test_a_roster_disables_the_member_count(qtbot, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, [])
    assert dialog.copies.isEnabled()
    dialog.roster.setText(str(tmp_path / "members.csv"))
    assert not dialog.copies.isEnabled()
    dialog.roster.clear()
    assert dialog.copies.isEnabled()


def test_cancel_leaves_no_file_and_keeps_an_old_one(qtbot, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, [])
    dialog.copies.setValue(200)
    output = tmp_path / "pack.pdf"
    output.write_bytes(b"last month's pack")
    worker = dialog.build(output)
    worker.stop.set()  # what the progress dialog's Cancel button does
    assert worker.wait(60000)
    qtbot.waitUntil(lambda: "Cancelled" in dialog.summary.text(), timeout=5000)
    assert output.read_bytes() == b"last month's pack"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack.pdf"]


def test_bad_roster_is_a_clear_message(qtbot, tmp_path: Path) -> None:
    roster = tmp_path / "members.csv"
    roster.write_text("email\nx@example.org\n", encoding="utf-8")
    dialog = make_dialog(qtbot, [])
    dialog.roster.setText(str(roster))
    assert "name" in dialog.summary.text()
    assert not dialog.buildButton.isEnabled()


def test_window_records_a_meeting_in_the_real_log(qtbot, make_window, isolated_home, monkeypatch):
    window = make_window()
    built: list = []

    def fake_exec(self) -> int:
        worker = self.build(isolated_home / "pack.pdf")
        worker.wait()
        qtbot.waitUntil(lambda: self.result is not None, timeout=10000)
        self.logButton.click()
        built.append(self.result)
        return 0

    monkeypatch.setattr(PackDialog, "exec", fake_exec)
    window.meetingPack.trigger()
    assert built
    with ActionLog.open(isolated_home / "data" / "actions.sqlite3", read_only=True) as log:
        assert sum(a.count for a in log.actions()) == 20  # 10 members x 2 officials


def test_copies_to_recipients_are_chosen_per_case(qtbot) -> None:
    from datetime import date

    from tests.conftest import FIXTURES

    library = CaseLibrary.load([FIXTURES / "pack" / "cases"])
    dialog = PackDialog(library, SenderProfile(name="C"), date(2026, 11, 28), record=lambda a: True)
    qtbot.addWidget(dialog)
    dialog.copies.setValue(2)
    before = dialog.summary.text()
    dialog.set_copies_to("201/26", True)
    assert dialog.options().copies_to == ("201/26",)
    assert int(dialog.summary.text().split()[0]) == int(before.split()[0]) + 2


def test_the_greyed_member_count_is_the_rosters(qtbot, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, [])
    assert dialog.copies.text() == "10 members"
    roster = tmp_path / "members.csv"
    roster.write_text("name\n" + "".join(f"Member {n}\n" for n in range(1, 6)), encoding="utf-8")
    dialog.roster.setText(str(roster))
    assert not dialog.copies.isEnabled()
    assert dialog.copies.text() == "5 members"  # not the 10 typed before
    assert dialog.summary.text().startswith("10 letters: 5 to each of 2 officials")
    dialog.roster.setText(str(tmp_path / "missing.csv"))
    assert "10" not in dialog.copies.text()
    dialog.roster.clear()
    assert dialog.copies.isEnabled()
    assert dialog.copies.text() == "10 members"
    assert dialog.summary.text().startswith("20 letters: 10 to each of 2 officials")
