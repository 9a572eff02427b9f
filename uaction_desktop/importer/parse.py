"""Text of an Urgent Action -> a :class:`Draft`. Never raises: any text gives a draft, with
what could not be read left empty (confidence "missing") or kept as a leftover.

The parser works on lines. Headings cut the document into parts (see ``sections``); numbers,
dates and notices are found anywhere (``meta``); officials come from the addresses parts
(``officials``); what remains of the introduction is the title, summary and case details.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import date
from functools import cache

from uaction_desktop.i18n import _
from uaction_desktop.importer import meta, people
from uaction_desktop.importer.clean import clean_text, mentions_chrome
from uaction_desktop.importer.contact_lines import is_prose
from uaction_desktop.importer.doc_type import DocumentType, document_type
from uaction_desktop.importer.draft import (
    OFFICIAL_FIELDS,
    Confidence,
    Draft,
    DraftOfficial,
    DraftPerson,
    Field,
    Leftover,
    empty_fields,
)
from uaction_desktop.importer.letters import (
    CLOSING_LINE_RE,
    body_of,
    greeting_of,
    is_truncated,
)
from uaction_desktop.importer.lexicon import document_language, lexicon, phrase_pattern
from uaction_desktop.importer.names import (
    Spellings,
    honorific_length,
    is_name_like,
    is_title_word,
    needs_recasing,
    official_id,
    recase_name,
    sentence_case,
)
from uaction_desktop.importer.officials import Block, looks_address, parse_block, split_blocks
from uaction_desktop.importer.places import countries_mentioned, country_name, fold
from uaction_desktop.importer.prose import first_sentence_title, items, paragraphs, sentences
from uaction_desktop.importer.prose_names import listed_names, recurring_names
from uaction_desktop.importer.sections import Part, Section, split_sections
from uaction_desktop.importer.stray_contacts import contact_runs
from uaction_desktop.model import CaseKind, Role

H, M, L = Confidence.HIGH, Confidence.MEDIUM, Confidence.LOW
_HEADING_RE = re.compile(
    r"^(?:amnesty international\s+|ai\s*-\s*)?(?:urgent action|ua)"
    r"(?:\s+(?P<kind>update|network|further information|alert))?\s*[:.!]?$",
    re.IGNORECASE,
)
# "ACTION: Teachers threatened (UA 180/30)": a title tagged with its UA number
_TAGGED_TITLE_RE = re.compile(
    r"^(?:(?:urgent\s+)?action\s*:\s*)?(?P<title>[^()]{8,160}?)\s*"
    r"\((?:[^():]{2,60}:\s*)?(?:UA|AU)\s*[:#-]?\s*\d{1,4}\s*[./]\s*\d{2,4}\)$",
    re.IGNORECASE,
)
# a line that is only the UA number ("UA 237/30"), above the title on some section pages
_UA_ONLY_RE = re.compile(r"^(?:UA|AU)\s*[-:]?\s*\d{1,4}\s*/\s*\d{2,4}$")
# a title line in capitals that ends with a small word goes on on the next line
_CONTINUES_RE = re.compile(r"\b(?:TO|OF|IN|FOR|AND|ON|AT|THE|WITH|FROM|BY|AS)$")
# "URGENT ACTION TEACHER HELD IN PRISON A teacher was ...": banner, title and text run on
_RUN_ON_BANNER_RE = re.compile(
    r"\bURGENT ACTION\s+(?P<title>(?:[A-Z0-9][A-Z0-9’'&,./-]*\s+){1,15}?[A-Z0-9][A-Z0-9’'&./-]*)"
    r"(?=\s+[A-Z]?[a-z]|\s*$)"
)
# "UA-205/2030: TEACHER AT RISK": a title after the UA number that starts its line
# A paragraph that is only a label and an Amnesty index ("، رقم الوثيقة: AMR 19/011/1991", a
# web page's "Index number: MDE 13/001/2024"): a page's furniture, never the case's summary.
_INDEX_LINE_RE = re.compile(
    r"^\W*(?:[^\W\d_][^\d:]{0,40}:)?\s*[A-Z]{3}\s?\d{1,2}/\d{2,4}/\d{2,4}\W*$"
)
_UA_PREFIX_RE = re.compile(r"^(?:UA|AU)\s*-?\s*\d{1,4}\s*/\s*\d{2,4}(?:-\d{1,2})?\s*:\s*(?=\S)")
_TITLED_RE = re.compile(
    r"^urgent action(?P<update>\s+update)?\s*[:–—-]\s*(?P<title>\S.{2,200})$", re.IGNORECASE
)
_FURTHER_TOPIC_RE = re.compile(
    r"^further information on\b.*\)\s*[-–—]\s*(?P<topic>[^()]{3,120})$", re.I
)
_COUNTRY_LINE_RE = re.compile(r"^(?P<country>[A-Z][A-Z .’'()&-]{2,50}?)\s*:\s*(?P<rest>\S.*)$")
_ASK_SENTENCE_RE = re.compile(
    r"\b(?:I|we)\s+(?:therefore\s+|also\s+|finally\s+)?(?:ask|urge|call on|call upon|request|"
    r"implore)\b",
    re.IGNORECASE,
)
_OFFICE_ABROAD_RE = re.compile(r"\b(?:embassy|mission|consulate|high commission)\b", re.I)
_PLACE_DATE_RE = re.compile(r"^[^\W\d_][\w .-]{1,30},\s.{0,20}\b(?:19|20)\d\d\.?$")
# "TEXT:" alone on a line, the message to send under it (a relay page's ready-made letter)
_LETTER_LABEL_RE = re.compile(
    rf"^{phrase_pattern(lexicon().labels.get('letter_text', []))}\s*:\s*$", re.IGNORECASE
)
MAX_OFFICIALS = 40  # Urgent Actions name a handful; past this the "officials" are something else


def parse_text(text: str, *, warnings: Iterable[str] = ()) -> Draft:
    """The draft of a case from the text of an Urgent Action document."""
    draft = _Parser(text).run()
    draft.warnings.extend(warnings)
    return draft


class _Parser:
    def __init__(self, text: str) -> None:
        cleaned = clean_text(text)
        self.lines = cleaned.lines
        self.footers = cleaned.footers
        self.used: set[int] = set()
        self.taken_ids: set[str] = set()
        self.set_aside = 0  # officials past MAX_OFFICIALS
        self.draft = Draft()
        self.draft.dropped.extend(cleaned.dropped)
        if cleaned.front_matter:
            self.draft.leftovers.append(
                Leftover(cleaned.front_matter, _("comment lines at the top of the file"))
            )
        self.sections = split_sections(self.lines)
        self.document = "\n".join(self.lines)
        self.spellings = Spellings(self.document)
        self.language = document_language(self.document)
        self.people_by_name: dict[str, DraftPerson] = {}
        self.title_line = ""
        self.heading_found = False
        self.letter_salutation = ""

    # ------------------------------------------------------------------ driver

    def run(self) -> Draft:
        for section in self.sections:
            if section.heading is not None:
                self.used.add(section.heading.index)
        self._numbers()
        self._known_lines()
        self._country_line()
        self._model_letter_in_intro()
        self._stray_contacts()
        self._title()
        self._people()
        self._intro_prose()
        for section in self.sections:
            if section.part is Part.ACTION:
                self._asks(section)
            elif section.part in (Part.TARGETS, Part.COPIES):
                self._officials(section)
            elif section.part is Part.BACKGROUND:
                self._background(section)
            elif section.part is Part.LETTER:
                self._letter(section)
        self._addressee_from_greeting()
        self._fallbacks()
        self._leftovers()
        self.draft.set_language(self.language)
        self.draft.document_type = document_type(
            self.draft.fields["kind"], self._has("ua"), self._letter_note()
        )
        if self.draft.document_type.value is DocumentType.MODEL_LETTER:
            self.draft.fields["ua"].note = _(
                "a model letter carries no UA number: give the number of the Urgent Action "
                "it belongs to (from the section's page or the original UA)"
            )
        return self.draft

    def _letter_note(self) -> str:
        """Where the document's ready-made letter is ("" when it has none): a letter with its
        greeting, a sample-letter part, or texts to send under a "Text:" label."""
        if self._has("model_letter"):
            return self.draft.fields["model_letter"].note.split(";")[0].strip()
        for i, line in enumerate(self.lines[:-1]):
            if _LETTER_LABEL_RE.match(line) and is_prose(self.lines[i + 1]):
                return _("a text to send under '{label}'").format(label=line.strip())
        return ""

    def _free(self, indices: Iterable[int]) -> list[int]:
        return [i for i in indices if i not in self.used]

    def _set(self, key: str, value: object, confidence: Confidence, note: str) -> None:
        self.draft.set(key, value, confidence, note)

    def _has(self, key: str) -> bool:
        return self.draft.fields[key].confidence is not Confidence.MISSING

    # ------------------------------------------------------------------ numbers and notices

    def _numbers(self) -> None:
        lines = self.lines
        self._pick_ua(meta.ua_candidates(lines))
        self._pick_index(meta.index_candidates(lines))
        self._pick_kind()
        issued = meta.issued_candidates(lines)
        best = _best(issued)
        if best:
            self._set("issued", best.value, best.confidence, best.note)
            if best.confidence is M and len(lines[best.line]) <= 80:
                self.used.add(best.line)  # a date line; a run-on header line is still read
        for candidate in issued:
            if meta.is_metadata_line(lines[candidate.line]):
                self.used.add(candidate.line)
        self._pick_deadline()
        reference = meta.report_reference(lines)
        if reference:
            self._set("report_reference", reference[0], reference[1], _("from the reporting line"))
        source = meta.source_from(self.footers)
        if source:
            self._set("source", source, M, _("from the page footer"))
        self._languages()
        for line in lines:
            country = meta.header_country(line)
            if country:
                self._set("country", _country_text(country), H, _("from the UA/Index line"))
                break
        for i, line in enumerate(lines):
            if line and (meta.is_metadata_line(line) and re.search(r"\d", line)):
                self.used.add(i)
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            open_paren = line.count("(") > line.count(")") or re.search(r"follow[- ]ups?$", line)
            if meta.is_further_line(line) and nxt.startswith("(") and open_paren:
                self.used.update((i, i + 1))
                lines[i] = f"{line} {nxt}"
                lines[i + 1] = ""

    def _pick_ua(self, candidates: list[meta.Candidate]) -> None:
        best = _best(candidates)
        if best is None:
            return
        others = sorted({str(c.value) for c in candidates if c.value != best.value})
        confidence, note = best.confidence, best.note
        strong_others = [c for c in candidates if c.confidence is H and c.value != best.value]
        if strong_others:
            confidence = M
        if others:
            note = _("{note}; the document also names UA {numbers}").format(
                note=note, numbers=", ".join(others)
            )
        self._set("ua", best.value, confidence, note)

    def _pick_index(self, candidates: list[meta.Candidate]) -> None:
        if not candidates:
            return
        ordered = sorted(candidates, key=lambda c: c.value[0])  # type: ignore[index]
        best = ordered[0]
        text = best.value[1]  # type: ignore[index]
        keys = {meta.index_key(c.value[1]) for c in candidates}  # type: ignore[index]
        confidence, note = best.confidence, best.note
        if len(keys) > 1:
            confidence = M
            note = _("{note}; other index numbers appear in the document").format(note=note)
        self._set("index", text, confidence, note)

    def _pick_kind(self) -> None:
        closure = next((i for i, line in enumerate(self.lines) if meta.is_closure(line)), None)
        if closure is not None:
            self._set("kind", CaseKind.CLOSURE, H, _("'no further action is requested'"))
            self._set("update", 0, H, _("a closure has no update number"))
            return
        follow = meta.follow_up_info(self.lines)
        if follow:
            number, confidence, note = follow
            self._set("kind", CaseKind.FOLLOW_UP, H, _("a follow-up: {note}").format(note=note))
            self._set("update", number or 1, confidence, note)
            return
        if any(re.search(r"\burgent action update\b", line, re.I) for line in self.lines):
            self._set("kind", CaseKind.FOLLOW_UP, M, _("called an 'Urgent Action update'"))
            self._set("update", 1, L, _("the document does not say which update; 1 assumed"))
            return
        self._set("kind", CaseKind.INITIAL, H, _("no follow-up or closure notice found"))
        self._set("update", 0, H, _("not a follow-up"))

    def _pick_deadline(self) -> None:
        if self.draft.value("kind") is CaseKind.CLOSURE:
            self._set("deadline", None, H, _("a closure has no deadline"))
            return
        issued: date | None = self.draft.value("issued")
        chosen: tuple[date, Confidence, str] | None = None
        for found, confidence, note, _line in meta.deadline_candidates(self.lines):
            day = found.resolve(issued)
            if day is None:
                continue
            if found.year is None:
                confidence = M
                note = _("{note}; the year is inferred from the issue date").format(note=note)
            if chosen is None or (confidence.rank > chosen[1].rank):
                chosen = (day, confidence, note)
        if chosen:
            if issued and chosen[0] < issued:
                late = _("{note}; it is before the issue date").format(note=chosen[2])
                chosen = (chosen[0], L, late)
            self._set("deadline", *chosen)

    def _languages(self) -> None:
        found: list[str] = []
        candidates = [s.heading.index for s in self.sections if s.heading is not None]
        candidates += [i for i, line in enumerate(self.lines) if meta.asks_for_languages(line)]
        for i in sorted(set(candidates)):
            for name in meta.languages_in(self.lines[i]):
                if name not in found:
                    found.append(name)
        if found:
            self._set("languages", tuple(found), H, _("from the line asking for appeals"))

    def _known_lines(self) -> None:
        """Standard instructions and notices: recognised, dropped with their reason."""
        previous = ""
        for i, line in enumerate(self.lines):
            if not line:
                continue
            if i in self.used:
                previous = line
                continue
            if meta.is_date_line(line):
                self.used.add(i)
                self.draft.dropped.append(
                    Leftover(line, _("a date on a line of its own, not read as the issue date"))
                )
                continue
            wrapped = line[:1].islower() and previous and meta.all_known(f"{previous} {line}")
            if meta.all_known(line) or wrapped:
                self.used.add(i)
                self.draft.dropped.append(Leftover(line, _("standard instruction or notice")))
            previous = line

    # ------------------------------------------------------------------ title and people

    def _intro(self) -> Section:
        return self.sections[0]

    def _title(self) -> None:
        intro = self._intro().lines
        title: tuple[str, Confidence, str] | None = None
        for pos, i in enumerate(intro):
            line = self.lines[i]
            if not line:
                continue
            heading = _HEADING_RE.match(line)
            nxt = next((j for j in intro[pos + 1 :] if self.lines[j]), None)
            broken = (
                line.strip().upper() == "URGENT"
                and nxt is not None
                and re.match(r"^action\b", self.lines[nxt], re.I) is not None
            )
            if broken and nxt is not None:
                self.used.add(nxt)  # "URGENT" / "ACTION - Amnesty International <date>"
            number_only = _UA_ONLY_RE.match(line) and not self.heading_found
            if heading or broken or number_only:
                self.used.add(i)
                self.heading_found = self.heading_found or not number_only
                following = [
                    j
                    for j in self._free(intro[pos + 1 :])
                    if self.lines[j] and not _byline_or_header(self.lines[j])
                ]
                if number_only:  # a page that sets the UA number above the title
                    following = [j for j in following if not _place_or_date(self.lines[j])]
                if title is None and following:
                    j = following[0]
                    candidate = self.lines[j]
                    if (
                        len(candidate) <= 160
                        and not _TITLED_RE.match(candidate)
                        and not is_prose(candidate)
                        and not meta.ua_candidates([candidate])
                        and not meta.index_candidates([candidate])
                    ):
                        self.used.add(j)
                        candidate = self._title_over_two_lines(candidate, j)
                        self.title_line = candidate
                        title = (
                            (candidate, M, _("the line under the UA number"))
                            if number_only
                            else (candidate, H, _("the line under the 'URGENT ACTION' heading"))
                        )
                continue
            tagged = _TAGGED_TITLE_RE.match(line) if title is None and i not in self.used else None
            if tagged and not _TITLED_RE.match(line):
                self.used.add(i)
                self.title_line = line
                title = (tagged["title"].strip(" -–—:"), M, _("the line tagged with its UA number"))
                continue
            titled = _TITLED_RE.match(line)
            if titled and title is None:
                self.used.add(i)
                self.heading_found = True
                self.title_line = line
                text = titled["title"]
                paren = meta.title_paren(text)
                if paren:
                    text, country, _ua = paren
                    if country_name(country) or country:
                        self._set("country", _country_text(country), H, _("from the title line"))
                title = (text, H, _("from the 'Urgent Action:' title line"))
                if titled["update"] and self.draft.value("kind") is CaseKind.INITIAL:
                    self._set("kind", CaseKind.FOLLOW_UP, M, _("called an 'Urgent Action update'"))
                    self._set(
                        "update", 1, L, _("the document does not say which update; 1 assumed")
                    )
        if title is None:
            title = self._run_on_banner_title()
        for i, line in enumerate(self.lines):
            topic = meta.old_header_topic(line) or _further_topic(line)
            if topic and title is None:
                topic, country = _strip_country_prefix(topic)
                if country and not self._has("country"):
                    self._set("country", country, H, _("from the heading"))
                title = (topic, M, _("the topic in the UA heading"))
                self.used.add(i)
            if line and self.title_line and _same_text(line, self.title_line):
                self.used.add(i)  # the title repeated on a later page
            if _HEADING_RE.match(line):
                self.used.add(i)
        if title is None and not self.letter_salutation:
            title = self._first_line_title()
        if title is None:
            return
        text, confidence, note = title
        text = _UA_PREFIX_RE.sub("", text.strip()).rstrip(".").strip()
        if not re.search(r"\w", text.replace("...", "")):
            return  # "[...]": where an excerpt stops, never a title
        if needs_recasing(text):
            text = sentence_case(text, self.document)
            confidence = M if confidence is H else confidence
            note = _("{note}; recased from capitals").format(note=note)
        elif text[:1].islower():
            text = text[:1].upper() + text[1:]
        self._set("title", text, confidence, note)

    def _title_over_two_lines(self, first: str, index: int) -> str:
        """ "BLOGGERS SENTENCED TO" / "PRISON IN ELBONIA": a title in capitals that ends with
        a small word goes on on the next line."""
        nxt = index + 1
        if (
            first.isupper()
            and _CONTINUES_RE.search(first)
            and nxt < len(self.lines)
            and nxt not in self.used
            and self.lines[nxt].isupper()
            and len(self.lines[nxt]) <= 80
        ):
            self.used.add(nxt)
            return f"{first} {self.lines[nxt]}"
        return first

    def _run_on_banner_title(self) -> tuple[str, Confidence, str] | None:
        """ "URGENT ACTION TEACHER HELD IN PRISON A teacher was ...": extraction ran the
        banner, the title in capitals and the first sentence together. The title is the run
        of words in capitals after the banner; the line keeps the sentence."""
        for i in self._intro().lines[:12]:
            line = self.lines[i]
            match = _RUN_ON_BANNER_RE.search(line)
            if not match:
                continue
            words = match["title"].split()
            if words[-1] in ("A", "I"):  # "... DEFENDERS A man was": the sentence's first word
                words = words[:-1]
            if len(words) < 2:
                continue
            rest = line[match.end("title") :].strip()
            if words != match["title"].split():
                rest = f"{match['title'].split()[-1]} {rest}"
            # the header fields before the banner are read already: the sentence is left
            self.lines[i] = rest
            self.used.discard(i)
            return (
                " ".join(words),
                M,
                _("the words in capitals after 'URGENT ACTION' on a run-on line"),
            )
        return None

    def _first_line_title(self) -> tuple[str, Confidence, str] | None:
        free = [i for i in self._free(self._intro().lines) if self.lines[i]]
        if len(free) < 2:
            return None
        first, second = self.lines[free[0]], self.lines[free[1]]
        if (
            len(first) <= 100
            and not first.endswith((".", ",", ":", ";"))
            and len(second) > len(first)
        ):
            if is_name_like(first) or greeting_of(second) is not None:
                return None
            if meta.is_date_line(first):
                return None
            self.used.add(free[0])
            self.title_line = first
            return first, M, _("the first line of the document")
        return None

    def _country_line(self) -> None:
        """Old layout: "PERU: Julio CASTRO ROJAS, teacher"."""
        for pos, i in enumerate(self._intro().lines):
            line = self.lines[i]
            if i in self.used:
                continue
            found = _country_and_rest(line)
            if found is None:
                continue
            written, rest = found
            self.used.add(i)
            if self.draft.fields["country"].confidence is not H:
                self._set("country", _country_text(written), H, _("from the country line"))
            rows = [rest]
            for j in self._intro().lines[pos + 1 :]:
                nxt = self.lines[j]
                if j in self.used or not nxt or len(nxt) > 100:
                    break
                if not (
                    people.GENDER_MARK_RE.search(nxt)
                    or re.match(r"^[A-Z][\w’'-]+\s+[A-Z]{2,}", nxt)
                    or (is_name_like(nxt) and len(nxt.split()) >= 2)
                ):
                    break
                rows.append(nxt)
                self.used.add(j)
            for row in rows:
                self._add_people(
                    people.names_in_list(row, self.spellings), H, _("from the country line")
                )
            return

    def _people(self) -> None:
        name_rows: list[int] = []
        for i, line in enumerate(self.lines):
            match = people.NAME_LINE_RE.match(line)
            if not match:
                continue
            self.used.add(i)
            rest = match["rest"]
            gender_inline = people.GENDER_LINE_RE.search(rest)
            if gender_inline:
                rest = rest[: gender_inline.start()]
            before = len(self.draft.people)
            names = people.names_in_list(rest, self.spellings)
            dropped = people.not_names(rest, names)
            self._add_people(names, H, _("from the 'Name:' line"))
            if dropped:
                self.draft.dropped.append(
                    Leftover(dropped, _("words on the 'Name:' line that are not a name"))
                )
            name_rows.append(before)
            if gender_inline:
                self._genders(gender_inline["g"], before)
        for i, line in enumerate(self.lines):
            match = people.GENDER_LINE_RE.match(line)
            if match and not people.NAME_LINE_RE.match(line):
                self.used.add(i)
                start = name_rows[-1] if name_rows else 0
                self._genders(match["g"], start)
        lower = frozenset(re.findall(r"\b[a-z][\w’'-]*", self.document))
        for i, line in enumerate(self.lines):
            if i in self.used and not people.NAME_LINE_RE.match(line):
                continue
            for raw, gender in people.marked_names(line):
                name = recase_name(people.strip_lead_words(raw, lower), self.spellings)
                self._add_people([(name, gender)], H, _("marked (m)/(f)"))

    def _add_people(self, found: list[tuple[str, str]], confidence: Confidence, note: str) -> None:
        known = self.people_by_name
        for name, gender in found:
            if not name:
                continue
            existing = known.get(fold(name))
            if existing:
                if gender and not existing.gender.value:
                    existing.gender = Field(gender, confidence, note)
                continue
            person = DraftPerson(
                Field(name, confidence, note),
                Field(
                    gender,
                    confidence if gender else Confidence.MISSING,
                    note if gender else _("the document does not say"),
                ),
            )
            self.draft.people.append(person)
            known[fold(name)] = person

    def _genders(self, text: str, start: int) -> None:
        values = people.genders_in(text)
        if not values:
            return
        targets = self.draft.people[start:]
        for person, gender in zip(targets, values, strict=False):
            person.gender = Field(gender, H, _("from the 'Gender:' line"))
        if len(values) == 1 and len(targets) > 1:
            for person in targets[1:]:
                if not person.gender.value:
                    person.gender = Field(values[0], M, _("one gender given for several names"))

    # ------------------------------------------------------------------ prose

    def _model_letter_in_intro(self) -> None:
        """A document that is a model letter: address block, subject, "Dear ...," ... "Yours
        sincerely,". The letter is the model letter; the block above it is the official."""
        intro = self._intro().lines
        start = next(
            (
                p
                for p, i in enumerate(intro)
                if i not in self.used and greeting_of(self.lines[i]) is not None
            ),
            None,
        )
        if start is None:
            return
        end = next(
            (
                p
                for p in range(start + 1, len(intro))
                if CLOSING_LINE_RE.match(self.lines[intro[p]])
            ),
            None,
        )
        if end is None:
            # no sign-off: a letter cut off by "[...]" still ends where the text stops
            last = next((p for p in range(len(intro) - 1, start, -1) if self.lines[intro[p]]), None)
            if last is None or not is_truncated(self.lines[intro[last]]):
                return
            end = last + 1
        salutation_line = self.lines[intro[start]]
        body = [self.lines[i] if i not in self.used else "" for i in intro[start + 1 : end]]
        body_paragraphs = paragraphs(body)
        if not body_paragraphs:
            return
        self._set_letter(body_paragraphs, _("the letter between its greeting and sign-off"))
        self.letter_salutation = greeting_of(salutation_line) or ""
        self.used.update(intro[start : min(end + 1, len(intro))])
        if not self._has("summary"):
            self._set(
                "summary", body_paragraphs[0], L, _("the first paragraph of the model letter")
            )
        asks = [s for p in body_paragraphs for s in sentences(p) if _ASK_SENTENCE_RE.search(s)]
        if asks:
            self._set("asks", tuple(asks), L, _("the requests in the model letter"))
        before = [i for i in self._free(intro[:start])]
        self._address_block_before_letter(before)

    def _address_block_before_letter(self, before: list[int]) -> None:
        groups: list[list[int]] = [[]]
        for i in before:
            if self.lines[i]:
                groups[-1].append(i)
            elif groups[-1]:
                groups.append([])
        groups = [g for g in groups if g]
        # a place-and-date line above the greeting ("Lisbon, May 2024.") is not the address
        while groups and len(groups[-1]) == 1 and _PLACE_DATE_RE.match(self.lines[groups[-1][0]]):
            groups.pop()
        # the address block is the run of groups nearest the letter, back to prose or a sign-off
        nearest: list[list[int]] = []
        for group in reversed(groups):
            texts = [self.lines[i] for i in group]
            if any(is_prose(t) or CLOSING_LINE_RE.match(t) for t in texts):
                break
            nearest.insert(0, group)
        groups = nearest
        if not groups:
            return
        subject = groups[-1]
        if len(groups) > 1 and len(subject) == 1:
            text = re.sub(
                r"^(?:re|subject|betrifft)\s*:\s*", "", self.lines[subject[0]], flags=re.I
            )
            names = people.names_in_list(text, self.spellings)
            if names and not people.not_names(text, names):
                self._add_people(names, M, _("from the letter's subject line"))
                if not self._has("title"):
                    self._set("title", text, L, _("the letter's subject line"))
                self.used.add(subject[0])
                groups = groups[:-1]
        block_lines = [self.lines[i] for g in groups for i in g]
        if any(is_prose(line) for line in block_lines):
            return  # sentences: the page's introduction, not an address block
        if self._stacked_addressees(groups):
            return
        official, leftovers = parse_block(Block(block_lines), self.spellings)
        if official is None and self.letter_salutation:
            official, leftovers = parse_block(
                Block([*block_lines, f"Salutation: {self.letter_salutation}"]), self.spellings
            )
        reachable = official is not None and (
            any(official.value(k) for k in ("fax", "phone", "emails", "social"))
            or len([x for x in official.value("address") if ":" not in x]) >= 2
            or any(looks_address(x) for x in official.value("address") if ":" not in x)
            # an office-holder written out in full (title, name, office) above a place line
            or (
                all(official.value(k) for k in ("title", "name", "organisation"))
                and bool(official.value("address"))
            )
        )
        if official is None or not reachable:
            return  # not an address block: the lines stay for the title and summary
        if official is not None:
            if not official.value("salutation") and self.letter_salutation:
                official.fields["salutation"] = Field(
                    self.letter_salutation, M, _("the model letter's opening")
                )
            self._add_official(official)
            self.used.update(i for g in groups for i in g)
        self.draft.leftovers.extend(leftovers)

    def _stacked_addressees(self, groups: list[list[int]]) -> bool:
        """Two or more addressees stacked above one letter, each a short group of its own
        (title, name, office) and none with an address: one official per group, to whom
        the letter's shared greeting ("Dear Sirs:") goes. Their contacts are for the
        reviewer to add."""
        if len(groups) < 2 or any(len(g) > 4 for g in groups):
            return False
        found: list[DraftOfficial] = []
        for group in groups:
            official, leftovers = parse_block(
                Block([*(self.lines[i] for i in group), "Salutation: -"]), self.spellings
            )
            if official is None or not (official.value("name") and official.value("title")):
                return False
            if official.value("address") or leftovers:
                return False
            found.append(official)
        note = _("one of the addressees stacked above the letter: the document gives no contacts")
        for official in found:
            official.fields["salutation"] = (
                Field(self.letter_salutation, M, _("the model letter's shared greeting"))
                if self.letter_salutation
                else Field("", Confidence.MISSING, _("not found in the document"))
            )
            official.fields["role"] = Field(Role.TARGET, M, note)
            self._add_official(official)
        self.used.update(i for g in groups for i in g)
        return True

    def _intro_prose(self) -> None:
        intro = self._intro().lines
        text = [self.lines[i] if i not in self.used else "" for i in intro]
        found = [_without_markers(p) for p in paragraphs(text)]
        for cut in [p for p in found if not re.search(r"\w", p)]:
            self.draft.dropped.append(Leftover(cut, _("where the text stops (an excerpt's cut)")))
        found = [p for p in found if re.search(r"\w", p)]
        for label in [p for p in found if _INDEX_LINE_RE.match(p)]:  # "Document number: AMR …"
            self.draft.dropped.append(Leftover(label, _("a document index with its label")))
        found = [p for p in found if not _INDEX_LINE_RE.match(p)]
        if not found:
            return
        self.used.update(intro)
        confidence = H if self.heading_found or self._has("title") else M
        if self.draft.fields["summary"].confidence in (Confidence.MISSING, L):
            self._set("summary", found[0], confidence, _("the first paragraph"))
            rest = found[1:]
        else:
            rest = found
        if rest:
            self._set(
                "details", "\n\n".join(rest), confidence, _("the paragraphs after the summary")
            )

    def _asks(self, section: Section) -> None:
        free = self._free(section.lines)
        lines = [self.lines[i] for i in free]
        while lines and (not lines[0] or lines[0].endswith(":")):
            if lines[0]:
                self.draft.dropped.append(
                    Leftover(lines[0], _("instruction above the appeal points"))
                )
            lines.pop(0)
        found, others = items(lines)
        self.used.update(free)
        if found:
            current = (
                list(self.draft.value("asks"))
                if self.draft.fields["asks"].confidence in (H, M)
                else []
            )
            bulleted = any(re.match(r"^[-–—•◼◾■▪●*·]", line) for line in lines)
            confidence = H if bulleted else M
            note = _("the bullet points under the action heading")
            if not bulleted:
                note = _("one appeal point per line under the action heading")
            self._set("asks", tuple(current + found), confidence, note)
        if others:
            self.draft.leftovers.append(
                Leftover("\n".join(others), _("in the appeal section, but not an appeal point"))
            )

    def _background(self, section: Section) -> None:
        free = self._free(section.lines)
        text = [section.heading.rest] if section.heading and section.heading.rest else []
        text += [self.lines[i] for i in free]
        found = [_without_markers(p) for p in paragraphs(text)]
        self.used.update(free)
        if found:
            old = self.draft.value("background")
            joined = "\n\n".join(found)
            self._set(
                "background",
                f"{old}\n\n{joined}" if old else joined,
                H,
                _("the 'Additional information' part"),
            )

    def _letter(self, section: Section) -> None:
        free = self._free(section.lines)
        text = [section.heading.rest] if section.heading and section.heading.rest else []
        text += [self.lines[i] for i in free]
        found = paragraphs(text)
        self.used.update(free)
        if not found:
            return
        body, salutation = body_of(found)
        if salutation:
            self.letter_salutation = salutation
        self._set_letter(body, _("the sample letter, without its greeting and sign-off"))

    def _set_letter(self, body: list[str], note: str) -> None:
        """The model letter's body; one cut off by "[...]" is kept for the reviewer to
        complete, at low confidence, and never passes as a whole letter."""
        text = "\n\n".join(body)
        if not text:
            return
        if is_truncated(text):
            cut = _("{note}; it is cut off ('[...]'): complete it").format(note=note)
            self._set("model_letter", text, L, cut)
            self.draft.leftovers.append(
                Leftover(
                    text[-200:],
                    "the model letter stops mid-text ('[...]'): complete it from the original "
                    "before printing letters",
                )
            )
            return
        self._set("model_letter", text, H, note)

    # ------------------------------------------------------------------ officials

    def _officials(self, section: Section) -> None:
        role = Role.COPY if section.part is Part.COPIES else Role.TARGET
        free = self._free(section.lines)
        rest = section.heading.rest if section.heading else ""
        if rest and meta.all_known(rest):
            self.draft.dropped.append(Leftover(rest, _("standard instruction or notice")))
            rest = ""
        lines = [rest] if rest else []
        lines += [self.lines[i] for i in free]
        self.used.update(free)
        for block in split_blocks(lines, role):
            if block.prose and meta.deadline_candidates(block.lines):
                self.draft.dropped.append(
                    Leftover(
                        block.lines[0],
                        _("the appeal instructions (the deadline is read from them)"),
                    )
                )
                continue
            official, leftovers = parse_block(block, self.spellings, self.language)
            self.draft.leftovers.extend(leftovers)
            if official is not None:
                self._add_official(official)

    def _stray_contacts(self) -> None:
        """Officials outside an addresses part, recognised by their contact lines."""
        for section in self.sections:
            if section.part not in (Part.INTRO, Part.ACTION, Part.OTHER):
                continue
            free = self._free(section.lines)
            for run in contact_runs(self.lines, free):
                found = False
                for block in split_blocks([self.lines[i] for i in run], Role.TARGET):
                    official, leftovers = parse_block(block, self.spellings, self.language)
                    if official is not None:
                        official.fields["role"] = Field(
                            Role.TARGET, M, _("contact details outside an addresses part")
                        )
                        self._add_official(official)
                        self.draft.leftovers.extend(leftovers)
                        found = True
                if found:
                    self.used.update(run)

    def _addressee_from_greeting(self) -> None:
        """A model letter whose addressee's block is missing (a stored excerpt keeps only the
        letter): the greeting "Monsieur le Procureur général," still says to whom it goes.
        The official gets that title and salutation, as a guess, and no contact details."""
        salutation = self.letter_salutation
        if self.draft.officials or not self._has("model_letter") or not salutation:
            return
        if "/" in salutation or self._has("ua"):
            return
        tokens = salutation.split()
        while tokens and fold(tokens[0]) in _greeting_words():
            tokens = tokens[1:]
        tokens = tokens[honorific_length(tokens) :]
        if not tokens or len(tokens) > 5 or not is_title_word(tokens[0]):
            return
        title = " ".join(tokens)
        note = _("the title the model letter's greeting gives: the document has no address for it")
        official = DraftOfficial(empty_fields(OFFICIAL_FIELDS))
        official.fields["title"] = Field(title, L, note)
        official.fields["salutation"] = Field(salutation, M, _("the model letter's greeting"))
        official.fields["role"] = Field(Role.TARGET, L, note)
        official.source_text = salutation
        self._add_official(official)

    def _add_official(self, official: DraftOfficial) -> None:
        if len(self.draft.officials) >= MAX_OFFICIALS:
            if not self.set_aside:
                self.draft.warnings.append(
                    _(
                        "more than {count} officials were found, far more than an Urgent "
                        "Action names; the rest are under the import notes, not in the case"
                    ).format(count=MAX_OFFICIALS)
                )
            self.set_aside += 1
            self.draft.leftovers.append(
                Leftover(
                    official.source_text,
                    _("beyond the first {count} officials").format(count=MAX_OFFICIALS),
                )
            )
            return
        ident = official_id(official.value("title"), official.value("name"), self.taken_ids)
        official.fields["id"] = Field(ident, H, _("made from the title (or the name)"))
        self.draft.officials.append(official)

    # ------------------------------------------------------------------ guesses

    def _fallbacks(self) -> None:
        self._country_guess()
        keys = ("summary", "details", "background", "model_letter")
        text = "\n".join(str(self.draft.value(k)) for k in keys)
        text += "\n" + "\n".join(self.draft.value("asks"))
        if not self.draft.people:
            self._people_from_prose(text)
        elif len(self.draft.people) == 1 and not self.draft.people[0].gender.value:
            gender = people.gender_from_pronouns(text)
            if gender:
                self.draft.people[0].gender = Field(gender, L, _("guessed from he/she in the text"))
        letter = self.draft.value("model_letter")
        if not self._has("asks") and letter:
            asks = [s for p in paragraphs(letter.split("\n")) for s in sentences(p)]
            asks = [s for s in asks if _ASK_SENTENCE_RE.search(s)]
            if asks:
                self._set("asks", tuple(asks), L, _("the requests in the sample letter"))
        summary_title = _UA_PREFIX_RE.sub("", first_sentence_title(self.draft.value("summary")))
        if not self._has("title") and re.search(r"\w{2}", summary_title):
            if needs_recasing(summary_title):
                summary_title = sentence_case(summary_title, self.document)
            self._set("title", summary_title, L, _("no title found: the start of the summary"))
        for official in self.draft.officials:
            fields = official.fields
            letter = self.letter_salutation
            if letter and not fields["salutation"].value and _refers_to(letter, official):
                fields["salutation"] = Field(letter, M, _("from the sample letter's opening"))
            if not fields["country"].value and fields["role"].value is Role.TARGET:
                country = self.draft.value("country")
                if country and not _OFFICE_ABROAD_RE.search(fields["organisation"].value):
                    fields["country"] = Field(
                        country, L, _("the address names no country: the case's country assumed")
                    )
        if not self._has("issued"):
            note = _("not found in the document: give the date the Urgent Action was issued")
            self.draft.fields["issued"].note = note
        if self.draft.value("kind") is not CaseKind.CLOSURE and not self._has("deadline"):
            self.draft.fields["deadline"].note = _("no appeal deadline found")

    def _country_guess(self) -> None:
        if self.draft.fields["country"].confidence is H:
            return
        prose = " ".join(str(self.draft.value(k)) for k in ("title", "summary", "details", "asks"))
        mentions = Counter(countries_mentioned(prose))
        top = mentions.most_common(1)[0][0] if mentions else ""
        from_officials = ""
        for official in self.draft.officials:
            fields = official.fields
            if fields["role"].value is not Role.TARGET or not fields["country"].value:
                continue
            if _OFFICE_ABROAD_RE.search(fields["organisation"].value):
                continue
            from_officials = fields["country"].value
            break
        if from_officials and from_officials == top:
            self._set("country", from_officials, H, _("the officials' country, named in the text"))
        elif from_officials:
            self._set("country", from_officials, M, _("the country of the officials' addresses"))
        elif top:
            self._set("country", top, L, _("the country the text names most"))

    def _people_from_prose(self, text: str) -> None:
        listed = listed_names(text)
        if listed:
            self._add_people([(n, "") for n in listed], M, _("names listed together in the text"))
            return
        names = recurring_names(text, self.draft.value("title"))
        if not names:
            return
        self._add_people([(n, "") for n in names], L, _("a name that recurs in the text"))
        if len(self.draft.people) == 1:
            gender = people.gender_from_pronouns(text)
            if gender:
                self.draft.people[0].gender = Field(gender, L, _("guessed from he/she in the text"))

    # ------------------------------------------------------------------ leftovers

    def _leftovers(self) -> None:
        notes = {
            Part.INTRO: _("not read as the title or case text"),
            Part.ACTION: _("in the appeal section, not read as an appeal point"),
            Part.TARGETS: _("in the addresses, not read as an official"),
            Part.COPIES: _("in the copies part, not read as an official"),
            Part.REPORT: _("in the 'let us know' part"),
            Part.BACKGROUND: _("in the background part"),
            Part.LETTER: _("in the sample letter part"),
            Part.OTHER: _("after the appeal"),
        }
        for section in self.sections:
            run: list[str] = []
            for i in [*section.lines, -1]:
                if i >= 0 and i not in self.used and self.lines[i]:
                    run.append(self.lines[i])
                    continue
                if i >= 0 and not self.lines[i] and run:
                    continue
                if run:
                    self.draft.leftovers.append(Leftover("\n".join(run), notes[section.part]))
                    run = []


