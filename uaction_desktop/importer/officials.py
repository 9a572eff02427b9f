"""Officials: split the addresses part into blocks, then read each block's title, name,
office, address lines, contacts and salutation.

Documents write a block over many lines ("Prosecutor General / Kairat Kozhamzharov / 14 Orynbor
Street / ... / Salutation: Dear Prosecutor General") or, on web pages, as one run-on line
("H.E. Majid ... Permanent Mission ... 622 Third Avenue ... Phone: ... Salutation: ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from uaction_desktop.i18n import _, ngettext
from uaction_desktop.importer.contact_lines import (
    LineKind,
    category_is_office,
    classify,
    ends_with_or,
    is_category,
)
from uaction_desktop.importer.draft import (
    OFFICIAL_FIELDS,
    Confidence,
    DraftOfficial,
    Field,
    Leftover,
    empty_fields,
)
from uaction_desktop.importer.lexicon import greeting_language, lexicon, phrase_pattern
from uaction_desktop.importer.names import (
    Spellings,
    honorific_length,
    is_name_like,
    is_org_word,
    is_title_word,
    name_token,
    recase_name,
    recase_title,
    starts_org,
)
from uaction_desktop.importer.places import (
    country_name,
    fold,
    is_state_code,
    postal_country,
    trailing_country,
)
from uaction_desktop.model import Role

_LABEL_KINDS = ("salutation", "fax", "phone", "email", "social", "web", "subject")


def _label_re() -> re.Pattern[str]:
    """ "Fax:", "E-Mail:", "(korrekte Anrede:", "Formule d'appel:" ...: every language's
    contact labels, each in a group named by the field it fills."""
    labels = lexicon().labels
    groups = [
        f"(?P<{kind}>{phrase_pattern(labels.get(kind, []), whole=False)})" for kind in _LABEL_KINDS
    ]
    groups.append(r"(?P<other>Telegrams?|Telex(?:es)?|Online form[^:\n]{0,40})")
    return re.compile(
        r"(?<![\w@/.])(?P<paren>\(\s*)?(?P<label>" + "|".join(groups) + r")\s*:", re.IGNORECASE
    )


LABEL_RE = _label_re()
EMAIL_RE = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE_RE = re.compile(r"(?:\+|\(\+?)?\d[\d\s().\-/]{5,}\d")
_URL_RE = re.compile(r"https?://[^\s,;]+|www\.[^\s,;]+", re.IGNORECASE)
_HANDLE_RE = re.compile(r"(?<![\w.])@[A-Za-z0-9_]{1,30}\b")
_STREET_WORDS = lexicon().word_list("street_words")
_STREET_RE = re.compile(phrase_pattern(_STREET_WORDS) + r"\.?", re.IGNORECASE)
# "Avenida Reforma", "Beispielallee", "Joachim-Karnatz-Allee": where an address begins
_STREET_START_RE = re.compile(
    rf"^(?:{phrase_pattern(lexicon().word_list('street_starts'), whole=False)}\b"
    rf"|[\w-]+(?:{phrase_pattern(lexicon().word_list('street_suffixes'), whole=False)})[.,]?$)",
    re.IGNORECASE,
)
_COMMA_RE = re.compile(r",\s+")
_NUMBER_MARK_RE = re.compile(r"^\(?\d{1,2}[).]\s+")
_SEPARATOR_RE = re.compile(r"^[\s,;|]+|(?:[\s,;|]+|\s+I)+$")


@dataclass
class Block:
    """The lines of one official, and whether they came from a "copies to" part."""

    lines: list[str]
    role: Role = Role.TARGET
    prose: bool = False  # a sentence found among the addresses, not an official
    notes: list[str] = field(default_factory=list)  # remarks between its contact lines


def split_labels(line: str) -> tuple[str, list[tuple[str, str]]]:
    """ "X Fax: 1 Email: a@b" -> ("X", [("fax", "1"), ("email", "a@b")])."""
    matches = list(LABEL_RE.finditer(line))
    if not matches:
        return line.strip(), []
    head = line[: matches[0].start()].strip()
    labelled: list[tuple[str, str]] = []
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(line)
        value = line[match.end() : end].strip()
        if match["paren"]:  # "(Anrede: Dear Minister)": the value ends at its bracket
            close = value.rfind(")")
            if close >= 0:
                value = value[:close]
        value = _SEPARATOR_RE.sub("", value.strip())
        labelled.append((_label_kind(match), value))
    return _SEPARATOR_RE.sub("", head), labelled


def _label_kind(match: re.Match[str]) -> str:
    for kind in _LABEL_KINDS:
        if match[kind]:
            return (
                kind
                if kind in ("salutation", "fax", "phone", "email", "social")
                else (f"other:{match['label'].strip()}")
            )
    return f"other:{match['label'].strip()}"


def _is_flat(line: str) -> bool:
    """One line holding a whole official: a title or name, then an office or address."""
    head, labels = split_labels(line)
    tokens = head.split()
    if len(head) < 40 or not tokens:
        return False
    starts_person = bool(honorific_length(tokens)) or is_title_word(tokens[0])
    has_address = (
        any(any(ch.isdigit() for ch in t) for t in tokens[2:])
        or "c/o" in head.lower()
        or trailing_country(head) is not None
    )
    has_office = any(starts_org(tokens, i) for i in range(1, len(tokens)))
    if has_address and (starts_person or has_office):
        return True
    caps = 0
    while caps < len(tokens) and _caps_token(tokens[caps]) and not honorific_length(tokens, caps):
        caps += 1
    headed = 0 < caps < len(tokens) and is_category(" ".join(tokens[:caps]))
    return (len(labels) >= 2 and starts_person) or (headed and has_address and bool(labels))


def _gives_contact(line: str) -> bool:
    """The line is an address line or a way to reach the official."""
    head, labels = split_labels(line)
    return bool(labels) or bool(head and _looks_address(head))


def split_blocks(lines: list[str], role: Role) -> list[Block]:
    """Blocks by the kinds of their lines: a block ends at a blank line once it has an address,
    at a numbered marker "2)", at a heading in capitals over the next block, where a new title
    or name follows an address, and where anything but a contact follows its contact lines
    (fax, e-mail, salutation). Bare e-mails and numbers after a contact continue it; prose
    ends the block and is kept apart. A run-on line is a block of its own."""
    blocks: list[Block] = []
    current: list[str] = []
    notes: list[str] = []
    complete = False  # the current block has an address or a contact
    contacts = False  # ... and has had its labelled contact lines
    person = False  # ... and has more than headings in capitals

    def flush() -> None:
        nonlocal complete, contacts, person
        if current:
            blocks.append(Block(list(current), role, notes=list(notes)))
            current.clear()
        notes.clear()
        complete = contacts = person = False

    for raw in lines:
        line = raw.strip()
        if not line:
            if complete:
                flush()
            continue
        if _NUMBER_MARK_RE.match(line):
            flush()
            line = _NUMBER_MARK_RE.sub("", line)
        head, labels = split_labels(line)
        kind = classify(line)
        if labels and not head:
            current.append(line)
            complete = contacts = True
            continue
        if contacts and kind is LineKind.EMAILS:
            current.append(f"Email: {line}")
            continue
        if contacts and kind is LineKind.URL:
            current.append(f"Web: {line}")
            continue
        if contacts and kind is LineKind.NUMBER and ends_with_or(current[-1]):
            current[-1] = f"{current[-1]} {line}"
            continue
        if contacts and line[:1].islower() and line.endswith(":"):
            notes.append(line)  # "or through the website:" before a URL
            continue
        if _is_flat(line):
            flush()
            current.append(line)
            complete = contacts = True
            continue
        if kind is LineKind.PROSE:
            flush()
            blocks.append(Block([line], role, prose=True))
            continue
        new_heading = kind is LineKind.CATEGORY and person
        if contacts or new_heading or (head and complete and _starts_person(head)):
            flush()
        current.append(line)
        person = person or kind is not LineKind.CATEGORY
        complete = complete or _gives_contact(line)
    flush()
    return blocks


def _starts_person(head: str) -> bool:
    tokens = head.split()
    if _looks_address(head) or starts_org(tokens):
        return False
    return bool(honorific_length(tokens)) or is_title_word(tokens[0])


def looks_address(line: str) -> bool:
    """A street, postcode, PO box, c/o or country line."""
    return _looks_address(line)


def _looks_address(line: str) -> bool:
    low = line.lower()
    if any(ch.isdigit() for ch in line) or low.startswith(("c/o", "p.o.", "po box", "box ")):
        return True
    if _STREET_RE.search(line) and not is_name_like(line):
        return True
    return bool(country_name(line) or postal_country(line))


# ------------------------------------------------------------------------ one block


@dataclass
class _Parts:
    title: str = ""
    name: str = ""
    organisation: str = ""
    address: list[str] = field(default_factory=list)
    confidence: Confidence = Confidence.HIGH
    note: str = ""


def parse_block(
    block: Block, spellings: Spellings, language: str = ""
) -> tuple[DraftOfficial | None, list[Leftover]]:
    """An official from a block, or None (with the block as a leftover) when the block has no
    name or title, or no way at all to reach the person. ``language`` is the document's: of a
    salutation given in several languages, the one in it is the official's salutation."""
    if block.prose:
        return None, [Leftover(block.lines[0], _("a sentence among the addresses"))]
    heads: list[str] = []
    labels: list[tuple[str, str]] = []
    for line in block.lines:
        head, found = split_labels(line)
        if head:
            heads.append(head)
        labels.extend(found)
    leftovers = [Leftover(note, _("a remark among the contact details")) for note in block.notes]
    emails: list[str] = []
    phones: list[str] = []
    flat = len(heads) == 1 and _is_flat(block.lines[0])
    if flat:
        head, emails, phones = _take_bare_contacts(heads[0])
        parts = _parse_flat(head, spellings)
    else:
        parts = _parse_lines(heads, spellings)
    fields = empty_fields(OFFICIAL_FIELDS)
    listed = (
        _("listed among the officials to write to")
        if block.role is Role.TARGET
        else _("listed among those to send a copy to")
    )
    fields["role"] = Field(block.role, Confidence.HIGH, listed)
    how = parts.note or _("read from the official's block")
    for key in ("title", "name", "organisation"):
        value = getattr(parts, key)
        if value:
            fields[key] = Field(value, parts.confidence, how)
    if not (parts.title or parts.name) and parts.organisation:
        parts.name, parts.organisation = parts.organisation, ""
        fields["name"] = Field(parts.name, Confidence.MEDIUM, _("an organisation, not a person"))
        fields["organisation"] = Field("", Confidence.MISSING, _("not found in the document"))
    address, country, country_confidence = _address_and_country(parts.address, flat)
    cut = [line for line in address if _CUT_RE.fullmatch(line)]
    address = [line for line in address if not _CUT_RE.fullmatch(line)]
    if address:
        fields["address"] = Field(tuple(address), parts.confidence, how)
    if address and cut:
        fields["address"] = Field(
            tuple(address),
            Confidence.LOW,
            _("the address is cut off ('[...]'): complete it from the original"),
        )
    if country:
        note = (
            _("from the address")
            if country_confidence is Confidence.HIGH
            else _("from the postcode")
        )
        fields["country"] = Field(country, country_confidence, note)
    salutations: dict[str, str] = {}
    _apply_labels(fields, labels, emails, phones, leftovers, parts, salutations, language)
    official = DraftOfficial(fields, "\n".join(block.lines), salutations)
    reachable = any(fields[k].value for k in ("address", "fax", "phone", "emails", "social"))
    if not (parts.title or parts.name) or not (reachable or fields["salutation"].value):
        return None, [
            Leftover(
                "\n".join(block.lines),
                _(
                    "looked like an official's address but "
                    "has no name or title, or no way to reach them"
                ),
            )
        ]
    return official, leftovers


