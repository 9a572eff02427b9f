"""Outside text (case files, imported logs, rosters) made safe to print and to quote.

A terminal obeys escape sequences: an ESC from a stranger's case file could retitle the window
or hide text, a bidi override could reverse what a line appears to say. :func:`escaped` shows
such characters as visible ``\\x1b``-style escapes instead; :func:`brief` keeps a message that
quotes a 2,000-character name to one readable line.
"""

from __future__ import annotations

import re

# C0 and C1 controls (but tab and newline, which print as themselves), DEL, and the Unicode
# format characters that change how text around them is shown: bidi embeddings, overrides
# and isolates, the line and paragraph separators.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escaped(text: str, *, one_line: bool = False) -> str:
    """``text`` with control and bidi-override characters shown as ``\\x1b`` / ``\\u202e``;
    ``one_line`` shows line breaks as ``\\n`` too."""
    text = _UNSAFE.sub(_visible, text)
    if one_line:
        text = text.replace("\n", "\\n").replace("\t", " ")
    return text


def json_escaped(text: str) -> str:
    """JSON text with the same characters written as ``\\uXXXX`` escapes: the same JSON
    value, but nothing in it acts on a terminal (json.dumps escapes only C0 controls)."""
    return _UNSAFE.sub(_unicode_escape, text)


def toml_escaped(text: str) -> str:
    """TOML as ``tomli_w`` writes it (basic strings only) with the same characters written as
    ``\\uXXXX``: the same value inside a string, visible text inside a comment. tomli_w
    escapes C0 controls but writes C1 controls and bidi overrides as they are."""
    return _UNSAFE.sub(_unicode_escape, text)


def _unicode_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def for_stream(text: str, stream: object) -> str:
    """Content (a letter, a report) escaped when it goes to a terminal, as it is otherwise:
    a file or a pipe gets the text exactly."""
    isatty = getattr(stream, "isatty", None)
    try:
        return escaped(text) if isatty is not None and isatty() else text
    except (OSError, ValueError):
        return text


def brief(text: str, most: int = 80) -> str:
    """``text`` cut to about ``most`` characters (with "…") for quoting in a message."""
    text = " ".join(text.split())
    if len(text) <= most:
        return text
    return text[: most - 1].rstrip() + "…"
