"""A date axis for plots whose x is in days since a local origin."""

from __future__ import annotations

import calendar
from datetime import date

import pyqtgraph as pg
from pyqtgraph.graphicsItems import DateAxisItem as _dates

DAY = 86400.0

# pyqtgraph's levels, with the year on month ticks and the month on day ticks: a reader zoomed
# into one week still sees which month and year it is.
_MONTH_DAY = _dates.ZoomLevel([
    _dates.TickSpec(_dates.MONTH_SPACING, _dates.makeMStepper(1), "%b %Y"),
    _dates.TickSpec(_dates.DAY_SPACING, _dates.makeSStepper(_dates.DAY_SPACING), "%d", autoSkip=[1, 5]),
], "MMM")
_DAY_HOUR = _dates.ZoomLevel([
    _dates.TickSpec(_dates.DAY_SPACING, _dates.makeSStepper(_dates.DAY_SPACING), "%a %d %b %Y"),
    _dates.TickSpec(_dates.HOUR_SPACING, _dates.makeSStepper(_dates.HOUR_SPACING), "%H:%M", autoSkip=[1, 6]),
], "MMM 00")
_HOUR_MINUTE = _dates.ZoomLevel([
    _dates.TickSpec(_dates.DAY_SPACING, _dates.makeSStepper(_dates.DAY_SPACING), "%a %d %b %Y"),
    _dates.TickSpec(_dates.MINUTE_SPACING, _dates.makeSStepper(_dates.MINUTE_SPACING), "%H:%M",
                    autoSkip=[1, 5, 15]),
], "MMM 00")


class OriginDateAxis(pg.DateAxisItem):
    """pg.DateAxisItem (decades down to minutes) for x = days since ``origin``, shown in UTC."""

    def __init__(self, origin: date | None = None, **kwargs):
        super().__init__(orientation="bottom", utcOffset=0, **kwargs)
        self._spacing_seconds: dict[float, float] = {}
        levels = list(self.zoomLevels.items())
        # years/months, months/days, days/hours, hours/minutes; no seconds: events are not that precise
        self.zoomLevels = dict([levels[0], (levels[1][0], _MONTH_DAY), (levels[2][0], _DAY_HOUR),
                                (levels[3][0], _HOUR_MINUTE)])
        self.set_origin(origin or date(2000, 1, 1))

    def set_origin(self, origin: date) -> None:
        self.origin = origin
        self._origin_s = float(calendar.timegm(origin.timetuple()))
        self.picture = None
        self.update()

    def linkToView(self, view):
        # DateAxisItem would set x limits in epoch seconds; our x is days, so the view sets its own limits.
        self._linkToView_internal(view)

    def tickValues(self, minVal, maxVal, size):
        specs = super().tickValues(minVal * DAY + self._origin_s, maxVal * DAY + self._origin_s, size)
        # A coarse label ("Sep 2017") is wider than a fine one ("24"): drop fine ticks it would collide with.
        metrics = getattr(self, "fontMetrics", None)
        label_px = metrics.horizontalAdvance("Wed 00 Sep 0000") if metrics is not None else 110
        per_px = (maxVal - minVal) / max(size, 1)
        out, coarse = [], []
        for spacing, ticks in specs:
            spacing_days = spacing / DAY
            self._spacing_seconds[spacing_days] = spacing
            days = [(t - self._origin_s) / DAY for t in ticks]
            if coarse:
                room = label_px * 0.6 * per_px
                days = [d for d in days if all(abs(d - c) > room for c in coarse)]
            coarse.extend(days)
            out.append((spacing_days, days))
        return out

    def tickStrings(self, values, scale, spacing):
        seconds = [v * DAY + self._origin_s for v in values]
        return super().tickStrings(seconds, scale, self._spacing_seconds.get(spacing, spacing * DAY))
