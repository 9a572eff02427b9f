"""``uaction log ...``: the action log without a window (add, list, report, export, import, erase).

Every problem with the log file (locked, read-only, damaged, full disk) is one sentence on
stderr and exit status 1; ``log add`` exits 0 only once the action is on disk.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from uaction_desktop.cli import Context, UserError
from uaction_desktop.cli_types import iso_date, positive_int
from uaction_desktop.i18n import N_, _, ngettext
from uaction_desktop.model import Channel, normalize_ua
from uaction_desktop.outputs import is_stdout, output_problem
from uaction_desktop.profile import ProfileError
from uaction_desktop.terminal import escaped, json_escaped

if TYPE_CHECKING:
    from uaction_desktop.actionlog import ActionFilter, ActionLog, ImportResult

# The action log (SQLite, its values) is imported by the handlers that use it, not by every
# command's parser: ``ActionChannel``'s values, which a test keeps equal to these.
Handler = Callable[[argparse.Namespace, Context], int]
CHANNELS = ["letter", "email", "fax", "phone", "social", "other"]


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "log",
        help=_("record, list and report the actions you took"),
        description=_(
            "Your private record of what you sent. It stays on this computer unless you export it."
        ),
    )
    parser.set_defaults(handler=_show_help(parser))
    actions = parser.add_subparsers(dest="log_command", metavar="ACTION")

    add = actions.add_parser("add", help=_("record an action you took"))
    add.add_argument("--case", required=True, metavar="UA", help=_("UA number, e.g. 63/18"))
    add.add_argument(
        "--to",
        required=True,
        metavar="OFFICIAL",
        help=_("the official's id or number in the case (see: uaction show UA)"),
    )
    add.add_argument("--channel", required=True, choices=CHANNELS)
    add.add_argument(
        "--count", type=positive_int, default=1, metavar="N", help=_("how many (default 1)")
    )
    add.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD", help=_("when (default: today)"))
    add.add_argument("--note", default="", metavar="TEXT")
    add.add_argument(
        "--signer",
        default="",
        metavar="NAME",
        help=_("who signed: you or a group (default: the name in your profile)"),
    )
    add.set_defaults(handler=_guarded(run_add))

    listing = actions.add_parser("list", help=_("list logged actions, newest first"))
    _filter_arguments(listing, case_option=True)
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    listing.set_defaults(handler=_guarded(run_list))

    report = actions.add_parser(
        "report", help=_("the summary to paste into the organisation's report form")
    )
    report.add_argument("ua", nargs="?", metavar="UA", help=_("one case (default: all cases)"))
    _filter_arguments(report, case_option=False)
    report.add_argument(
        "--mark-reported",
        action="store_true",
        help=_("then mark these actions as reported today"),
    )
    report.set_defaults(handler=_guarded(run_report))

    export = actions.add_parser("export", help=_("write the log to a JSON (to merge) or CSV file"))
    export.add_argument("--output", "-o", required=True, type=Path, metavar="FILE")
    export.add_argument(
        "--format", choices=["json", "csv"], help=_("default: from FILE's suffix (.csv), else json")
    )
    _filter_arguments(export, case_option=True)
    export.set_defaults(handler=_guarded(run_export))

    merge = actions.add_parser(
        "import",
        help=_("merge JSON files exported by group members"),
        description=_(
            "Merge exported logs. An action already here is never counted twice; one "
            "that differs from ours is reported as a conflict and ours is kept. Exit status 1 if a "
            "file could not be imported or had conflicts."
        ),
    )
    merge.add_argument("files", nargs="+", type=Path, metavar="FILE")
    merge.set_defaults(handler=_guarded(run_import))

    erase = actions.add_parser("erase", help=_("delete every logged action from this computer"))
    erase.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    erase.set_defaults(handler=_guarded(run_erase))


def _filter_arguments(parser: argparse.ArgumentParser, case_option: bool) -> None:
    if case_option:
        parser.add_argument("--case", metavar="UA", help=_("only this case"))
    parser.add_argument("--channel", choices=CHANNELS, help=_("only this channel"))
    parser.add_argument("--since", type=iso_date, metavar="YYYY-MM-DD", help=_("from this day on"))
    parser.add_argument("--until", type=iso_date, metavar="YYYY-MM-DD", help=_("up to this day"))
    parser.add_argument(
        "--unreported", action="store_true", help=_("only actions not yet reported")
    )


def _where(args: argparse.Namespace, ua_text: str | None) -> ActionFilter:
    from uaction_desktop.actionlog import ActionChannel, ActionFilter

    return ActionFilter(
        case_ua=_ua(ua_text) if ua_text else None,
        channel=ActionChannel(args.channel) if args.channel else None,
        since=args.since,
        until=args.until,
        reported=False if args.unreported else None,
    )


def _ua(text: str) -> str:
    ua = normalize_ua(text)
    if ua is None:
        raise UserError(_("'{text}' is not a UA number such as 63/18").format(text=text))
    return ua


def _show_help(parser: argparse.ArgumentParser) -> Handler:
    def show(args: argparse.Namespace, ctx: Context) -> int:
        parser.print_help(sys.stderr)
        return 2

    return show


def _guarded(handler: Handler) -> Handler:
    """Problems with the log file are sentences for the user, not tracebacks."""

    def run(args: argparse.Namespace, ctx: Context) -> int:
        from uaction_desktop.actionlog import ActionLogError

        try:
            return handler(args, ctx)
        except ActionLogError as exc:
            raise UserError(str(exc)) from exc

    return run


def _open(ctx: Context) -> ActionLog:
    from uaction_desktop.actionlog import ActionLog

    return ActionLog.open(ctx.paths.action_log_file)


def _open_for_reading(ctx: Context) -> ActionLog:
    """For commands that only read: a log on write-protected media or a full disk can still
    be listed, reported and exported; stderr says why it is read-only."""
    from uaction_desktop.actionlog import ActionLog

    log = ActionLog.open_for_reading(ctx.paths.action_log_file)
    if log.why_read_only:
        print(_("note: {why_read_only}").format(why_read_only=log.why_read_only), file=sys.stderr)
    return log


def run_add(args: argparse.Namespace, ctx: Context) -> int:
    from uaction_desktop.actionlog import Action, ActionChannel

    ua = _ua(args.case)
    entry = ctx.find(ua)
    if entry is None:
        raise UserError(_("no case UA {ua} (see: uaction cases --all)").format(ua=ua))
    case = entry.case
    official = case.official(args.to)
    if official is None:
        choices = ", ".join(f"{n} ({o.id})" for n, o in enumerate(case.officials, start=1))
        raise UserError(
            _("UA {ua} has no official '{to}'; choose one of: {choices}").format(
                ua=ua, to=args.to, choices=choices
            )
        )
    when = args.date or ctx.today
    if when > ctx.today:
        raise UserError(
            _("--date {isoformat} is after today ({isoformat2})").format(
                isoformat=when.isoformat(), isoformat2=ctx.today.isoformat()
            )
        )
    issued = min(document.issued for document in entry.documents or (case,))
    if when < issued:
        raise UserError(
            _("--date {date} is before UA {ua} was issued ({issued})").format(
                date=when.isoformat(), ua=ua, issued=issued.isoformat()
            )
        )
    channel = ActionChannel(args.channel)
    if channel.value in {c.value for c in Channel} and Channel(channel.value) not in (
        official.channels()
    ):
        raise UserError(
            _(
                "{official} has no {contact} in UA {ua}; if you reached them another way, "
                "log it with --channel other"
            ).format(official=official.display_name, contact=_(_CONTACT[channel]), ua=ua)
        )
    action = Action.about(
        case,
        official,
        channel=channel,
        count=args.count,
        sent_on=when,
        signer=args.signer or _profile_name(ctx),  # as the window records it
        note=args.note,
    )
    with _open(ctx) as log:
        log.add(action)  # returns once committed with synchronous=FULL
    what = action.channel.describe(action.count)
    print(
        escaped(
            _("Logged {what} to {official} for UA {ua} on {date}.").format(
                what=what, official=official.display_name, ua=ua, date=when.isoformat()
            )
        )
    )
    print(_("id: {id}").format(id=action.id), flush=True)
    return 0


def _profile_name(ctx: Context) -> str:
    """The writer's name from the profile; "" if it cannot be read (the log still works)."""
    try:
        return ctx.profile.name.strip()
    except ProfileError:
        return ""


