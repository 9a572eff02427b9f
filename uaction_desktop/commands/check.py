"""``uaction check PATH...``: validate case files and print every problem."""

from __future__ import annotations

import argparse
from pathlib import Path

from uaction_desktop.casefile import Problem, load_case_file, locate_fields
from uaction_desktop.letter_text import truncation_warning


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("check", help="validate case files")
    parser.add_argument("paths", nargs="+", metavar="PATH", type=Path)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx) -> int:
    files: list[Path] = []
    for path in args.paths:
        found = sorted(path.glob("*.toml")) if path.is_dir() else [path]
        if not found:
            print(f"{path}: no case files (*.toml) in this folder")
        files.extend(found)
    bad = 0
    for path in files:
        result = load_case_file(path)
        for problem in result.problems:
            print(problem)
        if result.problems:
            bad += 1
        elif warnings := _text_warnings(path, result.case.model_letter):
            for warning in warnings:
                print(warning)
            print(f"{path}: valid (UA {result.case.ua}), but check the warning above")
        else:
            print(f"{path}: ok (UA {result.case.ua})")
    return 1 if bad or not files else 0


def _text_warnings(path: Path, model_letter: str) -> list[Problem]:
    """A model letter cut short in the source is valid TOML but would print as it is."""
    warning = truncation_warning(model_letter, "the model letter")
    if not warning:
        return []
    try:
        line = locate_fields(path.read_text(encoding="utf-8")).get("model_letter")
    except (OSError, UnicodeDecodeError):
        line = None
    return [Problem(str(path), "model_letter", f"warning: {warning}", line)]
