"""tag(): find the time expressions of a text and resolve them against a reference date."""

from __future__ import annotations

import bisect
import logging
import re
from datetime import date, datetime, timedelta

from timeline_app.core.model import Timex
from timeline_app.core.temporal import grammar
from timeline_app.core.temporal.calendar import Period
from timeline_app.core.temporal.rules import RULES, TRIGGER, TRIGGER_WORDS, Context, Reading
from timeline_app.core.temporal.rules.base import _narrow
from timeline_app.core.temporal.tense import says_more

logger = logging.getLogger(__name__)

_GRANS_THAT_ANCHOR = {"day", "week", "weekend", "month", "quarter", "half", "season", "year", "time", "part"}


def tag(text: str, reference: date | datetime) -> list[Timex]:
    """Return the time expressions in ``text``, in order, normalised against ``reference``.

    Never raises on any string: a rule that fails on odd input is skipped.
    """
    if not isinstance(text, str) or not text:
        return []
    ref = reference.date() if isinstance(reference, datetime) else reference
    triggers = _triggers(text)
    narrative = _is_narrative(text, ref, triggers.get("year4", ()))
    spans = _choose_spans(text, ref, triggers, narrative)
    ctx = Context(text, ref)
    ctx.narrative = narrative
    out: list[Timex] = []
    for start, end, match, normalise in spans:
        reading = _safe(normalise, match, ctx)
        if reading is None:
            continue
        if reading.span is not None:
            start, end = reading.span
        try:
            out.append(_timex(text, start, end, reading))
        except (ValueError, OverflowError, KeyError):  # bounds past year 9999, a period a rule got wrong
            logger.debug("no bounds for %r", text[start:end], exc_info=True)
            continue
        period = reading.period
        # A date resolved against an earlier one ("a year earlier") is not itself a new anchor:
        # "profit rose from a year earlier ... sales fell from a year earlier" compare with the same period.
        if period is not None and period.gran in _GRANS_THAT_ANCHOR and not reading.value.endswith("_REF") \
                and reading.anchor != "previous":
            ctx.last, ctx.last_at = period, start
            # a report names its own quarter first; later ones ("a fourth-quarter charge") are asides
            if period.gran in ("quarter", "half") and ctx.reported is None and 0 <= (ref - period.day).days < 370:
                ctx.reported = period
        # the year a story is in: a date written in full, and in a history "the following year" too
        if period is not None and period.gran not in ("decade", "century") and (
                reading.anchor == "absolute" or (ctx.narrative and reading.anchor == "previous")):
            ctx.story_year = period.day.year if period.day.year != ref.year else None
            ctx.story_at = start
        if reading.year_to_date:
            ctx.reported = None
    return out


def _is_narrative(text: str, ref: date, years: list[tuple[int, int]]) -> bool:
    """Whether the text tells of other years than its reference date's, as history does and news does not:
    then a yearless date ("in March") belongs to the year the story is in, not to the reference's."""
    far = near = 0
    for start, end in years:
        if end - start == 4:
            year = int(text[start:end])
            if 1000 <= year <= 2100:
                far, near = (far + 1, near) if abs(year - ref.year) > 2 else (far, near + 1)
    return far >= 10 and far >= 10 * near


