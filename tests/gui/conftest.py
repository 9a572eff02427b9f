"""GUI test helpers: no modal dialog may block a test; each is patched and recorded."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.conftest import CASE_ACTIVE_DAY


class DialogRecorder:
    def __init__(self) -> None:
        self.messages: list[tuple[str, str, str]] = []
        self.save_path: str = ""

    def message(self, kind: str):
        def record(parent, title, text, *args, **kwargs):
            self.messages.append((kind, title, text))
            return QMessageBox.StandardButton.Ok

        return record


@pytest.fixture(autouse=True)
def dialogs(monkeypatch: pytest.MonkeyPatch) -> DialogRecorder:
    recorder = DialogRecorder()
    for kind in ("critical", "warning", "information", "question", "about"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(recorder.message(kind)))

    def save_name(*args, **kwargs):
        return recorder.save_path, "PDF documents (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    return recorder


@pytest.fixture
def make_window(qtbot, isolated_home: Path):
    from uaction_desktop.gui.main_window import MainWindow

    def build(today: date = CASE_ACTIVE_DAY) -> MainWindow:
        window = MainWindow(today=today)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.started):
            window.show()
        return window

    return build


def fill_sender(qtbot, window) -> None:
    composer = window.composer
    composer.senderName.setText("Jane Doe")
    composer.senderAddress.setPlainText("12 Elm Street\nSpringfield, IL 62701")
    qtbot.mouseClick(
        composer.saveSender, __import__("PySide6.QtCore").QtCore.Qt.MouseButton.LeftButton
    )


def drop_file(window, path: Path) -> None:
    """A file dropped on the window, as a coordinator drags one from the file manager."""
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)
