"""Letter PDFs: milliseconds for one letter, letters per second for a 1,000-letter PDF.

Ours: ``render_letter`` / ``render_letters`` on letters composed from the bundled UA 63/18
(composition is done beforehand and not timed).
Floor: ReportLab's raw canvas drawing the same text in the same run: the same lines at the same
places, the same embedded fonts and page size, invariant mode, body text wrapped with
``simpleSplit``; no platypus, no font fallback, no escaping, no footers.
Run: python benchmarks/letter_pdf.py [--runs N] [--letters N] [--batch-runs N]
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from collections.abc import Callable, Sequence
from datetime import date

from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from uaction_desktop.casefile import load_case_file
from uaction_desktop.compose import Letter, compose_letter
from uaction_desktop.pdf import fonts
from uaction_desktop.pdf.layouts import get_layout
from uaction_desktop.pdf.letter import (
    BODY_LEADING,
    BODY_SIZE,
    RECIPIENT_LEADING,
    RECIPIENT_SIZE,
    render_letter,
    render_letters,
)
from uaction_desktop.profile import SenderProfile
from uaction_desktop.resources import bundled_cases_dir

LAYOUT = "a4-din-b"


def make_letters(count: int) -> list[Letter]:
    """``count`` letters to the two officials of UA 63/18, from different writers."""
    case = load_case_file(bundled_cases_dir() / "ua-63-18-kazakhstan.toml").case
    assert case is not None
    letters = []
    for number in range(count):
        profile = SenderProfile(
            name=f"Writer {number + 1}",
            address=(f"{number + 1} Elm Street", "Springfield, IL 62701"),
            country="Germany" if number % 3 == 0 else "",
        )
        official = case.officials[number % len(case.officials)]
        letters.append(
            compose_letter(
                case, official, profile, today=date(2018, 4, 2), layout=LAYOUT, variant=number
            )
        )
    return letters


# --------------------------------------------------------------------------- the floor


def draw_letter(canvas: Canvas, letter: Letter) -> None:
    """The same text as our renderer prints, drawn straight onto the canvas."""
    layout = get_layout(letter.layout)
    left = layout.margin_left * mm
    right = layout.page_size[0] - layout.margin_right * mm
    width = right - left
    top = layout.sender_top
    for text, font, size in [
        (letter.sender_name, fonts.SERIF_BOLD, 11.0),
        *((line, fonts.SERIF, 9.5) for line in letter.sender_lines),
    ]:
        top += size * 1.25 / mm
        canvas.setFont(font, size)
        canvas.drawRightString(right, layout.y(top), text)
    if layout.return_line_top is not None:
        canvas.setFont(fonts.SERIF, 7)
        line = " · ".join([letter.sender_name, *letter.sender_lines])
        canvas.drawString(layout.recipient_x * mm, layout.y(layout.return_line_top), line)
    canvas.setFont(fonts.SERIF, RECIPIENT_SIZE)
    y = layout.y(layout.recipient_top) - RECIPIENT_SIZE * 0.8
    for line in letter.recipient_lines:
        canvas.drawString(layout.recipient_x * mm, y, line)
        y -= RECIPIENT_LEADING
    canvas.setFont(fonts.SERIF, BODY_SIZE)
    canvas.drawRightString(right, layout.y(layout.date_top), letter.date_text)
    y = layout.y(layout.body_top) - BODY_SIZE
    blocks = [
        (letter.subject, fonts.SERIF_BOLD),
        (f"{letter.salutation},", fonts.SERIF),
        *((p, fonts.SERIF) for p in letter.paragraphs),
        (letter.closing, fonts.SERIF),
    ]
    for text, font in blocks:
        canvas.setFont(font, BODY_SIZE)
        for line in simpleSplit(text, font, BODY_SIZE, width):
            if y < layout.margin_bottom * mm:
                canvas.showPage()
                canvas.setFont(font, BODY_SIZE)
                y = layout.y(layout.later_top) - BODY_SIZE
            canvas.drawString(left, y, line)
            y -= BODY_LEADING
        y -= 7
    canvas.drawString(left, y - 16 * mm, letter.signature)
    canvas.showPage()


def floor_pdf(letters: Sequence[Letter]) -> bytes:
    fonts.register_fonts()
    buffer = io.BytesIO()
    page_size = get_layout(LAYOUT).page_size
    canvas = Canvas(buffer, pagesize=page_size, invariant=1, initialFontName=fonts.SERIF)
    canvas.setTitle(letters[0].title)
    for letter in letters:
        draw_letter(canvas, letter)
    canvas.save()
    return buffer.getvalue()


# --------------------------------------------------------------------------- timing


def median_seconds(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="runs of the one-letter PDF")
    parser.add_argument("--letters", type=int, default=1000, help="letters in the big PDF")
    parser.add_argument("--batch-runs", type=int, default=3, help="runs of the big PDF")
    args = parser.parse_args()

    letters = make_letters(args.letters)
    one = letters[0]
    # Warm up both: font registration, subsetting tables, imports.
    assert render_letter(one).pages == 1
    floor_pdf([one])

    ours_one = median_seconds(lambda: render_letter(one), args.runs)
    floor_one = median_seconds(lambda: floor_pdf([one]), args.runs)
    ours_many = median_seconds(lambda: render_letters(letters), args.batch_runs)
    floor_many = median_seconds(lambda: floor_pdf(letters), args.batch_runs)

    pages = render_letters(letters).pages
    ours_rate, floor_rate = args.letters / ours_many, args.letters / floor_many
    print(f"one-letter PDF ({args.runs} runs, median)")
    print(f"  render_letter:          {ours_one * 1000:8.1f} ms")
    print(f"  raw canvas (floor):     {floor_one * 1000:8.1f} ms")
    print(f"  ratio:                  {ours_one / floor_one:8.2f}")
    print(f"{args.letters}-letter PDF, {pages} pages ({args.batch_runs} runs, median)")
    print(f"  render_letters:         {ours_rate:8.0f} letters/s ({ours_many:.2f} s)")
    print(f"  raw canvas (floor):     {floor_rate:8.0f} letters/s ({floor_many:.2f} s)")
    print(f"  ratio (time):           {ours_many / floor_many:8.2f}")


if __name__ == "__main__":
    main()
