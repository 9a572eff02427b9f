"""The window paints its case list first and lays out the rest right after."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel

from tests.conftest import CASE_ACTIVE_DAY
from uaction_desktop.gui.first_paint import after_first_paint


def test_callback_runs_once_after_the_first_paint_and_not_before(qtbot) -> None:
    label = QLabel("hello")
    qtbot.addWidget(label)
    calls: list[bool] = []
    after_first_paint(label, lambda: calls.append(label.isVisible()))
    qtbot.wait(20)
    assert calls == []  # never shown, never painted
    label.show()
    qtbot.waitUntil(lambda: calls == [True])
    label.update()
    label.repaint()
    qtbot.wait(20)
    assert calls == [True]


def test_window_lists_cases_first_then_shows_the_selected_case(qtbot, isolated_home: Path) -> None:
    from uaction_desktop.gui.main_window import MainWindow

    window = MainWindow(today=CASE_ACTIVE_DAY)
    qtbot.addWidget(window)
    # Built but not yet painted: the list is filled, the case text is not laid out yet.
    assert window.caseListPanel.model.rowCount() == 1
    assert window.caseListPanel.current_entry() is not None
    assert not window.is_started
    assert window.caseView.toPlainText() == ""
    with qtbot.waitSignal(window.started):
        window.show()
    assert window.is_started
    assert "Akmaral Tobylova" in window.caseView.toPlainText()
    window.finish_start()  # a second call changes nothing
    assert "Akmaral Tobylova" in window.caseView.toPlainText()


def test_selection_before_the_first_paint_is_the_one_shown(qtbot, isolated_home: Path) -> None:
    from uaction_desktop.gui.main_window import MainWindow

    window = MainWindow(today=CASE_ACTIVE_DAY)
    qtbot.addWidget(window)
    window.caseListPanel.search.setText("no such case anywhere")
    assert window.caseListPanel.current_entry() is None
    with qtbot.waitSignal(window.started):
        window.show()
    assert "Select a case" in window.caseView.toPlainText()
