"""The case editor's unsaved work, autosaved so that a crash or a flat battery loses nothing.

Each editor session writes its own file (never another session's), named after what is being
edited: one of the user's case files, a copy of a bundled case, or a new case (typed, pasted or
imported). When the editor opens on the same thing again, the other sessions' files are what
can be offered back. A file is removed only when its work has been saved as a case or the user
has chosen to discard it.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from uaction_desktop.atomic import write_text_atomic
from uaction_desktop.drafts import keyed_name

NEW_CASE = "new"
FORMAT = 1
MAX_BYTES = 2_000_000  # a form holds at most one case file (1 MB) of text, plus JSON quoting


def target_for_file(path: Path) -> str:
    """The key for editing one of the user's own case files."""
    return f"file:{os.path.normcase(path.resolve())}"


def target_for_import(source: str) -> str:
    """The key for reviewing an imported document (by its name: the same file imported again
    is offered its unsaved review, another document is not)."""
    return f"import:{source}"


def target_for_copy(case_key: str) -> str:
    """The key for editing a copy of a bundled case."""
    return f"copy:{case_key}"


@dataclass(frozen=True)
class SavedForm:
    path: Path
    target: str
    label: str
    saved_at: datetime
    data: dict[str, Any]


def _json_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot autosave a {type(value).__name__}")


class CaseFormStore:
    """Autosaves for one target (see the ``target_for_*`` functions and :data:`NEW_CASE`)."""

    def __init__(self, folder: Path, target: str) -> None:
        self.folder = folder
        self.target = target
        self._prefix = f"{keyed_name(target, target, keep=40)}--"
        stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
        self.path = folder / f"{self._prefix}{stamp}-{os.getpid()}-{secrets.token_hex(3)}.json"

    def save(self, data: dict[str, Any], label: str) -> None:
        """Write this session's form (atomically: the previous autosave stays on failure)."""
        record = {
            "format": FORMAT,
            "target": self.target,
            "label": label,
            "saved_at": datetime.now().replace(microsecond=0).isoformat(),
            "data": data,
        }
        text = json.dumps(record, ensure_ascii=False, default=_json_value)
        write_text_atomic(self.path, text, make_parents=True)

    def others(self) -> list[SavedForm]:
        """Other sessions' unsaved work on this target, newest first; unreadable files are
        skipped (and kept, for rescue)."""
        try:
            # The prefix holds only [A-Za-z0-9_-]: nothing in it is a glob pattern.
            paths = sorted(self.folder.glob(f"{self._prefix}*.json"))
        except OSError:
            return []
        found = [form for path in paths if path != self.path if (form := self._read(path))]
        return sorted(found, key=lambda form: form.saved_at, reverse=True)

    def _read(self, path: Path) -> SavedForm | None:
        try:
            if path.stat().st_size > MAX_BYTES:
                return None
            record = json.loads(path.read_text(encoding="utf-8"))
            if record.get("format") != FORMAT or record.get("target") != self.target:
                return None
            data = record["data"]
            if not isinstance(data, dict):
                return None
            return SavedForm(
                path=path,
                target=self.target,
                label=str(record.get("label", "")),
                saved_at=datetime.fromisoformat(record["saved_at"]),
                data=data,
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return None

    def discard(self) -> None:
        """Remove this session's autosave (its work was saved, or the user let it go)."""
        self.path.unlink(missing_ok=True)

    @staticmethod
    def remove(forms: list[SavedForm]) -> None:
        for form in forms:
            form.path.unlink(missing_ok=True)
