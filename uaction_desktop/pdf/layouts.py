"""Page layouts: paper size, the envelope window, fold marks and margins.

All measures are in millimetres from the top-left corner, as printed rulers and DIN 5008 give
them; the renderer converts to PDF points (origin bottom-left).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm


@dataclass(frozen=True)
class Rect:
    x: float
    top: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height


@dataclass(frozen=True)
class PageLayout:
    name: str
    description: str
    page_size: tuple[float, float]  # points, as ReportLab wants them
    window: Rect  # the envelope window, mm
    recipient_x: float  # first recipient line: left edge, mm
    recipient_top: float  # top of the first recipient line, mm
    recipient_max_lines: int
    return_line_top: float | None  # small sender line above the recipient (DIN form B), mm
    fold_marks: tuple[float, ...]  # mm from the top
    punch_mark: float | None
    margin_left: float
    margin_right: float
    sender_top: float  # top of the sender block, mm
    sender_align: str  # "right" or "left"
    date_top: float
    body_top: float  # first page: where the letter text starts, mm
    later_top: float  # continuation pages: where text starts below the header, mm
    margin_bottom: float
    locale: str

    @property
    def width_mm(self) -> float:
        return self.page_size[0] / mm

    @property
    def height_mm(self) -> float:
        return self.page_size[1] / mm

    def y(self, top_mm: float) -> float:
        """PDF y coordinate (points from the bottom) of a distance from the top in mm."""
        return self.page_size[1] - top_mm * mm


A4_DIN_B = PageLayout(
    name="a4-din-b",
    description="A4, DIN 5008 form B, for DL and C5 window envelopes",
    page_size=A4,
    window=Rect(x=20, top=45, width=85, height=45),
    recipient_x=25,
    recipient_top=62.7,
    recipient_max_lines=6,
    return_line_top=54.5,
    fold_marks=(105, 210),
    punch_mark=148.5,
    margin_left=25,
    margin_right=20,
    sender_top=16,
    sender_align="right",
    date_top=93,
    body_top=101,
    later_top=28,
    margin_bottom=22,
    locale="en_GB",
)

LETTER_NO10 = PageLayout(
    name="letter-no10",
    description="US Letter folded in three, for a No. 10 window envelope",
    page_size=LETTER,
    # No. 10 window: 4 1/2 x 1 1/8 in, 7/8 in from the left; as it falls on the top panel.
    window=Rect(x=22.2, top=57, width=114.3, height=28.6),
    recipient_x=25.4,
    recipient_top=64,
    recipient_max_lines=4,
    return_line_top=None,
    fold_marks=(93.1, 186.3),
    punch_mark=None,
    margin_left=25.4,
    margin_right=25.4,
    sender_top=16,
    sender_align="left",
    date_top=46,
    body_top=99,
    later_top=28,
    margin_bottom=22,
    locale="en_US",
)

LAYOUTS: dict[str, PageLayout] = {layout.name: layout for layout in (A4_DIN_B, LETTER_NO10)}


def get_layout(name: str) -> PageLayout:
    try:
        return LAYOUTS[name]
    except KeyError:
        known = ", ".join(LAYOUTS)
        raise ValueError(f"unknown layout '{name}' (choose from {known})") from None
