"""Envelopes and label sheets, measured from the PDF: every line where the post expects it."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pypdf
import pytest
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from uaction_desktop.compose import recipient_lines, return_address
from uaction_desktop.library import CaseLibrary
from uaction_desktop.pack import PackOptions, PackResult, Signer, build_pack
from uaction_desktop.pack.envelopes import ENVELOPES, EnvelopeSpec
from uaction_desktop.pack.labels import SHEETS, LabelSheet
from uaction_desktop.pack.plan import signer_profile
from uaction_desktop.pdf import fonts
from uaction_desktop.profile import SenderProfile

CASES = Path(__file__).resolve().parent / "fixtures" / "pack" / "cases"
TODAY = date(2026, 11, 28)
PROFILE = SenderProfile(
    name="Carol Coordinator", address=("1 Market Street", "Springfield"), country="United Kingdom"
)
ASCENT, DESCENT = 0.9, 0.25  # Liberation Serif, as a fraction of the font size
SIGNERS = (
    Signer("Ada Lovelace", ("12 Elm Street", "Springfield IL 62701"), country="US"),
    Signer("Grace Hopper"),  # no address: no return address on her envelopes
)


@dataclass(frozen=True)
class Line:
    text: str
    left: float  # mm from the left
    right: float
    top: float  # mm from the top of the page: top of the glyphs
    bottom: float  # bottom of the descenders


def lines_on(page: pypdf.PageObject) -> list[Line]:
    height = float(page.mediabox.height)
    found: list[Line] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        text = text.strip()
        if not text:
            return
        x = (tm[4] * cm[0] + tm[5] * cm[2] + cm[4]) / mm
        baseline = (height - (tm[4] * cm[1] + tm[5] * cm[3] + cm[5])) / mm
        scaled = size * (tm[0] * cm[0] or 1.0)
        width = fonts.string_width(text, fonts.SERIF, scaled) / mm
        found.append(
            Line(
                text,
                x,
                x + width,
                baseline - ASCENT * scaled / mm,
                baseline + DESCENT * scaled / mm,
            )
        )

    page.extract_text(visitor_text=visit)
    return found


def pack(tmp: Path, **options: Any) -> tuple[PackResult, pypdf.PdfReader]:
    library = CaseLibrary.load([CASES])
    result = build_pack(
        PackOptions(cases=("201/26",), officials="all", cover=False, briefings=False, **options),
        library,
        PROFILE,
        tmp / "pack.pdf",
        today=TODAY,
    )
    return result, pypdf.PdfReader(io.BytesIO(result.path.read_bytes()))


def expected_recipients() -> list[tuple[str, ...]]:
    case = CaseLibrary.load([CASES]).find("201/26", TODAY).case
    return [recipient_lines(o, PROFILE) for o in case.officials]


# --------------------------------------------------------------------------- envelopes


@pytest.mark.parametrize("name", sorted(ENVELOPES))
def test_envelope_recipient_and_return_address_positions(tmp_path: Path, name: str) -> None:
    spec: EnvelopeSpec = ENVELOPES[name]
    result, reader = pack(tmp_path, signers=SIGNERS, envelopes=name)
    part = result.part("envelopes")
    assert part.pages == result.letters == 6
    officials = CaseLibrary.load([CASES]).find("201/26", TODAY).case.officials
    for number, index in enumerate(range(part.first - 1, part.last)):
        page = reader.pages[index]
        assert float(page.mediabox.width) / mm == pytest.approx(spec.width, abs=0.01)
        assert float(page.mediabox.height) / mm == pytest.approx(spec.height, abs=0.01)
        lines = lines_on(page)
        signer = SIGNERS[number // 3]
        official = officials[number % 3]
        lines_back = return_address(signer.address, official, signer_profile(PROFILE, signer))
        sender = (signer.name, *lines_back) if signer.address else ()
        returned = [line for line in lines if line.left < spec.recipient_x - 1]
        block = [line for line in lines if line.left >= spec.recipient_x - 1]
        assert [line.text for line in returned] == list(sender)
        # posted from the member's country: Ada (US) writing to London needs "UNITED KINGDOM"
        posted_from = signer_profile(PROFILE, signer)
        assert [line.text for line in block] == list(recipient_lines(official, posted_from))
        for line in block:  # the recipient block, inside its zone
            assert line.left == pytest.approx(spec.recipient_x, abs=0.05)
            assert line.right <= spec.width - spec.margin_right
            assert spec.recipient_top - 0.05 <= line.top
            assert line.bottom <= spec.recipient_bottom
        assert block[0].top == pytest.approx(spec.recipient_top, abs=0.3)
        for line in returned:  # the return address, top left, clear of the stamp zone
            assert line.left == pytest.approx(spec.return_x, abs=0.05)
            assert line.right <= spec.return_x + spec.return_width
            assert spec.return_top - 0.05 <= line.top and line.bottom <= spec.return_bottom


def test_envelope_zones_follow_the_postal_rules() -> None:
    inch = 25.4
    for spec in ENVELOPES.values():
        assert spec.height - spec.recipient_bottom >= 15  # clear of the bottom edge
        assert spec.margin_right >= 12.7
        assert spec.recipient_top >= spec.stamp_height  # below the stamp and franking zone
        assert spec.return_x + spec.return_width <= spec.width - spec.stamp_width
        assert spec.return_bottom <= spec.recipient_top  # the two blocks never meet
    no10 = ENVELOPES["no10"]
    assert (no10.width, no10.height) == pytest.approx((9.5 * inch, 4.125 * inch))
    # USPS OCR read area: the block between 5/8 in and 2 3/4 in from the bottom edge.
    assert no10.height - no10.recipient_top <= 2.75 * inch
    assert no10.height - no10.recipient_bottom >= 0.625 * inch
    assert (ENVELOPES["dl"].width, ENVELOPES["dl"].height) == (220, 110)
    assert (ENVELOPES["c5"].width, ENVELOPES["c5"].height) == (229, 162)


def test_no_return_address_when_asked(tmp_path: Path) -> None:
    result, reader = pack(tmp_path, signers=SIGNERS[:1], envelopes="dl", return_address=False)
    first = result.part("envelopes").first
    texts = [line.text for line in lines_on(reader.pages[first - 1])]
    assert "Ada Lovelace" not in texts
    assert texts == list(expected_recipients()[0])


# --------------------------------------------------------------------------- labels


@pytest.mark.parametrize("name", sorted(SHEETS))
def test_labels_sit_inside_their_label_across_then_down(tmp_path: Path, name: str) -> None:
    sheet: LabelSheet = SHEETS[name]
    copies = sheet.per_sheet // 3 + 1  # one sheet and a bit of the next
    result, reader = pack(tmp_path, signers=copies, labels=name)
    part = result.part("labels")
    assert result.letters == copies * 3
    assert part.pages == 2
    recipients = expected_recipients() * copies
    seen = 0
    for index in range(part.first - 1, part.last):
        page = reader.pages[index]
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
            sheet.page_size, abs=0.01
        )
        lines = lines_on(page)
        on_sheet = recipients[seen : seen + sheet.per_sheet]
        for number, expected in enumerate(on_sheet):
            left, top = sheet.label_origin(number)
            inside = [
                line
                for line in lines
                if left <= line.left < left + sheet.label_width
                and top <= line.top < top + sheet.label_height
            ]
            assert [line.text for line in inside] == list(expected), (index, number)
            for line in inside:
                assert line.left == pytest.approx(left + sheet.inset_x, abs=0.05)
                assert line.right <= left + sheet.label_width - sheet.inset_x
                assert top + sheet.inset_y - 0.05 <= line.top
                assert line.bottom <= top + sheet.label_height - sheet.inset_y
        seen += len(on_sheet)
        assert len(lines) == sum(len(r) for r in on_sheet)
    assert seen == len(recipients)


@pytest.mark.parametrize("name", sorted(SHEETS))
def test_label_sheets_are_centred_on_their_paper(name: str) -> None:
    sheet = SHEETS[name]
    width, height = (size / mm for size in sheet.page_size)
    right = width - (sheet.left + (sheet.columns - 1) * sheet.pitch_x + sheet.label_width)
    bottom = height - (sheet.top + (sheet.rows - 1) * sheet.pitch_y + sheet.label_height)
    assert right == pytest.approx(sheet.left, abs=0.1)
    assert bottom == pytest.approx(sheet.top, abs=0.1)
    assert sheet.pitch_x >= sheet.label_width and sheet.pitch_y >= sheet.label_height
    assert sheet.label_origin(sheet.columns) == (sheet.left, sheet.top + sheet.pitch_y)


@pytest.mark.parametrize("name", sorted(SHEETS))
def test_a_split_or_oversized_address_stays_inside_its_label(name: str) -> None:
    """Split lines were centred as if unsplit (the block ran into the label below), and a
    block too tall for any size was drawn whole over the next label; now it ends in " …"."""
    from reportlab.pdfgen.canvas import Canvas

    from uaction_desktop.pack.labels import draw_labels

    sheet = SHEETS[name]
    envoy = (
        "His Excellency the Ambassador Extraordinary and Plenipotentiary of the United "
        "Kingdom of Great Britain and Northern Ireland",
        "c/o Embassy of Iran to the European Union, Avenue Franklin Roosevelt No. 15",
        "Brussels",
        "BELGIUM",
    )
    tall = tuple(f"Line {n} of a very long address" for n in range(40))
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=sheet.page_size)
    warnings: list[str] = []
    draw_labels(canvas, sheet, [envoy, tall], set(), warnings)
    canvas.save()
    lines = lines_on(pypdf.PdfReader(io.BytesIO(out.getvalue())).pages[0])
    for number in (0, 1):
        left, top = sheet.label_origin(number)
        inside = [line for line in lines if left <= line.left < left + sheet.label_width]
        assert len(inside) > 4
        for line in inside:
            assert top + sheet.inset_y - 0.05 <= line.top
            assert line.bottom <= top + sheet.label_height - sheet.inset_y + 0.05, line
    assert inside[-1].text.endswith("…")
    assert any("does not fit" in w for w in warnings)


def test_envelope_and_label_warnings_speak_the_interface_language() -> None:
    """A German coordinator's pack warns in German about an address that does not fit (the
    warnings were English whatever the interface language)."""
    from uaction_desktop import i18n
    from uaction_desktop.pack.envelopes import draw_envelope
    from uaction_desktop.pack.labels import draw_labels

    tall = tuple(f"Zeile {n} einer sehr langen Anschrift" for n in range(40))
    i18n.set_language("de")
    try:
        warnings: list[str] = []
        canvas = Canvas(io.BytesIO(), pagesize=ENVELOPES["dl"].page_size)
        draw_envelope(canvas, ENVELOPES["dl"], tall, tall, set(), warnings)
        draw_labels(canvas, SHEETS["a4-21"], [tall], set(), warnings)
    finally:
        i18n.set_language("en")
    assert warnings == [
        "die Adresse von Zeile 0 einer sehr langen Anschrift passt nicht in das Adressfeld des "
        "Umschlags DL, 220 × 110 mm",
        "die Absenderadresse von Zeile 0 einer sehr langen Anschrift ist zu lang für einen "
        "Umschlag",
        "die Adresse von Zeile 0 einer sehr langen Anschrift passt nicht auf ihr Etikett",
    ]
