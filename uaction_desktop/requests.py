"""Turn a UA's appeal points into the writer's own requests.

Documents phrase them as instructions to the writer ("Urging them to release ..."); a letter says
them in the first person to the official ("I urge you to release ..."). Only the leading verb and
the pronouns that point at the official change; everything else stays exactly as published.
"""

from __future__ import annotations

import re

# Gerund -> first-person verb. Kept explicit: a wrong guess reads worse than a plain fallback.
_VERBS = {
    "urging": "urge",
    "calling": "call",
    "asking": "ask",
    "reminding": "remind",
    "expressing": "express",
    "insisting": "insist",
    "demanding": "demand",
    "requesting": "request",
    "seeking": "seek",
    "welcoming": "welcome",
    "encouraging": "encourage",
    "recommending": "recommend",
    "pressing": "press",
    "appealing": "appeal",
    "imploring": "implore",
    "emphasizing": "emphasize",
    "emphasising": "emphasise",
    "stressing": "stress",
    "noting": "note",
    "acknowledging": "acknowledge",
    "thanking": "thank",
    "reiterating": "reiterate",
    "pointing": "point",
    "drawing": "draw",
    "making": "make",
    "telling": "tell",
}

# Appeal points written as orders ("Release X immediately") become "I urge you to release ...".
_IMPERATIVES = frozenset(
    [
        "release",
        "free",
        "ensure",
        "end",
        "stop",
        "drop",
        "quash",
        "guarantee",
        "allow",
        "grant",
        "provide",
        "protect",
        "investigate",
        "bring",
        "repeal",
        "amend",
        "halt",
        "take",
        "give",
        "respect",
        "refrain",
        "disclose",
        "reveal",
        "inform",
        "order",
        "conduct",
        "launch",
        "abolish",
        "commute",
        "lift",
        "cease",
        "withdraw",
        "ratify",
        "establish",
        "return",
        "reinstate",
        "overturn",
        "close",
        "carry",
        "make",
        "hold",
        "let",
        "permit",
        "uphold",
        "implement",
        "revoke",
        "annul",
        "dismiss",
        "transfer",
        "reunite",
        "stay",
        "suspend",
        "review",
        "treat",
    ]
)
_LEAD = re.compile(r"^(?P<verb>[A-Za-z]+ing)\b(?P<rest>.*)$", re.DOTALL)
_INNER = re.compile(r"\b(?P<and>and|while|also|but)\s+(?P<verb>[a-z]+ing)(?P<them>\s+them)?\b")


_SENTENCE_END = re.compile(r"""[.!?…](["'”’»)]*)$""")


def end_sentence(text: str) -> str:
    """Add a full stop unless the text already ends a sentence ("detained!", "'free him.'")."""
    text = text.rstrip()
    return text if not text or _SENTENCE_END.search(text) else text + "."


def ask_as_request(ask: str) -> str:
    """ "Urging them to release X;" -> "I urge you to release X." (one sentence, full stop)."""
    text = " ".join(ask.split()).rstrip(" ;,.")
    if not text:
        return ""
    match = _LEAD.match(text)
    verb = _VERBS.get(match.group("verb").lower()) if match else None
    if match and verb:
        rest = match.group("rest")
        rest = re.sub(r"^(\s+(?:on|upon))?\s+them\b", lambda m: f"{m.group(1) or ''} you", rest)
        rest = re.sub(
            r"^(\s+(?:on|upon))?\s+the authorities\b", lambda m: f"{m.group(1) or ''} you", rest
        )
        text = f"I {verb}{rest}"
        text = _INNER.sub(_inner_verb, text)
    elif _is_order(text):
        text = re.sub(r"^please\s+", "", text, flags=re.IGNORECASE)
        text = f"I urge you to {text[0].lower()}{text[1:]}"
    else:
        text = text[0].upper() + text[1:]
    return end_sentence(text)


def _is_order(text: str) -> bool:
    words = re.sub(r"^please\s+", "", text, flags=re.IGNORECASE).split()
    first = words[0].casefold() if words else ""
    if first in _IMPERATIVES:
        return True
    # "Immediately and unconditionally release ...": adverbs before the verb.
    for word in words[:5]:
        word = word.casefold().strip(",")
        if word in _IMPERATIVES:
            return True
        if not (word.endswith("ly") or word == "and"):
            return False
    return False


def _inner_verb(match: re.Match[str]) -> str:
    verb = _VERBS.get(match.group("verb"))
    if verb is None:
        return match.group(0)
    return f"{match.group('and')} I {verb}" + (" you" if match.group("them") else "")


def fix_following_pronouns(text: str) -> str:
    """ "remind you that they have" -> "remind you that you have"."""
    return re.sub(r"\byou that they (have|are|must|should)\b", r"you that you \1", text)


def requests_from_asks(asks: tuple[str, ...] | list[str]) -> list[str]:
    requests = (fix_following_pronouns(ask_as_request(a)) for a in asks)
    return [r for r in requests if r]  # an ask of only punctuation asks nothing


# Appeal points in French, Spanish and German documents are mostly written as the writer's own
# requests already ("Je vous demande de ...", "Ich fordere Sie auf, ..."); those phrased as an
# instruction to the writer get the same first-person opening. Only openings followed by an
# infinitive are listed: their rest reads right after the new opening as it is.
_LEADS = {
    "fr": (
        ("en les exhortant à ", "Je vous exhorte à "),
        ("exhortant les autorités à ", "Je vous exhorte à "),
        ("exhortez les autorités à ", "Je vous exhorte à "),
        ("demandez-leur de ", "Je vous demande de "),
        ("demandez aux autorités de ", "Je vous demande de "),
        ("en leur demandant de ", "Je vous demande de "),
        ("priez les autorités de ", "Je vous prie de "),
        ("appelez les autorités à ", "Je vous appelle à "),
    ),
    "es": (
        ("instando a las autoridades a ", "Le insto a "),
        ("instándoles a ", "Le insto a "),
        ("pidiéndoles ", "Le pido "),
        ("inste a las autoridades a ", "Le insto a "),
    ),
    "de": (
        ("fordern sie die behörden auf, ", "Ich fordere Sie auf, "),
        ("fordern sie sie auf, ", "Ich fordere Sie auf, "),
        ("bitten sie die behörden, ", "Ich bitte Sie, "),
    ),
}


def requests_in(language: str, asks: tuple[str, ...] | list[str]) -> list[str]:
    """Appeal points in ``language`` as sentences of the letter: each one a sentence with its
    full stop (a trailing ";" or "," goes), an instruction to the writer said in the first
    person, everything else exactly as written."""
    out: list[str] = []
    for ask in asks:
        text = " ".join(ask.split()).rstrip(" ;,.\u00a0\u202f")
        if not text:
            continue
        folded = text.casefold()
        for lead, replacement in _LEADS.get(language, ()):
            if folded.startswith(lead):
                text = replacement + text[len(lead) :]
                break
        out.append(end_sentence(text[0].upper() + text[1:]))
    return out
