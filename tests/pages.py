"""Test helper: PDF pages as Pillow images, drawn by PDFium (the renderer the app's preview and
print fallback use), so the tests need no poppler from the system."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from uaction_desktop.pdf import raster


def page_images(pdf: bytes | Path, dpi: float) -> list[Image.Image]:
    """Every page of ``pdf`` (bytes or a file) as an RGB image at ``dpi``."""
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    return [
        Image.frombuffer("RGBA", (p.width, p.height), p.data, "raw", "BGRA", p.stride, 1).convert(
            "RGB"
        )
        for p in raster.render_pages(data, dpi / raster.POINTS_PER_INCH)
    ]


def save_pngs(pdf: bytes | Path, dpi: float, folder: Path, stem: str = "page") -> list[Path]:
    """Every page as ``folder/stem-N.png`` (1-based), for looking at a PDF as a user would."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, image in enumerate(page_images(pdf, dpi), 1):
        path = folder / f"{stem}-{number}.png"
        image.save(path)
        paths.append(path)
    return paths
