"""Send a PDF to a printer: vector where the platform allows, else pages rendered at 300 dpi."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from uaction_desktop.atomic import write_bytes_atomic

RASTER_DPI = 300


def print_pdf(printer: QPrinter, pdf: bytes) -> str:
    """Print and return how it was done, for the status bar."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        write_bytes_atomic(printer.outputFileName(), pdf)
        return f"Saved as {printer.outputFileName()}"
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
        return f"Sent to {printer.printerName()}"
    return _print_raster(printer, pdf)


def _print_raster(printer: QPrinter, pdf: bytes) -> str:
    document = QPdfDocument()
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    printer.setResolution(RASTER_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be opened")
    pages = document.pageCount()
    try:
        for page in range(pages):
            if page:
                printer.newPage()
            size_pt = document.pagePointSize(page)
            pixels = QSize(
                round(size_pt.width() / 72 * RASTER_DPI), round(size_pt.height() / 72 * RASTER_DPI)
            )
            image = document.render(page, pixels)
            target = painter.viewport()
            scaled = pixels.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(0, 0, scaled.width(), scaled.height()), image)
    finally:
        painter.end()
        document.close()
    return f"Printed {pages} page{'s' if pages != 1 else ''}"
