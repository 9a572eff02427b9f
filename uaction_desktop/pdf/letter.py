"""Letters as print-ready PDF pages: one letter, or many into one document.

The fixed parts of the first page (sender, return line, recipient block in the envelope window,
date, fold marks) are drawn at exact positions; the text flows with platypus. A letter that runs
past one page gets a continuation header and "Page n of m" on every page.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from uaction_desktop.compose import Letter
from uaction_desktop.i18n import _
from uaction_desktop.letter_frame import fill, frame, page_label
from uaction_desktop.pdf import fonts
from uaction_desktop.pdf.layouts import PageLayout, get_layout
from uaction_desktop.pdf.long_text import pieces
from uaction_desktop.pdf.platypus import (  # not reportlab.platypus: see pdf/platypus.py
    ActionFlowable,
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)
from uaction_desktop.pdf.wrapping import shortened, within_reach, wrap_block
from uaction_desktop.terminal import brief

BODY_SIZE = 11
BODY_LEADING = 14.5
RECIPIENT_SIZE = 10
RECIPIENT_LEADING = 12
GREY = colors.Color(0.35, 0.35, 0.35)
MARK_GREY = colors.Color(0.55, 0.55, 0.55)


@dataclass
class RenderResult:
    pdf: bytes
    pages: int
    warnings: list[str] = field(default_factory=list)


def _styles() -> dict[str, ParagraphStyle]:
    fonts.register_fonts()
    body = ParagraphStyle(
        "body",
        fontName=fonts.SERIF,
        fontSize=BODY_SIZE,
        leading=BODY_LEADING,
        alignment=TA_LEFT,
        spaceAfter=7,
        splitLongWords=True,
        allowWidows=0,
        allowOrphans=0,
    )
    return {
        "body": body,
        "subject": ParagraphStyle("subject", parent=body, fontName=fonts.SERIF_BOLD, spaceAfter=9),
        "closing": ParagraphStyle("closing", parent=body, spaceAfter=0),
        "run-on": ParagraphStyle("run-on", parent=body, spaceAfter=0),  # a piece of a long one
    }


class _StartLetter(ActionFlowable):
    """Marks where the next letter begins, before the page break that starts it."""

    def __init__(self, letter: Letter) -> None:
        super().__init__()
        self.letter = letter

    def apply(self, doc: _LetterDocument) -> None:
        doc.letter = self.letter


class _EndLetter(ActionFlowable):
    """Now that the letter's page count is known, fill in its "Page n of m" footers."""

    def apply(self, doc: _LetterDocument) -> None:
        doc.finish_letter()


class _SignatureSpace(Flowable):
    """Room for a handwritten signature; a rule when the letter has no printed name."""

    def __init__(self, width: float, with_rule: bool) -> None:
        super().__init__()
        self.width_avail = width
        self.with_rule = with_rule

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, 16 * mm

    def draw(self) -> None:
        if self.with_rule:
            self.canv.setStrokeColor(MARK_GREY)
            self.canv.setLineWidth(0.5)
            self.canv.line(0, 2 * mm, 70 * mm, 2 * mm)


