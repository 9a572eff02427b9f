"""``uaction cases``: the cases to write about, most urgent first."""

from __future__ import annotations

import argparse
import json
import sys

from uaction_desktop.case_json import card_to_json, days_left_text, status_word
from uaction_desktop.i18n import _, ngettext
from uaction_desktop.model import CaseStatus
from uaction_desktop.terminal import escaped, json_escaped


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "cases",
        help=_("list cases (active ones unless --all)"),
        description=_(
            "List the cases, most urgent first. --json gives what the list shows per "
            "case; 'uaction show UA --json' gives a whole case."
        ),
    )
    parser.add_argument(
        "query",
        nargs="*",
        metavar="QUERY",
        help=_("words to search for, as in the window: UA, name, country, words of the text"),
    )
    parser.add_argument("--all", action="store_true", help=_("include expired and closed cases"))
    parser.add_argument("--json", action="store_true", help=_("print JSON"))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx) -> int:
    library = ctx.library
    entries = library.entries(ctx.today)
    shown = entries if args.all else [e for e in entries if e.status is CaseStatus.ACTIVE]
    query = " ".join(args.query)
    if query:
        matching = library.search(query, ctx.today)
        found = [e for e in matching if args.all or e.status is CaseStatus.ACTIVE]
        # As the window does: nothing active matches, so look at every case before saying so.
        shown = found or matching
    for problem in library.problems:
        print(
            _("problem: {problem}").format(problem=escaped(str(problem), one_line=True)),
            file=sys.stderr,
        )
    if args.json:
        # One case a line (the whole case: show --json). json's C encoder writes no indented
        # output, and its Python one takes a second for 10,000 cases.
        lines = (
            json_escaped(json.dumps(card_to_json(e.card, e.status), ensure_ascii=False))
            for e in shown
        )
        sys.stdout.write(
            "[\n" + ",\n".join(f"  {line}" for line in lines) + "\n]\n" if shown else "[]\n"
        )
        return 0
    if not shown and query:
        print(escaped(_('No case matches "{query}".').format(query=query)))
        return 0
    if not shown:
        hidden = len(entries)
        if hidden:
            print(
                ngettext(
                    "No active cases; {count} expired or closed (see: uaction cases --all).",
                    "No active cases; {count} expired or closed (see: uaction cases --all).",
                    hidden,
                ).format(count=hidden)
            )
        else:
            print(_("No active cases."))
        return 0
    for entry in shown:
        case = entry.card
        when = (
            days_left_text(case.deadline, ctx.today)
            if entry.status is CaseStatus.ACTIVE
            else status_word(entry.status)
        )
        deadline = case.deadline.isoformat() if case.deadline else "-"
        line = _("UA {ua} {deadline}  {when} {country}: {title}").format(
            ua=f"{case.ua:<9}",
            deadline=f"{deadline:<10}",
            when=f"{when:<28}",
            country=case.country,
            title=case.title,
        )
        print(escaped(line, one_line=True))
    return 0
