"""Dates as Urgent Action documents write them, in every language of the word lists: "8 June,
2018", "March 10, 2022", "27 SEPTEMBER 2019", "16. September 2010", "4 août 2010", "15 de
septiembre de 2010", "2018-03-27", "12/15/2015", sometimes without a year ("by 8 June")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from uaction_desktop.importer.lexicon import fold, lexicon

_WORD = r"[^\W\d_]{3,12}"
_DAY = r"[0-3]?\d"
_YEAR = r"(?:19|20)\d\d"
DATE_RE = re.compile(
    rf"(?<![\w/.-])(?:(?P<iy>{_YEAR})-(?P<im>[01]\d)-(?P<id>[0-3]\d)"
    rf"|(?P<d1>{_DAY})(?:\.|er|st|nd|rd|th)?\s+(?:of\s+|de\s+)?(?P<m1>{_WORD})\.?"
    rf"(?:,?\s*(?:de\s+)?(?P<y1>{_YEAR}))?"
    rf"|(?P<m2>{_WORD})\.?\s+(?P<d2>{_DAY})(?:st|nd|rd|th)?(?:,?\s*(?P<y2>{_YEAR}))?"
    rf"|(?P<n1>[0-3]?\d)(?P<sep>[./])(?P<n2>[0-3]?\d)(?P=sep)(?P<ny>{_YEAR}))(?![\w/])",
)


@dataclass(frozen=True)
class FoundDate:
    """A date found in text; ``year`` is None when the text gave none."""

    year: int | None
    month: int
    day: int
    start: int
    end: int

    def resolve(self, after: date | None) -> date | None:
        """The date itself, or for a year-less date the first such day on or after ``after``."""
        if self.year is not None:
            return _safe(self.year, self.month, self.day)
        if after is None:
            return None
        found = _safe(after.year, self.month, self.day)
        if found is not None and found < after:
            found = _safe(after.year + 1, self.month, self.day)
        return found


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


@cache
def month_number(word: str) -> int | None:
    """ "Juli" -> 7, "août" -> 8, "Sept." -> 9; a full name misspelt by a letter or two
    ("Dezemeber") is still its month; any other word -> None."""
    key = fold(word.rstrip("."))
    months = lexicon().months
    if key in months:
        return months[key]
    if len(key) < 6:
        return None
    for name, number in months.items():
        if len(name) >= 6 and name[:3] == key[:3] and _distance(name, key) <= 2:
            return number
    return None


def _distance(a: str, b: str) -> int:
    """Levenshtein distance, for a dozen short words."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def find_dates(text: str) -> list[FoundDate]:
    """Every date in the text, in order. A month written before its day must be capitalised,
    so the verb "may" is never a month; numeric dates count only when the day and month cannot
    be swapped (one of them above 12) or are equal."""
    out: list[FoundDate] = []
    position = 0
    while (match := DATE_RE.search(text, position)) is not None:
        # a candidate that is no date ("BEFORE 16") must not swallow the date after it
        position = match.start() + 1
        if match["iy"]:
            year, month, day = int(match["iy"]), int(match["im"]), int(match["id"])
        elif match["ny"]:
            a, b = int(match["n1"]), int(match["n2"])
            if a > 12 >= b or match["sep"] == ".":
                day, month = a, b  # 15/12/2015, 15.12.2015
            elif b > 12 >= a or a == b:
                day, month = b, a  # 12/15/2015
            else:
                continue
            year = int(match["ny"])
        else:
            month_text = match["m1"] or match["m2"]
            if match["m2"] and not month_text[0].isupper():
                continue
            number = month_number(month_text)
            if number is None:
                continue
            month = number
            day = int(match["d1"] or match["d2"])
            year_text = match["y1"] or match["y2"]
            year = int(year_text) if year_text else None
        if not 1 <= day <= 31 or _safe(year or 2000, month, day) is None:
            continue
        out.append(FoundDate(year, month, day, match.start(), match.end()))
        position = match.end()
    return out


def parse_date(text: str) -> date | None:
    """A full date (with a year) from text that is just a date, else None."""
    text = text.strip(" \t-–—,.:;")
    dates = find_dates(text)
    if len(dates) != 1 or dates[0].year is None:
        return None
    found = dates[0]
    if found.start > 0 or found.end < len(text.rstrip(".")):
        return None
    return found.resolve(None)
