"""Text from strangers (case files, imported logs) shown in Qt exactly as written.

Qt guesses whether a tooltip or message is markup; text that would be guessed so is escaped.
"""

from __future__ import annotations

import html

from PySide6 import QtGui, QtWidgets


def plain(text: str) -> str:
    """Text for a message box or tooltip that must show exactly as written, never as HTML."""
    if QtGui.Qt.mightBeRichText(text):
        return rich_escaped(text)
    return text


def rich_escaped(text: str) -> str:
    """Rich text that displays ``text`` literally (tooltips then wrap long lines too)."""
    return "<qt>" + html.escape(text, quote=False).replace("\n", "<br>") + "</qt>"


def typed_text(edit: QtWidgets.QPlainTextEdit) -> str:
    """The text of an edit box as it holds it: ``toPlainText`` turns no-break spaces into
    spaces, which would break French text ("résidence ; elle", "Monsieur :") and make a
    suggested letter look edited."""
    raw = edit.document().toRawText()
    return raw.replace("\u2029", "\n").replace("\u2028", "\n")
