"""The whole window driven as a user would, offscreen."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QPushButton, QTableView

from tests.conftest import BUNDLED_CASE, CASE_ACTIVE_DAY
from tests.gui.conftest import fill_sender
from uaction_desktop.gui.case_model import CaseFilterProxy, CaseTableModel
from uaction_desktop.gui.page_view import PageView
from uaction_desktop.library import CaseLibrary

EXTRA = "I have followed this case from my home town and will keep writing."


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def select_ambassador(qtbot, window) -> None:
    window.showWriter.trigger()
    picker = window.findChild(QComboBox, "officialPicker")
    picker.setCurrentIndex(picker.findData("ambassador"))
    assert window.composer.current_official().id == "ambassador"


def sign_in_place(qtbot, window) -> None:
    composer = window.composer
    assert composer.senderBox.isVisible(), "first use asks for name and address in place"
    qtbot.keyClicks(composer.senderName, "Jane Doe")
    composer.senderAddress.setPlainText("12 Elm Street\nSpringfield, IL 62701")
    qtbot.mouseClick(composer.saveSender, Qt.MouseButton.LeftButton)
    assert not composer.senderBox.isVisible()


def test_named_widgets_and_actions_exist(make_window) -> None:
    window = make_window()
    assert isinstance(window.findChild(QTableView, "caseList"), QTableView)
    assert isinstance(window.findChild(QLineEdit, "caseSearch"), QLineEdit)
    assert window.findChild(object, "caseView") is not None
    # The composer is built when the Write tab is first opened (a faster start-up).
    window.showWriter.trigger()
    assert isinstance(window.findChild(QComboBox, "officialPicker"), QComboBox)
    assert isinstance(window.findChild(QPlainTextEdit, "letterBody"), QPlainTextEdit)
    assert isinstance(window.findChild(PageView, "letterPreview"), PageView)
    names = {a.objectName() for a in window.findChildren(__import__("PySide6.QtGui").QtGui.QAction)}
    assert {"exportPdf", "printLetter", "emailLetter"} <= names


def test_whole_flow_search_compose_edit_export(
    qtbot, make_window, dialogs, tmp_path: Path, no_network
) -> None:
    window = make_window()
    search = window.findChild(QLineEdit, "caseSearch")
    qtbot.keyClicks(search, "Tobylova")
    table = window.findChild(QTableView, "caseList")
    assert table.model().rowCount() == 1
    table.setCurrentIndex(table.model().index(0, 0))
    assert "Akmaral Tobylova" in window.caseView.toPlainText()

    select_ambassador(qtbot, window)
    sign_in_place(qtbot, window)
    composer = window.composer
    recipient = composer.recipient.text()
    assert recipient.splitlines()[:4] == [
        "Ambassador Erzhan Kazykhanov",
        "Embassy of the Republic of Kazakhstan",
        "1401 16th St NW",
        "Washington DC 20036",
    ]
    assert recipient.endswith("Dear Ambassador,")

    body = composer.letterBody
    body.moveCursor(body.textCursor().MoveOperation.End)
    qtbot.keyClick(body, Qt.Key.Key_Return)
    qtbot.keyClick(body, Qt.Key.Key_Return)
    qtbot.keyClicks(body, EXTRA)
    qtbot.waitUntil(lambda: not composer.previewTimer.isActive(), timeout=2000)
    assert composer.letterPreview.page_count() >= 1

    target = tmp_path / "out" / "ambassador.pdf"
    target.parent.mkdir()
    dialogs.save_path = str(target)
    window.composer.exportPdf.trigger()
    assert target.exists(), dialogs.messages
    text = pdf_text(target)
    for expected in (
        "Ambassador Erzhan Kazykhanov",
        "Embassy of the Republic of Kazakhstan",
        "1401 16th St NW",
        "Washington DC 20036",
        "Dear Ambassador",
        "Jane Doe",
        EXTRA,
    ):
        assert expected in " ".join(text.split()), expected
    assert not no_network


def test_draft_survives_a_crash_and_a_restart(qtbot, make_window, isolated_home: Path) -> None:
    window = make_window()
    select_ambassador(qtbot, window)
    body = window.composer.letterBody
    body.moveCursor(body.textCursor().MoveOperation.End)
    qtbot.keyClicks(body, " " + EXTRA)
    drafts = isolated_home / "data" / "drafts"
    # Autosaved within 2 s of the last keystroke, with the window still open (a crash now
    # would lose nothing).
    qtbot.waitUntil(
        lambda: any(EXTRA in p.read_text("utf-8") for p in drafts.glob("*.json")), timeout=2000
    )

    second = make_window()  # as if the first process had been killed
    select_ambassador(qtbot, second)
    assert EXTRA in second.composer.letterBody.toPlainText()
    assert "restored" in second.composer.draftState.text()
    window.close()
    second.close()

    third = make_window()
    select_ambassador(qtbot, third)
    assert EXTRA in third.composer.letterBody.toPlainText()
    third.composer.resetBody.click()
    assert EXTRA not in third.composer.letterBody.toPlainText()
    # the letter's draft is gone; what is left is the case's choice of official
    assert not any(EXTRA in p.read_text("utf-8") for p in drafts.glob("*.json"))


def test_broken_case_file_is_listed_and_others_load(make_window, isolated_home: Path) -> None:
    cases = isolated_home / "data" / "cases"
    cases.mkdir(parents=True)
    (cases / "broken.toml").write_text('format = 1\nua = "12/19"\ntitel = "typo"\n', "utf-8")
    window = make_window()
    problems = [
        window.caseListPanel.problems.item(i).text()
        for i in range(window.caseListPanel.problems.count())
    ]
    assert any("broken.toml:3: titel: unknown field" in p for p in problems), problems
    assert window.caseListPanel.model.rowCount() == 1  # UA 63/18 still loads


def test_expired_case_warns_but_composing_still_works(qtbot, make_window) -> None:
    window = make_window(today=date(2026, 11, 28))
    assert window.caseListPanel.note.isVisible()  # "no case is active" and the list shows all
    assert window.caseListPanel.model.rowCount() == 1
    window.showWriter.trigger()
    banner = window.composer.banner
    assert banner.isVisible() and "check for an update" in banner.text()
    assert "Akmaral Tobylova" in window.composer.letterBody.toPlainText()
    assert window.composer.exportPdf.isEnabled()


def test_case_text_is_never_interpreted_as_html(make_window, isolated_home: Path) -> None:
    cases = isolated_home / "data" / "cases"
    cases.mkdir(parents=True)
    (cases / "hostile.toml").write_text(
        (Path(__file__).parents[2] / "cases" / "ua-63-18-kazakhstan.toml")
        .read_text("utf-8")
        .replace('ua = "63/18"', 'ua = "64/18"')
        .replace(
            'title = "Woman detained for reading opposition website"',
            'title = "<b>bold</b> <a href=\\"file:///etc/passwd\\">click</a> <img src=x>"',
        ),
        "utf-8",
    )
    window = make_window()
    window.caseListPanel.select_ua("64/18")
    html = window.caseView.toHtml()
    assert 'href="file:' not in html  # no link was created from case text
    assert "<img" not in html
    assert '<b>bold</b> <a href="file:///etc/passwd">click</a>' in window.caseView.toPlainText()


def test_failed_export_keeps_the_old_file(qtbot, make_window, dialogs, tmp_path, monkeypatch):
    window = make_window()
    window.showWriter.trigger()
    fill_sender(qtbot, window)
    target = tmp_path / "letter.pdf"
    target.write_bytes(b"old letter")
    dialogs.save_path = str(target)

    def disk_full(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("uaction_desktop.atomic.os.replace", disk_full)
    window.composer.exportPdf.trigger()
    assert target.read_bytes() == b"old letter"
    assert [m[0] for m in dialogs.messages] == ["critical"]
    assert "No space left on device" in dialogs.messages[0][2]
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["letter.pdf"]


def test_models_pass_qtmodeltester(qtmodeltester) -> None:
    from datetime import date

    from uaction_desktop.resources import bundled_cases_dir

    library = CaseLibrary.load([], bundled=bundled_cases_dir())
    model = CaseTableModel()
    model.set_entries(library.entries(CASE_ACTIVE_DAY), CASE_ACTIVE_DAY)
    qtmodeltester.check(model)
    proxy = CaseFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_scope(CaseFilterProxy.ALL)
    qtmodeltester.check(proxy)
    assert date  # keep import explicit for readers


@pytest.mark.slow
def test_window_appears_before_reportlab_and_jinja_are_imported(isolated_home: Path) -> None:
    code = (
        "import sys\n"
        "from uaction_desktop.gui.app import create_window\n"
        "app, w = create_window(['uaction-desktop'])\n"
        "w.show()\n"
        "while not w.is_started: app.processEvents()\n"
        "assert w.caseListPanel.model.rowCount() == 1\n"
        "lazy = ('reportlab', 'jinja2', 'babel', 'uaction_desktop.actionlog')\n"
        "print(sorted(m for m in lazy if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


def test_tooltips_show_case_text_literally(make_window, isolated_home: Path) -> None:
    from PySide6.QtGui import Qt as QtGuiQt

    cases = isolated_home / "data" / "cases"
    cases.mkdir(parents=True)
    text = (Path(__file__).parents[2] / "cases" / "ua-63-18-kazakhstan.toml").read_text("utf-8")
    (cases / "loud.toml").write_text(
        text.replace('ua = "63/18"', 'ua = "65/18"').replace(
            'title = "Woman detained for reading opposition website"',
            'title = "<h1>CASE CLOSED - DO NOT WRITE</h1>"',
        ),
        "utf-8",
    )
    window = make_window()
    window.caseListPanel.select_ua("65/18")
    index = window.caseListPanel.table.currentIndex()
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;h1&gt;" in tip and "<h1>" not in tip
    assert QtGuiQt.mightBeRichText(tip)  # escaped rich text: shown exactly as written


def write_user_case(home: Path, name: str, text: str) -> None:
    """A case file in the user's cases folder, as the editor or an import leaves it."""
    cases = home / "data" / "cases"
    cases.mkdir(parents=True, exist_ok=True)
    (cases / name).write_text(text, encoding="utf-8")


