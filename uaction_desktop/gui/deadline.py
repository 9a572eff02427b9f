"""What the deadline means for the writer, in one sentence (case view and composer)."""

from __future__ import annotations

from datetime import date

from uaction_desktop.i18n import _, format_date, ngettext
from uaction_desktop.library import CaseEntry
from uaction_desktop.model import CaseStatus

URGENT_DAYS = 7


def deadline_advice(entry: CaseEntry, today: date) -> tuple[str, str]:
    """(level, sentence): level is "ok", "urgent" or "expired"."""
    case = entry.case
    if entry.status is CaseStatus.CLOSED:
        return (
            "expired",
            _(
                "UA {ua} is closed: the organisation has asked for no further action. "
                "You can still read the case and write, but check the closure notice first."
            ).format(ua=case.ua),
        )
    days = case.days_left(today)
    if days is None:
        return "ok", ""
    deadline = format_date(case.deadline, "long")
    if days < 0:
        return (
            "expired",
            _(
                "The deadline ({deadline}) has passed. The organisation asks writers to check "
                "for an update on this case before sending anything."
            ).format(deadline=deadline),
        )
    if days < URGENT_DAYS:
        if days == 0:
            sentence = _(
                "The deadline ({deadline}) is today: a posted letter may arrive too late. "
                "Email or fax if you can."
            )
        else:
            sentence = ngettext(
                "The deadline ({deadline}) is in {days} day: a posted letter may arrive too "
                "late. Email or fax if you can.",
                "The deadline ({deadline}) is in {days} days: a posted letter may arrive too "
                "late. Email or fax if you can.",
                days,
            )
        return "urgent", sentence.format(deadline=deadline, days=days)
    return "ok", ngettext(
        "{days} day left to write (deadline {deadline}).",
        "{days} days left to write (deadline {deadline}).",
        days,
    ).format(days=days, deadline=deadline)
