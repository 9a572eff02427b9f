"""Numbers, dates and notices: UA number, index, issue date, deadline, follow-up or closure,
report reference, languages, source. Each finder returns candidates with a confidence; the
parser picks among them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from uaction_desktop.i18n import _, ngettext
from uaction_desktop.importer.dates import FoundDate, find_dates, parse_date
from uaction_desktop.importer.draft import Confidence
from uaction_desktop.importer.lexicon import fold, lexicon, phrase_pattern
from uaction_desktop.importer.places import country_name, foreign_language_name, language_name
from uaction_desktop.importer.prose import sentences
from uaction_desktop.model import normalize_ua

_I = re.IGNORECASE
NUM = r"(?P<num>\d{1,4})(?:-\d{1,2})?\s*[/.]\s*(?P<year>\d{4}|\d{2})(?![\d/])"


def _prefix_pattern(words: list[str]) -> str:
    """Words in capitals ("UA", "AU", "EXTRA") match only in capitals; others in any case."""
    exact = [w for w in words if w.replace(".", "").replace("-", "").isupper()]
    loose = [w for w in words if w not in exact]
    parts = [phrase_pattern(exact, whole=False)]
    if loose:
        parts.append(f"(?i:{phrase_pattern(loose, whole=False)})")
    return r"(?<![\w-])(?:" + "|".join(parts) + r")(?!\w)"


_LEX = lexicon()
_UA_WORDS = _prefix_pattern(_LEX.word_list("ua_words") + _LEX.labels.get("ua", []))
# "UA 63/18", "UA-074/2019-1", "AU 170/10", "EXTRA 139/95", "UA-Nr.: UA-261/2011"
_UA_RE = re.compile(rf"{_UA_WORDS}\s*(?:(?i:No|Nr)\.?\s*)?[:#-]?\s*(?:(?:UA|AU)\s*-?\s*)?{NUM}")
_FURTHER_RE = re.compile(
    rf"\bfurther\s+information\s+on\s+(?:UA\b\s*(?:No\.?\s*)?[:#-]?\s*)?{NUM}", _I
)
_ORDINALS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
)
_ORDINAL = r"(?P<ord>" + "|".join(_ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th))"
_UPDATE_RE = re.compile(
    rf"\b{_ORDINAL}\s+(?:update\s+(?:of|on|to|for)\s+|follow[- ]up\s+(?:of|on|to)\s+)?"
    rf"(?:the\s+)?UA\b\s*[:#-]?\s*{NUM}",
    _I,
)
_UA_UPDATE_N_RE = re.compile(rf"\bUA\s*[:#-]?\s*{NUM}\s*(?:update|FU)\s*(?P<n>\d{{1,2}})\b", _I)
# German and Austrian section numbering: "UA-126/2010-1" is the first follow-up of UA 126/10
_UA_SUFFIX_N_RE = re.compile(
    rf"{_UA_WORDS}\s*-?\s*\d{{1,4}}\s*/\s*(?:\d{{4}}|\d{{2}})-(?P<n>\d{{1,2}})(?![\d/.])"
)
_FOLLOW_UPS_RE = re.compile(r"\band\s+follow[- ]ups?\b(?P<list>.*)", _I)
_URGENT_ACTION_NUM_RE = re.compile(rf"\bUrgent Action\s+{NUM}", _I)
_TITLE_PAREN_RE = re.compile(rf"\((?P<country>[^():]{{2,60}}):\s*UA\s*[:#-]?\s*{NUM}\)", _I)
_INDEX = r"(?P<prefix>[A-Z]{3})\s?(?P<a>\d{2})\s*/\s*(?P<b>\d{1,5})\s*/\s*(?P<iy>\d{4}|\d{2})\b"
INDEX_RE = re.compile(_INDEX)
_LABELLED_INDEX_RE = re.compile(
    rf"\b(?P<label>AI\s+Index|Index(?:\s+number|\s+no\.?)?)\s*:?\s*{_INDEX}", _I
)
_INDEX_URL_RE = re.compile(
    r"amnesty\.org/(?:[a-z]{2}/documents/)?(?P<prefix>[a-z]{3})(?P<a>\d{2})/(?P<b>\d{3,5})/"
    r"(?P<iy>\d{4})",
    _I,
)
_HEADER_RE = re.compile(
    rf"^(?:further\s+information\s+on\s+)?UA\s*(?:No\.?\s*)?[:#-]?\s*{NUM}\s+"
    rf"(?:AI\s+)?Index(?:\s+number)?\s*:?\s*{_INDEX}\s*(?P<mid>[^:]*?)\s*"
    r"(?:(?:issue\s+)?date\s*:?\s*(?P<date>.+?))?\s*$",
    _I,
)
_OLD_HEADER_RE = re.compile(
    rf"^{_UA_WORDS}\s+{NUM}\s+(?P<topic>[A-Za-z][^\d]{{2,80}}?)\s+(?P<date>\d{{1,2}}\s+[A-Z][a-z]+\s+\d{{4}})\s*$"
)
_ISSUE_DATE_RE = re.compile(
    rf"{phrase_pattern(_LEX.labels.get('date', []))}\s*:\s*(?P<rest>.+)$", _I
)
# "AU 170/10, AMR 37/012/2010, 4 août 2010 ...": number, index and date run on at the top
_RUN_ON_HEADER_RE = re.compile(
    rf"^\s*(?:{_UA_WORDS})\s*[:#-]?\s*\d{{1,4}}\s*[/.]\s*\d{{2,4}}(?:-\d)?\s*[,;]?\s*"
    rf"(?P<index>{_INDEX.replace('?P<', '?P<h_')})?\s*[,;]?\s*(?P<rest>.*)$"
)
# "AMR 46/001/2008 - AU 05/08": the index written just before the UA number, in a run-on line
_INDEX_BEFORE_UA_RE = re.compile(
    rf"(?<![\w/]){_INDEX}\s*[-–—,;]\s*{_UA_WORDS}\s*[:#-]?\s*\d{{1,4}}\s*[/.]\s*\d{{2,4}}\b"
)
# "Monday, 6 May 2024": a blog's date line, never a title (nor, unlabelled, the issue date)
_WEEKDAY_RE = re.compile(rf"^\s*{phrase_pattern(_LEX.word_list('weekdays'))},?\s+(?=\S)", _I)


# "Lima, 12/15/2015": a letter's place and date line
_DATELINE_RE = re.compile(
    r"^(?P<place>[A-Z][^\W\d_]+(?: [A-Z][^\W\d_]+){0,2}),\s+(?P<date>\S.{5,30})$"
)


def is_date_line(line: str) -> bool:
    return parse_date(_WEEKDAY_RE.sub("", line)) is not None


_CLOSURE_RE = re.compile(
    r"\bno\s+further\s+(?:action|appeals?)\b.{0,60}?\b(?:is|are)?\s*(?:requested|needed|"
    r"required|necessary)\b|\bplease\s+(?:stop\s+sending|do\s+not\s+send\s+any\s+more)\s+appeals\b"
    rf"|{phrase_pattern(_LEX.kind.get('closure', []))}",
    _I,
)
_REPORT_RE = re.compile(rf"\bThis is Urgent Action\s+(?P<text>{NUM})", _I)
_REPORT_LOOSE_RE = re.compile(
    rf"\b(?:let us know|report)\b.{{0,100}}?\bUrgent Action\s+(?P<text>{NUM})", _I
)
_DEADLINE = _LEX.deadline
_DEADLINE_CUE_RE = re.compile(phrase_pattern(_DEADLINE.get("cues", [])), _I)
_ARTICLE = r"(?:(?:the|le|el|dem|den|la)\s+)?"
_DEADLINE_PREP_RE = re.compile(
    rf"(?P<prep>{phrase_pattern(_DEADLINE.get('before', []) + _DEADLINE.get('after', []))})"
    rf"\s*:?\s*{_ARTICLE}$",
    _I,
)
_AFTER_WORDS = frozenset(fold(w) for w in _DEADLINE.get("after", []))
# "nach dem 29. März 2013 keine Appelle mehr": a date between these two ends the appeal
_AFTER_STOP_RE = re.compile(rf"{phrase_pattern(_DEADLINE.get('after_stop', []))}\s*$", _I)
_STOP_RE = re.compile(rf"^[\s,.]*{phrase_pattern(_DEADLINE.get('stop', []))}", _I)
_LANGUAGE_LIST_RE = re.compile(
    r"\bin\s+(?P<list>[A-Z][a-z]+(?:\s*(?:,|/|\bor\b|\band\b)\s*(?:[A-Z][a-z]+|your own(?:"
    r" language)?))*)"
)
_PREFERRED_RE = re.compile(r"\bpreferred\s+languages?\b[^:]{0,40}:\s*(?P<list>.+)$", _I)
_BOILERPLATE = [
    re.compile(p, _I)
    for p in (
        r"^click here\b",
        r"^here['’]?s why it is (?:so )?important to report",
        r"^it['’]?s important to report\b",
        r"^please check with\b",
        r"^check with (?:the|your)\b",
        r"^(?:also send copies|and to) (?:to )?diplomatic representatives\b",
        r"^write a letter\b",
        r"^you can also\b",
        r"^please take action\b",
        r"^many thanks\b",
        r"^thank you (?:to (?:all|everyone)|for (?:your|all))\b",
        r"^further information\s*:\s*(?:https?://)?www\.amnesty",
        r"^please send appeals immediately\b",
        r"^if sending appeals\b",
        r"^please insert (?:the )?local diplomatic address",
        r"^send appeals to arrive as quickly as possible\b",
        r"^external\b.*\bgeneral distribution\b",
        r"^distr\s*:",
        r"^let us know (?:you|if you) took action\b",
        r"^we record the actions\b",
    )
]


@dataclass(frozen=True)
class Candidate:
    """A value found in the document, where it was (line index) and how sure it is."""

    value: object
    confidence: Confidence
    note: str
    line: int


def ua_of(match: re.Match[str]) -> str | None:
    return normalize_ua(f"{match['num']}/{match['year']}")


def index_of(match: re.Match[str]) -> str:
    return f"{match['prefix'].upper()} {match['a']}/{match['b']}/{match['iy']}"


def index_key(text: str) -> tuple[str, int, int, int] | None:
    """ "AMR 23/065/1991" and "AMR 23/65/91" are the same document."""
    match = INDEX_RE.search(text)
    if not match:
        return None
    return (match["prefix"], int(match["a"]), int(match["b"]), int(match["iy"]) % 100)


# ------------------------------------------------------------------- finders per line


def ua_candidates(lines: list[str]) -> list[Candidate]:
    found: list[Candidate] = []
    for i, line in enumerate(lines):
        if match := _HEADER_RE.match(line):
            found.append(Candidate(ua_of(match), Confidence.HIGH, _("from the UA/Index line"), i))
        if match := _OLD_HEADER_RE.match(line):
            found.append(Candidate(ua_of(match), Confidence.HIGH, _("from the UA heading"), i))
        for match in _FURTHER_RE.finditer(line):
            found.append(
                Candidate(ua_of(match), Confidence.HIGH, _("from 'Further information on UA'"), i)
            )
        for match in _UPDATE_RE.finditer(line):
            found.append(Candidate(ua_of(match), Confidence.HIGH, _("from the update notice"), i))
        for match in _TITLE_PAREN_RE.finditer(line):
            found.append(Candidate(ua_of(match), Confidence.HIGH, _("from the title line"), i))
        for match in _URGENT_ACTION_NUM_RE.finditer(line):
            found.append(
                Candidate(ua_of(match), Confidence.MEDIUM, _("from 'Urgent Action NN.YY'"), i)
            )
        for match in _UA_RE.finditer(line):
            found.append(
                Candidate(ua_of(match), Confidence.MEDIUM, _("a UA number in the text"), i)
            )
    return [c for c in found if c.value]


def index_candidates(lines: list[str]) -> list[Candidate]:
    found: list[Candidate] = []
    for i, line in enumerate(lines):
        for match in _LABELLED_INDEX_RE.finditer(line):
            rank = 0 if match["label"].lower().startswith("ai") else 1
            found.append(
                Candidate((rank, index_of(match)), Confidence.HIGH, _("from the Index label"), i)
            )
        header = _RUN_ON_HEADER_RE.match(line)
        if header and header["index"]:
            found.append(
                Candidate(
                    (2, index_of(INDEX_RE.search(header["index"]))),
                    Confidence.MEDIUM,
                    _("the index after the UA number at the top"),
                    i,
                )
            )
        elif INDEX_RE.fullmatch(line.strip(" ,.;-")):
            found.append(
                Candidate(
                    (2, index_of(INDEX_RE.search(line))),
                    Confidence.MEDIUM,
                    _("an index number on a line of its own"),
                    i,
                )
            )
        for match in _INDEX_BEFORE_UA_RE.finditer(line):
            found.append(
                Candidate(
                    (2, index_of(match)), Confidence.MEDIUM, _("the index next to the UA number"), i
                )
            )
        for match in _INDEX_URL_RE.finditer(line):
            found.append(
                Candidate((3, index_of(match)), Confidence.MEDIUM, _("from an amnesty.org link"), i)
            )
    return found


def issued_candidates(lines: list[str]) -> list[Candidate]:
    found: list[Candidate] = []
    non_empty = 0
    for i, line in enumerate(lines):
        if not line:
            continue
        non_empty += 1
        header = _HEADER_RE.match(line)
        if header and header["date"] and (day := parse_date(header["date"])):
            found.append(Candidate(day, Confidence.HIGH, _("from the UA/Index line"), i))
            continue
        old = _OLD_HEADER_RE.match(line)
        if old and (day := parse_date(old["date"])):
            found.append(Candidate(day, Confidence.HIGH, _("from the UA heading"), i))
            continue
        labelled = _ISSUE_DATE_RE.search(line)
        if labelled and (day := _first_full_date(labelled["rest"])):
            found.append(Candidate(day, Confidence.HIGH, _("from the 'Date:' label"), i))
            continue
        run_on = _RUN_ON_HEADER_RE.match(line)
        if run_on and (day := _first_full_date(run_on["rest"])):
            found.append(Candidate(day, Confidence.MEDIUM, _("the date after the UA number"), i))
            continue
        banner = _banner_date(line, lines[i + 1] if i + 1 < len(lines) else "")
        if non_empty <= 10 and banner:
            found.append(Candidate(banner, Confidence.MEDIUM, _("the date on the banner"), i))
            continue
        dateline = None if _WEEKDAY_RE.match(line) else _DATELINE_RE.match(line)
        if non_empty <= 25 and dateline and (day := parse_date(dateline["date"])):
            found.append(Candidate(day, Confidence.MEDIUM, _("the letter's place and date"), i))
            continue
        if non_empty <= 25 and (day := parse_date(line)):
            found.append(
                Candidate(day, Confidence.MEDIUM, _("a date on a line of its own near the top"), i)
            )
    return found


# "URGENT ACTION - Amnesty International 4 October 2012": the banner ends with the issue date
_BANNER_RE = re.compile(r"^\s*urgent\s+action\b\s*[-–—:|]?\s*(?P<rest>.{0,80})$", _I)


def _banner_date(line: str, following: str) -> date | None:
    """The date closing the 'Urgent Action' banner (which text extraction may break after
    'URGENT')."""
    if line.strip().lower() == "urgent" and following.strip().lower().startswith("action"):
        line = f"{line.strip()} {following.strip()}"
    match = _BANNER_RE.match(line)
    if not match:
        return None
    dates = find_dates(match["rest"])
    last = dates[-1] if dates else None
    if last is None or last.year is None or match["rest"][last.end :].strip(" .,"):
        return None
    return last.resolve(None)


def _first_full_date(text: str) -> date | None:
    for found in find_dates(text):
        if found.year is not None and found.start < 3:
            return found.resolve(None)
    return None


def deadline_candidates(lines: list[str]) -> list[tuple[FoundDate, Confidence, str, int]]:
    """Dates that close the appeal: "by 8 June, 2018", "BEFORE 27 SEPTEMBER 2019", "expires on
    March 10, 2022", "nach dem 16. September 2010 keine Appelle mehr", "avant le 15 septembre";
    "if sending appeals after ..." counts, with less confidence. The cue ("appeals", "Appelle")
    must be in the same sentence as the date."""
    found: list[tuple[FoundDate, Confidence, str, int]] = []
    for i, line in enumerate(lines):
        if not line or len(line) > 2000:
            continue
        for day in find_dates(line):
            before = line[max(0, day.start - 40) : day.start]
            sentence = re.split(r"(?<=[.!?])\s+", line[: day.start])[-1]
            stop = _AFTER_STOP_RE.search(before) and _STOP_RE.match(line[day.end : day.end + 60])
            if stop:
                found.append((day, Confidence.HIGH, _("from the appeal deadline"), i))
                continue
            prep = _DEADLINE_PREP_RE.search(before)
            if not prep or not _DEADLINE_CUE_RE.search(sentence + line[day.end : day.end + 80]):
                continue
            after = fold(prep["prep"]) in _AFTER_WORDS
            confidence = Confidence.MEDIUM if after else Confidence.HIGH
            note = (
                _("the date after which appeals should be checked with your section")
                if after
                else _("from the appeal deadline")
            )
            found.append((day, confidence, note, i))
    return found


def follow_up_info(lines: list[str]) -> tuple[int | None, Confidence, str] | None:
    """(update number or None, confidence, note) if the document is a follow-up."""
    for line in lines:
        if match := _UPDATE_RE.search(line):
            return _ordinal(match["ord"]), Confidence.HIGH, f"'{match.group(0)}'"
        if match := _UA_UPDATE_N_RE.search(line):
            return int(match["n"]), Confidence.HIGH, f"'{match.group(0)}'"
        if (match := _UA_SUFFIX_N_RE.search(line)) and int(match["n"]) > 0:
            return (
                int(match["n"]),
                Confidence.MEDIUM,
                _("the follow-up number in '{text}'").format(text=match.group(0)),
            )
    for i, line in enumerate(lines):
        if _FURTHER_RE.search(line):
            text = line
            if i + 1 < len(lines) and text.count("(") > text.count(")"):
                text += " " + lines[i + 1]
            follow = _FOLLOW_UPS_RE.search(text)
            if follow:
                earlier = len(INDEX_RE.findall(follow["list"])) or 1
                return (
                    earlier + 1,
                    Confidence.MEDIUM,
                    ngettext(
                        "counted {count} earlier follow-up listed after 'Further information'",
                        "counted {count} earlier follow-ups listed after 'Further information'",
                        earlier,
                    ).format(count=earlier),
                )
            return 1, Confidence.MEDIUM, _("'Further information on UA' lists no earlier follow-up")
    return None


def _ordinal(text: str) -> int:
    low = text.lower()
    if low in _ORDINALS:
        return _ORDINALS.index(low) + 1
    return int(re.sub(r"\D", "", low))


def is_further_line(line: str) -> bool:
    return bool(_FURTHER_RE.search(line))


def is_closure(line: str) -> bool:
    return bool(_CLOSURE_RE.search(line))


def report_reference(lines: list[str]) -> tuple[str, Confidence] | None:
    loose = None
    for line in lines:
        if match := _REPORT_RE.search(line):
            return f"UA {_compact(match['text'])}", Confidence.HIGH
        if loose is None and (match := _REPORT_LOOSE_RE.search(line)):
            loose = f"UA {_compact(match['text'])}"
    return (loose, Confidence.MEDIUM) if loose else None


def _compact(number: str) -> str:
    return re.sub(r"\s+", "", number)


def title_paren(line: str) -> tuple[str, str, str] | None:
    """ "Urgent Action: X (Iran: UA 83.21)" -> (line without the brackets, country, ua)."""
    match = _TITLE_PAREN_RE.search(line)
    if not match:
        return None
    rest = (line[: match.start()] + line[match.end() :]).strip()
    return rest, match["country"].strip(), ua_of(match) or ""


def header_country(line: str) -> str | None:
    """The country an international-format header names between index and date."""
    match = _HEADER_RE.match(line)
    if match and match["mid"]:
        return country_name(match["mid"]) and match["mid"].strip()
    return None


def old_header_topic(line: str) -> str | None:
    match = _OLD_HEADER_RE.match(line)
    return match["topic"].strip(" -–") if match else None


def languages_in(line: str) -> list[str]:
    """ "in English, Russian or your own language" -> ["English", "Russian"]; "Schreiben Sie
    in gutem Russisch, Englisch oder auf Deutsch" -> ["Russian", "English", "German"]."""
    out: list[str] = []
    lists = [m["list"] for m in _PREFERRED_RE.finditer(line)]
    lists += [m["list"] for m in _LANGUAGE_LIST_RE.finditer(line)]
    for text in lists:
        for word in re.split(r"[\s,/.;]+", text):
            name = language_name(word)
            if name and name not in out:
                out.append(name)
    return out or _languages_after_write_cue(line)


