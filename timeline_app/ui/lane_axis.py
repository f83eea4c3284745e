"""The lane axis: lane names at their centres, only as many as fit without overlapping."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics


class LaneAxis(pg.AxisItem):
    """A left axis labelling lanes; with hundreds of lanes it skips labels that would collide.

    Drawing every one of 600 lane names on top of each other costs half a second a frame and
    shows nothing readable; the lanes at the top (the busiest) win when labels compete.
    """

    lane_dropped = Signal(float, float)  # y where a lane label was picked up, y where it was dropped

    def __init__(self, **kwargs):
        super().__init__(orientation="left", **kwargs)
        self._centres = np.zeros(0)
        self._names: list[str] = []
        # tickValues already spaces the labels; pyqtgraph would drop them all past 80 % of the axis filled
        self.setStyle(textFillLimits=[(0, 1.0)])

    def set_lanes(self, centres: list[float], names: list[str]) -> None:
        self._centres = np.asarray(centres, float)
        self._names = list(names)
        self.picture = None
        self.update()

    def tickValues(self, minVal, maxVal, size):
        if not len(self._centres):
            return []
        minVal, maxVal = sorted((minVal, maxVal))  # lanes grow downwards: the view is inverted
        font = self.style.get("tickFont") or QFont()
        per_px = (maxVal - minVal) / max(size, 1)
        room = (QFontMetrics(font).height() + 1) * per_px
        kept, last = [], -np.inf
        for y in self._centres[(self._centres >= minVal) & (self._centres <= maxVal)]:
            if y - last >= room:
                kept.append(float(y))
                last = y
        return [(1.0, kept)]

    def tickStrings(self, values, scale, spacing):
        index = {round(float(c), 6): n for c, n in zip(self._centres, self._names, strict=True)}
        return [index.get(round(v, 6), "") for v in values]

    def mouseDragEvent(self, ev):
        """Dragging a lane label onto another lane merges them (the view decides what the y values mean)."""
        if ev.button() != Qt.MouseButton.LeftButton or self.linkedView() is None:
            ev.ignore()
            return
        ev.accept()
        if ev.isStart():
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        elif ev.isFinish():
            self.unsetCursor()
            vb = self.linkedView()
            start = vb.mapSceneToView(ev.buttonDownScenePos()).y()
            end = vb.mapSceneToView(ev.scenePos()).y()
            self.lane_dropped.emit(float(start), float(end))
