"""Recognition rules: regular expressions for English time expressions, each with its normaliser.

Every rule is a compiled pattern plus a function that turns a match into a
``Reading`` (type, value, period, anchor, mod), or None to reject the match.
The extent of a time expression is the group named ``t`` when a pattern
matches context around it (a preposition, a following noun), else the match.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from timeline_app.core.temporal.calendar import Period, add_months, easter, nth_weekday
from timeline_app.core.temporal.lexicon import (
    alternation,
    lexicon,
    month_number,
    number_value,
    trie_pattern,
    weekday_number,
)

_L = lexicon()

MONTH = alternation([m for m in _L["months"] if len(m) > 3]) + "|" + alternation(
    [m for m in _L["months"] if len(m) <= 4 and m != "may"], r"\.?"
)
MONTH = f"(?:{MONTH}|may)"
WEEKDAY = alternation([d for d in _L["weekdays"] if len(d) > 4])
NUMWORD = alternation([n for n in _L["numbers"] if n not in ("a", "an")])
NUM = rf"(?:\d+(?:\.\d+)?(?:\s+\d/\d)?|(?:{NUMWORD})(?:[\s-](?:{NUMWORD}))?|an?|half\s+an?)"
VAGUE = alternation(_L["vague_numbers"])
UNIT = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|century|centuries|weekend)"
UNITS = rf"(?:{UNIT}s?|centuries)"
SEASON = alternation(_L["seasons"])
PART = r"(?:morning|afternoon|evening|night)"
ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
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

    def narrative_year(self, at: int) -> int | None:
        """The year a story set in another year is telling about ("In 1942 ... In March ..."), if one is near."""
        if self.narrative and self.story_year is not None and at - self.story_at < 600:
            return self.story_year
        return None

    def tense(self, start: int, end: int) -> str:
        """'future' when the clause around a time expression speaks of what is to come, else 'past'."""
        lo = max(0, start - 70)
        hi = min(len(self.text), end + 30)
        left = self.text[lo:start]
        cut = max(left.rfind(". "), left.rfind("\n"), left.rfind("; "), left.rfind('"'))
        right = self.text[end:hi]
        for stop in (". ", ", ", "; ", '"'):
            right = right.split(stop)[0]
        window = (left[cut + 1:] if cut >= 0 else left) + " " + right
        return "future" if _FUTURE.search(window) else "past"

    def anchor_for(self, start: int) -> tuple[Period, str]:
        """The period an anaphoric expression ("two days later") counts from."""
        if self.last is not None:
            return self.last, "previous"
        return Period("day", self.ref), "reference"


_FUTURE = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in lexicon()["future_cues"]) + r")\b", re.I)

# Words that every match of a rule contains: the tagger runs a rule only near them, which keeps
# the cost of many rules close to the cost of one pass over the text.
def _trigger_words() -> dict[str, str]:
    table = {
        "month": list(_L["months"]),
        "weekday": list(_L["weekdays"]),
        "season": list(_L["seasons"]),
        "quarter": ["quarter", "quarters", "half", "halves", "q1", "q2", "q3", "q4", "h1", "h2"],
        "yearword": ["year", "years"],
        "unit": [u + s for u in UNIT_CODE for s in ("", "s") if u not in ("quarter", "year")] + ["centuries"],
        "deictic": ["today", "tonight", "yesterday", "tomorrow"],
        "part": ["morning", "afternoon", "evening", "night", "overnight", "noon", "midnight", "midday"],
        "vague": "now currently present presently nowadays moment recent recently lately past previously formerly "
                 "future soon shortly later current former term".split(),
        "set": "every each daily weekly monthly annually yearly hourly quarterly nightly biweekly".split(),
        "holiday": [h.split()[0].split("'")[0].rstrip(".") for h in _L["holidays"]],
        "era": "sixties seventies eighties nineties century".split(),
        "spelled": ["eighteen", "nineteen", "thousand"],
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
                     + trie_pattern(TRIGGER_WORDS) + r")\b|\d+)")
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


RULES: list[Rule] = []


def rule(pattern: str, *triggers: str, reach: tuple[int, int] = (72, 64)):
    """Register a normaliser for a pattern (case-insensitive) that only matches near its trigger words."""

    def register(fn):
        classes = tuple(c for t in triggers for c in TRIGGER_CLASSES.get(t, (t,)))
        RULES.append(Rule(re.compile(pattern, re.I), fn, classes, reach))
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
    if ctx.tense(start, end) == "future":
        future = [d for d in options if d >= ref - timedelta(days=2)]
        return future[0] if future and (future[0] - ref).days < 300 else nearest
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


def _weekday_date(wd: int, ctx: Context, start: int, end: int, which: str = "") -> tuple[date, str]:
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
    if ctx.tense(start, end) == "future":
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
            return "P" + ("T" if unit in TIME_UNITS else "") + _fraction(n, code)
        amount = str(int(n))
    return "P" + ("T" if unit in TIME_UNITS else "") + amount + code


def _fraction(n: float, code: str) -> str:
    smaller = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "H"), "H": (60, "M")}
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


# ---------------------------------------------------------------- absolute dates

@rule(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<h>\d{2}):(?P<mi>\d{2})(?::\d{2})?)?\b", "digit")
def _iso(m, ctx):
    d = _day(int(m["y"]), int(m["m"]), int(m["d"]))
    if d is None:
        return None
    if m["h"] and int(m["h"]) < 24 and int(m["mi"]) < 60:
        return _dated(Period("time", d, int(m["h"]), int(m["mi"])), type_="TIME")
    return _dated(Period("day", d))


@rule(r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/]|\.\d)", "digit")
def _numeric(m, ctx):
    a, b = int(m["a"]), int(m["b"])
    if m["sep"] == "." and len(m["y"]) == 2:
        return None  # "3.5.10" is more often a version or a score than a date
    month, day = (b, a) if a > 12 or m["sep"] == "." else (a, b)
    d = _day(_year(m["y"], ctx.ref), month, day)
    return _dated(Period("day", d)) if d else None


@rule(rf"\b(?:(?P<wd>{WEEKDAY}|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?),?\s+(?:the\s+)?)?"
      rf"(?P<mon>{MONTH})\s+(?P<d>{DAYNUM})(?!\d|:\d|\s*(?:%|percent|a\.m|p\.m))"
      rf"(?:(?:,\s*|\s+)(?P<y>{YEAR4}|'\d\d)(?!\d))?", "month")
def _month_day(m, ctx):
    if not _cap(m["mon"]):
        return None
    month, day = month_number(m["mon"]), int(re.match(r"\d+", m["d"]).group())
    if m["y"]:
        d = _day(_year(m["y"], ctx.ref), month, day)
    else:
        d = _closest_year(month, day, ctx, m.start(), m.end())
        if d is not None and m["wd"] and m["wd"][:1].isupper():
            d = _agreeing_weekday(d, weekday_number(m["wd"]))
    if d is None:
        return None
    return _dated(Period("day", d), "absolute" if m["y"] else "reference")


def _agreeing_weekday(d: date, weekday: int) -> date:
    """ "Monday, Oct. 26" without a year: the nearby year in which Oct. 26 is a Monday, if there is one."""
    for years in (0, -1, 1, -2, 2):
        candidate = _day(d.year + years, d.month, d.day)
        if candidate is not None and candidate.isoweekday() == weekday:
            return candidate
    return d


@rule(rf"\b(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>{DAYNUM})(?:\s+of)?\s+(?P<mon>{MONTH})"
      rf"(?:,?\s+(?P<y>{YEAR4}))?(?!\w)", "month")
def _day_month(m, ctx):
    if not _cap(m["mon"]) or not (m["y"] or m["d"][-1:].isalpha() or m["wd"] or not m["d"].isdigit() or True):
        return None
    month, day = month_number(m["mon"]), int(re.match(r"\d+", m["d"]).group())
    d = _day(_year(m["y"], ctx.ref), month, day) if m["y"] else _closest_year(month, day, ctx, m.start(), m.end())
    if d is None:
        return None
    return _dated(Period("day", d), "absolute" if m["y"] else "reference")


@rule(rf"\b(?:(?P<mod>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|the\s+start\s+of)[\s-]+)?"
      rf"(?P<mon>{MONTH})(?:\s+of)?,?\s+(?P<y>{YEAR4})(?!\d)", "month")
def _month_year(m, ctx):
    if not _cap(m["mon"]):
        return None
    mod = _mod(re.sub(r"^the\s+|\s+of$", "", (m["mod"] or "").lower()))
    return _dated(Period("month", date(int(m["y"]), month_number(m["mon"]), 1)), mod=mod)


@rule(rf"\b(?:(?P<mod>early|mid|late|the\s+end\s+of|the\s+middle\s+of|the\s+beginning\s+of)[\s-]+)?"
      rf"(?:(?P<which>last|this|next|(?:this|last|next)\s+year's)\s+)?"
      rf"(?P<mon>{MONTH})(?!\.?\s*\d)(?P<tail>\s+(?:this|last|next)\s+year)?\b", "month")
def _month_alone(m, ctx):
    word = m["mon"]
    if not _cap(word) or word.lower().rstrip(".") in ("may", "mar", "jan", "jun", "jul", "sep", "dec", "oct", "nov"):
        if not (_cap(word) and (m["mod"] or m["which"] or m["tail"] or _month_context(ctx.text, m.start("mon")))):
            return None
    if not _cap(word):
        return None
    month = month_number(word)
    which = (m["which"] or "").split()[0].lower() if m["which"] else ""
    tail = (m["tail"] or "").split()
    if tail:
        year = ctx.ref.year + {"this": 0, "last": -1, "next": 1}[tail[0].lower()]
        period = Period("month", date(year, month, 1))
    elif which and "year" in (m["which"] or ""):
        year = ctx.ref.year + {"this": 0, "last": -1, "next": 1}[which]
        period = Period("month", date(year, month, 1))
    else:
        period = _month_period(month, ctx, m.start(), m.end(), which)
    return _dated(period, "reference", _mod(re.sub(r"^the\s+|\s+of$", "", (m["mod"] or "").lower())))


def _month_context(text: str, at: int) -> bool:
    """A bare month name counts after a preposition that takes a time ("in May", "since March")."""
    before = text[max(0, at - 12):at].lower()
    return bool(re.search(r"\b(?:in|since|until|till|by|during|through|from|to|of|before|after|early|late|mid)\s+$",
                          before))


@rule(rf"\b(?:the\s+)?(?:(?P<mod>early|mid|late|the\s+end\s+of|the\s+beginning\s+of)[\s-]+)?"
      rf"(?P<which>this|last|next|past|coming|previous)?\s*(?P<s>{SEASON})(?:(?:\s+of)?\s+(?P<y>{YEAR4}))?\b", "season")
def _season(m, ctx):
    code = _L["seasons"][m["s"].lower()]
    which = (m["which"] or "").lower()
    if not (which or m["y"] or re.search(r"\b(?:in|during|this|the|by|since|until|over)\s+(?:the\s+)?$",
                                         ctx.text[max(0, m.start() - 12):m.start()].lower()) or m["mod"]):
        return None
    ref = ctx.ref
    if m["y"]:
        year, anchor = int(m["y"]), "absolute"
    else:
        anchor = "reference"
        current = _season_of(ref)
        order = ["WI", "SP", "SU", "FA"]
        if which in ("last", "past", "previous"):
            year = ref.year if order.index(code) < order.index(current) else ref.year - 1
        elif which in ("next", "coming"):
            year = ref.year if order.index(code) > order.index(current) else ref.year + 1
        else:
            year = ref.year
    return _dated(Period("season", date(year, 1, 1), part=code), anchor, _mod(m["mod"]))


def _season_of(d: date) -> str:
    return {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(d.month, "FA")


_NOT_YEAR_AFTER = re.compile(
    r"\s*(?:%|percent|people|persons|men|women|children|troops|soldiers|jets?|planes?|cars?|shares|votes|"
    r"members|units|tons|barrels|acres|miles|km|kilometers|feet|meters|homes|workers|employees|jobs|cases|"
    r"points|pounds|yards|dollars|euros|copies|[a-z]+-(?:year|day)-old)\b",
    re.I,
)


@rule(rf"(?<![\d$€£.,:/#-])(?:(?P<fiscal>fiscal(?:\s+year)?|FY|the\s+year|calendar)\s+)?"
      rf"(?:(?P<mod>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of)[\s-]+)?"
      rf"(?P<y>{YEAR4})(?![\d,.]\d|\s*[-–]\s*\d|%|s\b|'s\b)", "year4")
def _year_alone(m, ctx):
    if _NOT_YEAR_AFTER.match(ctx.text, m.end()):
        return None
    before = ctx.text[max(0, m.start() - 4):m.start()]
    if re.search(r"(?:No\.|#)\s*$", before):
        return None
    mod = _mod(re.sub(r"^the\s+|\s+of$", "", (m["mod"] or "").lower()))
    return _dated(Period("year", date(int(m["y"]), 1, 1)), mod=mod)


@rule(r"\b(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<c>1[5-9]|20)(?P<d>\d)0s|'(?P<d2>\d)0s)\b"
      r"|\bthe\s+(?:(?P<mod2>early|mid|late)[\s-]+)?(?P<w>sixties|seventies|eighties|nineties)\b", "year4", "era")
def _decade(m, ctx):
    words = {"sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9}
    if m["w"]:
        year = 1900 + 10 * words[m["w"].lower()]
    elif m["d2"]:
        year = 1900 + 10 * int(m["d2"])
        if year + 100 <= ctx.ref.year - 80:
            year += 100
    else:
        year = int(m["c"]) * 100 + int(m["d"]) * 10
    return _dated(Period("decade", date(year, 1, 1)), mod=_mod(m["mod"] or m["mod2"]))


@rule(r"\b(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<n>\d{1,2})(?:st|nd|rd|th)\s+century\b"
      r"|\b(?:the\s+)?(?P<w>nineteenth|twentieth|twenty-first|eighteenth)\s+century\b", "era", "unit")
def _century(m, ctx):
    n = int(m["n"]) if m["n"] else {"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21}[
        m["w"].lower()]
    if not 1 <= n <= 30:
        return None
    return _dated(Period("century", date(max(1, (n - 1) * 100), 1, 1)), mod=_mod(m["mod"]))


_TENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|" \
    r"forty|fifty|sixty|seventy|eighty|ninety)"
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_SPELLED_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
_SPELLED_NUMBERS.update({w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety"
                                                               .split())})


@rule(rf"\b(?:the\s+year\s+)?(?:(?P<c>nineteen|eighteen)\s+(?P<tens>{_TENS})(?:[\s-](?P<ones>{_ONES}))?"
      rf"|(?P<two>two\s+thousand)(?:\s+and)?(?:\s+(?P<ones2>{_ONES}|{_TENS}))?)\b", "spelled")
def _spelled_year(m, ctx):
    """Years read out in broadcast transcripts: "nineteen ninety-six", "the year two thousand"."""
    words = _SPELLED_NUMBERS
    if m["two"]:
        if not (m["ones2"] or m.group().lower().startswith("the year")):
            return None
        year = 2000 + words.get((m["ones2"] or "zero").lower(), 0)
    else:
        year = words[m["c"].lower()] * 100 + words[m["tens"].lower()] + words.get((m["ones"] or "zero").lower(), 0)
    return _dated(Period("year", date(year, 1, 1)))


@rule(r"\b(?:(?P<which>this|last|next)\s+)?(?P<t>year[-\s]end)\b|\b(?P<t2>the\s+end\s+of\s+the\s+(?P<u>year|month|week))\b"
      r"|\b(?P<t3>(?:the\s+)?(?P<full>full|fiscal|entire|whole|calendar)?\s*(?<![\w-])year)\b(?!-|\s+(?:ago|earlier|"
      r"before|after|later|end|old|\d)\b)(?P<ended>\s+(?:ended|ending|to)\b)?", "unit")
def _the_year(m, ctx):
    """ "year-end", "the end of the year", and "the year" (a duration after "for", else the current year)."""
    ref = ctx.ref
    if m["t"] or m["t2"]:
        if m["t2"] and m["u"].lower() in ("month", "week"):
            return _dated(Period(m["u"].lower(), ref), "reference", "END")
        year = ref.year + {"this": 0, "last": -1, "next": 1, "": 0}[(m["which"] or "").lower()]
        if ctx.last is not None and ctx.last.gran == "year" and not m["which"]:
            year = ctx.last.day.year
        return _dated(Period("year", date(year, 1, 1)), "reference", "END")
    phrase = " ".join(m["t3"].lower().split())
    if not phrase.startswith("the"):
        return None
    before = ctx.text[max(0, m.start() - 12):m.start()].lower()
    if m["ended"] and not m["full"]:  # "the year ended June 30": a fiscal year, counted as a duration
        return Reading("DURATION", "P1Y", None, "reference", span=m.span("t3"))
    if re.search(r"\b(?:for|over|during|through|throughout)\s+$", before) and not m["full"]:
        return Reading("DURATION", "P1Y", None, "reference", span=m.span("t3"))
    if m["full"] or re.search(r"\b(?:in|earlier|later|of)\s+$", before):
        year = ctx.last.day.year if ctx.last is not None and ctx.last.gran in ("year", "quarter") else ref.year
        return _dated(Period("year", date(year, 1, 1)), "reference")
    return None


# ---------------------------------------------------------------- quarters and halves

@rule(r"(?<![\w-])(?P<u>[QH])(?P<n>[1-4])(?:\s+(?:of\s+)?(?P<y>(?:19|20)\d\d|'\d\d)|(?P<y2>(?:19|20)\d\d))?\b",
      "quarter")
def _quarter_code(m, ctx):
    """Financial shorthand: "Q3", "Q3 2019", "H1 2020"."""
    unit, n = ("quarter", int(m["n"])) if m["u"] == "Q" else ("half", int(m["n"]))
    if m["u"] not in "QH" or (unit == "half" and n > 2):
        return None  # lower case "q3" is not a quarter
    year_text = m["y"] or m["y2"]
    year = _year(year_text, ctx.ref) if year_text else ctx.ref.year
    first = 3 * (n - 1) + 1 if unit == "quarter" else 6 * (n - 1) + 1
    return _dated(Period(unit, date(year, first, 1), index=n), "absolute" if year_text else "reference")

@rule(rf"\b(?:(?P<det>the|its|a|this|that|last|next)\s+)?"
      rf"(?P<pre>(?:(?:this|last|next)\s+year's|the\s+year-(?:earlier|ago)|year-(?:earlier|ago)|fiscal|"
      rf"(?:19|20)\d\d|the\s+(?:19|20)\d\d|latest|current|comparable|flat|same)[\s-]+)*"
      rf"(?P<q>{ORD}|last)(?P<hy>[\s-]+)(?:fiscal\s+)?(?P<u>quarter|half)(?P<plural>s)?\b(?!\s+of\s+(?:a|an|the)\b)"
      rf"(?:\s+(?:of|in|for)\s+(?:fiscal\s+)?(?P<y>{YEAR4}))?", "quarter")
def _quarter(m, ctx):
    unit = m["u"].lower()
    n = _L["ordinals"][m["q"].lower()]
    if n == -1:
        if unit != "half":
            return None
        n = 2
    if (unit == "quarter" and n > 4) or (unit == "half" and n > 2):
        return None
    pre = (m["pre"] or "").lower()
    ref = ctx.ref
    year_in = re.search(r"(19|20)\d\d", pre)
    if m["y"]:
        year, anchor = int(m["y"]), "absolute"
    elif year_in:
        year, anchor = int(year_in.group()), "absolute"
    elif "last year" in pre or "year-earlier" in pre or "year-ago" in pre:
        year, anchor = ref.year - 1, "reference"
    elif "next year" in pre:
        year, anchor = ref.year + 1, "reference"
    else:
        current_q = (ref.month - 1) // 3 + 1 if unit == "quarter" else (ref.month - 1) // 6 + 1
        year = ref.year if n <= current_q or ctx.tense(m.start(), m.end()) == "future" else ref.year - 1
        if n > current_q and ctx.tense(m.start(), m.end()) == "future":
            year = ref.year
        anchor = "reference"
    if m["plural"]:
        return Reading("SET", f"XXXX-Q{n}" if unit == "quarter" else f"XXXX-H{n}")
    month = 3 * (n - 1) + 1 if unit == "quarter" else 6 * (n - 1) + 1
    reading = _dated(Period(unit, date(year, month, 1), index=n), anchor)
    if (m["det"] or "").lower() in ("a", "its", "this", "that", "last", "next") and not m["pre"]:
        return _with_span(reading, (m.start("q"), m.end()))
    if (m["det"] or "").lower() in ("a", "its") or ((m["det"] or "").lower() == "the" and "-" in m["hy"]):
        return _with_span(reading, (m.start("pre") if m["pre"] else m.start("q"), m.end()))
    return reading


@rule(r"\b(?:the\s+)?(?P<which>latest|current|past|last|previous|prior|year-earlier|year-ago|comparable|same|"
      r"comparable\s+year-(?:ago|earlier)|next|coming|this|that|most\s+recent|recent|"
      r"(?<=\bthe\s)|(?<=\bThe\s))"
      r"\s*(?P<u>quarter|half)\b(?!\s*(?:-|century|of\b|point|percent|mile|hour|inch))(?P<ago>\s+a\s+year\s+(?:ago|earlier))?",
      "quarter")
def _quarter_relative(m, ctx):
    which = " ".join(m["which"].lower().split()) or "the"
    unit = m["u"].lower()
    ref_q = Period("day", ctx.ref).coarsen(unit)
    last = ctx.last if ctx.last is not None and ctx.last.gran == unit else None
    if which in ("current", "this"):
        period, anchor = ref_q, "reference"
    elif which in ("next", "coming"):
        period, anchor = ref_q.shift(1, unit), "reference"
    elif "year" in which or which in ("comparable", "same") or m["ago"]:
        base = last or ref_q.shift(-1, unit)
        period, anchor = base.shift(-4 if unit == "quarter" else -2, unit), "previous" if last else "reference"
        if which == "same" and not m["ago"]:
            period = base
    elif which in ("that", "the"):
        period, anchor = (last, "previous") if last is not None else (ref_q.shift(-1, unit), "reference")
    else:  # latest, past, last, previous: the last completed one
        period, anchor = ref_q.shift(-1, unit), "reference"
    return _dated(period, anchor)


@rule(r"\b(?P<t>year-(?:earlier|ago))\b(?!\s+(?:quarter|half|period|nine|six|three|first|second|third|fourth)\b)"
      r"|\b(?P<t2>the\s+(?:year-(?:earlier|ago)|(?:19|20)\d\d|comparable|same)\s+period)\b", "yearword", "digit")
def _year_earlier(m, ctx):
    """ "year-earlier results", "the year-ago period": the period the text reports, a year before."""
    if m["t"] and ctx.text[m.start() - 1:m.start()] == "-":
        return None
    last = ctx.last
    year_in = re.search(r"(?:19|20)\d\d", m["t2"] or "")
    if year_in:
        if last is not None and last.gran in ("quarter", "half"):
            return _dated(Period(last.gran, date(int(year_in.group()), last.day.month, 1), index=last.index))
        return _dated(Period("year", date(int(year_in.group()), 1, 1)))
    if last is not None and last.gran in ("quarter", "half", "month") and _near(ctx, m.start()):
        return _dated(last.shift(-1, "year") if last.gran != "half" else last.shift(-2, "half"), "previous")
    return _dated(Period("year", ctx.ref).shift(-1), "reference")


@rule(r"\b(?:the\s+)?(?:year-(?:earlier|ago)\s+)?(?:first|past|last)\s+(?P<n>six|nine|three|\d+)\s+months\b",
      "unit", reach=(40, 10))
def _months_to_date(m, ctx):
    n = number_value(m["n"])
    if n is None:
        return None
    lo = date(ctx.ref.year, 1, 1)
    return Reading("DURATION", f"P{int(n)}M", None, "reference", bounds=(lo, add_months(lo, int(n)) - timedelta(1)))


# ---------------------------------------------------------------- days relative to the reference

_DEICTIC = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}


@rule(r"\b(?:(?P<mod>early|late|earlier|later)\s+)?(?P<w>today|tonight|yesterday|tomorrow)(?:'s)?"
      rf"(?:\s+(?P<part>{PART}))?\b|\b(?P<daybefore>the\s+day\s+(?:before|after)\s+(?:yesterday|tomorrow))\b",
      "deictic")
def _deictic_day(m, ctx):
    if m["daybefore"]:
        words = m["daybefore"].lower().split()
        offset = -2 if words[-1] == "yesterday" else 2
        return _dated(Period("day", ctx.ref + timedelta(days=offset)), "reference")
    w = m["w"].lower()
    if m["mod"] and w == "today" and not m["part"]:
        return _with_span(_deictic_day_plain(m, ctx, w), m.span("w"))
    return _with_span(_deictic_day_plain(m, ctx, w), (m.start(), m.end("part") if m["part"] else m.end("w")))


def _deictic_day_plain(m, ctx, w: str) -> Reading:
    d = ctx.ref + timedelta(days=_DEICTIC[w])
    if w == "today" and not m["part"] and not m["mod"] and _is_nowadays(ctx.text, m.start()):
        return Reading("DATE", "PRESENT_REF", Period("day", ctx.ref), "reference")
    part = m["part"] or ("night" if w == "tonight" else "")
    if part and w != "tonight":
        code = _L["parts_of_day"][part.lower()]
        return _dated(Period("part", d, part=code), "reference", _mod(m["mod"]), "TIME")
    return _dated(Period("day", d), "reference", _mod(m["mod"]))


def _is_nowadays(text: str, at: int) -> bool:
    """ "today's world", "the Russia of today": today meaning nowadays."""
    return bool(re.search(r"\b(?:of|until|than|in)\s+$", text[max(0, at - 8):at], re.I))


@rule(rf"\b(?P<w>this|last|yesterday|tomorrow)\s+(?P<part>{PART})\b|\b(?P<ov>overnight)\b", "part")
def _this_part(m, ctx):
    if m["ov"]:
        return None
    w, part = m["w"].lower(), m["part"].lower()
    if w == "last" and part == "night":
        return _dated(Period("part", ctx.ref - timedelta(days=1), part="NI"), "reference", type_="TIME")
    if w == "last":
        return None
    offset = {"this": 0, "yesterday": -1, "tomorrow": 1}[w]
    return _dated(Period("part", ctx.ref + timedelta(days=offset), part=_L["parts_of_day"][part]), "reference",
                  type_="TIME")


@rule(rf"\b(?:(?P<mod>early|late|earlier|later)\s+)?(?:(?P<which>last|next|this|coming|past|(?:the\s+)?previous|"
      rf"(?:the\s+)?following)\s+)?"
      rf"(?P<wd>{WEEKDAY})(?P<pl>s)?(?:'s)?(?:\s+(?P<part>{PART})(?P<pl2>s)?)?\b", "weekday")
def _weekday(m, ctx):
    if not _cap(m["wd"]):
        return None
    wd = weekday_number(m["wd"])
    if m["pl"] or m["pl2"] or re.search(r"\b(?:every|each|on)\s+$", ctx.text[max(0, m.start() - 7):m.start()], re.I) \
            and (m["pl"] or m["pl2"]):
        code = _L["parts_of_day"][m["part"].lower()] if m["part"] else ""
        return Reading("SET", f"XXXX-WXX-{wd}" + (f"T{code}" if code else ""))
    if re.search(r"\b(?:every|each)\s+$", ctx.text[max(0, m.start() - 7):m.start()], re.I):
        return None  # handled by the set rule
    which = (m["which"] or "").lower()
    which = " ".join(which.split())
    if which in ("the previous", "the following", "previous", "following") and ctx.last is not None \
            and ctx.last.gran in ("day", "time", "part"):
        step = -1 if "previous" in which else 1
        d = ctx.last.day + timedelta(days=step * (((ctx.last.day.isoweekday() - wd) * -step) % 7 or 7))
        anchor = "previous"
    else:
        which = {"past": "last", "previous": "last", "the previous": "last", "coming": "next",
                 "following": "next", "the following": "next"}.get(which, which)
        d, anchor = _weekday_date(wd, ctx, m.start(), m.end(), which)
    # TimeML leaves "early"/"later" and the possessive outside the expression: "Later [Thursday]'s"
    span = (m.start("which") if m["which"] else m.start("wd"), m.end("part") if m["part"] else m.end("wd"))
    if m["part"]:
        period = Period("part", d, part=_L["parts_of_day"][m["part"].lower()])
        return _with_span(_dated(period, anchor, _mod(m["mod"]), "TIME"), span)
    return _with_span(_dated(Period("day", d), anchor, _mod(m["mod"])), span)


def _with_span(reading: Reading, span: tuple[int, int]) -> Reading:
    return replace(reading, span=span)


# ---------------------------------------------------------------- this/last/next unit

@rule(r"\b(?:(?P<mod>early|late|earlier|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
      r"the\s+middle\s+of|mid)[\s-]+(?:in\s+)?)?"
      r"(?P<which>this\s+past|this|last|next|past|coming|previous|the\s+past|the\s+last|the\s+coming|the\s+previous|"
      r"the\s+following|the\s+next|the\s+current|current|that|the\s+same)\s+"
      r"(?:fiscal\s+)?(?P<u>week|weekend|month|year|decade|century|quarter)(?!-|\s+and\s+a\s+half)\b"
      r"(?:\s+or\s+(?:so|two))?", "unit")
def _this_unit(m, ctx):
    which = " ".join(m["which"].lower().split()).removeprefix("the ").replace("this past", "past")
    unit = m["u"].lower()
    mod = _mod((m["mod"] or "").lower().removeprefix("the ").removesuffix(" of"))
    if unit == "quarter":
        return None  # the quarter rules know about financial reporting
    base = Period("day", ctx.ref).coarsen(UNIT_GRAN[unit])
    anchor = "reference"
    if which in ("following", "next") and m["which"].lower().startswith("the"):
        if ctx.last is None:
            return None
        base, anchor = ctx.last.coarsen(UNIT_GRAN[unit]).shift(1), "previous"
    elif which in ("that", "same"):
        if ctx.last is None:
            return None
        base, anchor = ctx.last.coarsen(UNIT_GRAN[unit]), "previous"
    elif which in ("previous",) and m["which"].lower().startswith("the") and ctx.last is not None:
        base, anchor = ctx.last.coarsen(UNIT_GRAN[unit]).shift(-1), "previous"
    elif which in ("last", "past", "previous"):
        base = base.shift(-1)
    elif which in ("next", "coming"):
        base = base.shift(1)
    if unit == "weekend" and which in ("this", "current"):
        return _dated(base, anchor, mod)
    if unit == "weekend" and which in ("last", "past", "previous") and ctx.ref.isoweekday() >= 6:
        base = base.shift(0)
    reading = _dated(base, anchor, mod)
    if unit == "week" and (m["mod"] or "").lower() in ("earlier", "later"):
        reading = _with_span(reading, (m.start("which"), m.end()))
    if mod == "START" and (m["mod"] or "").lower().startswith("earlier") and which in ("this", "current"):
        lo, _ = base.bounds()
        return Reading(reading.type, reading.value, base, anchor, mod, (lo, max(lo, ctx.ref - timedelta(days=1))))
    if mod == "END" and (m["mod"] or "").lower().startswith("later") and which in ("this", "current"):
        _, hi = base.bounds()
        return Reading(reading.type, reading.value, base, anchor, mod, (min(hi, ctx.ref + timedelta(days=1)), hi))
    return reading


@rule(r"\b(?:(?P<over>over|during|on|at|for)\s+)?(?P<t>the\s+weekend)\b", "unit")
def _the_weekend(m, ctx):
    if m["over"] and m["over"].lower() == "for":
        return None
    ref = ctx.ref
    if ctx.tense(m.start(), m.end()) == "future":
        sat = ref + timedelta(days=(6 - ref.isoweekday()) % 7)
    else:
        sat = ref - timedelta(days=(ref.isoweekday() - 6) % 7)
        if ref.isoweekday() == 7:
            sat = ref - timedelta(days=1)
    return _dated(Period("weekend", sat), "reference")


# ---------------------------------------------------------------- counted offsets: "two days ago", "a year later"

@rule(rf"\b(?:(?P<q>{QUAL})\s+)?(?P<n>{NUM}|{VAGUE})[\s-]+(?P<u>{UNITS})(?:\s+or\s+so)?\s+"
      rf"(?P<dir>ago|earlier|later|from\s+now|hence|back|previously|afterwards?|(?:before|after)(?=\s*[,.;]))\b",
      "unit", reach=(40, 28))
def _offset(m, ctx):
    unit = _unit_word(m["u"])
    n = number_value(m["n"])
    direction = m["dir"].lower()
    sign = -1 if direction in ("ago", "earlier", "before", "back", "previously") else 1
    if unit in ("second", "minute", "hour"):
        return Reading("DURATION", _duration(n, unit), None, "reference")
    deictic = direction in ("ago", "from now", "hence", "back")
    if deictic:
        base, anchor = Period("day", ctx.ref), "reference"
    else:
        base, anchor = ctx.anchor_for(m.start())
    mod = QUAL_MOD.get(" ".join((m["q"] or "").lower().split()), "")
    gran = UNIT_GRAN.get(unit, "day")
    if n is None:
        return Reading("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None, anchor, mod)
    n = int(n) if float(n).is_integer() else n
    if not isinstance(n, int):
        return Reading("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None, anchor, mod)
    if unit == "year" and base.gran in ("quarter", "half") and not deictic:
        return _dated(base.shift(sign * n * (4 if base.gran == "quarter" else 2)), anchor, mod)
    if unit == "year" and deictic and ctx.last is not None and ctx.last.gran == "quarter" and n == 1 \
            and _near(ctx, m.start()):
        return _dated(ctx.last.shift(-4), "previous", mod)
    if unit in ("decade", "century"):
        shifted = Period("year", base.day).shift(sign * n * (10 if unit == "decade" else 100), "year")
        return _dated(shifted, anchor, mod)
    if unit == "weekend":
        return _dated(Period("weekend", base.day).shift(sign * n), anchor, mod)
    if gran in ("day",) and base.gran not in ("day", "time", "part") and not deictic:
        gran = base.gran
    target = Period("day", base.day).shift(sign * n, "quarter" if unit == "quarter" else gran) \
        if gran != "day" else Period("day", base.day + timedelta(days=sign * n))
    if unit == "quarter":
        return _dated(target.coarsen("quarter"), anchor, mod)
    return _dated(target.coarsen(gran) if gran != "day" else target, anchor, mod)


def _near(ctx: Context, at: int) -> bool:
    """Whether the last dated mention is close enough to be what a "year ago" compares with."""
    return ctx.last_at >= 0 and at - ctx.last_at < 300


@rule(r"\b(?P<t>(?:the|that)\s+(?P<which>previous|next|following|same|prior)\s+(?P<u>day|morning|afternoon|evening|"
      r"night|week|month|year))\b|\b(?P<t2>(?P<which2>earlier|later)\s+that\s+(?P<u2>day|morning|week|month|year))\b"
      r"|\b(?P<t3>that\s+(?P<u3>day|morning|evening|night|week|month|year))\b"
      r"|\b(?P<t4>the\s+day\s+(?P<which4>before|after|earlier))(?!\s+(?:the|that|this|his|her|yesterday|tomorrow|"
      rf"last|next|{WEEKDAY})\b)\b"
      rf"|\b(?P<t5>(?:the\s+)?day\s+(?P<which5>before|after)\s+(?P<wwhich>last|next|this)?\s*(?P<wd5>{WEEKDAY}))",
      "unit", "part")
def _anaphoric(m, ctx):
    if m["t"]:
        which, unit = m["which"].lower(), m["u"].lower()
    elif m["t2"]:
        which, unit = m["which2"].lower(), m["u2"].lower()
    elif m["t3"]:
        which, unit = "same", m["u3"].lower()
    elif m["t5"]:
        if not _cap(m["wd5"]):
            return None
        d, anchor = _weekday_date(weekday_number(m["wd5"]), ctx, m.start(), m.end(), (m["wwhich"] or "").lower())
        step = -1 if m["which5"].lower() == "before" else 1
        return _with_span(_dated(Period("day", d + timedelta(days=step)), anchor), m.span("t5"))
    else:
        which, unit = {"before": "previous", "earlier": "previous", "after": "next"}[m["which4"].lower()], "day"
    # a day counts from the last day the text named; a week, month or year from any dated period
    daily = unit in ("day", "morning", "afternoon", "evening", "night")
    usable = ctx.last is not None and ctx.last.gran in (
        ("day", "time", "part") if daily else ("day", "time", "part", "week", "weekend", "month", "quarter", "year"))
    if usable:
        base, anchor = ctx.last, "previous"
    elif which == "same":
        return None  # "that day" with no day before it
    else:
        base, anchor = Period("day", ctx.ref), "reference"
    step = {"previous": -1, "prior": -1, "next": 1, "following": 1, "same": 0, "earlier": 0, "later": 0}[which]
    mod = {"earlier": "START", "later": "END"}.get(which, "")
    if unit in ("morning", "afternoon", "evening", "night"):
        d = base.day + timedelta(days=step)
        return _dated(Period("part", d, part=_L["parts_of_day"][unit]), anchor, mod, "TIME")
    gran = UNIT_GRAN[unit]
    target = Period("day", base.day).coarsen(gran)
    if step:
        target = target.shift(step) if gran != "day" else Period("day", base.day + timedelta(days=step))
    return _dated(target, anchor, mod)


# ---------------------------------------------------------------- durations

@rule(rf"\b(?:(?P<det>the|a|an|another)\s+)?(?:(?P<dir>past|last|next|first|coming|previous|following|"
      rf"final|remaining|recent|initial|latest|additional|further)\s+)?"
      rf"(?:(?P<q>{QUAL})\s+)?(?:(?P<n0>{NUM})\s*(?:to|or|-|–)\s*(?=\d|{NUMWORD}))?"
      rf"(?P<n>{NUM}|{VAGUE}|(?:a\s+)?(?:couple|few)(?:\s+of)?|several|many|"
      rf"(?:a\s+)?(?:dozen|dozens\s+of|hundreds\s+of|thousands\s+of))"
      rf"(?:\s+(?:more|full|straight|consecutive|long|additional|further|whole))?[\s-]+"
      rf"(?P<u>{UNITS})\b(?P<adj>-long)?(?:\s+or\s+(?:so|two|three))?"
      rf"(?!\s+(?:ago|earlier|later|from\s+now|hence|back|old)\b)(?!-)"
      rf"(?!\s+(?:before|after)\s*[,.;])", "unit", reach=(48, 24))
def _duration_rule(m, ctx):
    n_text = " ".join(m["n"].lower().split())
    if n_text in ("a", "an") and not (m["dir"] or m["q"] or m["det"]):
        before = ctx.text[max(0, m.start() - 12):m.start()].lower()
        if re.search(r"\b(?:per|times|once|twice)\s*$", before) or re.search(r"\d\s*$", before):
            return None  # "twice a year", "$5 a month" are sets or rates
        if m["u"].lower() in ("weekend",):
            return None
    n = None if n_text in _L["vague_numbers"] or any(v in n_text for v in ("few", "several", "many", "dozens",
                                                                              "hundreds", "thousands", "couple"))\
        else number_value(n_text)
    if "couple" in n_text:
        n = 2
    if m["n0"] or re.search(r"\s+or\s+(?:two|three)$", m.group()):
        n = None  # "two to three weeks", "a year or two": a vague amount
    if "dozen" == n_text or n_text == "a dozen":
        n = 12
    unit = _unit_word(m["u"])
    if m["u"][0].isupper() and m["n"][0].isdigit():
        return None  # "60 Minutes" is a title
    if unit == "quarter" and re.match(r"\s+of\b", ctx.text[m.end():]):
        return None  # "three-quarters of the vote" is a fraction
    if n is not None and n > 10000:
        return None
    mod = QUAL_MOD.get(" ".join((m["q"] or "").lower().split()), "")
    if "couple" in n_text or "or so" in m.group().lower():
        mod = mod or "APPROX"
    value = _duration(n, unit)
    direction = (m["dir"] or "").lower()
    span = _duration_span(m, n, unit)
    bounds = None
    if n is not None and float(n).is_integer() and direction in ("past", "last", "previous", "recent") \
            and unit not in TIME_UNITS:
        start = Period("day", ctx.ref).shift(-int(n), UNIT_GRAN.get(unit, "day")) if unit not in ("day",) \
            else Period("day", ctx.ref - timedelta(days=int(n)))
        bounds = (start.day, ctx.ref)
    elif n is not None and float(n).is_integer() and direction in ("next", "coming") and unit not in TIME_UNITS:
        end = Period("day", ctx.ref).shift(int(n), UNIT_GRAN.get(unit, "day")) if unit not in ("day",) \
            else Period("day", ctx.ref + timedelta(days=int(n)))
        bounds = (ctx.ref, end.day)
    return Reading("DURATION", value, None, "reference", mod, bounds, span)


# Qualifiers that news annotation leaves outside a duration ("over [three years]"); the others
# ("nearly", "at least", "more than") belong to it.
_LOOSE_QUALIFIERS = {"about", "around", "approximately", "roughly", "some", "just", "only", "barely", "almost",
                     "over", "under", "well over"}


def _duration_span(m: re.Match, n: float | None, unit: str) -> tuple[int, int]:
    """TimeML's extent: no article before a counted unit, no loose qualifier ("about"), no article
    before an adjectival duration ("the [two-week] talks")."""
    start = m.start()
    det = (m["det"] or "").lower()
    q = " ".join((m["q"] or "").lower().split())
    adjectival = "-" in m.group("u") or m.string[m.start("u") - 1] == "-" or (
        n is not None and n != 1 and not m["u"].lower().endswith("s"))
    vague_article = det in ("a", "an") and re.match(r"(?:few|couple)\b", m["n"].lower())
    if (det in ("a", "an", "another") and not vague_article) or (det == "the" and adjectival and not m["dir"]):
        start = m.start("dir") if m["dir"] else m.start("q") if m["q"] else m.start("n0") if m["n0"] else m.start("n")
    if q in _LOOSE_QUALIFIERS and not m["dir"]:
        start = m.start("n0") if m["n0"] else m.start("n")
    return start, m.end("adj") if m["adj"] else m.end()


@rule(r"\b(?P<t>(?:recent|coming|past|next\s+few|last\s+few|several|many)\s+(?P<u>days|weeks|months|years|decades))\b"
      r"|(?:\b(?:for|in|over|within|take|takes|took|taken|lasted|last)\s+)(?P<t2>(?P<u2>days|weeks|months|years|"
      r"decades|centuries|hours|minutes))\b", "unit", reach=(40, 16))
def _vague_duration(m, ctx):
    unit = _unit_word(m["u"] or m["u2"])
    text = (m["t"] or "").lower()
    if text.startswith("recent") and unit in ("years", "year", "decades", "decade"):
        return Reading("DATE", "PAST_REF", None, "reference")
    if text.startswith("coming"):
        return Reading("DATE", "FUTURE_REF", None, "reference")
    return Reading("DURATION", _duration(None, unit), None, "reference")


# ---------------------------------------------------------------- times of day

@rule(rf"\b(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ap>{AMPM}){TZ}"
      rf"(?:\s+(?:on\s+)?(?:(?P<wd>{WEEKDAY})|(?P<td>today|yesterday|tomorrow|tonight)|"
      rf"(?P<mon>{MONTH})\s+(?P<md>{DAYNUM})\b))?"
      rf"|\b(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)(?::\d\d)?(?=\s*(?:[ECMP][SD]T|GMT|UTC|hours|hrs|local|h\b))"
      rf"|\b(?P<word>noon|midnight|midday)(?:\s+(?:on\s+)?(?:(?P<wd2>{WEEKDAY})|(?P<td2>today|yesterday|tomorrow)))?",
      "digit", "part")
def _clock(m, ctx):
    if m["word"]:
        hour, minute = (12, 0) if m["word"].lower() in ("noon", "midday") else (24, 0)
        wd, td = m["wd2"], m["td2"]
    elif m["h24"]:
        hour, minute, wd, td = int(m["h24"]), int(m["mi24"]), None, None
    else:
        hour, minute = int(m["h"]), int(m["mi"] or 0)
        if hour == 0 or hour > 12:
            return None
        pm = m["ap"].lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0)
        wd, td = m["wd"], m["td"]
    if m["mon"] and _cap(m["mon"]):
        d = _closest_year(month_number(m["mon"]), int(re.match(r"\d+", m["md"]).group()), ctx, m.start(), m.end())
    elif wd and _cap(wd):
        d, _ = _weekday_date(weekday_number(wd), ctx, m.start(), m.end())
    elif td:
        d = ctx.ref + timedelta(days=_DEICTIC[td.lower()])
    else:
        d = ctx.last.day if ctx.last is not None and ctx.last.gran in ("day", "time", "part") else ctx.ref
    return _dated(Period("time", d, hour, minute), "reference", type_="TIME")


# ---------------------------------------------------------------- sets

@rule(rf"\b(?P<every>every|each)\s+(?P<other>other\s+)?(?:(?P<wd>{WEEKDAY})|(?P<mon>{MONTH})|(?P<u>{UNIT})|"
      rf"(?P<s>{SEASON}))\b|\b(?P<adv>daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly)\b"
      rf"|\b(?P<rate>once|twice|three\s+times|four\s+times|\d+\s+times)\s+(?P<t>an?\s+(?P<ru>{UNIT}))\b"
      rf"|\b(?P<t2>per\s+(?P<pu>year|month|week|day))\b(?=\s*[,.;]|\s+(?:and|or|for|in|since)\b)",
      "set", "unit")
def _set(m, ctx):
    if m["adv"]:
        code = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
                "hourly": "PT1H", "quarterly": "P3M", "nightly": "P1D", "biweekly": "P2W"}[m["adv"].lower()]
        return Reading("SET", code)
    if m["rate"]:
        return Reading("SET", _duration(1, m["ru"]))
    if m["t2"]:
        before = ctx.text[max(0, m.start() - 20):m.start()]
        if not re.search(r"(?:\d|percent|%|times|once|twice|cents?|dollars?|tons|barrels)\s*$", before, re.I):
            return None
        return Reading("SET", _duration(1, m["pu"]))
    step = 2 if m["other"] else 1
    if m["wd"]:
        if not _cap(m["wd"]):
            return None
        return Reading("SET", f"XXXX-WXX-{weekday_number(m['wd'])}")
    if m["mon"]:
        if not _cap(m["mon"]):
            return None
        return Reading("SET", f"XXXX-{month_number(m['mon']):02d}")
    if m["s"]:
        return Reading("SET", f"XXXX-{_L['seasons'][m['s'].lower()]}")
    return Reading("SET", _duration(step, m["u"]))


# ---------------------------------------------------------------- vague references

_VAGUE = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF", "at present": "PRESENT_REF",
    "presently": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "right now": "PRESENT_REF",
    "at the moment": "PRESENT_REF", "the present": "PRESENT_REF", "today's": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
    "previously": "PAST_REF", "formerly": "PAST_REF", "once": "PAST_REF", "earlier": "PAST_REF",
    "in the past": "PAST_REF", "the future": "FUTURE_REF", "soon": "FUTURE_REF", "shortly": "FUTURE_REF",
    "in the future": "FUTURE_REF", "future": "FUTURE_REF", "later": "FUTURE_REF", "a later date": "FUTURE_REF",
}


_RIGHT_NOW = re.compile(r"(?P<pre>)(?P<t>now)")


@rule(r"\b(?:(?P<pre>in)\s+)?(?P<t>now|currently|at\s+present|presently|nowadays|these\s+days|right\s+now|"
      r"at\s+the\s+moment|recently|lately|the\s+past|the\s+(?:near\s+|distant\s+)?future|a\s+later\s+date|"
      r"the\s+(?:near|short)\s+term)\b(?!-)", "vague", "unit")
def _vague(m, ctx):
    word = " ".join(m["t"].lower().split())
    after = ctx.text[m.end():m.end() + 12].lower()
    if word == "right now":
        return replace(_vague(_RIGHT_NOW.match(ctx.text, m.start("t") + 6), ctx), span=(m.start("t") + 6, m.end("t")))
    if word == "now" and re.match(r"\s*(?:that|defunct|-)", after):
        return None
    if word == "the past" and not m["pre"] and not re.search(
            r"\b(?:of|in|from|to|with|than|into|like)\s+$", ctx.text[max(0, m.start() - 6):m.start()].lower()):
        return None
    value = _VAGUE.get(word, "FUTURE_REF")
    period = Period("day", ctx.ref) if value == "PRESENT_REF" else None
    bounds = (ctx.ref - timedelta(days=30), ctx.ref - timedelta(days=1)) if word in ("recently", "lately") else None
    return Reading("DATE", value, period, "reference", bounds=bounds)


@rule(r"\b(?P<t>current|recent|former)(?=\s+(?:year|quarter|month|week|period|levels?|prices?|rates?|trends?|"
      r"conditions|situation|months|weeks|years|days|crisis|fiscal|session|term|administration|government|"
      r"regime|policy|policies|economic|market|environment|climate|state|era|law|system)\b)", "vague")
def _vague_adjective(m, ctx):
    word = m["t"].lower()
    if word == "former":
        return None
    if word == "recent" and re.match(r"\s+(?:months|weeks|years|days)", ctx.text[m.end():m.end() + 8]):
        return None
    return Reading("DATE", "PRESENT_REF" if word == "current" else "PAST_REF",
                   Period("day", ctx.ref) if word == "current" else None, "reference")


# ---------------------------------------------------------------- holidays

@rule(rf"\b(?:(?P<which>last|this|next)\s+)?(?P<h>{HOLIDAY})(?:\s+(?P<y>{YEAR4}))?\b", "holiday")
def _holiday(m, ctx):
    name = " ".join(m["h"].lower().split())
    if not _cap(m["h"]):
        return None
    rule_ = _L["holidays"][name]
    ref = ctx.ref

    def on(year: int) -> date | None:
        if rule_ == "EASTER":
            return easter(year)
        if rule_ == "EASTER-2":
            return easter(year) - timedelta(days=2)
        mon, spec = rule_.split("-")
        mon = int(mon)
        if spec == "ELECTION":
            return nth_weekday(year, 11, 0, 1) + timedelta(days=1)
        if spec[:2] in ("MO", "TU", "WE", "TH", "FR"):
            weekday = ["MO", "TU", "WE", "TH", "FR"].index(spec[:2])
            n = -1 if spec[2] == "L" else int(spec[2])
            return nth_weekday(year, mon, weekday, n)
        return date(year, mon, int(spec))

    which = (m["which"] or "").lower()
    if m["y"]:
        d, anchor = on(int(m["y"])), "absolute"
    else:
        anchor = "reference"
        this = on(ref.year)
        if which == "last":
            d = this if this < ref else on(ref.year - 1)
        elif which == "next":
            d = this if this > ref else on(ref.year + 1)
        elif which == "this":
            d = this
        elif ctx.tense(m.start(), m.end()) == "future":
            d = this if this >= ref else on(ref.year + 1)
        else:
            d = this if this <= ref + timedelta(days=7) else on(ref.year - 1)
    return _dated(Period("day", d), anchor) if d else None
