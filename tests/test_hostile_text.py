"""Long text from strangers costs work in proportion to its length, never more.

Each test doubles a generated input and checks that the WORK (characters handed to width
measurement: ReportLab's ``stringWidth`` and our table-based ``fonts.string_width`` and
``fonts.char_widths``, each wrapped to count) grows about two-fold (or, for what a fixed zone
holds, not at all); the clock is never read. Before the fix a 4,000-character word took 186 s,
a 985,000-character summary 222 s and a pack for 500 members with 2,000-character names 191 s.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import paragraph as rl_paragraph

from tests.conftest import BUNDLED_CASE
from tests.test_pdf_letter import letter_for, read
from uaction_desktop.library import CaseLibrary
from uaction_desktop.pack.build import build_pack
from uaction_desktop.pack.options import PackOptions, Signer
from uaction_desktop.pdf import fonts
from uaction_desktop.pdf.letter import render_letter
from uaction_desktop.pdf.wrapping import wrap_line
from uaction_desktop.profile import SenderProfile

PROFILE = SenderProfile(name="Ama Mensah", address=("4 Ring Road", "Accra"), country="GH")


class Work:
    """Characters measured by ReportLab since the counter was created."""

    def __init__(self) -> None:
        self.chars = 0


@pytest.fixture
def work(monkeypatch: pytest.MonkeyPatch) -> Iterator[Work]:
    counter = Work()
    real = pdfmetrics.stringWidth

    def counted(text: str, font: str, size: float, *args, **kwargs) -> float:
        counter.chars += len(text)
        return real(text, font, size, *args, **kwargs)

    monkeypatch.setattr(pdfmetrics, "stringWidth", counted)
    monkeypatch.setattr(rl_paragraph, "stringWidth", counted)
    for name in ("string_width", "char_widths"):
        monkeypatch.setattr(fonts, name, _counting(getattr(fonts, name), counter))
    yield counter


def _counting(measure: Callable, counter: Work) -> Callable:
    def counted(text: str, *args, **kwargs):
        counter.chars += len(text)
        return measure(text, *args, **kwargs)

    return counted


def growth(work: Work, run: Callable[[int], object], size: int) -> float:
    """How much more work ``run(2 * size)`` is than ``run(size)``."""
    fonts.register_fonts()
    work.chars = 0
    run(size)
    single = work.chars
    work.chars = 0
    run(2 * size)
    return work.chars / single


def test_a_giant_word_is_split_in_linear_work(work: Work) -> None:
    width = 80 * mm

    def split(n: int) -> list[str]:
        word = ("Abcdefghij" * (n // 10 + 1))[:n]
        parts = wrap_line(f"Street {word} 12", fonts.SERIF, 10, width)
        assert "".join(p.removesuffix("-") for p in parts).replace(" ", "") == f"Street{word}12"
        assert all(fonts.string_width(p, fonts.SERIF, 10) <= width for p in parts)
        return parts

    assert 1.7 < growth(work, split, 4_000) < 2.3


def test_many_words_wrap_in_linear_work(work: Work) -> None:
    def wrap(n: int) -> list[str]:
        text = " ".join(f"w{i}," if i % 7 == 0 else f"w{i}" for i in range(n))
        parts = wrap_line(text, fonts.SERIF, 10, 80 * mm)
        assert " ".join(parts) == text
        return parts

    assert 1.7 < growth(work, wrap, 3_000) < 2.3


def test_a_return_line_is_shortened_in_linear_work(work: Work) -> None:
    from uaction_desktop.pdf.wrapping import shortened

    width = 80 * mm

    def shorten(n: int) -> str:
        parts = [" ".join(["Name"] * n), "1 Main St", "Springfield"]
        text = shortened(parts, fonts.SERIF, 6, width)
        assert text.startswith("Name Name") and text.endswith(" …")
        assert fonts.string_width(text, fonts.SERIF, 6) <= width
        return text

    assert 1.7 < growth(work, shorten, 1_500) < 2.3


def test_a_letter_from_a_sender_with_a_huge_name_is_linear(case, work: Work) -> None:
    letter = letter_for(case, PROFILE, "ambassador", "a4-din-b")

    def render(n: int) -> None:
        result = render_letter(replace(letter, sender_name=" ".join(["Kofi"] * n)))
        assert any("return address" in w and "shortened" in w for w in result.warnings)
        assert all(len(w) < 400 for w in result.warnings)  # the name is not repeated whole

    assert 1.6 < growth(work, render, 1_500) < 2.4


@pytest.mark.parametrize("layout", ["a4-din-b", "letter-no10"])
def test_a_huge_letterhead_stays_on_the_page(case, layout: str) -> None:
    """A 2,000-character name and address ran off the page's left edge (right-aligned)."""
    from tests.test_pdf_letter import page_items

    letter = letter_for(case, PROFILE, "ambassador", layout)
    long_name = "Member " + "n" * 2000
    result = render_letter(
        replace(letter, sender_name=long_name, sender_lines=("Street " + "a" * 1000, "Accra"))
    )
    assert sum("letterhead" in w and "shortened" in w for w in result.warnings) == 1
    page = read(result.pdf).pages[0]
    width = float(page.mediabox.width) / mm
    for item in page_items(page):
        right = item.x + fonts.string_width(item.text, fonts.SERIF_BOLD, item.size) / mm
        assert item.x >= 0 and right <= width, item.text[:40]
    texts = [item.text for item in page_items(page)]
    assert any(t.startswith("Member nnn") and t.endswith("…") for t in texts)
    assert "Accra" in texts  # a line that fits is left whole


