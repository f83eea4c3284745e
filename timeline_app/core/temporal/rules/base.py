"""What every rule shares: the vocabulary as regex pieces, the registry, Reading, Context and calendar helpers."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from timeline_app.core.patterns import trie_pattern
from timeline_app.core.temporal.calendar import Period
from timeline_app.core.temporal.lexicon import (
    alternation,
    lexicon,
)
from timeline_app.core.temporal.tense import stated_tense, tense

_L = lexicon()

MONTH = alternation([m for m in _L["months"] if len(m) > 3]) + "|" + alternation(
    [m for m in _L["months"] if len(m) <= 4 and m != "may"], r"\.?"
)
MONTH = f"(?:{MONTH}|may)"
WEEKDAY = alternation([d for d in _L["weekdays"] if len(d) > 4])
NUMWORD = alternation([n for n in _L["numbers"] if n not in ("a", "an")])
NUM = rf"(?:(?<![\d,.])(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?(?:\s+\d/\d)?)|(?:{NUMWORD})(?:[\s-](?:{NUMWORD}))?" \
      rf"(?:\s+and\s+a\s+half)?|an?(?:\s+and\s+a\s+half)?|half\s+an?)"
VAGUE = alternation(_L["vague_numbers"])
UNIT = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|century|centuries|weekend)"
UNITS = rf"(?:{UNIT}s?|centuries)"
SEASON = alternation(_L["seasons"])
PART = r"(?:morning|afternoon|evening|night)"
ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
DAYWORD = alternation([w for w, n in _L["ordinals"].items() if 1 <= n <= 31 and not w[0].isdigit()])
YEAR4 = r"(?:1[5-9]\d\d|20\d\d)"
QUAL = r"(?:about|around|approximately|roughly|nearly|almost|some|more\s+than|less\s+than|over|under|at\s+least|" \
       r"at\s+most|up\s+to|just|only|barely|no\s+more\s+than|fewer\s+than|well\s+over)"
AMPM = r"(?:a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b)"
TZ = r"(?:\s+(?:[ECMP][SD]?T|GMT|UTC|BST|CET|CEST|MSK|IST|JST|local\s+time))?"
HOLIDAY = alternation(_L["holidays"])

UNIT_CODE = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "fortnight": "W", "month": "M",
             "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE", "centuries": "CE", "weekend": "WE"}
TIME_UNITS = {"second", "minute", "hour"}
UNIT_GRAN = {"day": "day", "week": "week", "fortnight": "week", "month": "month", "quarter": "quarter",
             "year": "year", "decade": "decade", "century": "century", "weekend": "weekend"}
MOD = {"early": "START", "earlier": "START", "beginning": "START", "start": "START", "mid": "MID", "middle": "MID",
       "late": "END", "later": "END", "end": "END", "the end": "END"}
QUAL_MOD = {"about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
            "nearly": "LESS_THAN", "almost": "LESS_THAN", "some": "APPROX", "more than": "MORE_THAN",
            "less than": "LESS_THAN", "over": "MORE_THAN", "under": "LESS_THAN", "at least": "EQUAL_OR_MORE",
            "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
            "fewer than": "LESS_THAN", "well over": "MORE_THAN"}


@dataclass(frozen=True)
class Reading:
    """What a rule made of a match, before offsets are attached."""

    type: str
    value: str
    period: Period | None = None  # where it sits on the calendar, when it does
    anchor: str = "absolute"  # absolute | reference | previous
    mod: str = ""
    bounds: tuple | None = None  # explicit (earliest, latest) when not the period's own
    span: tuple[int, int] | None = None  # the extent, when narrower than the match
    year_to_date: bool = False  # "the first nine months": a report's period is now the year so far


class Context:
    """What normalisers need to know: the reference date, the text, and the narrative so far."""

    def __init__(self, text: str, reference: date):
        self.text = text
        self.ref = reference
        self.last: Period | None = None  # the last explicitly dated period mentioned
        self.last_at: int = -1  # where it was mentioned
        self.narrative = False  # a story set in other years than the reference's (history, not news)
        self.story_year: int | None = None  # the year of the last date written out in full, when not the reference's
        self.story_at: int = -1
        self.reported: Period | None = None  # the quarter or half a report is about: "the period", "the quarter"

    def narrative_year(self, at: int) -> int | None:
        """The year a story set in another year is telling about ("In 1942 ... In March ..."), if one is near."""
        if self.narrative and self.story_year is not None and at - self.story_at < 600:
            return self.story_year
        return None

    def tense(self, start: int, end: int) -> str:
        """'future' when the verb governing a time expression speaks of what is to come, else 'past'."""
        return tense(self.text, start, end)

    def anchor(self) -> tuple[Period, str]:
        """The period an anaphoric expression ("two days later") counts from."""
        if self.last is not None:
            return self.last, "previous"
        return Period("day", self.ref), "reference"



# Words that every match of a rule contains: the tagger runs a rule only near them, which keeps
# the cost of many rules close to the cost of one pass over the text.
def _trigger_words() -> dict[str, str]:
    table = {
        "month": list(_L["months"]),
        "weekday": list(_L["weekdays"]),
        "season": list(_L["seasons"]),
        "quarter": ["quarter", "quarters", "half", "halves", "q1", "q2", "q3", "q4", "h1", "h2", "period"],
        "yearword": ["year", "years"],
        "unit": [u + s for u in UNIT_CODE for s in ("", "s") if u not in ("quarter", "year")] + ["centuries"]
        + [u + "long" for u in ("hour", "day", "week", "month", "year")],
        "deictic": ["today", "tonight", "yesterday", "tomorrow"],
        "part": ["morning", "afternoon", "evening", "night", "overnight", "noon", "midnight", "midday", "dawn", "dusk",
                 "daybreak", "sunrise", "sunset"],
        "vague": "now currently present presently nowadays moment recent recently lately past future later current "
                 "term".split(),
        "set": "every each daily weekly monthly annually yearly hourly quarterly nightly biweekly".split(),
        "holiday": [h.split()[0].split("'")[0].rstrip(".") for h in _L["holidays"]],
        "era": "sixties seventies eighties nineties century".split(),
        "spelled": ["eighteen", "nineteen", "thousand"],
        "anno": ["bc", "bce", "ad", "ce"],
        # words only the grammar reads (core/temporal/grammar.py)
        "grammar": [w for w in _L["grammar"]["units"] if len(w) <= 4]
        + "tmrw tmr eod eow eom eoq eoy fortnight".split(),
    }
    words: dict[str, str] = {}
    for kind, ws in table.items():
        for w in ws:
            words.setdefault(w, kind)
    return words


TRIGGER_WORDS = _trigger_words()
# Trigger words and numbers; a number of 2 or 4 digits may be a year ("1998", "'90s").
# Matched against the lower-cased text; the look-ahead on first letters skips most words at once.
TRIGGER = re.compile(r"\b(?=[" + "".join(sorted({w[0] for w in TRIGGER_WORDS})) + r"\d])(?:(?:"
                     + trie_pattern(TRIGGER_WORDS) + r")\b|\d+|fy(?=['\u2019]?\d)|b\.c\.|a\.d\.)")
# A rule that names a class also runs near the classes it covers.
TRIGGER_CLASSES = {"unit": ("unit", "quarter", "yearword"), "digit": ("digit", "year4")}

Normaliser = Callable[[re.Match, Context], Reading | None]


@dataclass(frozen=True)
class Rule:
    """A pattern, its normaliser, the trigger classes it needs and how far a match reaches around a trigger."""

    pattern: re.Pattern
    normalise: Normaliser
    triggers: tuple[str, ...]
    reach: tuple[int, int]
    narrative_only: bool = False  # a rule for histories is not run on news


RULES: list[Rule] = []


def rule(pattern: str, *triggers: str, reach: tuple[int, int] = (72, 64), narrative_only: bool = False):
    """Register a normaliser for a pattern (case-insensitive) that only matches near its trigger words."""

    def register(fn):
        classes = tuple(c for t in triggers for c in TRIGGER_CLASSES.get(t, (t,)))
        RULES.append(Rule(re.compile(pattern, re.I), fn, classes, reach, narrative_only))
        return fn

    return register



# ---------------------------------------------------------------- helpers

def _cap(word: str) -> bool:
    """Month and weekday names count only when capitalised ("may" is a verb, "march" a noun)."""
    return word[:1].isupper()


def _year(text: str, ref: date) -> int:
    text = text.strip().lstrip("'’")
    y = int(text)
    if len(text) == 2:
        century = ref.year // 100 * 100
        y = century + y if century + y <= ref.year + 10 else century - 100 + y
    return y


def _day(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _closest_year(month: int, day: int, ctx: Context, start: int, end: int) -> date | None:
    """The year of a yearless date: the occurrence nearest the reference, unless tense says otherwise."""
    ref = ctx.ref
    story = ctx.narrative_year(start)
    if story is not None:
        return _day(story, month, day)
    options = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := _day(y, month, day))]
    if not options:
        return None
    nearest = min(options, key=lambda d: abs((d - ref).days))
    stated = stated_tense(ctx.text, start, end)
    if stated == "future":
        future = [d for d in options if d >= ref - timedelta(days=2)]
        return future[0] if future and (future[0] - ref).days < 300 else nearest
    if stated == "past" and (nearest - ref).days > 45:  # "they met on May 3" in February: last May
        return nearest.replace(year=nearest.year - 1) if _day(nearest.year - 1, month, day) else nearest
    if nearest > ref + timedelta(days=120):
        return nearest.replace(year=nearest.year - 1) if _day(nearest.year - 1, month, day) else nearest
    return nearest


def _month_period(month: int, ctx: Context, start: int, end: int, which: str = "") -> Period:
    ref = ctx.ref
    this = date(ref.year, month, 1)
    if which == "last":
        year = ref.year if month < ref.month else ref.year - 1
    elif which == "next":
        year = ref.year if month > ref.month else ref.year + 1
    elif which == "this":
        year = ref.year
    elif ctx.narrative_year(start) is not None:
        year = ctx.narrative_year(start)
    elif ctx.tense(start, end) == "future":
        year = ref.year if month >= ref.month else ref.year + 1
    else:
        year = ref.year if this <= ref.replace(day=1) or month - ref.month <= 1 else ref.year - 1
    return Period("month", date(year, month, 1))


def _weekday_date(wd: int, ctx: Context, start: int, end: int, which: str = "",
                  told: str = "") -> tuple[date, str]:
    ref = ctx.ref
    delta = wd - ref.isoweekday()
    if which == "last":
        back = (ref.isoweekday() - wd) % 7 or 7
        return ref - timedelta(days=back), "reference"
    if which == "next":
        fwd = (wd - ref.isoweekday()) % 7 or 7
        return ref + timedelta(days=fwd), "reference"
    if which == "this":
        return ref + timedelta(days=delta), "reference"
    story = ctx.last
    if ctx.narrative and story is not None and story.gran in ("day", "time", "part") and start - ctx.last_at < 600:
        # a history moves forward from the day it last named: "On 22 June 1941 ... On Wednesday ..."
        return story.day + timedelta(days=(wd - story.day.isoweekday()) % 7), "previous"
    if (told or ctx.tense(start, end)) == "future":
        return ref + timedelta(days=(wd - ref.isoweekday()) % 7), "reference"
    return ref - timedelta(days=(ref.isoweekday() - wd) % 7), "reference"


def _duration(n: float | None, unit: str) -> str:
    unit = unit.lower().rstrip("s") if unit.lower() != "centuries" else "century"
    code = UNIT_CODE[unit]
    if unit == "fortnight" and n is not None:
        n *= 2
    if n is None:
        amount = "X"
    else:
        if unit == "decade":
            n, code = n * 10, "Y"
        elif unit == "century":
            n, code = n * 100, "Y"
        elif unit == "quarter":
            n, code = n * 3, "M"
        elif unit == "weekend":
            n, code = n * 2, "D"
        if not float(n).is_integer():
            return "P" + ("T" if unit in TIME_UNITS else "") + _fraction(n, code, unit)
        amount = str(int(n))
    return "P" + ("T" if unit in TIME_UNITS else "") + amount + code


def _fraction(n: float, code: str, unit: str = "") -> str:
    """A fractional amount in whole units of the next smaller size: 2.5 years is 2Y6M, 1.5 minutes 1M30S."""
    smaller = {"Y": (12, "M"), "W": (7, "D"), "D": (24, "H"), "H": (60, "M"),
               "M": (60, "S") if unit == "minute" else (30, "D")}
    whole = int(n)
    if code in smaller:
        factor, sub = smaller[code]
        rest = round((n - whole) * factor)
        prefix = f"{whole}{code}" if whole else ""
        if code == "D" and sub == "H":
            return f"{prefix}T{rest}H" if prefix else f"T{rest}H"
        return f"{prefix}{rest}{sub}"  # the caller must not append the unit again
    return f"{n:g}{code}"


def _unit_word(u: str) -> str:
    u = u.lower()
    return "century" if u == "centuries" else u.rstrip("s") if u.endswith("s") and u != "s" else u


def _mod(word: str | None) -> str:
    if not word:
        return ""
    return MOD.get(word.lower().rstrip("-").strip(), "")


def _narrow(period: Period, mod: str) -> tuple | None:
    """Bounds of the early/middle/late part of a period."""
    if mod not in ("START", "MID", "END"):
        return None
    lo, hi = period.bounds()
    span = hi - lo
    third = span / 3
    if mod == "START":
        return lo, lo + third
    if mod == "MID":
        return lo + third, lo + 2 * third
    return hi - third, hi


def _dated(period: Period, anchor: str = "absolute", mod: str = "", type_: str = "DATE") -> Reading:
    return Reading(type_, period.value, period, anchor, mod, _narrow(period, mod))

def _with_span(reading: Reading, span: tuple[int, int]) -> Reading:
    return replace(reading, span=span)


def _near(ctx: Context, at: int) -> bool:
    """Whether the last dated mention is close enough to be what a "year ago" compares with."""
    return ctx.last_at >= 0 and at - ctx.last_at < 300
