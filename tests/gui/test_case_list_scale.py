"""The window over a library of many cases: listed from the case index, each case read from its
file only when it is shown, the search filtering as one types."""

from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import CASE_ACTIVE_DAY, FIXTURES
from uaction_desktop import case_index, library

AN_HOUR_AGO = time.time() - 3600
COUNT = 40


def case_text(number: int) -> str:
    text = (FIXTURES / "cases" / "valid" / "ua-101-24-testland.toml").read_text("utf-8")
    text = text.replace('ua = "UA 101/24"', f'ua = "{number}/24"')
    text = text.replace("Maria Example", f"Person{number:03d} Example")
    return text.replace("deadline = 2024-06-27", "deadline = 2018-05-01").replace(
        "issued = 2024-05-02", "issued = 2018-03-01"
    )


@pytest.fixture
def many_cases(isolated_home: Path) -> Path:
    folder = isolated_home / "data" / "cases"
    folder.mkdir(parents=True)
    for number in range(1, COUNT + 1):
        path = folder / f"case-{number:03d}.toml"
        path.write_text(case_text(number), "utf-8")
        os.utime(path, (AN_HOUR_AGO, AN_HOUR_AGO))
    return folder


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every case file read and validated, by the index or when a case is opened."""
    seen: list[str] = []
    for module in (case_index, library):
        real = module.load_case_file

        def counting(path, real=real):
            seen.append(Path(path).name)
            return real(path)

        monkeypatch.setattr(module, "load_case_file", counting)
    return seen


def test_a_second_start_reads_only_the_case_it_shows(make_window, many_cases, reads) -> None:
    first = make_window()
    assert first.caseListPanel.model.rowCount() == COUNT + 1
    assert len(reads) >= COUNT  # the first start builds the index
    first.close()
    reads.clear()
    window = make_window()
    assert window.caseListPanel.model.rowCount() == COUNT + 1
    shown = window.caseListPanel.current_entry()
    assert shown is not None and reads == [Path(shown.card.path).name]
    window.tabs.setCurrentIndex(2)  # the log lists every case but reads none of them
    assert window.logPanel.caseFilter.count() >= COUNT + 1
    assert reads == [Path(shown.card.path).name]


def test_search_filters_keeps_the_choice_and_shows_the_case_once_typing_pauses(
    qtbot, make_window, many_cases
) -> None:
    window = make_window(CASE_ACTIVE_DAY)
    panel = window.caseListPanel
    panel.select_ua("7/24")
    assert "Person007" in window.caseView.toPlainText()
    qtbot.keyClicks(panel.search, "Example")  # every generated case: the choice stays
    assert panel.model.rowCount() == COUNT
    assert panel.current_entry().ua == "7/24"
    panel.search.clear()
    qtbot.keyClicks(panel.search, "Person012")
    assert [panel.model.entry(r).ua for r in range(panel.model.rowCount())] == ["12/24"]
    assert panel.current_entry().ua == "12/24"
    qtbot.waitUntil(lambda: "Person012" in window.caseView.toPlainText(), timeout=2000)
    panel.search.setText("no such words")
    qtbot.waitUntil(lambda: "Select a case" in window.caseView.toPlainText(), timeout=2000)


def test_sorting_by_a_column_orders_every_row(make_window, many_cases) -> None:
    from PySide6.QtCore import Qt

    window = make_window()
    model = window.caseListPanel.model
    window.caseListPanel.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    uas = [model.entry(r).ua for r in range(model.rowCount())]
    assert uas[:3] == ["63/18", "1/24", "2/24"] and uas[-1] == f"{COUNT}/24"
    window.caseListPanel.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert [model.entry(r).ua for r in range(model.rowCount())] == uas[::-1]


def test_the_word_index_is_built_between_events_and_finds_the_same(
    qtbot, make_window, many_cases, monkeypatch
) -> None:
    from uaction_desktop.case_search import CaseSearch
    from uaction_desktop.gui import case_model

    monkeypatch.setattr(CaseSearch, "FEW", 10)  # 41 cases count as many here
    monkeypatch.setattr(case_model, "INDEX_ROWS_PER_EVENT", 4)
    window = make_window(CASE_ACTIVE_DAY)
    panel = window.caseListPanel
    qtbot.keyClicks(panel.search, "Person01")  # typed while the index is being built
    before = [panel.model.entry(r).ua for r in range(panel.model.rowCount())]
    assert sorted(before) == sorted(f"{n}/24" for n in range(10, 20))
    search = panel.model._search
    qtbot.waitUntil(lambda: search._words is not None, timeout=5000)
    panel.search.clear()
    qtbot.keyClicks(panel.search, "Person01")
    assert [panel.model.entry(r).ua for r in range(panel.model.rowCount())] == before


def listed(panel) -> list[str]:
    return [panel.model.entry(r).ua for r in range(panel.model.rowCount())]


def test_typing_with_the_index_built_lists_what_the_cases_hold_and_keeps_the_choice(
    qtbot, make_window, many_cases, monkeypatch
) -> None:
    """Once the word index (with its masks for one and two letters) is complete, every key
    lists exactly the cases whose text holds the words typed, in the list's order, and the
    chosen case stays chosen while it is listed; it is shown once typing pauses."""
    from PySide6.QtCore import Qt

    from uaction_desktop.case_search import CaseSearch, matches

    monkeypatch.setattr(CaseSearch, "FEW", 10)  # 41 cases count as many here
    window = make_window(CASE_ACTIVE_DAY)
    panel = window.caseListPanel
    qtbot.waitUntil(panel.model.search_ready, timeout=5000)
    panel.scope.setCurrentIndex(2)  # all cases
    everything = panel.model.entries()
    panel.select_ua("12/24")
    typed = ""
    for key in "Person01":
        qtbot.keyClicks(panel.search, key)
        typed += key
        expected = [e.ua for e in everything if matches(e.case, typed)]
        assert listed(panel) == expected, typed
        assert panel.current_entry().ua == "12/24", typed
    assert listed(panel) == [f"{n}/24" for n in range(10, 20)]
    qtbot.keyClicks(panel.search, "5")  # 15/24 alone: the choice moves to it, shown after
    assert listed(panel) == ["15/24"] and panel.current_entry().ua == "15/24"
    qtbot.waitUntil(lambda: "Person015" in window.caseView.toPlainText(), timeout=2000)
    for _ in range(len("Person015")):  # and back, one key at a time
        qtbot.keyClick(panel.search, Qt.Key.Key_Backspace)
        expected = [e.ua for e in everything if matches(e.case, panel.search.text())]
        assert listed(panel) == expected, panel.search.text()
    assert listed(panel) == [e.ua for e in everything]
    for query in ["7", "07", "1", "13", "4/", "q"]:  # one or two characters, held by some
        panel.search.clear()
        qtbot.keyClicks(panel.search, query)
        expected = [e.ua for e in everything if matches(e.case, query)]
        assert 0 < len(expected) < len(everything) or query == "q"
        assert listed(panel) == expected, query


def test_a_key_that_changes_no_row_leaves_the_list_as_it_is(qtbot, make_window, many_cases) -> None:
    """A space, or a letter every listed case still holds, lists the same rows: the view is
    not reset (it would repaint everything), the choice and the case shown stay."""
    window = make_window(CASE_ACTIVE_DAY)
    panel = window.caseListPanel
    qtbot.keyClicks(panel.search, "Exampl")
    panel.select_ua("7/24")
    window.caseListPanel.flush_selection()
    rows = listed(panel)
    assert len(rows) == COUNT
    with qtbot.assertNotEmitted(panel.model.modelReset):
        qtbot.keyClicks(panel.search, "e ")
    assert listed(panel) == rows and panel.current_entry().ua == "7/24"
    assert "Person007" in window.caseView.toPlainText()
    with qtbot.waitSignal(panel.model.modelReset):
        qtbot.keyClicks(panel.search, "Person00")
    assert listed(panel) == [f"{n}/24" for n in range(1, 10)]


def test_the_list_texts_follow_the_log_and_the_calendar(qtbot, isolated_home, many_cases) -> None:
    """The texts the list shows are made once per case: logging an action still marks the
    case done, and a new day still moves its days left on."""
    from uaction_desktop.gui.main_window import MainWindow

    days = [date(2018, 4, 2)]
    window = MainWindow(clock=lambda: days[0])
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.started):
        window.show()
    model = window.caseListPanel.model
    row = model.row_of("7/24")
    assert model.index(row, 5).data() == "to do"
    before = model.index(row, 4).data()
    assert "29" in before  # 29 days to the deadline, 1 May 2018
    model.set_acted({"7/24"})
    assert model.index(row, 5).data() == "✓"
    days[0] = date(2018, 4, 3)
    assert window.check_day()
    row = model.row_of("7/24")
    assert model.index(row, 4).data() not in ("", before) and "28" in model.index(row, 4).data()


def test_a_case_file_changed_and_reloaded_shows_what_it_now_says(
    qtbot, make_window, many_cases
) -> None:
    """Reloaded, the same cases in the same order: the list still shows the new texts."""
    window = make_window(CASE_ACTIVE_DAY)
    model = window.caseListPanel.model
    row = model.row_of("7/24")
    assert model.index(row, 1).data() == "Journalist held incommunicado"
    path = many_cases / "case-007.toml"
    text = path.read_text("utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title = "))
    path.write_text(text.replace(title, 'title = "Renamed in the file"'), "utf-8")
    window.reload_cases()
    assert model.row_of("7/24") == row
    assert model.index(row, 1).data() == "Renamed in the file"


def test_a_new_palette_greys_the_cases_no_longer_active_in_its_colour(
    qtbot, make_window, many_cases
) -> None:
    """The muted colour is kept while the palette stays; a theme chosen while the app runs
    gives it anew."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    window = make_window(date(2018, 5, 2))  # the generated cases expired on 1 May
    panel = window.caseListPanel
    panel.scope.setCurrentIndex(2)
    model = panel.model
    row = model.row_of("7/24")
    foreground = Qt.ItemDataRole.ForegroundRole
    old = QApplication.palette()
    assert model.index(row, 1).data(foreground) == old.color(
        QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
    )
    themed = QPalette(old)
    themed.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#123456"))
    try:
        QApplication.setPalette(themed)
        qtbot.waitUntil(lambda: model.index(row, 1).data(foreground) == QColor("#123456"))
    finally:
        QApplication.setPalette(old)
    qtbot.waitUntil(lambda: model.index(row, 1).data(foreground) != QColor("#123456"))
