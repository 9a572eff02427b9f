"""The composer's one-line "From:" summary ends in "…" where it is cut (it was cut mid-word,
"Apartment 4B, S", and read as the whole address), and keeps the whole text and tooltip."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import fill_sender
from uaction_desktop.gui.elided_label import ElidedLabel


def test_a_cut_summary_says_so_and_keeps_the_whole_text(qtbot) -> None:
    label = ElidedLabel()
    qtbot.addWidget(label)
    whole = "Jane Doe, 12 Elm Street, Apartment 4B, Springfield, IL 62701, United States"
    label.setText(whole)
    label.resize(label.fontMetrics().horizontalAdvance(whole) // 2, 20)
    label.show()
    assert label.text() == whole
    assert label.shown_text().endswith("…") and len(label.shown_text()) < len(whole)
    label.resize(label.fontMetrics().horizontalAdvance(whole) + 40, 20)
    QApplication.processEvents()
    assert label.shown_text() == whole
    image = label.grab().toImage()  # painted: some dark pixels where the text is
    assert any(image.pixelColor(x, 10).lightness() < 128 for x in range(0, 40))


def test_the_composers_from_line_is_cut_with_an_ellipsis_at_1280(qtbot, make_window) -> None:
    window = make_window()
    window.resize(1280, 720)
    window.tabs.setCurrentIndex(1)
    composer = window.composer
    fill_sender(qtbot, window)
    composer.senderAddress.setPlainText(
        "12 Elm Street, Apartment 4B, Building C, Entrance 2\nSpringfield, IL 62701"
    )
    qtbot.mouseClick(composer.saveSender, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Building C" in composer.senderSummary.text(), timeout=3000)
    summary = composer.senderSummary
    assert "Springfield" in summary.toolTip()
    assert summary.shown_text().endswith("…")
