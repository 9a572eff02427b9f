"""Words that tell a title from a name from an organisation, and the casing of all three.

Kept as plain vocabularies: an official's block is "title, name, office, address" in some order,
and these words are what a human reader uses to tell the parts apart.
"""

from __future__ import annotations

import re
import unicodedata

from uaction_desktop.importer.lexicon import lexicon
from uaction_desktop.importer.places import country_name, fold
from uaction_desktop.salutations import leading_honorific


def _vocabulary(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _lexicon_words(key: str) -> frozenset[str]:
    """Every single word of a word list in the language files, folded."""
    return frozenset(fold(w) for phrase in lexicon().word_list(key) for w in phrase.split())


# Words that make a line an official's title ("Minister", "Generalstaatsanwalt", "Fiscal").
TITLE_WORDS = _lexicon_words("titles") - {"of", "de", "la", "the"}

# Honorifics, most words first; matched case-insensitively at the start of a line.
HONORIFICS = tuple(
    sorted(
        {fold(h) for h in lexicon().word_list("honorifics")},
        key=lambda h: (-len(h.split()), -len(h)),
    )
)

# Words that make a line an office ("Embassy", "Ministerio", "Botschaft").
ORG_WORDS = _lexicon_words("organisations")
_ORG_LEAD = frozenset({"royal", "permanent", "high", "national", "supreme", "federal", "general"})

NAME_PARTICLES = _vocabulary(
    """
    al el bin bint ibn abu ben de da das dos do del della di du la le van von der den y e ter
    """
)
_CONNECTORS = frozenset({"of", "the", "for", "and", "&", "on", "de", "la", "del", "des", "du"})


def words(text: str) -> list[str]:
    return text.split()


def bare(word: str) -> str:
    """A word without the punctuation around it, folded: "Kazykhanov," -> "kazykhanov"."""
    return fold(word.strip(" ,;:()[]\"“”'’."))


def is_title_word(word: str) -> bool:
    return bare(word) in TITLE_WORDS


def is_org_word(word: str) -> bool:
    return bare(word) in ORG_WORDS


def starts_org(tokens: list[str], i: int = 0) -> bool:
    """An organisation begins at token i: "Embassy ...", "Office of ...", "Royal Court"."""
    if i >= len(tokens):
        return False
    if is_org_word(tokens[i]) and tokens[i][:1].isupper():
        return True
    return (
        bare(tokens[i]) in _ORG_LEAD
        and i + 1 < len(tokens)
        and is_org_word(tokens[i + 1])
        and tokens[i + 1][:1].isupper()
    )


_HONORIFIC_PARTS = [h.split() for h in HONORIFICS]
_HONORIFIC_FIRST = frozenset(parts[0] for parts in _HONORIFIC_PARTS)


def honorific_length(tokens: list[str], i: int = 0) -> int:
    """How many tokens from i form honorifics ("HIS EXCELLENCY DR" -> 3)."""
    start = i
    while i < len(tokens) and fold(tokens[i]).rstrip(",") in _HONORIFIC_FIRST:
        folded = [fold(t).rstrip(",") for t in tokens[i : i + 3]]
        for parts in _HONORIFIC_PARTS:
            if folded[: len(parts)] == parts:
                i += len(parts)
                break
        else:
            break
    return i - start


def name_token(word: str) -> bool:
    """A word that can be part of a person's name: capitalised, a particle, or "al-Rashid"."""
    core = word.strip(",;()")
    if not core or any(ch.isdigit() for ch in core) or "@" in core or "/" in core:
        return False
    low = fold(core)
    if low in NAME_PARTICLES:
        return True
    if re.match(r"^(al|el|ad|ar|as|at|an|ash|az|abu|bin|ibn|ben|o|d)['’-]", low):
        return True
    letter = core.lstrip("'’")[:1]
    return letter.isupper() and bool(re.match(r"^['’]?[\w.'’-]+$", core))


def is_name_like(text: str) -> bool:
    """A line that reads as a person's name: 1-6 name words, no titles, offices or digits."""
    tokens = words(text.strip().rstrip(","))
    # particles do not count: "Khalid bin Ali bin Abdullah Al Khalifa" is a name of four
    counted = [t for t in tokens if fold(t.strip(",;()")) not in NAME_PARTICLES]
    if not tokens or not 1 <= len(counted) <= 6 or len(tokens) > 10:
        return False
    if ":" in text or "," in text.strip().rstrip(","):
        return False
    if honorific_length(tokens) or is_title_word(tokens[0]) or starts_org(tokens):
        return False
    if any(is_org_word(t) for t in tokens):
        return False
    if not tokens[0][:1].isupper():
        return False
    return all(name_token(t) for t in tokens)


def needs_recasing(text: str) -> bool:
    """True for "STUDENT DETAINED" and for broken capitals such as "websITE"."""
    letters = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 1]
    if not letters:
        return False
    if any(re.search(r"[a-z][A-Z]{2,}|^[a-z]+[A-Z]", w) for w in letters):
        return True
    upper = sum(1 for w in letters if w.isupper())
    return upper >= max(2, len(letters) * 0.6)


