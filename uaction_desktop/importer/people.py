"""People in a document: "Name:" and "Gender:" lines, "(m)"/"(f)" markers, and, as a last
resort, names that recur in the text."""

from __future__ import annotations

import re
from collections import Counter

from uaction_desktop.importer.names import Spellings, is_name_like, recase_name
from uaction_desktop.importer.places import country_name, fold

NAME_LINE_RE = re.compile(r"^names?(?:\s+and\s+pronouns?)?\s*:\s*(?P<rest>.+)$", re.IGNORECASE)
GENDER_LINE_RE = re.compile(r"(?:^|\s)gender(?:\s*m\s*/\s*f)?\s*:\s*(?P<g>.+)$", re.IGNORECASE)
NAME = r"(?:[A-Z][\w’'.-]+|(?:al|el|ad|as|ash|bin|bint|ibn|de|da|dos|van|von|del)-?[\w’'-]*)"
GENDER_MARK_RE = re.compile(r"\((?P<g>m|f|male|female|he/him|she/her|they/them)\)")
_MARKED_NAME_RE = re.compile(rf"(?P<name>[A-Z][\w’'.-]*(?:\s+{NAME}){{0,5}})\s*$")
GENDERS = {
    "m": "m",
    "male": "m",
    "f": "f",
    "female": "f",
    "x": "x",
    "he/him": "m",
    "she/her": "f",
    "they/them": "x",
    "non-binary": "x",
}


def genders_in(text: str) -> list[str]:
    """ "m, f" -> ["m", "f"]; "both" says nothing about who is who -> []."""
    if "both" in text.lower():
        return []
    values = [GENDERS.get(t) for t in re.split(r"[\s,;/&]+|\band\b", text.lower()) if t]
    return [v for v in values if v]


def names_in_prose(text: str) -> list[str]:
    """Names a text keeps using ("Zhen Jianghua" three times), or opens with: a guess."""
    counts: Counter[str] = Counter()
    first = re.match(rf"^\s*(?:[a-z]\w*\s+){{0,3}}({NAME}(?:\s+{NAME}){{1,3}})", text)
    lower_words = frozenset(re.findall(r"\b[a-z][\w’'-]*", text))
    for match in re.finditer(rf"\b[A-Z][\w’'-]+(?:\s+{NAME}){{1,3}}", text):
        name = strip_lead_words(re.sub(r"[’']s$", "", match.group(0)), lower_words)
        if plausible_person(name):
            counts[name] += 1
    names = [n for n, c in counts.most_common(3) if c >= 2]
    if first:
        lead = strip_lead_words(first.group(1), lower_words)
        if plausible_person(lead) and lead not in names:
            names.insert(0, lead)
    return [n for n in names if not any(n != o and n in o for o in names)]


LEAD_WORDS = frozenset(
    re.findall(
        r"[\w-]+",
        """name names and also teacher journalist activist lawyer student blogger poet writer
        doctor unionist defender researcher academic professor artist musician farmer worker
        nurse pastor imam priest editor photographer reporter politician prisoner detainee youth
        woman man girl boy mother father wife husband son daughter brother sister protester
        campaigner singer rapper cartoonist comedian athlete footballer economist engineer
        environmentalist feminist human rights opposition leader member dr mr ms mrs""",
    )
)


def strip_lead_words(name: str, lower_words: frozenset[str] = frozenset()) -> str:
    """ "Teacher Lena Marsh" -> "Lena Marsh": role words, and words the text also writes in
    lower case, are not part of a name."""
    words = name.split()
    while len(words) > 1 and (
        words[0].lower().rstrip(":.") in LEAD_WORDS or words[0].lower() in lower_words
    ):
        words.pop(0)
    return " ".join(words)


def marked_names(line: str) -> list[tuple[str, str]]:
    """ "Ana Lopez (f), Ben Cruz (m)" -> [("Ana Lopez", "f"), ("Ben Cruz", "m")]. The name is
    read backwards from each marker, within 80 characters, so long lines cost little."""
    out: list[tuple[str, str]] = []
    line = surname_last(line)
    for mark in GENDER_MARK_RE.finditer(line):
        window = line[max(0, mark.start() - 80) : mark.start()]
        match = _MARKED_NAME_RE.search(window)
        if match:
            out.append((match["name"], GENDERS[mark["g"].lower()]))
    return out


