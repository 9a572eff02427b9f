"""``uaction show UA``: one case in full, as text or JSON."""

from __future__ import annotations

import argparse
import json
import textwrap

from uaction_desktop.case_json import case_to_json, days_left_text, document_label, status_word
from uaction_desktop.cli import Context, UserError
from uaction_desktop.i18n import _, asked_languages, language_display_name
from uaction_desktop.library import CaseEntry, CaseUnavailable
from uaction_desktop.model import Case, CaseStatus
from uaction_desktop.terminal import escaped, json_escaped


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("show", help=_("show one case"))
    parser.add_argument("ua", metavar="UA", help=_("UA number, e.g. 63/18"))
    parser.add_argument("--json", action="store_true", help=_("print JSON"))
    parser.set_defaults(handler=run)


def find_entry(ctx: Context, ua: str) -> CaseEntry:
    """One UA's entry, its case read from its file (and no other case file read)."""
    entry = ctx.find(ua)
    if entry is None:
        raise UserError(_("no case UA {ua} (see: uaction cases --all)").format(ua=ua))
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
    label = document_label(case.ua, case.kind, case.update)
    lines = [f"{label}  {case.index}".rstrip(), case.title, ""]
    state = status_word(status)
    if status is CaseStatus.ACTIVE:
        state = f"{state}, {days_left_text(case.deadline, ctx.today)}"
    facts = [(_("Country:"), case.country), (_("Issued:"), case.issued.isoformat())]
    if case.deadline:
        facts.append((_("Deadline:"), f"{case.deadline.isoformat()} ({state})"))
    if case.people:
        people = ", ".join(f"{p.name} ({p.gender})" if p.gender else p.name for p in case.people)
        facts.append((_("People:"), people))
    if case.languages:
        asked = _("{languages} (as the document asks)").format(
            languages=asked_languages(case.languages)
        )
        facts.append((_("Write in:"), asked))
    letters = ", ".join(f"{language_display_name(c)} ({c})" for c in case.letter_languages)
    facts.append((_("Letters:"), letters or _("none: no appeal points in a letter language")))
    width = max(len(label) for label, _value in facts) + 1
    lines += [f"{label:<{width}}{value}" for label, value in facts]
    lines.append("")
    for para in case.paragraphs(case.summary):
        lines += [*wrap.wrap(para), ""]
    if case.asks:
        lines.append(_("Appeal points:"))
        for ask in case.asks:
            lines += textwrap.wrap(ask, 88, initial_indent="  - ", subsequent_indent="    ")
        lines.append("")
    lines.append(_("Officials:"))
    for number, official in enumerate(case.officials, start=1):
        role = "" if official.role.value == "target" else "  " + _("(copy)")
        lines.append(f"  {number}. [{official.id}] {official.display_name}{role}")
        for line in (official.organisation, *official.address):
            if line:
                lines.append(f"       {line}")
        for label, value in (
            (_("Fax: {value}"), official.fax),
            (_("Phone: {value}"), official.phone),
            (_("Email: {value}"), ", ".join(official.emails)),
            (_("Social: {value}"), ", ".join(official.social)),
            (_("Salutation: {value}"), official.salutation),
        ):
            if value:
                lines.append("       " + label.format(value=value))
    if case.report_reference:
        lines += [
            "",
            _("Report your action as: {reference}").format(reference=case.report_reference),
        ]
    return "\n".join(lines)
