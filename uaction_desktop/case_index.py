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

import json
import os
import stat
import time
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from uaction_desktop import __version__, case_lookup
from uaction_desktop.case_lookup import FolderStamp
from uaction_desktop.case_search import search_text
from uaction_desktop.casefile import FORMAT_VERSION, Problem, load_case_file
from uaction_desktop.model import Case, CaseKind, Person, Role

INDEX_VERSION = 3
FILES_FILE = "files.json"  # per file: size, time, UA, document key, problems (read at every start)
CARDS_FILE = "cards.json"  # per case file: its card (read to list the cases)
SEARCH_FILE = "search.json"  # per case file: its search text (read at the first search)
_APP = "uaction-desktop case index"
_HEADER = {
    "app": _APP,
    "index": INDEX_VERSION,
    "case_format": FORMAT_VERSION,
    "version": __version__,
}


def _header() -> dict[str, Any]:
    """The header an index must carry to be used: the problems it holds are sentences in the
    interface language, so another language's index is rebuilt."""
    from uaction_desktop.i18n import current_language

    return {**_HEADER, "language": current_language()}


# A file changed twice within the file system's time resolution can keep its size and time:
# one modified this close to the last index write is read again next time.
_RACY_NS = 2_000_000_000


class CaseCard(NamedTuple):
    """One case document as the list shows it; the full case is read from ``path`` when opened.

    A named tuple, not a dataclass: thousands are made at every start, and a tuple is made
    several times faster (and is just as immutable)."""

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
    path: str = ""
    has_copies: bool = False  # an official gets a copy (the meeting pack offers to add them)

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


class CaseFile(NamedTuple):
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
    base = os.fspath(folder)
    try:
        fd = os.open(base, os.O_RDONLY) if _BY_FOLDER else None
    except FileNotFoundError:
        return [], []
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return [], [Problem(base, "", f"cannot read the cases folder: {reason}")]
    try:
        names = sorted(n for n in os.listdir(base if fd is None else fd) if n.endswith(".toml"))
        prefix = os.path.join(base, "")
        for name in names:
            path = prefix + name
            try:  # relative to the open folder: one name to resolve, not the whole path
                info = os.stat(path) if fd is None else os.stat(name, dir_fd=fd)
            except OSError as exc:
                problems.append(Problem(path, "", _link_problem(path, exc)))
                continue
            if stat.S_ISREG(info.st_mode):
                files.append(CaseFile(path, info.st_size, info.st_mtime_ns))
            elif not stat.S_ISDIR(info.st_mode):  # a folder with a case-file name is skipped
                problems.append(
                    Problem(path, "", "not a regular file (a pipe or a device); it was skipped")
                )
    except FileNotFoundError:
        return [], []
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return [], [Problem(base, "", f"cannot read the cases folder: {reason}")]
    finally:
        if fd is not None:
            os.close(fd)
    return files, problems


_BY_FOLDER = os.stat in os.supports_dir_fd and os.listdir in os.supports_fd


def _link_problem(path: str, exc: OSError) -> str:
    if os.path.islink(path):
        if exc.errno == 40 or "loop" in (exc.strerror or "").lower():  # ELOOP
            return "a symbolic link loop; it was skipped"
        if isinstance(exc, FileNotFoundError):
            return f"a symbolic link to nothing ({os.readlink(path)}); it was skipped"
    return f"cannot read the file: {exc.strerror or type(exc).__name__}"


class Record:
    """What the index holds for one file: its UA and document key, or its problems; its card
    and search text are fetched (from the index, else from the file) when first asked for."""

    __slots__ = ("card", "case", "file", "key", "problems", "search", "ua")

    def __init__(self, file: CaseFile, ua: str, key: str, problems: tuple[Problem, ...]) -> None:
        self.file = file
        self.ua = ua  # "" for a broken file
        self.key = key
        self.problems = problems
        self.card: CaseCard | None = None
        self.search: str | None = None
        self.case: Case | None = None  # the whole case, when its file was read in this run

    @property
    def path(self) -> str:
        return self.file.path

    def read(self, keep: bool = False) -> Case | None:
        """Read the file itself: the whole case (and so the card and search text) or problems.
        ``keep`` keeps the whole case too (a first run reads thousands: only cards are kept)."""
        result = load_case_file(self.path)
        case = result.case
        if keep:
            self.case = case
        if case is None:
            self.ua, self.key, self.card, self.search = "", "", None, None
            self.problems = tuple(result.problems)
        else:
            self.card = card_of(case)
            self.ua, self.key, self.problems = case.ua, self.card.key, ()
            self.search = search_text(case)
        return case


def read_record(file: CaseFile) -> Record:
    """Read and validate one case file into what the index holds for it."""
    record = Record(file, "", "", ())
    record.read()
    return record


_KINDS = {kind.value: kind for kind in CaseKind}


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
        has_copies=any(o.role is Role.COPY for o in case.officials),
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
        card.has_copies,
    ]


