"""Case search as people type: every word of the query appears in the case, accents ignored.

The text searched is what a writer looks a case up by (its UA number and index, title, country,
the people, the officials, the summary and the appeal points), folded once when the case index
is built, each word kept once. So filtering thousands of cases is one substring test per case,
and a query that only grows as the user types searches only the cases the last one matched.
"""

from __future__ import annotations

import bisect
import collections
import functools
import itertools
import operator
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Sequence

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


class WordIndex:
    """Every distinct word of the cases' texts, with the rows holding it, so a query word that
    few words contain is answered from those words alone rather than by a pass over every
    case's text (0.5 ms against 4.5 ms for "tob" over 10,000 cases); and, for each letter and
    pair of letters found in a word, the rows holding it as one bit mask, so the first and
    second keys typed (a part thousands of words hold) are answered without a pass over the
    texts either (0.2-0.5 ms against 1-6 ms for "z" and "to" over 10,000 cases).

    Building it is a pass over every word of every case, then over every distinct word
    (about 0.35 s for 10,000 cases), so the window builds it a little at a time between
    events, after its first paint: ``build(n)`` does about as much as indexing ``n`` texts."""

    # A part found in more distinct words than this is common: joining their rows would cost
    # more than searching the cases' texts, most of which hold it.
    COMMON = 300
    # A word in at least this many rows gets its own mask, OR-ed into its letters' and pairs'
    # masks; the rows of rarer words are marked in those masks one by one.
    FREQUENT = 64

    def __init__(self, texts: list[str]) -> None:
        """An index of ``texts``, built by ``build`` (at once or a few rows at a time)."""
        self._texts = texts
        # The words as lines of one text, the ASCII ones apart: a search through text that
        # holds one non-ASCII character reads four bytes a character instead of one.
        self._parts: list[tuple[str, list[int], list[list[int]]]] = []
        self._pairs: dict[str, int] = {}  # a letter or two -> mask of the rows holding it
        self._work = self._steps()
        self.complete = False

    def build(self, rows: int | None = None) -> bool:
        """Do about as much work as indexing ``rows`` texts (None: all that is left); True
        once the index is complete."""
        budget = rows
        for cost in self._work:
            if budget is not None:
                budget -= cost
                if budget <= 0:
                    break
        return self.complete

    def _steps(self) -> Iterator[int]:
        """The work, in steps each yielding its cost (1: indexing one text)."""
        texts = self._texts
        postings: dict[str, list[int]] = {}
        for row, text in enumerate(texts):
            for word in text.split():
                held = postings.get(word)
                if held is None:
                    postings[word] = [row]
                else:
                    held.append(row)
            yield 1
        size = len(texts)
        masks: dict[str, list[int]] = defaultdict(
            list
        )  # letter or pair -> its frequent words' masks
        marks: dict[str, list[int]] = defaultdict(list)  # letter or pair -> its other words' rows
        parts: dict[bool, tuple[list[str], list[int], list[list[int]]]] = {
            True: ([], [0], []),
            False: ([], [0], []),
        }
        for count, (word, rows) in enumerate(postings.items()):
            words, starts, held = parts[word.isascii()]
            words.append(word)
            starts.append(starts[-1] + len(word) + 1)
            held.append(rows)
            pairs = {*word, *map(operator.add, word, word[1:])}  # its letters and pairs
            if len(rows) >= self.FREQUENT:
                mask = _mask(rows, size)
                for pair in pairs:
                    masks[pair].append(mask)
                yield 1 + size // 400  # its mask: a few passes over ``size`` bytes
            else:
                for pair in pairs:
                    marks[pair].extend(rows)
                if count % 8 == 7:
                    yield 1
        del postings
        for pair in masks.keys() | marks.keys():
            rows = marks.pop(pair, [])
            self._pairs[pair] = functools.reduce(
                operator.or_, masks.get(pair, ()), _mask(rows, size)
            )
            yield 4 + len(rows) // 200
        for words, starts, held in parts.values():
            self._parts.append(("\n".join(words) + "\n", starts, held))
            yield 50
        self.complete = True

    def rows_with(self, part: str) -> list[int] | None:
        """The rows, in order, with a word that holds ``part``: for one or two characters from
        their mask, for more from the words holding it; None if more than ``COMMON`` words do
        (found out by the time that many are seen): a search of the texts is quicker then."""
        if "\n" in part:
            return None
        if len(part) <= 2:
            return _rows(self._pairs.get(part, 0), len(self._texts))
        seen, found = 0, set()
        for joined, starts, rows in self._parts:
            at = joined.find(part)
            while at >= 0:
                seen += 1
                if seen > self.COMMON:
                    return None
                word = bisect.bisect_right(starts, at) - 1
                found.update(rows[word])
                at = joined.find(part, starts[word + 1])
        return sorted(found)


# A set of rows out of ``size`` as an int whose bit n is set for row n: made and read through
# a string of one character a row (in C, about 0.2 ms for 10,000 rows), not bit by bit.
_MARKED = bytes.maketrans(b"\x00\x01", b"01")
_BITS = bytes.maketrans(b"01", b"\x00\x01")


def _mask(rows: Sequence[int], size: int) -> int:
    if not rows:
        return 0
    marks = bytearray(size)
    collections.deque(map(marks.__setitem__, rows, itertools.repeat(1)), 0)
    return int(marks.translate(_MARKED)[::-1], 2)


def _rows(mask: int, size: int) -> list[int]:
    if not mask:
        return []
    bits = format(mask, "b").encode("ascii").translate(_BITS)[::-1]
    return list(itertools.compress(range(size), bits))


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
        self._words: WordIndex | None = None  # once complete
        self._building: WordIndex | None = None

    def build_index(self, rows: int | None = None) -> bool:
        """Build the word index, ``rows`` cases at a time (the window does it between events:
        on a thread, it would hold Python's lock against the window for 0.3 s); until it is
        complete, the texts are searched. True once it is complete."""
        if self._words is None:
            building = self._building = self._building or WordIndex(self._texts)
            if building.build(rows):
                self._words = building
        return self._words is not None

    def build_now(self) -> None:
        self.build_index()

    @property
    def indexed(self) -> bool:
        """The word index is complete (until then, the texts are searched)."""
        return self._words is not None

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
        for word in sorted(words, key=len, reverse=True):  # the longest word rules out most
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
