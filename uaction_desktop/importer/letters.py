"""A model letter's own greeting and sign-off, in every language of the word lists.

The letter the app prints has its own greeting (the official's salutation) and closing (the
writer's), so an imported letter keeps only its body: the greeting tells which official it is
addressed to, the sign-off is dropped, and a body cut off by "[...]" is flagged for review.
"""

from __future__ import annotations

import re

from uaction_desktop.importer.lexicon import lexicon, phrase_pattern

_WORDS = lexicon().words
_GREETING = phrase_pattern(_WORDS.get("greetings", []))
_CLOSING = phrase_pattern(_WORDS.get("closings", []))

# "Dear Minister,", "Sehr geehrter Herr Gouverneur,", "Dear Sirs:", "Dear X / Dear Y"
GREETING_LINE_RE = re.compile(
    rf"^(?P<salutation>{_GREETING}(?:[ \t][^.!?\n]{{0,80}})?)\s*[,:!]?\s*$", re.IGNORECASE
)
# "Dear Minister, I am writing ...": the greeting opens the first paragraph
INLINE_GREETING_RE = re.compile(
    rf"^(?P<salutation>{_GREETING}(?:[ \t][^,!?:\n]{{0,80}})?)[,:!]\s+", re.IGNORECASE
)
# "Yours sincerely,", "Mit freundlichen Grüßen", "Veuillez agréer, Monsieur, ..."
CLOSING_LINE_RE = re.compile(rf"^{_CLOSING}\b.{{0,200}}$", re.IGNORECASE)
TRAILING_CLOSING_RE = re.compile(
    rf"\s(?P<closing>{_CLOSING}[^.!?]{{0,60}}[,.]?)\s*$", re.IGNORECASE
)
TRUNCATION_RE = re.compile(r"(?:\[\s*(?:\.\s*){2,3}\]|\[…\]|\(\s*\.\.\.\s*\)|…)\s*$")


def greeting_of(line: str) -> str | None:
    """The salutation a greeting line gives ("Dear Minister" from "Dear Minister,")."""
    match = GREETING_LINE_RE.match(line.strip())
    return match["salutation"].strip().rstrip(",:!").strip() if match else None


def body_of(paragraphs: list[str]) -> tuple[list[str], str]:
    """The letter's paragraphs without its greeting and sign-off, and the greeting's
    salutation ("" when the letter has none)."""
    found = [p for p in paragraphs if p.strip()]
    salutation = ""
    if found:
        inline = INLINE_GREETING_RE.match(found[0])
        if (greeting := greeting_of(found[0])) is not None:
            salutation = greeting
            found = found[1:]
        elif inline:
            salutation = inline["salutation"].strip()
            found[0] = found[0][inline.end() :].strip()
    while found and CLOSING_LINE_RE.match(found[-1].strip()):
        found = found[:-1]
    if found:
        closing = TRAILING_CLOSING_RE.search(found[-1])
        if closing and closing.start() > 0:
            found[-1] = found[-1][: closing.start()].strip()
    return [p for p in found if p], salutation


def is_truncated(text: str) -> bool:
    """The text stops where a stored excerpt was cut ("... and sei\\n[...]")."""
    return bool(TRUNCATION_RE.search(text.rstrip()))
