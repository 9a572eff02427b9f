"""The action log in the window: log what was sent, see it, undo, report, survive a bad file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from tests.conftest import CASE_ACTIVE_DAY
from tests.gui.conftest import fill_sender
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
    if not window.composer.profile.is_complete:  # an export with no sender asks first
        fill_sender(qtbot, window)
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


# --------------------------------------------------------------------------- from the 2nd review


def _panel(qtbot, path: Path):
    from uaction_desktop.gui.log_panel import LogPanel

    panel = LogPanel(path, cases=lambda: [], signer=lambda: "", today=CASE_ACTIVE_DAY)
    qtbot.addWidget(panel)
    panel.refresh()
    return panel


def _two_actions(path: Path) -> tuple[Action, Action]:
    old = Action(
        case_ua="63/18",
        channel="letter",
        sent_on=date(2018, 3, 28),
        count=5,
        reported_on=date(2018, 3, 31),
    )
    new = Action(case_ua="63/18", channel="email", sent_on=date(2018, 4, 1), count=7)
    with ActionLog.open(path) as log:
        log.add(old)
        log.add(new)
    return old, new


def test_a_report_marks_exactly_what_it_lists(qtbot, monkeypatch, tmp_path: Path) -> None:
    path = tmp_path / "actions.sqlite3"
    old, new = _two_actions(path)
    panel = _panel(qtbot, path)
    shown: list[tuple[str, int]] = []

    def press_mark(parent, text, count):
        shown.append((text, count))
        return count > 0

    monkeypatch.setattr(ReportDialog, "get_data", staticmethod(press_mark))
    # "Reported": a copy of what was already sent; nothing else may be marked.
    panel.reportedFilter.setCurrentIndex(panel.reportedFilter.findData(True))
    panel.report()
    text, count = shown[-1]
    assert count == 0 and "Email" not in text and "Letter" in text
    with ActionLog.open(path, read_only=True) as log:
        assert log.get(new.id).reported_on is None
    # Reported or not (the default): only what is not yet reported is listed and marked.
    panel.reportedFilter.setCurrentIndex(panel.reportedFilter.findData(None))
    panel.report()
    text, count = shown[-1]
    assert count == 1 and "Email" in text and "Letter" not in text
    panel.close_log()
    with ActionLog.open(path, read_only=True) as log:
        assert log.get(new.id).reported_on == CASE_ACTIVE_DAY
        assert log.get(old.id).reported_on == date(2018, 3, 31)


def test_a_ua_typed_in_the_dialog_is_the_one_logged(qtbot, case) -> None:
    action = Action(case_ua="63/18", channel="letter", sent_on=CASE_ACTIVE_DAY, official_id="x")
    dialog = ActionDialog([case], action, "Log an action", today=CASE_ACTIVE_DAY)
    qtbot.addWidget(dialog)
    dialog.case.setEditText("UA 64/18")
    logged = dialog.action()
    assert (logged.case_ua, logged.official_id) == ("64/18", "")
    dialog.case.setEditText("not a number")
    with pytest.raises(ValueError, match="not a UA number"):
        dialog.action()


def test_the_dialog_refuses_a_future_date_and_shows_names_as_text(qtbot, case) -> None:
    from dataclasses import replace

    from PySide6.QtCore import QDate, Qt

    evil = replace(case.officials[1], name='<b style="font-size:40px">Click here</b>')
    case = replace(case, officials=(case.officials[0], evil))
    action = Action(
        case_ua="63/18", channel=ActionChannel.FAX, sent_on=CASE_ACTIVE_DAY, official_id=evil.id
    )
    dialog = ActionDialog([case], action, "Log an action", today=CASE_ACTIVE_DAY)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert "<b style" in dialog.error.text()
    assert dialog.error.textFormat() == Qt.TextFormat.PlainText
    dialog.channel.setCurrentIndex(dialog.channel.findData("letter"))
    dialog.sent_on.setDate(QDate(2018, 4, 3))
    with pytest.raises(ValueError, match="after today"):
        dialog.action()
    assert dialog.reply_on.date() == QDate(2018, 4, 2)  # the app's today, not the calendar's


def test_merging_names_refused_files(qtbot, monkeypatch, tmp_path: Path, dialogs) -> None:
    from PySide6.QtWidgets import QFileDialog

    source = tmp_path / "source.sqlite3"
    _two_actions(source)
    good = tmp_path / "alice.json"
    with ActionLog.open(source) as log:
        log.export_json(good)
    bad = tmp_path / "bob.json"
    bad.write_text('{"format": "uaction-action-log", "version": 1, "actions": [{}]}', "utf-8")
    panel = _panel(qtbot, tmp_path / "mine.sqlite3")
    chosen = ([str(good), str(bad)], "")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: chosen))
    panel.import_json()
    kind, title, text = dialogs.messages[-1]
    assert kind == "warning" and "not merged" in title
    assert "alice.json: 2 added" in text
    assert "bob.json: NOT MERGED" in text


def test_exports_get_their_extension(qtbot, monkeypatch, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QFileDialog

    path = tmp_path / "actions.sqlite3"
    _two_actions(path)
    panel = _panel(qtbot, path)
    for method, name in ((panel.export_csv, "mine"), (panel.export_json, "group")):
        typed = (str(tmp_path / name), "")
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, t=typed: t))
        method()
    assert (tmp_path / "mine.csv").exists() and (tmp_path / "group.json").exists()


def test_chart_months_read_as_months() -> None:
    from uaction_desktop.gui.month_chart import month_label

    assert month_label("2018-04") == "Apr 2018"
    assert month_label("2026-12") == "Dec 2026"  # "Dec 26" read like the 26th of December
    assert month_label("odd") == "odd"


def test_every_letter_sent_waits_to_be_logged(
    qtbot, make_window, dialogs, accept_dialogs, tmp_path: Path, isolated_home: Path, monkeypatch
) -> None:
    from PySide6.QtGui import QDesktopServices

    window = make_window()
    export_a_letter(qtbot, window, dialogs, tmp_path)  # a letter to the ambassador
    export_a_letter(qtbot, window, dialogs, tmp_path)  # the same letter again: counts once
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: True))
    window.composer.email_letter()  # and an email to him too
    assert window.logThisButton.text() == "Log what I sent (2)…"
    window.logThisButton.click()
    assert window.logThisButton.text() == "Log this…" and window.logThisButton.isVisible()
    window.logThisButton.click()
    assert not window.logThisButton.isVisible() and not window.logThis.isEnabled()
    with ActionLog.open(isolated_home / "data" / "actions.sqlite3", read_only=True) as log:
        channels = sorted(a.channel.value for a in log.actions())
    assert channels == ["email", "letter"]


def test_a_send_logged_the_next_morning_keeps_the_day_it_was_sent(
    qtbot, dialogs, accept_dialogs, tmp_path: Path, isolated_home: Path
) -> None:
    from uaction_desktop.gui.main_window import MainWindow

    days = [date(2018, 4, 2)]
    window = MainWindow(clock=lambda: days[0])
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.started):
        window.show()
    export_a_letter(qtbot, window, dialogs, tmp_path)  # printed late in the evening...
    days[0] = date(2018, 4, 3)
    assert window.check_day()
    window.logThisButton.click()  # ...logged the next morning
    with ActionLog.open(isolated_home / "data" / "actions.sqlite3", read_only=True) as log:
        (action,) = log.actions()
    assert action.sent_on == date(2018, 4, 2)
