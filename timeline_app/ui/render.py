"""Headless pictures of the timeline (PNG, or SVG when the name ends .svg), drawn by TimelineView."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from timeline_app.core.model import Timeline

logger = logging.getLogger(__name__)


def export_image(timeline: Timeline, path: Path, size: tuple[int, int]) -> None:
    """Write the timeline picture; works without a display and leaves Qt cleanly shut down."""
    path = Path(path)
    app, created = _application()
    try:
        render_to_file(timeline, path, size)
    finally:
        if created:
            _shutdown(app)


def render_to_file(timeline: Timeline, path: Path, size: tuple[int, int], view=None) -> None:
    """Draw with a fresh light TimelineView (or the given one, as it is shown) into a PNG or SVG file."""
    from PySide6.QtCore import QRectF, QSize, Qt
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QApplication

    from timeline_app.ui.timeline_view import TimelineView

    own = view is None
    if own:
        view = TimelineView(overview=False, light=True, scroll_lanes=False)  # a picture shows every lane
        view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        view.resize(*size)
        view.show()
        view.show_timeline(timeline)
        view.fit()
        view.update_labels()
    QApplication.processEvents()  # lay out the scene before drawing it
    w, h = size
    gv = view.graphics
    scene = gv.scene()
    source = gv.mapToScene(gv.viewport().rect()).boundingRect()
    target = QRectF(0, 0, w, h)
    scale = min(w / max(source.width(), 1), h / max(source.height(), 1))
    target = QRectF(0, 0, source.width() * scale, source.height() * scale)
    background = gv.backgroundBrush().color() if not own else QColor("white")
    try:
        if path.suffix.lower() == ".svg":
            from PySide6.QtSvg import QSvgGenerator

            gen = QSvgGenerator()
            gen.setFileName(str(path))
            gen.setSize(QSize(w, h))
            gen.setViewBox(QRectF(0, 0, w, h))
            gen.setTitle(view.title.text or "Timeline")
            painter = QPainter(gen)
            painter.fillRect(QRectF(0, 0, w, h), background)
            scene.render(painter, target, source)
            painter.end()
        else:
            image = QImage(w, h, QImage.Format.Format_ARGB32)
            image.fill(background)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            scene.render(painter, target, source)
            painter.end()
            if not image.save(str(path)):
                raise OSError(f"cannot write {path}")
    finally:
        if own:
            view.close()
            view.deleteLater()
            QApplication.processEvents()
    logger.info("wrote %s (%dx%d)", path, w, h)


def _application():
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None:
        return app, False
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QApplication([sys.argv[0] if sys.argv else "timeline-app"]), True


def _shutdown(app) -> None:
    """End Qt life explicitly: PySide6 6.12 can abort at interpreter exit otherwise (see NOTES.md)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
    app.shutdown()