def salutation_variants(text: str) -> dict[str, str]:
    """ "Dear Minister / Estimada Señora Ministra / Sehr geehrte Frau Ministerin" -> one
    salutation per language; {} when the text is one salutation (or two in one language)."""
    parts = [p.strip() for p in re.split(r"\s*/\s*", text) if p.strip()]
    if len(parts) < 2:
        return {}
    languages = [greeting_language(p) for p in parts]
    if not all(languages) or len(set(languages)) < len(languages):
        return {}
    return dict(zip(languages, parts, strict=True))


def _preferred(variants: dict[str, str], language: str) -> str:
    """The variant a letter from this document would use: the document's own language, else
    English, else the first given."""
    return variants.get(language) or variants.get("en") or next(iter(variants.values()))


def _apply_labels(
    fields: dict[str, Field],
    labels: list[tuple[str, str]],
    emails: list[str],
    phones: list[str],
    leftovers: list[Leftover],
    parts: _Parts,
    salutations: dict[str, str],
    language: str,
) -> None:
    social: list[str] = []
    who = parts.title or parts.name or _("an official")
    for kind, value in labels:
        found_emails = [e.rstrip(".") for e in EMAIL_RE.findall(value)]
        if kind == "email":
            emails.extend(found_emails)
            if not found_emails and value:
                leftovers.append(
                    Leftover(
                        f"Email: {value}", _("no usable email address ({who})").format(who=who)
                    )
                )
        elif kind in ("fax", "phone"):
            emails.extend(found_emails)
            number = EMAIL_RE.sub("", value).strip(" ,;")
            key = kind
            if number and not fields[key].value:
                fields[key] = Field(
                    number,
                    Confidence.HIGH,
                    _("from the '{label}:' label").format(label=kind.title()),
                )
            elif number:
                another = (
                    _("another fax number ({who})")
                    if kind == "fax"
                    else _("another phone number ({who})")
                )
                leftovers.append(Leftover(f"{kind.title()}: {number}", another.format(who=who)))
        elif kind == "social":
            social.extend(_social(value))
        elif kind == "salutation":
            salutation = value.strip().rstrip(",:;").strip()
            variants = salutation_variants(salutation)
            if variants:
                salutations.update(variants)
                chosen = _preferred(variants, language)
                others = "; ".join(f"{k}: {v}" for k, v in variants.items() if v != chosen)
                fields["salutation"] = Field(
                    chosen,
                    Confidence.MEDIUM,
                    _(
                        "given in {count} languages: the one in the document's language "
                        "(or English) is used; the others are {others}"
                    ).format(count=len(variants), others=others),
                )
            elif salutation:
                fields["salutation"] = Field(
                    salutation, Confidence.HIGH, _("from the 'Salutation:' label")
                )
        elif value:
            label = kind.split(":", 1)[1]
            leftovers.append(
                Leftover(
                    f"{label}: {value}",
                    _("a contact the case format has no field for ({who})").format(who=who),
                )
            )
    if phones and not fields["phone"].value:
        fields["phone"] = Field(phones[0], Confidence.MEDIUM, _("an unlabelled number"))
    unique = list(dict.fromkeys(emails))
    if unique:
        fields["emails"] = Field(tuple(unique), Confidence.HIGH, _("email addresses in the block"))
    hidden = sum(len(_HIDDEN_EMAIL_RE.findall(v)) for k, v in labels if k == "email")
    if hidden and not unique:
        # a web page's e-mail protection ("[email protected]"): the reviewer types them in
        fields["emails"] = Field(
            (),
            Confidence.LOW,
            ngettext(
                "the web page hid {count} e-mail address as '[email protected]': copy it "
                "from the original page",
                "the web page hid {count} e-mail addresses as '[email protected]': copy them "
                "from the original page",
                hidden,
            ).format(count=hidden),
        )
    if social:
        fields["social"] = Field(
            tuple(dict.fromkeys(social)), Confidence.HIGH, _("from the social media labels")
        )


