"""A case draft: what the parser read, how sure it is of each field, and what it could not place.

The draft is for a coordinator to review, so every value carries a confidence and a note saying
where it came from, and text the parser could not place is kept as ``leftovers`` rather than lost.
``to_case`` gives an ordinary :class:`~uaction_desktop.model.Case`; ``to_toml`` the case file.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from uaction_desktop.case_json import case_to_json
from uaction_desktop.casefile import (
    CASE_TEXT_FIELDS,
    OFFICIAL_KEYS,
    Problem,
    dump_case,
    parse_case_text,
)
from uaction_desktop.i18n import _, language_display_name
from uaction_desktop.importer.lexicon import greeting_language
from uaction_desktop.model import Case, CaseKind, Official, Person, Role

# "language" (the document's own) is read like the other fields; translations are not: a
# document is in one language, and its salutations in others are kept by each official.
CASE_FIELDS = ("language", *CASE_TEXT_FIELDS)
OFFICIAL_FIELDS = tuple(key for key in OFFICIAL_KEYS if key != "salutations")
_TUPLE_FIELDS = {"languages", "asks", "address", "emails", "social"}


class Confidence(enum.StrEnum):
    """How sure the parser is of a value (the GUI colours fields by it)."""

    HIGH = "high"  # read from a label or a fixed place in a known layout
    MEDIUM = "medium"  # inferred from a looser pattern; usually right
    LOW = "low"  # a guess: check it against the document
    MISSING = "missing"  # nothing found: the field is empty (or holds a stated placeholder)

    @property
    def rank(self) -> int:
        return ("missing", "low", "medium", "high").index(self.value)


@dataclass
class Field:
    """One value with its confidence and a note for the reviewer."""

    value: Any
    confidence: Confidence = Confidence.MISSING
    note: str = ""

    @property
    def needs_review(self) -> bool:
        return self.confidence is not Confidence.HIGH


@dataclass(frozen=True)
class Leftover:
    """Text the parser did not put into any field (or dropped as debris), with the reason."""

    text: str
    note: str


@dataclass
class DraftPerson:
    name: Field
    gender: Field


@dataclass
class DraftOfficial:
    """An official's fields, plus the lines of the document they were read from."""

    fields: dict[str, Field]
    source_text: str = ""
    # a salutation the document gives in several languages, one per language ("en", "de");
    # after :meth:`Draft.set_language`, every salutation the document gives, by language
    salutations: dict[str, str] = field(default_factory=dict)

    def value(self, key: str) -> Any:
        return self.fields[key].value

    def other_salutations(self, language: str) -> dict[str, str]:
        """The document's salutations in languages other than the case's ``language``."""
        return {k: v for k, v in self.salutations.items() if k != language and v.strip()}


def empty_fields(keys: tuple[str, ...]) -> dict[str, Field]:
    defaults: dict[str, Any] = {"kind": CaseKind.INITIAL, "update": 0, "role": Role.TARGET}
    out: dict[str, Field] = {}
    for key in keys:
        value = () if key in _TUPLE_FIELDS else defaults.get(key, "")
        if key in ("issued", "deadline"):
            value = None
        out[key] = Field(value, Confidence.MISSING, _("not found in the document"))
    return out


