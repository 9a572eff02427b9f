"""Countries and languages by name, so the parser can tell "Republic of Kazakhstan" is a place.

Names come from Babel's English territory and language lists (already a dependency), with the
official long forms and older names that Urgent Action documents use. Nothing here is fetched.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from babel import Locale

from uaction_desktop.importer.lexicon import lexicon

# Canonical names where Babel's display name is not what a letter or a case file would say.
_CANONICAL = {
    "US": "USA",
    "GB": "United Kingdom",
    "MM": "Myanmar",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "PS": "Palestine",
    "HK": "Hong Kong",
    "MO": "Macao",
    "KR": "South Korea",
    "KP": "North Korea",
}

# Other names for a territory code, as documents write them.
_ALIASES = {
    "US": ("united states of america", "united states", "u.s.a.", "u.s.a", "usa"),
    "GB": ("great britain", "england", "scotland", "wales", "northern ireland", "uk", "u.k."),
    "RU": ("russian federation",),
    "MM": ("burma",),
    "TR": ("turkey",),
    "CI": ("ivory coast", "cote d'ivoire"),
    "VN": ("viet nam",),
    "CZ": ("czech republic",),
    "SZ": ("swaziland",),
    "MK": ("macedonia",),
    "CD": ("democratic republic of congo", "dr congo", "drc", "congo-kinshasa"),
    "CG": ("republic of congo", "congo-brazzaville", "congo"),
    "PS": (
        "state of palestine",
        "occupied palestinian territories",
        "occupied palestinian territory",
        "palestinian territories",
        "palestinian authority",
    ),
    "KR": ("republic of korea",),
    "KP": ("democratic people's republic of korea", "dprk"),
    "TL": ("east timor",),
    "CV": ("cape verde",),
    "KG": ("kyrgyz republic",),
    "BN": ("brunei darussalam",),
    "LA": ("lao pdr", "lao people's democratic republic"),
    "NL": ("holland", "the netherlands"),
    "GM": ("the gambia",),
    "BS": ("the bahamas",),
    "HK": ("hong kong sar", "hong kong sar china"),
    "VA": ("holy see",),
    "SY": ("syrian arab republic",),
    "IR": ("islamic republic of iran",),
    "VE": ("bolivarian republic of venezuela",),
    "BO": ("plurinational state of bolivia",),
    "TZ": ("united republic of tanzania",),
    "MD": ("republic of moldova",),
}

# Official long forms: "Republic of Kazakhstan" is Kazakhstan.
_PREFIXES = (
    "the ",
    "people's republic of ",
    "democratic socialist republic of ",
    "socialist republic of ",
    "federal democratic republic of ",
    "federal republic of ",
    "islamic republic of ",
    "arab republic of ",
    "united republic of ",
    "republic of ",
    "hashemite kingdom of ",
    "kingdom of ",
    "state of ",
    "sultanate of ",
    "emirate of ",
    "commonwealth of ",
    "principality of ",
    "grand duchy of ",
    "federation of ",
)

# Irregular demonyms; regular ones ("Egyptian", "Iranian", "Kazakhstani") are derived.
_DEMONYMS = {
    "saudi": "SA",
    "turkish": "TR",
    "french": "FR",
    "spanish": "ES",
    "british": "GB",
    "filipino": "PH",
    "afghan": "AF",
    "uzbek": "UZ",
    "tajik": "TJ",
    "kyrgyz": "KG",
    "kazakh": "KZ",
    "turkmen": "TM",
    "dutch": "NL",
    "swiss": "CH",
    "greek": "GR",
    "thai": "TH",
    "lao": "LA",
    "emirati": "AE",
    "bahraini": "BH",
    "american": "US",
    "burmese": "MM",
    "palestinian": "PS",
    "israeli": "IL",
    "belarusian": "BY",
    "ukrainian": "UA",
    "polish": "PL",
    "cuban": "CU",
    "chinese": "CN",
    "egyptian": "EG",
    "iranian": "IR",
    "iraqi": "IQ",
    "russian": "RU",
    "colombian": "CO",
    "mexican": "MX",
    "sudanese": "SD",
    "vietnamese": "VN",
    "north korean": "KP",
    "south korean": "KR",
}

_LANGUAGE_ALIASES = {"farsi": "Persian", "mandarin": "Chinese", "cantonese": "Chinese"}
_JOINING = {"of", "the", "to", "in", "for", "and", "from", "de", "du", "la"}
_NOT_LANGUAGES = {"your", "own", "language", "the", "or", "and"}


def fold(text: str) -> str:
    """Lower case, no accents, straight apostrophes: how names are compared."""
    if text.isascii():
        return text.casefold()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("’", "'").replace("‘", "'").casefold()


@cache
def _territories() -> dict[str, str]:
    """Territory code -> canonical English name (real countries and territories only)."""
    names = Locale("en").territories
    out: dict[str, str] = {}
    for code, name in names.items():
        if len(code) != 2 or not code.isalpha() or code in {"ZZ", "EU", "EZ", "UN", "QO"}:
            continue
        if code.startswith("X"):
            continue
        out[code] = _CANONICAL.get(code, re.sub(r"\s*\(.*?\)", "", name).strip())
    return out


@cache
def _country_index() -> dict[str, str]:
    """Folded name or alias -> canonical name."""
    territories = _territories()
    index: dict[str, str] = {}
    for code, canonical in territories.items():
        index[fold(canonical)] = canonical
        index[fold(Locale("en").territories[code])] = canonical
    for code, aliases in _ALIASES.items():
        for alias in aliases:
            index[fold(alias)] = territories[code]
    lex = lexicon()
    for language in lex.languages:  # "KOLUMBIEN", "Pérou", "Türkei": the same countries
        try:
            names = Locale(language).territories
        except (ValueError, LookupError):
            continue
        for code, canonical in territories.items():
            name = names.get(code)
            if name and len(name) >= 4:
                index.setdefault(fold(re.sub(r"\s*\(.*?\)", "", name).strip()), canonical)
    for code, aliases in lex.countries.items():
        for alias in aliases:
            if code in territories:
                index.setdefault(fold(alias), territories[code])
    return index


def country_name(text: str) -> str | None:
    """The canonical country for text that is exactly a country name (in any of its forms)."""
    key = fold(text).strip(" .,;:()-\t")
    key = re.sub(r"\s+", " ", key)
    if not key or len(key) > 60:
        return None
    index = _country_index()
    while True:
        if key in index:
            return index[key]
        for prefix in _PREFIXES:
            if key.startswith(prefix):
                key = key[len(prefix) :]
                break
        else:
            return None


def trailing_country(text: str) -> tuple[str, str] | None:
    """Split "1050 Bruxelles, Belgium" or "Riyadh Kingdom of Saudi Arabia" into (rest, country
    as written) when the text ends with a country name of up to six words."""
    words = text.rstrip(" .,;").split()
    for size in range(min(6, len(words)), 0, -1):
        tail = " ".join(words[-size:])
        if country_name(tail):
            rest = " ".join(words[:-size]).rstrip(" ,;")
            if rest.split()[-1:] and rest.split()[-1].lower() in _JOINING:
                continue  # "Embassy of the Republic of Kazakhstan" is not an address
            return rest, tail.strip(" ,;")
    return None


@cache
def _demonym_index() -> dict[str, str]:
    territories = _territories()
    out: dict[str, str] = {}
    for name in territories.values():
        if " " in name or "-" in name or len(name) < 4:
            continue
        low = fold(name)
        stems = {low, low[:-1]} if low[-1] in "aeyo" else {low}
        for stem in stems:
            for suffix in ("ian", "an", "n", "i", "ese"):
                out.setdefault(stem + suffix, name)
    for word, code in _DEMONYMS.items():
        out[word] = territories[code]
    return out


def countries_mentioned(text: str) -> list[str]:
    """Every country named or implied (by a demonym) in running text, in order, repeats kept."""
    found: list[str] = []
    index = _country_index()
    demonyms = _demonym_index()
    words = re.findall(r"[A-Z][\w’'-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w’'-]*){0,3}", text)
    for phrase in words:
        tokens = phrase.split()
        # longest country name inside the capitalised phrase, else a demonym
        hit = None
        for size in range(len(tokens), 0, -1):
            for start in range(0, len(tokens) - size + 1):
                chunk = re.sub(r"[’']s$", "", " ".join(tokens[start : start + size]))
                key = fold(chunk)
                if key in index and (size > 1 or len(key) > 3 or chunk.isupper()):
                    hit = index[key]
                    break
                if size == 1 and key.rstrip("s") in demonyms:
                    hit = demonyms[key.rstrip("s")]
                    break
            if hit:
                break
        if hit:
            found.append(hit)
    return found


@cache
def _language_index() -> dict[str, str]:
    out: dict[str, str] = {}
    for name in Locale("en").languages.values():
        if re.fullmatch(r"[A-Z][a-z]+", name):
            out[name.casefold()] = name
    for alias, name in _LANGUAGE_ALIASES.items():
        out[alias] = name
    return out


def language_name(word: str) -> str | None:
    """ "Russian" -> "Russian"; "Farsi" -> "Persian"; anything else -> None."""
    word = word.strip(" .,;:()")
    if word.casefold() in _NOT_LANGUAGES or not word[:1].isupper():
        return None
    return _language_index().get(word.casefold())


@cache
def _foreign_language_index() -> dict[str, str]:
    """Folded language names in the word lists' other languages -> English ("russisch",
    "anglais", "inglés" -> "Russian", "English", "English"), from Babel's names."""
    from uaction_desktop.importer.lexicon import lexicon

    english = Locale("en").languages
    out: dict[str, str] = {}
    for language in lexicon().languages:
        if language == "en":
            continue
        for code, name in Locale.parse(language).languages.items():
            if len(code) == 2 and code in english and re.fullmatch(r"[^\W\d_]+", name):
                out.setdefault(fold(name), english[code])
    return out


def foreign_language_name(word: str) -> str | None:
    """ "Russisch" / "russe" / "ruso" -> "Russian"; an English name as :func:`language_name`."""
    return language_name(word) or _foreign_language_index().get(fold(word))


_US_STATES = tuple(
    re.findall(
        r"[A-Z]{2}",
        "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV "
        "NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY",
    )
)
US_ZIP_RE = re.compile(r"\b(?:" + "|".join(_US_STATES) + r"|D\.C\.)\.?,?\s+\d{5}(?:-\d{4})?\b")
UK_POSTCODE_RE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b")


def postal_country(line: str) -> str | None:
    """ "Washington DC 20036" -> "USA"; "London W8 4QP" -> "United Kingdom"."""
    if US_ZIP_RE.search(line):
        return "USA"
    if UK_POSTCODE_RE.search(line):
        return "United Kingdom"
    return None


def is_state_code(word: str) -> bool:
    return word.strip(".,").upper() in _US_STATES and word.strip(".,").isupper()
