"""Times named from the reference date or the narrative: yesterday, Friday, last week, two days later, 8:30 a.m."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from timeline_app.core.temporal.calendar import add_months
from timeline_app.core.temporal.lexicon import month_number, number_value, weekday_number
from timeline_app.core.temporal.rules.base import (
    _L,
    AMPM,
    DAYNUM,
    MONTH,
    NUM,
    PART,
    QUAL,
    QUAL_MOD,
    TZ,
    UNIT_GRAN,
    UNITS,
    VAGUE,
    WEEKDAY,
    YEAR4,
    Period,
    Reading,
    _cap,
    _closest_year,
    _dated,
    _day,
    _duration,
    _mod,
    _near,
    _unit_word,
    _weekday_date,
    _with_span,
    rule,
)

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
    if w == "tomorrow" and not m["part"] and not m["mod"] and _is_nowadays(ctx.text, m.start()):
        return Reading("DATE", "FUTURE_REF", None, "reference")  # "the people of tomorrow"
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


@rule(rf"\b(?:(?P<mod>early|late|earlier|later)\s+)?(?:(?P<which>this\s+coming|this\s+past|last|next|this|coming|past|(?:the\s+)?previous|"
      rf"(?:the\s+)?following)\s+)?"
      rf"(?P<wd>{WEEKDAY})(?P<pl>s)?(?:'s)?(?:\s+(?P<part>{PART})(?P<pl2>s)?)?\b", "weekday")
def _weekday(m, ctx):
    if not _cap(m["wd"]):
        return None
    wd = weekday_number(m["wd"])
    if m["pl"] or m["pl2"]:  # "on Mondays", "Tuesday nights"
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
        which = {"past": "last", "previous": "last", "the previous": "last", "coming": "next", "this coming": "next",
                 "this past": "last", "following": "next", "the following": "next"}.get(which, which)
        # "Wednesday's ruling", "Thursday's closing price": news names a day by what happened on it
        possessive = m.group().endswith("'s") and not m["part"]
        d, anchor = _weekday_date(wd, ctx, m.start(), m.end(), which, "past" if possessive else "")
    # TimeML leaves "early"/"later" and the possessive outside the expression: "Later [Thursday]'s"
    span = (m.start("which") if m["which"] else m.start("wd"), m.end("part") if m["part"] else m.end("wd"))
    if m["part"]:
        period = Period("part", d, part=_L["parts_of_day"][m["part"].lower()])
        return _with_span(_dated(period, anchor, _mod(m["mod"]), "TIME"), span)
    return _with_span(_dated(Period("day", d), anchor, _mod(m["mod"])), span)




# ---------------------------------------------------------------- this/last/next unit

@rule(r"\b(?:(?P<mod>early|late|earlier|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
      r"the\s+middle\s+of|mid)[\s-]+(?:in\s+)?)?"
      r"(?P<which>this\s+past|this|last|next|past|coming|previous|the\s+past|the\s+last|the\s+coming|the\s+previous|"
      r"the\s+following|the\s+next|the\s+current|current|that|the\s+same)\s+"
      r"(?:fiscal\s+)?(?P<u>week|weekend|month|year|decade|century|quarter)(?!-|\s+and\s+a\s+half)\b"
      r"(?:\s+or\s+(?:so|two))?", "unit")
def _this_unit(m, ctx):
    if m["u"][0].isupper() and not m["u"].isupper():
        return None  # "ABC's This Week": a title
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
    return _dated(Period("weekend", sat), "reference")


_RANK = {"week": 1, "weekend": 1, "month": 2, "quarter": 3, "half": 4, "season": 4, "year": 5, "decade": 6,
         "century": 7}  # day, time and part of day rank 0


def _stretch(day, sign: int, gran: str) -> tuple:
    """Where "a few days later" or "years ago" falls: the units one to seven away from ``day`` on one side."""
    near, far = (Period("day", day).coarsen(gran).shift(sign * k) for k in (1, 7))
    first, last = (near, far) if sign > 0 else (far, near)
    return first.bounds()[0], last.bounds()[1]


# ---------------------------------------------------------------- counted offsets: "two days ago", "a year later"

_DIRECTION = r"(?P<dir>ago|earlier|later|from\s+now|hence|back|previously|afterwards?|(?:before|after)(?=\s*[,.;]))\b"


@rule(r"\b(?P<u>minutes|hours|days|weeks|months|years|decades|centuries)\s+" + _DIRECTION, "unit", reach=(12, 28))
@rule(rf"\b(?:(?P<q>{QUAL})\s+)?(?P<n>{NUM}|{VAGUE})[\s-]+(?P<u>{UNITS})(?:\s+or\s+so)?\s+" + _DIRECTION,
      "unit", reach=(40, 28))
def _offset(m, ctx):
    """ "two days ago", "a year later", and uncounted: "days later", "hours later", "years ago"."""
    unit = _unit_word(m["u"])
    counted = m.groupdict().get("n")
    n = number_value(counted) if counted else None
    direction = m["dir"].lower()
    sign = -1 if direction in ("ago", "earlier", "before", "back", "previously") else 1
    deictic = direction in ("ago", "from now", "hence", "back")
    if deictic:
        base, anchor = Period("day", ctx.ref), "reference"
    else:
        base, anchor = ctx.anchor()
    if unit in ("minute", "hour") and not counted:  # "hours later", "minutes ago": the same day
        day = base.day if base.gran in ("day", "time", "part") else ctx.ref
        return _with_span(_dated(Period("day", day), anchor), (m.start("u"), m.end()))
    if unit in ("second", "minute", "hour"):
        return Reading("DURATION", _duration(n, unit), None, "reference")
    mod = QUAL_MOD.get(" ".join((m.groupdict().get("q") or "").lower().split()), "")
    gran = UNIT_GRAN.get(unit, "day")
    if n is None:  # "a few days later", "years ago": a stretch on that side of the anchor, not a point
        return Reading("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None, anchor, mod,
                       _stretch(base.day, sign, gran))
    n = int(n) if float(n).is_integer() else n
    if unit == "fortnight":  # "a fortnight ago" is two weeks back, not one
        n, unit = n * 2, "week"
    if not isinstance(n, int):
        return Reading("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None, anchor, mod)
    if unit == "year" and n == 1 and sign < 0 and ctx.reported is not None:
        # an earnings report compares its quarter with the same quarter a year before
        return _dated(ctx.reported.shift(-1, "year"), "previous", mod)
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
    # counted from a coarser period ("In March 2010 ... two days later"), the answer is no finer than it
    coarse = not deictic and _RANK.get(base.gran, 0) > _RANK.get(gran, 0)
    start = base.bounds()[0] if coarse else base.day
    start = start.date() if isinstance(start, datetime) else start
    target = Period("day", start + timedelta(days=sign * n)) if gran == "day" else \
        Period("day", start).shift(sign * n, "quarter" if unit == "quarter" else gran)
    if coarse:
        return _dated(target.coarsen(base.gran), anchor, mod)
    if unit == "quarter":
        return _dated(target.coarsen("quarter"), anchor, mod)
    return _dated(target.coarsen(gran) if gran != "day" else target, anchor, mod)




@rule(r"\b(?P<t>(?:the|that)\s+(?P<which>previous|next|following|same|prior)\s+(?P<u>day|morning|afternoon|evening|"
      r"night|week|month|year))\b|\b(?P<t2>(?P<which2>earlier|later)\s+that\s+(?P<u2>day|morning|week|month|year))\b"
      r"|\b(?P<t3>that\s+(?:(?:very|same)\s+)?(?P<u3>day|morning|evening|night|week|month|year))\b"
      r"|\b(?P<t4>the\s+day\s+(?P<which4>before|after|earlier))(?!\s+(?:the|that|this|his|her|yesterday|tomorrow|"
      rf"last|next|{WEEKDAY})\b|\s+[a-z]+ing\b)\b"
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
    elif ctx.narrative and ctx.last is not None:
        return _dated(ctx.last, "previous")  # "the next morning" in "autumn 1944": no nearer than the season
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


# ---------------------------------------------------------------- times of day

def _day_in_view(ctx) -> date:
    """The day a bare time of day belongs to: the last day the text named, else the reference."""
    return ctx.last.day if ctx.last is not None and ctx.last.gran in ("day", "time", "part") else ctx.ref


@rule(r"\b(?P<mod>early|late|mid)[\s-]?(?P<part>morning|afternoon|evening)"
      r"(?:\s+(?P<td>today|yesterday|tomorrow))?\b", "part")
def _part_of_day(m, ctx):
    """ "by mid afternoon", "mid-afternoon yesterday": a part of the day in view."""
    if re.search(rf"\b(?:{WEEKDAY}|today|yesterday|tomorrow|this|that)\s+$", ctx.text[max(0, m.start() - 12):m.start()],
                 re.I):
        return None  # "Tuesday late afternoon": the weekday rule's
    day = ctx.ref + timedelta(days=_DEICTIC[m["td"].lower()]) if m["td"] else _day_in_view(ctx)
    code = _L["parts_of_day"][m["part"].lower()]
    mod = {"early": "START", "mid": "MID", "late": "END"}[m["mod"].lower()]
    return _dated(Period("part", day, part=code), "reference" if m["td"] else "previous", mod, "TIME")


@rule(r"\b(?:at|before|after|by|until|since|from)\s+(?P<t>dawn|dusk|daybreak|sunrise|sunset)\b", "part")
def _dawn(m, ctx):
    """ "at dawn", "before sunrise": the early morning or evening of the day in view."""
    code = "MO" if m["t"].lower() in ("dawn", "daybreak", "sunrise") else "EV"
    return _with_span(_dated(Period("part", _day_in_view(ctx), part=code), "previous", type_="TIME"), m.span("t"))


@rule(r"\b(?:on|by|until|since|from|before|after)\s+(?P<t>the\s+(?P<d>[12]?\d|3[01])(?:st|nd|rd|th))\b"
      r"(?=\s*(?:[,.;:)]|$)|\s+(?:and|or|but|to|they|he|she|it|we|i|you|the|a|at|in|when|as|with|was|were|will|"
      r"would|of\s+(?:this|that|next|last)\s+month)\b)", "digit", "year4")
def _day_of_month(m, ctx):
    """ "on the 25th": a day of the month in view (the last one named, else the reference's)."""
    day = int(m["d"])
    if ctx.last is not None and ctx.last.gran in ("day", "month", "time", "part"):
        base, anchor = ctx.last.day, "previous"
    else:
        base, anchor = ctx.ref, "reference"
        tense = ctx.tense(m.start("t"), m.end())
        if tense == "future" and day < base.day:
            base = add_months(base.replace(day=1), 1)
        elif tense != "future" and day > base.day:
            base = add_months(base.replace(day=1), -1)
    try:
        d = base.replace(day=day)
    except ValueError:
        return None
    return _dated(Period("day", d), anchor)


@rule(r"\b(?P<mod>earlier|later)\s+in\s+the\s+(?P<u>week|month)\b", "unit")
def _earlier_in_the(m, ctx):
    """ "later in the week": the part of the week in view still to come (or gone by)."""
    unit = m["u"].lower()
    base = ctx.last if ctx.last is not None and ctx.last.gran in ("day", "time", "part") else Period("day", ctx.ref)
    period = Period("day", base.day).coarsen(unit)
    return _dated(period, "previous" if base is ctx.last else "reference", _mod(m["mod"]))


@rule(r"(?<![\d.,])\b(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s+(?:o'clock\s+)?in\s+the\s+"
      r"(?P<part>morning|afternoon|evening)\b",
      "part")
def _hour_in_part(m, ctx):
    """ "4 in the morning", "9 o'clock in the evening"."""
    hour = int(m["h"]) % 12 + (0 if m["part"].lower() == "morning" else 12)
    return _dated(Period("time", _day_in_view(ctx), hour, int(m["mi"] or 0)), "reference", type_="TIME")


@rule(rf"\b(?P<t>the\s+(?P<u>week|weekend)\s+of\s+(?P<mon>{MONTH})\s+(?P<d>{DAYNUM}))\b(?!,?\s+\d{{4}})", "unit")
def _week_of(m, ctx):
    """ "the week of March 6": the week that holds the day."""
    if not _cap(m["mon"]):
        return None
    day = _closest_year(month_number(m["mon"]), int(re.match(r"\d+", m["d"]).group()), ctx, m.start(), m.end())
    if day is None:
        return None
    if m["u"].lower() == "weekend":
        return _dated(Period("weekend", day), "reference")
    return _dated(Period("day", day).coarsen("week"), "reference")


@rule(rf"\b(?P<t>the\s+(?P<n>first|second|third|fourth|last|final)\s+week\s+of\s+(?P<mon>{MONTH})"
      rf"(?:,?\s+(?P<y>{YEAR4}))?)\b", "unit")
def _nth_week_of(m, ctx):
    """ "the first week of October": its first seven days (the value is the ISO week that holds most of them)."""
    if not _cap(m["mon"]):
        return None
    month = month_number(m["mon"])
    if m["y"]:
        year, anchor = int(m["y"]), "absolute"
    else:
        year, anchor = _closest_year(month, 1, ctx, m.start(), m.end()).year, "reference"
    if m["n"].lower() in ("last", "final"):
        last = add_months(date(year, month, 1), 1) - timedelta(days=1)
        first = last - timedelta(days=6)
    else:
        first = date(year, month, 1) + timedelta(days=7 * (_L["ordinals"][m["n"].lower()] - 1))
        last = first + timedelta(days=6)
    week = Period("day", first + timedelta(days=3)).coarsen("week")
    return Reading("DATE", week.value, week, anchor, bounds=(first, last))


@rule(rf"\b(?P<h>[01]?\d)(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>{AMPM}){TZ}"
      rf"(?:\s+(?:on\s+)?(?:(?P<wd>{WEEKDAY})(?:,?\s+(?P<mon3>{MONTH})\s+(?P<md3>{DAYNUM})\b"
      rf"(?:,\s*(?P<my3>{YEAR4})\b)?)?|(?P<td>today|yesterday|tomorrow|tonight)|"
      rf"(?P<mon>{MONTH})\s+(?P<md>{DAYNUM})\b(?:,?\s+(?P<my>{YEAR4})\b)?))?"
      rf"|\b(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)(?::\d\d)?(?=\s*(?:[ECMP][SD]T|GMT|UTC|hours|hrs|local|h\b))"
      rf"|(?<=\b(?:at|by)\s)(?P<h24b>[01]?\d|2[0-3]):(?P<mi24b>[0-5]\d)\b(?![:.,]\d|\s*(?:a\.?m|p\.?m|%))"
      rf"|\b(?P<word>noon|midnight|midday)(?:\s+(?:on\s+)?(?:(?P<wd2>{WEEKDAY})|(?P<td2>today|yesterday|tomorrow)))?",
      "digit", "part")
def _clock(m, ctx):
    if m["word"]:
        if re.search(r"\bhigh\s+$", ctx.text[max(0, m.start() - 6):m.start()], re.I):
            return None  # "High Noon", "high noon comes today": the showdown, not the hour
        hour, minute = (12, 0) if m["word"].lower() in ("noon", "midday") else (24, 0)
        wd, td = m["wd2"], m["td2"]
    elif m["h24"] or m["h24b"]:
        hour, minute, wd, td = int(m["h24"] or m["h24b"]), int(m["mi24"] or m["mi24b"]), None, None
    else:
        hour, minute = int(m["h"]), int(m["mi"] or 0)
        if hour == 0 or hour > 12:
            return None
        pm = m["ap"].lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0)
        wd, td = m["wd"], m["td"]
    # a date after the time, or after its weekday ("5 p.m. on Thursday, March 4"), says which day
    mon, md, my = (m["mon3"], m["md3"], m["my3"]) if m["mon3"] else (m["mon"], m["md"], m["my"])
    if mon and _cap(mon):
        month, day = month_number(mon), int(re.match(r"\d+", md).group())
        d = _day(int(my), month, day) if my else _closest_year(month, day, ctx, m.start(), m.end())
        if d is None:
            return None  # "Feb. 30"
    elif wd and _cap(wd):
        d, _ = _weekday_date(weekday_number(wd), ctx, m.start(), m.end())
    elif td:
        d = ctx.ref + timedelta(days=_DEICTIC[td.lower()])
    else:
        d = _day_in_view(ctx)
    return _dated(Period("time", d, hour, minute), "reference", type_="TIME")
