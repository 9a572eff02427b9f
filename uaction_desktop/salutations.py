"""Salutations by rule for officials whose case gives none (``resources/salutations/*.toml``).

A "copies to" embassy often has no salutation in the document; "Dear Sir or Madam" to "His
Excellency Mr Liu Xiaoming" reads as if nobody looked. The table maps titles and styles to the
salutation a letter-writer would use. The case's own salutation always wins.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from uaction_desktop.model import Official
from uaction_desktop.resources import resource_path

DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True)
class _Rule:
    phrases: tuple[str, ...]
    salutation: str
    before_name: bool


@dataclass(frozen=True)
class SalutationTable:
    language: str
    default: str
    rules: tuple[_Rule, ...]

    def for_official(self, official: Official) -> str:
        """The salutation for ``official`` by the table (the case's own is not looked at)."""
        for rule in self.rules:
            for phrase in rule.phrases:
                if _has_phrase(official.title, phrase) or (
                    rule.before_name and _starts_with(official.name, phrase)
                ):
                    return rule.salutation.replace("{phrase}", phrase)
        return self.default


def _has_phrase(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, re.IGNORECASE) is not None


def _starts_with(text: str, phrase: str) -> bool:
    return re.match(rf"\s*{re.escape(phrase)}(?!\w)", text, re.IGNORECASE) is not None


@cache
def salutation_table(language: str = DEFAULT_LANGUAGE) -> SalutationTable:
    """The table for a letter language; English where the app has none for it yet."""
    path = resource_path("salutations", f"{language}.toml")
    if not re.fullmatch(r"[a-z]{2,3}", language) or not path.is_file():
        path = resource_path("salutations", f"{DEFAULT_LANGUAGE}.toml")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    rules = tuple(
        _Rule(tuple(r["phrases"]), r["salutation"], bool(r.get("before_name", False)))
        for r in data.get("rules", [])
    )
    return SalutationTable(data["language"], data["default"], rules)


def salutation_for(official: Official, language: str = DEFAULT_LANGUAGE) -> str:
    """The case's salutation (its trailing comma dropped: the letter adds its own), else the
    table's for the official's title or style."""
    own = official.salutation.strip().rstrip(",;: ")
    return own or salutation_table(language).for_official(official)
