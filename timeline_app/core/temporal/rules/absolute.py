"""Dates named on the calendar: days, months, years, decades, centuries, seasons, quarters."""

from __future__ import annotations

import re
from datetime import date, timedelta

from timeline_app.core.temporal.calendar import add_months
from timeline_app.core.temporal.lexicon import month_number, number_value, weekday_number
from timeline_app.core.temporal.rules.base import (
    _L,
    DAYNUM,
    DAYWORD,
    MONTH,
    ORD,
    SEASON,
    WEEKDAY,
    YEAR4,
    Period,
    Reading,
    _cap,
    _closest_year,
    _dated,
    _day,
    _mod,
    _month_period,
    _near,
    _with_span,
    _year,
    rule,
)

# ---------------------------------------------------------------- absolute dates

@rule(r"\b(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?:[T ](?P<h>\d{2}):(?P<mi>\d{2})(?::\d{2})?)?"
      r"(?![\d/.]\d)\b", "digit")
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
    if re.search(r"\b(?:version|ver|v|release|build)\.?\s*$", ctx.text[max(0, m.start() - 10):m.start()], re.I):
        return None
    month, day = (b, a) if a > 12 or m["sep"] == "." else (a, b)
    d = _day(_year(m["y"], ctx.ref), month, day)
    return _dated(Period("day", d)) if d else None


@rule(rf"\b(?:(?:(?:this\s+)?coming|this|next|last)\s+(?={WEEKDAY}))?"
      rf"(?:(?P<wd>{WEEKDAY}|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?),?\s+(?:the\s+)?)?"
      rf"(?P<mon>{MONTH})\s+(?:(?P<d>{DAYNUM})|(?:the\s+)?(?P<dw>{DAYWORD})(?![\w-]|\s+(?:quarter|half)))"
      rf"(?:\s*[-–]\s*(?P<d2>{DAYNUM}))?(?!\d|:\d|\s*(?:%|percent|a\.m|p\.m))"
      rf"(?:(?:,\s*|\s+)(?P<y>{YEAR4}|'\d\d)(?!\d)|\s+(?P<tail>this|last|next)\s+year\b)?", "month")
def _month_day(m, ctx):
    if not _cap(m["mon"]):
        return None
    month = month_number(m["mon"])
    day = int(re.match(r"\d+", m["d"]).group()) if m["d"] else _L["ordinals"][" ".join(m["dw"].lower().split())]
    if m["y"]:
        d = _day(_year(m["y"], ctx.ref), month, day)
    elif m["tail"]:  # "September 8 last year"
        d = _day(ctx.ref.year + {"this": 0, "last": -1, "next": 1}[m["tail"].lower()], month, day)
    else:
        d = _closest_year(month, day, ctx, m.start(), m.end())
        if d is not None and m["wd"] and m["wd"][:1].isupper():
            d = _agreeing_weekday(d, weekday_number(m["wd"]))
    if d is None:
        return None
    anchor = "absolute" if m["y"] else "reference"
    if m["d2"]:  # "Sept. 20-22": the days from the first to the last
        last = _day(d.year, d.month, int(re.match(r"\d+", m["d2"]).group()))
        if last is None or last <= d:
            return None
        return Reading("DURATION", f"P{(last - d).days + 1}D", None, anchor, bounds=(d, last))
    return _dated(Period("day", d), anchor)


def _agreeing_weekday(d: date, weekday: int) -> date:
    """ "Monday, Oct. 26" without a year: the nearby year in which Oct. 26 is a Monday, if there is one."""
    for years in (0, -1, 1, -2, 2):
        candidate = _day(d.year + years, d.month, d.day)
        if candidate is not None and candidate.isoweekday() == weekday:
            return candidate
    return d


@rule(rf"\b(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>{DAYNUM})(?:\s+of\s+|\s+|-)(?P<mon>{MONTH})"
      rf"(?:(?:,?\s+|-)(?P<y>{YEAR4}))?(?!\w)", "month")
def _day_month(m, ctx):
    if not _cap(m["mon"]):
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
    ambiguous = word.lower().rstrip(".") in ("may", "mar", "jan", "jun", "jul", "sep", "dec", "oct", "nov")
    if not _cap(word) or (ambiguous and not (m["mod"] or m["which"] or m["tail"]
                                             or _month_context(ctx.text, m.start("mon")))):
        return None  # "may" is a verb, "Mar" a name: a short month needs a time word around it
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
    """A bare month name counts after a preposition that takes a time ("in May", "since March"), or between
    a determiner and the noun it dates ("the May meeting", "its May outlook")."""
    before = text[max(0, at - 12):at].lower()
    if re.search(r"\b(?:in|since|until|till|by|during|through|from|to|of|before|after|early|late|mid)\s+$", before):
        return True
    return bool(re.search(r"\b(?:the|its|their|his|her|our|a|an)\s+$", before)
                and re.match(r"[A-Za-z.]+\s+[a-z]", text[at:at + 24]))