@dataclass
class Draft:
    """The parser's result. Read fields with :meth:`field` ("title", "officials[0].fax")."""

    fields: dict[str, Field] = field(default_factory=lambda: empty_fields(CASE_FIELDS))
    people: list[DraftPerson] = field(default_factory=list)
    officials: list[DraftOfficial] = field(default_factory=list)
    leftovers: list[Leftover] = field(default_factory=list)
    dropped: list[Leftover] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # the document's type (importer.doc_type: "model-letter" besides the case kinds); the
    # case saved from the draft has the case kind it maps to ("kind" in ``fields``)
    document_type: Field | None = None

    def looks_like_an_urgent_action(self) -> bool:
        """Whether anything an Urgent Action is made of was found: its number, an official
        to write to, or the appeal."""
        found_ua = self.fields["ua"].confidence is not Confidence.MISSING
        return found_ua or bool(self.officials) or bool(self.value("asks"))

    def set(self, key: str, value: Any, confidence: Confidence, note: str = "") -> None:
        self.fields[key] = Field(value, confidence, note)

    @property
    def language(self) -> str:
        return self.value("language") or "en"

    def set_language(self, language: str) -> None:
        """The case is in the document's language (``""``: none was recognised, so English);
        each official's ``salutation`` is then the one in that language, and the others the
        document gives are kept by language."""
        if language:
            name = language_display_name(language)
            note = _("the document is in {language}").format(language=name)
            self.set("language", language, Confidence.HIGH, note)
        else:
            note = _("no known language found: English assumed")
            self.set("language", "en", Confidence.LOW, note)
        for official in self.officials:
            _settle_salutation(official, self.language)

    def value(self, key: str) -> Any:
        return self.fields[key].value

    def field(self, path: str) -> Field:
        """A field by its case-file path: "title", "people[0].gender", "officials[1].emails"."""
        match = re.fullmatch(r"(people|officials)\[(\d+)\]\.(\w+)", path)
        if not match:
            return self.fields[path]
        group, index, key = match.group(1), int(match.group(2)), match.group(3)
        if group == "people":
            return getattr(self.people[index], key)
        return self.officials[index].fields[key]

    def assessments(self) -> dict[str, Field]:
        """Every field by path, in case-file order."""
        out = dict(self.fields)
        for i, person in enumerate(self.people):
            out[f"people[{i}].name"] = person.name
            out[f"people[{i}].gender"] = person.gender
        for i, official in enumerate(self.officials):
            for key in OFFICIAL_FIELDS:
                out[f"officials[{i}].{key}"] = official.fields[key]
        return out

    def to_review(self) -> dict[str, Field]:
        """What a reviewer should look at first, by path: values below high confidence, and
        required fields that are missing (empty optional fields are not listed)."""
        required = {"ua", "title", "country", "issued", "summary"}
        if self.value("kind") is not CaseKind.CLOSURE:
            required |= {"deadline", "asks"}
        out: dict[str, Field] = {}
        for path, f in self.assessments().items():
            key = path.rsplit(".", 1)[-1]
            if f.confidence is Confidence.MISSING:
                target = (
                    path.startswith("officials")
                    and self.field(path.rsplit(".", 1)[0] + ".role").value is Role.TARGET
                )
                if path in required or (key == "salutation" and target):
                    out[path] = f
            elif f.needs_review:
                out[path] = f
        return out

    def review_worst_first(self) -> list[tuple[str, Field]]:
        """What to check, worst first: required fields that are missing, then guesses (low),
        then looser readings (medium); in case-file order within each."""
        rank = {Confidence.MISSING: 0, Confidence.LOW: 1, Confidence.MEDIUM: 2}
        return sorted(self.to_review().items(), key=lambda item: rank.get(item[1].confidence, 3))

    # ---------------------------------------------------------------- conversion

    def to_case(self, today: date | None = None) -> Case:
        """The draft as a case. A missing issue date becomes ``today`` (its field says so);
        other missing values stay empty, for ``uaction check`` and the editor to point out."""
        kind = self.value("kind")
        issued = self.value("issued")
        if issued is None:
            issued = today or date.today()
            deadline = self.value("deadline")
            if deadline is not None and kind is not CaseKind.CLOSURE:
                issued = min(issued, deadline)
        language = self.language
        return Case(
            language=language,
            ua=self.value("ua"),
            kind=kind,
            update=self.value("update") if kind is CaseKind.FOLLOW_UP else 0,
            index=self.value("index"),
            title=self.value("title").strip(),
            country=self.value("country").strip(),
            issued=issued,
            deadline=None if kind is CaseKind.CLOSURE else self.value("deadline"),
            source=self.value("source"),
            languages=tuple(self.value("languages")),
            summary=self.value("summary").strip(),
            details=self.value("details").strip(),
            asks=tuple(a.strip() for a in self.value("asks") if a.strip()),
            background=self.value("background").strip(),
            report_reference=self.value("report_reference"),
            model_letter=self.value("model_letter").strip(),
            people=tuple(Person(p.name.value, p.gender.value) for p in self.people if p.name.value),
            officials=tuple(_official(o, language) for o in self.officials),
        )

    def to_toml(self, today: date | None = None, *, comments: bool = True) -> str:
        """The case file text; with ``comments``, a header lists what to review and the
        leftovers (as TOML comments, so the file still reads back to the same case)."""
        body = dump_case(self.to_case(today))
        if not comments:
            return body
        return self.review_comment() + body

    def review_comment(self) -> str:
        lines = [_("Draft made by 'uaction import': review it, then run 'uaction check' on it.")]
        review = self.to_review()
        if review:
            lines.append(_("Fields to review (confidence below high):"))
            for path, f in review.items():
                note = f.note
                if path == "issued" and f.confidence is Confidence.MISSING:
                    note = _(
                        "{note} (the import day, or an earlier deadline, stands in below)"
                    ).format(note=note)
                lines.append(f"  {path} ({f.confidence.value}): {note}")
        if self.leftovers:
            lines.append(_("Text the importer could not place:"))
            for leftover in self.leftovers:
                lines.append(f"  - {leftover.note}:")
                lines += [f"      {line}" for line in leftover.text.splitlines()]
        return "".join(f"# {_comment_safe(line)}".rstrip() + "\n" for line in lines) + "\n"

    def problems(self, today: date | None = None) -> list[Problem]:
        """What ``uaction check`` would say about the draft's case file."""
        return parse_case_text(self.to_toml(today, comments=False), "draft").problems

    def to_json(self, today: date | None = None) -> dict[str, Any]:
        """``uaction show --json``'s shape, plus confidence by field path and the leftovers."""
        out = case_to_json(self.to_case(today))
        out["case_kind"] = out["kind"]
        if self.document_type is not None:
            out["kind"] = str(self.document_type.value)
        # every salutation the document gives, by language (the case's own one too)
        for official, draft in zip(out["officials"], self.officials, strict=True):
            if draft.salutations:
                official["salutations"] = dict(draft.salutations)
        out["confidence"] = {
            path: {"confidence": f.confidence.value, "note": f.note}
            for path, f in self.assessments().items()
        }
        if self.document_type is not None:
            f = self.document_type
            out["confidence"]["document_type"] = {"confidence": f.confidence.value, "note": f.note}
        out["leftovers"] = [{"text": x.text, "note": x.note} for x in self.leftovers]
        out["dropped"] = [{"text": x.text, "note": x.note} for x in self.dropped]
        out["warnings"] = list(self.warnings)
        out["problems"] = [{"field": p.field, "message": p.message} for p in self.problems(today)]
        return out


