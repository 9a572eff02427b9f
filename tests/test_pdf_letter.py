"""Letter PDFs, read back: text, positions in the envelope window, fonts, metadata, hostile text.

Every check works on the real PDF bytes (pypdf) or on real pages rendered by PDFium
(pypdfium2, as the preview draws them).
The golden comparison keeps the text and positions of the four UA 63/18 letters (two officials,
two layouts) in tests/golden/; regenerate it after an intended layout change with

    UACTION_UPDATE_GOLDEN=1 python -m pytest tests/test_pdf_letter.py -k golden
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, replace
from datetime import date
from html import unescape
from pathlib import Path
from typing import Any

import pypdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from tests.pages import page_images
from uaction_desktop.compose import Letter, compose_letter
from uaction_desktop.model import Case
from uaction_desktop.pdf import fonts
from uaction_desktop.pdf.fax import render_fax
from uaction_desktop.pdf.layouts import LAYOUTS, PageLayout, get_layout
from uaction_desktop.pdf.letter import RenderResult, render_letter, render_letters
from uaction_desktop.profile import SenderProfile

REPO = Path(__file__).resolve().parent.parent
BUNDLED_CASE = REPO / "cases" / "ua-63-18-kazakhstan.toml"
GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE_GOLDEN = os.environ.get("UACTION_UPDATE_GOLDEN") == "1"
DAY = date(2018, 4, 2)
OFFICIALS = ("prosecutor-general", "ambassador")
ASCENT, DESCENT = 0.9, 0.25  # Liberation Serif, as a fraction of the font size


# --------------------------------------------------------------------------- reading PDFs back


@dataclass(frozen=True)
class Item:
    """One piece of text as drawn: its baseline start in mm from the top-left of the page."""

    text: str
    x: float
    top: float
    size: float


def read(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf))


def page_items(page: pypdf.PageObject) -> list[Item]:
    height = float(page.mediabox.height)
    items: list[Item] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        text = text.strip()
        if not text:
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = (tm[0] * cm[0]) or 1.0
        items.append(Item(text, x / mm, (height - y) / mm, round(size * scale, 2)))

    page.extract_text(visitor_text=visit)
    return items


def all_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in read(pdf).pages)


def page_fonts(reader: pypdf.PdfReader) -> dict[str, Any]:
    """Every font a page or a form on it uses, by base name."""
    found: dict[str, Any] = {}

    def collect(resources: Any) -> None:
        if resources is None:
            return
        resources = resources.get_object()
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            found[str(font["/BaseFont"])] = font
        for xobject in (resources.get("/XObject") or {}).values():
            collect(xobject.get_object().get("/Resources"))

    for page in reader.pages:
        collect(page.get("/Resources"))
    return found


# --------------------------------------------------------------------------- the letters


@pytest.fixture(scope="module")
def profile() -> SenderProfile:
    return SenderProfile(
        name="Jane Doe",
        address=("12 Elm Street", "Springfield, IL 62701"),
        email="jane@example.org",
    )


def letter_for(case: Case, profile: SenderProfile, official: str, layout: str) -> Letter:
    who = case.official(official)
    assert who is not None
    return compose_letter(case, who, profile, today=DAY, layout=layout)


@pytest.fixture(scope="module")
def letters(case: Case, profile: SenderProfile) -> dict[tuple[str, str], tuple[Letter, bytes]]:
    out = {}
    for official in OFFICIALS:
        for layout in LAYOUTS:
            letter = letter_for(case, profile, official, layout)
            result = render_letter(letter)
            assert result.warnings == []
            assert result.pages == 1
            out[official, layout] = (letter, result.pdf)
    return out


ALL = pytest.mark.parametrize(("official", "layout"), [(o, n) for o in OFFICIALS for n in LAYOUTS])


@ALL
def test_address_salutation_and_name_read_back(
    letters: dict[tuple[str, str], tuple[Letter, bytes]], official: str, layout: str
) -> None:
    letter, pdf = letters[official, layout]
    reader = read(pdf)
    assert len(reader.pages) == 1
    lines = [line.strip() for line in reader.pages[0].extract_text().splitlines()]
    positions = [lines.index(line) for line in letter.recipient_lines]
    assert positions == sorted(positions)  # every address line, in order
    assert positions == list(range(positions[0], positions[0] + len(positions)))  # together
    assert f"{letter.salutation}," in lines
    assert "Akmaral Tobylova, Kazakhstan" in lines  # the subject line
    text = " ".join(lines)
    assert "Akmaral Tobylova" in text
    for request in letter.paragraphs[2:5]:
        assert request[:60] in text
    assert letter.date_text in lines
    assert "Jane Doe" in lines
    assert lines[-1] == "Jane Doe"  # the signature name closes the letter
    assert "Yours sincerely," in lines or "Sincerely," in lines


def test_both_officials_get_their_own_address(
    letters: dict[tuple[str, str], tuple[Letter, bytes]],
) -> None:
    prosecutor = all_text(letters["prosecutor-general", "a4-din-b"][1])
    ambassador = all_text(letters["ambassador", "a4-din-b"][1])
    assert "14 Orynbor Street" in prosecutor and "14 Orynbor Street" not in ambassador
    assert "1401 16th St NW" in ambassador and "1401 16th St NW" not in prosecutor
    assert "Dear Prosecutor General," in prosecutor
    assert "Dear Ambassador," in ambassador


@ALL
def test_recipient_block_sits_inside_the_envelope_window(
    letters: dict[tuple[str, str], tuple[Letter, bytes]], official: str, layout: str
) -> None:
    letter, pdf = letters[official, layout]
    page = get_layout(layout)
    window = page.window
    items = page_items(read(pdf).pages[0])
    block = [item for item in items if item.text in letter.recipient_lines]
    assert [item.text for item in block] == list(letter.recipient_lines)
    for item in block:
        width = fonts.string_width(item.text, fonts.SERIF, item.size) / mm
        top = item.top - ASCENT * item.size / mm
        bottom = item.top + DESCENT * item.size / mm
        assert window.x <= item.x and item.x + width <= window.right, item
        assert window.top <= top and bottom <= window.bottom, item
        assert item.x == pytest.approx(page.recipient_x, abs=0.05)
    # The first line starts where the layout says (62.7 mm for DIN 5008 B, 64 mm for No. 10).
    assert block[0].top - ASCENT * block[0].size / mm == pytest.approx(page.recipient_top, abs=1)
    # Nothing but the address (and DIN's small return line) shows through the window.
    in_window = [
        item.text
        for item in items
        if window.top <= item.top <= window.bottom and window.x <= item.x <= window.right
    ]
    extra = [text for text in in_window if text not in letter.recipient_lines]
    if page.return_line_top is not None:
        assert extra == ["Jane Doe · 12 Elm Street · Springfield, IL 62701"]
    else:
        assert extra == []


def test_window_constants_match_the_standards() -> None:
    din = get_layout("a4-din-b")
    assert (din.window.x, din.window.top, din.window.width, din.window.height) == (20, 45, 85, 45)
    assert (din.recipient_x, din.recipient_top) == (25, 62.7)
    assert din.fold_marks == (105, 210)
    assert round(din.width_mm) == 210 and round(din.height_mm) == 297
    no10 = get_layout("letter-no10")
    assert no10.recipient_x == pytest.approx(25.4)
    assert no10.recipient_top == pytest.approx(64)
    assert no10.recipient_max_lines == 4
    assert round(no10.width_mm, 1) == 215.9 and round(no10.height_mm, 1) == 279.4
    with pytest.raises(ValueError, match="unknown layout 'a5'"):
        get_layout("a5")


def test_fonts_are_embedded(case: Case, profile: SenderProfile) -> None:
    letter = letter_for(case, profile, "prosecutor-general", "a4-din-b")
    # Cyrillic and Greek come from Liberation Serif; ☮ only DejaVu Sans can draw.
    letter = replace(letter, paragraphs=(*letter.paragraphs, "Акмарал Тобылова, Αθήνα ☮"))
    result = render_letter(letter)
    assert result.warnings == []
    found = page_fonts(read(result.pdf))
    names = sorted(re.sub(r"^/[A-Z]{6}\+", "", name) for name in found)
    assert names == ["DejaVuSans", "LiberationSerif", "LiberationSerif-Bold"]
    for name, font in found.items():
        assert font["/Subtype"] == "/TrueType", name
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, f"{name} is not embedded"
        assert len(descriptor["/FontFile2"].get_object().get_data()) > 1000
        assert "/ToUnicode" in font  # copy and search work
    assert "Акмарал Тобылова, Αθήνα ☮" in all_text(result.pdf)


def test_no_standard_font_is_referenced(
    letters: dict[tuple[str, str], tuple[Letter, bytes]],
) -> None:
    for _letter, pdf in letters.values():
        assert b"Helvetica" not in pdf
        assert all("/FontFile2" in f["/FontDescriptor"] for f in page_fonts(read(pdf)).values())


def test_metadata(letters: dict[tuple[str, str], tuple[Letter, bytes]]) -> None:
    meta = read(letters["ambassador", "letter-no10"][1]).metadata
    assert meta is not None
    assert meta.title == "Letter to Ambassador Erzhan Kazykhanov about UA 63/18"
    assert meta.author == "Jane Doe"
    assert meta.subject == "Woman detained for reading opposition website"
    assert meta.creator == "uaction-desktop"


def test_render_letters_takes_explicit_metadata(case: Case, profile: SenderProfile) -> None:
    letter = letter_for(case, profile, "ambassador", "a4-din-b")
    result = render_letters([letter], title="Pack", author="Group 42", subject="UA 63/18")
    meta = read(result.pdf).metadata
    assert (meta.title, meta.author, meta.subject) == ("Pack", "Group 42", "UA 63/18")
    with pytest.raises(ValueError, match="no letters"):
        render_letters([])


def test_page_sizes(letters: dict[tuple[str, str], tuple[Letter, bytes]]) -> None:
    a4 = read(letters["ambassador", "a4-din-b"][1]).pages[0].mediabox
    us = read(letters["ambassador", "letter-no10"][1]).pages[0].mediabox
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)
    assert (round(float(us.width)), round(float(us.height))) == (612, 792)


def test_output_is_deterministic(
    case: Case, profile: SenderProfile, letters: dict[tuple[str, str], tuple[Letter, bytes]]
) -> None:
    letter, pdf = letters["prosecutor-general", "a4-din-b"]
    render_letter(letter_for(case, profile, "ambassador", "letter-no10"))  # other state between
    assert render_letter(letter).pdf == pdf
    assert b"/CreationDate (D:20000101000000" in pdf  # invariant mode: no clock in the file


def test_output_is_the_same_in_another_process(
    letters: dict[tuple[str, str], tuple[Letter, bytes]], tmp_path: Path
) -> None:
    script = f"""
