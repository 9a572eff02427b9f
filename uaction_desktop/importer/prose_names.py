"""People named in running text, in any language of the word lists: names a text keeps using,
names listed together ("A, B and C", "A und B"), and names in the title.

German writes every noun with a capital, so capitals alone do not make a name: a capitalised
word that the text ever writes right after an article or preposition ("der Oberste
Gerichtshof", "das Foto") is a noun, and a word the text also writes in lower case is a
common word. What is left, two to five words long, is a candidate.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from difflib import SequenceMatcher
from functools import cache

from uaction_desktop.importer.dates import month_number
from uaction_desktop.importer.lexicon import document_language, fold, lexicon
from uaction_desktop.importer.people import NOT_PERSON
from uaction_desktop.importer.places import country_name

_TOKEN_RE = re.compile(r"[^\W\d_][\w’'.-]*|[,;()]|\S")
_PARTICLES = frozenset(
    [
        "al",
        "el",
        "bin",
        "bint",
        "ibn",
        "abu",
        "ben",
        "de",
        "da",
        "das",
        "dos",
        "do",
        "del",
        "della",
        "di",
        "du",
        "la",
        "le",
        "van",
        "von",
        "der",
        "den",
        "y",
        "e",
        "ter",
    ]
)
_AND = frozenset({"and", "und", "et", "y", "en", "e", "&"})


@cache
def _articles() -> frozenset[str]:
    return lexicon().folded("articles")


@cache
def _weekdays() -> frozenset[str]:
    return lexicon().folded("weekdays")


@cache
def _name_titles() -> frozenset[str]:
    return lexicon().folded("name_titles")


_ALIAS_RE = re.compile(
    r",\s*(?:also\s+|better\s+)?(?:known\s+as|alias|auch\s+bekannt\s+als|genannt|dit|dite|"
    r"connu\s+sous\s+le\s+nom\s+de|conocido\s+como|conocida\s+como|alias)\s+[^,;]{1,60}",
    re.IGNORECASE,
)


def _tokens(text: str) -> list[str]:
    text = re.sub(r"\((?:oder|or|ou|o|of)\s[^()]{1,40}\)", " ", text)  # "(oder Sarami)"
    text = _ALIAS_RE.sub("", text)  # "A, known as B (a nickname), C and D": B is A
    text = re.sub(r"(?<![\w])([dlDL]|[qQ]u)['’](?=[^\W\d_])", r"\1' ", text)  # "d'Idriss"
    return _TOKEN_RE.findall(text)


def _nouns(tokens: list[str], text: str) -> set[str]:
    """Capitalised words the text also uses as nouns or common words."""
    articles = _articles()
    places = lexicon().folded("place_prepositions")
    own = {
        fold(w) for w in lexicon().by_language.get(document_language(text), {}).get("articles", [])
    }
    out = {fold(w) for w in re.findall(r"(?<![\w’'-])[a-zäöüéèàçñ][\w’'-]*", text)}
    place = False  # inside a run of capitalised words after "in", "aus", "en"
    before = ""
    for previous, token in itertools.pairwise(tokens):
        key = fold(previous)
        # a capitalised particle inside a sentence starts a name ("prisoners Le Van Tam")
        inside = previous[:1].isupper() and before[:1].islower() and key in _PARTICLES
        before = previous
        place = token[:1].isupper() and (key in places or (place and previous[:1].isupper()))
        if place:
            out.add(fold(token))
        # "de", "la", "der" are articles in one language and name particles in another
        # ("photos de Gladys Lanza", "von der Leyen"): only a capitalised one starts a noun
        ambiguous = key in _PARTICLES and not previous[:1].isupper() and key not in own
        if key in articles and not ambiguous and not inside and token[:1].isupper():
            out.add(fold(token))
    return out - _PARTICLES - _name_titles()


def _is_word(token: str, nouns: set[str]) -> bool:
    """A word that can be part of a person's name."""
    key = fold(token.rstrip("."))
    if key in _PARTICLES or re.match(
        r"^(?:al|el|ad|as|ash|at|az|an|ar|abu|bin|ibn)[-’'][^\W\d_]", key
    ):
        return True
    if not token[:1].isupper() or key in nouns or key in NOT_PERSON or key in _articles():
        return False
    if month_number(token) or country_name(token) or key in _weekdays():
        return False
    if re.search(r"[a-zäöüß][A-ZÄÖÜ]", token[3:]):  # "MitarbeiterInnen", not "McDonald"
        return False
    return len(key) > 1 or token.endswith(".")


