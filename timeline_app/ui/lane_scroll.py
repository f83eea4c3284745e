"""Moving through many lanes: lanes keep a readable height and scroll, time still zooms with the wheel.

When every lane fits in the plot with its label drawn, the plot shows them all, as it always did. With more
lanes (hundreds, from a folder of articles) squeezing them in would hide most labels (see LaneAxis), so the
lanes keep the smallest height at which every label is drawn and the plot scrolls through them: the wheel
over the lane names, Shift+wheel anywhere over the plot, dragging up or down, the scroll bar at the plot's
right edge, or the keys (Up, Down, Page Up, Page Down, Home, End) once the plot has been clicked. The plain
wheel zooms time only, as before; lanes never zoom.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, QRect, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QScrollBar

from timeline_app.ui.timeline_layout import LANE_GAP, ROW, Layout

LINE = ROW + LANE_GAP  # one wheel "line": a lane of one row
BAR_WIDTH = 10  # fits the plot's 24 px right margin
# grey with some transparency reads on light and dark backgrounds alike
BAR_STYLE = """
QScrollBar:vertical { background: transparent; width: 10px; margin: 0; border: none; }
QScrollBar::handle:vertical { background: rgba(128, 128, 128, 120); border-radius: 4px; min-height: 24px;
                              margin: 0 1px; }
