"""What one line of an addresses part is: a label, a heading over a block ("PRÄSIDENT"), an
honorific on its own, a bare e-mail or number continuing a contact, prose, or plain text (a
name, an office, an address line). The block splitter and reader decide by these kinds, so a
layout never seen before is read by the same features."""

from __future__ import annotations

import enum
import re

from uaction_desktop.importer.lexicon import fold, lexicon, phrase_pattern
from uaction_desktop.importer.names import honorific_length, is_org_word, is_title_word
from uaction_desktop.importer.places import country_name

EMAIL_RE = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
URL_RE = re.compile(r"https?://[^\s,;]+|www\.[^\s,;]+", re.IGNORECASE)
_NUMBER_RE = re.compile(r"^[+(]?\s*\d[\d\s().\-/]{5,}\d\)?[\s,;.]*$")


class LineKind(enum.StrEnum):
    CATEGORY = "category"  # a capitals line over a block: the official's office or title
    HONORIFIC = "honorific"  # "His Excellency" on its own line
    EMAILS = "emails"  # only e-mail addresses (and "or")
    URL = "url"  # only a web address
    NUMBER = "number"  # only a phone or fax number
    PROSE = "prose"  # a sentence: instructions, never part of an address
    TEXT = "text"  # a name, an office, an address line


def _or_words() -> str:
    return phrase_pattern(lexicon().word_list("or"))


_OR_RE = re.compile(_or_words(), re.IGNORECASE)


_CONNECTORS = lexicon().folded("articles") | lexicon().folded("connectors")


def is_prose(line: str) -> bool:
    """A sentence rather than an address line or an office ("Chairman of the Committee of the
    Russian Federation"): many words, several of them lower-case words that are not mere
    connectors, and a sentence's end or a sentence's length."""
    words = line.split()
    if len(words) < 8 or EMAIL_RE.search(line):
        return False
    lower = sum(1 for w in words if w[:1].islower() and fold(w) not in _CONNECTORS)
    ends = line.rstrip().endswith((".", "!", "?", ":")) or len(line) > 120
    return lower >= 3 and ends


def is_category(line: str) -> bool:
    """ "PRÄSIDENT", "BOTSCHAFT DER REPUBLIK KOLUMBIEN", "LEITER DES ... (FSB)": a line in
    capitals with no digits, that is not a country and not a title-and-name line."""
    letters = [c for c in line if c.isalpha()]
    if len(letters) < 3 or any(c.isdigit() for c in line) or len(line.split()) > 12:
        return False
    if any(c.islower() for c in letters) or country_name(line):
        return False
    return not honorific_length(line.split())


def classify(line: str) -> LineKind:
    text = line.strip()
    rest = _OR_RE.sub(" ", EMAIL_RE.sub(" ", text)).strip(" ,;")
    if EMAIL_RE.search(text) and not rest:
        return LineKind.EMAILS
    if URL_RE.fullmatch(text.strip(" ,;")):
        return LineKind.URL
    if _NUMBER_RE.match(text) and sum(c.isdigit() for c in text) >= 7:
        return LineKind.NUMBER
    tokens = text.split()
    if tokens and honorific_length(tokens) == len(tokens):
        return LineKind.HONORIFIC
    if is_prose(text):
        return LineKind.PROSE
    if is_category(text):
        return LineKind.CATEGORY
    return LineKind.TEXT


def ends_with_or(line: str) -> bool:
    """ "Fax: 1 234; oder" or "Fax: 1 234," : the next line goes on with the number."""
    tail = line.rstrip().rsplit(None, 1)[-1] if line.strip() else ""
    return line.rstrip().endswith((";", ",")) or bool(_OR_RE.fullmatch(tail))


def category_is_office(line: str) -> bool:
    tokens = line.split()
    return bool(tokens) and is_org_word(tokens[0]) and not is_title_word(tokens[0])
