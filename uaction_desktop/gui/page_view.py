"""The print preview: the letter's pages as PDFium draws them, fit to the width or zoomed.

Our own small view instead of QtPdf, which on Python < 3.12 comes only with PySide6-Addons (half a
gigabyte of WebEngine, 3D and multimedia the app never uses). Pages are rendered on a worker
thread whenever the letter, the width, the zoom or the screen's pixel ratio changes; until the new
pixels arrive the old ones are shown stretched, so typing never waits for a render. Pixels are
rendered at the screen's device pixel ratio, so text stays sharp on HiDPI screens.
"""

from __future__ import annotations

import contextlib
import logging
import math
import threading
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QKeyEvent, QPainter, QPaintEvent, QWheelEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from uaction_desktop.i18n import _
from uaction_desktop.pdf import raster

log = logging.getLogger(__name__)

MARGIN_PX = 12  # around and between pages
ZOOM_STEP = 1.25
MIN_SCALE, MAX_SCALE = 0.25, 4.0  # logical pixels per point (1.0 is 72 dpi at 100 %)
RESIZE_DELAY_MS = 80

_executor: ThreadPoolExecutor | None = None
_executor_lock = threading.Lock()


def _renderer() -> ThreadPoolExecutor:
    """One render thread for the whole app: PDFium runs one call at a time anyway."""
    global _executor
    with _executor_lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="page-render")
        return _executor


class _Relay(QObject):
    """Carries a finished render from the worker thread to the GUI thread (queued signal)."""

    finished = Signal(int, float, float, object)  # generation, pixel ratio, device scale, Future


class _Pages(QWidget):
    """The canvas inside the scroll area: pages one below the other, on grey."""

    def __init__(self, view: PageView) -> None:
        super().__init__()
        self._view = view
        self.setAutoFillBackground(False)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.fillRect(event.rect(), QColor("#8a8a8a"))
        for index, rect in enumerate(self._view.page_rects()):
            if not rect.intersects(QRectF(event.rect())):
                continue
            painter.fillRect(rect.translated(2, 2), QColor(0, 0, 0, 60))
            painter.fillRect(rect, Qt.GlobalColor.white)
            image = self._view.page_image(index)
            if image is not None:
                painter.drawImage(rect, image)
        painter.end()


