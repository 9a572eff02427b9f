"""The summary a member pastes into the organisation's action-report form.

Plain text, one block per case: UA number and index, how many of each kind were sent, when, and
to whom. Built from actions only, so it needs no case file (a case merged in from another
member's log may not be in this member's library).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from datetime import date

from uaction_desktop.actionlog.action import Action, ActionChannel
from uaction_desktop.i18n import _, ngettext

_LIST_DATES_UP_TO = 3  # more distinct dates than this are shown as a range


def report_text(
    actions: Sequence[Action],
    references: Mapping[str, str] | None = None,
    since: date | None = None,
    until: date | None = None,
) -> str:
    """The report for the given actions; ``references`` maps a UA to the case's "report as".

    ``since`` and ``until`` only label the period; the caller has already chosen the actions.
    """
    lines: list[str] = []
    if since or until:
        start = since.isoformat() if since else _("the start")
        end = until.isoformat() if until else _("today")
        lines += [_("Actions from {start} to {end}").format(start=start, end=end), ""]
    if not actions:
        lines.append(_("No actions logged."))
        return "\n".join(lines) + "\n"
    by_case: dict[str, list[Action]] = defaultdict(list)
    for action in actions:
        by_case[action.case_ua].append(action)
    for ua in sorted(by_case, key=ua_sort_key):
        lines += _case_block(ua, by_case[ua], (references or {}).get(ua, ""))
        lines.append("")
    if len(by_case) > 1:
        total = sum(a.count for a in actions)
        lines.append(
            _("All cases: {total} sent for {count} cases").format(total=total, count=len(by_case))
        )
    return "\n".join(lines).rstrip("\n") + "\n"


def _case_block(ua: str, actions: list[Action], reference: str) -> list[str]:
    index = next((a.case_index for a in reversed(actions) if a.case_index), "")
    lines = [_("UA {ua}").format(ua=ua) + (f" ({index})" if index else "")]
    if reference:
        lines.append(_("Report reference: {reference}").format(reference=reference))
    counts: Counter[ActionChannel] = Counter()
    for action in actions:
        counts[action.channel] += action.count
    for channel in ActionChannel:
        if counts[channel]:
            lines.append(f"{channel.label}: {counts[channel]}")
    lines.append(
        ngettext(
            "Total: {total} ({count} log entry)",
            "Total: {total} ({count} log entries)",
            len(actions),
        ).format(total=sum(counts.values()), count=len(actions))
    )
    lines.append(_dates_line(sorted({a.sent_on for a in actions})))
    officials: Counter[str] = Counter()
    for action in actions:
        if action.official_display:
            officials[action.official_display] += action.count
    if officials:
        shown = "; ".join(f"{name} ({n})" for name, n in sorted(officials.items()))
        lines.append(_("Sent to: {officials}").format(officials=shown))
    return lines


def _dates_line(dates: list[date]) -> str:
    if len(dates) == 1:
        return _("Date: {date}").format(date=dates[0].isoformat())
    if len(dates) <= _LIST_DATES_UP_TO:
        return _("Dates: {dates}").format(dates=", ".join(d.isoformat() for d in dates))
    return _("Dates: {first} to {last} ({count} days)").format(
        first=dates[0].isoformat(), last=dates[-1].isoformat(), count=len(dates)
    )


def ua_sort_key(ua: str) -> tuple[int, int, str]:
    """63/18 before 7/19: by year, then number (UA numbers restart every year)."""
    number, _slash, year = ua.partition("/")
    if not (number.isdigit() and year.isdigit()):
        return 9999, 0, ua  # not a UA number (a hand-edited file): last, but still listed
    full_year = int(year)
    if len(year) == 2:  # the UA scheme began in 1973
        full_year += 1900 if full_year >= 70 else 2000
    return full_year, int(number), ua
