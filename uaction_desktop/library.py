"""All the cases the user can write about: the bundled ones plus the user's own folder.

A broken file becomes a listed problem and never stops the others from loading. Documents are
grouped by UA number: the newest follow-up is the one letters are written from, and a closure
notice marks the whole UA closed.

What the list needs comes from the case index (``case_index``), so a start reads only the files
that changed; a case's full text is read from its file when it is opened (``CaseEntry.case``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

from uaction_desktop.case_index import (
    CaseCard,
    CaseFile,
    CaseIndex,
    FileTable,
    Record,
    card_of,
    lookup,
    scan_folder,
)
from uaction_desktop.case_lookup import folder_stamp
from uaction_desktop.case_lookup import remove as remove_lookup
from uaction_desktop.case_search import CaseSearch, fold, matches, search_text
from uaction_desktop.casefile import Problem, load_case_file
from uaction_desktop.model import Case, CaseKind, CaseStatus, normalize_ua
from uaction_desktop.resources import bundled_cases_dir

__all__ = ["CaseEntry", "CaseLibrary", "CaseUnavailable", "fold", "matches", "search_text"]


class CaseUnavailable(Exception):
    """A listed case whose file no longer reads as a case (it was changed since the start)."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        first = str(problems[0]) if problems else f"{path}: cannot be read"
        super().__init__(first)
        self.path = path
        self.problems = problems


def read_case(path: str) -> Case:
    """The whole case from its file; ``CaseUnavailable`` if the file no longer holds one."""
    result = load_case_file(path)
    if result.case is None:
        raise CaseUnavailable(path, result.problems)
    return result.case


@dataclass(frozen=True, eq=False)
class CaseEntry:
    """One UA as the user sees it: the document to write from, and its derived status.

    ``card`` is what the list shows; ``case`` is the whole document, read from its file the
    first time it is asked for."""

    card: CaseCard
    status: CaseStatus
    closure: CaseCard | None = None
    documents: tuple[CaseCard, ...] = ()
    bundled: bool = False

    @property
    def ua(self) -> str:
        return self.card.ua

    @cached_property
    def case(self) -> Case:
        return read_case(self.card.path)

    def on_demand(self) -> CaseOnDemand:
        return CaseOnDemand(self)


class CaseOnDemand:
    """A listed case for code that takes every case but reads few of them whole (the action
    log's case picker and filter): the card's fields at once, the rest read from the file
    the first time it is asked for."""

    __slots__ = ("_entry",)

    def __init__(self, entry: CaseEntry) -> None:
        self._entry = entry

    def __getattr__(self, name: str):
        if name in _CARD_FIELDS:
            return getattr(self._entry.card, name)
        return getattr(self._entry.case, name)


_CARD_FIELDS = frozenset(CaseCard._fields) | {"key", "days_left"}


