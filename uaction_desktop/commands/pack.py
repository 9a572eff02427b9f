"""``uaction pack``: a meeting's whole pack as one PDF: briefings, letters, tally, envelopes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from uaction_desktop.cli import Context, UserError
from uaction_desktop.cli_types import copies, iso_date, output_file
from uaction_desktop.i18n import _, ngettext, pgettext
from uaction_desktop.outputs import is_stdout, output_problem
from uaction_desktop.profile import LAYOUTS  # the names alone: ReportLab is not loaded
from uaction_desktop.terminal import escaped

ENVELOPE_CHOICES = ("dl", "c5", "no10")
LABEL_CHOICES = ("a4-21", "letter-30")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "pack",
        help=_("print a meeting pack: briefings, every member's letters, tally, envelopes"),
        description=(
            _(
                "Build one PDF for a group meeting. Without --case, the active cases, most urgent "
                "first. Letters come signer by signer; envelopes and labels follow the same order."
            )
        ),
    )
    parser.add_argument(
        "--case",
        dest="cases",
        action="append",
        default=[],
        metavar="UA",
        help=_("a case to include (repeat for more); default: all active cases"),
    )
    signers = parser.add_mutually_exclusive_group()
    signers.add_argument(
        "--copies",
        type=copies,
        metavar="N",
        help=_("N blank copies of each letter, to sign and address by hand (default 1)"),
    )
    signers.add_argument(
        "--roster",
        type=Path,
        metavar="FILE.csv",
        help=_("CSV with a header row: name (required), address, email; one letter set per row"),
    )
    parser.add_argument(
        "--officials",
        choices=("targets", "all"),
        default="targets",
        help=_("write to the targets only (default) or also to 'copies to'"),
    )
    parser.add_argument(
        "--copies-to",
        action="append",
        default=[],
        metavar="UA",
        help=_("for this case, also write to its 'copies to' recipients (repeatable)"),
    )
    parser.add_argument(
        "--briefings",
        action=argparse.BooleanOptionalAction,
        default=True,
        help=_("a one-page briefing per case to read aloud (default: on)"),
    )
    parser.add_argument(
        "--cover",
        action=argparse.BooleanOptionalAction,
        default=True,
        help=_("a cover with the meeting date and contents (default: on)"),
    )
    parser.add_argument("--tally", action="store_true", help=_("add a tally sheet"))
    addressing = parser.add_mutually_exclusive_group()
    addressing.add_argument(
        "--envelopes", choices=ENVELOPE_CHOICES, help=_("one envelope per letter")
    )
    addressing.add_argument(
        "--labels", choices=LABEL_CHOICES, help=_("one address label per letter")
    )
    parser.add_argument(
        "--no-return-address",
        dest="return_address",
        action="store_false",
        help=_("leave the return address off the envelopes"),
    )
    parser.add_argument("--layout", choices=sorted(LAYOUTS), help=_("page layout of the letters"))
    parser.add_argument(
        "--duplex",
        action="store_true",
        help=_("for double-sided printing: every letter starts on a front side"),
    )
    parser.add_argument(
        "--date",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help=_("the meeting date, printed on the letters (default: today)"),
    )
    parser.add_argument(
        "--language",
        metavar="LANG",
        help=_(
            "write every letter in en, fr, es or de (default: the profile's language where a "
            "case has its appeal points in it, else the case's own)"
        ),
    )
    parser.add_argument("--output", "-o", required=True, type=output_file, metavar="FILE.pdf")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from uaction_desktop.pack import (  # ReportLab only when a pack is built
        PackError,
        PackOptions,
        RosterError,
        build_pack,
        load_roster,
    )

    if is_stdout(args.output):
        raise UserError(
            _(
                "--output {output}: a meeting pack is a PDF, not sent to standard output; give a "
                "file name such as pack.pdf"
            ).format(output=args.output),
            code=2,
        )
    if problem := output_problem(args.output, "meeting pack"):
        raise UserError(
            _("cannot write {output}: {problem}").format(output=args.output, problem=problem)
        )
    signers: int | tuple = args.copies or 1
    if args.roster is not None:
        try:
            roster = load_roster(args.roster)
        except RosterError as exc:
            raise UserError(str(exc)) from exc
        if roster.ignored_columns:
            print(
                _("warning: {roster}: ignored columns: {columns}").format(
                    roster=args.roster, columns=", ".join(roster.ignored_columns)
                ),
                file=sys.stderr,
            )
        signers = roster.signers
    try:
        options = PackOptions(
            cases=tuple(args.cases),
            officials=args.officials,
            copies_to=tuple(args.copies_to),
            signers=signers,
            cover=args.cover,
            briefings=args.briefings,
            tally=args.tally,
            envelopes=args.envelopes,
            labels=args.labels,
            layout=args.layout,
            duplex=args.duplex,
            meeting_date=args.date,
            return_address=args.return_address,
            language=args.language,
        )
        library = ctx.library_of(args.cases)  # the named cases' files alone, if it can be
        result = build_pack(options, library, ctx.profile, args.output, today=ctx.today)
    except PackError as exc:
        raise UserError(str(exc)) from exc
    warnings = list(result.warnings)
    envelopes = args.envelopes or args.labels
    if envelopes and args.return_address and options.blank_copies and not ctx.profile.address:
        warnings.append(
            _(
                "the envelopes carry no return address: set the group's address with "
                "'uaction profile --address ...' (or pass --no-return-address to silence this)"
            )
        )
    for warning in warnings:
        print(
            _("warning: {warning}").format(warning=escaped(warning, one_line=True)), file=sys.stderr
        )
    parts = ", ".join(f"{_part_name(p.name)} {p.range_text}" for p in result.parts)
    print(
        ngettext(
            "{output}: {pages} pages ({parts}); {count} letter",
            "{output}: {pages} pages ({parts}); {count} letters",
            result.letters,
        ).format(output=args.output, pages=result.pages, parts=parts, count=result.letters)
    )
    return 0


def _part_name(name: str) -> str:
    """A part of the pack as the one-line summary names it ("cover 1, briefings 2–3")."""
    match name:
        case "cover":
            return pgettext("pack part", "cover")
        case "briefings":
            return pgettext("pack part", "briefings")
        case "letters":
            return pgettext("pack part", "letters")
        case "tally":
            return pgettext("pack part", "tally")
        case "envelopes":
            return pgettext("pack part", "envelopes")
        case "labels":
            return pgettext("pack part", "labels")
    return name
