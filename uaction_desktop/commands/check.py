"""``uaction check PATH...``: validate case files and print every problem."""

from __future__ import annotations

import argparse
from pathlib import Path

from uaction_desktop.casefile import load_case_file


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
        else:
            print(f"{path}: ok (UA {result.case.ua})")
    return 1 if bad or not files else 0
