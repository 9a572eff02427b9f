"""Address labels, one per letter and in the letters' order, filled across then down a sheet.

Sheet geometry (mm from the sheet's top-left), as on the common label products:

- ``a4-21``: A4, 3 columns by 7 rows of 63.5 x 38.1 mm labels, like Avery L7160: side margins
  7.25 mm, top margin 15.15 mm, columns every 66.0 mm (2.5 mm gaps), rows every 38.1 mm.
- ``letter-30``: US Letter, 3 columns by 10 rows of 2 5/8 x 1 in labels, like Avery 5160: side
  margins 3/16 in, top margin 1/2 in, columns every 2 3/4 in (1/8 in gaps), rows every 1 in.

Text keeps an inset from the label's edges (printers shift a millimetre or two) and is centred
vertically; a block that does not fit at a readable size is reported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from uaction_desktop.i18n import N_, _
from uaction_desktop.pack.address import ASCENT, LEADING, MM_PER_INCH, draw_block, fit_block
from uaction_desktop.terminal import brief

LABEL_SIZE, LABEL_SMALLEST = 10.0, 6.5


@dataclass(frozen=True)
class LabelSheet:
    name: str
    description: str  # marked N_, English: see ``title``
    page_size: tuple[float, float]  # points
    columns: int
    rows: int
    label_width: float  # mm
    label_height: float
    left: float  # the first column's left edge
    top: float  # the first row's top edge
    pitch_x: float  # from one column's left edge to the next
    pitch_y: float
    inset_x: float  # text inset from the label's left and right edges
    inset_y: float

    @property
    def title(self) -> str:
        """The sheet in words, in the interface language (the cover, messages)."""
        return _(self.description)

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    def label_origin(self, index: int) -> tuple[float, float]:
        """Left and top edge (mm) of the label at ``index`` on its sheet, across then down."""
        row, column = divmod(index % self.per_sheet, self.columns)
        return self.left + column * self.pitch_x, self.top + row * self.pitch_y


SHEETS: dict[str, LabelSheet] = {
    sheet.name: sheet
    for sheet in (
        LabelSheet(
            "a4-21",
            N_("A4 sheets of 21 labels, 63.5 × 38.1 mm (like Avery L7160)"),
            A4,
            3,
            7,
            63.5,
            38.1,
            left=7.25,
            top=15.15,
            pitch_x=66.0,
            pitch_y=38.1,
            inset_x=5,
            inset_y=3,
        ),
        LabelSheet(
            "letter-30",
            N_("US Letter sheets of 30 labels, 2 5/8 × 1 in (like Avery 5160)"),
            LETTER,
            3,
            10,
            2.625 * MM_PER_INCH,
            1 * MM_PER_INCH,
            left=0.1875 * MM_PER_INCH,
            top=0.5 * MM_PER_INCH,
            pitch_x=2.75 * MM_PER_INCH,
            pitch_y=1 * MM_PER_INCH,
            inset_x=4,
            inset_y=2,
        ),
    )
}


def draw_labels(
    canvas: Canvas,
    sheet: LabelSheet,
    recipients: Iterable[tuple[str, ...]],
    missing: set[str],
    warnings: list[str],
    on_label: Callable[[], None] | None = None,
) -> int:
    """Fill sheets with one label per recipient; returns the number of sheets."""
    sheets = 0
    height = sheet.page_size[1]
    for index, lines in enumerate(recipients):
        if index % sheet.per_sheet == 0:
            if index:
                canvas.showPage()
            canvas.setPageSize(sheet.page_size)
            sheets += 1
        left, top = sheet.label_origin(index)
        room_w = sheet.label_width - 2 * sheet.inset_x
        room_h = sheet.label_height - 2 * sheet.inset_y
        fit = fit_block(lines, room_w, room_h, LABEL_SIZE, LABEL_SMALLEST)
        if not fit.fits:
            warnings.append(
                _("the address of {name} does not fit its label").format(name=brief(lines[0]))
            )
        block = (ASCENT + (len(fit.lines) - 1) * LEADING + 0.25) * fit.size / mm  # as drawn
        block_top = top + sheet.inset_y + max(0.0, (room_h - block) / 2)
        draw_block(canvas, lines, left + sheet.inset_x, height - block_top * mm, fit, missing)
        if on_label is not None:
            on_label()
    if sheets:
        canvas.showPage()
    return sheets
