"""The text between a letter's salutation and its closing, whoever wrote it.

A model letter from an imported document, or text pasted into the composer, often brings its own
"Dear ...," and "Yours sincerely," (or "Sehr geehrte ...," and "Mit freundlichen Grüßen",
"Monsieur le Ministre," and "Veuillez agréer ...", "Estimado ...:" and "Atentamente"): the
letter prints its own salutation and closing, so those lines go (once), and so does a "[Your
name]" left after them. A body cut short in the source ("foll[...]") is flagged, never
printed silently.
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
    rf"|(mr|mrs|ms|madam|sir|minister|president)\b(?:{_ABBREVIATION}|[^,;:.!?]){{0,40}}"
    # German: "Sehr geehrter Herr Minister,", "Exzellenz,", "Eure Majestät,"
    r"|sehr geehrte[rn]?\b[^;:.!?]{0,80}|liebe[rn]?\s[^,;:.!?]{1,60}|exzellenz"
    r"|(eure|euer|ihre) (königliche )?(majestät|hoheit|exzellenz)"
    r"|(guten tag|hallo)\b[^,;:.!?]{0,40}"
    # French: "Monsieur le Procureur général,", "Madame, Monsieur,", "Excellence,"
    r"|(monsieur|madame|mesdames|messieurs|mademoiselle)\b[^;:.!?]{0,80}|excellence"
    r"|votre (excellence|majesté|altesse( royale)?)|sire|ch[eè]re?s? [^,;:.!?]{1,60}"
    r"|(à|a) l['’]attention d[eu] [^,;:.!?]{1,60}"
    # Spanish: "Estimado Señor Ministro:", "Excelentísimo Señor Fiscal General:"
    r"|(estimad|distinguid|excelentísim|ilustrísim|querid)[oa]s?\b[^;:.!?]{0,80}"
    r"|(señor|señora|sr\.|sra\.|muy señor mío|muy señora mía)[^;:.!?]{0,80}"
    r"|(su )?(excelencia|majestad|alteza( real)?)|a quien corresponda)"
    r"\s*[,:]?$",
    re.IGNORECASE,
)
# A sign-off is a whole line: "Yours sincerely," - not "Sincerely held beliefs ...".
_SIGN_OFF_LINE = re.compile(
    r"^((very )?(yours( (sincerely|faithfully|truly|respectfully|very truly))?|(yours )?sincerely"
    r"|respectfully|faithfully|sincerely yours|truly yours|respectfully yours|faithfully yours"
    r"|(with )?((kind|best|warm)(est)? )?(regards|wishes))"
    # German
    r"|mit (freundlichen|besten|herzlichen|vorzüglicher) (grüßen|grüssen|gruß|hochachtung)"
    r"|mit freundlichem gruß|freundliche grüße|viele grüße|hochachtungsvoll|beste grüße"
    # Spanish
    r"|atentamente|cordialmente|respetuosamente|(un )?(cordial|atento) saludo|saludos cordiales"
    r"|(reciba|le saluda|le saludo)\b[^.]{0,60}"
    # French
    r"|cordialement|respectueusement|(sincères |mes )?salutations( distinguées| respectueuses)?"
    r"|bien (cordialement|à vous))"
    r"\s*[,.!]?$",
    re.IGNORECASE,
)
# A French closing is one sentence, often with the salutation inside ("Veuillez agréer,
# Monsieur le Ministre, l'expression de ma haute considération."): the line goes as a whole.
_FRENCH_CLOSING = re.compile(
    r"^(veuillez|je vous prie d['’]|je vous prie de|recevez|daignez|je prie votre|"
    r"dans l['’]attente de votre réponse, (je vous prie|veuillez))"
    r"[^\n]{0,240}(considération|salutations|respect|sentiments|hommage)[^\n]{0,40}[.!]?$",
    re.IGNORECASE,
)
# What a model letter leaves for the writer to fill in after its sign-off.
_PLACEHOLDER_LINE = re.compile(r"^[\[(<][^\])>]{1,40}[\])>]$")
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
        line = lines[i].strip()
        if _SIGN_OFF_LINE.match(line) or _FRENCH_CLOSING.match(line):
            lines = lines[:i]
            break
    while lines and (not lines[-1].strip() or _PLACEHOLDER_LINE.match(lines[-1].strip())):
        lines = lines[:-1]  # "[Your name]" with no sign-off before it
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
        if line.endswith((",", ":")) and _GREETING_LINE.match(line) and position:
            head = [lines[j].strip() for j in filled[:position]]
            if all(len(h) <= _HEAD_LINE_MAX and not h.endswith((".", "!", "?")) for h in head):
                return lines[i:]
            break
    return lines


# the elision with the word before it: "uphold h[...]" says where, "h[...]" hardly does
_ELISION = re.compile(r"(\S{1,30}\s)?(\S{1,30}\s?)?(\[\s*(\.\.\.|…)\s*\]|\(\s*(\.\.\.|…)\s*\))")
_SENTENCE_END = re.compile(r"""[.!?…:;)\]"'”’»]$""")


def elided(text: str) -> str:
    """The first "[...]" left in a text copied from a page that was cut, with the words before
    it ("uphold h[...]"); "" if there is none."""
    match = _ELISION.search(text)
    return match.group(0) if match else ""


def truncation(text: str) -> str:
    """Where a body looks cut off ("…foll[...]", or a last paragraph that stops mid-sentence),
    as a short quote for a warning; "" if it looks whole."""
    if cut := elided(text):
        return cut
    paragraphs = body_paragraphs(text)
    if not paragraphs:
        return ""
    last = paragraphs[-1]
    if _SENTENCE_END.search(last):
        return ""
    return "…" + last[-25:].lstrip()


def truncation_warning(text: str, model_letter: bool = False, personal_line: str = "") -> str:
    """A sentence for the window and ``uaction check``; "" if the text looks whole. The writer's
    own ``personal_line`` is not judged: it need not end a sentence, and after a model letter
    it is the last paragraph, where it would hide the model letter's own end."""
    from uaction_desktop.i18n import _

    if personal_line.strip():
        text, _clean = with_personal_line(text, personal_line, "")
    cut = truncation(text)
    if not cut:
        return ""
    if model_letter:
        return _(
            'The model letter seems cut off at "{cut}": compare it with the published document'
        ).format(cut=cut)
    return _(
        'The letter text seems cut off at "{cut}": compare it with the published document'
    ).format(cut=cut)


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