# ---------------------------------------------------------------------- helpers


@cache
def _greeting_words() -> frozenset[str]:
    """Single words greetings are made of ("dear", "sehr", "geehrter", "monsieur", "le")."""
    return frozenset(fold(w) for g in lexicon().word_list("greetings") for w in g.split())


def _best(candidates: list[meta.Candidate]) -> meta.Candidate | None:
    if not candidates:
        return None
    return max(candidates, key=lambda c: (c.confidence.rank, -c.line))


def _without_markers(text: str) -> str:
    """ "Tomas Verenko (m) was arrested" -> "Tomas Verenko was arrested": the marker is kept
    as the person's gender; in a letter's text it would read oddly."""
    return re.sub(r"(?<=\w) \((?:m|f)\)(?=[\s,.;:]|$)", "", text)


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _country_text(text: str) -> str:
    """A country as the heading writes it, in normal case ("SAUDI ARABIA" -> "Saudi Arabia")."""
    text = text.strip()
    if text.isupper():
        return country_name(text) or " ".join(w.capitalize() for w in text.lower().split())
    return text


def _country_and_rest(line: str) -> tuple[str, str] | None:
    """ "PERU: Julio CASTRO ROJAS, lawyer" or, without the colon, "TURKEY Ana KAYA (f),
    aged 17": the country in capitals, then the people. Without a colon the rest must start
    with a name marked as one (a surname in capitals or a gender marker)."""
    match = _COUNTRY_LINE_RE.match(line)
    if match and match["country"].isupper() and country_name(match["country"]):
        return match["country"], match["rest"]
    # "Brazil:Ana Lima": a country in normal case, a colon, and nothing but a name after it
    match = re.match(r"^(?P<country>[^\W\d_][\w .’'-]{2,40}?)\s*:\s*(?P<rest>\S.*)$", line)
    if match and country_name(match["country"]) and is_name_like(match["rest"]):
        return match["country"], match["rest"]
    words = line.split()
    for n in range(min(4, len(words) - 1), 0, -1):
        head, rest = " ".join(words[:n]), " ".join(words[n:])
        if not head.isupper() or not country_name(head):
            continue
        if re.match(r"^[A-Z][\w’'-]+\s+[A-Z]{2,}\b", rest) or people.GENDER_MARK_RE.search(rest):
            return head, rest
        return None
    return None


