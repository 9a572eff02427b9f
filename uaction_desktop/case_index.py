"""The case index: what the case list and its search need from every case file, kept between runs.

Reading and validating thousands of case files at every start costs seconds; the index keeps,
per file, its card (what the list shows), its problems (with their lines) and its search text,
keyed by the file's path, size and modification time (in nanoseconds) and by this app's version
and case-format version. A run re-reads exactly the files that were added or changed, drops the
removed ones and writes the index again (atomically) when anything moved.

The index is derived data in the cache folder, never trusted over the files: one that is
missing, truncated, corrupt, from another version or another program is ignored and rebuilt,
and deleting it is always safe. It is stored as JSON (never pickle: it is only data).
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from uaction_desktop import __version__
from uaction_desktop.case_search import search_text
from uaction_desktop.casefile import FORMAT_VERSION, Problem, load_case_file
from uaction_desktop.model import Case, CaseKind, Person

INDEX_VERSION = 1
CARDS_FILE = "cases.json"
SEARCH_FILE = "search.json"
_APP = "uaction-desktop case index"
# A file changed twice within the file system's time resolution can keep its size and time:
# one modified this close to the last index write is read again next time.
_RACY_NS = 2_000_000_000


@dataclass(frozen=True)
class CaseCard:
    """One case document as the list shows it; the full case is read from ``path`` when opened."""

    ua: str
    title: str
    country: str
    issued: date
    kind: CaseKind = CaseKind.INITIAL
    update: int = 0
    index: str = ""
    deadline: date | None = None
    people: tuple[Person, ...] = ()
    report_reference: str = ""
    path: str = field(default="", compare=False)

    @property
    def key(self) -> str:
        """Identifies the document: the UA number, plus the update number or "closure"."""
        return document_key(self.ua, self.kind, self.update)

    def days_left(self, today: date) -> int | None:
        return None if self.deadline is None else (self.deadline - today).days


def document_key(ua: str, kind: CaseKind, update: int) -> str:
    if kind is CaseKind.FOLLOW_UP:
        return f"{ua}#{update}"
    if kind is CaseKind.CLOSURE:
        return f"{ua}#closure"
    return ua


@dataclass(frozen=True)
class CaseFile:
    """A ``*.toml`` entry of a cases folder that is a regular file (links followed)."""

    path: str
    size: int
    mtime_ns: int


def scan_folder(folder: Path) -> tuple[list[CaseFile], list[Problem]]:
    """The case files in ``folder``, each entry judged alone: a link loop, a dangling link or a
    special file (FIFO, device) is a problem for that entry only; sub-folders are skipped; a
    missing folder is simply empty."""
    files: list[CaseFile] = []
    problems: list[Problem] = []
    try:
        with os.scandir(folder) as entries:
            found = [e for e in entries if e.name.endswith(".toml")]
    except FileNotFoundError:
        return [], []
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return [], [Problem(str(folder), "", f"cannot read the cases folder: {reason}")]
    for entry in found:
        try:
            info = os.stat(entry.path)  # follows links
        except OSError as exc:
            problems.append(Problem(entry.path, "", _link_problem(entry.path, exc)))
            continue
        if stat.S_ISDIR(info.st_mode):
            continue  # a folder with a case-file name
        if not stat.S_ISREG(info.st_mode):
            problems.append(
                Problem(entry.path, "", "not a regular file (a pipe or a device); it was skipped")
            )
            continue
        files.append(CaseFile(entry.path, info.st_size, info.st_mtime_ns))
    files.sort(key=lambda f: f.path)
    problems.sort(key=lambda p: p.file)
    return files, problems


def _link_problem(path: str, exc: OSError) -> str:
    if os.path.islink(path):
        if exc.errno == 40 or "loop" in (exc.strerror or "").lower():  # ELOOP
            return "a symbolic link loop; it was skipped"
        if isinstance(exc, FileNotFoundError):
            return f"a symbolic link to nothing ({os.readlink(path)}); it was skipped"
    return f"cannot read the file: {exc.strerror or type(exc).__name__}"


@dataclass
class Record:
    """What the index holds for one file: its card (if the file is a usable case) or its
    problems. The card is decoded from the stored form only when it is first asked for."""

    file: CaseFile
    ua: str  # "" for a broken file
    key: str
    raw_card: list[Any] | None
    problems: tuple[Problem, ...] = ()
    search: str | None = None  # folded search text, when known
    _card: CaseCard | None = field(default=None, repr=False)

    @property
    def path(self) -> str:
        return self.file.path

    def card(self) -> CaseCard | None:
        if self._card is None and self.raw_card is not None:
            try:
                self._card = _decode_card(self.raw_card, self.ua, self.path)
            except (TypeError, ValueError, AttributeError):
                self._card = None  # a damaged index entry: the file says what is true
            if self._card is None or self._card.key != self.key:
                fresh = read_record(self.file)
                self.ua, self.key, self.raw_card = fresh.ua, fresh.key, fresh.raw_card
                self.problems, self.search, self._card = fresh.problems, fresh.search, fresh._card
        return self._card


def read_record(file: CaseFile) -> Record:
    """Read and validate one case file into what the index holds for it."""
    result = load_case_file(file.path)
    case = result.case
    if case is None:
        return Record(file, "", "", None, tuple(result.problems))
    card = card_of(case)
    return Record(file, card.ua, card.key, _encode_card(card), (), search_text(case), card)


def card_of(case: Case) -> CaseCard:
    return CaseCard(
        ua=case.ua,
        title=case.title,
        country=case.country,
        issued=case.issued,
        kind=case.kind,
        update=case.update,
        index=case.index,
        deadline=case.deadline,
        people=case.people,
        report_reference=case.report_reference,
        path=case.path,
    )


def _encode_card(card: CaseCard) -> list[Any]:
    return [
        card.kind.value,
        card.update,
        card.index,
        card.title,
        card.country,
        card.issued.isoformat(),
        card.deadline.isoformat() if card.deadline else None,
        [[p.name, p.gender] for p in card.people],
        card.report_reference,
    ]


def _decode_card(raw: list[Any], ua: str, path: str) -> CaseCard:
    kind, update, index, title, country, issued, deadline, people, reference = raw
    return CaseCard(
        ua=ua,
        title=str(title),
        country=str(country),
        issued=date.fromisoformat(issued),
        kind=CaseKind(kind),
        update=int(update),
        index=str(index),
        deadline=date.fromisoformat(deadline) if deadline else None,
        people=tuple(Person(str(name), str(gender)) for name, gender in people),
        report_reference=str(reference),
        path=path,
    )


class CaseIndex:
    """The index kept in ``folder`` (None: nothing is kept; every file is read each time)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._search: dict[str, list[Any]] | None = None
        self._records: list[Record] = []

    # -- cards

    def records(self, files: list[CaseFile]) -> list[Record]:
        """One record per file, from the index where the file has not changed since."""
        stored, written_ns = self._read_cards()
        records: list[Record] = []
        changed = len(stored) != len(files)
        for file in files:
            record = stored.get(file.path)
            fresh = (
                record is not None
                and record.file == file
                and file.mtime_ns < written_ns - _RACY_NS
                and _valid(record)
            )
            if not fresh:
                record = read_record(file)
                changed = True
            assert record is not None
            records.append(record)
        self._records = records
        if changed:
            self._write(records)
        return records

    def _read_cards(self) -> tuple[dict[str, Record], int]:
        data = self._read_json(CARDS_FILE)
        if data is None:
            return {}, 0
        try:
            written_ns = int(data["written_ns"])
            found: dict[str, Record] = {}
            for path, (size, mtime_ns, ua, key, card, problems) in data["files"].items():
                file = CaseFile(str(path), int(size), int(mtime_ns))
                found[file.path] = Record(
                    file,
                    str(ua),
                    str(key),
                    card if isinstance(card, list) else None,
                    tuple(Problem(file.path, str(f), str(m), _line(n)) for f, m, n in problems),
                )
            return found, written_ns
        except (KeyError, TypeError, ValueError, AttributeError):
            return {}, 0  # not what this app writes: rebuilt from the files

    # -- search text

    def search_texts(self, records: list[Record]) -> list[str]:
        """The folded search text of each record: from the index, or read from its file."""
        stored: dict[str, list[Any]] | None = None
        texts: list[str] = []
        missing = False
        for record in records:
            if record.search is None:
                if stored is None:
                    stored = self._stored_search()
                held = stored.get(record.path)
                if (
                    isinstance(held, list)
                    and len(held) == 3
                    and [held[0], held[1]] == [record.file.size, record.file.mtime_ns]
                    and isinstance(held[2], str)
                ):
                    record.search = held[2]
                else:
                    record.search = _reread_search(record)
                    missing = True
            texts.append(record.search)
        if missing:
            self._write(self._records or records)
        return texts

    def _stored_search(self) -> dict[str, list[Any]]:
        if self._search is None:
            data = self._read_json(SEARCH_FILE)
            files = data.get("files") if data else None
            self._search = files if isinstance(files, dict) else {}
        return self._search

    # -- the files

    def _read_json(self, name: str) -> dict[str, Any] | None:
        if self.folder is None:
            return None
        try:
            data = json.loads((self.folder / name).read_bytes())
        except (OSError, ValueError, RecursionError):
            return None  # missing, unreadable, truncated or not JSON
        if not isinstance(data, dict) or data.get("app") != _APP:
            return None
        if [data.get("index"), data.get("case_format"), data.get("version")] != _HEADER_KEY:
            return None
        return data

    def _write(self, records: list[Record]) -> None:
        """Both files, atomically; a cache that cannot be written is simply not kept."""
        if self.folder is None:
            return
        from uaction_desktop.atomic import write_bytes_atomic

        header = {
            "app": _APP,
            "index": INDEX_VERSION,
            "case_format": FORMAT_VERSION,
            "version": __version__,
            "written_ns": time.time_ns(),
        }
        cards = {
            r.path: [
                r.file.size,
                r.file.mtime_ns,
                r.ua,
                r.key,
                r.raw_card,
                [[p.field, p.message, p.line] for p in r.problems],
            ]
            for r in records
        }
        known = [r for r in records if r.search is not None]
        old = self._stored_search() if len(known) < len(records) else {}
        search = {
            path: held
            for path, held in old.items()
            if isinstance(held, list) and path in cards and held[:2] == cards[path][:2]
        }
        search.update({r.path: [r.file.size, r.file.mtime_ns, r.search] for r in known})
        with contextlib.suppress(OSError):
            self.folder.mkdir(parents=True, exist_ok=True)
            for name, files in ((SEARCH_FILE, search), (CARDS_FILE, cards)):
                text = json.dumps({**header, "files": files}, ensure_ascii=False)
                write_bytes_atomic(self.folder / name, text.encode("utf-8"))
        self._search = search


_HEADER_KEY = [INDEX_VERSION, FORMAT_VERSION, __version__]


def _line(value: Any) -> int | None:
    return value if isinstance(value, int) and value > 0 else None


def _valid(record: Record) -> bool:
    """A stored record holds a case (with its UA) or problems; its card is checked as it is
    decoded (``Record.card``), so a run that opens one case does not decode them all."""
    if record.raw_card is None:
        return bool(record.problems) and not record.ua
    return bool(record.ua) and len(record.raw_card) == 9 and not record.problems


def _reread_search(record: Record) -> str:
    result = load_case_file(record.path)
    return search_text(result.case) if result.case is not None else ""