def _choose_spans(text: str, ref: date, triggers: dict, narrative: bool):
    """All rule matches, keeping the longest where they overlap (a rule that rejects its match loses)."""
    # Acceptance is judged without the narrative: a placeholder "last date" lets anaphoric rules
    # ("that day") through here; the real pass, in text order, drops those with nothing to refer to.
    probe = Context(text, ref)
    probe.last, probe.last_at = Period("day", ref), 0
    probe.narrative = narrative
    candidates = []
    for rule in RULES:
        if rule.narrative_only and not narrative:
            continue
        normalise, pattern = rule.normalise, rule.pattern
        for m in _matches(rule, text, triggers):  # merged windows never overlap: no match comes twice
            start, end = m.span("t") if "t" in pattern.groupindex and m.group("t") else m.span()
            for name in ("t2", "t3", "t4"):
                if name in pattern.groupindex and m.group(name):
                    start, end = m.span(name)
            if end > start:
                candidates.append((start, end, m, normalise, 1))
    composed, ranges = _composed(text, ref, triggers)
    if ranges:  # a range the grammar read ("June 3 to 5") is its two ends, not a rule's reading of the whole
        candidates = [c for c in candidates if not _inside_any(c[0], c[1], ranges)]
    candidates.extend(composed)
    # the longest reading wins; between equally long ones a rule wins over the grammar, unless the grammar's
    # reading is one the rules cannot give ("in ten days" as a date)
    candidates.sort(key=lambda c: (c[0] - c[1], c[0], c[4]))
    starts: list[int] = []  # taken spans, kept sorted; they never overlap one another
    ends: list[int] = []
    chosen = []
    for start, end, m, normalise, _priority in candidates:
        i = bisect.bisect_right(starts, start)
        if (i > 0 and ends[i - 1] > start) or (i < len(starts) and starts[i] < end):
            continue
        if _safe(normalise, m, probe) is None:
            continue
        starts.insert(i, start)
        ends.insert(i, end)
        chosen.append((start, end, m, normalise))
    chosen.sort(key=lambda c: c[0])
    return chosen


