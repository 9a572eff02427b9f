"""The composer's four actions, made by whoever owns the menus.

The main window creates them at start-up (so the menus and shortcuts exist at once) and hands
them to the composer, which is built only when the user first writes.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from uaction_desktop.i18n import _


@dataclass(frozen=True)
class ComposerActions:
    exportPdf: QAction
    printLetter: QAction
    emailLetter: QAction
    copyText: QAction

    def all(self) -> tuple[QAction, ...]:
        return (self.exportPdf, self.printLetter, self.emailLetter, self.copyText)


def make_composer_actions(parent: QObject) -> ComposerActions:
    export = QAction(_("&Export PDF…"), parent)
    export.setObjectName("exportPdf")
    export.setShortcuts([QKeySequence("Ctrl+E"), QKeySequence(QKeySequence.StandardKey.SaveAs)])
    print_ = QAction(_("&Print…"), parent)
    print_.setObjectName("printLetter")
    print_.setShortcut(QKeySequence.StandardKey.Print)
    email = QAction(_("E&mail…"), parent)
    email.setObjectName("emailLetter")
    email.setShortcut(QKeySequence("Ctrl+Shift+M"))
    copy = QAction(_("&Copy letter text"), parent)
    copy.setObjectName("copyText")
    copy.setShortcut(QKeySequence("Ctrl+Shift+C"))
    for action in (export, print_, email, copy):
        action.setEnabled(False)
    return ComposerActions(export, print_, email, copy)
