"""Pages of a PDF as pixels, drawn by PDFium (pypdfium2): the preview, the print fallback and the
tests all see a page exactly as the same engine draws it.

PDFium is not thread-safe and the preview renders off the GUI thread, so every call into it goes
through one lock, and every PDFium object is closed before the lock is released (a finaliser run
later, on whatever thread, would call into PDFium unguarded).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

POINTS_PER_INCH = 72
_LOCK = threading.Lock()


@dataclass(frozen=True)
class Pixels:
    """One rendered page: rows of 4-byte pixels, B, G, R, A in memory (Qt's ``Format_ARGB32``
    on the little-endian machines Qt runs on; Pillow's raw mode ``BGRA``)."""

    width: int
    height: int
    stride: int
    data: bytes


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    """Width and height of every page, in points."""
    with _LOCK:
        document = pdfium.PdfDocument(pdf)
        try:
            return [tuple(document.get_page_size(i)) for i in range(len(document))]  # type: ignore[misc]
        finally:
            document.close()


def render_page(pdf: bytes, index: int, scale: float) -> Pixels:
    """Page ``index`` at ``scale`` pixels per point (``dpi / 72``), on white."""
    return render_pages(pdf, scale, [index])[0]


def render_pages(pdf: bytes, scale: float, pages: list[int] | None = None) -> list[Pixels]:
    """The given pages (all by default) at ``scale`` pixels per point, on white."""
    with _LOCK:
        document = pdfium.PdfDocument(pdf)
        try:
            wanted = range(len(document)) if pages is None else pages
            return [_render(document, index, scale) for index in wanted]
        finally:
            document.close()


def _render(document: pdfium.PdfDocument, index: int, scale: float) -> Pixels:
    page = document[index]
    try:
        bitmap = page.render(
            scale=scale,
            fill_color=(255, 255, 255, 255),
            force_bitmap_format=pdfium_c.FPDFBitmap_BGRA,
        )
        try:
            return Pixels(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
        finally:
            bitmap.close()
    finally:
        page.close()
