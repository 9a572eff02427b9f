"""Address blocks on envelopes and labels: the largest size that fits, or a warning."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from uaction_desktop.pdf import fonts

ASCENT = 0.9  # Liberation Serif, as a fraction of the font size: top of the first line
LEADING = 1.22


@dataclass(frozen=True)
class Fit:
    size: float
    leading: float
    fits: bool


def fit_block(
    lines: tuple[str, ...], width_mm: float, height_mm: float, size: float, smallest: float
) -> Fit:
    """The largest font size, from ``size`` down to ``smallest``, at which the block fits."""
    current = size
    while True:
        widest = max((fonts.string_width(line, fonts.SERIF, current) for line in lines), default=0)
        tall = (ASCENT + (len(lines) - 1) * LEADING + 0.25) * current if lines else 0
        if widest <= width_mm * mm and tall <= height_mm * mm:
            return Fit(current, current * LEADING, True)
        if current - 0.5 < smallest:
            return Fit(current, current * LEADING, False)
        current -= 0.5


def draw_block(
    canvas: Canvas, lines: tuple[str, ...], x_mm: float, top_y: float, fit: Fit, missing: set[str]
) -> None:
    """Lines from ``top_y`` (points from the bottom: the top of the first line) downwards."""
    baseline = top_y - ASCENT * fit.size
    for line in lines:
        fonts.draw_text(canvas, x_mm * mm, baseline, line, fonts.SERIF, fit.size, missing)
        baseline -= fit.leading