class PageView(QWidget):
    """A zoomable, scrollable view of a PDF's pages (``set_pdf``); fit to width by default.

    Keys: Page Up / Page Down go to the previous / next page, Ctrl++ / Ctrl+- zoom, Ctrl+0 fits
    the width again; Ctrl+wheel zooms too.
    """

    rendered = Signal()  # the current PDF is drawn at the current size and pixel ratio

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pdf: bytes | None = None
        self._sizes: list[tuple[float, float]] = []  # points
        self._images: list[QImage] = []
        self._zoom: float | None = None  # None: fit the width
        self._generation = 0  # bumped by every change that needs new pixels
        self._busy = False
        self._pending = False
        self._drawn = (-1, 0.0)  # (generation, device scale) self._images were rendered for
        self._submitted_scale = 0.0  # device scale of the latest render asked for

        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("pageScroll")
        self.scroll.setWidgetResizable(False)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.canvas = _Pages(self)
        self.scroll.setWidget(self.canvas)
        self.scroll.viewport().installEventFilter(self)
        self.scroll.installEventFilter(self)

        self.zoomOut = self._tool("−", _("Zoom out (Ctrl+-)"), self.zoom_out)
        self.fitWidth = self._tool(
            _("Fit width"), _("Fit the page to the width (Ctrl+0)"), self.fit_width
        )
        self.zoomIn = self._tool("+", _("Zoom in (Ctrl++)"), self.zoom_in)
        self.previousPage = self._tool("▲", _("Previous page (Page Up)"), self.previous_page)
        self.nextPage = self._tool("▼", _("Next page (Page Down)"), self.next_page)
        self.pageLabel = QLabel(self)
        self.pageLabel.setObjectName("pageLabel")
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for widget in (self.zoomOut, self.fitWidth, self.zoomIn):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.pageLabel, self.previousPage, self.nextPage):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)

        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_rendered)
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(RESIZE_DELAY_MS)
        self._resize_timer.timeout.connect(self._on_resized)
        self.scroll.verticalScrollBar().valueChanged.connect(lambda _v: self._show_page_number())
        self._layout_pages()

    def _tool(self, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    # ------------------------------------------------------------------ public API

    def set_pdf(self, pdf: bytes) -> None:
        """Show these pages; the place being read is kept when the new letter has it."""
        self._pdf = pdf
        self._sizes = raster.page_sizes(pdf)
        del self._images[len(self._sizes) :]
        self._layout_pages()
        self._request_render()

    def clear(self) -> None:
        self._pdf = None
        self._sizes = []
        self._images = []
        self._generation += 1
        self._layout_pages()

    def page_count(self) -> int:
        return len(self._sizes)

    def is_rendered(self) -> bool:
        """The pixels on screen are those of the current PDF at the current size."""
        return (
            self._pdf is not None
            and self._drawn == (self._generation, self._device_scale())
            and not self._busy
        )

    def scale(self) -> float:
        """Logical pixels per point, as the pages are laid out now."""
        if self._zoom is not None or not self._sizes:
            return self._zoom or 1.0
        widest = max(width for width, _height in self._sizes)
        room = self.scroll.viewport().width() - 2 * MARGIN_PX
        return min(MAX_SCALE, max(MIN_SCALE, room / widest))

    def zoom_in(self) -> None:
        self._set_zoom(self.scale() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._set_zoom(self.scale() / ZOOM_STEP)

    def fit_width(self) -> None:
        self._zoom = None
        self._layout_pages()
        self._request_render()

    def current_page(self) -> int:
        """The page across the middle of the view (0-based)."""
        middle = self.scroll.verticalScrollBar().value() + self.scroll.viewport().height() / 2
        current = 0
        for index, rect in enumerate(self.page_rects()):
            if rect.top() - MARGIN_PX <= middle:
                current = index
        return current

    def go_to_page(self, index: int) -> None:
        rects = self.page_rects()
        if not rects:
            return
        index = max(0, min(index, len(rects) - 1))
        self.scroll.verticalScrollBar().setValue(round(rects[index].top()) - MARGIN_PX)

    def next_page(self) -> None:
        self.go_to_page(self.current_page() + 1)

    def previous_page(self) -> None:
        rects = self.page_rects()
        current = self.current_page()
        top = self.scroll.verticalScrollBar().value()
        # Part-way down a page, Page Up goes to that page's top first.
        if rects and top > rects[current].top() - MARGIN_PX + 1:
            self.go_to_page(current)
        else:
            self.go_to_page(current - 1)

    def page_rects(self) -> list[QRectF]:
        """Where each page is drawn on the canvas, in logical pixels."""
        scale = self.scale()
        width = self.canvas.width()
        rects, y = [], float(MARGIN_PX)
        for page_width, page_height in self._sizes:
            w, h = page_width * scale, page_height * scale
            rects.append(QRectF((width - w) / 2, y, w, h))
            y += h + MARGIN_PX
        return rects

    def page_image(self, index: int) -> QImage | None:
        return self._images[index] if index < len(self._images) else None

    # ------------------------------------------------------------------ events

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.scroll.viewport():
            if kind == QEvent.Type.Resize and self._zoom is None:
                self._layout_pages()
                if event.size().width() != event.oldSize().width():  # type: ignore[attr-defined]
                    self._resize_timer.start()
            elif kind == QEvent.Type.Wheel and self._zoom_by_wheel(event):  # type: ignore[arg-type]
                return True
        elif watched is self.scroll and kind == QEvent.Type.KeyPress:
            return self._key(event)  # type: ignore[arg-type]
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.DevicePixelRatioChange:
            self._request_render()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._key(event):
            super().keyPressEvent(event)

    def _key(self, event: QKeyEvent) -> bool:
        key, ctrl = event.key(), event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if key == Qt.Key.Key_PageDown:
            self.next_page()
        elif key == Qt.Key.Key_PageUp:
            self.previous_page()
        elif ctrl and key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif ctrl and key == Qt.Key.Key_Minus:
            self.zoom_out()
        elif ctrl and key == Qt.Key.Key_0:
            self.fit_width()
        else:
            return False
        return True

    def _zoom_by_wheel(self, event: QWheelEvent) -> bool:
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return False
        steps = event.angleDelta().y() / 120
        if steps:
            self._set_zoom(self.scale() * ZOOM_STEP**steps)
        return True

    # ------------------------------------------------------------------ layout and rendering

    def _set_zoom(self, scale: float) -> None:
        page = self.current_page()
        self._zoom = min(MAX_SCALE, max(MIN_SCALE, scale))
        self._layout_pages()
        self.go_to_page(page)
        self._request_render()

    def _layout_pages(self) -> None:
        scale = self.scale()
        viewport = self.scroll.viewport().width()
        widest = max((w * scale for w, _h in self._sizes), default=0)
        width = max(viewport, math.ceil(widest) + 2 * MARGIN_PX)
        if self._zoom is None:
            width = viewport  # fitted: never a horizontal scroll bar
        height = sum(round(h * scale) + MARGIN_PX for _w, h in self._sizes) + MARGIN_PX
        height = max(height, self.scroll.viewport().height())  # grey to the bottom
        self.canvas.resize(QSize(width, height))
        self.canvas.update()
        self._show_page_number()

    def _show_page_number(self) -> None:
        count = self.page_count()
        self.pageLabel.setText(
            _("Page {value} of {count}").format(value=self.current_page() + 1, count=count)
            if count
            else ""
        )
        self.previousPage.setEnabled(count > 1)
        self.nextPage.setEnabled(count > 1)

    def _device_scale(self) -> float:
        return self.scale() * self.devicePixelRatioF()

    def _request_render(self) -> None:
        if self._pdf is None:
            return
        self._generation += 1
        if self._busy:
            self._pending = True  # one render at a time; the newest request runs next
            return
        self._submit()

    def _submit(self) -> None:
        assert self._pdf is not None
        self._busy, self._pending = True, False
        generation, ratio, scale = self._generation, self.devicePixelRatioF(), self._device_scale()
        self._submitted_scale = scale
        relay = self._relay
        future = _renderer().submit(raster.render_pages, self._pdf, scale)

        def done(finished: Future) -> None:  # on the worker thread
            with contextlib.suppress(RuntimeError):  # the view was deleted meanwhile
                relay.finished.emit(generation, ratio, scale, finished)

        future.add_done_callback(done)

    def _on_resized(self) -> None:
        if self._device_scale() != self._submitted_scale:
            self._request_render()

    def _on_rendered(self, generation: int, ratio: float, scale: float, future: Future) -> None:
        self._busy = False
        if self._pending and self._pdf is not None:
            self._submit()
            return
        if generation != self._generation:
            return
        error = future.exception()
        if error is not None:
            log.warning("The preview could not be drawn: %s", error)
            return
        images = []
        for pixels in future.result():
            image = QImage(
                pixels.data, pixels.width, pixels.height, pixels.stride, QImage.Format.Format_ARGB32
            ).copy()  # own the pixels: the bytes object goes away
            image.setDevicePixelRatio(ratio)
            images.append(image)
        self._images = images
        self._drawn = (generation, scale)
        self.canvas.update()
        self.rendered.emit()
