"""A small stacked bar chart: actions per month, by channel. Painted with QPainter.

QtCharts is not part of the PySide6 modules we ship, and this chart needs nothing it offers.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from uaction_desktop.actionlog.action import ActionChannel
from uaction_desktop.gui.labels import channel_name
from uaction_desktop.i18n import _, format_month

# Colour-blind-safe (Okabe-Ito) colours, one per channel.
CHANNEL_COLOURS = {
    "letter": "#0072B2",
    "email": "#E69F00",
    "fax": "#009E73",
    "phone": "#CC79A7",
    "social": "#56B4E9",
    "other": "#999999",
}


class MonthChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("logChart")
        self.setAccessibleName(_("Actions per month by channel"))
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._data: list[tuple[str, Mapping[str, int]]] = []

    def set_data(self, months: list[tuple[str, Mapping[str, int]]]) -> None:
        """``[("2026-10", {"letter": 12, "email": 3}), ...]`` oldest first."""
        self._data = months[-12:]
        self.setAccessibleDescription(
            "; ".join(f"{month_label(m)}: {sum(c.values())}" for m, c in self._data)
            or _("no actions yet")
        )
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(480, 160)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        if not self._data:
            painter.setPen(text_colour)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, _("No actions logged yet."))
            return
        # "Dec 2026" on one line where it fits under its bar, else "Dec" over "2026".
        slot = (self.width() - 44) / len(self._data)
        lines = (
            1 if painter.fontMetrics().horizontalAdvance(month_label("2026-05")) + 4 <= slot else 2
        )
        label_height = 14 * lines
        rect = QRectF(self.rect()).adjusted(36, 8, -8, -(20 + label_height))
        top = max(sum(c.values()) for _, c in self._data) or 1
        bar = max(4.0, slot * 0.6)
        painter.setPen(text_colour)
        painter.drawText(QRectF(0, rect.top() - 6, 32, 14), Qt.AlignmentFlag.AlignRight, str(top))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        for i, (month, counts) in enumerate(self._data):
            x = rect.left() + i * slot + (slot - bar) / 2
            y = rect.bottom()
            for channel, colour in CHANNEL_COLOURS.items():
                value = counts.get(channel, 0)
                if not value:
                    continue
                height = rect.height() * value / top
                painter.fillRect(QRectF(x, y - height, bar, height), QColor(colour))
                y -= height
            painter.setPen(text_colour)
            label = QRectF(x - slot / 2 + bar / 2, rect.bottom() + 4, slot, label_height)
            text = month_label(month) if lines == 1 else month_label(month).replace(" ", "\n")
            painter.drawText(label, Qt.AlignmentFlag.AlignHCenter, text)
        legend_x = rect.left()
        for channel, colour in CHANNEL_COLOURS.items():
            if not any(c.get(channel) for _, c in self._data):
                continue
            legend_y = rect.bottom() + 6 + label_height
            painter.fillRect(QRectF(legend_x, legend_y, 10, 10), QColor(colour))
            name = channel_name(ActionChannel(channel))
            painter.drawText(QRectF(legend_x + 14, legend_y - 2, 80, 14), 0, name)
            legend_x += 80
        painter.end()


def month_label(month: str) -> str:
    """ "2026-12" -> "Dec 2026" (in the interface language): "Dec 26" reads like a day."""
    year, _dash, number = month.partition("-")
    try:
        return format_month(int(year), int(number))
    except (ValueError, IndexError):
        return month
