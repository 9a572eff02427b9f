"""Text from strangers (case files, imported logs) shown in Qt exactly as written.

Qt guesses whether a tooltip or message is markup; text that would be guessed so is escaped.
"""

from __future__ import annotations

import html

from PySide6 import QtGui


def plain(text: str) -> str:
    """Text for a message box or tooltip that must show exactly as written, never as HTML."""
    if QtGui.Qt.mightBeRichText(text):
        return rich_escaped(text)
    return text


def rich_escaped(text: str) -> str:
    """Rich text that displays ``text`` literally (tooltips then wrap long lines too)."""
    return "<qt>" + html.escape(text, quote=False).replace("\n", "<br>") + "</qt>"
