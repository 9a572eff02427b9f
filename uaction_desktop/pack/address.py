"""Address blocks on envelopes and labels: the largest size that fits, or a warning."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import inch, mm
from reportlab.pdfgen.canvas import Canvas

from uaction_desktop.pdf import fonts
from uaction_desktop.pdf.wrapping import wrap_block

ASCENT = 0.9  # Liberation Serif, as a fraction of the font size: top of the first line
LEADING = 1.22
MM_PER_INCH = inch / mm  # US sizes are given in inches, ours are kept in millimetres


@dataclass(frozen=True)
class Fit:
    size: float
    leading: float
    fits: bool
    lines: tuple[str, ...]  # as drawn: a line too wide for the zone is split, never cut
    split: bool = False  # some line had to be split


def fit_block(
    lines: tuple[str, ...], width_mm: float, height_mm: float, size: float, smallest: float
) -> Fit:
    """The largest font size, from ``size`` down to ``smallest``, at which the block fits
    without splitting a line; else the largest at which it fits with lines split; else the
    smallest size, split, marked as not fitting."""
    sizes = [size - 0.5 * step for step in range(int((size - smallest) / 0.5) + 1)]
    for split in (False, True):
        for current in sizes:
            drawn = tuple(wrap_block(lines, fonts.SERIF, current, width_mm * mm))
            if not split and drawn != tuple(lines):
                continue
            tall = (ASCENT + (len(drawn) - 1) * LEADING + 0.25) * current if drawn else 0
            if tall <= height_mm * mm:
                return Fit(current, current * LEADING, True, drawn, split)
    drawn = tuple(wrap_block(lines, fonts.SERIF, sizes[-1], width_mm * mm))
    return Fit(sizes[-1], sizes[-1] * LEADING, False, drawn, drawn != tuple(lines))


def draw_block(
    canvas: Canvas, lines: tuple[str, ...], x_mm: float, top_y: float, fit: Fit, missing: set[str]
) -> None:
    """The fitted lines from ``top_y`` (points from the bottom: the top of the first line)
    downwards; ``lines`` is the block as given (kept for callers' clarity)."""
    baseline = top_y - ASCENT * fit.size
    for line in fit.lines:
        fonts.draw_text(canvas, x_mm * mm, baseline, line, fonts.SERIF, fit.size, missing)
        baseline -= fit.leading
