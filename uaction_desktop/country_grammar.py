"""Country names inside a letter's sentences: "au Kazakhstan", "in der Türkei", "desde el Reino
Unido".

Names come from Babel's territory names in the letter's language; the preposition and article
each language puts before them follow its rules, with the exceptions listed here (French genders
and islands, German articles, Spanish articles). A country the app cannot name is written as the
case gives it, in a form that needs no article.
"""

from __future__ import annotations

from functools import cache

from uaction_desktop.destination import country_code, territory_name

# French: plural names ("aux États-Unis"), masculine names ending in -e ("au Mexique"), feminine
# names not ending in -e ("en Sierra Leone"), and islands and city states that take no article
# ("à Cuba", "de Cuba").
_FR_PLURAL = {"US", "NL", "PH", "AE", "KM", "MV", "SC", "BS", "FJ", "MH", "SB", "PS", "VI", "VG"}
_FR_MASCULINE_E = {"MX", "KH", "MZ", "ZW", "BZ", "GB"}
_FR_FEMININE = {"SL", "CD", "CG"}
_FR_NO_ARTICLE = {
    "CU",
    "HT",
    "MG",
    "MT",
    "CY",
    "SG",
    "TW",
    "BH",
    "MU",
    "HK",
    "MO",
    "MC",
    "DJ",
    "ST",
    "LC",
    "TT",
    "PR",
    "BN",
    "OM",
    "KN",
    "AG",
    "VC",
    "DM",
}

# German: names that take an article (dative after "in"/"aus"): "in der Türkei", "im Iran",
# "in den USA", "auf den Philippinen".
_DE_IN_FROM = {
    "TR": ("in der Türkei", "aus der Türkei"),
    "CH": ("in der Schweiz", "aus der Schweiz"),
    "UA": ("in der Ukraine", "aus der Ukraine"),
    "SK": ("in der Slowakei", "aus der Slowakei"),
    "MN": ("in der Mongolei", "aus der Mongolei"),
    "CF": ("in der Zentralafrikanischen Republik", "aus der Zentralafrikanischen Republik"),
    "DO": ("in der Dominikanischen Republik", "aus der Dominikanischen Republik"),
    "CD": ("in der Demokratischen Republik Kongo", "aus der Demokratischen Republik Kongo"),
    "CG": ("in der Republik Kongo", "aus der Republik Kongo"),
    "CI": ("in der Côte d’Ivoire", "aus der Côte d’Ivoire"),
    "MD": ("in der Republik Moldau", "aus der Republik Moldau"),
    "EH": ("in der Westsahara", "aus der Westsahara"),
    "IR": ("im Iran", "aus dem Iran"),
    "IQ": ("im Irak", "aus dem Irak"),
    "YE": ("im Jemen", "aus dem Jemen"),
    "LB": ("im Libanon", "aus dem Libanon"),
    "SD": ("im Sudan", "aus dem Sudan"),
    "SS": ("im Südsudan", "aus dem Südsudan"),
    "TD": ("im Tschad", "aus dem Tschad"),
    "NE": ("im Niger", "aus dem Niger"),
    "VA": ("im Vatikan", "aus dem Vatikan"),
    "GB": ("im Vereinigten Königreich", "aus dem Vereinigten Königreich"),
    "US": ("in den USA", "aus den USA"),
    "NL": ("in den Niederlanden", "aus den Niederlanden"),
    "AE": ("in den Vereinigten Arabischen Emiraten", "aus den Vereinigten Arabischen Emiraten"),
    "PH": ("auf den Philippinen", "von den Philippinen"),
    "MV": ("auf den Malediven", "von den Malediven"),
    "SC": ("auf den Seychellen", "von den Seychellen"),
    "KM": ("auf den Komoren", "von den Komoren"),
    "BS": ("auf den Bahamas", "von den Bahamas"),
    "PS": (
        "in den besetzten palästinensischen Gebieten",
        "aus den besetzten palästinensischen Gebieten",
    ),
}

# Spanish: names said with their article.
_ES_ARTICLE = {
    "GB": "el",
    "NL": "los",
    "AE": "los",
    "PS": "los",
    "CD": "la",
    "CG": "la",
    "CF": "la",
    "DO": "la",
}


@cache
def country_name_in(country: str, language: str) -> str:
    """The country's name in ``language`` ("Kazakhstan" -> "Kasachstan"); as given when the app
    does not know it."""
    code = country_code(country)
    if not code:
        return " ".join(country.split())
    if code == "PS":  # a letter names the territories as occupied, as the UN does
        return _OCCUPIED.get(language, territory_name(code, language))
    return territory_name(code, language)


_OCCUPIED = {
    "en": "Occupied Palestinian Territories",
    "fr": "Territoires palestiniens occupés",
    "es": "Territorios Palestinos Ocupados",
}


def in_country(country: str, language: str) -> str:
    """ "in Kazakhstan" as ``language`` says it: "au Kazakhstan", "in Kasachstan", "en
    Kazajistán"; "" for no country. English letters keep their own wording (compose.py)."""
    return _phrase(country, language, into=True)


def from_country(country: str, language: str) -> str:
    """ "from Germany": "d’Allemagne", "aus Deutschland", "desde Alemania"."""
    return _phrase(country, language, into=False)


def _phrase(country: str, language: str, into: bool) -> str:
    if not country.strip():
        return ""
    code = country_code(country)
    name = country_name_in(country, language)
    if language == "fr":
        return _french(code, name, into)
    if language == "de":
        if code in _DE_IN_FROM:
            return _DE_IN_FROM[code][0 if into else 1]
        return f"{'in' if into else 'aus'} {name}"
    if language == "es":
        article = _ES_ARTICLE.get(code, "")
        named = f"{article} {name}" if article else name
        return f"{'en' if into else 'desde'} {named}"
    return f"{'in' if into else 'from'} {name}"


def _french(code: str, name: str, into: bool) -> str:
    if not code:  # a name the app does not know: no article to guess
        return f"{'en' if into else 'de'} {name}"
    if code in _FR_PLURAL:
        return f"{'aux' if into else 'des'} {name}"
    if code in _FR_NO_ARTICLE:
        return f"{'à' if into else 'de'} {name}"
    first = name.replace("-", " ").split()[0]
    vowel = first[:1].casefold() in "aeiouyàâäéèêëîïôöùûü"
    feminine = code in _FR_FEMININE or (
        first.casefold().endswith("e") and code not in _FR_MASCULINE_E
    )
    if feminine or vowel:
        if into:
            return f"en {name}"
        return f"d’{name}" if vowel else f"de {name}"
    return f"{'au' if into else 'du'} {name}"


def hashtag(country: str, language: str) -> str:
    """A country hashtag in the letter's language: "#Kasachstan", "#Kazajistán"."""
    name = country_name_in(country, language) if country.strip() else ""
    return "".join(ch for ch in name if ch.isalnum())
