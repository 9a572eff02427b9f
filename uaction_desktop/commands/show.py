"""``uaction show UA``: one case in full, as text or JSON."""

from __future__ import annotations

import argparse
import json
import textwrap

from uaction_desktop.case_json import case_to_json, days_left_text
from uaction_desktop.cli import Context, UserError
from uaction_desktop.languages import language_name
from uaction_desktop.library import CaseEntry, CaseUnavailable
from uaction_desktop.model import Case, CaseStatus
from uaction_desktop.terminal import escaped, json_escaped


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("show", help="show one case")
    parser.add_argument("ua", metavar="UA", help="UA number, e.g. 63/18")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=run)


def find_entry(ctx: Context, ua: str) -> CaseEntry:
    """One UA's entry, its case read from its file (and no other case file read)."""
    entry = ctx.find(ua)
    if entry is None:
        raise UserError(f"no case UA {ua} (see: uaction cases --all)")
    try:
        entry.case  # noqa: B018 - read now, so a broken file is one line here
    except CaseUnavailable as exc:
        raise UserError(str(exc)) from exc
    return entry


def run(args: argparse.Namespace, ctx: Context) -> int:
    entry = find_entry(ctx, args.ua)
    if args.json:
        data = case_to_json(entry.case, entry.status)
        print(json_escaped(json.dumps(data, ensure_ascii=False, indent=2)))
    else:
        print(escaped(format_case(entry.case, entry.status, ctx)))
    return 0


def format_case(case: Case, status: CaseStatus, ctx: Context) -> str:
    wrap = textwrap.TextWrapper(width=88)
    lines = [f"UA {case.ua}  {case.index}".rstrip(), case.title, ""]
    state = status.value
    if status is CaseStatus.ACTIVE:
        state = f"active, {days_left_text(case.deadline, ctx.today)}"
    lines.append(f"Country:  {case.country}")
    lines.append(f"Issued:   {case.issued.isoformat()}")
    if case.deadline:
        lines.append(f"Deadline: {case.deadline.isoformat()} ({state})")
    if case.people:
        people = ", ".join(f"{p.name} ({p.gender})" if p.gender else p.name for p in case.people)
        lines.append(f"People:   {people}")
    if case.languages:
        lines.append(f"Write in: {', '.join(case.languages)} (as the document asks)")
    letters = ", ".join(f"{language_name(c)} ({c})" for c in case.letter_languages)
    lines.append(f"Letters:  {letters or 'none: no appeal points in a letter language'}")
    lines.append("")
    for para in case.paragraphs(case.summary):
        lines += [*wrap.wrap(para), ""]
    if case.asks:
        lines.append("Appeal points:")
        for ask in case.asks:
            lines += textwrap.wrap(ask, 88, initial_indent="  - ", subsequent_indent="    ")
        lines.append("")
    lines.append("Officials:")
    for number, official in enumerate(case.officials, start=1):
        role = "" if official.role.value == "target" else "  (copy)"
        lines.append(f"  {number}. [{official.id}] {official.display_name}{role}")
        for line in (official.organisation, *official.address):
            if line:
                lines.append(f"       {line}")
        for label, value in (
            ("Fax", official.fax),
            ("Phone", official.phone),
            ("Email", ", ".join(official.emails)),
            ("Social", ", ".join(official.social)),
            ("Salutation", official.salutation),
        ):
            if value:
                lines.append(f"       {label}: {value}")
    if case.report_reference:
        lines += ["", f"Report your action as: {case.report_reference}"]
    return "\n".join(lines)