def test_a_huge_address_costs_what_the_letter_window_holds(case, work: Work) -> None:
    letter = letter_for(case, PROFILE, "ambassador", "a4-din-b")

    def render(n: int) -> None:
        lines = ("Minister " + "n" * n, "1 " + "Palace " * (n // 7), "a" * n, "KAZAKHSTAN")
        result = render_letter(replace(letter, recipient_lines=lines))
        assert any("cut short" in w for w in result.warnings)
        assert len(result.warnings) < 10

    assert growth(work, render, 20_000) < 1.2


def test_a_pack_for_officials_with_huge_addresses_costs_what_its_pages_hold(
    tmp_path: Path, work: Work
) -> None:
    """Briefing, letters and labels: 208 s for 5 x 100 such officials before."""
    head = BUNDLED_CASE.read_text("utf-8").split("[[officials]]", 1)[0]

    def pack(n: int) -> None:
        folder = tmp_path / f"cases{n}"
        folder.mkdir()
        (folder / "case.toml").write_text(
            head.replace('ua = "63/18"', 'ua = "64/18"')
            + "".join(
                f'[[officials]]\nid="o{i}"\ntitle="Minister"\nname="Official {"n" * n}"\n'
                f'address=["{"Palace " * (n // 7)}", "{"a" * n}"]\nsalutation="Dear Minister"\n'
                for i in range(3)
            ),
            "utf-8",
        )
        library = CaseLibrary.load([folder], bundled=None)
        options = PackOptions(cases=("64/18",), signers=2, labels="a4-21")
        result = build_pack(options, library, PROFILE, tmp_path / f"p{n}.pdf", today=DAY)
        assert result.letters == 6 and all(len(w) < 400 for w in result.warnings)

    assert growth(work, pack, 10_000) < 1.3


def test_a_huge_paragraph_is_laid_out_in_linear_work(case, work: Work) -> None:
    letter = letter_for(case, PROFILE, "ambassador", "a4-din-b")
    sentence = "Every word of this long paragraph is printed once. "

    def render(n: int) -> None:
        text = (sentence * (n // len(sentence) + 1))[:n].strip()
        result = render_letter(replace(letter, paragraphs=(text,)))
        printed = "".join("".join(p.extract_text().split()) for p in read(result.pdf).pages)
        # nothing lost where the pieces meet (page headers and footers come between pages)
        assert printed.count("isprintedonce.") == text.count("is printed once.")

    assert 1.6 < growth(work, render, 40_000) < 2.4


def test_pieces_lose_nothing_and_cut_after_sentences() -> None:
    from uaction_desktop.pdf.long_text import pieces

    text = "One sentence here. " * 1000 + "x" * 9000
    cut = pieces(text, 4000)
    assert "".join(cut).replace(" ", "") == text.replace(" ", "")
    assert all(len(p) <= 4000 for p in cut)
    assert cut[0].endswith(".")
    assert pieces("short") == ["short"]


def test_a_roster_of_huge_names_packs_in_linear_work(tmp_path: Path, work: Work) -> None:
    library = CaseLibrary.load([BUNDLED_CASE.parent])

    def pack(n: int) -> None:
        signers = tuple(
            Signer(name=f"Member{i} " + "n" * n, address=("Street " + "a" * n, "Town " * (n // 5)))
            for i in range(3)
        )
        options = PackOptions(cases=("63/18",), signers=signers, envelopes="dl")
        result = build_pack(options, library, PROFILE, tmp_path / f"p{n}.pdf", today=DAY)
        assert result.letters == 6
        assert all(len(w) < 400 for w in result.warnings)

    # at most linear: the letters carry the names whole; the envelopes' return addresses
    # cost what their zone holds (see the next test)
    assert growth(work, pack, 1_000) < 2.4


def test_an_envelope_block_costs_what_its_zone_holds_not_the_text(work: Work) -> None:
    from uaction_desktop.pack.address import ASCENT, LEADING, fit_block

    def fit(n: int) -> None:
        name = "Member " + "n" * n
        block = (name, "Street " + "a " * (n // 2), "Town " * (n // 5))
        found = fit_block(block, 95, 30, 8.5, 6.5)
        assert not found.fits and found.size == 6.5
        assert found.lines[0].startswith("Member") and found.lines[-1].endswith(" …")
        tall = (ASCENT + (len(found.lines) - 1) * LEADING + 0.25) * found.size
        assert tall <= 30 * mm  # nothing drawn outside the zone
        assert all(fonts.string_width(line, fonts.SERIF, 6.5) <= 95 * mm for line in found.lines)

    assert growth(work, fit, 20_000) < 1.1


def test_a_block_that_fits_at_the_smallest_size_is_never_cut() -> None:
    from uaction_desktop.pack.address import fit_block

    room = 10  # lines of 6.5 pt in 30 mm: (0.9 + 9 * 1.22 + 0.25) * 6.5 = 78.8 pt of 85
    block = tuple(f"Line {i} of an address" for i in range(room))
    found = fit_block(block, 95, 30, 8.5, 6.5)
    assert found.fits and found.lines == block
    found = fit_block((*block, "one line too many"), 95, 30, 8.5, 6.5)
    assert not found.fits and found.size == 6.5
    assert found.lines == (*block[:-1], block[-1] + " …")


DAY = date(2018, 4, 2)


def test_a_briefing_quotes_at_most_its_cap_of_a_huge_summary() -> None:
    from uaction_desktop.pack.briefing import BRIEFING_CHARS, within

    summary = ["A first short paragraph.", "Another sentence of the summary. " * 30_000]
    kept = within(summary)
    assert kept[0] == summary[0]
    assert kept[1].endswith(" […]") and sum(map(len, kept)) <= BRIEFING_CHARS + 10
    assert within(["short"]) == ["short"]
