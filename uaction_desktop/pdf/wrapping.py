"""Fit address lines to a width: a line too long for an envelope window is split, never cut.

A postal address line split after a comma (or, failing that, between words) still arrives; one
that runs off the window or the paper may not.
"""

from __future__ import annotations

from uaction_desktop.pdf import fonts


def wrap_line(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` as lines no wider than ``width`` points, split after a comma where one falls in
    the second half of the line, else between words; only a single word wider than the whole
    width is split inside."""
    if fonts.string_width(text, font, size) <= width:
        return [text]
    words = text.split()
    lines: list[str] = []
    current: list[str] = []
    for word in words:
        trial = " ".join([*current, word])
        if current and fonts.string_width(trial, font, size) > width:
            lines.append(_comma_break(current, lines, font, size, width))
            current = current[len(lines[-1].split()) :]
        current.append(word)
        while len(current) == 1 and fonts.string_width(current[0], font, size) > width:
            head, tail = _split_word(current[0], font, size, width)
            lines.append(head)
            current = [tail] if tail else []
    if current:
        lines.append(" ".join(current))
    return lines


def _comma_break(current: list[str], lines: list[str], font: str, size: float, width: float) -> str:
    """The words of ``current`` to end this line with: up to the last comma in its second half
    (so "Avenue Franklin Roosevelt No. 15," breaks there), else all of them."""
    full = " ".join(current)
    for end in range(len(current) - 1, 0, -1):
        if current[end - 1].endswith(","):
            head = " ".join(current[:end])
            if fonts.string_width(head, font, size) >= width / 2:
                return head
            break
    return full


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
