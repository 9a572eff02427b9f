"""Send a PDF to a printer: vector where the platform allows, else pages rendered at 300 dpi."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

from uaction_desktop.atomic import write_bytes_atomic
from uaction_desktop.i18n import _, ngettext
from uaction_desktop.pdf import raster

RASTER_DPI = 300


def print_pdf(printer: QPrinter, pdf: bytes) -> str:
    """Print and return how it was done, for the status bar."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        write_bytes_atomic(printer.outputFileName(), pdf)
        return _("Saved as {path}").format(path=printer.outputFileName())
    lp = shutil.which("lp")
    if lp and printer.printerName():
        with tempfile.NamedTemporaryFile(suffix=".pdf", delete=False) as handle:
            handle.write(pdf)
        try:
            copies = max(1, printer.copyCount())
            subprocess.run(
                [lp, "-d", printer.printerName(), "-n", str(copies), handle.name],
                check=True,
                capture_output=True,
                timeout=60,
            )
        finally:
            Path(handle.name).unlink(missing_ok=True)
        return _("Sent to {printer}").format(printer=printer.printerName())
    return _print_raster(printer, pdf)


def _print_raster(printer: QPrinter, pdf: bytes) -> str:
    """Each page drawn by PDFium at 300 dpi, one page in memory at a time."""
    sizes = raster.page_sizes(pdf)
    printer.setResolution(RASTER_DPI)
    printer.setFullPage(True)  # the page's own positions (the envelope window), not shrunk
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(_("the printer could not be opened"))
    try:
        for page in range(len(sizes)):
            if page:
                printer.newPage()
            pixels = raster.render_page(pdf, page, RASTER_DPI / raster.POINTS_PER_INCH)
            image = QImage(
                pixels.data, pixels.width, pixels.height, pixels.stride, QImage.Format.Format_ARGB32
            )
            target = painter.viewport()
            scaled = QSize(pixels.width, pixels.height).scaled(
                target.size(), Qt.AspectRatioMode.KeepAspectRatio
            )
            painter.drawImage(QRect(0, 0, scaled.width(), scaled.height()), image)
    finally:
        painter.end()
    pages = len(sizes)
    return ngettext("Printed {count} page", "Printed {count} pages", pages).format(count=pages)
