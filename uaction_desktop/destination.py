"""The destination country line of an address, as posts want it (UPU practice, S42).

For mail abroad the last line of the address is the destination country in capitals, written in
the language of the country the letter is posted in (the sorting office there reads it), so a
writer in Berlin prints "VEREINIGTE STAATEN" and one in Leeds "UNITED STATES". Domestic mail has
no country line at all.
"""

from __future__ import annotations

import re
from functools import cache

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
}
_FORMAL = re.compile(
    r"^(the )?((islamic|arab|socialist|democratic|federal|people's|united|plurinational|"
    r"bolivarian|hashemite|oriental) )*(republic|kingdom|state|federation|sultanate|emirate)"
    r"( of( the)?)? "
)


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[.,()]", " ", text.casefold()).split())


@cache
def _codes() -> dict[str, str]:
    from babel import Locale

    names = {_plain(n): c for c, n in Locale("en").territories.items() if c.isalpha()}
    names.update(_ALIASES)
    return names


def country_code(text: str) -> str:
    """ "USA", "U.S.A.", "United States", "US" -> "US"; "Republic of Kazakhstan" -> "KZ";
    "" when the text names no country the app knows."""
    plain = _plain(text).removeprefix("the ")
    if not plain:
        return ""
    if len(plain) == 2 and plain.isalpha():
        from babel import Locale

        known = plain.upper() in Locale("en").territories
        return plain.upper() if known else _ALIASES.get(plain, "")
    codes = _codes()
    return codes.get(plain) or codes.get(_FORMAL.sub("", plain), "")


def writing_language(country: str) -> str:
    """The language post is addressed in, in the writer's country ("DE" -> "de"); English
    where the country is unknown."""
    code = country_code(country)
    if not code:
        return "en"
    from babel.languages import get_official_languages

    languages = get_official_languages(code, de_facto=True)
    return languages[0] if languages else "en"


def destination_line(country: str, writer_country: str) -> str:
    """The last line of an address in ``country`` for a letter posted in ``writer_country``:
    the country's name in capitals, in the writer's language where the app knows the name.
    An English-writing writer gets the case's own spelling ("USA"), a code spelled out."""
    code = country_code(country)
    language = writing_language(writer_country)
    written = " ".join(country.split())
    if not code or (language == "en" and len(written) > 2):
        return written.upper()
    from babel import Locale, UnknownLocaleError

    try:
        names = Locale.parse(language).territories
    except (ValueError, UnknownLocaleError):
        names = Locale("en").territories
    return (names.get(code) or Locale("en").territories[code]).upper()


def same_country(a: str, b: str) -> bool:
    """Whether two ways of writing a country name the same one ("UK", "United Kingdom")."""
    code_a, code_b = country_code(a), country_code(b)
    if code_a and code_b:
        return code_a == code_b
    return _plain(a).removeprefix("the ") == _plain(b).removeprefix("the ")