def _place_or_date(line: str) -> bool:
    """A line that is only a country's name or a date, or site chrome: not a title."""
    if country_name(line.strip()) or meta.is_date_line(line):
        return True
    # "Aktiv seit 17. September 2020 | Noch 17 Tage Laufzeit", "Abgeschlossen am <date>"
    return mentions_chrome(line) and bool(re.search(r"\d", line))


def _byline_or_header(line: str) -> bool:
    """Not a title under the banner: "- From Amnesty International USA", the UA/Index line."""
    if meta.is_metadata_line(line) and re.search(r"\d", line):
        return True
    if meta.index_candidates([line]) and len(line) <= 60:  # "AI-Index: EUR 46/3072/2020"
        return True
    return bool(re.match(r"^[-–—]\s*\S|^(?:from|by|von|par|de)\s+amnesty\b", line, re.I))


def _further_topic(line: str) -> str | None:
    match = _FURTHER_TOPIC_RE.match(line)
    return match["topic"].strip() if match else None


def _strip_country_prefix(topic: str) -> tuple[str, str]:
    """ "Colombia: death threats" -> ("death threats", "Colombia")."""
    match = re.match(r"^(?P<country>[^:]{2,50}):\s*(?P<rest>.+)$", topic)
    if match and country_name(match["country"]):
        return match["rest"], _country_text(match["country"])
    return topic, ""


def _refers_to(salutation: str, official: DraftOfficial) -> bool:
    """The sample letter's opening names this official ("Dear Mr. Gholamhossein Mohseni Ejei")."""
    said = set(re.findall(r"\w+", fold(salutation))) - {"dear", "mr", "ms", "mrs", "dr", "your"}
    name = set(re.findall(r"\w+", fold(official.value("name"))))
    title = set(re.findall(r"\w+", fold(official.value("title")))) - {"his", "her"}
    if len(said & name) >= 2:
        return True
    return bool(said) and said <= title


__all__ = ["parse_text"]
