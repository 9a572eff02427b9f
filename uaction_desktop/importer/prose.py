"""Running text: paragraphs from lines (undoing hard wrapping), bullet items, sentences."""

from __future__ import annotations

import re

BULLET_RE = re.compile(
    r"^(?:[-–—•◼◾■▪●*·○□➢►✓]|o(?=\s)|\(?(?:\d{1,2}|[a-hA-H]|[ivx]{1,4})[).](?=\s))\s*"
)
_SENTENCE_END = tuple('.!?:;"”’)')
_SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"(‘'0-9])")


def strip_bullet(line: str) -> tuple[bool, str]:
    """ "◼ Release him" -> (True, "Release him")."""
    match = BULLET_RE.match(line)
    if match and match.end() < len(line):
        return True, line[match.end() :].strip()
    return False, line


def _wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapped text was wrapped at, or None if it was not wrapped."""
    lengths = sorted(len(line) for line in lines if line)
    if len(lengths) < 3:
        return None
    width = lengths[-1]
    if width > 100:
        return None
    long_lines = sum(1 for n in lengths if n >= 0.6 * width)
    return width if long_lines * 2 >= len(lengths) else None


def paragraphs(lines: list[str]) -> list[str]:
    """Blank lines always separate paragraphs. A run of hard-wrapped lines is joined back, and
    broken where a line ends a sentence well short of the wrap width; unwrapped lines are one
    paragraph each (as word processors export them)."""
    out: list[str] = []
    group: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            group.append(line.strip())
            continue
        if group:
            out.extend(_group_paragraphs(group))
            group = []
    return out


def _group_paragraphs(group: list[str]) -> list[str]:
    width = _wrap_width(group)
    if width is None:
        return _join_continuations(group)
    out: list[str] = []
    current: list[str] = []
    for line in group:
        current.append(line)
        if line.endswith(_SENTENCE_END) and len(line) < 0.85 * width:
            out.append(join_lines(current))
            current = []
    if current:
        out.append(join_lines(current))
    return out


def _join_continuations(group: list[str]) -> list[str]:
    """One paragraph per line, except a line that plainly continues the sentence before it."""
    out: list[list[str]] = []
    for line in group:
        if out and not out[-1][-1].endswith(_SENTENCE_END) and line[:1].islower():
            out[-1].append(line)
        else:
            out.append([line])
    return [join_lines(lines) for lines in out]


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines, mending words hyphenated at a line end ("govern-" + "ment")."""
    text = ""
    for line in lines:
        if text.endswith("-") and line[:1].islower() and not text.endswith(" -"):
            text = text[:-1] + line
        else:
            text = f"{text} {line}" if text else line
    return text


def _bullet_kind(line: str) -> str:
    match = BULLET_RE.match(line)
    if not match:
        return ""
    mark = match.group(0).strip()
    return "number" if mark[-1:] in ")." and len(mark) > 1 else mark[:1]


def items(lines: list[str]) -> tuple[list[str], list[str]]:
    """Bullet or one-per-line items (appeal points). Returns (items, lines that are not items).

    With bullets, a line without one continues the item before it when that item has not
    ended its sentence or the line starts in lower case; otherwise it is not an item, and
    neither is anything after a bullet of another kind ("1)" after "-" starts the addresses).
    """
    kinds = [_bullet_kind(line.strip()) for line in lines if line.strip()]
    first_kind = next((k for k in kinds if k), "")
    width = _wrap_width([line for line in lines if line.strip()])
    found: list[list[str]] = []
    others: list[str] = []
    open_item = False
    ended = False
    for raw in lines:
        if not raw.strip():
            open_item = False
            continue
        if ended:
            others.append(raw)
            continue
        kind = _bullet_kind(raw.strip())
        bullet, text = strip_bullet(raw.strip())
        continues = (
            bool(found)
            and open_item
            and (not found[-1][-1].endswith((".", ";", "!", "?")) or text[:1].islower())
        )
        if bullet and kind == first_kind:
            found.append([text])
            open_item = True
        elif first_kind:
            if continues and not bullet:
                found[-1].append(text)
            else:
                others.append(raw)
                open_item = False
                ended = ended or bool(bullet and found)
        elif width is not None and continues:
            found[-1].append(text)
        else:
            found.append([text])
            open_item = True
    return [join_lines(item) for item in found], others


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_SPLIT_RE.split(text.strip()) if s.strip()]


def first_sentence_title(text: str, limit: int = 80) -> str:
    """A stand-in title from running text: its first sentence, cut at a comma if long."""
    sentence = sentences(text)[0] if text.strip() else ""
    sentence = sentence.rstrip(".!?:; ")
    if len(sentence) > 60:
        sentence = re.split(r"[,;:(]", sentence)[0].strip()
    if len(sentence) > limit:
        sentence = sentence[:limit].rsplit(" ", 1)[0]
    return sentence