def _official(draft: DraftOfficial, language: str = "en") -> Official:
    v = draft.value
    return Official(
        id=v("id"),
        role=v("role"),
        title=v("title"),
        name=v("name"),
        organisation=v("organisation"),
        address=tuple(v("address")),
        country=v("country"),
        fax=v("fax"),
        phone=v("phone"),
        emails=tuple(v("emails")),
        social=tuple(v("social")),
        salutation=v("salutation"),
        salutations=tuple(sorted(draft.other_salutations(language).items())),
    )


def _settle_salutation(official: DraftOfficial, language: str) -> None:
    """The official's ``salutation`` in the case's language, and the document's others by
    language: "Dear Minister / Estimada Señora Ministra / Sehr geehrte Frau Ministerin" keeps
    all three. A salutation given only in another language is kept under that language; the one
    in the case's language is then the app's table by title (a guess, marked for review), or,
    where the app has no table for it, the document's own as before."""
    current = official.fields["salutation"]
    variants = {k: v for k, v in official.salutations.items() if v.strip()}
    if not variants and current.value:
        spoken = greeting_language(current.value)
        if spoken and spoken != language:
            variants = {spoken: current.value}
    official.salutations = variants
    if not variants:
        return
    own = variants.get(language, "")
    if own:
        if own != current.value:
            official.fields["salutation"] = Field(
                own,
                Confidence.MEDIUM,
                _(
                    "given in {count} languages: the one in {language}, the case's language "
                    "(the others are kept for letters in those languages)"
                ).format(count=len(variants), language=language_display_name(language)),
            )
        return
    given = "; ".join(f"{language_display_name(k)}: {v}" for k, v in variants.items())
    from uaction_desktop.salutations import salutation_for, salutation_table

    table = salutation_table(language)
    if table.language != language:  # no table for the case's language: keep the document's
        official.fields["salutation"] = Field(
            current.value,
            Confidence.LOW,
            _(
                "the document gives it only in another language ({given}) and the app has no "
                "salutations in {language}: write the one in {language} here"
            ).format(given=given, language=language_display_name(language)),
        )
        return
    plain = replace(_official(official, language), salutation="")
    guess = salutation_for(plain, language, own="", hints=tuple(variants.values()))
    official.fields["salutation"] = Field(
        guess,
        Confidence.LOW,
        _(
            "the document gives it only in another language ({given}); this one is the app's "
            "usual salutation in {language} for that official: check it"
        ).format(given=given, language=language_display_name(language)),
    )


def _comment_safe(text: str) -> str:
    """One comment line: no line breaks or control characters can end the comment early."""
    return re.sub(r"[\x00-\x08\x0a-\x1f\x7f\u2028\u2029]", " ", text)
