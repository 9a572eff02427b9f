"""The text between a letter's salutation and its closing, whoever wrote it.

A model letter from an imported document, or text pasted into the composer, often brings its own
"Dear ...," and "Yours sincerely,": the letter prints its own salutation and closing, so those
lines go (once). A body cut short in the source ("foll[...]") is flagged, never printed silently.
"""

from __future__ import annotations

import re

from uaction_desktop.model import split_paragraphs

_ABBREVIATION = r"(?:mr|mrs|ms|mx|dr|prof|hon|gen|col|sr|jr|st|h\.\s?e)\."
_GREETING_LINE = re.compile(
    rf"^(dear\b(?:{_ABBREVIATION}|[^;:.!?])*"
    r"|to whom it may concern"
    r"|to (the )?[^,;:.!?]{1,60}"
    r"|(your )?excellency|your (royal )?(highness|majesty)[^,;:.!?]{0,60}|your honou?r"
    rf"|(mr|mrs|ms|madam|sir|minister|president)\b(?:{_ABBREVIATION}|[^,;:.!?]){{0,40}})"
    r"\s*[,:]?$",
    re.IGNORECASE,
)
# A sign-off is a whole line: "Yours sincerely," - not "Sincerely held beliefs ...".
_SIGN_OFF_LINE = re.compile(
    r"^(yours( (sincerely|faithfully|truly|respectfully))?|(yours )?sincerely|respectfully"
    r"|(with )?((kind|best|warm)(est)? )?regards)\s*[,.!]?$",
    re.IGNORECASE,
)
_GREETING_MAX = 80


def body_paragraphs(text: str) -> list[str]:
    """The paragraphs of a body, minus the greeting line(s) and the sign-off it may carry.

    Only whole lines go: "Dear Minister," typed with a single line break before the text loses
    the greeting, never the text; "To the best of our knowledge ..." is text, not a greeting."""
    lines = _after_letterhead(text.strip().splitlines())
    for number in range(3):  # "Your Royal Highness," then "Your Majesty King ...,": both go
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is None:
            break
        line = lines[first].strip()
        # A greeting ends its line with a comma or colon (or, the first, with nothing): text
        # that goes on ("Mr Ivanov, a lawyer, ...") or ends a sentence is the letter's own.
        ends = line.endswith((",", ":")) or (number == 0 and line[-1:].isalnum())
        if len(line) >= _GREETING_MAX or not ends or not _GREETING_LINE.match(line):
            break
        lines = lines[first + 1 :]
    filled = [i for i, line in enumerate(lines) if line.strip()]
    for i in filled[-4:]:  # a sign-off, then perhaps a name or "[your name]"
        if _SIGN_OFF_LINE.match(lines[i].strip()):
            lines = lines[:i]
            break
    return split_paragraphs("\n".join(lines))


_HEAD_LINES = 14  # a pasted letter's sender, date and address block come before "Dear ...,"
_HEAD_LINE_MAX = 60


def _after_letterhead(lines: list[str]) -> list[str]:
    """A whole letter pasted in (addresses and date, then "Dear ...,"): what follows the head.
    Only when every line before the greeting is short and ends no sentence, as address and
    date lines do; otherwise the text is left to the greeting rule below."""
    filled = [i for i, line in enumerate(lines) if line.strip()][:_HEAD_LINES]
    for position, i in enumerate(filled):
        line = lines[i].strip()
        if line.endswith((",", ":")) and line.lower().startswith("dear ") and position:
            head = [lines[j].strip() for j in filled[:position]]
            if all(len(h) <= _HEAD_LINE_MAX and not h.endswith((".", "!", "?")) for h in head):
                return lines[i:]
            break
    return lines


_ELISION = re.compile(r"(\S{1,30}\s?)?(\[\s*(\.\.\.|…)\s*\]|\(\s*(\.\.\.|…)\s*\))")
_SENTENCE_END = re.compile(r"""[.!?…:;)\]"'”’»]$""")


def truncation(text: str) -> str:
    """Where a body looks cut off ("…foll[...]", or a last paragraph that stops mid-sentence),
    as a short quote for a warning; "" if it looks whole."""
    match = _ELISION.search(text)
    if match:
        return match.group(0)
    paragraphs = body_paragraphs(text)
    if not paragraphs:
        return ""
    last = paragraphs[-1]
    if _SENTENCE_END.search(last):
        return ""
    return "…" + last[-25:].lstrip()


def truncation_warning(text: str, what: str = "The letter text", personal_line: str = "") -> str:
    """A sentence for the window and ``uaction check``; "" if the text looks whole. The writer's
    own ``personal_line`` is not judged: it need not end a sentence, and after a model letter
    it is the last paragraph, where it would hide the model letter's own end."""
    if personal_line.strip():
        text, _ = with_personal_line(text, personal_line, "")
    cut = truncation(text)
    if not cut:
        return ""
    return f'{what} seems cut off at "{cut}": compare it with the published document'


def with_personal_line(body: str, old: str, new: str, before_last: bool = True) -> tuple[str, bool]:
    """``body`` (the writer's edited text) with its personal paragraph changed from ``old`` to
    ``new``, every other paragraph as typed. Where the old line is no longer in the body (the
    writer edited it there), the new one is added where a fresh letter has it (before the last
    paragraph, or at the end with ``before_last=False``), and False says so: the window tells
    the writer; nothing is dropped."""
    blocks = [b for b in re.split(r"\n\s*\n", body.strip()) if b.strip()]
    old_key, new_text = " ".join(old.split()), " ".join(new.split())
    for index, block in enumerate(blocks):
        if old_key and " ".join(block.split()) == old_key:
            blocks[index : index + 1] = [new_text] if new_text else []
            return "\n\n".join(blocks), True
    if new_text:
        blocks.insert(max(len(blocks) - 1, 0) if before_last else len(blocks), new_text)
    return "\n\n".join(blocks), not old_key