class Spellings:
    """How a document spells names in mixed case, to undo capitals: "UMANA" -> "Umaña".

    Built once per document (an index of its words), so looking up many names stays cheap.
    """

    def __init__(self, document: str) -> None:
        self.tokens = re.findall(r"[\w'’.-]+", document)
        self._index: dict[str, list[int]] | None = None
        self._cache: dict[str, str | None] = {}

    def _positions(self, word: str) -> list[int]:
        if self._index is None:
            self._index = {}
            for i, token in enumerate(self.tokens):
                self._index.setdefault(fold(token), []).append(i)
        return self._index.get(fold(word), [])

    def mixed_case(self, name: str) -> str | None:
        if name not in self._cache:
            # a document names a few people; past a few hundred lookups it is not a document
            self._cache[name] = self._lookup(name) if len(self._cache) < 300 else None
        return self._cache[name]

    def _lookup(self, name: str) -> str | None:
        words = name.split()
        target = [fold(w) for w in words]
        variants: dict[str, int] = {}
        for i in self._positions(words[0])[:300]:
            found = self.tokens[i : i + len(words)]
            if [fold(t) for t in found] != target:
                continue
            if not any(t.isupper() and len(t) > 1 for t in found):
                text = " ".join(found)
                variants[text] = variants.get(text, 0) + 1
        if not variants:
            return None
        # accents are what capitals lose, so the spelling with most of them wins
        return max(variants, key=lambda v: (sum(ord(c) > 127 for c in v), variants[v]))


def recase_name(name: str, spellings: Spellings | None = None) -> str:
    """ "Julio CASTAÑEDA ROJAS" -> "Julio Castañeda Rojas"; "Julio CASTANEDA" -> "Julio Castañeda"
    when the document spells it so in mixed case, else "Julio Castaneda"."""
    if not any(w.isupper() and len(w) > 1 for w in name.split()):
        return name
    if leading_honorific(name):  # "HE Omar Hassan Ahmed": His Excellency, not a surname
        return name
    found = spellings.mixed_case(name) if spellings is not None else None
    if found:
        return found
    return " ".join(_cap_word(w) if w.isupper() and len(w) > 1 else w for w in name.split())


def _cap_word(word: str) -> str:
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), word.lower())


def recase_title(text: str) -> str:
    """Capitals to title case for an official's title: "HIS EXCELLENCY DR" -> "His Excellency
    Dr"; connectors stay lower case."""
    if not needs_recasing(text):
        return text
    out = []
    for i, word in enumerate(text.split()):
        low = word.lower()
        out.append(low if i and low in _CONNECTORS else _cap_word(word))
    return " ".join(out)


_NOT_DECOMPOSED = str.maketrans(
    {
        "ß": "ss",
        "ẞ": "SS",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ł": "l",
        "Ł": "L",
        "ı": "i",
        "þ": "th",
        "ð": "d",
    }
)


def slug(text: str) -> str:
    """A case-file id: lower-case ASCII words joined by dashes, at most 40 characters."""
    # letters NFKD does not take apart: "AUßENMINISTER" -> "aussenminister", not "auenminister"
    text = text.translate(_NOT_DECOMPOSED)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(out) > 40:
        out = out[:40].rsplit("-", 1)[0] or out[:40]
    return out


def official_id(title: str, name: str, taken: set[str]) -> str:
    """ "Prosecutor General" -> "prosecutor-general"; honorifics alone do not make an id."""
    tokens = title.split()
    skip = honorific_length(tokens)
    base = slug(" ".join(tokens[skip:])) or slug(name) or "official"
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    taken.add(candidate)
    return candidate


def sentence_case(text: str, document: str) -> str:
    """ "woman detained for reading opposition websITE" -> "Woman detained for reading
    opposition website". Names keep their capital when the document writes them so elsewhere
    (places, people); short acronyms the document also writes in capitals stay."""
    body = document.replace(text, " ")
    capitalised = {
        re.sub(r"[’']s$", "", w) for w in re.findall(r"(?<=[a-z,;] )([A-Z][a-z][\w’'-]*)", body)
    }
    lower = set(re.findall(r"\b([a-z][\w’'-]*)", body))
    normal = "\n".join(line for line in body.splitlines() if not needs_recasing(line))
    acronyms = set(re.findall(r"\b([A-Z]{2,5})\b", normal))
    out: list[str] = []
    for n, word in enumerate(text.split()):
        core = re.sub(r"^\W+|\W+$", "", word)
        low = word.lower()
        if core in acronyms and core.isupper():
            out.append(word)
        elif (core.capitalize() in capitalised and core.lower() not in lower) or country_name(core):
            out.append(low.replace(core.lower(), core.capitalize(), 1))
        elif n == 0:
            out.append(re.sub(r"[^\W\d_]", lambda m: m.group(0).upper(), low, count=1))
        else:
            out.append(low)
    return " ".join(out)