@dataclass
class CaseLibrary:
    problems: list[Problem] = field(default_factory=list)
    bundled_paths: set[str] = field(default_factory=set)
    index: CaseIndex = field(default_factory=lambda: CaseIndex(None))
    table: FileTable = field(default_factory=lambda: FileTable([], [], [], {}))
    kept: list[int] = field(default_factory=list)  # positions of usable cases, no duplicates

    @property
    def records(self) -> list[Record]:
        """The usable cases' records (made on first use: a command naming one case needs
        only that case's)."""
        return [self.table.record(n) for n in self.kept]

    @classmethod
    def load(
        cls, folders: Iterable[Path], bundled: Path | None = None, index_dir: Path | None = None
    ) -> CaseLibrary:
        """Every ``*.toml`` file in the folders (missing folders are simply empty), through the
        case index kept in ``index_dir`` (None: every file is read)."""
        library = cls(index=CaseIndex(index_dir))
        files: list[CaseFile] = []
        all_folders = ([bundled] if bundled else []) + list(folders)
        stamps = []
        for folder in all_folders:
            stamps.append(folder_stamp(folder))  # before listing it: a later change is seen
            found, problems = scan_folder(folder)
            library.problems.extend(problems)
            files.extend(found)
            if folder == bundled:
                library.bundled_paths.update(f.path for f in found)
        table = library.table = library.index.table(files, stamps, library.bundled_paths)
        library.problems.extend(p for n in sorted(table.problems) for p in table.problems[n])
        usable = [n for n, ua in enumerate(table.uas) if ua]
        keys = [table.keys[n] for n in usable]
        if len(set(keys)) == len(keys):
            library.kept = usable  # the usual case: one file per document
        else:
            kept = library._without_duplicates([table.record(n) for n in usable])
            position = {id(table.record(n)): n for n in usable}
            library.kept = [position[id(r)] for r in kept]
        return library

    @classmethod
    def standard(cls, user_cases_dir: Path, index_dir: Path | None = None) -> CaseLibrary:
        return cls.load([user_cases_dir], bundled=bundled_cases_dir(), index_dir=index_dir)

    @classmethod
    def some_cases(
        cls, ua_texts: Sequence[str], folders: Iterable[Path], bundled: Path | None, index_dir: Path
    ) -> CaseLibrary | None:
        """A library of the named UAs' files alone, found through the case lookup without
        looking at the other files; None when the lookup cannot vouch for every one of them
        (then load the whole library). Each file is read and must hold the document the
        lookup says it does."""
        uas = [normalize_ua(text) for text in ua_texts]
        if not uas or None in uas:
            return None
        all_folders = ([bundled] if bundled else []) + list(folders)
        found = lookup(index_dir, all_folders, [ua for ua in uas if ua])
        if found is None:
            return None
        records = [Record(CaseFile(e.path, e.size, e.mtime_ns), e.ua, e.key, ()) for e in found]
        for record, entry in zip(records, found, strict=True):
            record.read(keep=True)
            if record.key != entry.key:  # changed within the same size and time, or damaged
                remove_lookup(index_dir)  # the next listing writes it again
                return None
        library = cls(bundled_paths={e.path for e in found if e.bundled})
        library.table = FileTable.of(records)
        kept = library._without_duplicates(records)
        library.kept = [n for n, r in enumerate(records) if any(r is k for k in kept)]
        return library

    @classmethod
    def one_case(
        cls, ua_text: str, folders: Iterable[Path], bundled: Path | None, index_dir: Path
    ) -> CaseLibrary | None:
        return cls.some_cases([ua_text], folders, bundled, index_dir)

    @classmethod
    def standard_some_cases(
        cls, ua_texts: Sequence[str], user_cases_dir: Path, index_dir: Path
    ) -> CaseLibrary | None:
        return cls.some_cases(ua_texts, [user_cases_dir], bundled_cases_dir(), index_dir)

    def _without_duplicates(self, records: list[Record]) -> list[Record]:
        """Two files for one document: a user's own copy replaces a bundled one (that is how a
        bundled case is corrected); any other pair is reported and the later file ignored."""
        by_key: dict[str, list[Record]] = defaultdict(list)
        for record in records:
            by_key[record.key].append(record)
        keep: list[Record] = []
        for record in records:
            same = by_key.get(record.key, ())
            if len(same) <= 1:
                keep.append(record)
                continue
            users = [r for r in same if r.path not in self.bundled_paths]
            chosen = users[0] if users else same[0]
            if record is chosen:
                keep.append(record)
            elif record.path not in self.bundled_paths:  # a bundled one is replaced silently
                self.problems.append(
                    Problem(
                        record.path,
                        "ua",
                        f"UA {record.ua} is also in {chosen.path}; this copy is ignored",
                    )
                )
        return keep

    @property
    def documents(self) -> list[CaseCard]:
        """Every usable document's card (from the index; a file is read only if its card is
        missing there)."""
        cards = [card for r in self.records if (card := self.index.card(r)) is not None]
        self.index.save()  # if a card had to be read from its file
        return cards

    def entries(self, today: date) -> list[CaseEntry]:
        """One entry per UA, most urgent first: active by deadline, then expired, then closed."""
        groups: dict[str, list[CaseCard]] = defaultdict(list)
        for card in self.documents:
            groups[card.ua].append(card)
        entries = [self._entry(docs, today) for docs in groups.values()]
        entries = [e for e in entries if e is not None]
        return sorted(entries, key=lambda e: _urgency(e, today))

    def _entry(self, docs: list[CaseCard], today: date) -> CaseEntry | None:
        if len(docs) == 1 and docs[0].kind is not CaseKind.CLOSURE:  # most UAs: one document
            (current,) = docs
            deadline = current.deadline
            active = deadline is not None and deadline >= today
            status = CaseStatus.ACTIVE if active else CaseStatus.EXPIRED
            return CaseEntry(current, status, None, (current,), current.path in self.bundled_paths)
        closure = next((d for d in docs if d.kind is CaseKind.CLOSURE), None)
        appeals = [d for d in docs if d.kind is not CaseKind.CLOSURE]
        current = max(appeals, key=lambda d: (d.update, d.issued)) if appeals else closure
        if current is None:
            return None
        if closure is not None:
            status = CaseStatus.CLOSED
        elif current.deadline is not None and current.deadline >= today:
            status = CaseStatus.ACTIVE
        else:
            status = CaseStatus.EXPIRED
        ordered = tuple(sorted(docs, key=lambda d: (d.issued, d.update)))
        return CaseEntry(current, status, closure, ordered, current.path in self.bundled_paths)

    def find(self, ua_text: str, today: date) -> CaseEntry | None:
        """One UA's entry, decoding only that UA's documents from the index."""
        ua = normalize_ua(ua_text)
        if ua is None:
            return None
        uas = self.table.uas
        records = [self.table.record(n) for n in self.kept if uas[n] == ua]
        cases = [r.case or r.read(keep=True) for r in records]
        cases = [c for c in cases if c is not None and c.ua == ua]  # as the files say now
        docs = [card_of(case) for case in cases]
        entry = self._entry(docs, today) if docs else None
        if entry is not None:  # its file was just read: the entry need not read it again
            opened = next(c for c in cases if c.path == entry.card.path)
            entry.__dict__["case"] = opened
        return entry

    def search_texts(self, entries: list[CaseEntry]) -> list[str]:
        """Each entry's folded search text (from the index; files are read only if missing)."""
        by_path = {r.path: r for r in self.records}
        texts = [self.index.search_text(by_path[e.card.path]) for e in entries]
        self.index.save()  # if a text had to be read from its file
        return texts

    def search(self, query: str, today: date) -> list[CaseEntry]:
        entries = self.entries(today)
        rows = CaseSearch([e.ua for e in entries], self.search_texts(entries)).rows(query)
        return entries if rows is None else [entries[row] for row in rows]


_RANK = {CaseStatus.ACTIVE: 0, CaseStatus.EXPIRED: 1, CaseStatus.CLOSED: 2}


def _urgency(entry: CaseEntry, today: date) -> tuple[int, int, str]:
    rank = _RANK[entry.status]
    deadline = entry.card.deadline or entry.card.issued
    days = (deadline - today).days
    # Active: soonest deadline first. Others: most recent first.
    return rank, days if rank == 0 else -days, entry.ua
