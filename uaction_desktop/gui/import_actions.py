"""Import an Urgent Action from a file, a drop or pasted text, and review it in the case editor.

The glue the main window calls. Reading and parsing documents is the core's work
(:mod:`uaction_desktop.importer`); this module only asks the core, shows its answer (a clear
message for a file that cannot be imported) and opens :class:`CaseEditor` with the draft.
Each function returns the path of the case file saved, or None.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from uaction_desktop.gui.case_editor import CaseEditor
from uaction_desktop.gui.plain_text import plain
from uaction_desktop.i18n import N_, _
from uaction_desktop.importer import DocumentError, Draft, draft_from, import_file
from uaction_desktop.importer.extract import extract_bytes
from uaction_desktop.paths import app_paths

IMPORT_SUFFIXES = (".txt", ".docx", ".pdf")
FILE_FILTER = N_(
    "Urgent Action documents (*.txt *.docx *.pdf);;Text (*.txt);;Word (*.docx);;PDF (*.pdf)"
)
ExistingPaths = Iterable[str | os.PathLike[str]]


@contextmanager
def _busy() -> Iterator[None]:
    """A wait cursor while the core reads a document (a long PDF takes a moment)."""
    if QApplication.instance() is None:  # no window to show a cursor in
        yield
        return
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def _refuse(parent: QWidget | None, error: DocumentError) -> None:
    QMessageBox.warning(
        parent,
        _("Cannot import this document"),
        plain(_("{message}\n\nNothing was imported.").format(message=error.message)),
    )


def review_draft(
    parent: QWidget | None,
    draft: Draft,
    *,
    source: str = "",
    cases_dir: Path | None = None,
    existing_paths: ExistingPaths = (),
) -> Path | None:
    """Open the case editor on an imported draft; the saved case file, or None. Text that
    holds nothing of an Urgent Action is opened only if the user says so."""
    if not draft.looks_like_an_urgent_action():
        answer = QMessageBox.question(
            parent,
            _("Not an Urgent Action?"),
            plain(_not_an_urgent_action(source)),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Open:
            return None
    folder = cases_dir if cases_dir is not None else app_paths().cases_dir
    return CaseEditor.get_data(parent, draft, folder, existing_paths, source=source)


def import_document(
    parent: QWidget | None,
    path: str | os.PathLike[str],
    *,
    cases_dir: Path | None = None,
    existing_paths: ExistingPaths = (),
) -> Path | None:
    """Import a .txt, .docx or .pdf file: a message if it cannot be read, else the editor."""
    path = Path(path)
    try:
        with _busy():
            draft = import_file(path)
    except DocumentError as error:
        _refuse(parent, error)
        return None
    return review_draft(
        parent, draft, source=path.name, cases_dir=cases_dir, existing_paths=existing_paths
    )


def choose_and_import(
    parent: QWidget | None,
    *,
    cases_dir: Path | None = None,
    existing_paths: ExistingPaths = (),
) -> Path | None:
    """Ask for a document file, then import it."""
    name, _filter = QFileDialog.getOpenFileName(
        parent, _("Import an Urgent Action"), "", _(FILE_FILTER)
    )
    if not name:
        return None
    return import_document(parent, name, cases_dir=cases_dir, existing_paths=existing_paths)


class PasteDialog(QDialog):
    """A box to paste the text of an Urgent Action into (from an email or a web page)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pasteDialog")
        self.setWindowTitle(_("Paste Urgent Action text"))
        intro = QLabel(
            _(
                "Paste the whole text of the Urgent Action: from its heading to the addresses of "
                "the officials. The next step shows what was read, for you to check."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("pasteText")
        self.text.setAccessibleName(_("Urgent Action text"))
        self.text.setPlaceholderText(_("Paste the text here (Ctrl+V)"))
        self.text.setTabChangesFocus(True)
        intro.setBuddy(self.text)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.readButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.readButton.setText(_("&Read the text"))
        self.readButton.setObjectName("pasteRead")
        self.readButton.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.text.textChanged.connect(
            lambda: self.readButton.setEnabled(bool(self.text.toPlainText().strip()))
        )
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 520)

    @classmethod
    def get_data(cls, parent: QWidget | None) -> str | None:
        """Show the dialog; the pasted text, or None if cancelled or empty."""
        dialog = cls(parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                text = dialog.text.toPlainText()
                return text if text.strip() else None
            return None
        finally:
            dialog.deleteLater()


def import_text(
    parent: QWidget | None,
    text: str,
    *,
    source: str | None = None,
    cases_dir: Path | None = None,
    existing_paths: ExistingPaths = (),
) -> Path | None:
    """Import text already in hand (pasted or dropped): the core's checks, then the editor."""
    source = source or _("the pasted text")
    try:
        with _busy():
            draft = draft_from(extract_bytes(text.encode("utf-8"), source), source)
    except DocumentError as error:
        _refuse(parent, error)
        return None
    return review_draft(
        parent, draft, source=source, cases_dir=cases_dir, existing_paths=existing_paths
    )


def import_pasted_text(
    parent: QWidget | None,
    *,
    cases_dir: Path | None = None,
    existing_paths: ExistingPaths = (),
) -> Path | None:
    """Ask for pasted text, then import it."""
    text = PasteDialog.get_data(parent)
    if text is None:
        return None
    return import_text(parent, text, cases_dir=cases_dir, existing_paths=existing_paths)


# --------------------------------------------------------------------------- drag and drop


def dropped_paths(mime: QMimeData) -> list[Path]:
    """The local .txt, .docx and .pdf files in a drag (anything else is left out)."""
    if not mime.hasUrls():
        return []
    out: list[Path] = []
    for url in mime.urls():
        if not url.isLocalFile():
            continue
        path = Path(url.toLocalFile())
        if path.suffix.lower() in IMPORT_SUFFIXES and path not in out:
            out.append(path)
    return out


def accepts_drop(mime: QMimeData) -> bool:
    """Whether a drag holds at least one document the window can import."""
    return bool(dropped_paths(mime))


def _not_an_urgent_action(source: str) -> str:
    if not source:
        return _(
            "This text does not look like an Urgent Action: no UA number, no officials to "
            "write to and no appeal were found in it. Open it in the case editor anyway, to "
            "type the case in by hand?"
        )
    text = _(
        "{source} does not look like an Urgent Action: no UA number, no officials to write to "
        "and no appeal were found in it. Open it in the case editor anyway, to type the case in "
        "by hand?"
    ).format(source=source)
    return text[:1].upper() + text[1:]
