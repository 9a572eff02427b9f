"""The member list as a CSV file: who signs, and the address printed on their own letters.

A spreadsheet export, so: a header row; ``name`` required; ``address`` (its lines separated by
line breaks inside the cell), ``email`` and ``country`` (where the member posts from; empty means
the profile's country) optional; other columns are ignored but reported, so a
typo such as ``adress`` does not silently drop everyone's address. Comma, semicolon and tab
separators are all common in exports and all accepted. Every error names the file and the line.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from uaction_desktop.bounded import TooLargeOrSpecial, read_bytes_bounded
from uaction_desktop.pack.options import Signer

KNOWN_COLUMNS = ("name", "address", "email", "country")
MAX_SIGNERS = 500  # members at one meeting: as many as --copies and the window allow
MAX_FILE_BYTES = 2 * 1024 * 1024  # 500 members with long addresses fit in a few hundred KB
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class RosterError(ValueError):
    """A roster that cannot be used; ``line`` is the 1-based line the problem is on."""

    def __init__(self, source: str, line: int | None, problem: str) -> None:
        where = f"{source}, line {line}" if line else source
        super().__init__(f"{where}: {problem}")
        self.source = source
        self.line = line
        self.problem = problem


@dataclass(frozen=True)
class Roster:
    signers: tuple[Signer, ...]
    ignored_columns: tuple[str, ...] = ()


def load_roster(path: str | Path) -> Roster:
    """Read a roster file; any problem is a :class:`RosterError` naming the line."""
    source = str(path)
    try:
        data = read_bytes_bounded(path, MAX_FILE_BYTES)
    except TooLargeOrSpecial as exc:
        raise RosterError(source, None, f"cannot read the roster: it is {exc.message}") from exc
    except OSError as exc:
        raise RosterError(source, None, f"cannot read the roster: {exc.strerror or exc}") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise RosterError(
            source, line, "not UTF-8 text (save the spreadsheet as 'CSV UTF-8')"
        ) from exc
    return parse_roster(text, source)


def parse_roster(text: str, source: str = "roster") -> Roster:
    """Parse roster CSV text; ``source`` names it in error messages."""
    if not text.strip():
        raise RosterError(source, None, "the roster is empty (it needs a header row with 'name')")
    first_line = text.lstrip("\r\n").splitlines()[0]
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header, header_line = _header(reader, source)
    signers: list[Signer] = []
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise RosterError(source, line, f"cannot read this row: {exc}") from exc
        if any(cell.strip() for cell in row):
            if len(signers) == MAX_SIGNERS:
                raise RosterError(
                    source,
                    line,
                    f"more than {MAX_SIGNERS} signers; a pack is for one meeting (split the "
                    "roster into several packs)",
                )
            signers.append(_signer(row, header, source, line))
        line = reader.line_num + 1
    if not signers:
        raise RosterError(source, header_line, "the roster has a header but no signers")
    ignored = tuple(name for name in header if name not in KNOWN_COLUMNS)
    return Roster(tuple(signers), ignored)


def _header(reader: csv.Reader, source: str) -> tuple[list[str], int]:
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            raise RosterError(source, None, "the roster has no header row") from None
        except csv.Error as exc:
            raise RosterError(source, line, f"cannot read the header row: {exc}") from exc
        if any(cell.strip() for cell in row):
            break
    header = [cell.strip().casefold() for cell in row]
    if "name" not in header:
        shown = ", ".join(cell for cell in header if cell) or "none"
        raise RosterError(
            source, line, f"the header row has no 'name' column (columns found: {shown})"
        )
    for name in KNOWN_COLUMNS:
        if header.count(name) > 1:
            raise RosterError(source, line, f"the header row has two '{name}' columns")
    return header, line


def _signer(row: list[str], header: list[str], source: str, line: int) -> Signer:
    if len(row) > len(header) and any(cell.strip() for cell in row[len(header) :]):
        raise RosterError(
            source,
            line,
            f"{len(row)} fields but the header has {len(header)} columns "
            "(a comma inside a cell needs quotes)",
        )
    cells = dict(zip(header, row, strict=False))
    name = " ".join(cells.get("name", "").split())
    if not name:
        raise RosterError(source, line, "the name is empty")
    address = tuple(
        " ".join(part.split()) for part in cells.get("address", "").splitlines() if part.strip()
    )
    email = cells.get("email", "").strip()
    if email and not _EMAIL.match(email):
        raise RosterError(source, line, f"'{email}' is not an email address")
    country = " ".join(cells.get("country", "").split())
    return Signer(name=name, address=address, email=email, country=country)
