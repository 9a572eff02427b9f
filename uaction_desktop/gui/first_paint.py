"""Run a callback once a widget has been painted for the first time.

The window shows its case list first and fills in the rest right after, so what the user came
for is on screen as early as possible.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer


class _FirstPaintWatcher(QObject):
    def __init__(self, widget: QObject, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # Queued, so the paint completes (and reaches the screen) before the callback runs.
            QTimer.singleShot(0, self._callback)
            self.deleteLater()
        return False


def after_first_paint(widget: QObject, callback: Callable[[], None]) -> None:
    """Call ``callback`` from the event loop just after ``widget``'s first paint event."""
    _FirstPaintWatcher(widget, callback)