def asks_for_languages(line: str) -> bool:
    """Whether a line may ask writers to use some languages: it names "language", or it has a
    "write" cue of one of the word lists' languages ("Schreiben Sie", "Écrivez", "Escriba")."""
    return "language" in line.lower() or _WRITE_IN_RE.search(line) is not None


_WRITE_IN_RE = re.compile(phrase_pattern(lexicon().word_list("write_in")), _I)


def _languages_after_write_cue(line: str) -> list[str]:
    """Language names (in the line's own language, as Babel writes them) after a "write" cue,
    two at least: one alone is as often an adjective ("russische Behörden") as a request."""
    cue = _WRITE_IN_RE.search(line)
    if cue is None:
        return []
    out: list[str] = []
    for word in re.findall(r"[^\W\d_]+", line[cue.end() :]):
        name = foreign_language_name(word)
        if name and name not in out:
            out.append(name)
    return out if len(out) >= 2 else []


def is_metadata_line(line: str) -> bool:
    """A line of numbers and labels only ("UA: 63/18 Index: EUR 57/8122/2018 Issue Date: 27
    March 2018"): nothing in it is prose once the recognised parts are taken out."""
    if line.lstrip().startswith("(") and line.rstrip().endswith(")"):
        return False  # "(Anrede: ...)": a remark in brackets, not numbers and labels
    rest = _HEADER_RE.sub("", line) if _HEADER_RE.match(line) else line
    rest = _OLD_HEADER_RE.sub("", rest)
    rest = _FURTHER_RE.sub("", rest)
    rest = _FOLLOW_UPS_RE.sub("", rest)
    rest = _LABELLED_INDEX_RE.sub("", rest)
    rest = _UA_RE.sub("", rest)
    rest = INDEX_RE.sub("", rest)
    rest = re.sub(r"\([^()]*\)", "", rest)
    rest = _ISSUE_DATE_RE.sub("", rest)
    for day in reversed(find_dates(rest)):
        rest = rest[: day.start] + rest[day.end :]
    rest = re.sub(r"^\s*(?:external\b.*general distribution\)?|distr\s*:.*)", "", rest, flags=_I)
    if re.sub(r"\([^()]*\)", "", rest).strip() == re.sub(r"\([^()]*\)", "", line).strip():
        return False  # nothing in it was a number, a date or a label: a phone number, say
    return not re.search(r"[^\W\d_]", rest)


