"""Text from strangers (case files, imported logs) shown in Qt exactly as written.

Qt guesses whether a tooltip or message is markup; text that would be guessed so is escaped.
Control characters and direction overrides are shown as visible escapes (``\\x1b``,
``\\u202e``, as the command line shows them): on screen an override would reverse what a
title or name appears to say.
"""

from __future__ import annotations

import html
import re

from PySide6 import QtGui, QtWidgets

# C0 and C1 controls but tab and newline, DEL, bidi embeddings, overrides and isolates, and the
# line and paragraph separators. Direction marks (LRM, RLM, ALM) and joiners stay: they are
# spelling in right-to-left names and cannot reorder anything.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069]")


def shown(text: str) -> str:
    """A stranger's text for a label, list or view: its control and direction-override
    characters visible as ``\\x1b`` / ``\\u202e`` escapes, everything else as written."""
    return _UNSAFE.sub(_visible, text)


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def plain(text: str) -> str:
    """Text for a message box or tooltip that must show exactly as written, never as HTML
    (and with its control characters visible)."""
    text = shown(text)
    if QtGui.Qt.mightBeRichText(text):
        return rich_escaped(text)
    return text


def rich_escaped(text: str) -> str:
    """Rich text that displays ``text`` literally (tooltips then wrap long lines too)."""
    return "<qt>" + html.escape(shown(text), quote=False).replace("\n", "<br>") + "</qt>"


def typed_text(edit: QtWidgets.QPlainTextEdit) -> str:
    """The text of an edit box as it holds it: ``toPlainText`` turns no-break spaces into
    spaces, which would break French text ("résidence ; elle", "Monsieur :") and make a
    suggested letter look edited."""
    raw = edit.document().toRawText()
    return raw.replace("\u2029", "\n").replace("\u2028", "\n")
