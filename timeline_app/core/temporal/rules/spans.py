"""Durations, repeating times (sets), vague references (now, recently) and holidays."""

from __future__ import annotations

import re
from datetime import date, timedelta

from timeline_app.core.temporal.calendar import easter, nth_weekday
from timeline_app.core.temporal.lexicon import month_number, number_value, weekday_number
from timeline_app.core.temporal.rules.base import (
    _L,
    HOLIDAY,
    MONTH,
    NUM,
    NUMWORD,
    QUAL,
    QUAL_MOD,
    SEASON,
    TIME_UNITS,
    UNIT,
    UNIT_GRAN,
    UNITS,
    VAGUE,
    WEEKDAY,
    YEAR4,
    Period,
    Reading,
    _cap,
    _dated,
    _duration,
    _unit_word,
    rule,
)

# ---------------------------------------------------------------- durations

@rule(rf"\b(?:(?P<det>the|a|an|another)\s+)?(?:(?P<dir>past|last|next|first|coming|previous|following|"
      rf"final|remaining|recent|initial|latest|additional|further)\s+)?"
      rf"(?:(?P<q>{QUAL})\s+)?(?:(?P<n0>{NUM})\s*(?:to|or|-|–)\s*(?=\d|{NUMWORD}))?"
      rf"(?P<n>{NUM}|{VAGUE}|(?:a\s+)?(?:couple|few)(?:\s+of)?|several|many|"
      rf"(?:a\s+)?(?:dozen|dozens\s+of|hundreds\s+of|thousands\s+of))"
      rf"(?:\s*\(\d+\))?(?:\s+(?:more|full|straight|consecutive|long|additional|further|whole))?[\s-]+"
      rf"(?P<u>{UNITS})\b(?P<adj>-long)?(?P<half>\s+and\s+a\s+half)?(?:\s+or\s+(?:so|two|three))?"
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
    if m["half"] and n is not None:  # "a year and a half"
        n += 0.5
    unit = _unit_word(m["u"])
    if n_text == "recent" and unit in ("year", "decade") and not (m["det"] or m["dir"] or m["q"]):
        return Reading("DATE", "PAST_REF", None, "reference")  # "in recent years": the past, not a length
    if m["u"][0].isupper() and m["n"][0].isdigit():
        return None  # "60 Minutes" is a title
    after = ctx.text[m.end():m.end() + 24]
    if unit == "quarter" and re.match(r"\s*(?:of\b|-?\s*(?:percentage\s+)?point)", after):
        return None  # "three-quarters of the vote", "a quarter point" are fractions
    if unit == "second" and n_text in ("a", "an") and _ORDINAL_SECOND.match(after):
        return None  # "a second chance", "a second term"
    if n is not None and n > 10000:
        return None
    if re.fullmatch(r"1[0-9]\d\d|20\d\d", n_text) and not m["u"].lower().endswith("s"):
        return None  # "the 1988 quarter" is a year's quarter, not 1,988 of them
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
_ORDINAL_SECOND = re.compile(r"\s+(?!later|earlier|ago|or|and|in|of|after|before)[a-z]")

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
    vague_article = det in ("a", "an") and re.match(r"(?:few|couple|hundred|thousand|dozen)\b", m["n"].lower())
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


@rule(r"\b(?P<u>hour|day|week|month|year|decade|centur(?:y|ies))(?P<pl>s)?-?long\b", "unit", reach=(8, 8))
def _long(m, ctx):
    """ "a day-long meeting", "the decades-long battle", "a yearlong inquiry"."""
    if re.search(r"[\w-]$", ctx.text[max(0, m.start() - 1):m.start()]):
        return None  # "two-day-long" is a counted duration
    unit = _unit_word(m["u"])
    plural = bool(m["pl"]) or m["u"].lower() == "centuries"
    return Reading("DURATION", _duration(None if plural else 1, unit), None, "reference")


# ---------------------------------------------------------------- sets

@rule(rf"\b(?P<every>every|each)\s+(?P<other>other\s+)?(?:(?P<wd>{WEEKDAY})|(?P<mon>{MONTH})|(?P<u>{UNIT})|"
      rf"(?P<s>{SEASON}))\b|\b(?P<adv>daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly)\b"
      rf"|\b(?P<rate>once|twice|three\s+times|four\s+times|\d+\s+times)\s+(?P<t>an?\s+(?P<ru>{UNIT}))\b"
      rf"|\b(?P<t2>per\s+(?P<pu>year|month|week|day))\b(?=\s*[,.;]|\s+(?:and|or|for|in|since)\b)",
      "set", "unit")
def _set(m, ctx):
    if m["adv"]:
        code = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
                "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W"}[m["adv"].lower()]
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