import sys
from datetime import date
from uaction_desktop.casefile import load_case_file
from uaction_desktop.compose import compose_letter
from uaction_desktop.pdf.letter import render_letter
from uaction_desktop.profile import SenderProfile
case = load_case_file({str(BUNDLED_CASE)!r}).case
profile = SenderProfile(name="Jane Doe", address=("12 Elm Street", "Springfield, IL 62701"),
                        email="jane@example.org")
letter = compose_letter(case, case.officials[0], profile, today=date(2018, 4, 2),
                        layout="a4-din-b")
sys.stdout.buffer.write(render_letter(letter).pdf)
"""
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, env=env, check=True, timeout=60
    )
    assert done.stdout == letters["prosecutor-general", "a4-din-b"][1]


# --------------------------------------------------------------------------- hostile text

HOSTILE = [
    "<b>not bold</b>",
    "AT&T and &amp; and &nbsp; and &#169;",
    '<font name="x">not a font</font>',
    '<img src="x"/>',
    "{{ 7*7 }} {% if x %}y{% endif %}",
    "<para>a</para><br/> </strike> <a href='http://x'>link</a>",
    "back\\slash and ]]> and %PDF and (parens) and \\) and <<dict>>",
]


def test_hostile_text_prints_literally_everywhere(case: Case) -> None:
    joined = " | ".join(HOSTILE)
    profile = SenderProfile(name="<b>Jane</b> & Co", address=(HOSTILE[2], HOSTILE[3]))
    who = replace(
        case.officials[0],
        title="<i>Prosecutor</i>",
        name="AT&T {{ 7*7 }}",
        address=("<br/>1 & 2 Street", "Astana"),
        salutation="Dear <u>Prosecutor</u> & Co",
    )
    hostile_case = replace(case, people=(replace(case.people[0], name="<b>Akmaral</b> & Co"),))
    letter = compose_letter(hostile_case, who, profile, today=DAY)
    letter = replace(letter, paragraphs=(*HOSTILE, joined), closing="<b>Yours</b> & sincerely,")
    result = render_letter(letter)
    assert result.warnings == []
    text = all_text(result.pdf)
    for piece in [*HOSTILE, "<b>Jane</b> & Co", "<i>Prosecutor</i> AT&T {{ 7*7 }}"]:
        assert piece in text, piece
    for piece in ("<br/>1 & 2 Street", "Dear <u>Prosecutor</u> & Co,", "<b>Yours</b> & sincerely,"):
        assert piece in text, piece
    assert "<b>Akmaral</b> & Co, Kazakhstan" in text
    assert "49" not in text


def test_a_20000_character_paragraph_flows_over_pages(case: Case, profile: SenderProfile) -> None:
    long = " ".join(f"word{n}" for n in range(2500))[:20000]
    assert len(long) == 20000
    letter = letter_for(case, profile, "ambassador", "a4-din-b")
    letter = replace(letter, paragraphs=(letter.paragraphs[0], long, letter.paragraphs[-1]))
    result = render_letter(letter)
    assert result.warnings == []
    assert result.pages >= 3
    text = all_text(result.pdf)
    assert re.sub(r"\s+", " ", text).count("word") >= 2000
    assert "word0 word1" in text and "word2199" in text


def test_a_5000_character_word_is_split_not_lost(case: Case, profile: SenderProfile) -> None:
    word = "".join("abcdefghij"[n % 10] for n in range(5000))
    letter = letter_for(case, profile, "ambassador", "a4-din-b")
    letter = replace(letter, paragraphs=(word, "After the long word."))
    result = render_letter(letter)
    assert result.warnings == []
    assert result.pages == 2
    body = [
        line
        for line in all_text(result.pdf).splitlines()
        if not line.endswith("(continued)") and not re.fullmatch(r"Page \d of \d", line)
    ]
    text = re.sub(r"\s+", "", "".join(body))
    assert word in text
    assert "Afterthelongword." in text
    for page in read(result.pdf).pages:  # no line runs off the paper
        for item in page_items(page):
            width = fonts.string_width(item.text, fonts.SERIF, item.size) / mm
            assert item.x + width <= 210 - 19.9, item.text[:30]


def test_bidi_and_zero_width_controls_are_dropped(case: Case, profile: SenderProfile) -> None:
    controls = "\u202e\u202d\u202a\u202b\u202c\u200e\u200f\u2066\u2067\u2068\u2069\u200b\ufeff"
    letter = letter_for(case, profile, "ambassador", "a4-din-b")
    letter = replace(
        letter,
        paragraphs=(f"before{controls}middle\u202eevil\u202cafter", "Shalom שלום, salam سلام."),
        recipient_lines=(f"Ambassador\u202e Erzhan{controls}", *letter.recipient_lines[1:]),
    )
    result = render_letter(letter)
    (warning,) = result.warnings  # the overrides and isolates; the marks and joiners go silently
    assert warning.startswith("these control or direction characters in the text were left out")
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in warning and "U+2066 LEFT-TO-RIGHT ISOLATE" in warning
    assert "U+200B" not in warning and "U+200E" not in warning
    text = all_text(result.pdf)
    assert "beforemiddleevilafter" in text
    assert "Ambassador Erzhan" in text
    assert not any(char in text for char in controls)
    assert "שלום" in text or "םולש" in text  # Hebrew prints (DejaVu Sans)


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("Wang 王先生", ["王 (U+738B)", "先 (U+5148)", "生 (U+751F)"]),
        ("Thank you 😀", ["😀 (U+1F600)"]),  # beyond U+FFFF: no clean ToUnicode entry
        ("Korean 한국어", ["한 (U+D55C)"]),
    ],
)
def test_characters_no_font_can_draw_are_reported(
    case: Case, profile: SenderProfile, text: str, reported: list[str]
) -> None:
    letter = letter_for(case, profile, "ambassador", "a4-din-b")
    letter = replace(letter, paragraphs=(*letter.paragraphs, text))
    result = render_letter(letter)
    (warning,) = result.warnings
    assert warning.startswith("these characters cannot be printed with the bundled fonts")
    for item in reported:
        assert item in warning
    printed = all_text(result.pdf)
    assert text.split()[0] in printed  # the drawable part prints
    assert not any(ord(c) > 0x2FFF and c in printed for c in text)  # never as boxes


def test_pypdf_reads_every_letter_without_complaint(
    case: Case, profile: SenderProfile, caplog: pytest.LogCaptureFixture
) -> None:
    letter = letter_for(case, profile, "ambassador", "a4-din-b")
    letter = replace(letter, paragraphs=("Thank you 😀 ☮ Ω ж",))
    with caplog.at_level("WARNING", logger="pypdf"):
        all_text(render_letter(letter).pdf)
    assert caplog.records == []


# --------------------------------------------------------------------------- long letters


def test_a_multi_page_letter_has_page_numbers_and_a_continuation_header(
    case: Case, profile: SenderProfile
) -> None:
    letter = letter_for(case, profile, "prosecutor-general", "a4-din-b")
    letter = replace(letter, paragraphs=letter.paragraphs * 5)
    result = render_letter(letter)
    reader = read(result.pdf)
    total = len(reader.pages)
    assert result.pages == total >= 2
    header = "Jane Doe to Prosecutor General Kairat Kozhamzharov, 2 April 2018 (continued)"
    for number, page in enumerate(reader.pages, start=1):
        lines = [line.strip() for line in page.extract_text().splitlines()]
        assert f"Page {number} of {total}" in lines
        assert (header in lines) is (number > 1)
        items = page_items(page)
        footer = [i for i in items if i.text == f"Page {number} of {total}"]
        assert footer and footer[0].top > 280  # at the foot of the page
        if number > 1:
            (head,) = [i for i in items if i.text == header]
            assert head.top < 20
            body = [i for i in items if i.text not in (header, footer[0].text)]
            assert min(i.top for i in body) > 25  # the text starts below the header
    assert lines[-1] == "Jane Doe"


def test_a_one_page_letter_has_no_page_number(
    letters: dict[tuple[str, str], tuple[Letter, bytes]],
) -> None:
    assert "Page 1 of 1" not in all_text(letters["ambassador", "a4-din-b"][1])


def test_many_letters_in_one_pdf_each_start_a_page(case: Case, profile: SenderProfile) -> None:
    first = letter_for(case, profile, "prosecutor-general", "a4-din-b")
    second = letter_for(case, replace(profile, name="Bob Roe"), "ambassador", "a4-din-b")
    second = replace(second, paragraphs=second.paragraphs * 4)
    third = letter_for(case, replace(profile, name="Ann Poe"), "ambassador", "a4-din-b")
    result = render_letters([first, second, third])
    pages = [page.extract_text() for page in read(result.pdf).pages]
    assert result.pages == len(pages) == 4
    assert "Dear Prosecutor General," in pages[0] and "Page" not in pages[0]
    assert "Dear Ambassador," in pages[1] and "Page 1 of 2" in pages[1]
    assert "Bob Roe to Ambassador Erzhan Kazykhanov, 2 April 2018 (continued)" in pages[2]
    assert "Page 2 of 2" in pages[2]
    assert "Ann Poe" in pages[3] and "Page" not in pages[3]
    for page, letter in ((0, first), (1, second), (3, third)):
        assert "\n".join(letter.recipient_lines) in pages[page]


# --------------------------------------------------------------------------- warnings


def test_an_address_block_too_long_for_the_window_is_a_warning(
    case: Case, profile: SenderProfile
) -> None:
    letter = letter_for(case, profile, "ambassador", "letter-no10")
    five = (*letter.recipient_lines, "UNITED STATES")
    result = render_letter(replace(letter, recipient_lines=five))
    assert any("has 5 lines" in w and "printed smaller" in w for w in result.warnings)
    seven = tuple(f"Line {n}" for n in range(7))
    result = render_letter(replace(letter, layout="a4-din-b", recipient_lines=seven))
    assert any("has 7 lines" in w and "printed smaller" in w for w in result.warnings)
    # Every line, the last (the country) too, stays inside the window.
    window = get_layout("a4-din-b").window
    items = [i for i in page_items(read(result.pdf).pages[0]) if i.text.startswith("Line ")]
    assert len(items) == 7
    assert all(window.top < i.top < window.bottom for i in items)
    twelve = tuple(f"Line {n}" for n in range(12))
    result = render_letter(replace(letter, layout="a4-din-b", recipient_lines=twelve))
    assert any("does not fit the envelope window" in w for w in result.warnings)
    # ... and is cut short inside the window (it was printed over the letter's first lines)
    items = [i for i in page_items(read(result.pdf).pages[0]) if i.text.startswith("Line ")]
    assert 1 < len(items) < 12 and items[-1].text.endswith(" …")
    assert all(window.top < i.top < window.bottom for i in items)
    wide = (letter.recipient_lines[0] + " of the Republic of Kazakhstan to the USA",)
    result = render_letter(replace(letter, layout="a4-din-b", recipient_lines=wide))
    assert any("is wider than the envelope window" in w for w in result.warnings)


def test_a_long_return_address_is_a_warning(case: Case) -> None:
    long_address = tuple(f"Building {n}, Long Street Name Number {n}" for n in range(6))
    profile = SenderProfile(name="Jane Doe", address=long_address)
    result = render_letter(letter_for(case, profile, "ambassador", "a4-din-b"))
    (warning,) = result.warnings
    assert "return address of Jane Doe is too long" in warning and "shortened" in warning
    items = page_items(read(result.pdf).pages[0])
    line = next(i for i in items if i.text.startswith("Jane Doe ·"))
    assert line.text.endswith("…")


def test_an_anonymous_letter_has_no_return_line(case: Case) -> None:
    result = render_letter(letter_for(case, SenderProfile(), "ambassador", "a4-din-b"))
    assert result.warnings == []
    items = page_items(read(result.pdf).pages[0])
    assert all(item.size >= 10 for item in items)  # no 7 pt return line
    assert [i.text for i in items][-1] in ("Yours sincerely,", "Sincerely,")


# --------------------------------------------------------------------------- fax


def test_fax_has_a_cover_page_with_number_and_page_count(
    case: Case, profile: SenderProfile
) -> None:
    prosecutor = case.officials[0]
    letter = letter_for(case, profile, "prosecutor-general", "a4-din-b")
    result = render_fax(letter, prosecutor)
    reader = read(result.pdf)
    assert result.pages == len(reader.pages) == 2
    cover = reader.pages[0].extract_text()
    assert "FAX" in cover
    assert "+7 7172 506 402" in cover
    assert "Prosecutor General Kairat Kozhamzharov" in cover
    assert "2 (including this cover page)" in cover
    assert "Reply to:" in cover and "jane@example.org" in cover
    assert "Dear Prosecutor General," in reader.pages[1].extract_text()
    assert reader.metadata.title == f"Fax: {letter.title}"
    long = render_fax(replace(letter, paragraphs=letter.paragraphs * 5), prosecutor)
    assert f"{long.pages} (including this cover page)" in read(long.pdf).pages[0].extract_text()
    assert long.pages == len(read(long.pdf).pages) >= 3
    # A fax is not folded into a window envelope: no return line above the address.
    assert all(item.size >= 8 for item in page_items(reader.pages[1]))


# --------------------------------------------------------------------------- golden comparison


def golden_items(pdf: bytes, letter: Letter) -> list[list[dict[str, Any]]]:
    pages = []
    for page in read(pdf).pages:
        pages.append(
            [
                {
                    "text": "<date>" if item.text == letter.date_text else item.text,
                    # A right-aligned date starts further left when it is longer.
                    "x": None if item.text == letter.date_text else round(item.x, 2),
                    "top": round(item.top, 2),
                    "size": item.size,
                }
                for item in page_items(page)
            ]
        )
    return pages


@ALL
def test_golden_text_and_positions(
    letters: dict[tuple[str, str], tuple[Letter, bytes]], official: str, layout: str
) -> None:
    letter, pdf = letters[official, layout]
    found = golden_items(pdf, letter)
    path = GOLDEN / f"letter-{official}-{layout}.json"
    if UPDATE_GOLDEN or not path.exists():
        if not UPDATE_GOLDEN:
            pytest.fail(f"{path} is missing; run with UACTION_UPDATE_GOLDEN=1 to write it")
        path.parent.mkdir(exist_ok=True)
        pages = [
            "  [\n" + ",\n".join(f"    {json.dumps(i, ensure_ascii=False)}" for i in page) + "\n  ]"
            for page in found
        ]
        path.write_text("[\n" + ",\n".join(pages) + "\n]\n", encoding="utf-8")
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert golden_differences(found, expected) == []


def golden_differences(found: list[list[dict]], expected: list[list[dict]]) -> list[str]:
    """What differs: page count, text, or a position by more than 1 mm."""
    if len(found) != len(expected):
        return [f"{len(found)} pages, expected {len(expected)}"]
    problems = []
    for number, (page, want_page) in enumerate(zip(found, expected, strict=True), start=1):
        texts, want_texts = [i["text"] for i in page], [i["text"] for i in want_page]
        if texts != want_texts:
            problems.append(f"page {number}: text {texts} != {want_texts}")
            continue
        for got, want in zip(page, want_page, strict=True):
            for key in ("x", "top"):
                if got[key] is None and want[key] is None:
                    continue
                if got[key] is None or want[key] is None or abs(got[key] - want[key]) > 1.0:
                    problems.append(
                        f"page {number}: {got['text']!r} {key} {got[key]} != {want[key]}"
                    )
            if abs(got["size"] - want["size"]) > 0.01:
                problems.append(f"page {number}: {got['text']!r} size {got['size']}")
    return problems


def test_golden_comparison_tolerates_1_mm_and_no_more() -> None:
    base = [[{"text": "a", "x": 25.0, "top": 65.5, "size": 10.0}]]
    moved = [[{**base[0][0], "top": 66.4}]]
    assert golden_differences(moved, base) == []
    moved = [[{**base[0][0], "x": 26.2}]]
    assert golden_differences(moved, base) == ["page 1: 'a' x 26.2 != 25.0"]
    assert golden_differences([[{**base[0][0], "text": "b"}]], base)
    assert golden_differences([*base, *base], base) == ["2 pages, expected 1"]


def test_golden_comparison_ignores_the_date(case: Case, profile: SenderProfile) -> None:
    one = letter_for(case, profile, "ambassador", "a4-din-b")
    other = compose_letter(
        case, case.officials[1], profile, today=date(2018, 5, 2), layout="a4-din-b"
    )
    assert golden_items(render_letter(one).pdf, one) == golden_items(
        render_letter(other).pdf, other
    )


# --------------------------------------------------------------------------- pages as pictures


@ALL
def test_pages_render_with_ink_in_the_window_and_at_the_fold_marks(
    letters: dict[tuple[str, str], tuple[Letter, bytes]],
    official: str,
    layout: str,
    tmp_path: Path,
) -> None:
    _letter, pdf = letters[official, layout]
    dpi = 40
    (image,) = page_images(pdf, dpi)
    page: PageLayout = get_layout(layout)
    with image:
        grey = image.convert("L")
        px = dpi / 25.4  # pixels per mm
        assert grey.size == (round(page.width_mm * px), round(page.height_mm * px))

        def ink(left: float, top: float, right: float, bottom: float, below: int = 160) -> int:
            box = grey.crop(
                (round(left * px), round(top * px), round(right * px), round(bottom * px))
            )
            return sum(box.point(lambda value: 255 if value < below else 0).histogram()[255:])

        window = page.window
        assert ink(window.x, window.top, window.right, window.bottom) > 50
        for fold in page.fold_marks:
            assert ink(2, fold - 1, 9, fold + 1, below=230) > 0  # a hairline: light at 40 dpi
        assert ink(0, 0, 2, page.height_mm) == 0  # nothing printed in the unprintable edge


# --------------------------------------------------------------------------- markup escaping


def visible(text: str, missing: set[str]) -> str:
    """What is drawn: right-to-left runs in visual order, less what prints as nothing."""
    shown = fonts.visual_order(text)
    return "".join(c for c in shown if not fonts.is_invisible(c) and c not in missing)


def strip_markup(markup: str) -> str:
    without_tags = re.sub(r'<font name="(DejaVuSans|DejaVuSans-Bold)">|</font>', "", markup)
    assert "<" not in without_tags and ">" not in without_tags
    return unescape(without_tags)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.sampled_from([fonts.SERIF, fonts.SERIF_BOLD]))
def test_paragraph_markup_escapes_everything_and_keeps_the_visible_text(
    text: str, font: str
) -> None:
    missing: set[str] = set()
    markup = fonts.paragraph_markup(text, font, missing)
    assert strip_markup(markup) == visible(text, missing)
    style = ParagraphStyle("t", fontName=font, fontSize=11, leading=14)
    Paragraph(markup, style).wrap(300, 1000)  # ReportLab's parser accepts it


@settings(max_examples=25, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60))
def test_any_paragraph_renders(text: str) -> None:
    letter = Letter(
        case_ua="1/24",
        official_id="x",
        sender_name=text,
        sender_lines=(text,),
        date=DAY,
        date_text="2 April 2018",
        recipient_lines=(text, "1 Street"),
        subject=text,
        salutation=text,
        paragraphs=(text, text * 3),
        closing="Yours,",
        signature=text,
    )
    result = render_letter(letter)
    assert result.pdf.startswith(b"%PDF-")
    assert isinstance(result, RenderResult)


def test_arabic_is_printed_joined_and_right_to_left(
    case: Case, profile: SenderProfile, tmp_path: Path
) -> None:
    """The fresh-eyes trial found Arabic names printed as separate letters, left to right."""
    name = "عبد الرحمن"  # Abd al-Rahman
    letter = letter_for(case, profile, "ambassador", "a4-din-b")
    letter = replace(letter, paragraphs=(f"I write about {name} in Cairo.", *letter.paragraphs))
    text = all_text(render_letter(letter).pdf)
    # Joined forms (initial ain, medial beh, final dal...) and the words drawn right to left:
    # the second word first. (pypdf reports each right-to-left word's glyphs in reading
    # order, and the words in the order they are drawn.)
    rahman = "\ufe8d\ufedf\ufeae\ufea3\ufee4\ufee6"  # الرحمن: alef, lam, ra, ha, meem, noon
    abd = "\ufecb\ufe92\ufeaa"  # عبد: ain, beh, dal
    assert f"I write about {rahman} {abd} in Cairo." in text
    assert not any("\u0600" <= char <= "\u06ff" for char in text)  # no unjoined letters left
    # Hostile overrides around RTL text still reorder nothing.
    evil = replace(letter, paragraphs=(f"\u202e{name}\u202c ok",))
    assert f"{rahman} {abd} ok" in all_text(render_letter(evil).pdf)
