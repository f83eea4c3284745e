"""A small strip under the timeline showing every event and the visible time range, which it can move."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem

from timeline_app.ui.date_axis import OriginDateAxis
from timeline_app.ui.timeline_layout import Layout


class Overview:
    """A PlotItem with all events as dots and a LinearRegionItem linked to the main plot's x range."""

    def __init__(self, main: pg.PlotItem, fg: QColor):
        self.main = main
        self.axis = OriginDateAxis()
        self.plot = pg.PlotItem(axisItems={"bottom": self.axis})
        self.plot.setMaximumHeight(80)
        self.plot.setMinimumHeight(60)
        self.plot.hideAxis("left")
        self.plot.getAxis("bottom").setPen(fg)
        self.plot.getAxis("bottom").setTextPen(fg)
        # the strip's axis changes only with the data, never while the main plot pans: draw it from a pixmap
        self.axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        vb = self.plot.getViewBox()
        vb.setMouseEnabled(x=False, y=False)
        vb.invertY(True)
        dot = QColor(fg)
        dot.setAlpha(150)
        self.dots = pg.ScatterPlotItem(size=3, pen=None, brush=pg.mkBrush(dot))
        # the strip's range only changes with the data: cache the dots as a pixmap, so panning the main
        # plot (which moves the region) does not redraw 10k dots each frame
        self.dots.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.plot.addItem(self.dots)
        fill = QColor("#4e79a7")
        fill.setAlpha(50)
        self.region = pg.LinearRegionItem(brush=pg.mkBrush(fill), hoverBrush=pg.mkBrush(fill))
        self.region.setZValue(10)
        self.plot.addItem(self.region)
        self._syncing = False
        main.getViewBox().sigXRangeChanged.connect(self._main_moved)
        self.region.sigRegionChanged.connect(self._region_moved)

    def show_layout(self, lay: Layout) -> None:
        self.axis.set_origin(lay.origin)
        if lay.events:
            self.dots.setData(lay.x_centre(), lay.lane_index.astype(float))
            lo, hi = float(lay.x0.min()), float(lay.x1.max())
            pad = max(hi - lo, 2.0) * 0.04
            self.plot.setXRange(lo - pad, hi + pad, padding=0)
            self.plot.setYRange(-0.5, max(len(lay.lanes), 1) - 0.5, padding=0.1)
        else:
            self.dots.setData([], [])
        self._main_moved()

    def _main_moved(self, *args) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            self.region.setRegion(self.main.getViewBox().viewRange()[0])
        finally:
            self._syncing = False

    def _region_moved(self) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            lo, hi = self.region.getRegion()
            self.main.setXRange(lo, hi, padding=0)
        finally:
            self._syncing = False