def test_buttons_of_a_case_with_no_one_to_write_to_are_disabled(
    make_window, isolated_home: Path
) -> None:
    """Selected before the composer is first built, its buttons must follow the actions."""
    notice = (
        'format = 1\nua = "81/07"\nkind = "closure"\ntitle = "Released"\n'
        'country = "Testland"\nissued = 2018-01-01\nsummary = "She is free."\n'
    )
    write_user_case(isolated_home, "ua-81-07.toml", notice)
    window = make_window()
    window.caseListPanel.scope.setCurrentIndex(2)
    assert window.caseListPanel.select_ua("81/07")
    assert not window.exportPdf.isEnabled()
    window.showWriter.trigger()
    for name in ("exportPdf", "printLetter", "emailLetter", "copyText"):
        button = window.composer.findChild(QPushButton, f"{name}Button")
        assert button is not None and not button.isEnabled(), name


def test_the_window_follows_the_calendar(qtbot, isolated_home: Path) -> None:
    """Left open overnight, the next day's deadlines, statuses and letter dates are right."""
    from uaction_desktop.gui.main_window import MainWindow

    days = [date(2018, 6, 7)]  # UA 63/18's deadline is 8 June 2018
    window = MainWindow(clock=lambda: days[0])
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.started):
        window.show()
    assert window.caseListPanel.current_entry().status.value == "active"
    window.showWriter.trigger()
    window.composer.select_official("ambassador")
    assert "7 June 2018" in window.composer.current_letter().date_text
    assert not window.check_day()  # same day: nothing happens
    days[0] = date(2018, 6, 9)
    assert window.check_day()
    entry = window.caseListPanel.current_entry()
    assert entry is not None and entry.status.value == "expired"
    assert "9 June 2018" in window.composer.current_letter().date_text
    assert window.composer.officialPicker.currentData() == "ambassador"  # still writing to them
    assert "has passed" in window.caseView.toPlainText()