def _runs(tokens: list[str], nouns: set[str]) -> list[tuple[int, int]]:
    """(start, end) of each run of name words, trimmed of particles at its ends, with a
    title such as "Pater" or "Reverend" kept in front."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        start = i
        while i < len(tokens) and (
            _is_word(tokens[i], nouns)
            or (fold(tokens[i]) in _name_titles() and i == start)
            or (i > start and _surname_like_country(tokens, i, nouns))
        ):
            if i > start and fold(tokens[i]) in _name_titles():
                break  # "Protect Fray Ana Lima": a name's title starts the name
            i += 1
            if _ends_sentence(tokens[i - 1]):
                break  # "... and Tran Anh Kim's. If you ...": the name ends with the sentence
        end = i
        while end > start and fold(tokens[end - 1]) in _PARTICLES:
            end -= 1
        # a particle in capitals before a name is part of it ("Le Van Tam", "De Souza")
        while start < end and fold(tokens[start]) in _PARTICLES and not _leads(tokens, start):
            start += 1
        core = [t for t in tokens[start:end] if fold(t) not in _name_titles()]
        if 2 <= len(core) <= 5 and not all(fold(t) in _PARTICLES for t in core):
            runs.append((start, end))
        i = max(i, start) + 1 if i == start else i
    return runs


def _surname_like_country(tokens: list[str], i: int, nouns: set[str]) -> bool:
    """A surname that is also a country's name ("Ana Jordan") ends a name inside a list:
    the word after it is a comma, a semicolon or "and"."""
    after = fold(tokens[i + 1]) if i + 1 < len(tokens) else ""
    token = tokens[i]
    return (
        bool(country_name(token))
        and token[:1].isupper()
        and fold(token) not in nouns
        and (after in (",", ";") or after in _AND)
    )


def _recurring_parts(counts: Counter[str]) -> list[str]:
    """Names that recur only inside longer runs: German runs a capitalised noun into a name
    ("Künstler Ana Lima", later "Aufenthaltsort von Ana Lima"). The parts of two words or
    more that two runs share (spelling variants merged), longest first, at most three."""
    parts: Counter[str] = Counter()
    for name, count in counts.items():
        for part in dict.fromkeys(_sub_runs(name)):
            words = part.split()
            if words[0][:1].isupper() and words[-1][:1].isupper():
                parts[part] += count
    merged = _merge_spellings(parts)
    found = [n for n, c in merged.items() if c >= 2 and not country_name(n)]
    found = [n for n in found if not any(n != o and n in o for o in found)]
    return sorted(found, key=lambda n: -merged[n])[:3]


def _merge_spellings(counts: Counter[str]) -> Counter[str]:
    """A name the text spells two ways ("Ana Dadaeva", later "Ana Dadayeva") counted
    once, under the spelling it uses first: same first name, a surname one or two letters
    apart."""
    merged: Counter[str] = Counter()
    for name, count in counts.items():
        words = name.split()
        for kept in merged:
            other = kept.split()
            if (
                len(other) == len(words) >= 2
                and other[:-1] == words[:-1]
                and min(len(other[-1]), len(words[-1])) >= 5
                and SequenceMatcher(None, fold(other[-1]), fold(words[-1])).ratio() >= 0.8
            ):
                merged[kept] += count
                break
        else:
            merged[name] += count
    return merged


def _sub_runs(name: str) -> list[str]:
    """Every run of two words or more inside a name, longest first: a title in capitals runs
    its name into the words around it ("UM TROY DAVIS VOR")."""
    words = name.split()
    return [
        " ".join(words[a:b])
        for size in range(len(words), 1, -1)
        for a in range(len(words) - size + 1)
        for b in [a + size]
    ]


def _ends_sentence(token: str) -> bool:
    """A word with a full stop after it that is not an initial ("A.") or an abbreviation a
    name is written with ("Rev.", "Dr.")."""
    if not token.endswith(".") or len(token.rstrip(".")) <= 1:
        return False
    return fold(token) not in _name_titles() and fold(token) not in _abbreviations()


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(w for w in lexicon().folded("honorifics") if w.endswith("."))


def _leads(tokens: list[str], i: int) -> bool:
    """A capitalised particle that begins a name, not a sentence: the word before it is a
    lower-case word of the same sentence."""
    if not tokens[i][:1].isupper() or i == 0:
        return False
    before = tokens[i - 1]
    # inside a sentence, or the next item of a list ("..., Do Thi Hoa and ...")
    return before[:1].islower() or (before in (",", ";") and i > 1)


def _name(tokens: list[str], run: tuple[int, int]) -> str:
    name = " ".join(tokens[run[0] : run[1]]).strip(" .")
    return re.sub(r"[’']s$|(?<=s)[’']$", "", name).strip(" .")  # "Ana's", "Jonas'"


def listed_names(text: str) -> list[str]:
    """Names listed together: "A, B, C and D", "A und B" (every item a name of two words or
    more, the list two long at least and ended by 'and' or three long at least)."""
    tokens = _tokens(text)
    nouns = _nouns(tokens, text)
    runs = _runs(tokens, nouns)
    found: list[str] = []
    group: list[tuple[int, int]] = []
    joined_by_and = False

    def close() -> None:
        if len(group) >= 3 or (len(group) == 2 and joined_by_and):
            found.extend(_name(tokens, r) for r in group)

    for run in runs:
        if group:
            between = [fold(t) for t in tokens[group[-1][1] : run[0]]]
            if between in ([","], [";"]) or (len(between) == 1 and between[0] in _AND):
                joined_by_and = joined_by_and or between[0] in _AND
                group.append(run)
                continue
            if len(between) == 2 and between[0] == "," and between[1] in _AND:
                joined_by_and = True
                group.append(run)
                continue
            close()
        group, joined_by_and = [run], False
    if group:
        close()
    return list(dict.fromkeys(found))


def recurring_names(text: str, title: str = "") -> list[str]:
    """Names in the title, else names the text writes at least twice (at most three), longest
    form first: a guess, for a document with no name lines or markers."""
    tokens = _tokens(text)
    nouns = _nouns(tokens, f"{text}\n{title}")
    counts: Counter[str] = _merge_spellings(Counter(_name(tokens, r) for r in _runs(tokens, nouns)))
    if title:
        title_tokens = _tokens(title)
        in_title = [_name(title_tokens, r) for r in _runs(title_tokens, nouns)]
        if in_title:
            # a title's capitalised words are not names by themselves (a title in capitals or
            # Title Case, German nouns): keep the runs the text also writes as a name
            # ("TROY DAVIS" and "Troy Davis"), or that a name's title starts ("Fray ...")
            written = {fold(n): n for n in counts}
            kept = []
            for n in in_title:  # the longest part of each run that is a name
                part = next(
                    (
                        p
                        for p in _sub_runs(n)
                        if fold(p) in written or fold(p.split()[0]) in _name_titles()
                    ),
                    None,
                )
                if part:
                    kept.append(
                        written[fold(part)] if part.isupper() and fold(part) in written else part
                    )
            in_title = kept
        if in_title:
            return list(dict.fromkeys(in_title))
    names = [n for n, c in counts.most_common() if c >= 2 and not country_name(n)][:3]
    if not names:
        names = _recurring_parts(counts)
    opening = _runs(tokens[:6], nouns)
    if opening and opening[0][0] == 0:  # the text opens with a name: "Alan Smith was freed"
        first = _name(tokens, opening[0])
        verb = tokens[opening[0][1] : opening[0][1] + 1]
        if first not in names and verb and verb[0][:1].islower() and not country_name(first):
            names.insert(0, first)
    return [n for n in names if not any(n != o and n in o for o in names)]
