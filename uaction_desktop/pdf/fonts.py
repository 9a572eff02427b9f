"""Bundled fonts, and splitting text into runs each font can actually draw.

Liberation Serif prints the letters (Latin, Cyrillic, Greek); DejaVu Sans fills in what it lacks.
A character neither can draw is reported, never printed as an empty box.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from uaction_desktop.i18n import _
from uaction_desktop.resources import resource_path

SERIF = "LiberationSerif"
SERIF_BOLD = "LiberationSerif-Bold"
SERIF_ITALIC = "LiberationSerif-Italic"
SERIF_BOLD_ITALIC = "LiberationSerif-BoldItalic"
FALLBACK = "DejaVuSans"
FALLBACK_BOLD = "DejaVuSans-Bold"

_FILES = {
    SERIF: "LiberationSerif-Regular.ttf",
    SERIF_BOLD: "LiberationSerif-Bold.ttf",
    SERIF_ITALIC: "LiberationSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
    FALLBACK: "DejaVuSans.ttf",
    FALLBACK_BOLD: "DejaVuSans-Bold.ttf",
}
_FALLBACK_FOR = {
    SERIF: FALLBACK,
    SERIF_ITALIC: FALLBACK,
    SERIF_BOLD: FALLBACK_BOLD,
    SERIF_BOLD_ITALIC: FALLBACK_BOLD,
}


@cache
def register_fonts() -> None:
    """Register the fonts every letter prints with, and the families, once per process.

    Reading a font file costs 10 to 40 ms, so the others (the italics, the fallback for
    characters the serif lacks) are read when first used: ``register`` (``runs`` does it for
    the fallback, the only way one of them reaches a page)."""
    register(SERIF)
    register(SERIF_BOLD)
    addMapping(SERIF, 0, 0, SERIF)
    addMapping(SERIF, 1, 0, SERIF_BOLD)
    addMapping(SERIF, 0, 1, SERIF_ITALIC)
    addMapping(SERIF, 1, 1, SERIF_BOLD_ITALIC)
    addMapping(FALLBACK, 0, 0, FALLBACK)
    addMapping(FALLBACK, 1, 0, FALLBACK_BOLD)
    addMapping(FALLBACK, 0, 1, FALLBACK)
    addMapping(FALLBACK, 1, 1, FALLBACK_BOLD)


@cache
def register(name: str) -> None:
    """Register one bundled font with ReportLab (once)."""
    pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", _FILES[name]))))


@cache
def coverage(font_name: str) -> frozenset[int]:
    register_fonts()
    register(font_name)
    font = pdfmetrics.getFont(font_name)
    # Only the Basic Multilingual Plane: ReportLab writes a character beyond U+FFFF into the
    # font's ToUnicode map as an odd-length hex string, which breaks copying and searching the
    # text. Such characters (emoji and the like) are reported as unprintable instead.
    return frozenset(code for code in font.face.charToGlyph if code <= 0xFFFF)


def is_invisible(char: str) -> bool:
    """Format and control characters (bidi overrides, zero-width marks) print as nothing."""
    return unicodedata.category(char) in ("Cf", "Cc") and char not in "\n\t"


@dataclass(frozen=True)
class Run:
    text: str
    font: str


_JOINERS = "\u200c\u200d"  # zero-width non-joiner and joiner
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def visual_order(text: str) -> str:
    """Text as it must be drawn: Arabic letters joined (their presentation forms) and
    right-to-left words in visual order. PDF text is drawn left to right, glyph by glyph, and
    neither ReportLab nor the PDF does this. Format characters (bidi overrides from a hostile
    file) are dropped first, so they can never reorder anything."""
    if not _RIGHT_TO_LEFT.search(text):
        return text
    import arabic_reshaper
    from bidi import get_display  # python-bidi's Rust implementation

    # Bidi controls go (a hostile file's overrides never reorder anything); the joiners stay
    # for the shaping, since in Persian a zero-width non-joiner is spelling ("نوری‌زاده").
    visible = "".join(char for char in text if char in _JOINERS or not is_invisible(char))
    try:
        # Left to right as the whole: the letters are in English (or another such language)
        # and the right-to-left parts are names and addresses within them.
        shown = get_display(arabic_reshaper.reshape(visible), base_dir="L")
    except Exception:  # a stranger's odd text must still print, unshaped
        return visible
    return shown if isinstance(shown, str) else visible


# Invisible characters whose leaving out changes nothing a reader would miss: zero-width space
# and joiners, direction marks, soft hyphen, word joiner, byte-order mark, carriage return.
_SILENT = frozenset("\u200b\u200c\u200d\u200e\u200f\u061c\u00ad\u2060\ufeff\r")


def runs(text: str, font: str, missing: set[str] | None = None) -> Iterator[Run]:
    """Split text into runs of one font each; undrawable characters go to ``missing``, and so
    do control and direction-override characters (dropped: they print as nothing, but a
    stranger's text may hide something behind them, so the user hears of it)."""
    if missing is not None:
        missing.update(c for c in set(text) if is_invisible(c) and c not in _SILENT)
    text = visual_order(text)
    primary = coverage(font)
    fallback_name = _FALLBACK_FOR.get(font, FALLBACK)
    fallback: frozenset[int] | None = None  # read only for a character the font lacks
    current_font = font
    buffer: list[str] = []
    for char in text:
        if is_invisible(char):
            continue
        code = ord(char)
        if char == " " or code in primary:
            chosen = font
        elif code in (fallback := fallback or coverage(fallback_name)):
            chosen = fallback_name
        else:
            if missing is not None:
                missing.add(char)
            continue
        if chosen != current_font and buffer:
            yield Run("".join(buffer), current_font)
            buffer = []
        current_font = chosen
        buffer.append(char)
    if buffer:
        yield Run("".join(buffer), current_font)


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities, as ``xml.sax.saxutils.escape`` does (which would
    load urllib.request, http.client and email with it: 15 ms for every letter)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def paragraph_markup(text: str, font: str = SERIF, missing: set[str] | None = None) -> str:
    """Escaped Paragraph markup for plain text: user text can never become markup."""
    parts = []
    for run in runs(text, font, missing):
        escaped = escape(run.text)
        parts.append(escaped if run.font == font else f'<font name="{run.font}">{escaped}</font>')
    return "".join(parts)


def string_width(text: str, font: str, size: float) -> float:
    """The width of ``text`` as drawn (with fallback, without what is dropped). Text that needs
    no shaping is measured from a per-font table of character widths (wrapping measures a
    stranger's long words character by character); the result is the very number ReportLab's
    ``stringWidth`` gives for the same runs, so no line breaks differently."""
    if _RIGHT_TO_LEFT.search(text):
        register_fonts()
        return sum(pdfmetrics.stringWidth(r.text, r.font, size) for r in runs(text, font))
    own = _own_widths(font)
    if text:
        try:  # the usual case: one run, every character drawn by ``font`` itself
            return 0.001 * size * sum(map(own.__getitem__, text))
        except KeyError:
            pass
    table = _char_table(font)
    per_run: list[float] = []  # summed as ReportLab sums a run: 0.001 * size * sum(widths)
    run: list[float] = []
    run_font = ""
    for char in text:
        entry = table.get(char)
        if entry is None:
            entry = table[char] = _char_entry(char, font)
        chosen, width = entry
        if not chosen:
            continue  # dropped: invisible or in no bundled font
        if chosen == font:
            own[char] = width
        if chosen != run_font and run:
            per_run.append(0.001 * size * sum(run))
            run = []
        run_font = chosen
        run.append(width)
    if run:
        per_run.append(0.001 * size * sum(run))
    return sum(per_run)


def char_widths(text: str, font: str, size: float) -> list[float]:
    """Each character's width as ``string_width`` gives it for that character alone (0 for
    one that is dropped): one table look-up a character, for measuring long text."""
    if _RIGHT_TO_LEFT.search(text):
        return [string_width(char, font, size) for char in text]
    scale = 0.001 * size
    try:
        return [scale * width for width in map(_own_widths(font).__getitem__, text)]
    except KeyError:
        pass
    table, own = _char_table(font), _own_widths(font)
    widths = []
    for char in text:
        entry = table.get(char)
        if entry is None:
            entry = table[char] = _char_entry(char, font)
            if entry[0] == font:
                own[char] = entry[1]
        widths.append(scale * entry[1] if entry[0] else 0.0)
    return widths


@cache
def _own_widths(font: str) -> dict[str, float]:
    """Character -> width in 1/1000 em, for the characters seen that ``font`` draws itself."""
    return {}


@cache
def _char_table(font: str) -> dict[str, tuple[str, float]]:
    """Character -> (the font that draws it, or "" if none does; its width in 1/1000 em)."""
    register_fonts()
    return {}


def _char_entry(char: str, font: str) -> tuple[str, float]:
    """As ``runs`` chooses: a space and what ``font`` covers in it, else the fallback's."""
    if is_invisible(char):
        return "", 0.0
    fallback = _FALLBACK_FOR.get(font, FALLBACK)
    if char == " " or ord(char) in coverage(font):
        chosen = font
    elif ord(char) in coverage(fallback):
        chosen = fallback
    else:
        return "", 0.0
    face = pdfmetrics.getFont(chosen).face
    return chosen, face.charWidths.get(ord(char), face.defaultWidth)


def draw_text(
    canvas, x: float, y: float, text: str, font: str, size: float, missing: set[str] | None = None
) -> float:
    """Draw one line at (x, y) with font fallback; returns the width drawn."""
    register_fonts()
    start = x
    for run in runs(text, font, missing):
        canvas.setFont(run.font, size)
        canvas.drawString(x, y, run.text)
        x += pdfmetrics.stringWidth(run.text, run.font, size)
    return x - start


def draw_text_right(
    canvas,
    x_right: float,
    y: float,
    text: str,
    font: str,
    size: float,
    missing: set[str] | None = None,
) -> None:
    draw_text(canvas, x_right - string_width(text, font, size), y, text, font, size, missing)


def describe_missing(chars: set[str]) -> str:
    """ "王 (U+738B), 😀 (U+1F600)" for a warning; an invisible one by its name only."""
    return ", ".join(
        f"U+{ord(c):04X} {unicodedata.name(c, 'control character')}"
        if is_invisible(c)
        else f"{c} (U+{ord(c):04X})"
        for c in sorted(chars)
    )


def missing_warnings(chars: set[str]) -> list[str]:
    """The warnings for the characters left out of a PDF: those no bundled font can draw, and
    the control and direction characters (a file's ESC, BEL or right-to-left override)."""
    hidden = {c for c in chars if is_invisible(c)}
    shown = set(chars) - hidden
    out = []
    if shown:
        out.append(
            _("these characters cannot be printed with the bundled fonts and were left out: ")
            + describe_missing(shown)
        )
    if hidden:
        out.append(
            _(
                "these control or direction characters in the text were left out (they print "
                "as nothing and could hide or reorder text): "
            )
            + describe_missing(hidden)
        )
    return out
