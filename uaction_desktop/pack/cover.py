"""The cover: the meeting, the cases, and where each part of the pack starts.

The page numbers are only known once the pack is drawn, so the cover's page holds a reference to
a PDF form that is drawn last (the same trick as "Page n of m").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from babel.dates import format_date
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepInFrame, Spacer

from uaction_desktop.i18n import N_, _, ngettext, pages_locale
from uaction_desktop.model import reader_text
from uaction_desktop.pack.envelopes import ENVELOPES
from uaction_desktop.pack.labels import SHEETS
from uaction_desktop.pack.options import PackOptions
from uaction_desktop.pack.pages import Texts, content_area, table
from uaction_desktop.pack.plan import PackPlan
from uaction_desktop.pdf.layouts import PageLayout

COVER_FORM = "pack-cover"


@dataclass(frozen=True)
class PartPages:
    """A part of the pack and its pages (1-based, inclusive), as a print dialog wants them."""

    name: str
    first: int
    last: int

    @property
    def pages(self) -> int:
        return self.last - self.first + 1

    @property
    def range_text(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}–{self.last}"

    @property
    def pages_text(self) -> str:
        """'page 7' or 'pages 7–12', as a sentence says it."""
        if self.first == self.last:
            return _("page {number}").format(number=self.first)
        return _("pages {range}").format(range=self.range_text)


PART_TITLES = {
    "cover": N_("Cover"),
    "briefings": N_("Briefings to read aloud"),
    "letters": N_("Letters to sign"),
    "tally": N_("Tally sheet"),
    "envelopes": N_("Envelopes"),
    "labels": N_("Address labels"),
}


def place_cover(canvas: Canvas) -> None:
    """Page 1: a reference to the cover form, which :func:`define_cover` draws at the end."""
    canvas.doForm(COVER_FORM)
    canvas.showPage()


def define_cover(canvas: Canvas, layout: PageLayout, story: list[Flowable]) -> None:
    area = content_area(layout)
    canvas.beginForm(COVER_FORM, 0, 0, *layout.page_size)
    height = area.top - area.bottom
    frame = KeepInFrame(area.width, height, [*story, Spacer(1, 0)], mode="shrink")
    _, used = frame.wrapOn(canvas, area.width, height)
    frame.drawOn(canvas, area.x, area.top - used)
    canvas.endForm()


def cover_story(
    plan: PackPlan,
    parts: list[PartPages],
    notes: list[str],
    meeting: date,
    group: str,
    layout: PageLayout,
    locale: str,
    texts: Texts,
    languages: dict[str, str] | None = None,
) -> list[Flowable]:
    """The cover's flowables; each case's title in its letters' language (``languages``, by
    case key) where the case has it, as on its briefing."""
    locale = pages_locale(locale)
    story: list[Flowable] = [texts(_("Meeting pack"), "title")]
    if group:
        story.append(texts(group, "strong"))
    when = format_date(meeting, format="full", locale=locale)
    story.append(texts(_("Meeting of {date}").format(date=when)))
    story.append(texts(_("Cases"), "heading"))
    headings = (_("UA"), _("Case"), _("Deadline"), _("Letters"))
    rows: list[list[object]] = [[texts(h, "cell") for h in headings]]
    signers = len(plan.signers)
    for planned in plan.cases:
        case = planned.case
        text = reader_text(case, (languages or {}).get(case.key, case.language)) or case
        rows.append(
            [
                texts(case.ua, "cell"),
                texts(text.title, "cell"),
                texts(_deadline(case.deadline, meeting, locale), "cell"),
                texts(str(signers * len(planned.officials)), "cell"),
            ]
        )
    width = content_area(layout).width
    story.append(table(rows, [22 * mm, None, 52 * mm, 16 * mm], width))
    story.append(texts(_("Contents"), "heading"))
    rows = [[texts(_("Part"), "cell"), texts(_("Pages"), "cell")]]
    rows += [
        [texts(_(PART_TITLES[p.name]), "cell"), texts(p.range_text, "cell")]
        for p in parts
        if p.name != "cover"
    ]
    story.append(table(rows, [None, 30 * mm], width))
    if notes:
        story.append(texts(_("Before and after the meeting"), "heading"))
        story += [texts.bullet(note) for note in notes]
    return story


def _deadline(deadline: date | None, meeting: date, locale: str) -> str:
    if deadline is None:
        return _("none given")
    when = format_date(deadline, format="long", locale=locale)
    return when if deadline >= meeting else _("{date} (passed)").format(date=when)


def cover_notes(
    plan: PackPlan, options: PackOptions, parts: list[PartPages], letter_blanks: int
) -> list[str]:
    """What to do with each part: which pages to print how, and what comes after."""
    notes = []
    signers = len(plan.signers)
    per_signer = plan.letters // signers if signers else 0
    if options.blank_copies:
        notes.append(
            ngettext(
                "{count} blank set of {letters} letters: each member signs a set and writes "
                "their name and address on the ruled lines.",
                "{count} blank sets of {letters} letters: each member signs a set and writes "
                "their name and address on the ruled lines.",
                signers,
            ).format(count=signers, letters=per_signer)
        )
    else:
        notes.append(
            _(
                "The letters come in {count} stacks, one per signer in roster order, "
                "{letters} letters each, with the signer's name and address printed."
            ).format(count=signers, letters=per_signer)
        )
    letters = _part(parts, "letters")
    if letters and options.duplex:
        notes.append(
            _(
                "Print {pages} double-sided: every letter starts on the front of a sheet "
                "({blanks} back pages among them are left blank on purpose)."
            ).format(pages=letters.pages_text, blanks=letter_blanks)
        )
    if options.envelopes and (part := _part(parts, "envelopes")):
        spec = ENVELOPES[options.envelopes]
        notes.append(
            _(
                "Envelopes: print {pages} on {envelope} envelopes, single-sided; they follow "
                "the order of the letters."
            ).format(pages=part.pages_text, envelope=spec.title)
        )
    if options.labels and (part := _part(parts, "labels")):
        sheet = SHEETS[options.labels]
        notes.append(
            _(
                "Labels: print {pages} on {sheet}, single-sided; one label per letter, in the "
                "order of the letters, across then down."
            ).format(pages=part.pages_text, sheet=sheet.title)
        )
    if part := _part(parts, "tally"):
        notes.append(
            _(
                "After the meeting, count what was signed on the tally sheet ({pages}) and "
                "record it in the action log."
            ).format(pages=part.pages_text)
        )
    return notes


def _part(parts: list[PartPages], name: str) -> PartPages | None:
    return next((p for p in parts if p.name == name), None)
