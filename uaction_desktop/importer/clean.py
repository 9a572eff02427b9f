"""Text as extracted -> lines worth reading. Conversion debris is dropped, but every dropped line
is kept with its reason, so nothing disappears without a trace."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from uaction_desktop.i18n import N_, _
from uaction_desktop.importer.columns import deinterleave
from uaction_desktop.importer.draft import Leftover
from uaction_desktop.importer.lexicon import lexicon, phrase_pattern

_BOOKMARK_RE = re.compile(r"\[(?:bookmark|image|picture|figure):[^\]\n]{0,200}\]", re.IGNORECASE)
_IMAGE_LINE_RE = re.compile(
    r"^(?:[\w .()~-]{0,80}[\\/])?[\w .()~-]{0,80}\.(?:png|jpe?g|gif|bmp|emf|wmf|tiff?|svg|webp)$",
    re.IGNORECASE,
)
_PAGE_NUMBER_RE = re.compile(
    r"^(?:page\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?$"
    # "page 2 of FU 24/91", "Seite 2 von 3": a page header naming the document
    r"|^(?:page|seite|página|pagina)\s+\d{1,3}\s+(?:of|von|de|sur)\s+[\w/ .-]{1,30}$",
    re.IGNORECASE,
)
_LOGO_RE = re.compile(r"^(?:amnesty|international|amnesty\s+international)$", re.IGNORECASE)
_WEB_CHROME_RE = re.compile(
    r"^[-•*]?\s*(?:downloads?|download\s+(?:the\s+)?(?:full\s+)?(?:ua|urgent action|pdf|word)\b.*"
    r"|share(?:\s+this)?|print(?:\s+this\s+page)?|back to top|skip to (?:main )?content)$",
    re.IGNORECASE,
)
_TEMPLATE_RE = re.compile(r"^name\s+address\s*1\b", re.IGNORECASE)
_BREADCRUMB_RE = re.compile(r"^[•›»>]\s*[\w’' &-]{1,40}$")
_FOOTER_WORDS_RE = re.compile(
    r"(?:@|www\.|https?://|\bT\s*\(|\bTel\b|Peter Benenson House|Easton Street)", re.IGNORECASE
)
_ORG_ADDRESS_RE = re.compile(r"Peter Benenson House|1 Easton Street", re.IGNORECASE)
_ORG_NAME_RE = re.compile(r"Amnesty|\bAI[A-Z]{2,3}\b|Urgent Action Network|\b\d{5}\b")
_CONTACT_LABEL_RE = re.compile(r"\b(?:fax|phone|tel|e-?mail|salutation|twitter)\s*:", re.IGNORECASE)


@dataclass
class CleanText:
    """The document as lines, plus what was taken out and why."""

    lines: list[str]
    dropped: list[Leftover] = field(default_factory=list)
    footers: list[str] = field(default_factory=list)
    front_matter: str = ""


def normalise_characters(text: str) -> str:
    """NFC, one kind of line break and space, no control or invisible characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\f", "\n")
    text = unicodedata.normalize("NFC", text)
    out: list[str] = []
    for ch in text:
        if ch in "\n":
            out.append(ch)
            continue
        category = unicodedata.category(ch)
        if ch == "\t" or category == "Zs":
            out.append(" ")
        elif category in ("Cc", "Cf", "Cs", "Co", "Cn"):
            continue
        else:
            out.append(ch)
    return "".join(out)


