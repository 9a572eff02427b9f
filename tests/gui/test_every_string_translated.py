"""Every text the window shows comes from the catalog.

A pseudo-language wraps every translation in ⟦...⟧; the real window and each of its dialogs
are then opened in it, and every visible text, tooltip, placeholder, menu action, tab, header
and list item is walked: each must carry the mark, or be data (the case's own text, numbers).
A string left out of ``_()`` (or translated once, at import, as a module constant) shows up
here unmarked, with the widget it is on.
"""

from __future__ import annotations

import dataclasses
import gettext
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QTreeWidget,
    QWidget,
)

from tests.conftest import REPO
from tests.pseudo import OPEN, pseudo_translations

sys.path.insert(0, str(REPO / "packaging"))

from uaction_desktop import i18n
from uaction_desktop.languages import ENGLISH_NAMES, NATIVE_NAMES

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


@pytest.fixture(scope="module")
def pseudo_catalog() -> gettext.GNUTranslations:
    return pseudo_translations()


@pytest.fixture
def pseudo(pseudo_catalog) -> Iterator[None]:
    i18n.use_translations(pseudo_catalog, "en")  # Babel formats as English; words are marked
    try:
        yield
    finally:
        i18n.set_language("en")


def _data_texts(case) -> set[str]:
    """The case's own strings: shown as they are, in no catalog."""
    found: set[str] = set()

    def walk(value) -> None:
        if isinstance(value, str):
            found.add(value)
        elif dataclasses.is_dataclass(value):
            for item in dataclasses.fields(value):
                walk(getattr(value, item.name))
        elif isinstance(value, tuple | list):
            for item in value:
                walk(item)

    walk(case)
    # The destination country line of each address: Babel's country names, not the catalog's.
    from uaction_desktop.destination import destination_line

    found |= {destination_line(o.country, "") for o in case.officials if o.country}
    return found


# Qt's own tab-bar scroll buttons (translated by Qt's catalog, not ours) and the language
# picker's names, each in its own language.
QT_OWN = ("Scroll Left", "Scroll Right")
AUTONYMS = set(NATIVE_NAMES.values())
# Languages named in the interface come from Babel's names (i18n.language_display_name), not
# from the catalog: in the pseudo-language they are the English ones, "French (fr)".
LANGUAGE_LABELS = {f"{name} ({code})" for code, name in ENGLISH_NAMES.items()}


def _is_marked(text: str, data: set[str]) -> bool:
    """Marked, or nothing but data: what is left once the case's own strings are taken out
    has no word in it."""
    text = text.strip()
    if text in QT_OWN or text in AUTONYMS:
        return True
    for piece in sorted(data | LANGUAGE_LABELS, key=len, reverse=True):
        if len(piece) > 2:
            text = text.replace(piece, "")
    return OPEN in text or not re.search(r"[^\W\d_]{2}", text)


