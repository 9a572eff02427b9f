"""The installed Qt binding must be one the app can run on for hours.

PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on every call of a Qt method that
returns nothing (``setEnabled``, ``update``, ``QTimer.singleShot``...): the interpreter aborts
("deallocating None") after a few thousand such calls, minutes into a session. pyproject.toml
keeps that pair out; this test fails if it ever comes back.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget


def test_calls_returning_nothing_keep_none_alive(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    gc.collect()
    gc.disable()  # nothing else may free references to None while we count
    try:
        before = sys.getrefcount(None)
        for _ in range(1000):
            widget.setEnabled(True)
            widget.update()
            QTimer.singleShot(0, widget.hide)
        after = sys.getrefcount(None)
    finally:
        gc.enable()
    assert after - before > -100  # -3000 on the broken pair
