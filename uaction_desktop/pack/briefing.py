"""One page per case to read aloud at the meeting: what happened, what we ask, by when, to whom.

Always exactly one page: a long case is printed smaller (and reported), never spilled onto a
second page that the reader would have to find mid-sentence.
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepInFrame, Spacer

from uaction_desktop.case_json import document_suffix
from uaction_desktop.compose import letter_salutation, recipient_lines
from uaction_desktop.i18n import _, ngettext, pages_locale
from uaction_desktop.model import (
    Case,
    CaseStatus,
    Official,
    Role,
    join_names,
    reader_text,
    split_paragraphs,
)
from uaction_desktop.pack.pages import Texts, content_area, footer
from uaction_desktop.pack.plan import CasePlan
from uaction_desktop.pdf.layouts import PageLayout
from uaction_desktop.pdf.long_text import pieces
from uaction_desktop.profile import SenderProfile
from uaction_desktop.terminal import brief

_TOO_SMALL = 1.4  # content this many times the page height is printed too small to read aloud
BRIEFING_CHARS = 12_000  # of summary, and again of background: 3 pages shrunk onto one
OFFICIAL_CHARS = 400  # of an official's name and address: a long embassy address is 250


def within(paragraphs: list[str], most: int = BRIEFING_CHARS) -> list[str]:
    """The paragraphs up to ``most`` characters, the last cut after a sentence and marked
    "[…]": a briefing is one page, and a case of a million characters must not stall it."""
    kept: list[str] = []
    left = most
    for paragraph in paragraphs:
        if len(paragraph) > left:
            kept.append(pieces(paragraph, max(left, 200))[0] + " […]")
            break
        kept.append(paragraph)
        left -= len(paragraph)
    return kept


def deadline_text(deadline: date | None, meeting: date, locale: str) -> str:
    if deadline is None:
        return _("No deadline given")
    when = format_date(deadline, format="long", locale=pages_locale(locale))
    days = (deadline - meeting).days
    if days > 1:
        return _("Send by {date} ({days} days after the meeting)").format(date=when, days=days)
    if days == 1:
        return _("Send by {date} (the day after the meeting)").format(date=when)
    if days == 0:
        return _("Send by {date} (the day of the meeting)").format(date=when)
    return ngettext(
        "The deadline was {date}, {days} day before the meeting: check for an update",
        "The deadline was {date}, {days} days before the meeting: check for an update",
        -days,
    ).format(date=when, days=-days)


def key_background(planned: CasePlan) -> str:
    """The first paragraph of the background (or of the details): enough to read aloud."""
    case = planned.case
    for text in (case.background, case.details):
        paragraphs = split_paragraphs(text)
        if paragraphs:
            return paragraphs[0]
    return ""


def quoted_salutation(case: Case, official: Official, language: str) -> str:
    """What the letters to ``official`` open with: in the case's own language its salutation
    as given (as before), in a translation's the letters' own ("Monsieur le Procureur général")."""
    if language == case.language:
        return official.salutation or "Dear Sir or Madam"
    return letter_salutation(case, official, language)


def briefing_story(
    planned: CasePlan,
    meeting: date,
    letters_each: int,
    profile: SenderProfile,
    locale: str,
    texts: Texts,
    language: str | None = None,
) -> list[Flowable]:
    """The page's flowables; title, summary, appeal points and the salutations quoted are in
    ``language`` (the pack's letters'), where the case has them in it, else its own."""
    case = planned.case
    language = language or case.language
    text = reader_text(case, language) or case
    ua = _("UA {ua}").format(ua=case.ua)
    reference = " · ".join(p for p in (ua, case.index, case.country) if p)
    reference += document_suffix(case.kind, case.update)
    story: list[Flowable] = [texts(reference, "small"), texts(text.title, "title")]
    people = join_names([p.name for p in case.people])
    if people:
        story.append(texts(_("About: {people}").format(people=people)))
    status = planned.entry.status
    deadline = deadline_text(case.deadline, meeting, locale)
    if status is CaseStatus.CLOSED:
        deadline = _("This case is closed: do not send these letters without checking first")
    story.append(texts(deadline, "strong"))
    story.append(texts(_("What happened"), "heading"))
    story += [texts(p) for p in within(split_paragraphs(text.summary))]
    if text.asks:
        story.append(texts(_("What we ask"), "heading"))
        story += [texts.bullet(ask) for ask in within([" ".join(a.split()) for a in text.asks])]
    background = key_background(planned)
    if background:
        story += [texts(_("Background"), "heading"), *map(texts, within([background]))]
    story.append(texts(_("Who we write to"), "heading"))
    if not planned.officials:
        story.append(texts(_("No one in this case can be written to by post.")))
    for official in planned.officials:
        lines = recipient_lines(official, profile)
        role = " " + _("(copy)") if official.role is Role.COPY else ""
        who = brief(f"{lines[0]}{role}: {', '.join(lines[1:])}", OFFICIAL_CHARS)
        salutation = brief(quoted_salutation(case, official, language), 120)
        story.append(
            texts.bullet(
                f"{who}. "
                + _("Salutation: “{salutation}”.").format(salutation=salutation)
                + " "
                + ngettext(
                    "{count} letter in this pack.", "{count} letters in this pack.", letters_each
                ).format(count=letters_each)
            )
        )
    return story


def draw_briefing(
    canvas: Canvas, layout: PageLayout, story: list[Flowable], label: str, page_label: str
) -> bool:
    """Draw one briefing page; False when it had to be printed uncomfortably small."""
    area = content_area(layout)
    height = area.top - area.bottom
    natural = sum(f.wrapOn(canvas, area.width, height)[1] + f.getSpaceAfter() for f in story)
    frame = KeepInFrame(area.width, height, [*story, Spacer(1, 0)], mode="shrink")
    _, used = frame.wrapOn(canvas, area.width, height)
    frame.drawOn(canvas, area.x, area.top - used)
    footer(canvas, layout, label, page_label)
    canvas.showPage()
    return natural <= height * _TOO_SMALL