# "soon", "previously" and "formerly" are left out: news annotation rarely counts them as times
_VAGUE = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "at present": "PRESENT_REF", "presently": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "at the moment": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
}


@rule(r"\b(?:(?P<pre>in)\s+)?(?:right\s+)?(?P<t>now|currently|at\s+present|presently|nowadays|these\s+days|"
      r"at\s+the\s+moment|recently|lately|the\s+past|the\s+(?:near\s+|distant\s+)?future|a\s+later\s+date|"
      r"the\s+(?:near|short)\s+term)\b(?!-)", "vague", "unit")
def _vague(m, ctx):
    word = " ".join(m["t"].lower().split())
    after = ctx.text[m.end():m.end() + 12].lower()
    if word == "now" and re.match(r"\s*-", after):
        return None
    if word == "the past" and not m["pre"] and not re.search(
            r"\b(?:of|in|from|to|with|than|into|like)\s+$", ctx.text[max(0, m.start() - 6):m.start()].lower()):
        return None
    value = _VAGUE.get(word, "FUTURE_REF")
    period = Period("day", ctx.ref) if value == "PRESENT_REF" else None
    bounds = (ctx.ref - timedelta(days=30), ctx.ref - timedelta(days=1)) if word in ("recently", "lately") else None
    return Reading("DATE", value, period, "reference", bounds=bounds, span=m.span("t"))


@rule(r"\b(?P<t>recent)(?=\s+(?:year|quarter|month|week|period|levels?|prices?|rates?|trends?|"
      r"conditions|situation|crisis|fiscal|session|term|administration|government|"
      r"regime|policy|policies|economic|market|environment|climate|state|era|law|system)\b)"
      r"|\b(?P<cur>current)(?=\s+(?!(?:account|accounts|affairs|events|flows?|flowing|is|was|are|were|of|in|on|to|"
      r"and|or|that|which|from|through|density|carrying|strength)\b)[a-z])", "vague")
def _vague_adjective(m, ctx):
    """ "current" before a noun ("his current wife", "current market conditions"): the present.
    "recent" only before a few nouns of time and state: "the recent sale" is an event, not a time."""
    if m["cur"]:
        then = re.search(r"\bthen[\s-]+$", ctx.text[max(0, m.start() - 6):m.start()], re.I)
        if then:  # "the then current price": current at a time past
            return Reading("DATE", "PAST_REF", None, "reference", span=(m.start() - len(then.group()), m.end()))
        return Reading("DATE", "PRESENT_REF", Period("day", ctx.ref), "reference", span=m.span("cur"))
    return Reading("DATE", "PAST_REF", None, "reference")


# ---------------------------------------------------------------- holidays

# "Christmas trees", "Easter eggs": things named after a holiday, not times
_HOLIDAY_THING = re.compile(r"\s+(?:trees?|cards?|carols?|decorations?|lights|ornaments?|gifts?|presents?|"
                            r"commodities|goods|music|songs?|spirit|stor(?:y|ies)|movies?|films?|specials?|"
                            r"eggs?|bunn(?:y|ies)|parades?|markets?|cake|pudding|jumpers?|sweaters?|stockings?)\b")

@rule(rf"\b(?:(?P<which>last|this|next)\s+)?(?P<h>{HOLIDAY})(?:\s+(?P<y>{YEAR4}))?\b", "holiday")
def _holiday(m, ctx):
    name = " ".join(m["h"].lower().split())
    if not _cap(m["h"]) or (not m["y"] and _HOLIDAY_THING.match(ctx.text, m.end())):
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
        else:  # the last one, unless the next is weeks away: news before a holiday speaks of it
            d = this if this <= ref + timedelta(days=45) else on(ref.year - 1)
    return _dated(Period("day", d), anchor) if d else None
