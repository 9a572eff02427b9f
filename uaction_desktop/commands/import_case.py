"""``uaction import FILE``: a draft case file from a published Urgent Action document.

The draft goes to stdout as TOML (with review notes as comments), to ``--output`` (never over
an existing file without ``--force``), or as JSON with ``--json``. Nothing else is written.
What is printed shows control characters and bidi overrides as ``\\uXXXX`` escapes (the same
TOML or JSON value); the file written is the draft exactly.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from uaction_desktop.atomic import write_text_atomic
from uaction_desktop.cli import Context, UserError
from uaction_desktop.i18n import _, ngettext
from uaction_desktop.outputs import is_stdout
from uaction_desktop.terminal import escaped, json_escaped, toml_escaped

if TYPE_CHECKING:
    from uaction_desktop.importer import Draft


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import",
        help=_("make a draft case file from an Urgent Action document (PDF, Word, email, text)"),
        description=_(
            "Read an Urgent Action document and print a draft case file to review. "
            "Every field gets a confidence; text that could not be placed is listed, never lost."
        ),
    )
    parser.add_argument(
        "file", metavar="FILE", type=Path, help=_(".pdf, .docx, .eml, .html or .txt")
    )
    parser.add_argument(
        "--output", "-o", metavar="CASE.toml", type=Path, help=_("write the case file here")
    )
    parser.add_argument("--force", action="store_true", help=_("replace --output if it exists"))
    parser.add_argument(
        "--json", action="store_true", help=_("print the draft as JSON, with confidences")
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from uaction_desktop.importer import DocumentError, import_file  # not needed by other commands

    output: Path | None = None if args.output and is_stdout(args.output) else args.output
    if output is not None:
        _check_output(output, args.file, args.force)
    try:
        draft = import_file(args.file)
    except DocumentError as exc:
        raise UserError(exc.message) from exc
    text = draft.to_toml(ctx.today)
    if output is not None:
        try:
            write_text_atomic(output, text)
        except OSError as exc:
            raise UserError(
                _("cannot write {output}: {reason}").format(
                    output=output, reason=exc.strerror or exc
                )
            ) from exc
    if args.json:
        data = draft.to_json(ctx.today)
        data["file"] = str(output) if output is not None else ""
        print(json_escaped(json.dumps(data, ensure_ascii=False, indent=2)))
    elif output is None:  # the same TOML, with nothing in it a terminal would obey
        sys.stdout.write(toml_escaped(text))
    _report(draft, args.file, output, ctx)
    return 0


def _check_output(output: Path, source: Path, force: bool) -> None:
    if output.exists() and output.is_dir():
        raise UserError(
            _("--output {output} is a folder; give a file name such as case.toml").format(
                output=output
            )
        )
    if not output.parent.is_dir():
        raise UserError(
            _("--output: the folder {parent} does not exist").format(parent=output.parent)
        )
    if output.exists() and source.exists() and output.resolve() == source.resolve():
        raise UserError(_("--output would replace the document being imported"))
    if output.exists() and not force:
        raise UserError(
            _("{output} already exists (add --force to replace it)").format(output=output)
        )


def _report(draft: Draft, source: Path, output: Path | None, ctx: Context) -> None:
    """A few lines on stderr: what was read, and what a reviewer has to do."""
    case = draft.to_case(ctx.today)
    if case.kind.value == "follow-up":
        kind = _("follow-up {number}").format(number=case.update)
    elif case.kind.value == "closure":
        kind = _("closure")
    else:
        kind = _("initial")
    doc = draft.document_type
    if doc is not None and str(doc.value) != case.kind.value:
        kind = _("{document}, saved as {kind}").format(document=doc.value.short, kind=kind)
    officials, asks, leftovers = len(case.officials), len(case.asks), len(draft.leftovers)
    counts = ", ".join(
        (
            ngettext("{count} official", "{count} officials", officials).format(count=officials),
            ngettext("{count} appeal point", "{count} appeal points", asks).format(count=asks),
            ngettext("{count} leftover", "{count} leftovers", leftovers).format(count=leftovers),
        )
    )
    read = _("read UA {ua} ({kind}) from {name}: {counts}").format(
        ua=case.ua or "?", kind=kind, name=source.name, counts=counts
    )
    print(escaped(read, one_line=True), file=sys.stderr)
    for warning in draft.warnings:
        print(
            _("warning: {warning}").format(warning=escaped(warning, one_line=True)), file=sys.stderr
        )
    review = draft.to_review()
    if review:
        listed = escaped(", ".join(review), one_line=True)
        print(
            ngettext(
                "{count} field to review: {fields}",
                "{count} fields to review: {fields}",
                len(review),
            ).format(count=len(review), fields=listed),
            file=sys.stderr,
        )
    for problem in draft.problems(ctx.today):
        print(
            escaped(
                _("to complete: {field}: {message}").format(
                    field=problem.field, message=problem.message
                )
            ),
            file=sys.stderr,
        )
    if output is not None:
        print(escaped(_("wrote {output}").format(output=output), one_line=True), file=sys.stderr)