_CONTACT = {  # by ActionChannel (a StrEnum: its members are these strings)
    "letter": N_("postal address"),
    "fax": N_("fax number"),
    "email": N_("email address"),
    "phone": N_("phone number"),
}


def run_list(args: argparse.Namespace, ctx: Context) -> int:
    from uaction_desktop.actionlog import ActionFilter, action_to_record

    where = _where(args, args.case)
    with _open_for_reading(ctx) as log:
        found = log.actions(where)
    if args.json:
        records = [action_to_record(a) for a in found]
        print(json_escaped(json.dumps(records, ensure_ascii=False, indent=2)))
        return 0
    if not found:
        print(_("No actions match.") if where != ActionFilter() else _("No actions logged yet."))
        return 0
    for a in found:
        line = f"{a.sent_on.isoformat()}  UA {a.case_ua:<8} {a.channel.value:<7}{a.count:>4}"
        line += f"  {a.official_display or '-'}"
        if a.signer:
            line += "  " + _("(signed: {signer})").format(signer=a.signer)
        if a.reported_on:
            line += "  " + _("[reported {date}]").format(date=a.reported_on.isoformat())
        if a.note:
            line += f"  - {' '.join(a.note.split())}"
        print(escaped(line, one_line=True))
    print(
        ngettext("{count} entry, {sent} sent.", "{count} entries, {sent} sent.", len(found)).format(
            count=len(found), sent=sum(a.count for a in found)
        )
    )
    return 0