def clean_text(text: str) -> CleanText:
    # columns side by side are read apart first: their gaps are what tells them apart
    text = "\n".join(deinterleave(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")))
    text = normalise_characters(text)
    result = CleanText(lines=[])
    for match in _BOOKMARK_RE.finditer(text):
        result.dropped.append(Leftover(match.group(0), _("conversion marker")))
    text = _BOOKMARK_RE.sub("", text)
    lines = _unquote([line.strip() for line in text.split("\n")])
    lines = _take_front_matter(lines, result)
    seen_text = False
    previous_text = ""
    for number, line in enumerate(lines):
        reason = _debris_reason(line, near_top=not seen_text and number < 8)
        following = next((x for x in lines[number + 1 : number + 3] if x), "")
        if not reason and line and _CREDIT_RE.match(following) and len(line) <= 200:
            reason = N_("photo caption")  # the line above a photo credit ("© private")
        if not reason and line and line == following and len(line) <= 120:
            reason = N_("photo caption")  # an image's text and its caption, the same line twice
        if not reason and line and number and line == previous_text and len(line) <= 120:
            reason = N_("photo caption")
        if not reason and line and _between_chrome(lines, number):
            reason = N_("web page furniture")  # the sentence inside a banner ("... donate!")
        if reason == "footer":
            result.footers.append(line)
        if reason:
            result.dropped.append(Leftover(line, _(reason)))  # marked N_ where chosen
            line = ""
        elif line:
            seen_text = True
        previous_text = lines[number] or previous_text
        result.lines.append(line)
    return result


def _unquote(lines: list[str]) -> list[str]:
    """A forwarded email quotes every line ("> "); the quote marks are not the document."""
    content = [line for line in lines if line]
    if not content or sum(line.startswith(">") for line in content) * 2 < len(content):
        return lines
    return [re.sub(r"^(?:>\s?)+", "", line).strip() for line in lines]


def _take_front_matter(lines: list[str], result: CleanText) -> list[str]:
    """Comment lines ("# ...") closed by a "---" line at the very top: notes about the file,
    kept as a leftover for the reviewer rather than parsed as the document."""
    first = next((i for i, line in enumerate(lines) if line), None)
    if first is None or not lines[first].startswith("#"):
        return lines
    for i in range(first, min(len(lines), first + 80)):
        if lines[i] == "---":
            result.front_matter = "\n".join(lines[first:i])
            return lines[i + 1 :]
        if lines[i] and not lines[i].startswith("#"):
            return lines
    return lines


_CREDIT_RE = re.compile(r"^(?:©|\(c\)|foto:|photo:|bild:)\s*\S", re.IGNORECASE)
_CHROME_RE = re.compile(phrase_pattern(lexicon().word_list("chrome")), re.IGNORECASE)


def mentions_chrome(line: str) -> bool:
    """A line with a word the language files list as site chrome, however long: never a
    title ("Aktiv seit 3. Mai 2030 | Noch 17 Tage Laufzeit")."""
    return bool(_CHROME_RE.search(line))


def is_chrome(line: str) -> bool:
    """Web page furniture: a short line with a word the language files list as site chrome
    (donation banners, "Noch 17 Tage Laufzeit", "Action terminée") in capitals, ending with
    "!", or of a few words; a breadcrumb trail ("Home → News → Actions")."""
    words = line.split()
    if len(line) <= 150 and len(re.findall(r"→|›", line)) >= 2:
        return True
    if len(line) > 80 or not _CHROME_RE.search(line):
        return False
    letters = [c for c in line if c.isalpha()]
    shouting = bool(letters) and all(not c.islower() for c in letters)
    return shouting or line.endswith("!") or len(words) <= 4


def _between_chrome(lines: list[str], number: int) -> bool:
    """A short line with web page furniture just above and just below it: part of a banner."""
    if len(lines[number]) > 120:
        return False
    above = next((x for x in reversed(lines[max(0, number - 2) : number]) if x), "")
    below = next((x for x in lines[number + 1 : number + 3] if x), "")
    return bool(above and below) and is_chrome(above) and is_chrome(below)


def _debris_reason(line: str, near_top: bool) -> str:
    if not line:
        return ""
    if _CREDIT_RE.match(line):
        return N_("photo credit")
    if is_chrome(line):
        return N_("web page furniture")
    if _IMAGE_LINE_RE.match(line):
        return N_("image file name")
    if _PAGE_NUMBER_RE.match(line):
        return N_("page number")
    if _LOGO_RE.match(line):
        return N_("logo text")
    if _WEB_CHROME_RE.match(line):
        return N_("web page link")
    if _TEMPLATE_RE.match(line):
        return N_("empty address template")
    if near_top and _BREADCRUMB_RE.match(line):
        return N_("web page menu")
    if _ORG_ADDRESS_RE.search(line):
        return N_("footer")
    footer_like = _FOOTER_WORDS_RE.search(line) or _ORG_NAME_RE.search(line)
    if "|" in line and footer_like and not _CONTACT_LABEL_RE.search(line):
        return N_("footer")
    return ""
