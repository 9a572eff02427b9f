"""All the cases the user can write about: the bundled ones plus the user's own folder.

A broken file becomes a listed problem and never stops the others from loading. Documents are
grouped by UA number: the newest follow-up is the one letters are written from, and a closure
notice marks the whole UA closed.
"""

from __future__ import annotations

import os
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from uaction_desktop.casefile import Problem, load_case_file
from uaction_desktop.model import Case, CaseKind, CaseStatus, normalize_ua
from uaction_desktop.resources import bundled_cases_dir


@dataclass(frozen=True)
class CaseEntry:
    """One UA as the user sees it: the document to write from, and its derived status."""

    case: Case
    status: CaseStatus
    closure: Case | None = None
    documents: tuple[Case, ...] = ()
    bundled: bool = False

    @property
    def ua(self) -> str:
        return self.case.ua


@dataclass
class CaseLibrary:
    documents: list[Case] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    bundled_paths: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, folders: Iterable[Path], bundled: Path | None = None) -> CaseLibrary:
        """Load every ``*.toml`` file in the folders (missing folders are simply empty)."""
        library = cls()
        all_folders = ([bundled] if bundled else []) + list(folders)
        for folder in all_folders:
            for path in sorted(_case_files(folder)):
                result = load_case_file(path)
                library.problems.extend(result.problems)
                if result.case is not None:
                    library.documents.append(result.case)
                    if folder == bundled:
                        library.bundled_paths.add(result.case.path)
        library._report_duplicates()
        return library

    @classmethod
    def standard(cls, user_cases_dir: Path) -> CaseLibrary:
        return cls.load([user_cases_dir], bundled=bundled_cases_dir())

    def _report_duplicates(self) -> None:
        """Two files for one document: a user's own copy replaces a bundled one (that is how a
        bundled case is corrected); any other pair is reported and the later file ignored."""
        by_key: dict[str, list[Case]] = defaultdict(list)
        for case in self.documents:
            by_key[case.key].append(case)
        keep: list[Case] = []
        for case in self.documents:
            same = by_key[case.key]
            users = [c for c in same if c.path not in self.bundled_paths]
            chosen = users[0] if users else same[0]
            if case is chosen:
                keep.append(case)
            elif case.path in self.bundled_paths:
                continue  # replaced by the user's own copy
            else:
                self.problems.append(
                    Problem(
                        case.path,
                        "ua",
                        f"UA {case.ua} is also in {chosen.path}; this copy is ignored",
                    )
                )
        self.documents = keep

    def entries(self, today: date) -> list[CaseEntry]:
        """One entry per UA, most urgent first: active by deadline, then expired, then closed."""
        groups: dict[str, list[Case]] = defaultdict(list)
        for case in self.documents:
            groups[case.ua].append(case)
        entries = [self._entry(docs, today) for docs in groups.values()]
        entries = [e for e in entries if e is not None]
        return sorted(entries, key=lambda e: _urgency(e, today))

    def _entry(self, docs: list[Case], today: date) -> CaseEntry | None:
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
        ua = normalize_ua(ua_text)
        if ua is None:
            return None
        return next((e for e in self.entries(today) if e.ua == ua), None)

    def search(self, query: str, today: date) -> list[CaseEntry]:
        return [e for e in self.entries(today) if matches(e.case, query)]


def matches(case: Case, query: str) -> bool:
    """Every word of the query appears somewhere in the case (UA, title, country, people, text)."""
    words = fold(query).split()
    if not words:
        return True
    haystack = search_text(case)
    ua = normalize_ua(query)
    if ua is not None and ua == case.ua:
        return True
    return all(word in haystack for word in words)


def search_text(case: Case) -> str:
    parts = [
        f"ua {case.ua}",
        case.ua.replace("/", "."),
        case.index,
        case.title,
        case.country,
        *(p.name for p in case.people),
        case.summary,
        case.details,
        case.background,
        *case.asks,
        *(o.display_name for o in case.officials),
    ]
    return fold("\n".join(parts))


def fold(text: str) -> str:
    """Text for matching as people type it: no case, no accents ("Sebnem" finds "Şebnem",
    "Fincanci" finds "Fincancı")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_UNACCENTED))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


# Letters that are not a base letter plus an accent, so decomposing leaves them as they are.
_UNACCENTED = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe"})


def _urgency(entry: CaseEntry, today: date) -> tuple[int, int, str]:
    rank = {CaseStatus.ACTIVE: 0, CaseStatus.EXPIRED: 1, CaseStatus.CLOSED: 2}[entry.status]
    deadline = entry.case.deadline or entry.case.issued
    days = (deadline - today).days
    # Active: soonest deadline first. Others: most recent first.
    return rank, days if rank == 0 else -days, entry.ua


def _case_files(folder: Path) -> list[Path]:
    try:
        return [
            Path(e.path) for e in os.scandir(folder) if e.name.endswith(".toml") and e.is_file()
        ]
    except OSError:
        return []
