"""The words the importer reads documents by, from ``resources/importer/*.toml``.

One file per language (labels, headings, honorifics, titles, month names, kind markers...).
Every file is merged into one lexicon: a German page lists Spanish and English addresses, an
English letter has a Spanish honorific, so a document is read with all languages at once and
a new language is a new file. Nothing here names a document, a person or a place.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from uaction_desktop.resources import resource_path


def fold(text: str) -> str:
    """Lower case, no accents, straight apostrophes: how words are compared."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
        text = text.replace("’", "'").replace("‘", "'")
    return text.casefold()


@dataclass
class Lexicon:
    """Word lists by what they mark, each merged over every language file."""

    languages: list[str] = field(default_factory=list)
    headings: dict[str, list[str]] = field(default_factory=dict)
    labels: dict[str, list[str]] = field(default_factory=dict)
    words: dict[str, list[str]] = field(default_factory=dict)
    months: dict[str, int] = field(default_factory=dict)
    deadline: dict[str, list[str]] = field(default_factory=dict)
    kind: dict[str, list[str]] = field(default_factory=dict)
    countries: dict[str, list[str]] = field(default_factory=dict)
    # language of each greeting and closing word, for salutations given in several languages
    greeting_language: dict[str, str] = field(default_factory=dict)
    # each language's own word lists, for what is true in one language only
    by_language: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def word_list(self, key: str) -> list[str]:
        return self.words.get(key, [])

    def folded(self, key: str) -> frozenset[str]:
        return frozenset(fold(w) for w in self.word_list(key))


def _merge(into: dict[str, list], new: dict[str, list]) -> None:
    for key, values in new.items():
        bucket = into.setdefault(key, [])
        bucket.extend(v for v in values if v not in bucket)


@cache
def lexicon() -> Lexicon:
    """Every language file in ``resources/importer``, merged (read once per process)."""
    out = Lexicon()
    for path in sorted(resource_path("importer").glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        language = data.get("language", path.stem)
        out.languages.append(language)
        for name in ("headings", "labels", "words", "deadline", "kind", "countries"):
            _merge(getattr(out, name), data.get(name, {}))
        for number, names in data.get("months", {}).items():
            for month in names:
                out.months.setdefault(fold(month), int(number))
        out.by_language[language] = data.get("words", {})
        for greeting in data.get("words", {}).get("greetings", []):
            out.greeting_language.setdefault(fold(greeting), language)
    return out


def phrase_pattern(phrases: list[str], *, whole: bool = True) -> str:
    """A regex alternation of phrases, longest first, spaces flexible, as whole words."""
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        escaped = r"\s*".join(re.escape(p) for p in phrase.split())
        parts.append(escaped)
    body = "|".join(parts) or r"(?!x)x"
    if not whole:
        return f"(?:{body})"
    return rf"(?<![\w-])(?:{body})(?![\w-])"


def greeting_language(salutation: str) -> str:
    """ "Sehr geehrter Herr Präsident" -> "de"; "" when no language's greeting starts it."""
    folded = fold(salutation.strip())
    lex = lexicon()
    best = ""
    language = ""
    for greeting, lang in lex.greeting_language.items():
        whole = len(folded) == len(greeting) or not folded[len(greeting) :][:1].isalnum()
        if folded.startswith(greeting) and len(greeting) > len(best) and whole:
            best, language = greeting, lang
    return language


def document_language(text: str) -> str:
    """The language whose small words (articles, connectors) the text uses most: "de" for a
    German page with Spanish addresses; "" for text with none of them."""
    counts: dict[str, int] = {}
    words = [fold(w) for w in re.findall(r"[^\W\d_]+", text[:20_000])]
    lex = lexicon()
    for language, lists in lex.by_language.items():
        small = {fold(w) for key in ("articles", "connectors") for w in lists.get(key, [])}
        counts[language] = sum(1 for w in words if w in small)
    best = max(counts, key=lambda k: counts[k], default="")
    return best if counts.get(best) else ""
