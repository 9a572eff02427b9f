"""Autosaved letter drafts: what the writer typed, per case and official, and per case what they
chose (official, channel, paper, letter language); plus the sender details typed but not yet saved.

What a volunteer typed must survive closing the window, a crash or a dead battery, so every save
is atomic and a draft is only removed when the user discards it. State that belongs to a case
stays with that case: a personal line typed for one letter never reaches another case's letter.

A letter's draft belongs to the document it was written from (``document``: the UA for the
first document, "63/18#1" for its first update), so a follow-up whose requests have changed is
never given the old letter's text unasked: :meth:`DraftStore.earlier` finds it to offer.
Drafts written before documents were told apart belong to the first document.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from uaction_desktop.atomic import write_text_atomic


@dataclass(frozen=True)
class Draft:
    ua: str
    official_id: str
    body: str  # "" when the suggested text is kept as it is
    saved_at: datetime
    personal_line: str = ""
    document: str = ""  # the document it was written from ("" read as the UA: its first one)


@dataclass(frozen=True)
class CaseChoice:
    """What the writer last chose for a case, restored when they come back to it."""

    official_id: str = ""
    channel: str = ""
    layout: str = ""  # "" means the paper of the writer's country
    language: str = ""  # the letter's language; "" means the writer's own, if the case has it


@dataclass(frozen=True)
class SenderDraft:
    """Sender details typed into the composer but not yet saved to the profile."""

    name: str = ""
    address: tuple[str, ...] = ()
    country: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.name.strip() or self.address or self.country.strip())


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

    def _path(self, document: str, official_id: str) -> Path:
        # The first document's key is its UA, so the drafts saved before documents were told
        # apart keep their files.
        name = keyed_name(f"{document}__{official_id}", f"{document}\0{official_id}")
        return self.folder / f"{name}.json"

    def save(
        self,
        ua: str,
        official_id: str,
        body: str,
        personal_line: str = "",
        document: str = "",
    ) -> Draft:
        document = document or ua
        saved_at = datetime.now().replace(microsecond=0)
        draft = Draft(ua, official_id, body, saved_at, personal_line, document)
        data = {
            "version": 3,
            "ua": ua,
            "document": document,
            "official": official_id,
            "body": body,
            "personal_line": personal_line,
            "saved_at": draft.saved_at.isoformat(),
        }
        self._write(self._path(document, official_id), data)
        return draft

    def load(self, ua: str, official_id: str, document: str = "") -> Draft | None:
        """The draft of this letter written from ``document`` (the UA's first, if not given)."""
        document = document or ua
        draft = self._draft(self._read(self._path(document, official_id)))
        if draft is None or (draft.ua, draft.official_id, draft.document) != (
            ua,
            official_id,
            document,
        ):
            return None  # not this letter's draft: never restore someone else's text
        return draft

    def earlier(self, ua: str, official_id: str, document: str) -> Draft | None:
        """The newest draft of this letter written from another document of the same UA (an
        update arrived, or the user went back to an earlier one): offered, never imposed."""
        found = [
            draft
            for draft in self.letters()
            if (draft.ua, draft.official_id) == (ua, official_id) and draft.document != document
        ]
        return max(found, key=lambda draft: draft.saved_at, default=None)

    def discard(self, ua: str, official_id: str, document: str = "") -> None:
        self._path(document or ua, official_id).unlink(missing_ok=True)

    @staticmethod
    def _draft(data: dict[str, Any] | None) -> Draft | None:
        if data is None:
            return None
        try:
            ua, official_id = data["ua"], data["official"]
            document = data.get("document", ua)
            if not all(isinstance(v, str) for v in (ua, official_id, document)):
                return None
            return Draft(
                ua=ua,
                official_id=official_id,
                body=str(data["body"]),
                saved_at=datetime.fromisoformat(data["saved_at"]),
                personal_line=str(data.get("personal_line", "")),
                document=document,
            )
        except (ValueError, KeyError, TypeError):
            return None  # an unreadable draft is ignored, never fatal; the file stays for rescue

    def letters(self) -> list[Draft]:
        """Every letter draft that can be read back (``uaction-desktop --self-test`` counts them,
        so an upgraded installation shows it still reads what the older one saved)."""
        found = []
        for path in sorted(self.folder.glob("*.json")):
            draft = self._draft(self._read(path))
            if draft is not None and path == self._path(draft.document, draft.official_id):
                found.append(draft)
        return found

    # -- per case: the official, channel and paper last chosen

    def _case_path(self, ua: str) -> Path:
        name = keyed_name(f"case-{ua}", "case\0" + ua)
        return self.folder / f"{name}.json"

    def save_choice(self, ua: str, choice: CaseChoice) -> None:
        data = {"version": 1, "ua": ua, **choice.__dict__}
        self._write(self._case_path(ua), data)

    def load_choice(self, ua: str) -> CaseChoice:
        data = self._read(self._case_path(ua))
        if not data or data.get("ua") != ua:
            return CaseChoice()
        keys = ("official_id", "channel", "layout", "language")
        values = {k: data.get(k, "") for k in keys}
        if not all(isinstance(v, str) for v in values.values()):
            return CaseChoice()
        return CaseChoice(**values)

    # -- the sender details typed but not saved

    def _sender_path(self) -> Path:
        return self.folder / "sender.json"

    def save_sender(self, sender: SenderDraft) -> None:
        if sender.is_empty:
            self.discard_sender()
            return
        data = {"version": 1, "name": sender.name, "address": list(sender.address)}
        self._write(self._sender_path(), {**data, "country": sender.country})

    def load_sender(self) -> SenderDraft | None:
        data = self._read(self._sender_path())
        if not data:
            return None
        address = data.get("address", [])
        if not isinstance(address, list) or not all(isinstance(a, str) for a in address):
            return None
        name, country = data.get("name", ""), data.get("country", "")
        if not (isinstance(name, str) and isinstance(country, str)):
            return None
        return SenderDraft(name, tuple(address), country)

    def discard_sender(self) -> None:
        self._sender_path().unlink(missing_ok=True)

    # -- files

    def _write(self, path: Path, data: dict[str, Any]) -> None:
        write_text_atomic(path, json.dumps(data, ensure_ascii=False), make_parents=True)

    def _read(self, path: Path) -> dict[str, Any] | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # missing or unreadable: ignored, never fatal
        return data if isinstance(data, dict) else None
