"""Fit address lines to a width: a line too long for an envelope window is split, never cut.

A postal address line split after a comma (or, failing that, between words) still arrives; one
that runs off the window or the paper may not.
"""

from __future__ import annotations

from uaction_desktop.pdf import fonts


def wrap_line(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` as lines no wider than ``width`` points, split after a comma where one falls in
    the second half of a line, else between words; only a single word wider than the whole
    width is split inside (with a hyphen)."""
    words = text.split()
    if fonts.string_width(text, font, size) <= width or not words:
        return [text]
    lines: list[str] = []
    while words:
        if fonts.string_width(words[0], font, size) > width:
            head, tail = _split_word(words[0], font, size, width)
            lines.append(head)
            words = [tail, *words[1:]] if tail else words[1:]
            continue
        count = 1  # the most words that fit on this line
        while count < len(words) and _fits(words[: count + 1], font, size, width):
            count += 1
        count = _comma_break(words[:count], font, size, width) if count < len(words) else count
        lines.append(" ".join(words[:count]))
        words = words[count:]
    return lines


def _fits(words: list[str], font: str, size: float, width: float) -> bool:
    return fonts.string_width(" ".join(words), font, size) <= width


def _comma_break(words: list[str], font: str, size: float, width: float) -> int:
    """How many of the words that fit to put on the line: up to the last comma in its second
    half (so "..., Avenue Franklin Roosevelt No. 15," breaks after the comma), else all."""
    for end in range(len(words) - 1, 0, -1):
        if words[end - 1].endswith(","):
            if fonts.string_width(" ".join(words[:end]), font, size) >= width / 2:
                return end
            break
    return len(words)


def _split_word(word: str, font: str, size: float, width: float) -> tuple[str, str]:
    cut = len(word) - 1
    while cut > 1 and fonts.string_width(word[:cut] + "-", font, size) > width:
        cut -= 1
    return word[:cut] + "-", word[cut:]


def wrap_block(
    lines: tuple[str, ...] | list[str], font: str, size: float, width: float
) -> list[str]:
    """Every line of an address block wrapped to ``width`` points."""
    return [part for line in lines for part in wrap_line(line, font, size, width)]
