"""Place events on lanes and rows: plot coordinates for the timeline view (no drawing here).

x is in days since a local origin (a midnight), so numbers stay small whatever the era
(epoch seconds near 2e9 lose precision in some pyqtgraph items); y grows downwards,
one row per stacked event inside a lane.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

import numpy as np

from timeline_app.core.model import Event, Timeline, lane_order

ROW = 1.0  # height of one stacked row
LANE_GAP = 0.6  # space between lanes
MAX_ROWS = 8  # beyond this, events in a crowded lane share rows rather than make the lane huge
POINT_WIDTH = 1.0  # days a precise (one-day) event occupies when stacking
GAP = 0.3  # days kept free between events sharing a row, so adjacent bars do not read as one


@dataclass
class Layout:
    """Events with their plot coordinates, lanes with their vertical extent."""

    origin: date
    events: list[Event] = field(default_factory=list)
    x0: np.ndarray = field(default_factory=lambda: np.zeros(0))
    x1: np.ndarray = field(default_factory=lambda: np.zeros(0))
    y: np.ndarray = field(default_factory=lambda: np.zeros(0))
    point: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))  # precise: a marker, not a bar
    implied: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))  # time taken from the narrative
    doc_index: np.ndarray = field(default_factory=lambda: np.zeros(0, int))
    lane_index: np.ndarray = field(default_factory=lambda: np.zeros(0, int))
    lanes: list[str] = field(default_factory=list)
    lane_top: list[float] = field(default_factory=list)
    lane_bottom: list[float] = field(default_factory=list)

    @property
    def height(self) -> float:
        return self.lane_bottom[-1] if self.lane_bottom else 1.0

    def x_centre(self) -> np.ndarray:
        return (self.x0 + self.x1) / 2

    def lane_at(self, y: float) -> str | None:
        for name, top, bottom in zip(self.lanes, self.lane_top, self.lane_bottom, strict=True):
            if top - LANE_GAP / 2 <= y < bottom + LANE_GAP / 2:
                return name
        return None


def days(value: date | datetime, origin: date) -> float:
    """Days from the origin's midnight to a date (its midnight) or a datetime."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return (value - datetime(origin.year, origin.month, origin.day)).total_seconds() / 86400
    return float((value - origin).days)


def to_date(x: float, origin: date) -> datetime:
    return datetime(origin.year, origin.month, origin.day) + timedelta(days=float(x))


def lay_out(timeline: Timeline) -> Layout:
    """Lanes ordered by event count (most first, Unattributed last); events stacked so they do not cover each
    other."""
    events = [e for e in timeline.events if e.time.earliest is not None]
    if not events:
        return Layout(origin=date.today())
    origin = min(_as_date(e.time.earliest) for e in events)
    doc_ids = {d.id: i for i, d in enumerate(timeline.documents)}
    counts = Counter(e.lane for e in events)
    lanes = lane_order(counts)
    lane_no = {lane: i for i, lane in enumerate(lanes)}

    n = len(events)
    # plain Python lists, then one numpy conversion: indexing numpy arrays element by element is slow
    base = origin.toordinal()
    xs0, xs1, points = [0.0] * n, [0.0] * n, [False] * n
    for i, e in enumerate(events):
        t = e.time
        latest = t.latest if t.latest is not None else t.earliest
        is_point = points[i] = t.earliest == latest
        a = _ordinal(t.earliest) - base
        # a date covers its whole day; a datetime is an instant
        b = _ordinal(latest) - base + (0.0 if isinstance(latest, datetime) else 1.0)
        if is_point and not isinstance(latest, datetime):
            a = b = a + 0.5  # a one-day event sits at midday
        xs0[i], xs1[i] = a, b
    x0, x1, point = np.array(xs0, float), np.array(xs1, float), np.array(points, bool)
    lane_index = np.array([lane_no[e.lane] for e in events], int)
    rows = _stack(x0, x1, lane_index, len(lanes))

    nrows = np.zeros(len(lanes), int)
    np.maximum.at(nrows, lane_index, rows + 1)
    heights = nrows * ROW
    top_arr = np.concatenate(([0.0], np.cumsum(heights + LANE_GAP)[:-1]))
    y = top_arr[lane_index] + (rows + 0.5) * ROW
    tops, bottoms = top_arr.tolist(), (top_arr + heights).tolist()
    doc_index = np.array([doc_ids.get(e.document, 0) for e in events], int)
    implied = np.array([e.implied_time for e in events], bool)
    return Layout(origin, events, x0, x1, y, point, implied, doc_index, lane_index, lanes, tops, bottoms)


def _stack(x0: np.ndarray, x1: np.ndarray, lane_index: np.ndarray, nlanes: int) -> np.ndarray:
    """Greedy interval packing per lane: each event takes the first row free at its start."""
    n = len(x0)
    rows = [0] * n
    order = np.lexsort((x0, lane_index)).tolist()
    xs0, xs1, lanes = x0.tolist(), x1.tolist(), lane_index.tolist()
    half = POINT_WIDTH / 2
    ends: list[float] = []
    current = -1
    for i in order:
        if lanes[i] != current:
            current, ends = lanes[i], []
        a, b = xs0[i], xs1[i]
        start = a - half if a == b else a
        end = max(b, a + half)
        limit = start - GAP
        for r, e in enumerate(ends):
            if e <= limit:
                row = r
                break
        else:
            if len(ends) < MAX_ROWS:
                row = len(ends)
                ends.append(end)
            else:
                row = ends.index(min(ends))
        if end > ends[row]:
            ends[row] = end
        rows[i] = row
    return np.array(rows, int)


def _ordinal(value: date | datetime) -> float:
    """Days since 0001-01-01 (a fraction for a datetime, in UTC when it has a zone)."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.toordinal() + (value.hour * 3600 + value.minute * 60 + value.second
                                    + value.microsecond / 1e6) / 86400
    return float(value.toordinal())


def _as_date(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value
