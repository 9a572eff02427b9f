"""ReportLab's platypus, imported without compiling its one costly pattern until it is used.

Import platypus's names from here (``from uaction_desktop.pdf.platypus import Paragraph``).

Importing ``reportlab.platypus`` costs about 95 ms, 55 of them compiling one regular
expression (``paragraph.uri_pat``: a web address, case-insensitive over ranges up to U+FFFF),
which ReportLab uses only to split an address too long for its line. That pattern alone is
made a stand-in that compiles it the first time it is used, so a letter without such a word
never pays for it and one with it gets exactly ReportLab's own pattern. Should ReportLab change
the pattern, nothing is deferred and nothing else changes.
"""

# ruff: noqa: E402 - the point of this module is what is imported when

from __future__ import annotations

import re
import sys
import threading
from typing import Any

_URI_START = "(^(?:[a-z0-9\\.\\-\\+]*)://)"  # how ReportLab's uri_pat begins
_lock = threading.Lock()


class DeferredPattern:
    """A compiled pattern made on first use (the same pattern, the same flags)."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            self._compiled = re.compile(*self._source)
        return getattr(self._compiled, name)


def load() -> None:
    """Import ``reportlab.platypus`` (once), its web-address pattern deferred."""
    if "reportlab.platypus.paragraph" in sys.modules:
        return
    with _lock:
        real = re.compile

        def deferring(pattern: Any, flags: int = 0) -> Any:
            if isinstance(pattern, str) and pattern.startswith(_URI_START):
                return DeferredPattern(pattern, flags)
            return real(pattern, flags)

        re.compile = deferring  # type: ignore[assignment]
        try:
            import reportlab.platypus  # noqa: F401
        finally:
            re.compile = real  # type: ignore[assignment]


load()

from reportlab.platypus import (
    ActionFlowable,
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

__all__ = [
    "ActionFlowable",
    "BaseDocTemplate",
    "DeferredPattern",
    "Flowable",
    "Frame",
    "KeepTogether",
    "NextPageTemplate",
    "PageBreak",
    "PageTemplate",
    "Paragraph",
    "Spacer",
    "load",
]
