"""Salutations by rule for officials whose case gives none (``resources/salutations/*.toml``).

A "copies to" embassy often has no salutation in the document; "Dear Sir or Madam" to "His
Excellency Mr Liu Xiaoming" reads as if nobody looked. Each letter language has a table that maps
titles and styles to the salutation a letter-writer would use in it. The case's own salutation in
the letter's language always wins.

A rule matches an office where the title starts with it ("Minister of the Interior", "Director
of Prince Sultan Prison" is a Director), never a word inside a title or a name: a man named
Sultan is not a Majesty, and a Deputy Prosecutor General is not greeted as the Prosecutor General.
Where a language's salutation depends on the official's gender ("Monsieur le Ministre", "Madame
la Ministre") and the case does not show it, the table's default is used, never a guess.

A document that gives the salutation only in another language ("korrekte Anrede: Your
Excellency" on a German page) says which style the official is addressed by: a salutation one
table gives for a style (Excellency, Majesty, Highness) is that style in every language.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from uaction_desktop.model import Official
from uaction_desktop.resources import resource_path

DEFAULT_LANGUAGE = "en"
LETTER_LANGUAGES = ("en", "fr", "es", "de")  # the languages with a table


@dataclass(frozen=True)
class _Rule:
    phrases: tuple[str, ...]  # the office, at the start of the title
    styles: tuple[str, ...]  # a style that may also open the name ("His Excellency ...")
    salutation: str  # whatever the gender ("" if it depends on it)
    masculine: str
    feminine: str

    def for_gender(self, gender: str) -> str:
        if gender == "m" and self.masculine:
            return self.masculine
        if gender == "f" and self.feminine:
            return self.feminine
        return self.salutation


@dataclass(frozen=True)
class SalutationTable:
    language: str
    default: str
    rules: tuple[_Rule, ...]
    prefixes: tuple[str, ...] = ()  # "Deputy", "Acting": kept in "Dear {phrase}"

    def for_official(
        self, official: Official, gender: str = "", hints: tuple[str, ...] = ()
    ) -> str:
        """The salutation for ``official`` by the table (the case's own is not looked at).
        ``hints``, the case's salutations in other languages, may name a style."""
        styled = self._styled_by(hints)
        if styled is not None:
            return _filled(styled.for_gender(gender), "") or self.default
        title = _office(official.title)
        name = " ".join(official.name.split())
        if abbreviation := leading_honorific(name):  # "HE Omar ..." is "H.E. Omar ..."
            name = _HONORIFICS[abbreviation] + name[len(abbreviation) :]
        prefix, office = _split_prefix(title, self.prefixes)
        for rule in self.rules:
            for style in rule.styles:
                if _starts_with(title, style) or _starts_with(name, style):
                    return _filled(rule.for_gender(gender), style) or self.default
            for phrase in rule.phrases:
                if _starts_with(title, phrase):
                    return _filled(rule.for_gender(gender), phrase) or self.default
                if prefix and _starts_with(office, phrase) and "{phrase}" in rule.salutation:
                    return _filled(rule.salutation, f"{prefix} {phrase}")
        return self.default

    def _styled_by(self, hints: tuple[str, ...]) -> _Rule | None:
        """This table's rule for the style a hint's salutation is in ("Your Excellency",
        "Excellence", "Eure Majestät"), if it is one."""
        wanted = {_greeting(hint) for hint in hints} - {""}
        if not wanted:
            return None
        for language in LETTER_LANGUAGES:
            for rule in salutation_table(language).rules:
                greetings = {_greeting(g) for g in (rule.salutation, rule.masculine, rule.feminine)}
                if rule.styles and wanted & (greetings - {""}):
                    return next((r for r in self.rules if set(r.styles) & set(rule.styles)), None)
        return None


_HONORIFICS = {"HE": "H.E.", "HH": "His Highness", "HM": "His Majesty", "HRH": "HRH"}


def leading_honorific(name: str) -> str:
    """ "HE" for "HE Omar Hassan Ahmed", where British usage abbreviates His Excellency; "" for
    "HE Jianping" or "HE Jian PING", a surname in capitals: an honorific is read only before
    two or more words, none of them in capitals (a page that writes surnames in capitals
    writes them all so)."""
    first, _, rest = " ".join(name.split()).partition(" ")
    words = rest.split()
    if first not in _HONORIFICS or len(words) < 2:
        return ""
    return "" if any(w.isupper() and len(w) > 1 for w in words) else first


def _greeting(text: str) -> str:
    """A salutation compared as words: "Your Excellency," -> "your excellency"."""
    return " ".join(text.split()).rstrip(",;:!. ").casefold()


def _office(title: str) -> str:
    """The title as an office: "The Prosecutor General" -> "Prosecutor General"."""
    return re.sub(r"(?i)^(the|le|la|l’|l'|el|der|die)\s+", "", " ".join(title.split()))


def _split_prefix(title: str, prefixes: tuple[str, ...]) -> tuple[str, str]:
    for prefix in sorted(prefixes, key=len, reverse=True):
        if _starts_with(title, prefix):
            return title[: len(prefix)], title[len(prefix) :].strip(" -")
    return "", title


def _filled(salutation: str, phrase: str) -> str:
    return salutation.replace("{phrase}", phrase)


def _starts_with(text: str, phrase: str) -> bool:
    """Whether ``text`` opens with ``phrase``, a space after an abbreviation's dot optional:
    the style "S.E." is the title "S. E. Herrn" as German pages print it."""
    compact = re.sub(r"\.\s+", ".", phrase)
    pattern = "".join(re.escape(c) + (r"\s*" if c == "." else "") for c in compact)
    return re.match(rf"{pattern}(?!\w)", text, re.IGNORECASE) is not None


@cache
def salutation_table(language: str = DEFAULT_LANGUAGE) -> SalutationTable:
    """The table for a letter language; English where the app has none for it."""
    path = resource_path("salutations", f"{language}.toml")
    if not re.fullmatch(r"[a-z]{2,3}", language) or not path.is_file():
        path = resource_path("salutations", f"{DEFAULT_LANGUAGE}.toml")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    rules = tuple(
        _Rule(
            phrases=tuple(r.get("phrases", [])),
            styles=tuple(r.get("styles", [])),
            salutation=r.get("salutation", ""),
            masculine=r.get("m", ""),
            feminine=r.get("f", ""),
        )
        for r in data.get("rules", [])
    )
    prefixes = tuple(data.get("prefixes", []))
    return SalutationTable(data["language"], data["default"], rules, prefixes)


def salutation_for(
    official: Official,
    language: str = DEFAULT_LANGUAGE,
    own: str | None = None,
    hints: tuple[str, ...] = (),
) -> str:
    """The salutation in ``language``: the case's own for it (``own``; by default the
    official's ``salutation``), its trailing comma dropped (the letter adds its own), else the
    table's for the official's title or style. ``hints`` are the case's salutations in other
    languages, read only for the official's gender."""
    given = official.salutation if own is None else own
    given = given.strip().rstrip(",;: ")
    if given:
        return given
    gender = official_gender(official, (official.salutation, *hints))
    others = (official.salutation, *hints) if own is not None else hints
    return salutation_table(language).for_official(official, gender, others)


_MASCULINE = re.compile(
    r"(?i)^(mr|mister|sir|lord|herr|herrn|monsieur|m|señor|senor|sr|don|dom|excelentísimo|"
    r"estimado|distinguido|sehr geehrter|king|prince|emperor|his)\b\.?"
)
_FEMININE = re.compile(
    r"(?i)^(mrs|ms|miss|madam|madame|mme|dame|lady|frau|señora|senora|sra|doña|"
    r"excelentísima|estimada|distinguida|sehr geehrte(?!r)|queen|princess|empress|her)\b\.?"
)
_WOMEN = r"\b(madam|madame|damen|señora|señoras|sras?)\b"
_MEN = r"\b(sir|monsieur|herren|señor|señores|sres?)\b"
_BOTH = re.compile(rf"(?i){_WOMEN}.*{_MEN}|{_MEN}.*{_WOMEN}")  # "Dear Sir or Madam"
_FEMININE_TITLES = re.compile(
    r"(?i)\b(ministra|presidenta|embajadora|gobernadora|directora|secretaria|jueza|alcaldesa|"
    r"procureure|présidente|ambassadrice|directrice|gouverneure|"
    r"ministerin|präsidentin|botschafterin|generalstaatsanwältin|staatsanwältin|richterin|"
    r"direktorin|gouverneurin|bürgermeisterin|kommissarin|generalsekretärin)\b"
)


def official_gender(official: Official, salutations: tuple[str, ...] = ()) -> str:
    """ "m" or "f" where the case shows it (a style before the name, a gendered title, or a
    salutation such as "Dear Mr Ivanov" or "Estimada Señora Fiscal"); "" where it does not."""
    found: set[str] = set()
    for text in (official.name, *salutations):
        words = re.sub(r"(?i)^(dear|your)\s+", "", " ".join(text.split()))
        if _BOTH.search(words):
            continue
        if _MASCULINE.match(words):
            found.add("m")
        elif _FEMININE.match(words):
            found.add("f")
    if _FEMININE_TITLES.search(official.title):
        found.add("f")
    return found.pop() if len(found) == 1 else ""