def test_a_long_official_title_never_widens_the_window_past_a_small_screen(
    qtbot, make_window, isolated_home: Path
) -> None:
    """A 1024-pixel netbook screen: every tab fits, whatever the case file's titles."""
    from uaction_desktop.actionlog import Action, ActionLog

    long_title = (
        "His Excellency the Ambassador Extraordinary and Plenipotentiary of the Republic of "
        "Kazakhstan to the United States of America"
    )
    text = BUNDLED_CASE.read_text("utf-8")
    write_user_case(
        isolated_home,
        "mine.toml",
        text.replace('title = "Ambassador"', f'title = "{long_title}"', 1),
    )
    window = make_window()
    window.resize(1024, 700)
    window.showWriter.trigger()
    window.composer.select_official(window.composer.officialPicker.itemData(1))
    qtbot.wait(50)
    official = window.caseListPanel.current_entry().case.officials[1]
    with ActionLog.open(window.paths.action_log_file) as log:
        log.add(
            Action(
                case_ua="63/18",
                channel="letter",
                sent_on=CASE_ACTIVE_DAY,
                official_id=official.id,
                official_title=official.title,
                official_name=official.name,
            )
        )
    window.showLog.trigger()
    window.logPanel.refresh()
    qtbot.wait(50)
    assert window.minimumSizeHint().width() <= 1024
    assert window.width() <= 1024
    header = window.logPanel.table.horizontalHeader()
    assert header.sectionSize(2) <= 220  # "To": cut short, whole in the tooltip
    index = window.logPanel.proxy.index(0, 2)
    assert long_title in index.data(Qt.ItemDataRole.ToolTipRole)
