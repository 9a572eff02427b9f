"""The destination country line of an address, as posts want it (UPU practice, S42).

For mail abroad the last line of the address is the destination country in capitals, written in
the language of the country the letter is posted in (the sorting office there reads it), so a
writer in Berlin prints "VEREINIGTE STAATEN" and one in Leeds "UNITED STATES". Domestic mail has
no country line at all.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from uaction_desktop.resources import resource_path

_ALIASES = {
    "usa": "US",
    "us": "US",
    "u s a": "US",
    "u s": "US",
    "united states of america": "US",
    "america": "US",
    "uk": "GB",
    "u k": "GB",
    "great britain": "GB",
    "britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "russia": "RU",
    "iran": "IR",
    "syria": "SY",
    "south korea": "KR",
    "north korea": "KP",
    "vietnam": "VN",
    "laos": "LA",
    "turkey": "TR",
    "turkiye": "TR",
    "türkiye": "TR",
    "czech republic": "CZ",
    "ivory coast": "CI",
    "burma": "MM",
    "uae": "AE",
    "palestine": "PS",
    # Official (UN) names as documents print them.
    "russian federation": "RU",
    "republic of korea": "KR",
    "korea republic of": "KR",
    "democratic people's republic of korea": "KP",
    "korea democratic people's republic of": "KP",
    "viet nam": "VN",
    "lao people's democratic republic": "LA",
    "syrian arab republic": "SY",
    "iran islamic republic of": "IR",
    "bolivia plurinational state of": "BO",
    "venezuela bolivarian republic of": "VE",
    "united republic of tanzania": "TZ",
    "republic of moldova": "MD",
    "state of palestine": "PS",
    "occupied palestinian territories": "PS",
    "democratic republic of the congo": "CD",
    "democratic republic of congo": "CD",
    "drc": "CD",
    "republic of the congo": "CG",
    "holy see": "VA",
    "eswatini": "SZ",
    "swaziland": "SZ",
    "cabo verde": "CV",
    "macedonia": "MK",
    "the gambia": "GM",
    "east timor": "TL",
    "bundesrepublik deutschland": "DE",
    "republique francaise": "FR",
    "reino de espana": "ES",
    "kingdom of spain": "ES",
    "republik osterreich": "AT",
    "schweizerische eidgenossenschaft": "CH",
    "confederation suisse": "CH",
    "estados unidos de america": "US",
    "estados unidos mexicanos": "MX",
    "etats-unis d'amerique": "US",
    "vereinigte staaten von amerika": "US",
    "royaume-uni de grande-bretagne et d'irlande du nord": "GB",
    "united kingdom of great britain and northern ireland": "GB",
    "russische foderation": "RU",  # German's official name is an adjective and a noun
}
_FORMAL = re.compile(
    r"^(the )?((islamic|arab|socialist|democratic|federal|people's|united|plurinational|"
    r"bolivarian|hashemite|oriental) )*(republic|kingdom|state|federation|sultanate|emirate)"
    r"( of( the)?)? "
    # "Republik Kasachstan", "Islamische Republik Iran", "Sozialistische Republik Vietnam"
    r"|^((islamische|arabische|sozialistische|demokratische|foderative|vereinigte|"
    r"bolivarische|plurinationale|haschemitische|orientalische) )*"
    r"(volksrepublik|bundesrepublik|republik|konigreich|staat|sultanat|emirat)( der| des)? "
    # "République du Kazakhstan", "République islamique d'Iran", "Royaume du Maroc"
    r"|^(republique|royaume|etat|federation|sultanat|emirat)( (islamique|arabe|socialiste|"
    r"democratique|populaire|federale|federative|unie|bolivarienne|plurinationale|"
    r"hachemite|orientale))* (de la |du |de l'|des |de |d')"
    # "República de Kazajistán", "República Islámica de Irán", "Reino de Marruecos"
    r"|^(republica|reino|estado|federacion|sultanato|emirato)( (islamica|arabe|socialista|"
    r"democratica|popular|federal|federativa|unida|bolivariana|plurinacional|hachemita|"
    r"oriental))* (de la |del |de los |de las |de )"
)


def _plain(text: str) -> str:
    """Lower case, no accents, one kind of apostrophe: "Côte d’Ivoire" = "cote d'ivoire"."""
    text = unicodedata.normalize("NFKD", text.casefold().replace("’", "'").replace("`", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[.,()]", " ", text).split())


@cache
def _codes() -> dict[str, str]:
    """Every name the app knows a country by: Babel's names in English, French, Spanish and
    German and in the country's own official languages (``resources/countries/names.tsv``, made
    by :func:`names_table`), and the aliases above. A file, not Babel: reading it is quick."""
    names: dict[str, str] = {}
    path = resource_path("countries", "names.tsv")
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, _, name = line.partition("\t")
            names.setdefault(_plain(name), code)
            inner = re.match(r"^(.*?)\s*\((.*)\)$", name)  # "Myanmar (Burma)": both
            if inner:
                names.setdefault(_plain(inner.group(1)), code)
                names.setdefault(_plain(inner.group(2)), code)
    names.update(_ALIASES)
    return names


def known_names() -> frozenset[str]:
    """Every country name the app knows, folded as :func:`plain_name` folds text."""
    return frozenset(_codes())


def plain_name(text: str) -> str:
    """Text folded for comparing with country names: no case, accents or punctuation."""
    return " ".join(re.sub(r"[^\w\s'-]", " ", _plain(text)).split())


NAME_LANGUAGES = ("en", "fr", "es", "de")


def names_table() -> str:
    """The text of ``resources/countries/names.tsv``, from Babel (tests check the file is it)."""
    from babel import Locale, UnknownLocaleError
    from babel.languages import get_official_languages

    rows: dict[tuple[str, str], None] = {}
    english = Locale("en").territories
    for code in sorted(c for c in english if c.isalpha() and len(c) == 2):
        languages = [*NAME_LANGUAGES, *get_official_languages(code, de_facto=True)]
        for language in dict.fromkeys(languages):
            try:
                name = Locale.parse(language).territories.get(code)
            except (ValueError, UnknownLocaleError):
                continue
            if name:
                rows[(code, name)] = None
    header = (
        "# Country names by ISO 3166 code, from Babel's territory names in en, fr, es, de and\n"
        "# in each country's official languages. Made by uaction_desktop.destination.names_table\n"
    )
    return header + "".join(f"{code}\t{name}\n" for code, name in rows)


def country_code(text: str) -> str:
    """ "USA", "U.S.A.", "United States", "US" -> "US"; "Republic of Kazakhstan" -> "KZ";
    "" when the text names no country the app knows."""
    plain = _plain(text).removeprefix("the ")
    if not plain:
        return ""
    if len(plain) == 2 and plain.isalpha():
        known = plain.upper() in set(_codes().values())
        return plain.upper() if known else _ALIASES.get(plain, "")
    codes = _codes()
    return codes.get(plain) or codes.get(_FORMAL.sub("", plain), "")


def line_country(line: str) -> str:
    """The country an address line is or ends with, as a code: "RUSSISCHE FÖDERATION",
    "125993 Moskau, Russische Föderation", "Astana 010000 Republic of Kazakhstan"; else ""."""
    words = _plain(line).split()
    for start in range(max(0, len(words) - 6), len(words)):
        code = country_code(" ".join(words[start:]))
        if code:
            return code
    return ""


def split_country(line: str) -> tuple[str, str]:
    """An address line without the country it ends with, and that country's code:
    "Khartoum, SUDAN" -> ("Khartoum", "SD"); "KINGDOM OF SAUDI ARABIA" -> ("", "SA");
    (line, "") where it names none."""
    words = line.split()
    for start in range(max(0, len(words) - 6), len(words)):
        code = country_code(" ".join(words[start:]))
        if code:
            return " ".join(words[:start]).rstrip(" ,;-–—"), code
    return line, ""


def writing_language(country: str) -> str:
    """The language post is addressed in, in the writer's country ("DE" -> "de"); English
    where the country is unknown."""
    code = country_code(country)
    if not code:
        return "en"
    from babel.languages import get_official_languages

    languages = get_official_languages(code, de_facto=True)
    return languages[0] if languages else "en"


# Names where Babel's short form ("Congo - Kinshasa", "Myanmar (Burma)") is not the one to
# write; by code, then language.
PROPER_NAMES = {
    "CD": {
        "en": "Democratic Republic of the Congo",
        "fr": "République démocratique du Congo",
        "es": "República Democrática del Congo",
        "de": "Demokratische Republik Kongo",
    },
    "CG": {
        "en": "Republic of the Congo",
        "fr": "République du Congo",
        "es": "República del Congo",
        "de": "Republik Kongo",
    },
    "CI": {"es": "Costa de Marfil"},
}


def territory_name(code: str, language: str) -> str:
    """Babel's name of ``code`` in ``language`` (English if it has none), with the overrides
    above and without a parenthesis ("Myanmar (Burma)" -> "Myanmar")."""
    from babel import Locale, UnknownLocaleError

    proper = PROPER_NAMES.get(code, {}).get(language)
    if proper:
        return proper
    try:
        name = Locale.parse(language).territories.get(code, "")
    except (ValueError, UnknownLocaleError):
        name = ""
    name = name or Locale("en").territories.get(code, code)
    return re.sub(r"\s*\(.*\)$", "", name)


def is_latin(text: str) -> bool:
    """Whether every letter of ``text`` is a Latin one (accents allowed): what a post office
    anywhere can read on an envelope."""
    return all(not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in text)


def line_languages(writer_country: str) -> tuple[str, ...]:
    """The languages a destination line may be written in from ``writer_country``, best first:
    its own, then French where French is official there (Morocco, Algeria, Tunisia: UPU's
    other language), then English. A name in another script than Latin is skipped (India,
    Japan, China, Korea, Israel, Egypt, Kazakhstan, ...: see :func:`destination_line`)."""
    language = writing_language(writer_country)
    code = country_code(writer_country)
    if language == "en" or not code:
        return ("en",)
    from babel.languages import get_official_languages

    french = ("fr",) if "fr" in get_official_languages(code, de_facto=True) else ()
    return tuple(dict.fromkeys((language, *french, "en")))


def destination_line(country: str, writer_country: str) -> str:
    """The last line of an address in ``country`` for a letter posted in ``writer_country``:
    the country's name in capitals, in the language of the writer's country where that name
    is written in Latin letters (else in French or English, as UPU allows: a post office
    anywhere reads those). From an English-writing country the case's own spelling stays
    ("USA") when it is English; a code is spelled out."""
    code = country_code(country)
    written = " ".join(country.split())
    if not code:
        return written.upper()
    for language in line_languages(writer_country):
        if language == "en" and len(written) > 2 and _is_english_name(written, code):
            return written.upper()
        name = territory_name(code, language)
        if is_latin(name):
            return _upper(name, language)
    return _upper(territory_name(code, "en"), "en")


def english_name(text: str) -> str:
    """A country as an English sentence names it: the text as written where it is English
    ("USA", "Republic of Kazakhstan"), else Babel's English name ("Deutschland" -> "Germany",
    "DE" -> "Germany"); unknown text as written."""
    code = country_code(text)
    written = " ".join(text.split())
    if not code or (len(written) > 2 and _is_english_name(written, code)):
        return written
    return territory_name(code, "en")


def _is_english_name(text: str, code: str) -> bool:
    from babel import Locale

    plain = _plain(text).removeprefix("the ")
    english = _plain(Locale("en").territories.get(code, ""))
    return (
        plain == english
        or _ALIASES.get(plain) == code
        or _plain(text) == _plain(territory_name(code, "en"))
        or _FORMAL.sub("", plain) == english
    )


def _upper(text: str, language: str) -> str:
    if language in ("tr", "az"):  # dotted capital İ
        text = text.replace("i", "İ")
    return text.upper()


def same_country(a: str, b: str) -> bool:
    """Whether two ways of writing a country name the same one ("UK", "United Kingdom")."""
    code_a, code_b = country_code(a), country_code(b)
    if code_a and code_b:
        return code_a == code_b
    return _plain(a).removeprefix("the ") == _plain(b).removeprefix("the ")


# Places within a country that share a country's name, after a comma: "Atlanta, Georgia".
_ALSO_PLACES = frozenset({"georgia", "jersey", "guernsey", "man", "chad", "jordan", "niger"})


def address_country(address: tuple[str, ...]) -> str:
    """The country an address's last line names ("United Kingdom", "UK", "75001 Paris,
    France"), else "". Two-letter lines other than UK and US are US states more often than
    countries ("IL", "CA"), so they name none."""
    last = " ".join(address[-1].split()) if address else ""
    candidates = [last]
    if "," in last:
        tail = last.rsplit(",", 1)[1].strip()
        if tail.casefold() not in _ALSO_PLACES:
            candidates.append(tail)
    for text in candidates:
        plain = text.replace(".", "").strip()
        if len(plain) == 2 and plain.upper() not in ("UK", "US"):
            continue
        if country_code(text):
            return text
    return ""