def _model_headers(model: QAbstractItemModel | None) -> Iterator[str]:
    if model is None:
        return
    from PySide6.QtCore import QModelIndex

    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # a list model of Qt's own (a completer's, a combo box's): no header
        return
    for section in range(columns):
        value = model.headerData(section, Qt.Orientation.Horizontal)
        if isinstance(value, str):
            yield value


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text a user can read on ``root`` and its children."""
    standard: list[QWidget] = []  # kept alive: their wrappers' ids must not be reused
    for box in root.findChildren(QDialogButtonBox):
        for button in box.buttons():
            if box.standardButton(button) != QDialogButtonBox.StandardButton.NoButton:
                standard.append(button)  # Qt's own words, from Qt's translations
    for widget in [root, *root.findChildren(QWidget)]:
        name = f"{type(widget).__name__}#{widget.objectName()}"
        if widget.isWindow() and widget.windowTitle():
            yield name + " title", widget.windowTitle()
        if widget.toolTip():
            yield name + " tooltip", widget.toolTip()
        if widget.accessibleName():
            yield name + " accessible name", widget.accessibleName()
        if isinstance(widget, QLabel) or (
            isinstance(widget, QAbstractButton) and not any(widget is b for b in standard)
        ):
            yield name, widget.text()
        elif isinstance(widget, QGroupBox):
            yield name, widget.title()
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            yield name + " placeholder", widget.placeholderText()
        if isinstance(widget, QComboBox):
            for index in range(widget.count()):
                yield f"{name} item {index}", widget.itemText(index)
        if isinstance(widget, QAbstractSpinBox) and hasattr(widget, "suffix"):
            yield name + " suffix", widget.suffix()
            yield name + " prefix", widget.prefix()
        if isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                yield f"{name} tab {index}", widget.tabText(index)
                yield f"{name} tab {index} tooltip", widget.tabToolTip(index)
        if isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            for column in range(header.columnCount()):
                yield f"{name} header {column}", header.text(column)
        elif isinstance(widget, QAbstractItemView):
            for text in _model_headers(widget.model()):
                yield name + " header", text
        if isinstance(widget, QListWidget):
            for row in range(widget.count()):
                yield f"{name} row {row}", widget.item(row).text()
        if isinstance(widget, QMenu):
            yield name + " menu", widget.title()
        for action in widget.actions():
            if action.text():
                yield f"{name} action {action.objectName()}", action.text()
            if action.toolTip() and action.toolTip() != action.text().replace("&", ""):
                yield f"{name} action {action.objectName()} tooltip", action.toolTip()


def unmarked(root: QWidget, data: set[str]) -> list[str]:
    return sorted(
        {f"{where}: {text!r}" for where, text in visible_texts(root) if not _is_marked(text, data)}
    )


@pytest.fixture
def window(pseudo, make_window):
    return make_window()


def test_the_main_window_speaks_only_catalog_words(window, case, qtbot) -> None:
    data = _data_texts(case)
    window.tabs.setCurrentIndex(1)  # the composer, with its preview
    qtbot.waitUntil(lambda: window._composer is not None)
    window.tabs.setCurrentIndex(2)  # the action log
    qtbot.waitUntil(lambda: window._log_panel is not None)
    problems = unmarked(window, data)
    for menu in window.menuBar().findChildren(QMenu):
        problems += unmarked(menu, data)
    assert not problems, "\n".join(problems)


def test_every_dialog_speaks_only_catalog_words(window, case, qtbot, isolated_home) -> None:
    from uaction_desktop.actionlog import Action, ActionChannel
    from uaction_desktop.gui.action_dialog import ActionDialog
    from uaction_desktop.gui.case_editor import CaseEditor
    from uaction_desktop.gui.log_panel import ReportDialog
    from uaction_desktop.gui.pack_dialog import PackDialog
    from uaction_desktop.gui.preferences import PreferencesDialog
    from uaction_desktop.importer import draft_from
    from uaction_desktop.importer.extract import extract_bytes

    data = _data_texts(case)
    official = case.officials[0]
    action = Action.about(case, official, channel=ActionChannel.LETTER, sent_on=case.issued)
    text = (FIXTURES / "en-letter-then-addresses.txt").read_bytes()
    draft = draft_from(extract_bytes(text, "en.txt"), "en.txt")
    data |= _data_texts(draft.to_case(case.issued))
    data |= {text for line in text.decode("utf-8").splitlines() for text in (line, line.strip())}
    cases_dir = isolated_home / "cases"
    dialogs = {
        "preferences": PreferencesDialog(window.profile, window),
        "action": ActionDialog([case], action, i18n._("Log an action"), window),
        "report": ReportDialog("UA 63/18: 2", 2, window),
        "pack": PackDialog(window.library, window.profile, window.today, lambda a: True, window),
        "new case": CaseEditor(None, cases_dir, parent=window),
        "edit case": CaseEditor(case, cases_dir, parent=window),
        "review import": CaseEditor(draft, cases_dir, source="en.txt", parent=window),
    }
    problems = []
    for name, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        dialog.show()
        problems += [f"{name}: {p}" for p in unmarked(dialog, data)]
    assert not problems, "\n".join(problems)


def test_the_walk_finds_an_unwrapped_string(pseudo, qtbot) -> None:
    """The check itself: a label set without _() is reported, a wrapped one is not."""
    from PySide6.QtWidgets import QPushButton

    root = QWidget()
    qtbot.addWidget(root)
    QLabel(i18n._("Case"), root)
    QPushButton("Plain English", root)
    assert unmarked(root, set()) == ["QPushButton#: 'Plain English'"]