_HIDDEN_EMAIL_RE = re.compile(r"\[\s*email\s*(?:&#160;|\s)*protected\s*\]", re.IGNORECASE)


def _social(value: str) -> list[str]:
    out: list[str] = []
    for url in _URL_RE.findall(value):
        url = url.rstrip(".)")
        match = re.match(r"(?:https?://)?(?:www\.)?(?:twitter|x)\.com/@?(\w{1,30})/?$", url, re.I)
        out.append(f"@{match.group(1)}" if match else url)
    rest = _URL_RE.sub(" ", value)
    out.extend(_HANDLE_RE.findall(rest))
    return out


def _take_bare_contacts(head: str) -> tuple[str, list[str], list[str]]:
    """Unlabelled emails and phone numbers out of a run-on line."""
    emails = [e.rstrip(".") for e in EMAIL_RE.findall(head)]
    head = EMAIL_RE.sub(" ", head)
    phones: list[str] = []
    for match in reversed(list(_PHONE_RE.finditer(head))):
        digits = re.sub(r"\D", "", match.group(0))
        if len(digits) >= 9:
            phones.insert(0, match.group(0).strip())
            head = head[: match.start()] + " " + head[match.end() :]
    head = re.sub(r"\s*,(\s*,)+", ",", head)
    return " ".join(head.split()).strip(" ,;"), emails, phones


