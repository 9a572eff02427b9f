"""``build_pack``: the whole meeting pack as one PDF, written atomically.

Qt-free, so the window runs it on a worker thread: ``progress(done, total, what)`` is called after
each step, ``cancelled()`` is checked before each letter (and each other page). A cancelled or
failed build raises, writes nothing, and leaves any old file at ``output_path`` untouched.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from uaction_desktop.atomic import write_bytes_atomic
from uaction_desktop.compose import (
    LanguageError,
    compose_letter,
    letter_language,
    recipient_lines,
    return_address,
)
from uaction_desktop.i18n import _
from uaction_desktop.letter_text import truncation
from uaction_desktop.library import CaseLibrary
from uaction_desktop.model import Official
from uaction_desktop.pack.briefing import briefing_story, draw_briefing
from uaction_desktop.pack.cover import (
    PartPages,
    cover_notes,
    cover_story,
    define_cover,
    place_cover,
)
from uaction_desktop.pack.envelopes import ENVELOPES, draw_envelope
from uaction_desktop.pack.labels import SHEETS, draw_labels
from uaction_desktop.pack.letters import LetterPages
from uaction_desktop.pack.options import PackCancelled, PackError, PackOptions, Signer
from uaction_desktop.pack.pages import Texts
from uaction_desktop.pack.plan import PackPlan, plan_pack, signer_profile
from uaction_desktop.pack.tally import draw_tally
from uaction_desktop.pdf import fonts
from uaction_desktop.pdf.layouts import PageLayout, get_layout
from uaction_desktop.profile import SenderProfile

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class LetterCount:
    """How many letters the pack holds for one official: what the action log records later."""

    ua: str
    case_key: str
    official_id: str
    official_name: str
    letters: int


@dataclass(frozen=True)
class PackResult:
    path: Path
    pages: int
    parts: tuple[PartPages, ...]
    letters: int
    blank_backs: int  # pages left blank on purpose so that letters start on a front side
    counts: tuple[LetterCount, ...]
    meeting_date: date
    warnings: tuple[str, ...] = ()

    @property
    def page_counts(self) -> dict[str, int]:
        return {part.name: part.pages for part in self.parts}

    def part(self, name: str) -> PartPages | None:
        return next((p for p in self.parts if p.name == name), None)


def build_pack(
    options: PackOptions,
    library: CaseLibrary,
    profile: SenderProfile,
    output_path: str | Path,
    *,
    today: date | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> PackResult:
    """Build the pack and write it to ``output_path``; raises PackError or PackCancelled."""
    today = today or date.today()
    plan = writable(plan_pack(options, library, today), profile, options.language)
    builder = _Builder(options, plan, profile, today, progress, cancelled)
    data = builder.build()
    builder.check()
    path = Path(output_path)
    try:
        write_bytes_atomic(path, data)
    except OSError as exc:
        raise PackError(
            _("cannot write {path}: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from exc
    builder.tick("written")
    return builder.result(path)


def writable(plan: PackPlan, profile: SenderProfile, language: str | None) -> PackPlan:
    """The plan with every case's letters in one language, decided before anything is drawn.
    A language asked for that a case cannot fill is refused (the message names those it can);
    by default a case the app cannot write a letter for at all (its text is in a language
    without a letter frame, with no translation) is left out, and the pack says so."""
    kept, warnings = [], list(plan.warnings)
    for planned in plan.cases:
        try:
            letter_language(planned.case, profile, language)
        except LanguageError as exc:
            if language is not None:
                raise PackError(str(exc)) from exc
            warnings.append(_("{problem}; it has no letters in this pack").format(problem=exc))
            continue
        kept.append(planned)
    if plan.cases and not kept:
        raise PackError("; ".join(warnings[len(plan.warnings) :]))
    return replace(plan, cases=tuple(kept), warnings=tuple(warnings))


@dataclass
class _Builder:
    options: PackOptions
    plan: PackPlan
    profile: SenderProfile
    today: date
    progress: Progress | None
    cancelled: Cancelled | None
    missing: set[str] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)
    parts: list[PartPages] = field(default_factory=list)
    blank_backs: int = 0
    letter_blanks: int = 0
    done: int = 0

    def __post_init__(self) -> None:
        options = self.options
        self.layout: PageLayout = get_layout(options.layout or self.profile.paper)
        self.locale = self.profile.effective_locale(self.layout.name)
        self.meeting = options.meeting_date or self.today
        self.texts = Texts(self.missing)
        # Each case's letter language, as ``writable`` settled it: the cover and the briefings
        # speak the language its letters are written in.
        self.languages = {
            p.case.key: letter_language(p.case, self.profile, options.language)
            for p in self.plan.cases
        }
        letters = self.plan.letters
        self.total = (
            int(options.cover)
            + (len(self.plan.cases) if options.briefings else 0)
            + letters
            + int(options.tally and letters > 0)
            + (letters if options.envelopes or options.labels else 0)
            + 1
        )
        if not letters and not (options.briefings and self.plan.cases):
            raise PackError(_("nothing to print: no letters to write, and the briefings are off"))
        fonts.register_fonts()
        self.buffer = io.BytesIO()
        self.canvas = Canvas(
            self.buffer,
            pagesize=self.layout.page_size,
            invariant=1,
            initialFontName=fonts.SERIF,
            initialFontSize=11,
            initialLeading=14,
        )
        self.canvas.setTitle(_("Meeting pack, {date}").format(date=self.meeting.isoformat()))
        self.canvas.setAuthor(self.profile.group or self.profile.name)
        self.canvas.setCreator("uaction-desktop")
        self.canvas.setProducer("uaction-desktop (ReportLab)")

    # -- progress and cancelling

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise PackCancelled(_("the meeting pack was cancelled"))

    def tick(self, what: str) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, self.total, what)

    # -- the parts, in order

    def build(self) -> bytes:
        if self.options.cover:
            self.check()
            self._part("cover", lambda: place_cover(self.canvas))
            self.tick("cover")
        if self.options.briefings and self.plan.cases:
            self._part("briefings", self._briefings)
        if self.plan.letters:
            self._front_side()  # the pad before the first letter belongs to no part
            blanks_before = self.blank_backs
            self._part("letters", self._letters)
            self.letter_blanks = self.blank_backs - blanks_before
            if self.options.tally:
                self._front_side()
                self.check()
                self._part("tally", self._tally)
                self.tick(_("tally sheet"))
            if self.options.envelopes:
                self._front_side()
                self._part("envelopes", self._envelopes)
            elif self.options.labels:
                self._front_side()
                self._part("labels", self._labels)
        if self.options.cover:
            notes = cover_notes(self.plan, self.options, self.parts, self.letter_blanks)
            story = cover_story(
                self.plan,
                self.parts,
                notes,
                self.meeting,
                self.profile.group,
                self.layout,
                self.locale,
                self.texts,
                self.languages,
            )
            define_cover(self.canvas, self.layout, story)
        self.check()
        self.canvas.save()
        return self.buffer.getvalue()

    def _part(self, name: str, draw: Callable[[], object]) -> None:
        first = self.canvas.getPageNumber()
        draw()
        last = self.canvas.getPageNumber() - 1
        if last >= first:
            self.parts.append(PartPages(name, first, last))

    def _front_side(self) -> None:
        """With duplex, a blank back page so that what follows starts on a front side."""
        if self.options.duplex and self.canvas.getPageNumber() % 2 == 0:
            self.canvas.setPageSize(self.layout.page_size)
            self.canvas.showPage()
            self.blank_backs += 1

    def _briefings(self) -> None:
        count = len(self.plan.cases)
        for number, planned in enumerate(self.plan.cases, start=1):
            self.check()
            story = briefing_story(
                planned,
                self.meeting,
                len(self.plan.signers),
                self.profile,
                self.locale,
                self.texts,
                self.languages[planned.case.key],
            )
            label = _("Briefing {number} of {count} · UA {ua}").format(
                number=number, count=count, ua=planned.case.ua
            )
            page = _("page {number}").format(number=self.canvas.getPageNumber())
            self.canvas.setPageSize(self.layout.page_size)
            if not draw_briefing(self.canvas, self.layout, story, label, page):
                self.warnings.append(
                    _("the briefing for UA {ua} is long and printed small").format(
                        ua=planned.case.ua
                    )
                )
            self.tick(_("briefing {number} of {count}").format(number=number, count=count))

    def _letters(self) -> None:
        profiles = [signer_profile(self.profile, s) for s in self.plan.signers]
        pages: LetterPages | None = None
        checked: set[str] = set()  # a case's text is what may be cut: its first letter tells
        total = self.plan.letters
        for job in self.plan.jobs():
            self.check()
            letter = compose_letter(
                job.case,
                job.official,
                profiles[job.signer_index],
                today=self.meeting,
                layout=self.layout.name,
                variant=job.signer_index,
                language=self.options.language,
            )
            if pages is None:
                pages = LetterPages(self.canvas, self.layout, letter, self.missing)
            if job.case.key not in checked and (cut := truncation(letter.body)):
                self.warnings.append(
                    _(
                        'the letters for UA {ua} seem cut off at "{cut}": compare the case with '
                        "the published document before they are sent"
                    ).format(ua=job.case.ua, cut=cut)
                )
            checked.add(job.case.key)
            self._front_side()
            pages.draw(letter)
            self.tick(_("letter {number} of {count}").format(number=job.number + 1, count=total))
        if pages is not None:
            self.warnings.extend(pages.warnings)

    def _tally(self) -> None:
        self.canvas.setPageSize(self.layout.page_size)
        draw_tally(self.canvas, self.layout, self.plan, self.meeting, self.locale, self.texts)

    def _addresses(self) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
        """(recipient, return address) per letter, in the letters' order: a few lines each."""
        recipients: dict[tuple[str, str, str], tuple[str, ...]] = {}
        found = []
        for job in self.plan.jobs():
            signer = self.plan.signers[job.signer_index]
            profile = signer_profile(self.profile, signer) if not signer.is_blank else self.profile
            key = (job.case.ua, job.official.id, profile.country)  # posted from there
            if key not in recipients:
                recipients[key] = recipient_lines(job.official, profile, self.layout.name)
            found.append((recipients[key], self._return_address(signer, job.official)))
        return found

    def _return_address(self, signer: Signer, official: Official) -> tuple[str, ...]:
        """As on the letter: a member's address as the roster gives it; the coordinator's with
        the country for mail abroad."""
        if not self.options.return_address:
            return ()
        if not signer.is_blank:
            profile = signer_profile(self.profile, signer)
            lines = return_address(signer.address, official, profile, self.layout.name)
            return (signer.name, *lines) if lines else ()
        # Blank copies: the coordinator's address (the profile's), where replies should go.
        who = self.profile.name or self.profile.group
        lines = return_address(self.profile.address, official, self.profile, self.layout.name)
        return (who, *lines) if who and lines else ()

    def _envelopes(self) -> None:
        spec = ENVELOPES[self.options.envelopes or ""]
        addresses = self._addresses()
        for number, (recipient, sender) in enumerate(addresses, start=1):
            self.check()
            draw_envelope(self.canvas, spec, recipient, sender, self.missing, self.warnings)
            self.tick(_("envelope {number} of {count}").format(number=number, count=len(addresses)))
        self.canvas.setPageSize(self.layout.page_size)

    def _labels(self) -> None:
        sheet = SHEETS[self.options.labels or ""]
        addresses = self._addresses()

        def done() -> None:
            self.check()
            self.tick(_("label {number} of {count}").format(number=self.done, count=len(addresses)))

        draw_labels(
            self.canvas, sheet, [r for r, _ in addresses], self.missing, self.warnings, done
        )
        self.canvas.setPageSize(self.layout.page_size)

    def result(self, path: Path) -> PackResult:
        warnings = list(self.plan.warnings) + self.warnings
        warnings += fonts.missing_warnings(self.missing)
        signers = len(self.plan.signers)
        counts = tuple(
            LetterCount(
                planned.case.ua,
                planned.case.key,
                official.id,
                official.display_name or official.id,
                signers,
            )
            for planned in self.plan.cases
            for official in planned.officials
        )
        return PackResult(
            path=path,
            pages=self.canvas.getPageNumber() - 1,
            parts=tuple(self.parts),
            letters=self.plan.letters,
            blank_backs=self.blank_backs,
            counts=counts,
            meeting_date=self.meeting,
            warnings=tuple(dict.fromkeys(warnings)),
        )
