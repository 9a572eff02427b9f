"""Address blocks on envelopes and labels: the largest size that fits, or a warning."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import inch, mm
from reportlab.pdfgen.canvas import Canvas

from uaction_desktop.pdf import fonts
from uaction_desktop.pdf.wrapping import shortened, within_reach, wrap_block

ASCENT = 0.9  # Liberation Serif, as a fraction of the font size: top of the first line
LEADING = 1.22
MM_PER_INCH = inch / mm  # US sizes are given in inches, ours are kept in millimetres


@dataclass(frozen=True)
class Fit:
    size: float
    leading: float
    fits: bool
    lines: tuple[str, ...]  # as drawn: a line too wide is split; a block too big ends in " …"
    split: bool = False  # some line had to be split


def fit_block(
    lines: tuple[str, ...], width_mm: float, height_mm: float, size: float, smallest: float
) -> Fit:
    """The largest font size, from ``size`` down to ``smallest`` in half points, at which the
    block fits without splitting a line; else the largest at which it fits with lines split;
    else the smallest size, split, cut to the zone's lines with the last ending in " …" (the
    address is reported as not fitting; nothing is drawn outside the zone).

    Text from strangers may be thousands of characters long: what could not fit the zone even
    at the smallest size is left out before any wrapping, so the work is bounded by the zone,
    not by the text."""
    width, height = width_mm * mm, height_mm * mm
    sizes = [size - 0.5 * step for step in range(int((size - smallest) / 0.5) + 1)]
    room = _room(height, sizes[-1])
    within, cut = within_reach(lines, fonts.SERIF, sizes[-1], width, room)
    if not cut:
        words = [line for line in within if line.split()]
        for current in sizes:  # each line whole (wrap_line keeps a line that fits as it is)
            if _tall(len(within), current) > height:
                continue
            if all(fonts.string_width(line, fonts.SERIF, current) <= width for line in words):
                return Fit(current, current * LEADING, True, within, False)
        for current in sizes:
            drawn = tuple(wrap_block(within, fonts.SERIF, current, width))
            if _tall(len(drawn), current) <= height:
                return Fit(current, current * LEADING, True, drawn, drawn != within)
    smallest = sizes[-1]
    drawn = tuple(wrap_block(within, fonts.SERIF, smallest, width))
    if cut or len(drawn) > room:
        kept = drawn[:room]
        last = kept[-1] if kept else ""
        drawn = (*kept[:-1], shortened([last], fonts.SERIF, smallest, width)) if kept else ()
    return Fit(smallest, smallest * LEADING, False, drawn, drawn != tuple(lines))


def _tall(count: int, size: float) -> float:
    """The height of ``count`` lines at ``size``, from the first line's top to the last
    line's descenders."""
    return (ASCENT + (count - 1) * LEADING + 0.25) * size if count else 0.0


def _room(height: float, size: float) -> int:
    """How many lines at ``size`` fit ``height`` points."""
    spare = height / size - ASCENT - 0.25
    count = int(spare / LEADING) + 1 if spare >= 0 else 0
    while count and _tall(count, size) > height:  # the same test as the fitting's
        count -= 1
    while _tall(count + 1, size) <= height:
        count += 1
    return count


def draw_block(
    canvas: Canvas, lines: tuple[str, ...], x_mm: float, top_y: float, fit: Fit, missing: set[str]
) -> None:
    """The fitted lines from ``top_y`` (points from the bottom: the top of the first line)
    downwards; ``lines`` is the block as given (kept for callers' clarity)."""
    baseline = top_y - ASCENT * fit.size
    for line in fit.lines:
        fonts.draw_text(canvas, x_mm * mm, baseline, line, fonts.SERIF, fit.size, missing)
        baseline -= fit.leading