def run_report(args: argparse.Namespace, ctx: Context) -> int:
    from uaction_desktop.actionlog.report import report_text

    where = _where(args, args.ua)
    references = {
        e.ua: e.card.report_reference  # from the case index: no case file is read
        for e in ctx.library.entries(ctx.today)
        if e.card.report_reference
    }
    with _open_for_reading(ctx) as log:
        chosen = log.actions(where, newest_first=False)
        print(escaped(report_text(chosen, references, where.since, where.until)), end="")
        if args.mark_reported and chosen:
            changed = log.mark_reported([a.id for a in chosen], ctx.today)
            # On stderr, so that the report alone can be piped to the clipboard.
            print(
                _("Marked {count} of {total} as reported on {today}.").format(
                    count=len(changed), total=len(chosen), today=ctx.today
                ),
                file=sys.stderr,
            )
    return 0


def run_export(args: argparse.Namespace, ctx: Context) -> int:
    from uaction_desktop.actionlog.exchange import csv_text, dumps

    output: Path = args.output
    fmt = args.format or ("csv" if output.suffix.lower() == ".csv" else "json")
    to_stdout = is_stdout(output)
    if not to_stdout and (problem := output_problem(output, "export")):
        raise UserError(
            _("cannot write {output}: {problem}").format(output=output, problem=problem)
        )
    with _open_for_reading(ctx) as log:
        if to_stdout:  # the file's text, for a pipe; the count goes to stderr
            chosen = log.actions(_where(args, args.case), newest_first=False)
            sys.stdout.write(csv_text(chosen) if fmt == "csv" else dumps(chosen))
            sys.stdout.flush()
            written = len(chosen)
        else:
            write = log.export_csv if fmt == "csv" else log.export_json
            written = write(output, _where(args, args.case))
    where = _("standard output") if to_stdout else str(output)
    print(
        ngettext(
            "Exported {count} action to {where} ({format}).",
            "Exported {count} actions to {where} ({format}).",
            written,
        ).format(count=written, where=where, format=fmt.upper()),
        file=sys.stderr if to_stdout else sys.stdout,
    )
    return 0


def run_import(args: argparse.Namespace, ctx: Context) -> int:
    from uaction_desktop.actionlog import ActionLogError

    status = 0
    with _open(ctx) as log:
        for path in args.files:
            if Path(path).suffix.lower() == ".csv":
                # CSV is for spreadsheets; merging needs the ids and dates only JSON carries.
                print(
                    _(
                        "uaction: {path} is a CSV export, which cannot be merged back; ask for "
                        "the log as JSON (uaction log export --output FILE.json, or Export for "
                        "your group in the window)"
                    ).format(path=path),
                    file=sys.stderr,
                )
                status = 1
                continue
            try:
                result = log.import_json(path)
            except ActionLogError as exc:
                if exc.path == log.path:
                    raise  # the log itself failed: stop
                print(
                    "uaction: " + escaped(str(exc), one_line=True),
                    file=sys.stderr,
                )
                status = 1
                continue
            print(f"{path}: {_import_summary(result)}")
            for conflict in result.conflicts:
                ours = conflict.ours
                print(
                    escaped(
                        _(
                            "  conflict: {id} (UA {ua}, {date}) differs in {fields}; your "
                            "version was kept"
                        ).format(
                            id=ours.id,
                            ua=ours.case_ua,
                            date=ours.sent_on.isoformat(),
                            fields=", ".join(conflict.fields),
                        )
                    )
                )
            if result.conflicts:
                status = 1
    return status


def _import_summary(result: ImportResult) -> str:
    conflicts = len(result.conflicts)
    parts = [_("{count} added").format(count=result.added)]
    if result.updated:
        parts.append(
            _("{count} brought up to date (reported or replied)").format(count=result.updated)
        )
    parts.append(_("{count} already in the log").format(count=result.unchanged))
    parts.append(
        ngettext("{count} conflict", "{count} conflicts", conflicts).format(count=conflicts)
    )
    return ", ".join(parts)


def run_erase(args: argparse.Namespace, ctx: Context) -> int:
    if not args.yes and not sys.stdin.isatty():
        raise UserError(_("log erase: not run from a terminal; add --yes to erase"), code=2)
    if not ctx.paths.action_log_file.exists():
        print(
            _("There is no action log to erase ({action_log_file}).").format(
                action_log_file=ctx.paths.action_log_file
            )
        )
        return 0
    with _open(ctx) as log:
        present = log.count()
        backups = log.backups()
        if not args.yes:
            sys.stderr.write(
                ngettext(
                    "Erase all {count} action from {path}? This cannot be undone. "
                    "Type 'yes' to confirm: ",
                    "Erase all {count} actions from {path}? This cannot be undone. "
                    "Type 'yes' to confirm: ",
                    present,
                ).format(count=present, path=log.path)
            )
            sys.stderr.flush()
            if sys.stdin.readline().strip().lower() not in ("y", "yes"):
                print(_("Nothing was erased."), file=sys.stderr)
                return 1
        erased = log.erase()
    actions = ngettext("{count} action", "{count} actions", erased).format(count=erased)
    if backups:
        copies = ngettext("{count} backup copy", "{count} backup copies", len(backups))
        what = _("{actions} and {copies}").format(
            actions=actions, copies=copies.format(count=len(backups))
        )
    else:
        what = actions
    print(_("Erased {what} from {path}.").format(what=what, path=ctx.paths.action_log_file))
    return 0