def _decode_card(raw: list[Any], ua: str, path: str) -> CaseCard:
    kind, update, index, title, country, issued, deadline, people, reference, copies = raw
    return CaseCard(
        ua,
        str(title),
        str(country),
        date.fromisoformat(issued),
        _KINDS[kind],
        int(update),
        str(index),
        date.fromisoformat(deadline) if deadline else None,
        tuple([Person(str(name), str(gender)) for name, gender in people]),
        str(reference),
        path,
        copies is True,
    )


class CaseIndex:
    """The index kept in ``folder`` (None: nothing is kept; every file is read each time)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._table = FileTable([], [], [], {})
        self._cards: dict[str, Any] | None = None
        self._search: dict[str, Any] | None = None
        self._dirty = False
        self._folders: list[FolderStamp] = []
        self._bundled: set[str] = set()

    def table(
        self,
        files: list[CaseFile],
        folders: list[FolderStamp] | None = None,
        bundled: set[str] | None = None,
    ) -> FileTable:
        """What the index says of the files: from the index where a file has not changed since,
        else read from the file. Only the first part of the index (sizes, times, UAs, problems)
        is read here; when no file changed (compared as whole columns), no per-file object is
        made. ``folders`` (as seen before listing them) and ``bundled`` (the bundled files'
        paths) go into the case lookup (``case_lookup``), kept up to date here."""
        self._folders, self._bundled = list(folders or []), set(bundled or ())
        stored, written_ns = self._read_files()
        paths = [f.path for f in files]
        stamps = [n for f in files for n in (f.size, f.mtime_ns)]
        if (
            stored is not None
            and stored.paths == paths
            and stored.stamps == stamps
            and max(stamps[1::2], default=0) < written_ns - _RACY_NS
        ):
            self._table = FileTable(files, stored.uas, stored.keys, stored.problems)
            folder = self.folder
            if folder is not None and not case_lookup.current(folder, self._folders, _HEADER):
                self._save_lookup()  # missing, or the folders moved (or were racy) since
            return self._table
        by_path = {path: n for n, path in enumerate(stored.paths)} if stored else {}
        records: list[Record] = []
        for file in files:
            n = by_path.get(file.path)
            record = None
            if (
                n is not None
                and stored is not None
                and stored.stamps[2 * n : 2 * n + 2] == [file.size, file.mtime_ns]
                and file.mtime_ns < written_ns - _RACY_NS
            ):
                record = Record(file, stored.uas[n], stored.keys[n], stored.problems.get(n, ()))
            else:
                record = read_record(file)
            records.append(record)
        self._table = FileTable.of(records)
        self._dirty = True
        self.save()
        return self._table

    def card(self, record: Record) -> CaseCard | None:
        """The record's card: from the index, or (when missing or damaged) from its file."""
        if record.card is None and record.ua:
            held = self._stored("_cards", CARDS_FILE).get(record.path)
            try:
                if _same_file(held, record.file):
                    record.card = _decode_card(held[2], record.ua, record.path)
            except (TypeError, ValueError, AttributeError, KeyError, IndexError):
                record.card = None  # a damaged entry: the file says what is true
            if record.card is None or record.card.key != record.key:
                record.read()
                self._dirty = True
        return record.card

    def search_text(self, record: Record) -> str:
        """The record's folded search text: from the index, or from its file."""
        if record.search is None and record.ua:
            held = self._stored("_search", SEARCH_FILE).get(record.path)
            if _same_file(held, record.file) and isinstance(held[2], str):
                record.search = held[2]
            else:
                record.read()
                self._dirty = True
        return record.search or ""

    # -- the files

    def _read_files(self) -> tuple[_Stored | None, int]:
        """The first part as stored (None if it is missing or not what this app writes)."""
        data = self._read_json(FILES_FILE)
        try:
            if data is None:
                return None, 0
            written_ns = int(data["written_ns"])
            held = data["files"]
            paths, stamps, uas, keys = (held[k] for k in ("paths", "stamps", "uas", "keys"))
            count = len(paths)
            if not (len(stamps) == 2 * count and len(uas) == count == len(keys)):
                return None, 0
            if not set(map(type, paths + uas + keys)) <= {str} or not set(map(type, stamps)) <= {
                int
            }:
                return None, 0
            problems: dict[int, tuple[Problem, ...]] = {}
            for position, found in held["problems"].items():
                n = int(position)
                problems[n] = tuple(
                    Problem(paths[n], str(f), str(m), _line(li)) for f, m, li in found
                )
                if uas[n] or not problems[n]:
                    return None, 0  # a file holds a case or problems, never both
            if uas.count("") != len(problems):
                return None, 0
            return _Stored(paths, stamps, uas, keys, problems), written_ns
        except (KeyError, TypeError, ValueError, AttributeError, IndexError):
            return None, 0  # not what this app writes: rebuilt from the files

    def _stored(self, attribute: str, name: str) -> dict[str, Any]:
        held = getattr(self, attribute)
        if held is None:
            data = self._read_json(name)
            files = data.get("files") if data else None
            held = files if isinstance(files, dict) else {}
            setattr(self, attribute, held)
        return held

    def _read_json(self, name: str) -> dict[str, Any] | None:
        if self.folder is None:
            return None
        try:
            data = json.loads((self.folder / name).read_bytes())
        except (OSError, ValueError, RecursionError):
            return None  # missing, unreadable, truncated or not JSON
        if not isinstance(data, dict) or any(data.get(k) != v for k, v in _header().items()):
            return None  # another program's, or another version's
        return data

    def save(self) -> None:
        """Write the index again if anything in it moved; atomically, file by file, and only
        what the files say (a card or text not yet known is fetched first). A cache that
        cannot be written is simply not kept."""
        if not self._dirty or self.folder is None:
            return
        from uaction_desktop.atomic import write_bytes_atomic

        records = self._table.all_records()
        cards = {
            r.path: [r.file.size, r.file.mtime_ns, _encode_card(card)]
            for r in records
            if (card := self.card(r)) is not None
        }
        search = {
            r.path: [r.file.size, r.file.mtime_ns, self.search_text(r)] for r in records if r.ua
        }
        files = {
            "paths": [r.path for r in records],
            "stamps": [n for r in records for n in (r.file.size, r.file.mtime_ns)],
            "uas": [r.ua for r in records],
            "keys": [r.key for r in records],
            "problems": {str(n): _problems(r) for n, r in enumerate(records) if r.problems},
        }
        parts = ((SEARCH_FILE, search), (CARDS_FILE, cards), (FILES_FILE, files))
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            case_lookup.remove(self.folder)  # until rewritten below, no lookup is trusted
            for name, content in parts:  # the first part last: it says what the others hold
                header = {**_header(), "written_ns": time.time_ns()}
                text = json.dumps({**header, "files": content}, ensure_ascii=False)
                write_bytes_atomic(self.folder / name, text.encode("utf-8"))
        except OSError:
            pass
        else:
            self._save_lookup()
        self._cards, self._search = cards, search
        self._dirty = False

    def _save_lookup(self) -> None:
        """Write the case lookup from the table (no card or text needed); not kept if it
        cannot be written."""
        if self.folder is None:
            return
        from uaction_desktop.atomic import write_bytes_atomic

        table = self._table
        entries = [
            case_lookup.Entry(ua, key, f.path in self._bundled, f.size, f.mtime_ns, f.path)
            for f, ua, key in zip(table.files, table.uas, table.keys, strict=True)
            if ua
        ]
        data = case_lookup.lookup_bytes(self._folders, entries, _HEADER)
        try:
            write_bytes_atomic(self.folder / case_lookup.LOOKUP_FILE, data)
        except OSError:
            case_lookup.remove(self.folder)