@rule(rf"\b(?:the\s+)?(?:(?P<mod>early|mid|late|the\s+end\s+of|the\s+beginning\s+of)[\s-]+)?"
      rf"(?:(?P<which>this|last|next|past|coming|previous|that|the\s+same)\s+)?(?P<s>{SEASON})"
      rf"(?:(?:\s+of)?\s+(?P<y>{YEAR4}))?\b",
      "season")
def _season(m, ctx):
    code = _L["seasons"][m["s"].lower()]
    which = (m["which"] or "").lower()
    before = ctx.text[max(0, m.start() - 12):m.start()].lower()
    the = m.group().lower().startswith("the ")
    after_time_word = re.search(r"\b(?:in|during|by|since|until|over|this)\s+$", before) or (
        the and re.search(r"\b(?:till|through|throughout|for|before|after|from|to|of)\s+$", before))
    verb_too = m["s"].lower() in ("fall", "spring")  # "led the fall in shares", "the spring in his step"
    if not (which or m["y"] or m["mod"] or after_time_word or (the and not verb_too)):
        return None  # "fall" and "spring" are verbs and nouns too
    if m["y"]:
        return _dated(Period("season", date(int(m["y"]), 1, 1), part=code), "absolute", _mod(m["mod"]))
    # the seasons in the order they come, each a (year, code) whose winter runs December to February
    if which in ("that", "the same"):  # "that summer": the season of the year in view
        if ctx.last is None:
            return None
        return _dated(Period("season", date(ctx.last.day.year, 1, 1), part=code), "previous", _mod(m["mod"]))
    if which in ("last", "past", "previous"):
        year = _nearest_season(ctx.ref, code, before_ref=True)
    elif which in ("next", "coming"):
        year = _nearest_season(ctx.ref, code, before_ref=False)
    elif which == "this":
        year = _season_year_of(ctx.ref) if code == _season_of(ctx.ref) else \
            _nearest_season(ctx.ref, code, before_ref=ctx.tense(m.start(), m.end()) != "future")
    else:
        year = _nearest_season(ctx.ref, code, before_ref=ctx.tense(m.start(), m.end()) != "future", current_ok=True)
    return _dated(Period("season", date(year, 1, 1), part=code), "reference", _mod(m["mod"]))


