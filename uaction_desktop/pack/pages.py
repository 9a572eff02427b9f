"""What the pack's own pages (cover, briefings, tally) share: styles, margins, the footer.

These pages stay at the meeting, so they may carry page numbers and the pack's name; the letters,
which go out, carry nothing of the pack.
"""

from __future__ import annotations

from functools import cache

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from uaction_desktop.pack.flow import Area
from uaction_desktop.pdf import fonts
from uaction_desktop.pdf.layouts import PageLayout

MARGIN = 20.0  # mm on every side of the pack's own pages
FOOTER_Y = 10.0  # mm from the bottom
GREY = colors.Color(0.35, 0.35, 0.35)
RULE = colors.Color(0.6, 0.6, 0.6)
TINT = colors.Color(0.93, 0.93, 0.93)


@cache
def styles() -> dict[str, ParagraphStyle]:
    fonts.register_fonts()
    body = ParagraphStyle("pack-body", fontName=fonts.SERIF, fontSize=11, leading=14, spaceAfter=5)
    return {
        "body": body,
        "title": ParagraphStyle(
            "pack-title",
            parent=body,
            fontName=fonts.SERIF_BOLD,
            fontSize=20,
            leading=24,
            spaceAfter=6,
        ),
        "heading": ParagraphStyle(
            "pack-heading",
            parent=body,
            fontName=fonts.SERIF_BOLD,
            fontSize=12.5,
            leading=15,
            spaceBefore=8,
            spaceAfter=4,
        ),
        "strong": ParagraphStyle("pack-strong", parent=body, fontName=fonts.SERIF_BOLD),
        "small": ParagraphStyle(
            "pack-small", parent=body, fontSize=9, leading=11, spaceAfter=2, textColor=GREY
        ),
        "cell": ParagraphStyle("pack-cell", parent=body, fontSize=10, leading=12, spaceAfter=0),
        "cell-centre": ParagraphStyle(
            "pack-cell-centre", parent=body, fontSize=10, leading=12, spaceAfter=0, alignment=1
        ),
        "bullet": ParagraphStyle(
            "pack-bullet", parent=body, leftIndent=5 * mm, bulletIndent=1 * mm, spaceAfter=4
        ),
    }


class Texts:
    """Makes paragraphs from plain text (escaped, with font fallback) and remembers what no
    bundled font can draw, so the pack can warn about it."""

    def __init__(self, missing: set[str]) -> None:
        self.missing = missing

    def __call__(self, text: str, style: str = "body") -> Paragraph:
        chosen = styles()[style]
        markup = fonts.paragraph_markup(text, chosen.fontName, self.missing)
        return Paragraph(markup, chosen)

    def bullet(self, text: str) -> Paragraph:
        markup = fonts.paragraph_markup(text, fonts.SERIF, self.missing)
        return Paragraph(markup, styles()["bullet"], bulletText="•")


def content_area(layout: PageLayout, top_extra: float = 0.0) -> Area:
    width, height = layout.page_size
    return Area(
        MARGIN * mm, height - (MARGIN + top_extra) * mm, width - 2 * MARGIN * mm, MARGIN * mm
    )


def footer(canvas: Canvas, layout: PageLayout, left: str, right: str = "") -> None:
    canvas.saveState()
    canvas.setFillColor(GREY)
    y = FOOTER_Y * mm
    fonts.draw_text(canvas, MARGIN * mm, y, left, fonts.SERIF, 8.5)
    if right:
        x_right = layout.page_size[0] - MARGIN * mm
        fonts.draw_text_right(canvas, x_right, y, right, fonts.SERIF, 8.5)
    canvas.restoreState()


class TickBox(Flowable):
    """An empty square to tick (or, larger, to write a count in)."""

    def __init__(self, width: float = 4 * mm, height: float | None = None) -> None:
        super().__init__()
        self.box_width = width
        self.box_height = height if height is not None else width

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.box_width, self.box_height

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setStrokeColor(colors.black)
        self.canv.setLineWidth(0.7)
        self.canv.rect(0, 0, self.box_width, self.box_height, stroke=1, fill=0)
        self.canv.restoreState()


def table(rows: list[list[object]], widths: list[float | None], total: float) -> Table:
    """A plain ruled table; ``None`` widths share what the others leave of ``total``."""
    fixed = sum(w for w in widths if w is not None)
    flexible = sum(1 for w in widths if w is None)
    share = (total - fixed) / flexible if flexible else 0
    result = Table(
        rows, colWidths=[share if w is None else w for w in widths], repeatRows=1, hAlign="LEFT"
    )
    result.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.SERIF, 10),  # never ReportLab's Helvetica
                ("BACKGROUND", (0, 0), (-1, 0), TINT),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return result
