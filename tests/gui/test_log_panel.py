"""The action log in the window: log what was sent, see it, undo, report, survive a bad file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from tests.conftest import CASE_ACTIVE_DAY
from uaction_desktop.actionlog import Action, ActionChannel, ActionLog
from uaction_desktop.gui.action_dialog import ActionDialog
from uaction_desktop.gui.log_model import ActionTableModel
from uaction_desktop.gui.log_panel import ReportDialog


@pytest.fixture
def accept_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[ActionDialog]:
    """Action dialogs accept at once (as if the user pressed Save), and are recorded."""
    shown: list[ActionDialog] = []

    def exec_(self) -> int:
        shown.append(self)
        self.count.setValue(3)
        self.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ActionDialog, "exec", exec_)
    return shown


def export_a_letter(qtbot, window, dialogs, tmp_path: Path) -> None:
    window.showWriter.trigger()
    window.composer.select_official("ambassador")
    dialogs.save_path = str(tmp_path / "letter.pdf")
    window.composer.exportPdf.trigger()
    assert (tmp_path / "letter.pdf").exists()


def test_log_this_after_export_records_a_snapshot(
    qtbot, make_window, dialogs, accept_dialogs, tmp_path: Path, isolated_home: Path
) -> None:
    window = make_window()
    model = window.caseListPanel.model
    assert model.index(0, 5).data() == "to do"
    export_a_letter(qtbot, window, dialogs, tmp_path)
    assert window.logThis.isEnabled()
    window.logThisButton.click()
    assert len(accept_dialogs) == 1
    with ActionLog.open(isolated_home / "data" / "actions.sqlite3", read_only=True) as log:
        (action,) = log.actions()
    assert action.case_ua == "63/18"
    assert action.official_id == "ambassador"
    assert action.official_name == "Erzhan Kazykhanov"
    assert action.channel is ActionChannel.LETTER
    assert action.count == 3
    assert action.sent_on == CASE_ACTIVE_DAY
    assert "Dear Ambassador" in action.text
    assert model.index(0, 5).data() == "✓"
    panel = window.logPanel
    assert panel.model.rowCount() == 1
    assert "UA 63/18: Letters: 3 (total 3)" in panel.totals.text()


def test_delete_and_undo(qtbot, make_window, accept_dialogs, isolated_home: Path) -> None:
    window = make_window()
    window.showLog.trigger()
    panel = window.logPanel
    panel.addAction_.trigger()
    assert panel.model.rowCount() == 1
    panel.table.setCurrentIndex(panel.proxy.index(0, 0))
    panel.deleteAction.trigger()
    assert panel.model.rowCount() == 0
    panel.undoAction.trigger()
    assert panel.model.rowCount() == 1
    assert not panel.undoAction.isEnabled()


def test_report_marks_actions_reported(qtbot, make_window, accept_dialogs, monkeypatch) -> None:
    window = make_window()
    window.showLog.trigger()
    panel = window.logPanel
    panel.addAction_.trigger()
    seen: list[str] = []

    def fake_report(parent, text, count):
        seen.append(text)
        return True

    monkeypatch.setattr(ReportDialog, "get_data", staticmethod(fake_report))
    panel.reportAction.trigger()
    assert "63.18" in seen[0]
    assert panel.model.actions()[0].reported_on == CASE_ACTIVE_DAY


def test_a_corrupt_log_is_a_sentence_not_a_crash(make_window, isolated_home: Path) -> None:
    path = isolated_home / "data" / "actions.sqlite3"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not a database" * 100)
    window = make_window()
    window.showLog.trigger()
    panel = window.logPanel
    assert panel.error.isVisible()
    assert str(path) in panel.error.text() or "action log" in panel.error.text().lower()
    assert path.read_bytes().startswith(b"this is not a database")  # nothing overwritten


def test_action_model_passes_qtmodeltester(qtmodeltester) -> None:
    model = ActionTableModel()
    model.set_actions(
        [
            Action(case_ua="63/18", channel=ActionChannel.EMAIL, sent_on=date(2018, 4, 2)),
            Action(
                case_ua="63/18",
                channel=ActionChannel.LETTER,
                sent_on=date(2018, 4, 3),
                count=12,
                signer="Group 42",
            ),
        ]
    )
    qtmodeltester.check(model)


def test_the_dialog_refuses_a_channel_the_official_cannot_be_reached_by(qtbot) -> None:
    from tests.conftest import BUNDLED_CASE
    from uaction_desktop.casefile import load_case_file

    case = load_case_file(BUNDLED_CASE).case
    action = Action(
        case_ua="63/18",
        channel=ActionChannel.FAX,
        sent_on=CASE_ACTIVE_DAY,
        official_id="ambassador",
    )
    dialog = ActionDialog([case], action, "Log an action")
    qtbot.addWidget(dialog)
    with pytest.raises(ValueError, match="cannot be reached by fax"):
        dialog.action()
    dialog.accept()
    assert "cannot be reached by fax" in dialog.error.text()
