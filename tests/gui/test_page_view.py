"""The print preview (gui/page_view.py): real PDFs drawn by PDFium on the render thread, fit to the
width, zoomed, paged, and redrawn when the letter changes; and the print fallback at 300 dpi."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPageSize
from PySide6.QtPrintSupport import QPrinter

from tests.pages import page_images
from uaction_desktop.compose import compose_letter
from uaction_desktop.gui.page_view import MARGIN_PX, PageView
from uaction_desktop.gui.printing import _print_raster
from uaction_desktop.pdf.fax import render_fax
from uaction_desktop.pdf.letter import render_letter
from uaction_desktop.profile import SenderProfile

WRITERS = (
    SenderProfile(
        name="Jane Doe", address=("12 Elm Street", "Springfield, IL 62701"), country="United States"
    ),
    SenderProfile(name="Ayşe Kaya", address=("Bahnhofstraße 4", "10115 Berlin"), country="Germany"),
)


def letter_pdf(case, official: int, writer: SenderProfile, layout: str, fax: bool = False) -> bytes:
    official = min(official, len(case.officials) - 1)
    letter = compose_letter(
        case, case.officials[official], writer, today=date(2018, 4, 2), layout=layout
    )
    if fax:
        return render_fax(letter, case.officials[official]).pdf
    return render_letter(letter).pdf


@pytest.fixture
def view(qtbot) -> PageView:
    widget = PageView()
    qtbot.addWidget(widget)
    widget.resize(420, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def show(qtbot, view: PageView, pdf: bytes) -> None:
    view.set_pdf(pdf)
    qtbot.waitUntil(view.is_rendered, timeout=10_000)


def dark_pixels(image, step: int = 4) -> int:
    count = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            if QColor(image.pixel(x, y)).lightness() < 128:
                count += 1
    return count


@pytest.mark.parametrize(
    ("official", "writer", "layout"),
    [(0, 0, "a4-din-b"), (1, 1, "letter-no10"), (2, 0, "a4-din-b")],
)
def test_pages_fill_the_width_and_carry_the_letter(qtbot, view, case, official, writer, layout):
    pdf = letter_pdf(case, official, WRITERS[writer], layout)
    show(qtbot, view, pdf)
    assert view.page_count() == len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
    rect = view.page_rects()[0]
    assert abs(rect.width() - (view.scroll.viewport().width() - 2 * MARGIN_PX)) <= 1
    image = view.page_image(0)
    assert image is not None
    ratio = view.devicePixelRatioF()
    assert abs(image.width() - rect.width() * ratio) <= 1  # one image pixel per device pixel
    assert dark_pixels(image) > 100  # text was drawn
    # The picture on screen is the page as PDFium draws it for the tests too.
    reference = page_images(pdf, 72 * view.scale())[0]
    assert abs(reference.width - image.width()) <= 1


def test_a_new_letter_is_drawn_again_and_keeps_the_page_being_read(qtbot, view, case):
    fax = letter_pdf(case, 0, WRITERS[0], "a4-din-b", fax=True)
    show(qtbot, view, fax)
    assert view.page_count() == 2
    view.go_to_page(1)
    assert view.current_page() == 1
    before = view.page_image(0)
    other = letter_pdf(case, 0, WRITERS[1], "letter-no10", fax=True)
    show(qtbot, view, other)
    assert view.current_page() == 1
    assert view.page_image(0) is not before
    view.set_pdf(letter_pdf(case, 1, WRITERS[0], "a4-din-b"))
    assert view.page_count() == 1 and view.page_image(1) is None
    view.clear()
    assert view.page_count() == 0 and not view.is_rendered()


def test_zoom_and_page_keys(qtbot, view, case):
    show(qtbot, view, letter_pdf(case, 0, WRITERS[1], "letter-no10", fax=True))
    fit = view.scale()
    with qtbot.waitSignal(view.rendered, timeout=10_000):
        qtbot.keyClick(view.scroll, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.is_rendered()
    assert view.scale() == pytest.approx(fit * 1.25)
    assert view.page_image(0).width() == pytest.approx(view.page_rects()[0].width(), abs=1)
    assert view.scroll.horizontalScrollBar().maximum() > 0  # wider than the view: scrolls
    qtbot.keyClick(view.scroll, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view.scroll, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.scale() == pytest.approx(fit / 1.25)
    with qtbot.waitSignal(view.rendered, timeout=10_000):
        qtbot.keyClick(view.scroll, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.scale() == pytest.approx(fit)

    assert view.current_page() == 0 and view.pageLabel.text() == "Page 1 of 2"
    qtbot.keyClick(view.scroll, Qt.Key.Key_PageDown)
    assert view.current_page() == 1 and view.pageLabel.text() == "Page 2 of 2"
    qtbot.keyClick(view.scroll, Qt.Key.Key_PageDown)  # already on the last page
    assert view.current_page() == 1
    qtbot.keyClick(view.scroll, Qt.Key.Key_PageUp)
    assert view.current_page() == 0
    view.nextPage.click()
    assert view.current_page() == 1


def test_fit_width_follows_the_width(qtbot, view, case):
    show(qtbot, view, letter_pdf(case, 0, WRITERS[1], "a4-din-b"))
    narrow = view.scale()
    view.resize(700, 600)
    qtbot.waitUntil(lambda: view.is_rendered() and view.scale() > narrow, timeout=10_000)
    assert view.scale() > narrow
    assert view.page_image(0).width() == pytest.approx(
        view.page_rects()[0].width() * view.devicePixelRatioF(), abs=1
    )


def test_print_fallback_draws_every_page_at_300_dpi(qtbot, case, tmp_path: Path):
    pdf = letter_pdf(case, 0, WRITERS[0], "a4-din-b", fax=True)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    assert _print_raster(printer, pdf) == "Printed 2 pages"
    reader = pypdf.PdfReader(printed)
    assert len(reader.pages) == 2
    for page in reader.pages:
        (image,) = page.images  # each page is one picture of the original page
        assert image.image.width >= 2400  # A4 width at 300 dpi is 2480 px
    # What was printed is the letter in the same place (the address in the envelope window).
    for original, copy in zip(page_images(pdf, 20), page_images(printed, 20), strict=True):
        o, c = original.convert("L"), copy.convert("L")
        assert o.size == c.size
        inked_o = {xy for xy in _coords(o) if o.getpixel(xy) < 200}
        inked_c = {xy for xy in _coords(c) if c.getpixel(xy) < 200}
        assert inked_o and len(inked_o & inked_c) / len(inked_o | inked_c) > 0.7  # 0.26 shrunk


def _coords(image):
    return [(x, y) for y in range(image.height) for x in range(image.width)]