class _LetterDocument(BaseDocTemplate):
    def __init__(
        self,
        buffer: io.BytesIO,
        layout: PageLayout,
        first: Letter,
        cover: Sequence[tuple[str, str]] = (),
        **meta: str,
    ) -> None:
        self.layout = layout
        self.cover = list(cover)
        self.letter = first
        self.letter_number = 0
        self.page_in_letter = 0
        self.missing: set[str] = set()
        self.warnings: list[str] = []
        super().__init__(
            buffer,
            pagesize=layout.page_size,
            leftMargin=layout.margin_left * mm,
            rightMargin=layout.margin_right * mm,
            topMargin=layout.later_top * mm,
            bottomMargin=layout.margin_bottom * mm,
            invariant=1,
            # The canvas opens every page with a font; left at ReportLab's default that is
            # Helvetica, listed in the PDF unembedded although nothing is printed with it.
            initialFontName=fonts.SERIF,
            initialFontSize=BODY_SIZE,
            initialLeading=BODY_LEADING,
            creator="uaction-desktop",
            producer="uaction-desktop (ReportLab)",
            **meta,
        )
        width = layout.page_size[0] - (layout.margin_left + layout.margin_right) * mm
        bottom = layout.margin_bottom * mm

        def frame(top_mm: float, ident: str) -> Frame:
            height = layout.y(top_mm) - bottom
            return Frame(
                layout.margin_left * mm,
                bottom,
                width,
                height,
                id=ident,
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=0,
            )

        cover_templates = (
            [PageTemplate("cover", [frame(layout.later_top, "cover")], onPage=self._cover_page)]
            if self.cover
            else []
        )
        self.addPageTemplates(
            [
                *cover_templates,
                PageTemplate(
                    "first",
                    [frame(layout.body_top, "first")],
                    onPage=self._first_page,
                    autoNextPageTemplate="later",
                ),
                PageTemplate("later", [frame(layout.later_top, "later")], onPage=self._later_page),
            ]
        )
        self.text_width = width

    # -- page decoration

    def _cover_page(self, canvas, doc) -> None:
        """A fax cover sheet: who it is for, the fax number, and how many pages to expect."""
        layout = self.layout
        left = layout.margin_left * mm
        canvas.saveState()
        heading = frame(self.letter.language).fax_heading
        fonts.draw_text(canvas, left, layout.y(35), heading, fonts.SERIF_BOLD, 30)
        canvas.setLineWidth(1)
        right = layout.page_size[0] - layout.margin_right * mm
        canvas.line(left, layout.y(40), right, layout.y(40))
        top = 55.0
        colon = frame(self.letter.language).label_colon
        for label, value in self.cover:
            fonts.draw_text(canvas, left, layout.y(top), f"{label}{colon}", fonts.SERIF_BOLD, 13)
            fonts.draw_text(
                canvas, left + 35 * mm, layout.y(top), value, fonts.SERIF, 13, self.missing
            )
            top += 10
        canvas.restoreState()

    def _first_page(self, canvas, doc) -> None:
        self.letter_number += 1
        self.page_in_letter = 1
        canvas.saveState()
        self._fold_marks(canvas)
        self._sender_block(canvas)
        self._recipient_block(canvas)
        self._date(canvas)
        self._footer_reference(canvas)
        canvas.restoreState()

    def _later_page(self, canvas, doc) -> None:
        self.page_in_letter += 1
        letter, layout = self.letter, self.layout
        canvas.saveState()
        self._fold_marks(canvas)
        canvas.setFillColor(GREY)
        words = frame(letter.language)
        who = brief(letter.sender_name, 60) or words.unsigned  # one line, however long the name
        header = fill(
            words.continued,
            sender=who,
            official=brief(letter.official_name, 60),
            date=letter.date_only or letter.date_text,  # no town: "..., Berlin, 2. Dezember"
        )
        fonts.draw_text(
            canvas, layout.margin_left * mm, layout.y(16), header, fonts.SERIF, 8.5, self.missing
        )
        canvas.setStrokeColor(MARK_GREY)
        canvas.setLineWidth(0.4)
        right = layout.page_size[0] - layout.margin_right * mm
        canvas.line(layout.margin_left * mm, layout.y(18.5), right, layout.y(18.5))
        self._footer_reference(canvas)
        canvas.restoreState()

    def _fold_marks(self, canvas) -> None:
        if self.cover:
            return  # a fax is never folded into an envelope
        layout = self.layout
        canvas.setStrokeColor(MARK_GREY)
        canvas.setLineWidth(0.4)
        for top in layout.fold_marks:
            canvas.line(3 * mm, layout.y(top), 8 * mm, layout.y(top))
        if layout.punch_mark:
            canvas.line(3 * mm, layout.y(layout.punch_mark), 10 * mm, layout.y(layout.punch_mark))

    def _sender_entries(self) -> list[tuple[str, str, float]]:
        letter = self.letter
        lines = [line for line in (*letter.sender_lines, letter.sender_email) if line]
        entries = [(letter.sender_name, fonts.SERIF_BOLD, 11.0)]
        entries += [(line, fonts.SERIF, 9.5) for line in lines]
        return [entry for entry in entries if entry[0]]

    def _sender_bottom(self) -> float:
        """Where the sender block ends, in mm from the top."""
        return self.layout.sender_top + sum(
            size * 1.25 / mm for _t, _f, size in self._sender_entries()
        )

    def _sender_block(self, canvas) -> None:
        letter, layout = self.letter, self.layout
        right = layout.page_size[0] - layout.margin_right * mm
        room = right - layout.margin_left * mm
        top = layout.sender_top
        cut = False
        for text, font, size in self._sender_entries():
            top += size * 1.25 / mm
            if fonts.string_width(text, font, size) > room:  # never off the page's edge
                text, cut = shortened([text], font, size, room), True
            y = layout.y(top)
            if layout.sender_align == "right":
                fonts.draw_text_right(canvas, right, y, text, font, size, self.missing)
            else:
                fonts.draw_text(canvas, layout.margin_left * mm, y, text, font, size, self.missing)
        if cut:
            self.warnings.append(
                _(
                    "the letterhead of {sender} is too wide for the page, so its long lines "
                    "were shortened"
                ).format(sender=brief(letter.sender_name) or _("the sender"))
            )
        window_post = layout.return_line_top is not None and not self.cover  # not on a fax
        if window_post and (letter.sender_name or letter.sender_lines):
            self._return_line(canvas)

    def _return_line(self, canvas) -> None:
        """The small sender line above the address that shows in the window (DIN 5008).

        Set smaller to fit; if even the smallest size is too wide, the last address parts give
        way (with a warning naming the sender), never the page edge."""
        letter, layout = self.letter, self.layout
        parts = [p for p in (letter.sender_name, *letter.sender_lines) if p]
        limit = (layout.window.right - layout.recipient_x - 3) * mm

        def width(text: str, size: float) -> float:
            return fonts.string_width(text, fonts.SERIF, size)

        text = " · ".join(parts)
        size = 7.0
        at_one_point = width(text, 1.0)  # widths scale with the size: measure once
        while at_one_point * size > limit and size > 5.5:
            size -= 0.25
        if at_one_point * size > limit:
            text = shortened(parts, fonts.SERIF, size, limit)
            who = brief(letter.sender_name) or _("the sender")
            self.warnings.append(
                _(
                    "the return address of {sender} is too long for the envelope window and was "
                    "shortened; check the letter to {official}"
                ).format(sender=who, official=brief(letter.official_name) or _("the official"))
            )
        canvas.setFillColor(GREY)
        y = layout.y(layout.return_line_top)
        fonts.draw_text(canvas, layout.recipient_x * mm, y, text, fonts.SERIF, size, self.missing)
        canvas.setStrokeColor(MARK_GREY)
        canvas.setLineWidth(0.3)
        canvas.line(
            layout.recipient_x * mm, y - 1.2, layout.recipient_x * mm + width(text, size), y - 1.2
        )
        canvas.setFillColor(colors.black)

    def _recipient_block(self, canvas) -> None:
        """The address in the window: lines too wide are split (never cut), and a block too
        tall for the window is set smaller, so every line, the country last, stays inside; one
        too tall even at 8 pt is cut to the window (with a warning), never printed over the
        letter."""
        letter, layout = self.letter, self.layout
        given = list(letter.recipient_lines)
        window = layout.window
        available = (window.bottom - layout.recipient_top - 1.5) * mm
        limit = (window.right - layout.recipient_x - 2) * mm
        size, leading = float(RECIPIENT_SIZE), float(RECIPIENT_LEADING)
        # What the window could never show, even at the smallest leading, is left out first:
        # a stranger's address of thousands of characters costs what the window holds.
        room = max(int(available / 8.0), 1)
        reach, cut = within_reach(given, fonts.SERIF, 8.0 / 1.2, limit, room)
        if cut:  # too much for any size: the smallest, cut to the window below
            leading, size = 8.0, 8.0 / 1.2
            lines = wrap_block(reach, fonts.SERIF, size, limit)
        else:
            lines = wrap_block(given, fonts.SERIF, size, limit)
        while lines and len(lines) * leading > available and leading > 8.0:
            leading = max(available / len(lines), 8.0)
            size = min(size, leading / 1.2)
            lines = wrap_block(given, fonts.SERIF, size, limit)
        who = brief(letter.official_name)
        if lines and (cut or len(lines) * leading > available):
            count = _("more than {count}").format(count=room) if cut else str(len(lines))
            self.warnings.append(
                _(
                    "the address block to {official} has {count} lines and does not fit the "
                    "envelope window, so it is cut short (ending in …); use a plain envelope"
                ).format(official=who, count=count)
            )
            # Never printed over the letter: as many lines as the window holds, the last
            # marked as cut.
            kept = lines[: max(int(available / leading), 1)]
            lines = [*kept[:-1], shortened([kept[-1]], fonts.SERIF, size, limit)]
        elif len(lines) > layout.recipient_max_lines:
            self.warnings.append(
                _(
                    "the address block to {official} has {count} lines, so it is printed smaller "
                    "({size} pt) to fit the window"
                ).format(official=who, count=len(lines), size=f"{size:.1f}")
            )
        for line in reach:  # what is printed, at most
            if fonts.string_width(line, fonts.SERIF, size) > limit:
                self.warnings.append(
                    _(
                        "address line '{line}' is wider than the envelope window, so it is split "
                        "over two lines; check the address"
                    ).format(line=brief(line))
                )
        canvas.setFillColor(colors.black)
        baseline = layout.y(layout.recipient_top) - size * 0.8
        for line in lines:
            fonts.draw_text(
                canvas, layout.recipient_x * mm, baseline, line, fonts.SERIF, size, self.missing
            )
            baseline -= leading

    def _date(self, canvas) -> None:
        letter, layout = self.letter, self.layout
        top = layout.date_top
        if layout.sender_align == "left":  # below a long sender block, above the window
            top = min(max(top, self._sender_bottom() + 8), layout.window.top - 2)
        y = layout.y(top)
        if layout.sender_align == "right":
            right = layout.page_size[0] - layout.margin_right * mm
            fonts.draw_text_right(canvas, right, y, letter.date_text, fonts.SERIF, BODY_SIZE)
        else:
            fonts.draw_text(
                canvas, layout.margin_left * mm, y, letter.date_text, fonts.SERIF, BODY_SIZE
            )

    def _footer_reference(self, canvas) -> None:
        canvas.doForm(self._footer_name(self.letter_number, self.page_in_letter))

    @staticmethod
    def _footer_name(letter_number: int, page: int) -> str:
        return f"footer-{letter_number}-{page}"

    def finish_letter(self) -> None:
        total = self.page_in_letter
        canvas = self.canv
        for page in range(1, total + 1):
            canvas.beginForm(self._footer_name(self.letter_number, page))
            if total > 1:
                text = page_label(self.letter.language, page, total)
                x = self.layout.page_size[0] / 2 - fonts.string_width(text, fonts.SERIF, 9) / 2
                canvas.setFillColor(GREY)
                fonts.draw_text(canvas, x, 12 * mm, text, fonts.SERIF, 9)
            canvas.endForm()


