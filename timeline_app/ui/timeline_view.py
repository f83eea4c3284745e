"""The timeline plot: one lane per actor, events as markers (precise) or bars (vague), a date axis.

All events are drawn by ONE ScatterPlotItem and ONE BarGraphItem (vectorised: smooth at 10k events).
The same class draws the window's view and the exported picture (see render.py).
"""

from __future__ import annotations

import html
import logging
from datetime import date, datetime, timedelta

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication, QGraphicsItem, QInputDialog, QMenu, QToolTip, QVBoxLayout, QWidget

from timeline_app.core.model import Timeline
from timeline_app.ui.date_axis import OriginDateAxis
from timeline_app.ui.describe import date_text, resolution_text, short, source_titles
from timeline_app.ui.lane_axis import LaneAxis
from timeline_app.ui.lane_scroll import EDGE, LaneScroller, LaneViewBox
from timeline_app.ui.overview import Overview
from timeline_app.ui.timeline_layout import ROW, Layout, days, lay_out, to_date

logger = logging.getLogger(__name__)

# Tableau 10: distinct on light and dark backgrounds, and for most colour-blind readers.
DOCUMENT_COLORS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
                   "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac")
MAX_LEGEND = 12
NEWS_SHARE = 0.6  # a first view shows the weeks of publication when this share of events falls there
MAX_LABELS = 40  # short labels appear once this few events are in view
LABEL_CHARS = 32


def document_color(index: int) -> QColor:
    return QColor(DOCUMENT_COLORS[index % len(DOCUMENT_COLORS)])


class TextRow(pg.LabelItem):
    """A title or legend line that never makes the layout wider than the window.

    pyqtgraph's LabelItem asks for its text's full width; a legend of long article titles then widened the
    whole layout past the window, cutting off the plot's right edge (and the lanes' scroll bar). Text wider
    than the window is cut instead.
    """

    def updateMin(self):
        super().updateMin()
        self.setMinimumWidth(0)
        height = self._sizeHint[Qt.SizeHint.MinimumSize][1]
        self._sizeHint[Qt.SizeHint.MinimumSize] = self._sizeHint[Qt.SizeHint.PreferredSize] = (0, height)