QScrollBar::handle:vertical:hover, QScrollBar::handle:vertical:pressed { background: rgba(128, 128, 128, 190); }
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; border: none; background: none; }
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: rgba(128, 128, 128, 25); }
"""
EDGE = 0.5  # room kept above the first lane and below the last when scrolled to the end


class LaneViewBox(pg.ViewBox):
    """The timeline's view box: the wheel zooms time; over the lane names, or with Shift, it scrolls the lanes.

    Dragging pans time as before, and moves the lanes up or down with the mouse when they scroll.
    """

    lanes_scrolled = Signal(float)  # how far to move the lanes, in plot units (positive: towards the last lane)
    lanes_paged = Signal(float)  # how many screenfuls to move the lanes by (infinite: to the first or last lane)

    _LINE_KEYS = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}
    _PAGE_KEYS = {Qt.Key.Key_PageUp: -1.0, Qt.Key.Key_PageDown: 1.0, Qt.Key.Key_Home: -math.inf,
                  Qt.Key.Key_End: math.inf}

    def wheelEvent(self, ev, axis=None):
        # axis 1: the wheel turned over the lane axis (AxisItem passes it on); axis 0: over the date axis
        if axis == 1 or (axis is None and ev.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            lines = ev.delta() / 120 * QApplication.wheelScrollLines()
            self.lanes_scrolled.emit(-lines * LINE)
            ev.accept()
            return
        super().wheelEvent(ev, axis)

    def keyPressEvent(self, ev):
        key = ev.key()
        if ev.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(ev)  # Ctrl+Home and the like are not ours
        elif key in self._LINE_KEYS:
            self.lanes_scrolled.emit(self._LINE_KEYS[key] * LINE)
            ev.accept()
        elif key in self._PAGE_KEYS:
            self.lanes_paged.emit(self._PAGE_KEYS[key])
            ev.accept()
        else:
            super().keyPressEvent(ev)

    def mouseDragEvent(self, ev, axis=None):
        super().mouseDragEvent(ev, axis)
        if axis is None and ev.button() == Qt.MouseButton.LeftButton and self.state["mouseMode"] == self.PanMode:
            moved = ev.pos().y() - ev.lastPos().y()  # pixels; the lanes follow the mouse
            self.lanes_scrolled.emit(-moved * self.viewPixelSize()[1])


class LaneScroller(QObject):
    """Keeps the plot's vertical range: all lanes when they fit readably, else a readable stretch that scrolls.

    ``enabled=False`` always shows every lane (an exported picture shows the whole timeline). The scroll bar sits
    in the plot's right margin, over the graphics view, so it is painted again with every frame of a pan or zoom:
    a slim style-sheet bar costs 0.15 ms there, where Fusion's own costs 2-5 ms.
    """

    def __init__(self, view: pg.GraphicsView, plot: pg.PlotItem, font: QFont, enabled: bool = True):
        super().__init__(view)
        self.view = view
        self.vb = plot.getViewBox()
        self.font = font
        self.enabled = enabled
        self.height = 1.0  # of all lanes, in plot units
        self.scale = 0.0  # pixels per plot unit at which every lane label is drawn (0: any will do)
        self.bar = QScrollBar(Qt.Orientation.Vertical, view)
        self.bar.setStyleSheet(BAR_STYLE)
        self.bar.setCursor(Qt.CursorShape.ArrowCursor)
        self.bar.hide()
        self.bar.setToolTip("Scroll the lanes (or turn the wheel over the lane names, or Shift+wheel)")
        self._syncing = False
        self.bar.valueChanged.connect(self._bar_moved)
        self.vb.sigYRangeChanged.connect(self._sync_bar)
        self.vb.sigResized.connect(lambda _vb: self.show_lanes())  # the same top lane, as many below as fit
        if isinstance(self.vb, LaneViewBox):
            self.vb.lanes_scrolled.connect(self.scroll_by)
            self.vb.lanes_paged.connect(self.page_by)

    def set_layout(self, lay: Layout) -> None:
        """Take the lanes' heights from a new layout (the range is set by show_lanes)."""
        self.height = lay.height
        centres = (np.asarray(lay.lane_top) + np.asarray(lay.lane_bottom)) / 2
        closest = float(np.diff(centres).min()) if len(centres) > 1 else 0.0
        # LaneAxis draws a label only this far from the one above it: the font's height and a pixel
        self.scale = (QFontMetrics(self.font).height() + 1) / closest if closest > 0 else 0.0

    @property
    def scrolling(self) -> bool:
        """True when the lanes do not all fit with their labels, so the plot shows a stretch of them."""
        return self.enabled and self.vb.height() > 1 and self.scale * self.height > self.vb.height()

    def span(self) -> float:
        """How much of the lanes' height is in view, in plot units."""
        if not self.scrolling:
            return self.height
        return self.vb.height() / self.scale

    def top(self) -> float:
        return float(min(self.vb.viewRange()[1]))

    def show_lanes(self, top: float | None = None) -> None:
        """Show every lane, or when they scroll the stretch from ``top`` (where the view is now when None)."""
        if not self.scrolling:
            self.vb.setYRange(0, self.height, padding=0.02)
        else:
            span = self.span()
            top = self.top() if top is None else top
            top = min(max(top, -EDGE), self.height + EDGE - span)
            self.vb.setYRange(top, top + span, padding=0)
        self._place_bar()
        self._sync_bar()

    def scroll_by(self, units: float) -> None:
        """Move the lanes by this much (positive: towards the last lane); nothing when all lanes are shown."""
        if self.scrolling and units:
            self.show_lanes(self.top() + units)

    def page_by(self, pages: float) -> None:
        """Move the lanes by screenfuls (keeping a lane of the last one in view); infinite: to the first or last."""
        self.scroll_by(pages * max(self.span() - LINE, LINE))

    def ensure_visible(self, y0: float, y1: float) -> None:
        """Scroll so that the stretch y0..y1 is in view (centred), when it is not already."""
        if not self.scrolling:
            return
        top = self.top()
        if y0 < top or y1 > top + self.span():
            self.show_lanes((y0 + y1) / 2 - self.span() / 2)

    # --- the scroll bar ------------------------------------------------------------------------------------------
    def _place_bar(self) -> None:
        """In the plot's right margin, exactly as tall as the plot and level with it."""
        on = self.scrolling
        if self.bar.isHidden() == on:
            self.bar.setVisible(on)
        if not on:
            return
        rect: QRect = self.view.mapFromScene(self.vb.sceneBoundingRect()).boundingRect()
        rect.translate(self.view.viewport().pos())  # viewport coordinates -> the view's, where the bar lives
        self.bar.setGeometry(rect.right() + 4, rect.top(), BAR_WIDTH, rect.height())

    def _sync_bar(self, *_) -> None:
        if self._syncing or not self.scrolling:
            return
        scale = self.scale
        span = self.span()
        self._syncing = True
        try:
            self.bar.setRange(0, max(round((self.height + 2 * EDGE - span) * scale), 0))
            self.bar.setPageStep(max(round(span * scale), 1))
            self.bar.setSingleStep(max(round(LINE * scale), 1))
            self.bar.setValue(round((self.top() + EDGE) * scale))
        finally:
            self._syncing = False

    def _bar_moved(self, value: int) -> None:
        if self._syncing or not self.scrolling:
            return
        self._syncing = True
        try:
            self.show_lanes(value / self.scale - EDGE)
        finally:
            self._syncing = False