def _season_of(d: date) -> str:
    return {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(d.month, "FA")


def _season_year_of(d: date) -> int:
    """The year a date's season is named by: January and February belong to the winter of the year before."""
    return d.year - 1 if d.month <= 2 else d.year


def _nearest_season(ref: date, code: str, before_ref: bool, current_ok: bool = False) -> int:
    """The year of the season ``code`` nearest before (or after) the reference date's own season."""
    here = (_season_year_of(ref), "SP SU FA WI".split().index(_season_of(ref)))
    target = "SP SU FA WI".split().index(code)
    if current_ok and target == here[1]:
        return here[0]
    if before_ref:
        return here[0] if target < here[1] else here[0] - 1
    return here[0] if target > here[1] else here[0] + 1


_NOT_YEAR_AFTER = re.compile(
    r"\s*(?:%|percent|people|persons|men|women|children|troops|soldiers|jets?|planes?|cars?|shares|votes|"
    r"members|units|tons|barrels|acres|miles|km|kilometers|feet|meters|homes|workers|employees|jobs|cases|"
    r"points|pounds|yards|dollars|euros|copies|staff|engineers|teachers|doctors|nurses|students|residents|"
    r"voters|delegates|lawmakers|seats|rooms|beds|vehicles|weapons|rockets|missiles|rounds|deaths|victims|"
    r"refugees|prisoners|tourists|fans|pages|words|items|companies|firms|stores|schools|houses|buildings|"
    r"flights|passengers|calls|signatures|complaints|arrests|[a-z]+-(?:year|day)-old)\b",
    re.I,
)
# A number after these names a thing, not a year: "Room 1912", "Highway 2016", "Boeing 1990"
_NOT_YEAR_BEFORE = re.compile(
    r"(?:\b(?:No|Nos|Room|Rooms|Suite|Highway|Route|Interstate|Flight|Apartment|Building|Gate|Pier|Platform|"
    r"Model|Boeing|Airbus|Resolution|Bill|Article|Section|Chapter|Page|Channel|Box|Street|Avenue|version|ver|v)"
    r"\.?|#)\s*$",
    re.I,  # "room 1530" as well as "Room 1530"
)


@rule(rf"(?<![\d$€£.,:/#-])(?P<a>{YEAR4})\s*[-–]\s*(?P<b>{YEAR4}|\d\d)(?![\d%-])", "year4")
def _year_range(m, ctx):
    """ "in office 2001-2005", "the 2017-18 season": the years from the first to the last, as one span."""
    first = int(m["a"])
    last = int(m["b"]) if len(m["b"]) == 4 else first // 100 * 100 + int(m["b"])
    if not first < last <= first + 200 or _NOT_YEAR_AFTER.match(ctx.text, m.end()):
        return None
    return Reading("DURATION", f"P{last - first + 1}Y", None, "absolute",
                   bounds=(date(first, 1, 1), date(last, 12, 31)))


@rule(r"\bFY\s*['\u2019]?(?P<y>\d\d)\b", "year4")
def _fiscal_short(m, ctx):
    """ "FY18", "FY'18": a fiscal year named by its last two digits."""
    return _dated(Period("year", date(_year(m["y"], ctx.ref), 1, 1)))


@rule(rf"(?<![\d$€£.,:/#-])(?:(?P<fiscal>fiscal(?:\s+year)?|FY|the\s+year|calendar)\s*)?"
      rf"(?:(?P<mod>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of)[\s-]+)?"
      rf"(?P<y>{YEAR4})(?![\d,.]\d|\s*[-–]\s*\d|%|s\b|'s\b)", "year4")
def _year_alone(m, ctx):
    if _NOT_YEAR_AFTER.match(ctx.text, m.end()):
        return None
    if _NOT_YEAR_BEFORE.search(ctx.text, max(0, m.start() - 14), m.start()) or \
            re.match(r"\s+[A-Z][a-z]+\s+(?:Avenue|Street|Road|Boulevard|Drive|Lane|Place)\b", ctx.text[m.end():]):
        return None  # "1600 Pennsylvania Avenue"
    mod = _mod(re.sub(r"^the\s+|\s+of$", "", (m["mod"] or "").lower()))
    return _dated(Period("year", date(int(m["y"]), 1, 1)), mod=mod)


@rule(r"\b(?:(?P<ad>AD|A\.D\.)\s*(?P<y2>\d{1,4})|(?P<y>\d{1,4})\s*(?P<era>BC|B\.C\.|BCE|B\.C\.E\.|AD|A\.D\.|CE|C\.E\.))"
      r"(?![\w])", "anno", reach=(12, 12))
def _era_year(m, ctx):
    """ "44 BC", "AD 1066", "1066 AD". A year before Christ has no place on the calendar here (value only)."""
    era = m["era"] or m["ad"]
    if era != era.upper() or m["y"] and len(m["y"]) > 1 and m["y"][0] == "0":
        return None  # "an ad 5 times"
    year = int(m["y"] or m["y2"])
    if year == 0:
        return None
    if era.replace(".", "") in ("BC", "BCE"):
        return Reading("DATE", f"BC{year:04d}")
    return _dated(Period("year", date(year, 1, 1)))


@rule(r"\b(?P<pre>in|of|by|since|until|till|from|to|between|and|after|before|around|circa|year)\s+"
      r"(?P<y>1[0-4]\d\d)(?=\s*[,.;:)]|\s+(?:and|when|the|he|she|it|they|was|were|after|before|until|to|by)\b|\s*$)",
      "year4", narrative_only=True)
def _medieval_year(m, ctx):
    """A year before 1500 in a history ("in 1347, the plague ..."); in news such a number is a count."""
    return _with_span(_dated(Period("year", date(int(m["y"]), 1, 1))), m.span("y"))


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


@rule(rf"\b(?:(?P<mon>{MONTH})\s+|the\s+(?P<s>{SEASON})\s+of\s+)?(?P<ty>the\s+year\s+)?"
      rf"(?:(?P<c>nineteen|eighteen)\s+(?P<tens>{_TENS})(?:[\s-](?P<ones>{_ONES}))?"
      rf"|(?P<two>two\s+thousand)(?:\s+and)?(?:\s+(?P<ones2>{_ONES}|{_TENS}))?)\b", "spelled")
def _spelled_year(m, ctx):
    """Years read out in broadcast transcripts: "nineteen ninety-six", "the year two thousand",
    "January nineteen ninety-seven", "the winter of nineteen ninety-four"."""
    words = _SPELLED_NUMBERS
    if m["two"]:
        if not (m["ones2"] or m["ty"]):
            return None
        year = 2000 + words.get((m["ones2"] or "zero").lower(), 0)
    else:
        year = words[m["c"].lower()] * 100 + words[m["tens"].lower()] + words.get((m["ones"] or "zero").lower(), 0)
    if m["mon"] and _cap(m["mon"]):
        return _dated(Period("month", date(year, month_number(m["mon"]), 1)))
    if m["s"]:
        return _dated(Period("season", date(year, 1, 1), part=_L["seasons"][m["s"].lower()]))
    start = m.start("ty") if m["ty"] else m.start("c") if m["c"] else m.start("two")
    return _with_span(_dated(Period("year", date(year, 1, 1))), (start, m.end()))


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
      r"comparable\s+year-(?:ago|earlier)|next|coming|this|that|most\s+recent|recent|(?:last|this)\s+year's|"
      r"(?<=\bthe\s)|(?<=\bThe\s))"
      r"\s*(?P<u>quarter|half)\b(?!\s*(?:-|century|of\b|point|percent|mile|hour|inch))"
      r"(?P<ago>\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year))?", "quarter")
