"""``uaction check PATH...``: validate case files and print every problem."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from uaction_desktop.bounded import special_kind
from uaction_desktop.casefile import Problem, load_case_file, locate_fields
from uaction_desktop.i18n import _
from uaction_desktop.letter_text import truncation_warning
from uaction_desktop.terminal import escaped


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("check", help=_("validate case files"))
    parser.add_argument("paths", nargs="+", metavar="PATH", type=Path)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx) -> int:
    files: list[Path] = []
    for path in args.paths:
        found = sorted(path.glob("*.toml")) if path.is_dir() else [path]
        if not found:
            print(
                _("{path}: no case files (*.toml) in this folder").format(path=escaped(str(path)))
            )
        files.extend(found)
    bad = 0
    for path in files:
        refused = _not_a_case_file(path)
        if refused:
            print(f"{escaped(str(path))}: {refused}")
            bad += 1
            continue
        result = load_case_file(path)
        for problem in result.problems:
            print(escaped(str(problem)))
        if result.problems:
            bad += 1
        elif warnings := _text_warnings(path, result.case.model_letter):
            for warning in warnings:
                print(warning)
            print(
                _("{path}: valid (UA {ua}), but check the warning above").format(
                    path=path, ua=result.case.ua
                )
            )
        else:
            print(escaped(_("{path}: ok (UA {ua})").format(path=path, ua=result.case.ua)))
    return 1 if bad or not files else 0


def _text_warnings(path: Path, model_letter: str) -> list[Problem]:
    """A model letter cut short in the source is valid TOML but would print as it is."""
    warning = truncation_warning(model_letter, model_letter=True)
    if not warning:
        return []
    try:
        line = locate_fields(path.read_text(encoding="utf-8")).get("model_letter")
    except (OSError, UnicodeDecodeError):
        line = None
    return [
        Problem(str(path), "model_letter", _("warning: {warning}").format(warning=warning), line)
    ]


def _not_a_case_file(path: Path) -> str:
    """Why ``path`` is not even read (a device such as /dev/zero never ends, opening a FIFO
    waits for a writer), or "" for a regular file."""
    try:
        kind = special_kind(os.stat(path).st_mode)
    except FileNotFoundError:  # the case-file loader words a missing file itself
        return _("a link to a file that is missing") if path.is_symlink() else ""
    except OSError as exc:
        return _("cannot be read ({reason})").format(reason=exc.strerror or exc)
    return _("{kind}, not a case file").format(kind=kind) if kind else ""
