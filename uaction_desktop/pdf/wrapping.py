"""Fit address lines to a width: a line too long for an envelope window is split, never cut.

A postal address line split after a comma (or, failing that, between words) still arrives; one
that runs off the window or the paper may not. Text comes from strangers and may be one word of
thousands of characters, so every word and character is measured once (linear in the length):
widths add up, since ReportLab neither kerns nor shapes across a space.
"""

from __future__ import annotations

from uaction_desktop.pdf import fonts

SLICE = 256  # characters measured at a time where only a prefix may be needed


def wrap_line(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` as lines no wider than ``width`` points, split after a comma where one falls in
    the second half of a line, else between words; only a single word wider than the whole
    width is split inside (with a hyphen)."""
    words = text.split()
    if not words or fonts.string_width(text, font, size) <= width:
        return [text]
    space = fonts.string_width(" ", font, size)
    widths = [fonts.string_width(word, font, size) for word in words]
    lines: list[str] = []
    start = 0
    while start < len(words):
        if widths[start] > width:
            pieces = split_word(words[start], font, size, width)
            lines.extend(pieces[:-1])
            words[start] = pieces[-1]
            widths[start] = fonts.string_width(pieces[-1], font, size)
            continue
        ends = [widths[start]]  # the line's width up to and including each word
        end = start + 1
        while end < len(words) and ends[-1] + space + widths[end] <= width:
            ends.append(ends[-1] + space + widths[end])
            end += 1
        if end < len(words):
            end = _comma_break(words, start, end, ends, width)
        lines.append(" ".join(words[start:end]))
        start = end
    return lines


def _comma_break(words: list[str], start: int, end: int, ends: list[float], width: float) -> int:
    """Where to end the line of ``words[start:end]`` (all fit): after the last comma in its
    second half (so "..., Avenue Franklin Roosevelt No. 15," breaks after the comma), else at
    ``end``."""
    for last in range(end - 1, start, -1):
        if words[last - 1].endswith(","):
            return last if ends[last - 1 - start] >= width / 2 else end
    return end


def split_word(word: str, font: str, size: float, width: float) -> list[str]:
    """A word too wide for ``width`` as pieces that fit, each but the last ending in a hyphen.

    One pass over the characters, each measured once; only a piece about to be printed is
    measured whole (shaping can make it wider than its letters), which keeps it linear."""
    widths = fonts.char_widths(word, font, size)
    room = width - fonts.string_width("-", font, size)
    remaining = sum(widths)
    pieces: list[str] = []
    start = 0
    while start < len(word):
        if remaining <= width and fonts.string_width(word[start:], font, size) <= width:
            break
        cut, used = start, 0.0
        while cut < len(word) and used + widths[cut] <= room:
            used += widths[cut]
            cut += 1
        cut = min(cut, len(word) - 1)
        while cut > start + 1 and fonts.string_width(word[start:cut] + "-", font, size) > width:
            cut -= 1
        cut = max(cut, start + 1)  # at least one character a line, however narrow the width
        pieces.append(word[start:cut] + "-")
        remaining -= sum(widths[start:cut])
        start = cut
    pieces.append(word[start:])
    return pieces


def fitting_prefix(text: str, font: str, size: float, width: float) -> int:
    """How many leading characters of ``text`` fit in ``width`` points (at least 0).

    Characters are measured one by one, stopping at the first that does not fit (so the work
    is bounded by the width, not the text); the prefix found is then measured whole and
    shortened while shaping (Arabic joins) makes it wider than its letters alone."""
    total = 0.0
    count = 0
    for start in range(0, len(text), SLICE):  # a long text costs what fits, not its length
        for char_width in fonts.char_widths(text[start : start + SLICE], font, size):
            total += char_width
            if total > width:
                break
            count += 1
        if total > width:
            break
    while count > 0 and fonts.string_width(text[:count], font, size) > width:
        count -= 1
    return count


def shortened(
    parts: list[str], font: str, size: float, width: float, separator: str = " · "
) -> str:
    """``parts`` joined by ``separator`` and ending in " …", fitted to ``width`` points: the
    last parts give way first, then the end of the last one kept. Each part measured once."""
    ellipsis = " …"
    room = width - fonts.string_width(ellipsis, font, size)
    gap = fonts.string_width(separator, font, size)
    widths = [fonts.string_width(part, font, size) for part in parts]
    count = len(parts)
    total = sum(widths) + gap * max(count - 1, 0)
    while count > 1 and total > room:
        count -= 1
        total -= widths[count] + gap
    text = separator.join(parts[:count])
    if total > room:
        text = text[: fitting_prefix(text, font, size, room)].rstrip()
    return text + ellipsis


def within_reach(
    lines: tuple[str, ...] | list[str], font: str, size: float, width: float, room: int
) -> tuple[tuple[str, ...], bool]:
    """``lines`` up to what ``room`` lines of ``width`` points could ever show at ``size``,
    and whether anything was left out (then the block cannot fit). Spaces are not counted (a
    space at a break is not drawn) and the bound is doubled (shaping can draw joined letters
    narrower than alone), so nothing that could fit is ever left out; a huge line costs what
    the zone holds, not its length."""
    limit = 2 * width * room
    used = 0.0
    kept: list[str] = []
    for index, line in enumerate(lines):
        if index >= room:
            return tuple(kept), True
        for start in range(0, len(line), SLICE):
            piece = line[start : start + SLICE]
            for position, char_width in enumerate(fonts.char_widths(piece, font, size)):
                if piece[position] != " ":
                    used += char_width
                    if used > limit:
                        kept.append(line[: start + position])
                        return tuple(kept), True
        kept.append(line)
    return tuple(kept), False


def wrap_block(
    lines: tuple[str, ...] | list[str], font: str, size: float, width: float
) -> list[str]:
    """Every line of an address block wrapped to ``width`` points."""
    return [part for line in lines for part in wrap_line(line, font, size, width)]
