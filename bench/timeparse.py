"""timeparse-en (ctparse's Time Parse Dataset, MIT): everyday time phrases with a reference time and a human parse.

Every system is scored from the TIMEX3 values it gives, so that tag(), HeidelTime and dateparser are judged
alike. A phrase is right when the time it names matches the gold at the gold's grain:

- ``Time[]{2017-05-19 X:X (X/noon)}``: the date, plus the part of day (or 12:00 for noon);
- ``Time[]{2017-10-11 08:30 (X/X)}``: the date and the clock time;
- ``Interval[]{A - B}``: both ends, each as above (an end with no date takes the start's); a week's value
  ("2017-W36") is the interval from its Monday to its Sunday;
- ``Duration[]{2 nights}``: a DURATION of that many days.

The values a system gives for one phrase are read in order: a time with no date takes the last date named
("Monday 27 November between 16:00 and 21:00"), and neighbouring values that agree are one point. A Time is
the first point found; an Interval the first and the last.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "timeparse" / "timeparse_corpus.json"

# ctparse's parts of day, as the TIMEX3 part-of-day codes they correspond to
PARTS = {"earlymorning": "MO", "morning": "MO", "forenoon": "MO", "afternoon": "AF", "lateafternoon": "AF",
         "evening": "EV", "lateevening": "EV", "night": "NI", "latenight": "NI", "noon": "12:00"}

_GOLD_POINT = re.compile(r"(\w+)-(\w+)-(\w+) (\w+):(\w+) \((\w+)/(\w+)\)")
_VALUE = re.compile(r"^(\d{4}|X{4})-(\d\d|XX)-(\d\d|XX)(?:T(?:(\d\d):(\d\d)(?::\d\d)?|(MO|AF|EV|NI|DT|MI)))?")
_TIME_ONLY = re.compile(r"^(?:X{4}-XX-XX)?T(?:(\d\d):(\d\d)|(MO|AF|EV|NI|DT|MI))")


@dataclass(frozen=True)
class Point:
    """A date with an optional clock time or part of day; None where unknown."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    clock: str | None = None  # "HH:MM"
    part: str | None = None  # MO, AF, EV, NI

    @property
    def dated(self) -> bool:
        return self.day is not None

    @property
    def timed(self) -> bool:
        return self.clock is not None or self.part is not None


def load(path: Path = CORPUS, language: str = "en") -> list[dict]:
    """The phrases of one language: text, ref (YYYY-MM-DDTHH:MM:SS) and gold (the parsed gold)."""
    items = json.loads(path.read_text(encoding="utf-8"))
    return [{"text": x["text"], "ref": x["ref_time"], "gold": parse_gold(x["gold_parse"])}
            for x in items if x["language"] == language]


def parse_gold(s: str) -> tuple:
    """('time', Point) | ('interval', Point | None, Point | None) | ('duration', days)."""
    if s.startswith("Duration"):
        return ("duration", int(re.search(r"\{(\d+)", s).group(1)))
    points = []
    for y, mo, d, h, mi, _dow, tod in _GOLD_POINT.findall(s):
        clock = f"{int(h):02d}:{int(mi):02d}" if h != "X" else None
        part = PARTS.get(tod)
        if part == "12:00":
            clock, part = clock or "12:00", None
        points.append(Point(_int(y), _int(mo), _int(d), clock, part))
    if s.startswith("Interval"):
        ends = re.search(r"\{(.*)\}", s).group(1).split(" - ")
        start = points.pop(0) if ends[0].strip() != "None" else None
        end = points.pop(0) if len(ends) > 1 and ends[1].strip() != "None" else None
        return ("interval", start, end)
    return ("time", points[0])


def _int(s: str) -> int | None:
    return None if s == "X" else int(s)


def _point(value: str) -> Point | None:
    m = _VALUE.match(value)
    if m:
        y, mo, d, h, mi, part = m.groups()
        return Point(_int(y.replace("XXXX", "X")), _int(mo.replace("XX", "X")), _int(d.replace("XX", "X")),
                     f"{h}:{mi}" if h else ("12:00" if part == "MI" else None),
                     part if part in ("MO", "AF", "EV", "NI") else None)
    m = _TIME_ONLY.match(value)
    if m:
        h, mi, part = m.groups()
        return Point(clock=f"{h}:{mi}" if h else None, part=part if part in ("MO", "AF", "EV", "NI") else None)
    return None


def points(timexes: list[dict]) -> list[Point]:
    """The endpoints a system's DATE/TIME values name, in order (see the module's docstring).

    A time with no date takes the last date named, and neighbours that agree wherever both are set are one
    point ("Thursday" "16.11.2017" "6:30am"); a disagreement starts the next point (the end of a range).
    """
    out: list[Point] = []
    last_date: Point | None = None
    for t in timexes:
        p = _point(t["value"]) if t["type"] in ("DATE", "TIME") else None
        if p is None:
            continue
        if not p.dated and last_date is not None:
            p = Point(last_date.year, last_date.month, last_date.day, p.clock, p.part)
        if p.dated:
            last_date = p
        if out and _agree(out[-1], p):
            out[-1] = Point(*(a if a is not None else b for a, b in zip(_fields(out[-1]), _fields(p), strict=True)))
        else:
            out.append(p)
    return out


def _fields(p: Point) -> tuple:
    return (p.year, p.month, p.day, p.clock, p.part)


def _agree(a: Point, b: Point) -> bool:
    return all(x is None or y is None or x == y for x, y in zip(_fields(a), _fields(b), strict=True))


def _week_as_interval(timexes: list[dict]) -> list[Point]:
    """A week's value ("2017-W36") names the interval from its Monday to its Sunday."""
    for t in timexes:
        m = re.fullmatch(r"(\d{4})-W(\d\d)", t["value"])
        if m:
            monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            sunday = monday + timedelta(days=6)
            return [Point(monday.year, monday.month, monday.day), Point(sunday.year, sunday.month, sunday.day)]
    return []


def matches(gold: Point | None, got: Point | None) -> bool:
    """Whether ``got`` is the gold point at the gold's grain."""
    if gold is None or got is None:
        return gold is got
    for field in ("year", "month", "day"):
        want = getattr(gold, field)
        if want is not None and getattr(got, field) != want:
            return False
    if gold.clock is not None and got.clock != gold.clock:
        return False
    if gold.clock is None and gold.part is not None and got.part != gold.part:
        return False
    return True


def correct(gold: tuple, timexes: list[dict]) -> bool:
    """Whether a system's timexes for one phrase give the gold parse."""
    if gold[0] == "duration":
        return any(t["type"] == "DURATION" and re.fullmatch(rf"P{gold[1]}(D|NI?)", t["value"]) for t in timexes)
    found = points(timexes)
    if gold[0] == "interval" and len(found) < 2:
        found = _week_as_interval(timexes) or found
    if gold[0] == "time":
        return bool(found) and matches(gold[1], found[0])
    _, start, end = gold
    if start is None or end is None:  # an open interval ("after 6pm"): its one end
        return bool(found) and matches(start or end, found[0])
    if len(found) < 2:
        return False
    return matches(start, found[0]) and matches(end, found[-1])
