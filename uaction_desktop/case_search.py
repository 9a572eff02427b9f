"""Case search as people type: every word of the query appears in the case, accents ignored.

The text searched is what a writer looks a case up by (its UA number and index, title, country,
the people, the officials, the summary and the appeal points), folded once when the case index
is built, each word kept once. So filtering thousands of cases is one substring test per case,
and a query that only grows as the user types searches only the cases the last one matched.
"""

from __future__ import annotations

import bisect
import itertools
import re
import threading
import unicodedata
from collections.abc import Sequence

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


class WordIndex:
    """Every distinct word of the cases' texts, with the rows holding it, so a query word that
    few words contain is answered from those words alone rather than by a pass over every
    case's text (0.5 ms against 4.5 ms for "tob" over 10,000 cases). Building it is a pass
    over every word of every case (about 0.25 s for 10,000 cases), so the window builds it
    on a thread of its own after its first paint (``build_in_background``)."""

    # A part found in more distinct words than this is common: joining their rows would cost
    # more than searching the cases' texts, most of which hold it.
    COMMON = 1_000

    def __init__(self, texts: list[str]) -> None:
        postings: dict[str, list[int]] = {}
        for row, text in enumerate(texts):
            for word in text.split():
                held = postings.get(word)
                if held is None:
                    postings[word] = [row]
                else:
                    held.append(row)
        words = list(postings)
        self._joined = "\n".join(words) + "\n"
        self._starts = list(itertools.accumulate((len(w) + 1 for w in words), initial=0))
        self._rows = [postings[w] for w in words]

    def count(self, part: str) -> int:
        """In how many distinct words ``part`` is (at most; a quick count)."""
        return self._joined.count(part)

    def rows_with(self, part: str) -> list[int] | None:
        """The rows, in order, with a word that holds ``part``; None if too many words do."""
        joined = self._joined
        if "\n" in part or joined.count(part) > self.COMMON:
            return None
        starts, found = self._starts, set()
        at = joined.find(part)
        while at >= 0:
            word = bisect.bisect_right(starts, at) - 1
            found.update(self._rows[word])
            at = joined.find(part, starts[word + 1])
        return sorted(found)


def containing(word: str, rows: Sequence[int], texts: list[str]) -> list[int]:
    """The rows whose text holds ``word``, each text searched. A word of two letters is
    looked for with a compiled pattern, which skips to each occurrence of its first letter:
    a substring test, which shifts at most three characters at a time over a text that lacks
    it, costs up to twice as much for it (5.8 ms against 2.5 ms for "ka" over 10,000 cases)."""
    if len(word) == 2:
        search = re.compile(re.escape(word)).search
        return [row for row in rows if search(texts[row])]
    return [row for row in rows if word in texts[row]]


class CaseSearch:
    """The rows whose text matches a query, over a fixed list of cases."""

    # Below this many candidate rows, searching their texts is quicker than the word index.
    FEW = 1_000

    def __init__(self, uas: list[str], texts: list[str]) -> None:
        self._uas = uas
        self._texts = texts
        self._last_query = ""
        self._last: list[int] | None = None  # None: every row
        self._words: WordIndex | None = None

    def build_in_background(self) -> None:
        """Build the word index on a thread; until it is there, the texts are searched."""

        def build() -> None:
            self._words = WordIndex(self._texts)  # one assignment: ready or not, never half

        threading.Thread(target=build, name="case word index", daemon=True).start()

    def build_now(self) -> None:
        self._words = WordIndex(self._texts)

    def rows(self, query: str) -> list[int] | None:
        """Matching row numbers in order, or None when the query matches every row."""
        words = query_words(query)
        if not words:
            self._last_query, self._last = "", None
            return None
        folded = " ".join(words)
        candidates: list[int] | None = None  # None: every row
        if self._last is not None and self._last_query and folded.startswith(self._last_query):
            candidates = self._last  # typing on: only what the shorter query matched can match
        found = candidates
        index = self._words
        # The rarest word first: it rules out most (in how many words it is, else its length).
        rarest = (lambda w: index.count(w)) if index else (lambda w: -len(w))
        for word in sorted(words, key=rarest):
            found = self._containing(word, found)
        assert found is not None
        self._last_query, self._last = folded, found
        ua = normalize_ua(query)
        if ua is not None:  # "UA63/18" is not in any text, yet names its case
            extra = [row for row, case_ua in enumerate(self._uas) if case_ua == ua]
            found = sorted(set(found).union(extra))
        return found

    def _containing(self, word: str, rows: list[int] | None) -> list[int]:
        index = self._words
        if index is not None and (rows is None or len(rows) >= self.FEW):
            held = index.rows_with(word)
            if held is not None:
                if rows is None:
                    return held
                wanted = set(rows)
                return [row for row in held if row in wanted]
        return containing(word, range(len(self._texts)) if rows is None else rows, self._texts)