# "ORTEGA RUIZ, Ana (f)", "Ortega Ruiz, Ana (f)": surnames, a comma, one given name and a
# marker (or the end of the list item): a name written surname first, for a register
_SUR = r"[A-ZÀ-Þ][\w’'-]+(?:\s+(?:de|da|del|van|von|al|el)?\s*[A-ZÀ-Þ][\w’'-]+){0,2}"
_SUR_CAPS = r"[A-ZÀ-Þ][A-ZÀ-Þ’'-]+(?:\s+[A-ZÀ-Þ][A-ZÀ-Þ’'-]+){0,2}"
_GIVEN = r"[A-ZÀ-Þ][a-zß-ÿ’'-]+"
_SURNAME_COMMA_RE = re.compile(
    rf"(?<![\w,])(?:(?P<sur>{_SUR}),\s+(?P<given>{_GIVEN})(?=\s*\((?:m|f|male|female)\))"
    rf"|(?P<sur2>{_SUR_CAPS}),\s+(?P<given2>{_GIVEN})(?=\s*(?:;|$)))"
)


def surname_last(text: str) -> str:
    """ "ORTEGA RUIZ, Ana (f)" -> "Ana ORTEGA RUIZ (f)": the name in the order a letter
    writes it. Names written surname first without a comma ("ZHEN Jianghua") stay as they
    are: that is their order."""
    return _SURNAME_COMMA_RE.sub(
        lambda m: f"{m['given'] or m['given2']} {m['sur'] or m['sur2']}", text
    )


def names_in_list(text: str, spellings: Spellings) -> list[tuple[str, str]]:
    """ "Ahmed Ali (m), Sara Hassan (f)" / "Akmaral Tobylova and others detained ..." ->
    [(name, gender)] for the parts that read as names."""
    text = surname_last(text.strip())
    marked = [
        (recase_name(strip_lead_words(name), spellings), gender)
        for name, gender in marked_names(text)
    ]
    if marked:
        return marked
    out: list[tuple[str, str]] = []
    for part in re.split(r"\s*(?:,|;|:\s|\band\b|&)\s*", text):
        part = re.split(r"\s+[-–—(]", part)[0].strip(" .")
        if part and is_name_like(part) and len(part.split()) >= 2:
            out.append((recase_name(part, spellings), ""))
    return out


def not_names(text: str, names: list[tuple[str, str]]) -> str:
    rest = fold(text)
    for name, _ in names:
        rest = rest.replace(fold(name), " ")
    rest = re.sub(r"\([^)]*\)", " ", rest)
    rest = re.sub(r"[\s,;.&]+|\band\b", " ", rest).strip()
    return rest


NOT_PERSON = {
    "amnesty",
    "international",
    "court",
    "party",
    "democratic",
    "republic",
    "supreme",
    "office",
    "ministry",
    "police",
    "prison",
    "the",
    "on",
    "in",
    "since",
    "according",
    "after",
    "before",
    "during",
    "human",
    "rights",
    "united",
    "nations",
    "state",
    "security",
    "prosecution",
    "criminal",
    "appeals",
    "general",
    "prosecutor",
    "president",
    "minister",
    "judge",
    "committee",
    "council",
    "public",
    "national",
    "federal",
    "army",
    "islam",
    "bureau",
    "he",
    "she",
    "they",
    "his",
    "her",
    "their",
    "this",
    "that",
    "these",
    "dr",
    "mr",
    "ms",
    "mrs",
    "urgent",
    "action",
    "chinese",
    "iranian",
    "saudi",
    "egyptian",
    "russian",
    "church",
    "high",
    "city",
    "district",
    "province",
    "region",
    "university",
    "school",
    "news",
    "bank",
}


def plausible_person(name: str) -> bool:
    words = name.split()
    if len(words) < 2 or len(words) > 4:
        return False
    if any(fold(w.strip(",.")) in NOT_PERSON for w in words):
        return False
    if any(country_name(w) for w in words) or country_name(name):
        return False
    months = {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    }
    return not any(fold(w) in months for w in words)


def gender_from_pronouns(text: str) -> str:
    low = f" {text.lower()} "
    female = len(re.findall(r"\b(?:she|her|hers|herself)\b", low))
    male = len(re.findall(r"\b(?:he|him|his|himself)\b", low))
    if female >= 2 and male == 0:
        return "f"
    if male >= 2 and female == 0:
        return "m"
    return ""