class _Stored(NamedTuple):
    paths: list[str]
    stamps: list[int]  # size, modification time (ns), size, ... in the order of paths
    uas: list[str]
    keys: list[str]
    problems: dict[int, tuple[Problem, ...]]  # by position


class FileTable:
    """The case files of one run, column by column (path, UA, document key, problems), with
    a ``Record`` made for a file only when one is asked for."""

    def __init__(
        self,
        files: list[CaseFile],
        uas: list[str],
        keys: list[str],
        problems: dict[int, tuple[Problem, ...]],
        records: list[Record | None] | None = None,
    ) -> None:
        self.files = files
        self.uas = uas
        self.keys = keys
        self.problems = problems
        self._records: list[Record | None] = records or [None] * len(files)

    @classmethod
    def of(cls, records: list[Record]) -> FileTable:
        problems = {n: r.problems for n, r in enumerate(records) if r.problems}
        return cls(
            [r.file for r in records],
            [r.ua for r in records],
            [r.key for r in records],
            problems,
            list(records),
        )

    def record(self, n: int) -> Record:
        record = self._records[n]
        if record is None:
            record = Record(self.files[n], self.uas[n], self.keys[n], self.problems.get(n, ()))
            self._records[n] = record
        return record

    def all_records(self) -> list[Record]:
        return [self.record(n) for n in range(len(self.files))]


def _problems(record: Record) -> list[list[Any]]:
    return [[p.field, p.message, p.line] for p in record.problems]


def _same_file(held: Any, file: CaseFile) -> bool:
    return isinstance(held, list) and len(held) == 3 and held[:2] == [file.size, file.mtime_ns]


def lookup(index_dir: Path, folders: list[Path], uas: list[str]) -> list[case_lookup.Entry] | None:
    """The files the case lookup names for the UAs (see ``case_lookup.find``)."""
    return case_lookup.find(index_dir, folders, uas, _HEADER)


def _line(value: Any) -> int | None:
    return value if isinstance(value, int) and value > 0 else None
