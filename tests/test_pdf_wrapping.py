"""Long address lines are split to fit a window or an envelope zone, never cut off."""

from __future__ import annotations

import io
from dataclasses import replace

import pypdf
import pytest
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from tests.test_pack_geometry import lines_on
from tests.test_pdf_letter import letter_for, page_items, read
from uaction_desktop.pack.envelopes import ENVELOPES, draw_envelope
from uaction_desktop.pdf import fonts
from uaction_desktop.pdf.layouts import get_layout
from uaction_desktop.pdf.letter import render_letter
from uaction_desktop.pdf.wrapping import wrap_line
from uaction_desktop.profile import SenderProfile

ENVOY = (
    "His Excellency the Ambassador Extraordinary and Plenipotentiary of the United Kingdom of "
    "Great Britain and Northern Ireland"
)
STREET = "c/o Embassy of Iran to the European Union, Avenue Franklin Roosevelt No. 15"


def test_lines_split_between_words_or_after_a_comma_and_lose_nothing() -> None:
    width = 80 * mm
    for text in (ENVOY, STREET):
        parts = wrap_line(text, fonts.SERIF, 10, width)
        assert len(parts) > 1
        assert " ".join(parts) == text  # every word, in order
        assert all(fonts.string_width(p, fonts.SERIF, 10) <= width for p in parts)
    assert wrap_line(STREET, fonts.SERIF, 10, width)[0].endswith("European Union,")
    assert wrap_line("Short", fonts.SERIF, 10, width) == ["Short"]
    giant = "x" * 200
    parts = wrap_line(giant, fonts.SERIF, 10, width)
    assert "".join(p.rstrip("-") for p in parts) == giant
    assert all(fonts.string_width(p, fonts.SERIF, 10) <= width for p in parts)


@pytest.mark.parametrize("layout", ["a4-din-b", "letter-no10"])
def test_a_long_address_line_stays_inside_the_letter_window(case, layout: str) -> None:
    profile = SenderProfile(name="Jane Doe", address=("1 Main St", "Springfield"))
    letter = letter_for(case, profile, "ambassador", layout)
    lines = (ENVOY, STREET, "Brussels", "BELGIUM")
    result = render_letter(replace(letter, recipient_lines=lines))
    assert any("split over two lines" in w for w in result.warnings)
    window = get_layout(layout).window
    items = page_items(read(result.pdf).pages[0])
    inside = [i for i in items if window.top < i.top < window.bottom and i.x >= window.x]
    text = " ".join(i.text for i in inside)
    for line in lines:
        assert line in text
    for item in inside:
        right = item.x + fonts.string_width(item.text, fonts.SERIF, item.size) / mm
        assert right <= window.right


@pytest.mark.parametrize("name", sorted(ENVELOPES))
def test_a_long_address_line_stays_inside_the_envelope_zone(name: str) -> None:
    spec = ENVELOPES[name]
    out = io.BytesIO()
    canvas = Canvas(out)
    warnings: list[str] = []
    draw_envelope(canvas, spec, (ENVOY, STREET, "Brussels", "BELGIUM"), (), set(), warnings)
    canvas.save()
    page = pypdf.PdfReader(io.BytesIO(out.getvalue())).pages[0]
    found = lines_on(page)
    assert " ".join(line.text for line in found).startswith(ENVOY[:40])
    assert "Franklin Roosevelt No. 15" in " ".join(line.text for line in found)
    for line in found:
        assert line.right <= spec.width - spec.margin_right
    assert warnings and all("check the address" in w or "does not fit" in w for w in warnings)


def test_no_wrapped_line_is_wider_than_the_width_after_a_comma_break() -> None:
    """From the third review: the words left after a comma break were not measured again."""
    width = 90.0
    text = "Avenue Independence, Square 15, Street Independence, Roosevelt Square"
    lines = wrap_line(text, fonts.SERIF, 11, width)
    assert " ".join(lines) == text
    assert all(fonts.string_width(line, fonts.SERIF, 11) <= width for line in lines), lines


def test_a_persian_non_joiner_keeps_two_letters_apart() -> None:
    """In Persian the zero-width non-joiner is spelling: نوری‌زاده is not نوریزاده."""
    with_zwnj = "".join(run.text for run in fonts.runs("نوری\u200cزاده", fonts.SERIF))
    joined = "".join(run.text for run in fonts.runs("نوریزاده", fonts.SERIF))
    assert with_zwnj != joined
    assert "\u200c" not in with_zwnj  # shaped, then the mark itself prints as nothing
    assert "\ufbfc" in with_zwnj  # Farsi yeh, isolated: not joined to the zain after it
