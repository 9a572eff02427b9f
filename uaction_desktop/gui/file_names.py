"""File names the window proposes, and names typed without their extension.

Not every platform's dialog adds the filter's extension, and a file called ``meeting`` is one
nobody can open by double-clicking. A proposed name must be one every file system takes: "UA
63/18 letter.pdf" names a folder "UA 63" that does not exist, and the save fails.
"""

from __future__ import annotations

import re

from uaction_desktop.i18n import _
from uaction_desktop.model import Official

# Characters no file name may hold on Windows, macOS or Linux, and control characters.
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')
_MAX_STEM = 120  # leaves room for a folder path within the usual 255-character limits


def with_suffix(path: str, suffix: str) -> str:
    """``path`` ending in ``suffix`` (".pdf", ".csv"...), added if it is missing."""
    return path if path.lower().endswith(suffix.lower()) else path + suffix


def safe_file_name(text: str, suffix: str) -> str:
    """ "UA 63/18 letter" -> "UA 63-18 letter.pdf": readable, and valid on every system."""
    stem = _UNSAFE.sub("-", " ".join(text.split())).strip(" .-")
    stem = stem[:_MAX_STEM].rstrip(" .-") or "document"
    return stem + suffix


def letter_file_name(ua: str, official: Official, suffix: str = ".pdf") -> str:
    """ "UA 63-18 letter to the Ambassador.pdf"; a name with no title: "... to Jane Roe".
    A title that brings its own article or style ("His Majesty King") is not given "the"; one
    in capitals ("LEITER DER ERMITTLUNGSBEHÖRDE") gives way to the official's name."""
    title = " ".join(official.title.split())
    styled = re.match(r"(?i)(the|his|her|their|its)\b", title) is not None
    if title and (styled or (title.isupper() and official.name)):
        stem = _("UA {ua} letter to {name}").format(
            ua=ua, name=official.name if title.isupper() else title
        )
    elif title:
        # Translators: a file name; {title} is the official's title, as the case gives it.
        stem = _("UA {ua} letter to the {title}").format(ua=ua, title=title)
    else:
        stem = _("UA {ua} letter to {name}").format(
            ua=ua, name=official.display_name or official.id
        )
    return safe_file_name(stem, suffix)
