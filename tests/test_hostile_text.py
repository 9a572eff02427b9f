"""Long text from strangers costs work in proportion to its length, never more.

Each test doubles a generated input and checks that the WORK (characters handed to ReportLab's
width measurement, counted by wrapping ``stringWidth``) grows about two-fold; the clock is never
read. Before the fix a 4,000-character word took 186 s and a 985,000-character summary 222 s.
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
    yield counter


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

    assert 1.6 < growth(work, pack, 1_000) < 2.4


DAY = date(2018, 4, 2)


def test_a_briefing_quotes_at_most_its_cap_of_a_huge_summary() -> None:
    from uaction_desktop.pack.briefing import BRIEFING_CHARS, within

    summary = ["A first short paragraph.", "Another sentence of the summary. " * 30_000]
    kept = within(summary)
    assert kept[0] == summary[0]
    assert kept[1].endswith(" […]") and sum(map(len, kept)) <= BRIEFING_CHARS + 10
    assert within(["short"]) == ["short"]
