"""tag(): find the time expressions of a text and resolve them against a reference date."""

from __future__ import annotations

import bisect
import logging
from datetime import date, datetime

from timeline_app.core.model import Timex
from timeline_app.core.temporal.calendar import Period
from timeline_app.core.temporal.rules import RULES, TRIGGER, TRIGGER_WORDS, Context, Reading

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
                candidates.append((start, end, m, normalise))
    candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
    starts: list[int] = []  # taken spans, kept sorted; they never overlap one another
    ends: list[int] = []
    chosen = []
    for start, end, m, normalise in candidates:
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