def _inside_any(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether [start, end) lies within one of ``spans`` (sorted by start, with the furthest end so far)."""
    i = bisect.bisect_right(spans, (start, float("inf")))
    return i > 0 and spans[i - 1][1] >= end


class _Composed:
    """A time expression the grammar composed, in the shape of a rule's match for the tagger."""

    def __init__(self, text: str, found: grammar.Found, first: grammar.Found | None = None):
        self.text, self.found, self.first = text, found, first

    def group(self) -> str:
        return self.text[self.found.start:self.found.end]


GRAMMAR_PRIORITY = 2
_WINDOW = 48  # how far around a trigger word the grammar reads; a composed expression is never longer
_CHUNK = 400  # and the longest stretch it parses at once, which keeps it linear in dense text


def _composed(text: str, ref: date, triggers: dict) -> tuple[list[tuple], list[tuple[int, int]]]:
    """Candidates from the compositional grammar, read in stretches of text around trigger words, and the
    extents of the ranges among them."""
    spans = sorted(s for kind in triggers.values() for s in kind)
    stretches: list[list[int]] = []
    for start, end in spans:
        lo, hi = max(0, start - _WINDOW), min(len(text), end + _WINDOW)
        if stretches and lo <= stretches[-1][1] and hi - stretches[-1][0] <= _CHUNK:
            stretches[-1][1] = max(hi, stretches[-1][1])
        else:
            stretches.append([lo, hi])
    out, ranges = [], []
    for lo, hi in stretches:
        while lo > 0 and not text[lo - 1].isspace():  # whole words only
            lo -= 1
        while hi < len(text) and not text[hi].isspace():
            hi += 1
        try:
            groups = grammar.parse(text, ref, lo, hi)
        except (ValueError, OverflowError, KeyError, IndexError, TypeError, AttributeError, ZeroDivisionError):
            logger.debug("grammar failed on %r", text[lo:hi], exc_info=True)
            continue
        for group in groups:
            first = group[0] if len(group) == 2 else None
            for found in group:
                # the ends of a range are read together, "in ten days" ahead is a date the rules miss,
                # and a line of times alone (a form, an itinerary) is what the grammar is made for
                # and so are the weeks of a month counted by their Mondays (the value and the bounds agree)
                prefer = first is not None or found.when.mod == "IN" or found.when.start is not None \
                    or not says_more(text, found.start, found.end)
                out.append((found.start, found.end, _Composed(text, found, first if found is not first else None),
                            _composed_reading, 0 if prefer else GRAMMAR_PRIORITY))
            if first is not None:
                ranges.append((first.start, group[1].end))
    ranges.sort()
    furthest = -1
    for k, (lo, hi) in enumerate(ranges):  # each span carries the furthest end of any span starting before it
        furthest = max(furthest, hi)
        ranges[k] = (lo, furthest)
    return out, ranges


_NEW_SENTENCE = re.compile(r"[.!?]\s+[A-Z]|\n")


def _composed_reading(c: _Composed, ctx: Context) -> Reading | None:
    """The reading of a composed expression; a bare clock time falls on the day last named, if it was near."""
    found = c.found
    w = found.when
    last_day = None
    if ctx.last is not None and ctx.last.gran in ("day", "time", "part") and 0 <= found.start - ctx.last_at < 80 \
            and not _NEW_SENTENCE.search(ctx.text, ctx.last_at, found.start):
        last_day = ctx.last.day  # "on Friday ... at 10:00"; a time in the next line or sentence is not that day's
    if w.mod == "IN":  # "in ten days": a date only when it lies ahead
        if ctx.tense(found.start, found.end) != "future":
            return None
        w = grammar.replace(w, mod="")
    story_year = ctx.narrative_year(found.start)
    if story_year is not None and w.year is None and w.month is not None and w.anchor == "absolute":
        w = grammar.replace(w, year=story_year, weekday=None)  # a history's "June 22 at 3 a.m." is in its year
    resolved = grammar.resolve(w, ctx.ref, ctx.text, found.start, found.end, last_day)
    if resolved is None:
        return None
    type_, value, period, anchor, mod = resolved
    if c.first is not None:  # the end of a range lies after its start: "from Friday to Monday"
        start = grammar.resolve(c.first.when, ctx.ref, ctx.text, c.first.start, c.first.end, last_day)
        if start is not None and start[2].day > period.day:
            step = 7 if w.weekday is not None and w.day is None else None
            if step:
                period = Period(period.gran, period.day + timedelta(days=step), period.hour, period.minute,
                                period.part, period.index)
            elif w.year is None and w.month is not None:
                period = period.shift(1, "year")
            elif w.month is None and w.day is not None:  # "24 - 29": the end falls in the start's month or after
                period = period.shift(1, "month")
            value = period.value
        elif start is not None and period.gran == "time" and start[2].gran == "time" and start[2].day == period.day \
                and (period.hour, period.minute) < (start[2].hour, start[2].minute):
            period = period.shift(1, "day")  # "2305-0715": the night through
            value = period.value
    return Reading(type_, value, period, anchor, mod if mod in ("START", "MID", "END") else "",
                   _narrow(period, mod))


def _triggers(text: str) -> dict[str, list[tuple[int, int]]]:
    """Where each class of trigger word occurs."""
    out: dict[str, list[tuple[int, int]]] = {}
    words = TRIGGER_WORDS
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lower-cased
        lowered = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    for m in TRIGGER.finditer(lowered):
        token = m.group()
        if token[0].isdigit() or token == "fy":
            kind = "year4" if len(token) in (2, 4) or token == "fy" else "digit"
        elif token in ("b.c.", "a.d."):
            kind = "anno"
        else:
            kind = words[token]
        out.setdefault(kind, []).append(m.span())
    return out


def _matches(rule, text: str, triggers: dict) -> list:
    """The rule's matches in the stretches of text around its trigger words."""
    left, right = rule.reach
    n = len(text)
    spans = sorted(s for t in rule.triggers for s in triggers.get(t, ()))
    merged: list[list[int]] = []
    for start, end in spans:
        lo, hi = max(0, start - left), min(n, end + right)
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(hi, merged[-1][1])
        else:
            merged.append([lo, hi])
    finditer = rule.pattern.finditer
    return [m for lo, hi in merged for m in finditer(text, lo, hi)]


def _safe(normalise, match, ctx: Context) -> Reading | None:
    try:
        return normalise(match, ctx)
    except (ValueError, OverflowError, KeyError, IndexError, TypeError, AttributeError, ZeroDivisionError) as exc:
        logger.debug("rule %s failed on %r: %s", normalise.__name__, match.group(), exc)
        return None


def _timex(text: str, start: int, end: int, r: Reading) -> Timex:
    earliest = latest = None
    if r.bounds is not None:
        earliest, latest = r.bounds
    elif r.period is not None:
        earliest, latest = r.period.bounds()
    if isinstance(earliest, datetime) and isinstance(latest, datetime):
        pass
    elif isinstance(earliest, datetime) != isinstance(latest, datetime):
        earliest = earliest.date() if isinstance(earliest, datetime) else earliest
        latest = latest.date() if isinstance(latest, datetime) else latest
    return Timex(start, end, text[start:end], r.type, r.value, earliest, latest, r.anchor, r.mod)
