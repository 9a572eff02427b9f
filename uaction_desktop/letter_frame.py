"""A letter's frame in one language: the words around the case's own text.

Each language's conventions live in ``resources/templates/<lang>/frame.toml`` (salutation
punctuation, closings, the date line, page labels) beside its Jinja2 templates: a French formal
letter closes with a sentence that repeats the salutation, a German one with "Mit freundlichen
Grüßen" and no comma, a Spanish salutation ends with a colon. Values there are ours; case text is
only ever substituted into them with ``str.replace``, never used as a format string.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache

from uaction_desktop.model import FRAME_LANGUAGES
from uaction_desktop.resources import resource_path


@dataclass(frozen=True)
class _ClosingRule:
    starts: tuple[str, ...]
    closing: str


@dataclass(frozen=True)
class Frame:
    language: str
    locale: str
    salutation_end: str
    label_colon: str
    date_line: str
    date_line_place: str
    and_word: str
    page: str
    continued: str
    unsigned: str
    letter_title: str
    fax_title: str
    fax_heading: str
    no_sender: str
    no_fax_sender: str
    authorities: str
    blank_sender: str
    closing_default: str
    closing_letter_paper: str
    closing_rules: tuple[_ClosingRule, ...]

    def closing(self, salutation: str, layout: str = "") -> str:
        """The closing for a letter that opens with ``salutation`` (French repeats it)."""
        folded = salutation.casefold()
        for rule in self.closing_rules:
            if any(folded.startswith(start.casefold()) for start in rule.starts):
                return fill(rule.closing, salutation=salutation)
        if layout == "letter-no10" and self.closing_letter_paper:
            return self.closing_letter_paper
        return fill(self.closing_default, salutation=salutation)

    def join(self, names: list[str]) -> str:
        """ "A", "A and B", "A, B and C" in this language ("A y B", Spanish "A e Isabel")."""
        names = [n for n in names if n]
        if len(names) <= 1:
            return "".join(names)
        word = self.and_word
        if self.language == "es" and re.match(r"(?i)h?i(?![aeiouáéíóú])", names[-1]):
            word = "e"  # "Ana e Isabel", but "Juan y Hierro"
        return ", ".join(names[:-1]) + f" {word} " + names[-1]

    def date_text(self, day: date, locale: str, place: str = "") -> str:
        """ "Berlin, 2. Dezember 2026", "Paris, le 1er décembre 2026", "2 December 2026"."""
        pattern = self.date_line_place if place else self.date_line
        return fill(pattern, date=self.plain_date(day, locale), place=place)

    def plain_date(self, day: date, locale: str) -> str:
        """The date alone, as on a fax cover: "2. Dezember 2026", "1er décembre 2026"."""
        from babel.dates import format_date

        written = format_date(day, format="long", locale=locale)
        if self.language == "fr" and day.day == 1:
            written = re.sub(r"^1(?=\s)", "1er", written)  # « le 1er décembre »
        return written


def page_label(language: str, page: int, total: int) -> str:
    """ "Page 2 of 3", "Seite 2 von 3" in the letter's language."""
    return fill(frame(language).page, page=str(page), total=str(total))


def fill(pattern: str, **values: str) -> str:
    """Our pattern with ``{name}`` replaced by values; a value is never read as a pattern."""
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), pattern)


@cache
def frame(language: str) -> Frame:
    """The frame of ``language`` (one of :data:`FRAME_LANGUAGES`)."""
    if language not in FRAME_LANGUAGES:
        raise ValueError(f"no letter frame for language {language!r}")
    path = resource_path("templates", language, "frame.toml")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    closings = data["closings"]
    return Frame(
        language=data["language"],
        locale=data["locale"],
        salutation_end=data["salutation_end"],
        label_colon=data["label_colon"],
        date_line=data["date_line"],
        date_line_place=data["date_line_place"],
        and_word=data["and"],
        page=data["page"],
        continued=data["continued"],
        unsigned=data["unsigned"],
        letter_title=data["letter_title"],
        fax_title=data["fax_title"],
        fax_heading=data["fax_heading"],
        no_sender=data["no_sender"],
        no_fax_sender=data["no_fax_sender"],
        authorities=data["authorities"],
        blank_sender=data["blank_sender"],
        closing_default=closings["default"],
        closing_letter_paper=closings.get("letter_paper", ""),
        closing_rules=tuple(
            _ClosingRule(tuple(r["starts"]), r["closing"]) for r in closings.get("rules", [])
        ),
    )


_VOWEL = re.compile(r"(?i)^[aeiouyàâäéèêëîïôöùûüœæ]")


def french_de(text: str) -> str:
    """ "de" before a name as French writes it: "d’Akmaral Tobylova", "de Jean Dupont", "du
    Groupe 42", "des Amis de ..."."""
    text = text.strip()
    if not text:
        return ""
    lowered = text.casefold()
    for article, contracted in (("le ", "du "), ("les ", "des ")):
        if lowered.startswith(article):
            return contracted + text[len(article) :]
    if re.match(r"(?i)groupe\b", text):
        return "du " + text
    if _VOWEL.match(text):
        return "d’" + text
    return "de " + text


def sender_place(address: tuple[str, ...] | list[str]) -> str:
    """The town of a writer's address, for the date line ("10115 Berlin" -> "Berlin", "69002
    Lyon Cedex 02" -> "Lyon"): read from the last line (or its last parts after commas, for
    an address typed on one line), or the one before a country line;
    "" when that is not a postcode and a town (a street is never taken for one)."""
    from uaction_desktop.destination import known_names, plain_name

    lines = [a.strip() for a in address if a.strip()]
    if len(lines) > 1 and plain_name(lines[-1]) in known_names():
        lines = lines[:-1]  # "GERMANY" after the town
    if not lines:
        return ""
    # "5 place Bellecour, 69002 Lyon": an address typed on one line, its parts after commas
    parts = [lines[-1], *reversed([p.strip() for p in lines[-1].split(",")[1:] if p.strip()])]
    match = next(filter(None, (_POSTCODE_TOWN.match(part) for part in parts)), None)
    if not match:
        return ""
    town = re.sub(r"(?i)\s+cedex(\s+\d+)?$", "", match.group("town")).strip(" ,")
    if (
        not town
        or any(ch.isdigit() for ch in town)
        or _STREET.search(town)
        or _STREET_FIRST.match(town)
    ):
        return ""
    return town


_STREET = re.compile(r"(?i)\b(street|st|avenue|ave|road|rd|lane|drive|boulevard|blvd|way)\.?$")
# "1200 rue Sainte-Catherine": a house number and a street, not a postcode and a town
_STREET_FIRST = re.compile(
    r"(?i)(rue|place|avenue|av|boulevard|bd|chemin|allée|quai|calle|avenida|plaza|paseo|via|"
    r"viale|piazza|rua)\b"
)


# "10115 Berlin", "D-10115 Berlin", "75011 Paris", "28013 Madrid", "1010 Wien", "8001 Zürich",
# "00-001 Warszawa", "1000-001 Lisboa", "06000 Ciudad de México, CDMX" (up to a comma).
_POSTCODE_TOWN = re.compile(
    r"^(?:[A-Z]{1,2}-)?(?:\d{4,5}|\d{2}-\d{3}|\d{4}-\d{3})\s+(?P<town>[^\d,][^,]*?)\s*(?:,.*)?$"
)
