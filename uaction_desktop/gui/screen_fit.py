"""Windows and dialogs that fit the screen they open on: a 1280x720 or 1366x768 laptop included.

A size asked for (or restored from last time) is shrunk to the screen's available geometry, less
room for the window manager's title bar and borders, and the window is moved back onto the
screen; content taller than that scrolls (``scrolling``) rather than pushing buttons off screen.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

# Title bar and borders, before the real ones are known (a window not yet shown has none).
FRAME_ALLOWANCE = QSize(16, 40)


def available_geometry(widget: QWidget) -> QRect:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fitted_size(widget: QWidget, wanted: QSize) -> QSize:
    """``wanted``, no larger than the screen allows (nor smaller than the widget's minimum)."""
    room = available_geometry(widget).size() - _frame(widget)
    size = wanted.boundedTo(room)
    return size.expandedTo(widget.minimumSize())


def fit_to_screen(widget: QWidget, wanted: QSize | None = None) -> None:
    """Resize ``widget`` to ``wanted`` (default: its current size) within the screen, and move it
    so its frame is on the screen."""
    widget.resize(fitted_size(widget, wanted or widget.size()))
    area = available_geometry(widget)
    frame = _frame(widget)
    width, height = widget.width() + frame.width(), widget.height() + frame.height()
    position = widget.frameGeometry().topLeft() if widget.isVisible() else widget.pos()
    x = min(max(position.x(), area.left()), max(area.left(), area.right() + 1 - width))
    y = min(max(position.y(), area.top()), max(area.top(), area.bottom() + 1 - height))
    if QPoint(x, y) != position:
        widget.move(x, y)


def scrolling(content: QWidget, name: str) -> QScrollArea:
    """``content`` in a frameless scroll area that only scrolls when the screen is too short."""
    area = QScrollArea()
    area.setObjectName(name)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    return area


def unscrolled_size(widget: QWidget, area: QScrollArea) -> QSize:
    """The size ``widget`` would need to show all of ``area``'s content without scrolling."""
    content = area.widget()
    extra = content.sizeHint() - area.viewport().sizeHint() if content else QSize()
    return widget.sizeHint() + QSize(max(0, extra.width()), max(0, extra.height()))


def _frame(widget: QWidget) -> QSize:
    if widget.isVisible():
        real = widget.frameGeometry().size() - widget.geometry().size()
        if real.height() > 0:
            return real
    return FRAME_ALLOWANCE
