"""``uaction letter UA --to OFFICIAL``: a letter (PDF), fax (PDF) or email/phone/social text."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from uaction_desktop.atomic import write_bytes_atomic, write_text_atomic
from uaction_desktop.case_json import status_word
from uaction_desktop.cli import Context, UserError
from uaction_desktop.cli_types import output_file
from uaction_desktop.commands.show import find_entry
from uaction_desktop.i18n import _, ngettext
from uaction_desktop.letter_text import truncation_warning
from uaction_desktop.model import Channel
from uaction_desktop.outputs import is_stdout, output_problem
from uaction_desktop.profile import LAYOUTS  # the names alone: ReportLab is not loaded
from uaction_desktop.terminal import escaped, for_stream


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "letter",
        help=_("write a letter (PDF) or an email, fax, phone script or social post"),
        description=_("Compose an appeal to one official of a case."),
    )
    parser.add_argument("ua", metavar="UA", help=_("UA number, e.g. 63/18"))
    parser.add_argument(
        "--to", required=True, metavar="OFFICIAL", help=_("the official's id or 1-based position")
    )
    parser.add_argument(
        "--channel", choices=[c.value for c in Channel], default=Channel.LETTER.value
    )
    parser.add_argument("--layout", choices=sorted(LAYOUTS), help=_("page layout (PDF only)"))
    parser.add_argument("--sender-name", metavar="NAME")
    parser.add_argument("--sender-address", metavar="LINE", action="append", default=[])
    parser.add_argument("--sender-email", metavar="EMAIL")
    parser.add_argument("--sender-country", metavar="COUNTRY")
    parser.add_argument("--personal-line", metavar="TEXT", default="")
    parser.add_argument(
        "--language",
        metavar="LANG",
        help=_(
            "write in en, fr, es or de (default: the profile's language where the case has "
            "its appeal points in it, else the case's own)"
        ),
    )
    parser.add_argument("--text", action="store_true", help=_("write the letter as plain text"))
    parser.add_argument("--output", "-o", metavar="FILE", type=output_file)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from uaction_desktop import compose  # Jinja2 and Babel only when a letter is written

    entry = find_entry(ctx, args.ua)
    case = entry.case
    official = case.official(args.to)
    if official is None:
        choices = ", ".join(
            _("{number} or {id}").format(number=n, id=o.id)
            for n, o in enumerate(case.officials, start=1)
        )
        raise UserError(
            _("UA {ua} has no official '{to}' (choose {choices})").format(
                ua=case.ua, to=args.to, choices=choices
            )
        )
    profile = ctx.profile.with_overrides(
        name=args.sender_name,
        address=args.sender_address,
        email=args.sender_email,
        country=args.sender_country,
        layout=args.layout,
    )
    channel = Channel(args.channel)
    try:
        compose.require_channel(official, channel)
    except compose.ChannelError as exc:
        raise UserError(str(exc)) from exc
    warnings: list[str] = []  # said once the output is written, so an error stays one line
    if entry.status.value != "active":
        warnings.append(
            _(
                "UA {ua} is {status}; check with the organisation for an update before sending"
            ).format(ua=case.ua, status=status_word(entry.status))
        )
    if channel in (Channel.LETTER, Channel.FAX) and not (profile.name and profile.address):
        warnings.append(
            _(
                "no sender name or address: the letter will go out unsigned and with no "
                "return address (set them with 'uaction profile' or --sender-name/--sender-address)"
            )
        )
    text_out = channel in (Channel.EMAIL, Channel.PHONE, Channel.SOCIAL) or args.text
    if args.output is not None and is_stdout(args.output):
        if not text_out:
            raise UserError(
                _(
                    "--output {output}: a PDF is not sent to standard output; give a file name "
                    "such as letter.pdf (or use --text for plain text)"
                ).format(output=args.output),
                code=2,
            )
        args.output = None  # standard output, as without --output
    if args.output is not None and (problem := output_problem(args.output, "file")):
        raise UserError(
            _("cannot write {output}: {problem}").format(output=args.output, problem=problem)
        )
    if text_out and args.output is not None and args.output.suffix.lower() == ".pdf":
        raise UserError(
            _("the {channel} channel writes text: name the file .txt, not .pdf").format(
                channel=channel.value
            )
        )
    if not text_out and args.output is None:
        raise UserError(_("a PDF needs --output FILE (or use --text for plain text)"), code=2)
    if not text_out and args.output.suffix.lower() not in ("", ".pdf"):  # "letter.txt"
        raise UserError(
            _(
                "a {channel} is written as a PDF: name the file {stem}.pdf, or add --text for "
                "plain text"
            ).format(channel=channel.value, stem=args.output.stem),
            code=2,
        )

    try:
        language = compose.letter_language(case, profile, args.language)
    except compose.LanguageError as exc:
        raise UserError(str(exc)) from exc
    letter = compose.compose_letter(
        case,
        official,
        profile,
        today=ctx.today,
        personal_line=args.personal_line,
        language=language,
    )
    if channel in (Channel.LETTER, Channel.FAX, Channel.EMAIL) and (
        cut := truncation_warning(letter.body, personal_line=args.personal_line)
    ):
        warnings.append(cut[:1].lower() + cut[1:])  # printed as it is: the writer must know
    if channel is Channel.EMAIL:
        message = compose.compose_email(case, official, letter)
        text = _("To: {recipients}\nSubject: {subject}\n\n{text}").format(
            recipients=", ".join(message.recipients), subject=message.subject, text=message.text
        )
        _write_text(text, args.output)
    elif channel is Channel.PHONE:
        message = compose.compose_phone(case, official, profile, language=language)
        _write_text(message.text, args.output)
    elif channel is Channel.SOCIAL:
        message = compose.compose_social(case, official, language=language)
        _write_text(message.text + "\n", args.output)
    elif args.text:
        _write_text(letter.as_text(), args.output)
    else:
        from uaction_desktop.pdf.fax import render_fax
        from uaction_desktop.pdf.letter import render_letter

        result = render_fax(letter, official) if channel is Channel.FAX else render_letter(letter)
        warnings.extend(result.warnings)
        _write(args.output, lambda p: write_bytes_atomic(p, result.pdf))
        print(
            ngettext("{output}: {count} page", "{output}: {count} pages", result.pages).format(
                output=args.output, count=result.pages
            )
        )
    for warning in warnings:
        print(
            _("warning: {warning}").format(warning=escaped(warning, one_line=True)), file=sys.stderr
        )
    return 0


def _write_text(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(for_stream(text, sys.stdout))
        return
    _write(output, lambda p: write_text_atomic(p, text))


def _write(path: Path, writer) -> None:
    try:
        writer(path)
    except OSError as exc:
        raise UserError(
            _("cannot write {path}: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from exc
