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
        start = since.isoformat() if since else "the start"
        end = until.isoformat() if until else "today"
        lines += [f"Actions from {start} to {end}", ""]
    if not actions:
        lines.append("No actions logged.")
        return "\n".join(lines) + "\n"
    by_case: dict[str, list[Action]] = defaultdict(list)
    for action in actions:
        by_case[action.case_ua].append(action)
    for ua in sorted(by_case, key=ua_sort_key):
        lines += _case_block(ua, by_case[ua], (references or {}).get(ua, ""))
        lines.append("")
    if len(by_case) > 1:
        total = sum(a.count for a in actions)
        lines.append(f"All cases: {total} sent for {len(by_case)} cases")
    return "\n".join(lines).rstrip("\n") + "\n"


def _case_block(ua: str, actions: list[Action], reference: str) -> list[str]:
    index = next((a.case_index for a in reversed(actions) if a.case_index), "")
    lines = [f"UA {ua}" + (f" ({index})" if index else "")]
    if reference:
        lines.append(f"Report reference: {reference}")
    counts: Counter[ActionChannel] = Counter()
    for action in actions:
        counts[action.channel] += action.count
    for channel in ActionChannel:
        if counts[channel]:
            lines.append(f"{channel.label}: {counts[channel]}")
    entries = "entry" if len(actions) == 1 else "entries"
    lines.append(f"Total: {sum(counts.values())} ({len(actions)} log {entries})")
    lines.append(_dates_line(sorted({a.sent_on for a in actions})))
    officials: Counter[str] = Counter()
    for action in actions:
        if action.official_display:
            officials[action.official_display] += action.count
    if officials:
        shown = "; ".join(f"{name} ({n})" for name, n in sorted(officials.items()))
        lines.append(f"Sent to: {shown}")
    return lines


def _dates_line(dates: list[date]) -> str:
    if len(dates) == 1:
        return f"Date: {dates[0].isoformat()}"
    if len(dates) <= _LIST_DATES_UP_TO:
        return "Dates: " + ", ".join(d.isoformat() for d in dates)
    return f"Dates: {dates[0].isoformat()} to {dates[-1].isoformat()} ({len(dates)} days)"


def ua_sort_key(ua: str) -> tuple[int, int, str]:
    """63/18 before 7/19: by year, then number (UA numbers restart every year)."""
    number, _, year = ua.partition("/")
    if not (number.isdigit() and year.isdigit()):
        return 9999, 0, ua  # not a UA number (a hand-edited file): last, but still listed
    full_year = int(year)
    if len(year) == 2:  # the UA scheme began in 1973
        full_year += 1900 if full_year >= 70 else 2000
    return full_year, int(number), ua