def _quarter_relative(m, ctx):
    which = " ".join(m["which"].lower().split()) or "the"
    unit = m["u"].lower()
    ref_q = Period("day", ctx.ref).coarsen(unit)
    # the quarter a financial report is about, once the text has named it
    last = ctx.reported if ctx.reported is not None and ctx.reported.gran == unit else None
    if which == "last year's" and last is not None:
        period, anchor = last.shift(-4 if unit == "quarter" else -2, unit), "previous"
    elif which == "this year's" and last is not None:
        period, anchor = last, "previous"
    elif which in ("current", "this", "this year's"):
        period, anchor = ref_q, "reference"
    elif which in ("next", "coming"):
        period, anchor = ref_q.shift(1, unit), "reference"
    elif "year" in which or which in ("comparable", "same") or m["ago"]:
        base = last or ref_q.shift(-1, unit)
        period, anchor = base.shift(-4 if unit == "quarter" else -2, unit), "previous" if last else "reference"
        if which == "same" and not m["ago"]:
            period = base
    elif which in ("that", "the", "latest", "most recent") and last is not None:
        period, anchor = last, "previous"
    elif which in ("that", "the"):
        period, anchor = ref_q.shift(-1, unit), "reference"
    else:  # latest, past, last, previous: the last completed one
        period, anchor = ref_q.shift(-1, unit), "reference"
    return _dated(period, anchor)


@rule(r"\b(?P<t>year-(?:earlier|ago))\b(?!\s+(?:quarter|half|period|nine|six|three|first|second|third|fourth)\b)"
      r"|\b(?P<t2>(?:the\s+(?P<which>year-(?:earlier|ago)|(?:19|20)\d\d|comparable|same|corresponding|latest)\s+"
      r"period|the\s+(?P<yq>(?:19|20)\d\d)\s+quarter)"
      r"(?P<ago>\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year))?)\b", "yearword", "digit", "quarter")
def _year_earlier(m, ctx):
    """ "year-earlier results", "the year-ago period": the period the text reports, a year before."""
    if m["t"] and ctx.text[m.start() - 1:m.start()] == "-":
        return None
    reported = ctx.reported
    which = (m["which"] or m["yq"] or "").lower()
    if which == "latest" and reported is None:  # the last quarter completed before the report
        return _dated(Period("day", ctx.ref).coarsen("quarter").shift(-1), "reference")
    if which == "latest" or (which in ("comparable", "same", "corresponding") and not m["ago"]):
        return _dated(reported, "previous") if reported is not None else None
    year_in = re.search(r"(?:19|20)\d\d", which)
    if year_in:
        if reported is not None:
            return _dated(Period(reported.gran, date(int(year_in.group()), reported.day.month, 1),
                                 index=reported.index))
        return _dated(Period("year", date(int(year_in.group()), 1, 1)))
    if reported is not None and m["t2"]:
        return _dated(reported.shift(-1, "year") if reported.gran != "half" else reported.shift(-2, "half"),
                      "previous")
    last = ctx.last
    if last is not None and last.gran in ("quarter", "half", "month") and _near(ctx, m.start()):
        return _dated(last.shift(-1, "year") if last.gran != "half" else last.shift(-2, "half"), "previous")
    return _dated(Period("year", ctx.ref).shift(-1), "reference")


@rule(rf"\b(?:the\s+)?(?P<ago>year-(?:earlier|ago)\s+)?first\s+(?P<n>two|three|four|five|six|seven|eight|nine|ten|"
      rf"eleven|\d+)\s+(?P<u>months|quarters)\b(?=\s+(?:of\s+(?P<y>{YEAR4})|(?P<which>this|last)\s+year))?",
      "unit", reach=(40, 40))
def _months_to_date(m, ctx):
    """ "the first nine months (of 2005)", "the first three quarters this year": the year so far."""
    n = number_value(m["n"])
    if n is None:
        return None
    n = int(n) * (3 if m["u"].lower() == "quarters" else 1)
    if not 1 <= n <= 12:
        return None
    year = int(m["y"]) if m["y"] else ctx.ref.year - (1 if (m["which"] or "").lower() == "last" or m["ago"] else 0)
    lo = date(year, 1, 1)
    return Reading("DURATION", f"P{n}M", None, "absolute" if m["y"] else "reference",
                   bounds=(lo, add_months(lo, n) - timedelta(1)), year_to_date=True)
