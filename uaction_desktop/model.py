"""The case data model: immutable values that the rest of the app reads and never changes.

A case is one Urgent Action document (an initial appeal, a follow-up or a closure notice).
Its status is derived from dates and from the other documents, never stored in the file.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from datetime import date


class CaseKind(enum.StrEnum):
    INITIAL = "initial"
    FOLLOW_UP = "follow-up"
    CLOSURE = "closure"


class CaseStatus(enum.StrEnum):
    ACTIVE = "active"
    EXPIRED = "expired"
    CLOSED = "closed"


class Role(enum.StrEnum):
    TARGET = "target"
    COPY = "copy"


class Channel(enum.StrEnum):
    LETTER = "letter"
    FAX = "fax"
    EMAIL = "email"
    PHONE = "phone"
    SOCIAL = "social"


@dataclass(frozen=True)
class Person:
    name: str
    gender: str = ""  # "f", "m", "x" or "" when the document does not say


@dataclass(frozen=True)
class Official:
    id: str
    title: str = ""
    name: str = ""
    organisation: str = ""
    address: tuple[str, ...] = ()
    country: str = ""
    fax: str = ""
    phone: str = ""
    emails: tuple[str, ...] = ()
    social: tuple[str, ...] = ()
    salutation: str = ""  # in the case's own language
    role: Role = Role.TARGET
    salutations: tuple[tuple[str, str], ...] = ()  # (language code, salutation) in others

    def salutation_in(self, language: str, own_language: str = "en") -> str:
        """The case's salutation for this official in ``language``, or "" where the case gives
        none in it (the own-language one is ``salutation``)."""
        if language == own_language:
            return self.salutation
        return dict(self.salutations).get(language, "")

    @property
    def display_name(self) -> str:
        """Title and name as one would say them: "Prosecutor General Kairat Kozhamzharov"."""
        return " ".join(part for part in (self.title, self.name) if part)

    def channels(self) -> tuple[Channel, ...]:
        """The ways this official can be reached, in the order a writer would try them."""
        found: list[Channel] = []
        if self.address:
            found.append(Channel.LETTER)
        if self.fax:
            found.append(Channel.FAX)
        if self.emails:
            found.append(Channel.EMAIL)
        if self.phone:
            found.append(Channel.PHONE)
        found.append(Channel.SOCIAL)
        return tuple(found)


# Languages the app writes a letter's frame in (salutation, opening, closing, date line).
FRAME_LANGUAGES = ("en", "fr", "es", "de")


@dataclass(frozen=True)
class CaseText:
    """A case's own text in one language: what a letter in that language quotes."""

    language: str
    title: str = ""
    summary: str = ""
    asks: tuple[str, ...] = ()
    model_letter: str = ""

    @property
    def fills_letter(self) -> bool:
        """Whether these appeal points or this model letter can make a letter's body."""
        return bool(self.asks or self.model_letter.strip())


@dataclass(frozen=True)
class Case:
    ua: str
    title: str
    country: str
    issued: date
    summary: str
    kind: CaseKind = CaseKind.INITIAL
    update: int = 0
    index: str = ""
    deadline: date | None = None
    source: str = ""
    languages: tuple[str, ...] = ()
    details: str = ""
    asks: tuple[str, ...] = ()
    background: str = ""
    report_reference: str = ""
    model_letter: str = ""
    people: tuple[Person, ...] = ()
    officials: tuple[Official, ...] = ()
    language: str = "en"  # ISO 639-1 code of the text above (title, summary, asks, ...)
    translations: tuple[CaseText, ...] = ()  # the same text in other languages
    path: str = field(default="", compare=False)

    def text(self, language: str) -> CaseText | None:
        """The case's text in ``language``: its main fields in its own language, else its
        translation into it; None where it has neither."""
        if language == self.language:
            return CaseText(self.language, self.title, self.summary, self.asks, self.model_letter)
        return next((t for t in self.translations if t.language == language), None)

    @property
    def letter_languages(self) -> tuple[str, ...]:
        """The languages a letter can be written in without mixing languages: the frame is in
        the app's letter languages and the appeal points (or model letter) are in the case.
        The case's own language comes first and counts even without appeal points (a letter
        then says only what the frame says, as before format 2)."""
        found = [self.language] if self.language in FRAME_LANGUAGES else []
        for translation in self.translations:
            code = translation.language
            if code in FRAME_LANGUAGES and code not in found and translation.fills_letter:
                found.append(code)
        return tuple(found)

    def own_language_only(self) -> Case:
        """The case without its translations (and officials' salutations in other languages):
        what the published document itself holds, as the importer reads it."""
        from dataclasses import replace

        officials = tuple(replace(o, salutations=()) for o in self.officials)
        return replace(self, translations=(), officials=officials)

    def salutation(self, official: Official, language: str) -> str:
        """The case's own salutation for ``official`` in ``language``, or ""."""
        return official.salutation_in(language, self.language)

    @property
    def key(self) -> str:
        """Identifies the document: the UA number, plus the update number or "closure"."""
        if self.kind is CaseKind.FOLLOW_UP:
            return f"{self.ua}#{self.update}"
        if self.kind is CaseKind.CLOSURE:
            return f"{self.ua}#closure"
        return self.ua

    @property
    def people_names(self) -> str:
        return join_names([p.name for p in self.people])

    def official(self, ref: str) -> Official | None:
        """An official by id, or by 1-based position as the command line takes it."""
        for candidate in self.officials:
            if candidate.id == ref.strip().casefold():
                return candidate
        position = ref.isascii() and ref.isdigit() and len(ref) < 6
        if position and 1 <= int(ref) <= len(self.officials):
            return self.officials[int(ref) - 1]
        return None

    def days_left(self, today: date) -> int | None:
        return None if self.deadline is None else (self.deadline - today).days

    def paragraphs(self, text: str) -> list[str]:
        return split_paragraphs(text)


def reader_text(case: Case, language: str) -> CaseText | None:
    """The title, summary and appeal points in the reader's language where the case has a
    translation into it (each part falling back to the case's own), else None: a Spanish
    volunteer reads the Spanish appeal points the coordinator added, not the English ones (the
    case view, and a pack's briefing in its letters' language)."""
    if language == case.language:
        return None
    translated = case.text(language)
    if translated is None or not (translated.title or translated.summary or translated.asks):
        return None
    return CaseText(
        language,
        translated.title or case.title,
        translated.summary or case.summary,
        translated.asks or case.asks,
        translated.model_letter,
    )


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs separated by blank lines, each folded onto one line."""
    blocks = re.split(r"\n\s*\n", text.strip())
    return [" ".join(block.split()) for block in blocks if block.strip()]


def join_names(names: list[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


_UA_RE = re.compile(  # ASCII digits only: "٦٣/١٨" must not become a second "63/18"
    r"^\s*(?:UA\s*[:#-]?\s*)?(\d{1,4})\s*[/.\-]\s*(\d{2}|\d{4})\s*$", re.IGNORECASE | re.ASCII
)


def normalize_ua(text: str) -> str | None:
    """ "UA 63/18", "63.18", "ua-63-18" -> "63/18"; None if it is not a UA number."""
    match = _UA_RE.match(text)
    if not match:
        return None
    return f"{int(match.group(1))}/{match.group(2)}"
