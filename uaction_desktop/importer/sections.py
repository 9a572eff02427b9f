"""The parts of an Urgent Action, found by their headings: the appeal points, the officials,
copies, background, a sample letter. Text before the first heading is the case itself."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from functools import cache

from uaction_desktop.importer.lexicon import lexicon, phrase_pattern


class Part(enum.StrEnum):
    INTRO = "intro"  # heading, title, summary and the case paragraphs
    ACTION = "action"  # "TAKE ACTION", "PLEASE WRITE IMMEDIATELY": the appeal points
    TARGETS = "targets"  # "Contact these two officials by ...", "APPEALS TO:"
    COPIES = "copies"  # "COPIES TO:", "Also send copies to diplomatic representatives ..."
    REPORT = "report"  # "LET US KNOW YOU TOOK ACTION"
    BACKGROUND = "background"  # "Additional information"
    LETTER = "letter"  # "SAMPLE LETTER", "MODEL LETTER"
    OTHER = "other"  # after an end marker: nothing expected


_I = re.IGNORECASE
_STEP = r"(?:\(?\d{1,2}[).]\s*)?"


def _h(part: Part, pattern: str, longest: int) -> tuple[Part, re.Pattern[str], int]:
    return part, re.compile(pattern, _I), longest


# (part, pattern, longest line the heading may be): tried in order, first match wins.
_HEADINGS = [
    _h(Part.TARGETS, rf"^{_STEP}contact (?:these|this|the following)\b.*\bofficials?\b", 200),
    _h(Part.TARGETS, rf"^{_STEP}(?:please )?send (?:your )?appeals\b.*\bto\s*:?$", 200),
    _h(Part.TARGETS, rf"^{_STEP}(?:send )?(?:appeals|letters) to\s*:?$", 60),
    _h(Part.TARGETS, rf"^{_STEP}(?:please )?write\b.*\bto\s*:$", 220),
    _h(Part.TARGETS, rf"^{_STEP}write (?:a|your) letter\b.*\bofficials?\b", 300),
    _h(
        Part.COPIES,
        r"^(?:and |also send |please send )?cop(?:y|ies) (?:to|of)\b(?P<rest>.*)$",
        2000,
    ),
    _h(Part.ACTION, rf"^{_STEP}take action\b[.!:]*\s*(?P<rest>.{{0,40}})$", 60),
    _h(Part.ACTION, r"^(?:further )?recommended action\b\s*:?(?P<rest>.*)$", 200),
    _h(Part.ACTION, r"^(?:what you can do|action requested|in your appeals?)\b.*$", 120),
    _h(Part.ACTION, r"^please write immediately\b(?P<rest>.*)$", 200),
    _h(Part.ACTION, r"^please (?:send appeals|write)\b[^:]*(?<!\bto):$", 200),
    _h(Part.REPORT, rf"^{_STEP}let us know (?:you|if you) took action\b.*$", 80),
    _h(
        Part.BACKGROUND,
        r"^(?:additional|background|further background) information\b\s*:?(?P<rest>.*)$",
        2000,
    ),
    _h(Part.BACKGROUND, r"^background\s*:?$", 20),
    _h(Part.LETTER, r"^(?:sample|model|template|suggested) letter\b\s*:?(?P<rest>.*)$", 100_000),
    _h(Part.OTHER, r"^please check with (?:your|the)\b.*$", 400),
    _h(Part.OTHER, r"^please send appeals immediately\b.*$", 400),
    _h(Part.OTHER, r"^(?:names?|gender)\b[^:]{0,20}:", 400),
]
_DIPLOMATS_RE = re.compile(
    r"^\s*(?:to\s+)?diplomatic representatives\b[^.:]*[.:]\s*", re.IGNORECASE
)


@dataclass(frozen=True)
class Heading:
    index: int
    part: Part
    rest: str = ""  # text after the heading on the same line: content of the part


@dataclass
class Section:
    part: Part
    heading: Heading | None
    lines: list[int] = field(default_factory=list)  # indices of the lines in it


@cache
def _lexicon_headings() -> list[tuple[Part, re.Pattern[str]]]:
    """Headings from the language files: the whole line is the heading (and a colon)."""
    out = []
    for name, phrases in lexicon().headings.items():
        pattern = rf"^{_STEP}{phrase_pattern(phrases)}\s*[:.]?$"
        out.append((Part(name), re.compile(pattern, _I)))
    return out


def heading_of(line: str, index: int) -> Heading | None:
    text = line.strip()
    if not text:
        return None
    if len(text) <= 80:
        for part, pattern in _lexicon_headings():
            if pattern.match(text):
                return Heading(index, part)
    for part, pattern, longest in _HEADINGS:
        match = pattern.match(text)
        if match and len(text) <= longest:
            rest = (match.groupdict().get("rest") or "").strip()
            if part is Part.COPIES:
                rest = _DIPLOMATS_RE.sub("", rest).lstrip(":").strip()
            if part is Part.LETTER and not rest and len(text) > 40:
                continue
            return Heading(index, part, rest)
    return None


def split_sections(lines: list[str]) -> list[Section]:
    """Sections in document order; the first is the introduction (possibly empty)."""
    sections = [Section(Part.INTRO, None)]
    for index, line in enumerate(lines):
        heading = heading_of(line, index)
        if heading is None:
            sections[-1].lines.append(index)
        else:
            sections.append(Section(heading.part, heading))
    return sections