class TimelineView(QWidget):
    """Shows a Timeline; with a SessionModel it follows its changes and drives its selection."""

    event_clicked = Signal(str)  # event id
    event_menu_requested = Signal(str, QPoint)  # event id, global position (the window shows the menu)

    def __init__(self, session=None, parent: QWidget | None = None, *, overview: bool = True,
                 light: bool | None = None, scroll_lanes: bool = True):
        super().__init__(parent)
        self.session = session
        self.timeline = Timeline()
        self.layout_ = lay_out(self.timeline)
        self._selected: str | None = None
        self._light = light
        bg, fg = self._colors()
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground(bg)
        self.graphics.setAcceptDrops(False)  # drops go to the main window
        self.graphics.viewport().setAcceptDrops(False)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.graphics)

        self.title = TextRow("", size="13pt", bold=True, color=fg)
        self.graphics.addItem(self.title, row=0, col=0)
        self.axis = OriginDateAxis()
        self.lane_axis = LaneAxis()
        self.plot = pg.PlotItem(viewBox=LaneViewBox(), axisItems={"bottom": self.axis, "left": self.lane_axis})
        self.graphics.addItem(self.plot, row=1, col=0)
        self.legend = TextRow("", size="10pt", color=fg, justify="left")
        self.graphics.addItem(self.legend, row=2, col=0)
        self._setup_plot(fg)
        # many lanes scroll at a readable height (see lane_scroll.py); a picture for export shows them all
        self.lanes = LaneScroller(self.graphics, self.plot, self.lane_axis.style["tickFont"], scroll_lanes)
        # panning and zooming move time only: the lane names stay as they are, so keep them as a pixmap
        # rather than drawing 30-600 labels again each frame (scrolling the lanes draws the few in view)
        self.lane_axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.overview = None
        if overview:
            self.overview = Overview(self.plot, fg)
            self.graphics.addItem(self.overview.plot, row=3, col=0)
        self.graphics.ci.layout.setRowStretchFactor(1, 10)

        self.bands = pg.BarGraphItem(x0=[], x1=[], y0=[], y1=[], pen=None, brush=pg.mkBrush(0, 0, 0, 0))
        # one bar item per document colour: a single pen and brush per item lets pyqtgraph draw all its bars
        # in one drawRects call; per-bar pens replay a QPicture bar by bar (140 ms a frame at 10k events)
        self.bars = [pg.BarGraphItem(x0=[], x1=[], y=[], height=[], pen=None, brush=None)
                     for _ in DOCUMENT_COLORS]
        # markers: one item per kind (precise diamonds, implied circles), pens and brushes per point shared by
        # colour. Two items, not one per colour: each scatter item costs ~0.25 ms of Python per frame.
        self.points = [pg.ScatterPlotItem(size=12, pxMode=True, symbol="d"),
                       pg.ScatterPlotItem(size=12, pxMode=True, symbol="o")]
        self.sel_point = pg.ScatterPlotItem(size=18, symbol="o", brush=None, pen=pg.mkPen(fg, width=2.5))
        self.sel_rect = pg.PlotCurveItem(pen=pg.mkPen(fg, width=2.5))
        for item in (self.bands, *self.bars, *self.points, self.sel_point, self.sel_rect):
            self.plot.addItem(item)
        self.bands.setZValue(-10)
        self._labels: list[pg.TextItem] = []
        self._label_timer = QTimer(self, singleShot=True, interval=60)
        self._label_timer.timeout.connect(self.update_labels)
        self.plot.getViewBox().sigXRangeChanged.connect(self._label_timer.start)
        self.plot.getViewBox().sigYRangeChanged.connect(self._label_timer.start)
        # Until the user moves the view, it follows the timeline as it grows (files still loading); after
        # a wheel, a drag or a move of the overview, new events no longer pull it away from where they are.
        self._following = True
        self.plot.getViewBox().sigRangeChangedManually.connect(self._stop_following)
        if self.overview is not None:
            self.overview.region.sigRegionChangeFinished.connect(self._stop_following)

        self.lane_axis.lane_dropped.connect(self._lane_dropped)
        scene = self.graphics.scene()
        scene.sigMouseMoved.connect(self._hovered)
        scene.sigMouseClicked.connect(self._clicked)
        if session is not None:
            session.timeline_changed.connect(self._session_changed)
            session.selection_changed.connect(self.select_event)
            self._session_changed()

    # --- public ----------------------------------------------------------------------
    def show_timeline(self, timeline: Timeline, layout: Layout | None = None) -> None:
        """Draw a timeline (lanes, events, legend, title) and fit it in view; ``layout`` if already laid out."""
        first = not self.timeline.events
        self.timeline = timeline
        self.layout_ = lay = layout if layout is not None else lay_out(timeline)
        self.axis.set_origin(lay.origin)
        self._draw_lanes(lay)
        self._draw_bars(lay)
        # the markers take a turn of their own while files load (per-point pens cost ~3 ms per 1000)
        if self.session is not None:
            self.session.later(lambda: self._draw_points(lay))
        else:
            self._draw_points(lay)
        self.title.setText(html.escape(self._title_text()))
        self.legend.setText(self._legend_html())
        if self.overview is not None:
            self.overview.show_layout(lay)
        self._limit(lay)
        self.lanes.set_layout(lay)
        if first:
            self.lanes.show_lanes(top=-EDGE)  # a new timeline starts at its first (busiest) lane
        if first or self._following or not self._in_view(lay):
            self._fit_news()
        else:
            self.lanes.show_lanes()  # the same lanes in view as far as they are still there
            self._label_timer.start()  # events moved (a correction, an undo): labels follow them
        self.select_event(self._selected or "")

    def fit(self) -> None:
        """Show every event's time: the whole time range, and every lane (the lanes in view when they scroll)."""
        lay = self.layout_
        if lay.events:
            lo, hi = float(lay.x0.min()), float(lay.x1.max())
            span = max(hi - lo, 2.0)
            pad = span * 0.04
            self.plot.setXRange(lo - pad, lo + span + pad, padding=0)
        else:
            self.plot.setXRange(-15, 15, padding=0)
        self.lanes.show_lanes()
        self._label_timer.start()  # labels in a later event-loop turn: a redraw never stalls for long
        self._following = True

    def _fit_news(self) -> None:
        """The view a new timeline opens on: the weeks its articles were published in, when most events fall
        there (the history they recall stays in the overview and one F away); otherwise every event."""
        lay = self.layout_
        published = [d.reference_date for d in self.timeline.documents]
        if lay.events and published:
            lo = days(min(published) - timedelta(days=31), lay.origin)
            hi = days(max(published) + timedelta(days=7), lay.origin)
            inside = float(((lay.x1 >= lo) & (lay.x0 <= hi)).mean())
            if inside >= NEWS_SHARE and (lay.x0.min() < lo or lay.x1.max() > hi):
                self.plot.setXRange(lo, hi, padding=0.04)
                self.lanes.show_lanes()
                self._label_timer.start()
                self._following = True
                return
        self.fit()

    def _stop_following(self, *args) -> None:
        self._following = False

    def select_event(self, event_id: str) -> None:
        """Outline the event and bring it into view (no signal: selection comes from outside)."""
        self._selected = event_id or None
        lay = self.layout_
        idx = self._index_of(event_id)
        if idx is None:
            self.sel_point.setData([], [])
            self.sel_rect.setData([], [])
            return
        x0, x1, y = float(lay.x0[idx]), float(lay.x1[idx]), float(lay.y[idx])
        if lay.point[idx]:
            self.sel_point.setData([x0], [y])
            self.sel_rect.setData([], [])
        else:
            h = ROW * 0.45
            self.sel_rect.setData([x0, x1, x1, x0, x0], [y - h, y - h, y + h, y + h, y - h])
            self.sel_point.setData([], [])
        (vx0, vx1), _ = self.plot.getViewBox().viewRange()
        if x1 < vx0 or x0 > vx1:  # out of view: pan to it, keeping the zoom
            half = (vx1 - vx0) / 2
            centre = (x0 + x1) / 2
            self.plot.setXRange(centre - half, centre + half, padding=0)
            self._following = False  # the user asked to see this event: keep it in view
        self.lanes.ensure_visible(y - ROW, y + ROW)  # and to its lane, when the lanes scroll

    def visible_range(self) -> tuple[datetime, datetime] | None:
        """The stretch of time in view, None when nothing is shown."""
        if not self.layout_.events:
            return None
        (x0, x1), _ = self.plot.getViewBox().viewRange()
        return to_date(x0, self.layout_.origin), to_date(x1, self.layout_.origin)

    def set_visible_range(self, first: date | datetime, last: date | datetime) -> None:
        """Show this stretch of time (a reopened workspace's view)."""
        origin = self.layout_.origin
        self.plot.setXRange(days(first, origin), days(last, origin), padding=0)
        self._label_timer.start()

    def event_at(self, pos: QPointF) -> str | None:
        """The id of the event under a scene position, if any."""
        lay = self.layout_
        vb = self.plot.getViewBox()
        if not lay.events or not vb.sceneBoundingRect().contains(pos):
            return None
        p = vb.mapSceneToView(pos)
        px, py = vb.viewPixelSize()
        tol_x = 7 * px
        inside = (lay.x0 - tol_x <= p.x()) & (p.x() <= lay.x1 + tol_x) & (np.abs(lay.y - p.y()) <= max(0.4, 7 * py))
        hits = np.flatnonzero(inside)
        if not len(hits):
            return None
        # nearest first; a precise marker wins over a bar it sits on
        dist = np.abs(lay.x_centre()[hits] - p.x()) / px + np.abs(lay.y[hits] - p.y()) / py
        dist -= lay.point[hits] * 1e6
        return lay.events[int(hits[np.argmin(dist)])].id

    def lane_menu(self, lane: str) -> QMenu:
        """The context menu of a lane: hide, rename, merge into another lane, show all."""
        menu = QMenu(self)
        s = self.session
        menu.addAction(f"Hide “{lane}”", lambda: s.hide_lane(lane))
        menu.addAction(f"Rename “{lane}”…", lambda: self._rename(lane))
        merge = menu.addMenu(f"Merge “{lane}” into")
        for other in self.layout_.lanes:
            if other != lane:
                merge.addAction(other, lambda other=other: s.merge_lanes(lane, other))
        merge.setEnabled(len(self.layout_.lanes) > 1)
        show = menu.addAction("Show all lanes", s.show_all_lanes)
        show.setEnabled(bool(s.session.hidden))
        return menu

    # --- drawing ---------------------------------------------------------------------
    def _setup_plot(self, fg) -> None:
        p = self.plot
        vb = p.getViewBox()
        vb.setMouseEnabled(x=True, y=False)  # wheel and drag move time, never lanes
        vb.setMenuEnabled(False)
        p.setMenuEnabled(False)
        p.hideButtons()
        vb.invertY(True)
        # the date grid as one curve of vertical segments: the axis's own grid (showGrid) costs ~5 ms a frame
        grid = QColor(fg)
        grid.setAlpha(40)
        self.grid = pg.PlotCurveItem(pen=pg.mkPen(grid, width=1), connect="pairs")
        self.grid.setZValue(-5)
        p.addItem(self.grid, ignoreBounds=True)
        vb.sigXRangeChanged.connect(self._update_grid)
        vb.sigResized.connect(self._update_grid)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 9.0))
        for name in ("left", "bottom"):
            ax = p.getAxis(name)
            ax.setPen(fg)
            ax.setTextPen(fg)
            ax.setStyle(tickFont=font)
        p.getAxis("left").setStyle(tickLength=0)
        p.getAxis("bottom").setHeight(QFontMetrics(font).height() + 14)
        vb.setBorder(pg.mkPen(fg))
        p.layout.setContentsMargins(4, 4, 24, 4)  # room for the last date label on the right

    def _update_grid(self, *_) -> None:
        """Vertical lines at the date axis's ticks of the two coarsest levels."""
        vb = self.plot.getViewBox()
        (x0, x1), (y0, y1) = vb.viewRange()
        width = max(vb.width(), 1.0)
        if getattr(self.axis, "fontMetrics", None) is None:  # set by the axis's first paint; needed for its ticks
            self.axis.fontMetrics = QFontMetrics(self.axis.style.get("tickFont") or self.font())
        xs = [x for _spacing, ticks in self.axis.tickValues(x0, x1, width)[:2] for x in ticks if x0 <= x <= x1]
        n = len(xs)
        if not n:
            self.grid.setData([], [])
            return
        gx = np.repeat(np.asarray(xs, float), 2)
        # from above the first lane to below the last: scrolling the lanes needs no new grid
        gy = np.tile([min(y0, y1, 0) - 1, max(y0, y1, self.layout_.height) + 1], n)
        self.grid.setData(gx, gy, connect="pairs")

    def _draw_lanes(self, lay: Layout) -> None:
        left = self.plot.getAxis("left")
        font = left.style.get("tickFont") or self.font()
        names = [short(name, 28) for name in lay.lanes]
        left.set_lanes([(top + bottom) / 2 for top, bottom in zip(lay.lane_top, lay.lane_bottom, strict=True)], names)
        width = max((QFontMetrics(font).horizontalAdvance(n) for n in names), default=40)
        left.setWidth(width + 16)
        # every other lane gets a faint band so the eye follows a lane across the plot
        shade = QColor(self._colors()[1])
        shade.setAlpha(18)
        odd = list(range(1, len(lay.lanes), 2))
        far = 1e6
        self.bands.setOpts(x0=[-far] * len(odd), x1=[far] * len(odd), y0=[lay.lane_top[i] - 0.3 for i in odd],
                           y1=[lay.lane_bottom[i] + 0.3 for i in odd], brush=pg.mkBrush(shade), pen=None)

    def _draw_points(self, lay: Layout) -> None:
        if lay is not self.layout_:
            return  # a newer layout is shown (and draws its own markers)
        ndocs = max(len(self.timeline.documents), 1)
        ncolors = min(ndocs, len(DOCUMENT_COLORS))
        colors = [document_color(k) for k in range(ncolors)]
        # one shared pen/brush per colour and kind: making one per event is the slow part at 10k events
        hollow = pg.mkBrush(self._colors()[0])
        styles = (([pg.mkBrush(c) for c in colors], [pg.mkPen(c.darker(140), width=1) for c in colors]),
                  ([hollow] * ncolors, [pg.mkPen(c, width=2) for c in colors]))
        pts = np.flatnonzero(lay.point)
        for item, mine, (brushes, pens) in zip(self.points, (pts[~lay.implied[pts]], pts[lay.implied[pts]]),
                                               styles, strict=True):
            col = (lay.doc_index[mine] % ncolors).tolist()
            item.setData(x=lay.x0[mine], y=lay.y[mine], brush=[brushes[c] for c in col], pen=[pens[c] for c in col])

    def _draw_bars(self, lay: Layout) -> None:
        ncolors = min(max(len(self.timeline.documents), 1), len(DOCUMENT_COLORS))
        bars = np.flatnonzero(~lay.point)
        col = lay.doc_index[bars] % len(DOCUMENT_COLORS)
        for k, item in enumerate(self.bars):
            mine = bars[col == k] if k < ncolors else bars[:0]
            fill = QColor(document_color(k))
            fill.setAlpha(110)
            # a 1 px cosmetic pen: wider outlines take Qt's slow stroking path (most of a pan frame at 10k events)
            item.setOpts(x0=lay.x0[mine], x1=lay.x1[mine], y=lay.y[mine], height=np.full(len(mine), ROW * 0.6),
                         pen=pg.mkPen(document_color(k), width=1), brush=pg.mkBrush(fill), pens=None, brushes=None)
            item.setVisible(len(mine) > 0)

    def update_labels(self) -> None:
        """Short labels next to events, only when few enough are in view to read them."""
        lay = self.layout_
        (vx0, vx1), (vy0, vy1) = self.plot.getViewBox().viewRange()
        in_view = (lay.x1 >= vx0) & (lay.x0 <= vx1) & (lay.y >= vy0 - ROW) & (lay.y <= vy1 + ROW)
        visible = np.flatnonzero(in_view) if lay.events else []
        wanted = visible if 0 < len(visible) <= MAX_LABELS else []
        fg = self._colors()[1]
        while len(self._labels) < len(wanted):
            item = pg.TextItem(anchor=(0, 0.5), color=fg)
            self.plot.addItem(item)
            self._labels.append(item)
        px = self.plot.getViewBox().viewPixelSize()[0]
        metrics = QFontMetrics(self.font())
        row_end: dict[float, float] = {}  # right end of the last label placed on each row
        used = 0
        for i in sorted(wanted, key=lambda i: lay.x0[i]):
            e = lay.events[i]
            text = short(e.label or e.sentence, LABEL_CHARS)
            width = (metrics.horizontalAdvance(text) + 12) * px
            y = float(lay.y[i])
            x0, x1 = float(lay.x0[i]), float(lay.x1[i])
            anchor = (0, 0.5)
            if not lay.point[i] and min(x1, vx1) - max(x0, vx0) >= width:  # fits inside its bar
                x = max(x0, vx0) + 4 * px
            elif x1 + 8 * px + width <= vx1:
                x = x1 + 8 * px
            elif x0 - 8 * px - width >= vx0:  # no room on the right: write it on the left
                x, anchor = x0 - 8 * px, (1, 0.5)
            else:
                continue  # a clipped label helps nobody
            left = x - width if anchor[0] else x
            if left < row_end.get(y, -np.inf):
                continue  # would cover the previous label on this row
            same_row = np.abs(lay.y - y) < 1e-6
            same_row[i] = False
            if (same_row & (lay.x1 + 6 * px >= left) & (lay.x0 - 6 * px <= left + width)).any():
                continue  # would cover another event
            row_end[y] = max(x, left + width)
            item = self._labels[used]
            used += 1
            item.setAnchor(anchor)
            item.setText(text)
            item.setPos(x, y)
            item.setVisible(True)
        for item in self._labels[used:]:
            item.setVisible(False)

    def _limit(self, lay: Layout) -> None:
        if lay.events:
            lo, hi = float(lay.x0.min()), float(lay.x1.max())
        else:
            lo, hi = -15.0, 15.0
        span = max(hi - lo, 30.0)
        self.plot.getViewBox().setLimits(xMin=lo - 3 * span, xMax=hi + 3 * span, minXRange=1 / 48,
                                         maxXRange=7 * span, yMin=-1, yMax=lay.height + 1)

    def _in_view(self, lay: Layout) -> bool:
        if not lay.events:
            return False
        (vx0, vx1), _ = self.plot.getViewBox().viewRange()
        return bool(((lay.x1 >= vx0) & (lay.x0 <= vx1)).any())

    def _title_text(self) -> str:
        docs = self.timeline.documents
        if not docs:
            return "No articles loaded — drop text files here or use File › Open"
        if len(docs) == 1:
            return short(docs[0].title, 110)
        dates = sorted(d.reference_date for d in docs)
        return f"{len(docs)} articles published {dates[0].isoformat()} – {dates[-1].isoformat()}"

    def _legend_html(self) -> str:
        docs = self.timeline.documents
        if not docs:
            return ""
        parts = []
        for i, d in enumerate(docs[:MAX_LEGEND]):
            color = document_color(i).name()
            parts.append(f'<span style="color:{color}">&#9632;</span>&nbsp;{html.escape(short(d.title, 60))} '
                         f'({d.reference_date.isoformat()})')
        lines = ["&nbsp;&nbsp;&nbsp;&nbsp;".join(parts[k:k + 2]) for k in range(0, len(parts), 2)]
        if len(docs) > MAX_LEGEND:
            lines.append(f"… and {len(docs) - MAX_LEGEND} more articles")
        key = "&#9670; precise date &nbsp; &#9675; date taken from the narrative &nbsp; &#9644; vague span"
        return "<br>".join([key, *lines])

    def _colors(self) -> tuple[QColor, QColor]:
        """Background and foreground: the system palette, or a light page for print."""
        if self._light:
            return QColor("white"), QColor("#202020")
        pal = QApplication.palette()
        return pal.color(QPalette.ColorRole.Base), pal.color(QPalette.ColorRole.Text)

    # --- interaction -----------------------------------------------------------------
    def _index_of(self, event_id: str | None) -> int | None:
        if not event_id:
            return None
        return next((i for i, e in enumerate(self.layout_.events) if e.id == event_id), None)

    def _session_changed(self) -> None:
        self.session.later(self._redraw)  # its own event-loop turn while files load

    def _redraw(self) -> None:
        # placing the events (pure Python) and drawing them take a turn each while files load
        timeline = self.session.timeline
        lay = lay_out(timeline)
        self.session.later(lambda: self._draw(timeline, lay))

    def _draw(self, timeline: Timeline, lay: Layout) -> None:
        self._selected = self.session.selected
        self.show_timeline(timeline, lay)

    def _hovered(self, pos: QPointF) -> None:
        event_id = self.event_at(pos)
        if event_id is None:
            QToolTip.hideText()
            return
        QToolTip.showText(QCursor.pos(), self.tooltip(event_id), self.graphics)

    def tooltip(self, event_id: str) -> str:
        """Rich text: the sentence, the date, how the date was resolved, and the articles of a merged event."""
        e = next(e for e in self.layout_.events if e.id == event_id)
        doc = next((d for d in self.timeline.documents if d.id == e.document), None)
        text = (f"<p style='white-space:pre-wrap; max-width:420px'><b>{html.escape(e.lane)}</b>: "
                f"{html.escape(short(e.sentence, 300))}</p>"
                f"<p><b>{html.escape(date_text(e.time))}</b><br>{html.escape(resolution_text(e, doc))}</p>")
        if len(e.sources) > 1:
            titles = source_titles(e, {d.id: d.title for d in self.timeline.documents})
            text += (f"<p>Reported by {len(titles)} articles:<br>"
                     + "<br>".join(html.escape(short(t, 80)) for t in titles) + "</p>")
        return text

    def _clicked(self, ev) -> None:
        pos = ev.scenePos()
        if ev.button() == Qt.MouseButton.RightButton and self.session is not None:
            event_id = self.event_at(pos)
            if event_id and self.receivers(self.event_menu_requested) > 0:
                self.event_menu_requested.emit(event_id, ev.screenPos().toPoint())
                ev.accept()
                return
            lane = self._lane_at(pos)
            if lane:
                self.lane_menu(lane).exec(ev.screenPos().toPoint())
                ev.accept()
            return
        if ev.button() != Qt.MouseButton.LeftButton:
            return
        if ev.double():
            self.fit()
            return
        event_id = self.event_at(pos)
        if event_id:
            self.event_clicked.emit(event_id)
            if self.session is not None:
                self.session.select(event_id)

    def _lane_at(self, pos: QPointF) -> str | None:
        rect = self.plot.sceneBoundingRect()
        if not rect.contains(pos):
            return None
        return self.layout_.lane_at(self.plot.getViewBox().mapSceneToView(pos).y())

    def _lane_dropped(self, start_y: float, end_y: float) -> None:
        source, target = self.layout_.lane_at(start_y), self.layout_.lane_at(end_y)
        if self.session is not None and source and target and source != target:
            self.session.merge_lanes(source, target)

    def _rename(self, lane: str) -> None:
        name, ok = QInputDialog.getText(self, "Rename lane", f"New name for “{lane}”:", text=lane)
        if ok and name.strip():
            self.session.rename_lane(lane, name.strip())
