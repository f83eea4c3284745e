"""Calendar values at a granularity (a day, a week, a quarter...) and their TIMEX3 form.

A ``Period`` is a stretch of the calendar named at one granularity, such as
"the ISO week 2017-W38" or "the third quarter of 1989". It knows its TIMEX3
value and the first and last day it covers, and can be shifted by whole units.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
PART_OF_DAY_HOURS = {"MO": (6, 11), "MI": (11, 13), "AF": (12, 17), "EV": (17, 21), "NI": (20, 23)}


@dataclass(frozen=True)
class Period:
    """A calendar period: ``day`` is its first day; ``gran`` says how long it is."""

    gran: str  # day week weekend month quarter half season year decade century time part
    day: date
    hour: int = 0
    minute: int = 0
    part: str = ""  # season code (SP..) or part of day (MO, AF, EV, NI)
    index: int = 0  # quarter (1-4) or half (1-2)

    @property
    def value(self) -> str:
        """The TIMEX3 value string."""
        d = self.day
        g = self.gran
        if g == "day":
            return d.isoformat()
        if g == "time":
            return f"{d.isoformat()}T{self.hour:02d}:{self.minute:02d}"
        if g == "part":
            return f"{d.isoformat()}T{self.part}"
        if g == "week":
            y, w, _ = d.isocalendar()
            return f"{y}-W{w:02d}"
        if g == "weekend":
            y, w, _ = d.isocalendar()
            return f"{y}-W{w:02d}-WE"
        if g == "month":
            return f"{d.year}-{d.month:02d}"
        if g == "quarter":
            return f"{d.year}-Q{self.index}"
        if g == "half":
            return f"{d.year}-H{self.index}"
        if g == "season":
            return f"{d.year}-{self.part}"
        if g == "year":
            return f"{d.year:04d}"
        if g == "decade":
            return f"{d.year // 10:03d}"
        if g == "century":
            return f"{d.year // 100:02d}"
        raise ValueError(g)

    def bounds(self) -> tuple[date | datetime, date | datetime]:
        """First and last instant (inclusive) the period covers."""
        d, g = self.day, self.gran
        if g == "day":
            return d, d
        if g == "time":
            t = datetime(d.year, d.month, d.day, self.hour % 24, self.minute)
            if self.hour == 24:
                t += timedelta(days=1)
            return t, t
        if g == "part":
            lo, hi = PART_OF_DAY_HOURS.get(self.part, (0, 23))
            return datetime(d.year, d.month, d.day, lo), datetime(d.year, d.month, d.day, hi, 59)
        if g == "week":
            monday = d - timedelta(days=d.weekday())
            return monday, monday + timedelta(days=6)
        if g == "weekend":
            saturday = d - timedelta(days=d.weekday()) + timedelta(days=5)
            return saturday, saturday + timedelta(days=1)
        if g == "month":
            return d.replace(day=1), d.replace(day=calendar.monthrange(d.year, d.month)[1])
        if g == "quarter":
            m = 3 * (self.index - 1) + 1
            return date(d.year, m, 1), _month_end(d.year, m + 2)
        if g == "half":
            m = 6 * (self.index - 1) + 1
            return date(d.year, m, 1), _month_end(d.year, m + 5)
        if g == "season":
            first, last = SEASON_MONTHS[self.part]
            if self.part == "WI":  # winter of Y: December Y to February Y+1
                return date(d.year, 12, 1), _month_end(d.year + 1, 2)
            return date(d.year, first, 1), _month_end(d.year, last)
        if g == "year":
            return date(d.year, 1, 1), date(d.year, 12, 31)
        if g == "decade":
            y = d.year // 10 * 10
            return date(y, 1, 1), date(y + 9, 12, 31)
        if g == "century":
            y = max(1, d.year // 100 * 100)
            return date(y, 1, 1), date(y + 99, 12, 31)
        raise ValueError(g)

    def shift(self, n: int, unit: str | None = None) -> Period:
        """Move by n units (default: the period's own granularity)."""
        unit = unit or self.gran
        d = self.day
        if unit in ("day", "time", "part"):
            return replace(self, day=d + timedelta(days=n))
        if unit in ("week", "weekend"):
            return replace(self, day=d + timedelta(weeks=n))
        if unit == "month":
            return replace(self, day=add_months(d, n))
        if unit == "quarter":
            q = (d.year * 4 + (self.index or (d.month - 1) // 3 + 1) - 1) + n
            if self.gran == "quarter":
                return replace(self, day=date(q // 4, 3 * (q % 4) + 1, 1), index=q % 4 + 1)
            return replace(self, day=add_months(d, 3 * n))
        if unit == "half":
            h = d.year * 2 + self.index - 1 + n
            return replace(self, day=date(h // 2, 6 * (h % 2) + 1, 1), index=h % 2 + 1)
        if unit in ("year", "season"):
            return replace(self, day=_add_years(d, n))
        if unit == "decade":
            return replace(self, day=_add_years(d, 10 * n))
        if unit == "century":
            return replace(self, day=_add_years(d, 100 * n))
        raise ValueError(unit)

    def coarsen(self, gran: str) -> Period:
        """The period of granularity ``gran`` that contains this one's first day."""
        d = self.day
        if gran == "quarter":
            return Period("quarter", d, index=(d.month - 1) // 3 + 1)
        if gran == "half":
            return Period("half", d, index=(d.month - 1) // 6 + 1)
        if gran == "season":  # winter is December to February, and belongs to the year it starts in
            part = "WI SP SP SP SU SU SU FA FA FA WI WI".split()[d.month - 1]
            year = d.year - 1 if d.month <= 2 else d.year
            return Period("season", date(year, 1, 1), part=part)
        return Period(gran, d)


def _month_end(year: int, month: int) -> date:
    if month > 12:
        year, month = year + 1, month - 12
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(d: date, n: int) -> date:
    m = d.year * 12 + d.month - 1 + n
    y, m = divmod(m, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _add_years(d: date, n: int) -> date:
    y = min(max(d.year + n, 1), 9999)
    return date(y, d.month, min(d.day, calendar.monthrange(y, d.month)[1]))


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (1-based; -1 for last) weekday (0=Monday) of a month."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = _month_end(year, month)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month, day = divmod(h + ll - 7 * m + 114, 31)
    return date(year, month, day + 1)
