"""``uaction cases``: the cases to write about, most urgent first."""

from __future__ import annotations

import argparse
import json
import sys

from uaction_desktop.case_json import case_to_json, days_left_text
from uaction_desktop.model import CaseStatus
from uaction_desktop.terminal import escaped, json_escaped


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("cases", help="list cases (active ones unless --all)")
    parser.add_argument("--all", action="store_true", help="include expired and closed cases")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx) -> int:
    library = ctx.library
    entries = library.entries(ctx.today)
    shown = entries if args.all else [e for e in entries if e.status is CaseStatus.ACTIVE]
    for problem in library.problems:
        print(f"problem: {escaped(str(problem), one_line=True)}", file=sys.stderr)
    if args.json:
        out = [case_to_json(e.case, e.status) for e in shown]
        print(json_escaped(json.dumps(out, ensure_ascii=False, indent=2)))
        return 0
    if not shown:
        hidden = len(entries)
        more = f"; {hidden} expired or closed (see: uaction cases --all)" if hidden else ""
        print(f"No active cases{more}.")
        return 0
    for entry in shown:
        case = entry.case
        when = (
            days_left_text(case.deadline, ctx.today)
            if entry.status is CaseStatus.ACTIVE
            else entry.status.value
        )
        deadline = case.deadline.isoformat() if case.deadline else "-"
        line = f"UA {case.ua:<9} {deadline:<10}  {when:<28} {case.country}: {case.title}"
        print(escaped(line, one_line=True))
    return 0