def _caps_token(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return len(letters) >= 2 and not any(c.islower() for c in letters)


def _parse_flat(head: str, spellings: Spellings) -> _Parts:
    """Title, name, office and address out of one run-on line, by the words that start each:
    a heading in capitals ("INNENMINISTER", "BOTSCHAFT DER REPUBLIK X"), honorifics, title
    words, the name (up to a title word, an office or an address), the office, the address."""
    tokens = head.split()
    parts = _Parts(confidence=Confidence.MEDIUM, note=_("split from a single run-on line"))
    i = 0
    while i < len(tokens) and _caps_token(tokens[i]) and not honorific_length(tokens, i):
        i += 1
    heading = " ".join(tokens[:i])
    if i == len(tokens) or not is_category(heading):
        i, heading = 0, ""
    honorific = honorific_length(tokens, i)
    title_tokens = tokens[i : i + honorific]
    i += honorific
    title_ended = bool(title_tokens and title_tokens[-1].endswith(","))
    in_of = False
    while i < len(tokens) and not title_ended:
        token = tokens[i]
        word = token.rstrip(",")
        if is_title_word(word) or (in_of and not _address_start(tokens, i)):
            title_tokens.append(token)
        elif word.lower() in ("of", "the", "for") and title_tokens:
            title_tokens.append(token)
            in_of = True
        elif word[:1].islower() and in_of:
            title_tokens.append(token)
        else:
            break
        i += 1
        if token.endswith(","):
            break
    name_tokens: list[str] = []
    while i < len(tokens) and not starts_org(tokens, i) and not _address_start(tokens, i):
        if not name_token(tokens[i]) or (len(name_tokens) >= 2 and is_title_word(tokens[i])):
            break
        name_tokens.append(tokens[i])
        i += 1
        if name_tokens[-1].endswith(","):
            break
    org_tokens: list[str] = []
    if i < len(tokens) and (starts_org(tokens, i) or is_title_word(tokens[i])):
        while i < len(tokens) and not _address_start(tokens, i):
            org_tokens.append(tokens[i])
            i += 1
            if org_tokens[-1].endswith(","):
                break
    title = recase_title(" ".join(title_tokens).strip(" ,"))
    parts.name = recase_name(" ".join(name_tokens).strip(" ,"), spellings)
    parts.organisation = " ".join(org_tokens).strip(" ,")
    if heading and category_is_office(heading):
        parts.title = title
        if parts.organisation:
            parts.title = f"{title} {parts.organisation}".strip()
        parts.organisation = heading
    elif heading:
        parts.title = heading
        if title:
            parts.name = f"{title} {parts.name}".strip()
    else:
        parts.title = title
    rest = " ".join(tokens[i:]).strip(" ,")
    if rest:
        parts.address = [rest]
    _split_office_from_title(parts)
    return parts


def _address_start(tokens: list[str], i: int) -> bool:
    token = tokens[i].lower()
    return (
        any(ch.isdigit() for ch in token)
        or _STREET_START_RE.match(tokens[i]) is not None
        or token in ("c/o", "p.o.", "po", "p.o")
        or (token == "box" and i + 1 < len(tokens))
    )


def _parse_lines(heads: list[str], spellings: Spellings) -> _Parts:
    """Title, name, office and address from a block written over several lines."""
    parts = _Parts()
    guessed = False
    in_address = False
    honorific = ""  # "His Excellency" on a line of its own, for the name below it
    office_heading = False  # the organisation came from a heading in capitals
    for line in heads:
        text = line.strip().rstrip(",").strip()
        if text.endswith(":") and not parts.name and not parts.title:
            text = text[:-1].strip()  # "Governor Ana Lima:" heading her contact lines
        tokens = text.split()
        if not tokens:
            continue
        if in_address:
            parts.address.append(text)
            continue
        named = _name_then_title(text) if not (parts.name or parts.title) else None
        if named:
            parts.name, parts.title = recase_name(named[0], spellings), named[1]
            continue
        kind = classify(text)
        if kind is LineKind.HONORIFIC and not parts.name:
            honorific = f"{honorific} {text}".strip()
            continue
        if kind is LineKind.CATEGORY and not parts.name and is_category(text):
            if category_is_office(text) and not parts.organisation:
                parts.organisation = text
                office_heading = True
            elif not parts.title:
                parts.title = text
            elif not parts.organisation:
                parts.organisation = text
            continue
        if _looks_address(text) and not (starts_org(tokens) and not _has_digit(text)):
            in_address = True
            parts.address.append(text)
        elif starts_org(tokens) or (tokens and is_org_word(tokens[-1]) and parts.name):
            if parts.organisation and office_heading and not parts.title:
                # "NICHTREGIERUNGSORGANISATION" over "Comisión ...": the heading says what
                # kind of body it is (the title); the line under it names the body
                parts.title, parts.organisation = parts.organisation, text
                office_heading = False
            elif parts.organisation:
                parts.address.append(text)
                in_address = True
            else:
                parts.organisation = text
        elif honorific_length(tokens) or is_title_word(tokens[0]):
            title, name = _title_and_name(text, spellings)
            placed = True
            if name and not parts.name and parts.title and title:
                # the title is taken: the name keeps its own title words unless they repeat it
                said = {fold(w) for w in parts.title.split()}
                new = [w for w in title.split() if fold(w) not in said]
                parts.name = f"{title} {name}" if new else name
            elif title and not parts.title:
                parts.title = title
            elif title and not parts.organisation and not name:
                parts.organisation = title
            else:
                placed = False
            if name and not parts.name:
                parts.name = name
                placed = True
            if not placed:
                # a second title line ("Attorney General of X State") once title and name
                # are taken: the office it names, never dropped
                if not parts.organisation:
                    parts.organisation = text
                else:
                    parts.address.append(text)
                    in_address = True
        elif not parts.name and is_name_like(text):
            name, title = _trailing_title(text)
            parts.name = recase_name(name, spellings)
            if title and not parts.title:
                parts.title = title  # "Ruth Bangura District Commissioner"
        elif not parts.name and not parts.title:
            parts.name = recase_name(text, spellings)
            guessed = True
        elif not parts.name and is_name_like(text.strip("'’\"")):
            parts.name = recase_name(text, spellings)
        elif not parts.organisation:
            parts.organisation = text
            guessed = True
        else:
            parts.address.append(text)
            in_address = True
    if honorific and parts.name:
        parts.name = f"{honorific} {parts.name}"
    elif honorific and not parts.title:
        parts.title = honorific
    if guessed:
        parts.confidence = Confidence.MEDIUM
        parts.note = _("read by position in the block")
    _split_office_from_title(parts)
    return parts


_CUT_RE = re.compile(r"\[\s*(?:\.\s*){2,3}\]|\[…\]|…")
_NAME_PAREN_TITLE_RE = re.compile(r"^(?P<who>[^()]{3,80}?)\s*\((?P<title>[^()]{3,80})\)$")


def _name_then_title(text: str) -> tuple[str, str] | None:
    """ "Exmo Sr Ana Lima (Minister of Justice)": a name (with its honorifics) and the
    title in brackets after it."""
    match = _NAME_PAREN_TITLE_RE.match(text)
    if not match:
        return None
    who, title = match["who"].strip(), match["title"].strip()
    tokens = who.split()
    rest = " ".join(tokens[honorific_length(tokens) :])
    if rest and is_name_like(rest) and is_title_word(title.split()[0]):
        return who, title
    return None


def _trailing_title(text: str) -> tuple[str, str]:
    """ "Ruth Bangura District Commissioner" -> ("Ruth Bangura", "District Commissioner"): a
    name of two words or more with title words after it."""
    tokens = text.split()
    cut = len(tokens)
    while cut > 2 and is_title_word(tokens[cut - 1]):
        cut -= 1
    if cut == len(tokens) or len(tokens) - cut > 3:
        return text, ""
    return " ".join(tokens[:cut]), " ".join(tokens[cut:])


def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def _title_and_name(text: str, spellings: Spellings) -> tuple[str, str]:
    """ "Ambassador Erzhan Kazykhanov" -> ("Ambassador", "Erzhan Kazykhanov");
    "Minister of Public Security" -> (the whole, ""); "Head of judiciary, X Y" -> split at the
    comma."""
    if "," in text:
        before, after = text.split(",", 1)
        if is_name_like(after.strip()):
            return recase_title(before.strip()), recase_name(after.strip(), spellings)
    tokens = text.split()
    i = honorific_length(tokens)
    while i < len(tokens) and is_title_word(tokens[i]):
        i += 1
    if i < len(tokens) and tokens[i].lower() in ("of", "for", "the"):
        return recase_title(text), ""
    rest = " ".join(tokens[i:])
    if rest and is_name_like(rest):
        return recase_title(" ".join(tokens[:i])), recase_name(rest, spellings)
    return recase_title(text), ""


def _split_office_from_title(parts: _Parts) -> None:
    """ "Chairman of the Investigative Committee of the Russian Federation" -> title "Chairman",
    office "Investigative Committee of the Russian Federation" (when no office is given)."""
    if parts.organisation:
        return
    match = re.match(r"^(?P<title>.+?)\s+of\s+(?:the\s+)?(?P<office>.+)$", parts.title)
    if match and any(is_org_word(w) for w in match["office"].split()):
        parts.title, parts.organisation = match["title"], match["office"]


def _address_and_country(lines: list[str], flat: bool) -> tuple[list[str], str, Confidence]:
    out: list[str] = []
    # lines the document broke itself stay as written; a run-on address is split at commas
    split = flat or len(lines) == 1
    for line in lines:
        out.extend(split_address_line(line) if split else [line.strip().strip(",").strip()])
    if flat and out:
        tail = trailing_country(out[-1])
        if tail and tail[0]:
            out[-1:] = [tail[0], tail[1]]
    country, confidence = "", Confidence.MISSING
    for line in reversed(out):
        name = country_name(line)
        if name is None and (tail := trailing_country(line)):
            name = country_name(tail[1])
        if name:
            return out, name, Confidence.HIGH
    for line in out:
        name = postal_country(line)
        if name:
            return out, name, Confidence.MEDIUM
    return out, country, confidence


def split_address_line(line: str) -> list[str]:
    """ "1401 16th St NW, Washington DC 20036" -> two lines; "Astana, 010000" stays one: a
    line is split after a street part when a place name follows."""
    line = line.strip().strip(",").strip()
    match = _COMMA_RE.search(line)
    while match:
        left, right = line[: match.start()], line[match.end() :]
        streetish = _has_digit(left[:8]) or left.lower().startswith(("c/o", "p.o", "po box"))
        streetish = streetish or bool(_STREET_RE.search(left))
        place_words = [w for w in re.findall(r"[^\W\d_]{3,}", right) if not is_state_code(w)]
        if streetish and place_words:
            # "601 New Hampshire Ave., NW Washington, DC": a US quadrant ends the street line.
            quadrant = re.match(r"\s*(NW|NE|SW|SE)\b\s*", right)
            if quadrant:
                left, right = f"{left.strip()} {quadrant.group(1)}", right[quadrant.end() :]
            return [left.strip(), *split_address_line(right)]
        match = _COMMA_RE.search(line, match.end())
    return [line] if line else []