def is_known_sentence(sentence: str) -> bool:
    """Instructions every UA carries, notices and numbers: recognised, so not leftovers."""
    text = re.sub(r"^\(?\d{1,2}[).]\s*", "", sentence.strip())
    if any(p.search(text) for p in _BOILERPLATE):
        return True
    if _CLOSURE_RE.search(text) or _UPDATE_RE.search(text) or _REPORT_RE.search(text):
        return True
    if re.match(r"^this urgent action expires\b", text, _I):
        return True
    if _deadline_sentence(text):
        return True
    return is_metadata_line(text)


def _deadline_sentence(text: str) -> bool:
    if len(text) > 200:
        return False
    for day in find_dates(text):
        before = text[max(0, day.start - 40) : day.start]
        if _DEADLINE_PREP_RE.search(before) and re.match(
            r"^(?:please\s+)?(?:send|contact|write|appeals?|take action)\b", text, _I
        ):
            return True
    return False


def all_known(line: str) -> bool:
    parts = sentences(line)
    return bool(parts) and all(is_known_sentence(p) for p in parts)


SOURCES = (
    (
        re.compile(r"\bAIUSA\b|Amnesty International USA|amnestyusa\.org", _I),
        "Amnesty International USA",
    ),
    (
        re.compile(r"\bAIUK\b|Amnesty International UK|amnesty\.org\.uk", _I),
        "Amnesty International UK",
    ),
    (
        re.compile(r"International Secretariat|Peter Benenson House|Easton Street", _I),
        "Amnesty International, International Secretariat",
    ),
)
_NETWORK_RE = re.compile(r"Urgent Action Network", _I)


def source_from(footers: list[str]) -> str | None:
    """The publishing office, from footers such as "AIUSA’s Urgent Action Network | ..."."""
    text = "\n".join(footers)
    for pattern, name in SOURCES:
        if pattern.search(text):
            if _NETWORK_RE.search(text) and "," not in name:
                return f"{name}, Urgent Action Network"
            return name
    match = re.search(r"Amnesty International ([A-Z][a-z]+(?: [A-Z][a-z]+)?)", text)
    if match and country_name(match.group(1)):
        return f"Amnesty International {match.group(1)}"
    return None