def letter_story(
    letter: Letter, styles: dict[str, ParagraphStyle], width: float, missing: set[str]
) -> list[Flowable]:
    """The flowing part of one letter: subject, salutation, body, closing and signature."""

    def para(text: str, style: str = "body", font: str = fonts.SERIF) -> Paragraph:
        return Paragraph(fonts.paragraph_markup(text, font, missing), styles[style])

    story: list[Flowable] = []
    if letter.subject:
        story.append(para(letter.subject, "subject", fonts.SERIF_BOLD))
    story.append(para(letter.greeting))
    for paragraph in letter.paragraphs:
        *run_on, last = pieces(paragraph)
        story.extend(para(piece, "run-on") for piece in run_on)
        story.append(para(last))
    ending: list[Flowable] = [Spacer(1, 3), para(letter.closing, "closing")]
    ending.append(_SignatureSpace(width, with_rule=not letter.signature))
    if letter.signature:
        *run_on, last = pieces(letter.signature)
        ending.extend(para(piece, "run-on") for piece in run_on)
        ending.append(para(last, "closing"))
    story.append(KeepTogether(ending))
    return story


def render_letters(
    letters: Sequence[Letter] | Iterable[Letter],
    layout: str | None = None,
    *,
    title: str = "",
    author: str = "",
    subject: str = "",
    cover: Sequence[tuple[str, str]] = (),
) -> RenderResult:
    """Render letters into one PDF, each starting on a new page (after an optional fax cover)."""
    letters = list(letters)
    if not letters:
        raise ValueError("no letters to render")
    page_layout = get_layout(layout or letters[0].layout)
    styles = _styles()
    buffer = io.BytesIO()
    first = letters[0]
    doc = _LetterDocument(
        buffer,
        page_layout,
        first,
        cover,
        title=title or first.title,
        author=author or first.sender_name,
        subject=subject or first.case_title,
    )
    story: list[Flowable] = []
    if cover:
        story += [Spacer(1, 1), NextPageTemplate("first"), PageBreak()]
    for number, letter in enumerate(letters):
        if number:
            story += [_StartLetter(letter), NextPageTemplate("first"), PageBreak()]
        story += letter_story(letter, styles, doc.text_width, doc.missing)
        story.append(_EndLetter())
    doc.build(story)
    warnings = list(dict.fromkeys(doc.warnings))
    warnings += fonts.missing_warnings(doc.missing)
    return RenderResult(buffer.getvalue(), doc.page, warnings)


def render_letter(letter: Letter, layout: str | None = None) -> RenderResult:
    return render_letters([letter], layout)
