"""What the deadline means for the writer, in one sentence (case view and composer)."""

from __future__ import annotations

from datetime import date

from uaction_desktop.library import CaseEntry
from uaction_desktop.model import CaseStatus

URGENT_DAYS = 7


def deadline_advice(entry: CaseEntry, today: date) -> tuple[str, str]:
    """(level, sentence): level is "ok", "urgent" or "expired"."""
    case = entry.case
    if entry.status is CaseStatus.CLOSED:
        return (
            "expired",
            f"UA {case.ua} is closed: the organisation has asked for no further action. "
            "You can still read the case and write, but check the closure notice first.",
        )
    days = case.days_left(today)
    if days is None:
        return "ok", ""
    deadline = f"{case.deadline:%d %B %Y}".lstrip("0")
    if days < 0:
        return (
            "expired",
            f"The deadline ({deadline}) has passed. The organisation asks writers to check for "
            "an update on this case before sending anything.",
        )
    if days < URGENT_DAYS:
        when = "today" if days == 0 else f"in {days} day{'s' if days != 1 else ''}"
        return (
            "urgent",
            f"The deadline ({deadline}) is {when}: a posted letter may arrive too late. "
            "Email or fax if you can.",
        )
    return "ok", f"{days} days left to write (deadline {deadline})."
