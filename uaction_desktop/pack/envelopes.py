"""Envelopes, one per letter and in the letters' order: the recipient where the post reads it.

Geometry (mm from the envelope's top-left, the envelope printed landscape):

- The recipient block sits in the lower right half, below the stamp zone in the top-right corner
  (74 x 40 mm on DL and C5, as Deutsche Post's franking zone; 2 x 1.5 in on No. 10) and clear of
  the bottom edge, where sorting machines look for it (UPU, Royal Mail and Deutsche Post
  guidance: at least 15 mm from the right and bottom edges; USPS: inside the OCR read area, at
  most 2 3/4 in above the bottom edge and above the 5/8 in barcode clear zone).
- The return address, when there is one, is small in the top-left corner.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from uaction_desktop.i18n import N_, _
from uaction_desktop.pack.address import MM_PER_INCH, draw_block, fit_block
from uaction_desktop.terminal import brief

RECIPIENT_SIZE, RECIPIENT_SMALLEST = 11.5, 8.0
RETURN_SIZE, RETURN_SMALLEST = 8.5, 6.5


@dataclass(frozen=True)
class EnvelopeSpec:
    name: str
    description: str  # marked N_, English: see ``title``
    width: float  # mm
    height: float  # mm
    recipient_x: float  # left edge of the recipient block
    recipient_top: float  # top of its first line
    recipient_bottom: float  # the block ends above this
    margin_right: float  # kept clear on the right
    return_x: float
    return_top: float
    return_width: float  # the return address stays left of the stamp zone
    return_bottom: float
    stamp_width: float  # the stamp and franking zone in the top-right corner, kept empty
    stamp_height: float

    @property
    def title(self) -> str:
        """The envelope in words, in the interface language (the cover, warnings)."""
        return _(self.description)

    @property
    def page_size(self) -> tuple[float, float]:
        return self.width * mm, self.height * mm

    @property
    def recipient_width(self) -> float:
        return self.width - self.margin_right - self.recipient_x


ENVELOPES: dict[str, EnvelopeSpec] = {
    spec.name: spec
    for spec in (
        EnvelopeSpec(
            "dl",
            N_("DL, 220 × 110 mm"),
            220,
            110,
            recipient_x=100,
            recipient_top=50,
            recipient_bottom=95,
            margin_right=15,
            return_x=10,
            return_top=10,
            return_width=95,
            return_bottom=40,
            stamp_width=74,
            stamp_height=40,
        ),
        EnvelopeSpec(
            "c5",
            N_("C5, 229 × 162 mm"),
            229,
            162,
            recipient_x=105,
            recipient_top=75,
            recipient_bottom=147,
            margin_right=15,
            return_x=10,
            return_top=10,
            return_width=100,
            return_bottom=45,
            stamp_width=74,
            stamp_height=40,
        ),
        EnvelopeSpec(
            "no10",
            N_("No. 10, 9.5 × 4.125 in"),
            9.5 * MM_PER_INCH,
            4.125 * MM_PER_INCH,
            recipient_x=4 * MM_PER_INCH,
            recipient_top=1.875 * MM_PER_INCH,
            recipient_bottom=3.5 * MM_PER_INCH,
            margin_right=0.5 * MM_PER_INCH,
            return_x=0.375 * MM_PER_INCH,
            return_top=0.375 * MM_PER_INCH,
            return_width=3.6 * MM_PER_INCH,
            return_bottom=1.5 * MM_PER_INCH,
            stamp_width=2 * MM_PER_INCH,
            stamp_height=1.5 * MM_PER_INCH,
        ),
    )
}


def draw_envelope(
    canvas: Canvas,
    spec: EnvelopeSpec,
    recipient: tuple[str, ...],
    sender: tuple[str, ...],
    missing: set[str],
    warnings: list[str],
) -> None:
    """One envelope page: the recipient block and, if given, the return address."""
    canvas.setPageSize(spec.page_size)
    height = spec.page_size[1]
    fit = fit_block(
        recipient,
        spec.recipient_width,
        spec.recipient_bottom - spec.recipient_top,
        RECIPIENT_SIZE,
        RECIPIENT_SMALLEST,
    )
    if not fit.fits:
        warnings.append(
            _("the address of {name} does not fit the {envelope} envelope's address zone").format(
                name=brief(recipient[0]), envelope=spec.title
            )
        )
    elif fit.split:
        warnings.append(
            _(
                "a line of the address of {name} is too long for the {envelope} envelope, so it "
                "is split over two lines; check the address"
            ).format(name=brief(recipient[0]), envelope=spec.title)
        )
    draw_block(canvas, recipient, spec.recipient_x, height - spec.recipient_top * mm, fit, missing)
    if sender:
        small = fit_block(
            sender,
            spec.return_width,
            spec.return_bottom - spec.return_top,
            RETURN_SIZE,
            RETURN_SMALLEST,
        )
        if not small.fits:
            warnings.append(
                _("the return address of {name} is too long for an envelope").format(
                    name=brief(sender[0])
                )
            )
        draw_block(canvas, sender, spec.return_x, height - spec.return_top * mm, small, missing)
    canvas.showPage()
