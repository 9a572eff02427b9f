"""The window over a library of many cases: listed from the case index, each case read from its
file only when it is shown, the search filtering as one types."""

from __future__ import annotations

import os
import time
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
