"""Argument types shared by the ``uaction`` sub-commands: one wording for one mistake."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path


def positive_int(text: str, most: int = 1_000_000) -> int:
    plain = text.strip()
    if plain.startswith("-") and plain[1:].isascii() and plain[1:].isdigit():
        raise argparse.ArgumentTypeError("must be 1 or more")  # "-3": a number, but too few
    if not (text.isascii() and plain.isdigit()) or len(text) > 12:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number")
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    if value > most:
        raise argparse.ArgumentTypeError(f"must be at most {most:,}")
    return value


def copies(text: str) -> int:
    """Members at one meeting: the window allows 500, and so does the command line."""
    return positive_int(text, most=500)


def output_file(text: str) -> Path:
    """A file to write: "" (an empty shell variable) is no name at all, not the current folder."""
    if not text.strip():
        raise argparse.ArgumentTypeError("needs a file name, e.g. --output FILE.pdf")
    return Path(text)


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-11-28") from None
