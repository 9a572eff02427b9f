"""Case search as people type: every word of the query appears in the case, accents ignored.

The text searched is what a writer looks a case up by (its UA number and index, title, country,
the people, the officials, the summary and the appeal points), folded once when the case index
is built, each word kept once. So filtering thousands of cases is one substring test per case,
and a query that only grows as the user types searches only the cases the last one matched.
"""

from __future__ import annotations

import re
import unicodedata

from uaction_desktop.model import Case, normalize_ua


def fold(text: str) -> str:
    """Text for matching as people type it: no case, no accents ("Sebnem" finds "Şebnem",
    "Fincanci" finds "Fincancı")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_UNACCENTED))
    if decomposed.isascii():
        return decomposed
    return _NON_ASCII.sub(_without_accent, decomposed)  # only the few non-ASCII characters


def _without_accent(match: re.Match[str]) -> str:
    return "" if unicodedata.combining(match.group()) else match.group()


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


# Letters that are not a base letter plus an accent, so decomposing leaves them as they are.
_UNACCENTED = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe"})


def search_text(case: Case) -> str:
    """The folded words a case is found by, each once (a query word never holds a space, so it
    is in the full text exactly when it is inside one of these words)."""
    parts = [
        f"ua {case.ua}",
        case.ua.replace("/", "."),
        case.index,
        case.title,
        case.country,
        *(p.name for p in case.people),
        case.summary,
        *case.asks,
        *(part for t in case.translations for part in (t.title, t.summary, *t.asks)),
        *(o.display_name for o in case.officials),
        *(o.organisation for o in case.officials),
    ]
    return " ".join(dict.fromkeys(fold(" ".join(parts)).split()))


def query_words(query: str) -> list[str]:
    return fold(query).split()


def text_matches(text: str, ua: str, query: str) -> bool:
    """One case's folded search text against a query (a UA number in any form finds its case)."""
    words = query_words(query)
    if not words:
        return True
    if normalize_ua(query) == ua:
        return True
    return all(word in text for word in words)


def matches(case: Case, query: str) -> bool:
    """Every word of the query appears somewhere in the case (UA, title, country, people, text)."""
    return text_matches(search_text(case), case.ua, query)


class CaseSearch:
    """The rows whose text matches a query, over a fixed list of cases."""

    def __init__(self, uas: list[str], texts: list[str]) -> None:
        self._uas = uas
        self._texts = texts
        self._last_query = ""
        self._last: list[int] | None = None  # None: every row

    def rows(self, query: str) -> list[int] | None:
        """Matching row numbers in order, or None when the query matches every row."""
        words = query_words(query)
        if not words:
            self._last_query, self._last = "", None
            return None
        folded = " ".join(words)
        candidates = range(len(self._texts))
        if self._last is not None and self._last_query and folded.startswith(self._last_query):
            candidates = self._last  # typing on: only what the shorter query matched can match
        texts = self._texts
        found = list(candidates)
        for word in sorted(words, key=len, reverse=True):  # the longest word rules out most
            found = [row for row in found if word in texts[row]]
        self._last_query, self._last = folded, found
        ua = normalize_ua(query)
        if ua is not None:  # "UA63/18" is not in any text, yet names its case
            extra = [row for row, case_ua in enumerate(self._uas) if case_ua == ua]
            found = sorted(set(found).union(extra))
        return found
