"""The application icon: resources/icons/ if it ships one, else a small drawn timeline."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap


def app_icon() -> QIcon:
    shipped = _shipped_icon()
    if shipped is not None:
        return shipped
    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        icon.addPixmap(_drawn(size))
    return icon


def _shipped_icon() -> QIcon | None:
    try:
        folder = resources.files("timeline_app.resources") / "icons"
        for name in ("timeline-app.svg", "timeline-app.png", "icon.svg", "icon.png"):
            candidate = folder / name
            if candidate.is_file():
                return QIcon(str(candidate))
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        pass
    return None


def _drawn(size: int) -> QPixmap:
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 16
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#2f4b7c"))
    p.drawRoundedRect(QRectF(0.5 * s, 0.5 * s, 15 * s, 15 * s), 3 * s, 3 * s)
    p.setPen(QPen(QColor("white"), max(1.0, 1.2 * s)))
    p.drawLine(QPointF(2.5 * s, 12 * s), QPointF(13.5 * s, 12 * s))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#f28e2b"))
    p.drawRoundedRect(QRectF(3 * s, 3.5 * s, 6 * s, 2.5 * s), s, s)
    p.setBrush(QColor("#76b7b2"))
    p.drawEllipse(QPointF(11.5 * s, 4.75 * s), 1.5 * s, 1.5 * s)
    p.setBrush(QColor("#edc948"))
    p.drawRoundedRect(QRectF(6 * s, 7.5 * s, 7 * s, 2.5 * s), s, s)
    p.end()
    return pix
