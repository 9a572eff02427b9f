"""Dates as Urgent Action documents write them: "8 June, 2018", "March 10, 2022", "27 SEPTEMBER
2019", "2018-03-27", sometimes without a year ("by 8 June")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
DATE_RE = re.compile(
    rf"\b(?:(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)"
    rf"|(?P<d1>{_DAY})\s+(?:of\s+)?(?P<m1>{_MONTH})(?:,?\s*(?P<y1>(?:19|20)\d\d))?"
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>{_DAY})(?:,?\s*(?P<y2>(?:19|20)\d\d))?)(?![\w/])",
    re.IGNORECASE,
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


def find_dates(text: str) -> list[FoundDate]:
    """Every date in the text, in order. Month names must be capitalised or in capitals, so the
    verb "may" is never a month."""
    out: list[FoundDate] = []
    for match in DATE_RE.finditer(text):
        if match.group("iy"):
            year, month, day = int(match["iy"]), int(match["im"]), int(match["id"])
        else:
            month_text = match["m1"] or match["m2"]
            if not month_text[0].isupper():
                continue
            month = _MONTHS[month_text[:3].lower()]
            day = int(re.sub(r"\D", "", match["d1"] or match["d2"]))
            year_text = match["y1"] or match["y2"]
            year = int(year_text) if year_text else None
        if not 1 <= day <= 31 or _safe(year or 2000, month, day) is None:
            continue
        out.append(FoundDate(year, month, day, match.start(), match.end()))
    return out


def parse_date(text: str) -> date | None:
    """A full date (with a year) from text that is just a date, else None."""
    text = text.strip(" \t-–—,.:;")
    dates = find_dates(text)
    if len(dates) != 1 or dates[0].year is None:
        return None
    found = dates[0]
    if found.start > 0 or found.end < len(text):
        return None
    return found.resolve(None)
