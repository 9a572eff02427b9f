"""A pack's letters: the same pages as ``uaction letter`` prints, fast and in flat memory.

Letters to one official differ only in the sender block and the signature (and in the wording
variant, of which there are a few). So each distinct body (recipient block, date, subject, text,
closing) is laid out once into PDF forms, one per page, and every letter sharing it draws those
forms plus its own sender block (also a form, one per signer) and signature. Nothing of a letter is
kept once its pages are drawn. The page furniture is borrowed from ``pdf/letter.py`` through a
subclass of its document class, so a pack letter looks exactly like a single letter.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from uaction_desktop.compose import Letter
from uaction_desktop.letter_frame import frame, page_label
from uaction_desktop.pack.flow import Area, Stacker
from uaction_desktop.pdf import fonts
from uaction_desktop.pdf.layouts import PageLayout
from uaction_desktop.pdf.letter import GREY, MARK_GREY, _LetterDocument, _styles, letter_story

_BodyKey = tuple[object, ...]


class _Furniture(_LetterDocument):
    """The single-letter renderer's page decoration, driven by hand on the pack's canvas.

    Never built as a document: only its drawing methods are used.
    """

    def __init__(self, layout: PageLayout, first: Letter) -> None:
        super().__init__(io.BytesIO(), layout, first)
        self.pages_in_letter = 1

    def _sender_block(self, canvas: Canvas) -> None:
        letter = self.letter
        if letter.sender_name or letter.sender_lines or letter.sender_email:
            super()._sender_block(canvas)
        else:
            ruled_sender_lines(canvas, self.layout, frame(letter.language).blank_sender)

    def _footer_reference(self, canvas: Canvas) -> None:
        # The page count is known before a pack letter is drawn: no forward-referenced form.
        if self.pages_in_letter > 1:
            text = page_label(self.letter.language, self.page_in_letter, self.pages_in_letter)
            x = self.layout.page_size[0] / 2 - fonts.string_width(text, fonts.SERIF, 9) / 2
            canvas.saveState()
            canvas.setFillColor(GREY)
            fonts.draw_text(canvas, x, 12 * mm, text, fonts.SERIF, 9)
            canvas.restoreState()


SENDER_RULES_WIDTH = 75.0  # mm
SENDER_RULE_OFFSETS = (9.0, 16.0, 23.0)  # mm below the top of the sender block


def ruled_sender_lines(
    canvas: Canvas, layout: PageLayout, caption: str = "Your name and address"
) -> None:
    """Lines to handwrite a name and address on, where the printed sender block would be."""
    right = layout.width_mm - layout.margin_right
    left = right - SENDER_RULES_WIDTH if layout.sender_align == "right" else layout.margin_left
    canvas.saveState()
    canvas.setFillColor(GREY)
    caption_y = layout.y(layout.sender_top + 2.5)
    fonts.draw_text(canvas, left * mm, caption_y, caption, fonts.SERIF, 7)
    canvas.setStrokeColor(MARK_GREY)
    canvas.setLineWidth(0.5)
    for offset in SENDER_RULE_OFFSETS:
        y = layout.y(layout.sender_top + offset)
        canvas.line(left * mm, y, (left + SENDER_RULES_WIDTH) * mm, y)
    canvas.restoreState()


@dataclass(frozen=True)
class _Body:
    forms: tuple[str, ...]
    signature_at: tuple[int, float, float] | None  # page index, x, top of the signature (pt)


class _SignatureSlot(Flowable):
    """Stands in for the signer's name: takes its room, draws nothing, remembers where it was."""

    def __init__(self, paragraph: Paragraph, seen: list[tuple[float, float]]) -> None:
        super().__init__()
        self._paragraph = paragraph
        self._seen = seen

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self._paragraph.wrap(avail_width, avail_height)

    def getSpaceBefore(self) -> float:
        return self._paragraph.getSpaceBefore()

    def getSpaceAfter(self) -> float:
        return self._paragraph.getSpaceAfter()

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        self._seen.append((x, y + self._paragraph.height))

    def draw(self) -> None:
        pass


