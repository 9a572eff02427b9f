"""A fax: the letter behind a cover page that carries the fax number and the page count."""

from __future__ import annotations

from uaction_desktop.compose import Letter, fax_cover_lines
from uaction_desktop.letter_frame import fill, frame
from uaction_desktop.model import Official
from uaction_desktop.pdf.letter import RenderResult, render_letter, render_letters


def render_fax(letter: Letter, official: Official) -> RenderResult:
    letter_pages = render_letter(letter).pages  # the cover must state the total
    cover = fax_cover_lines(letter, official, letter_pages + 1)
    title = fill(frame(letter.language).fax_title, title=letter.title)
    result = render_letters([letter], cover=cover, title=title)
    return result
