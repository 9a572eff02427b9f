"""Autosaved letter drafts, one small JSON file per case and official.

What a volunteer typed must survive closing the window, a crash or a dead battery, so every save
is atomic and a draft is only removed when the user discards it.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from uaction_desktop.atomic import write_text_atomic


@dataclass(frozen=True)
class Draft:
    ua: str
    official_id: str
    body: str
    saved_at: datetime


def keyed_name(readable: str, exact: str, keep: int | None = None) -> str:
    """A file name for a key: ``readable`` made safe for any file system (its last ``keep``
    characters, if given), plus a hash of the ``exact`` key, so two keys never share a file."""
    safe = re.sub(r"[^A-Za-z0-9_-]+", "-", readable, flags=re.ASCII)
    if keep is not None:
        safe = safe[-keep:].strip("-")
    return f"{safe}-{hashlib.sha256(exact.encode()).hexdigest()[:12]}"


class DraftStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, ua: str, official_id: str) -> Path:
        name = keyed_name(f"{ua}__{official_id}", f"{ua}\0{official_id}")
        return self.folder / f"{name}.json"

    def save(self, ua: str, official_id: str, body: str) -> Draft:
        draft = Draft(ua, official_id, body, datetime.now().replace(microsecond=0))
        data = {
            "version": 1,
            "ua": ua,
            "official": official_id,
            "body": body,
            "saved_at": draft.saved_at.isoformat(),
        }
        write_text_atomic(
            self._path(ua, official_id), json.dumps(data, ensure_ascii=False), make_parents=True
        )
        return draft

    def load(self, ua: str, official_id: str) -> Draft | None:
        path = self._path(ua, official_id)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if (data["ua"], data["official"]) != (ua, official_id):
                return None  # not this letter's draft: never restore someone else's text
            return Draft(
                ua=data["ua"],
                official_id=data["official"],
                body=str(data["body"]),
                saved_at=datetime.fromisoformat(data["saved_at"]),
            )
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            return None  # an unreadable draft is ignored, never fatal; the file stays for rescue

    def discard(self, ua: str, official_id: str) -> None:
        self._path(ua, official_id).unlink(missing_ok=True)