class LetterPages:
    """Draws letters onto the pack's canvas, each starting on a new page."""

    def __init__(
        self, canvas: Canvas, layout: PageLayout, first: Letter, missing: set[str] | None = None
    ) -> None:
        self.canvas = canvas
        self.layout = layout
        self._furniture = _Furniture(layout, first)
        self._furniture.canv = canvas
        if missing is not None:
            self._furniture.missing = missing
        self.styles = _styles()
        self.width = self._furniture.text_width
        self._bodies: dict[_BodyKey, _Body] = {}
        self._senders: dict[tuple[object, ...], str] = {}
        self._signatures: dict[str, Paragraph] = {}
        self._layouts = 0

    @property
    def warnings(self) -> list[str]:
        return self._furniture.warnings

    @property
    def missing(self) -> set[str]:
        return self._furniture.missing

    def draw(self, letter: Letter) -> int:
        """Draw one letter from the top of a fresh page; returns its page count."""
        canvas, furniture = self.canvas, self._furniture
        body = self._body(letter)
        sender = self._sender_form(letter)
        furniture.letter = letter
        furniture.pages_in_letter = len(body.forms)
        furniture.page_in_letter = 1
        canvas.setPageSize(self.layout.page_size)
        for index, form in enumerate(body.forms):
            if index:
                furniture._later_page(canvas, furniture)  # header, fold marks, page number
            else:
                furniture._footer_reference(canvas)
                canvas.doForm(sender)
            canvas.doForm(form)
            if body.signature_at is not None and body.signature_at[0] == index:
                self._draw_signature(letter.signature, *body.signature_at[1:])
            canvas.showPage()
        return len(body.forms)

    def _draw_signature(self, signature: str, x: float, top: float) -> None:
        paragraph = self._signatures.get(signature)
        if paragraph is None:
            markup = fonts.paragraph_markup(signature, fonts.SERIF, self.missing)
            paragraph = Paragraph(markup, self.styles["closing"])
            paragraph.wrapOn(self.canvas, self.width, self.layout.page_size[1])
            self._signatures[signature] = paragraph
        paragraph.drawOn(self.canvas, x, top - paragraph.height)

    def _sender_form(self, letter: Letter) -> str:
        key = (letter.sender_name, letter.sender_lines, letter.sender_email)
        name = self._senders.get(key)
        if name is None:
            name = f"pack-sender-{len(self._senders)}"
            self._senders[key] = name
            self.canvas.beginForm(name, 0, 0, *self.layout.page_size)
            self._furniture.letter = letter
            self._furniture._sender_block(self.canvas)
            self.canvas.endForm()
        return name

    def _body(self, letter: Letter) -> _Body:
        key: _BodyKey = (
            letter.recipient_lines,
            letter.date_text,
            letter.subject,
            letter.salutation,
            letter.paragraphs,
            letter.closing,
            bool(letter.signature),
        )
        body = self._bodies.get(key)
        if body is None:
            body = self._lay_out(letter)
            if body.signature_at is None and letter.signature:
                return body  # the signature is inside the forms: this body is this letter's own
            self._bodies[key] = body
        return body

    def _lay_out(self, letter: Letter) -> _Body:
        """Draw the letter's unchanging parts into one form per page."""
        canvas, layout, furniture = self.canvas, self.layout, self._furniture
        number = self._layouts
        self._layouts += 1
        story = letter_story(letter, self.styles, self.width, self.missing)
        seen: list[tuple[float, float]] = []
        has_slot = _swap_signature(story, letter.signature, seen)
        forms: list[str] = []
        left, bottom = layout.margin_left * mm, layout.margin_bottom * mm

        def new_page(page: int) -> Area:
            if page:
                canvas.endForm()
            forms.append(f"pack-letter-{number}-{page}")
            canvas.beginForm(forms[-1], 0, 0, *layout.page_size)
            if page:
                return Area(left, layout.y(layout.later_top), self.width, bottom)
            furniture.letter = letter
            furniture._fold_marks(canvas)
            furniture._recipient_block(canvas)
            furniture._date(canvas)
            return Area(left, layout.y(layout.body_top), self.width, bottom)

        stacker = Stacker(canvas, new_page)
        stacker.add_all(story)  # the slot is the last thing drawn: it is on the last page
        canvas.endForm()
        at = (len(forms) - 1, *seen[-1]) if has_slot and seen else None
        return _Body(tuple(forms), at)


def _swap_signature(story: list[Flowable], signature: str, seen: list) -> bool:
    """Replace the signature paragraph (the last item of the closing group) with a slot."""
    if not signature or not story or not isinstance(story[-1], KeepTogether):
        return False
    group = story[-1]._content
    last = group[-1] if group else None
    if not isinstance(last, Paragraph) or last.getPlainText().strip() != signature.strip():
        return False
    group[-1] = _SignatureSlot(last, seen)
    return True
