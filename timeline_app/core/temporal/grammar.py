"""A compositional grammar of time expressions: typed pieces, composed until nothing new appears.

Words and numbers become typed pieces (a day, a month, a year, a weekday, a clock time, a part of day, a
unit, a number, an ordinal, a direction, a deictic day); a few composition rules join neighbouring pieces into
one ``When``:

- intersection: "Friday" + "at 9", "June 3" + "2019", "tomorrow" + "evening";
- offset: "next" + "week", "a fortnight" + "ago", "in" + "ten days", "two years" + "from now";
- ordinal in a period: "the second Friday" + "of May", "the last day" + "of June";
- part of a period: "end of" + "May", "mid-" + "2019";
- range: "June 3" + "to" + "5", "2-3pm", "from Monday through Wednesday" (two expressions, one per end, each end
  taking what it lacks from the other).

``normalise`` turns a ``When`` into a TIMEX3 value and its bounds. A phrasing the grammar did not know is
usually a new word in the lexicon, not a new rule. The regular-expression rules in ``rules/`` stay for what
needs the narrative (anaphora, reports, histories); the tagger keeps the longest reading where both apply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from timeline_app.core.temporal.calendar import Period, add_months, nth_weekday
from timeline_app.core.temporal.lexicon import lexicon
from timeline_app.core.temporal.tense import says_more, tense

_L = lexicon()
_G = _L["grammar"]
MONTHS: dict[str, int] = _L["months"]
WEEKDAYS: dict[str, int] = _L["weekdays"]
NUMBERS: dict[str, float] = {w: n for w, n in _L["numbers"].items() if " " not in w}
ORDINALS: dict[str, int] = {w: n for w, n in _L["ordinals"].items() if "-" not in w or w[0].isalpha()}
PARTS: dict[str, str] = _G["parts_of_day"]
AMBIGUOUS = frozenset(_G["ambiguous_names"])  # "may", "march", "sun": names only beside another piece
UNITS: dict[str, str] = _G["units"]
DEICTIC: dict[str, int] = _G["deictic_days"]
DIRECTIONS: dict[str, str] = _G["directions"]
PERIOD_PARTS: dict[str, str] = _G["period_parts"]
ZONES = frozenset(_G["time_zones"])
RANGE_WORDS = frozenset(_G["range_words"])
def _short_forms(names: dict[str, int]) -> list[str]:
    """The abbreviations among month or weekday names: every form but the longest of each ("Sept", not "June")."""
    longest: dict[int, str] = {}
    for word, n in names.items():
        if len(word) > len(longest.get(n, "")):
            longest[n] = word
    return [w for w in names if w != longest[names[w]]]


ABBREVIATIONS = frozenset(_short_forms(MONTHS) + _short_forms(WEEKDAYS) + ["a.m", "p.m", "approx", "ca"])
FILLERS = frozenset(_G["fillers"])
NOT_AFTER_NUMBER = frozenset(_G["not_after_number"])  # "12.10 percent", "1530 shares"
NOT_BEFORE_NUMBER = frozenset(_G["not_before_number"])  # "version 2.1.2017", "Room 1530"

_TOKEN = re.compile(
    r"(?P<iso>\d{4}-\d\d(?:-\d\d)?)(?![\d-])"
    r"|(?P<ymd>\d{4}/\d\d/\d\d)(?![\d/])"
    r"|(?P<my>\d{1,2}/\d{4})(?![\d/])"
    r"|(?P<dmy>\d{1,2}-\d{1,2}-\d{4})(?![\d-])"
    r"|(?P<numdate>\d{1,2}[./]\d{1,2}(?:[./](?:\d{4}|\d\d)(?!\d)|\.(?!\s*(?!(?i:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))(?-i:[A-Z])))?)"
    r"(?![\d/]|\.\d)"
    r"|(?P<clock>\d{1,2}[:h]\d\d)(?::\d\d)?(?!\d)"
    r"|(?P<amount>\d+(?:[.,]\d+)+)"
    r"|(?P<dayd>\d{1,2})\.(?=[A-Za-z]{3}|\s*(?:-|to\b|till\b|until\b)\s*\d)"
    r"|(?P<numtok>(?P<num>\d+)(?:\s?(?P<suffix>st|nd|rd|th|am|pm|a\.m\.?|p\.m\.?)(?!(?-i:[a-z])))?)"
    r"|(?P<word>[Qq][1-4](?!\d)|[ap]\.m\b\.?|[A-Za-z]+(?:'s)?\.?)"
    r"|(?P<punct>[-\u2013\u2014,/&])"
    r"|(?P<stop>[.;:!?()\[\]\"]|\n)"
    r"|(?P<symbol>[^\s\w])",
    re.I,
)


@dataclass(frozen=True)
class When:
    """A time as far as the words say it; None where they do not."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 1 = Monday
    hour: int | None = None
    minute: int | None = None
    part: str | None = None  # MO AF EV NI
    gran: str = "day"  # year quarter month week weekend day
    quarter: int | None = None
    start: date | None = None  # the first day of a period found by counting (a week, "the third week of")
    mod: str = ""  # START MID END
    anchor: str = "absolute"  # "reference" when counted from the reference date
    duration: str = ""  # a TIMEX3 duration ("P2D" for "2 nights"), when the words name a length, not a time

    @property
    def timed(self) -> bool:
        return self.hour is not None or self.part is not None

    @property
    def dated(self) -> bool:
        return any(v is not None for v in (self.year, self.month, self.day, self.weekday, self.start, self.quarter))


@dataclass
class Piece:
    """A span of the text and what it is: a kind, a value, and whether it may stand alone."""

    kind: str  # when num ord unit dir range and between from of ago in word
    start: int
    end: int
    value: object = None
    weak: bool = False  # an ambiguous word that counts only when composed with another piece
    raw: str = ""
    composed: bool = False


# ---------------------------------------------------------------- pieces

def pieces(text: str, lo: int = 0, hi: int | None = None) -> list[Piece]:
    """The typed pieces of ``text[lo:hi]``; words the grammar does not know become ``word`` pieces."""
    out: list[Piece] = []
    for m in _TOKEN.finditer(text, lo, len(text) if hi is None else hi):
        kind = m.lastgroup  # the kinds are the outermost groups, so the last one closed names the token
        if kind == "numtok":
            kind = "num"
        s, e = m.span()
        raw = m.group()
        low = raw.lower()
        if kind == "iso" or kind == "ymd":
            parts = [int(x) for x in re.split(r"[-/]", raw)]
            if 1 <= parts[1] <= 12 and (len(parts) == 2 or 1 <= parts[2] <= 31):
                w = When(parts[0], parts[1], parts[2] if len(parts) == 3 else None, gran="day" if len(parts) == 3
                         else "month")
                out.append(Piece("when", s, e, w, raw=raw))
                continue
            kind = "word"
        elif kind == "my":
            month, year = (int(x) for x in raw.split("/"))
            if 1 <= month <= 12:
                out.append(Piece("when", s, e, When(year, month, gran="month"), raw=raw))
                continue
            kind = "word"
        elif kind in ("numdate", "dmy"):
            out.append(Piece("numdate", s, e, raw.rstrip(".").replace("-", "."), raw=raw))
            continue
        elif kind == "clock" and not _counted_thing(text, s):  # "line 10:15", "John 3:16"
            h, mi = (int(x) for x in re.split(r"[:h]", m.group("clock").lower()))
            if h <= 24 and mi < 60:
                out.append(Piece("when", s, e, When(hour=h, minute=mi, gran="time"), raw=raw))
                continue
            kind = "word"
        elif kind == "dayd":  # "29.Sept": a day number, written the German way
            out.append(Piece("num", s, m.end("dayd"), int(m.group("dayd")), raw=m.group("dayd")))
            continue
        elif kind == "num":
            digits, suffix = m.group("num"), (m.group("suffix") or "").lower().replace(".", "").replace(" ", "")
            n = int(digits)
            if suffix in ("st", "nd", "rd", "th"):
                out.append(Piece("ord", s, e, n, raw=digits))
            elif suffix in ("am", "pm"):
                clock = _clock_digits(digits, suffix)
                if clock is not None:
                    out.append(Piece("when", s, e, clock, raw=raw))
                else:
                    out.append(Piece("num", s, m.end("num"), n, raw=digits))
            else:
                out.append(Piece("num", s, e, n, raw=digits))
            continue
        if kind == "word":
            word = low.rstrip(".")
            if low.endswith(".") and word not in ABBREVIATIONS:  # a full stop, not an abbreviation's dot
                low, raw, e = word, raw[:-1], e - 1
                out.append(_word(word, raw, s, e))
                out.append(Piece("stop", e, e + 1, raw="."))
                continue
            if low.endswith("'s"):  # "next week's election": the time is "next week"
                low, raw, e = low[:-2], raw[:-2], e - 2
            out.append(_word(word if low.endswith(".") else low, raw, s, e))
        elif kind == "stop":
            out.append(Piece("stop", s, e, raw=raw))
        elif kind == "amount":  # "1,850", "4.375": never part of a time
            out.append(Piece("word", s, e, raw=raw))
        elif kind == "symbol":  # "$", "%", an emoji: never part of a time, and no word either
            out.append(Piece("symbol", s, e, raw=raw))
        else:
            out.append(Piece("range" if raw in "-\u2013\u2014" else raw, s, e, raw=raw))
    return out


def _word(low: str, raw: str, s: int, e: int) -> Piece:
    kind, value, weak = _classify(low.rstrip("."))
    return Piece(kind, s, e, value, weak=weak, raw=raw)


_KEYWORDS = frozenset(("ago", "earlier", "before", "hence", "later", "after", "between", "from", "of", "in", "and",
                       "half", "quarter", "past", "o'clock", "oclock", "now", "the", "at", "on", "to", "by", "within"))


@lru_cache(maxsize=1 << 16)
def _classify(low: str) -> tuple[str, object, bool]:
    """What a lower-case word is to the grammar: (kind, value, weak). Cached: news repeats its words."""
    if low in MONTHS:
        return "when", When(month=MONTHS[low], gran="month"), low in AMBIGUOUS
    if low in WEEKDAYS:
        return "when", When(weekday=WEEKDAYS[low]), low in AMBIGUOUS
    if low in PARTS:
        code = PARTS[low]
        # alone, "noon" or "the morning" is left to the rules, which know "high noon" and "morning papers"
        if code in ("12:00", "24:00"):
            return "when", When(hour=int(code[:2]), minute=0, gran="time"), True
        return "when", When(part=code, gran="part"), True
    if low in DEICTIC:
        return "deictic", DEICTIC[low], False
    if low in ORDINALS and low not in ("second",):
        return "ord", ORDINALS[low], False
    if low == "second":
        return "ord", 2, True
    if low in NUMBERS:
        return "num", NUMBERS[low], False
    if low in UNITS:
        return "unit", UNITS[low], False
    if low in DIRECTIONS:
        return "dir", DIRECTIONS[low], False
    if low in PERIOD_PARTS:
        return "partof", PERIOD_PARTS[low], False
    if low in ZONES:
        return "zone", None, False
    if re.fullmatch(r"q[1-4]", low):
        return "qnum", int(low[1]), False
    if low in RANGE_WORDS:
        return "range", None, False
    if low in ("am", "pm", "a.m", "p.m", "a.m.", "p.m."):
        return "ampm", low[0], False
    if low in _KEYWORDS:
        return low, None, False
    if low in FILLERS:
        return "filler", None, False
    return "word", None, False


_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?\s*$")


def _counted_thing(text: str, at: int) -> bool:
    """Whether the number at ``at`` follows a word that numbers things ("Room 1530", "line 10:15", "v 2.1")."""
    m = _WORD_BEFORE.search(text, max(0, at - 16), at)
    return m is not None and m.group(1).lower() in NOT_BEFORE_NUMBER


def _clock_digits(digits: str, ampm: str) -> When | None:
    """'6' 'pm', '1105' 'am', '1515' 'pm' (a 24-hour time with a needless pm)."""
    if not digits.isdigit():
        return None
    if len(digits) <= 2:
        h, mi = int(digits), 0
    elif len(digits) in (3, 4):
        h, mi = int(digits[:-2]), int(digits[-2:])
    else:
        return None
    twelve = ampm[:1] in ("a", "p")  # else a 24-hour time ("1210" is ten past noon, "0015" a quarter past midnight)
    if not ((1 if twelve else 0) <= h <= 24 and mi < 60):
        return None
    if twelve and h <= 12:
        h = (h % 12) + (12 if ampm[0] == "p" else 0)
    return When(hour=h, minute=mi, gran="time")


def _numdate(raw: str, ref: date) -> tuple[int, int, int | None] | None:
    """'16.11.2017', '14/12', '12.09.17' as (day, month, year). Dots are day first; a slash is read both ways,
    and where both readings are dates, the one nearer the reference wins ('10/2' in late September is 2 October).
    """
    parts = [p for p in re.split(r"[./]", raw) if p]
    if len(parts) < 2:
        return None
    a, b = int(parts[0]), int(parts[1])
    year = None
    if len(parts) == 3:
        year = int(parts[2])
        year += 2000 if year < 50 and len(parts[2]) == 2 else 1900 if len(parts[2]) == 2 else 0
    if "/" in raw and a <= 12 < b:
        a, b = b, a  # 09/26: month first
    elif "/" in raw and a <= 12 and b <= 12 and a != b:
        def distance(day: int, month: int) -> int:
            return min(abs((date(y, month, min(day, 28)) - ref).days) for y in (ref.year - 1, ref.year, ref.year + 1))
        if distance(b, a) < distance(a, b):
            a, b = b, a
    if not (1 <= a <= 31 and 1 <= b <= 12):
        return None
    return a, b, year


# ---------------------------------------------------------------- composition

@dataclass(frozen=True)
class Found:
    """A time expression the grammar found: its extent and what it names."""

    start: int
    end: int
    when: When


def parse(text: str, ref: date, lo: int = 0, hi: int | None = None) -> list[list[Found]]:
    """The time expressions the grammar composes in ``text[lo:hi]``, in order: one list per expression, or the
    two ends of a range together."""
    items = pieces(text, lo, hi)
    items = _atoms(items, text, ref)
    changed = True
    while changed:
        changed = False
        for step in (_offsets, _ordinal_in_period, _part_of_period, _intersect):
            new = step(items, ref)
            if new is not None:
                items, changed = new, True
                break
    return _ranges(items)


def _atoms(items: list[Piece], text: str, ref: date) -> list[Piece]:
    """Pieces that name a time on their own or with one neighbour: day numbers, clock times, deictic days."""
    out: list[Piece] = []
    i = 0
    while i < len(items):
        p = items[i]
        nxt = items[i + 1] if i + 1 < len(items) else None
        nxt2 = items[i + 2] if i + 2 < len(items) else None
        prev = out[-1] if out else None
        if p.kind == "numdate":
            parsed = _numdate(p.value, ref)
            dotted_clock = re.fullmatch(r"\d{1,2}\.\d\d", p.value) is not None and (
                not p.raw.endswith(".") or (prev is not None and prev.raw.lower() in _ROUGHLY))
            clocky = (nxt is not None and (nxt.kind == "ampm" or nxt.raw.lower() == "h")) or dotted_clock and (
                (prev is not None and prev.raw.lower() in _BEFORE_CLOCK)
                or _ends_a_date(out)
                or (prev is not None and prev.kind == "range" and len(out) > 1 and out[-2].kind == "when"
                    and out[-2].value.hour is not None)
                or (not parsed and prev is not None and prev.kind in ("when", "num", "ord")))
            if parsed and not clocky and (_date_context(prev, items[i + 1:i + 4], text, p) or (
                prev is not None and prev.kind == "range" and len(out) > 1 and out[-2].kind == "when"
                and out[-2].value.day is not None)):
                d, mo, y = parsed
                out.append(Piece("when", p.start, p.end, When(y, mo, d), raw=p.raw))
            elif re.fullmatch(r"\d{1,2}[.]\d\d", p.value) and clocky \
                    and int(p.value.split(".")[0]) <= 24 and int(p.value.split(".")[1]) < 60 \
                    and not (nxt is not None and nxt.raw.lower() in NOT_AFTER_NUMBER):
                h, mi = (int(x) for x in p.value.split("."))
                w = When(hour=h, minute=mi, gran="time")
                if clocky and nxt is not None and nxt.kind == "ampm":
                    w = _ampm(w, nxt.value)
                    out.append(Piece("when", p.start, nxt.end, w, raw=p.raw))
                    i += 2
                    continue
                out.append(Piece("when", p.start, p.start + len(p.value), w, raw=p.raw))  # "17.30." ends a sentence
            else:
                out.append(Piece("word", p.start, p.end, raw=p.raw))
            i += 1
            continue
        if p.kind == "num" and isinstance(p.value, int):
            # "6 pm", "9 o'clock", "1530 GMT", "at 0740"
            if nxt is not None and nxt.kind == "ampm":
                w = _clock_digits(p.raw, nxt.value)
                if w is not None:
                    out.append(Piece("when", p.start, nxt.end, w, raw=p.raw))
                    i += 2
                    continue
            if nxt is not None and nxt.kind in ("o'clock", "oclock") and p.value <= 12:
                out.append(Piece("when", p.start, nxt.end, When(hour=p.value, minute=0, gran="time"), raw=p.raw))
                i += 2
                continue
            if len(p.raw) == 4 and (nxt is not None and nxt.kind == "zone"):
                w = _clock_digits(p.raw, "24")
                if w is not None:
                    out.append(Piece("when", p.start, nxt.end, w, raw=p.raw))
                    i += 2
                    continue
            after_weekday = prev is not None and prev.kind == "when" and prev.value.weekday is not None \
                and prev.value.day is None and prev.value.month is None
            after_date = _has_day(prev) or (prev is not None and prev.raw.lower() in _BEFORE_CLOCK and any(
                q.kind == "when" and q.value.dated for q in out[-3:]))
            if len(p.raw) == 4 and after_date and (w := _clock_digits(p.raw, "24")) is not None and (
                    p.raw[0] == "0" or prev.raw.lower() in _BEFORE_CLOCK or after_weekday
                    or (abs(p.value - ref.year) > 100 and not says_more(text, p.start, p.end))
                    or (nxt is not None and nxt.kind == "range" and nxt2 is not None and len(nxt2.raw) == 4)):
                out.append(Piece("when", p.start, p.end, w, raw=p.raw))  # "1 Dec 0710", "27/08 1605-1800"
                i += 1
                continue
            if nxt is not None and nxt.kind == "when" and nxt.value.part == "NI" and nxt.raw.lower().startswith(
                    "night") and p.raw.lower() not in ("a", "an"):
                out.append(Piece("when", p.start, nxt.end, When(duration=f"P{p.value}D"), raw=p.raw))  # "2 nights"
                i += 2
                continue
            if len(p.raw) == 4 and 1500 <= p.value <= 2099 and not (nxt is not None and nxt.raw.lower() in
                                                                    NOT_AFTER_NUMBER):
                out.append(Piece("year", p.start, p.end, p.value, raw=p.raw))
                i += 1
                continue
        if p.kind in ("half", "num") or p.raw.lower() == "quarter":
            clock = _spelled_clock(items, i)
            if clock is not None:
                w, j = clock
                out.append(Piece("when", p.start, items[j].end, w, raw=p.raw))
                i = j + 1
                continue
        if p.kind == "deictic" and prev is not None and prev.kind == "of" and not (len(out) > 1 and out[-2].kind
                                                                                == "when"):
            out.append(Piece("word", p.start, p.end, raw=p.raw))  # "the world of tomorrow": an era, not a day
            i += 1
            continue
        if p.kind == "deictic":
            w = _deictic(p.value, ref)
            if p.raw.lower() == "tonight":
                w = replace(w, part="NI", gran="part")
            out.append(Piece("when", p.start, p.end, w, raw=p.raw))
            i += 1
            continue
        if p.kind == "the" and nxt is not None and nxt.kind == "unit" and nxt.value == "day" and nxt2 is not None \
                and nxt2.kind in ("after", "before") and i + 3 < len(items) and items[i + 3].kind == "deictic":
            days = items[i + 3].value + (1 if nxt2.kind == "after" else -1)
            out.append(Piece("when", p.start, items[i + 3].end, _deictic(days, ref), raw=p.raw))
            i += 4
            continue
        if p.raw == "(" and nxt is not None and nxt.kind == "when" and nxt.value.timed and not nxt.value.dated \
                and nxt2 is not None and nxt2.raw == ")" and out and out[-1].kind in ("when", "num", "ord"):
            # "October 10 (afternoon)": a time in brackets after a date narrows it
            out.append(Piece("when", p.start, nxt2.end, nxt.value, weak=nxt.weak, raw=nxt.raw))
            i += 3
            continue
        if p.kind == "when" and p.value.hour is not None and nxt is not None and nxt.kind == "ampm":
            out.append(Piece("when", p.start, nxt.end, _ampm(p.value, nxt.value), raw=p.raw))
            i += 2
            continue
        if p.kind == "num" and prev is not None and p.raw.isdigit() and len(p.raw) <= 2 \
                and 1 <= p.value <= 24 and (nxt is None or nxt.kind not in ("word", "num", "symbol")) and (
                    prev.kind == "at" or (prev.raw.lower() in ("around", "about", "after", "before", "by", "till",
                                                              "until") and len(out) > 1 and out[-2].kind == "when")):
            hour = p.value + 12 if p.value < 7 else p.value  # "at 2" is in the afternoon, "at 9" in the morning
            out.append(Piece("when", p.start, p.end, When(hour=hour, minute=0, gran="time"), raw=p.raw))
            i += 1
            continue
        if p.kind == "num" and prev is not None and prev.kind == "at" and len(p.raw) == 4 \
                and (w := _clock_digits(p.raw, "24")) is not None:
            out.append(Piece("when", p.start, p.end, w, raw=p.raw))
            i += 1
            continue
        if p.kind == "the" and nxt is not None and nxt.kind == "ord" and 1 <= nxt.value <= 31 and (
                nxt2 is None or nxt2.kind in ("stop", ",", "symbol", "range", "and", "in", "at") or (
                    nxt2.kind == "when" and not nxt2.value.dated)):
            out.append(Piece("when", p.start, nxt.end, When(day=nxt.value), raw=p.raw))  # "the 25th"
            i += 2
            continue
        if p.kind == "unit" and p.raw.lower() == "week" and nxt is not None and nxt.kind == "num" \
                and nxt.raw.isdigit() and 1 <= nxt.value <= 53:
            monday = date.fromisocalendar(ref.year, int(nxt.value), 1) if nxt.value <= 52 else None
            if monday is not None:
                out.append(Piece("when", p.start, nxt.end, When(start=monday, gran="week"), raw=p.raw))
                i += 2
                continue
        if p.kind == "partof" and p.value in ("START", "END") and nxt is not None and nxt.kind == "when" \
                and nxt.value.part is not None and nxt.value.hour is None:
            out.append(Piece("when", p.start, nxt.end, nxt.value, raw=p.raw))  # "late afternoon", "early morning"
            i += 2
            continue
        if p.kind == "qnum":
            out.append(Piece("when", p.start, p.end, When(quarter=p.value, gran="quarter"), raw=p.raw))
            i += 1
            continue
        if p.kind == "when" and p.value.timed and nxt is not None and nxt.kind == "zone":
            out.append(Piece("when", p.start, nxt.end, p.value, raw=p.raw))
            i += 2
            continue
        out.append(p)
        i += 1
    return out


_ROUGHLY = frozenset("at around about approx approximately ca".split())  # "approximately 17.30." is a time
_BEFORE_CLOCK = frozenset("at around about approx approximately ca by after before until till from".split())


def _ends_a_date(out: list[Piece]) -> bool:
    """Whether the pieces read so far end with a day of a month ("June 7th", "7 June", "16.11.2017")."""
    last = out[-1] if out else None
    if last is not None and last.kind == "when" and last.value.part is not None and not last.value.dated:
        out = out[:-1]  # "4.9.2017 afternoon 16.00"
        last = out[-1] if out else None
    if last is None:
        return False
    if last.kind == "when" and last.value.day is not None and last.value.month is not None:
        return True
    before = out[-2] if len(out) > 1 else None
    if before is None:
        return False
    pair = {last.kind, before.kind}
    month = last if last.kind == "when" else before
    return pair in ({"when", "num"}, {"when", "ord"}) and month.value.month is not None and month.value.day is None


def _has_day(p: Piece | None) -> bool:
    """Whether a piece names a day or part of one (a month, a weekday): what a clock time may follow."""
    return p is not None and p.kind == "when" and p.value.dated


def _date_context(prev: Piece | None, following: list[Piece], text: str, p: Piece) -> bool:
    """Whether a numeric date is a date and not a number: it has a year or a closing dot, or time words beside it
    ("8.11 in the evening"), or it is all the text there is (a date written in a form)."""
    nxt = following[0] if following else None
    nxt2 = following[1] if len(following) > 1 else None
    if (nxt is not None and nxt.raw.lower() in NOT_AFTER_NUMBER) or (
            prev is not None and prev.raw.lower().rstrip(".") in NOT_BEFORE_NUMBER):
        return False
    if re.search(r"[./]\d{2,4}$", p.value) and p.value.count(".") + p.value.count("/") == 2 or (
            p.raw.endswith(".") and "." in p.value):
        return True
    if p.value == "24/7":  # all the time, not 24 July
        return False
    if "/" in p.value:  # "06/08" is a date; "7/8" after a share price is a fraction
        top, bottom = p.value.split("/")
        return top.startswith("0") or not (int(bottom) in (2, 3, 4, 5, 8, 16, 32, 64) and int(top) < int(bottom))
    near = {"when", "on", "from", "between", "by", "deictic"}
    if (prev is not None and prev.kind in near) or (nxt is not None and nxt.kind == "when" and not nxt.weak):
        return True
    if nxt is not None and nxt.kind == "range" and nxt2 is not None and nxt2.kind == "numdate":
        return True  # "15.10 - 16.10"
    for q in following:  # "8.11 in the evening" in a note; in prose ("rose 8.11 in the morning") an amount
        if q.kind == "when" and q.value.timed and not q.value.dated:
            return not says_more(text, p.start, p.end)
        if q.kind not in ("in", "the", "at", "filler"):
            break
    return not text[:p.start].strip() and not text[p.end:].strip()


def _ampm(w: When, which: str) -> When:
    h = w.hour or 0
    if h <= 12:
        h = (h % 12) + (12 if which == "p" else 0)
    return replace(w, hour=h)


def _spelled_clock(items: list[Piece], i: int) -> tuple[When, int] | None:
    """'half past two', 'a quarter to six', 'ten past nine' (with an optional 'a')."""
    j = i
    if items[j].kind == "num" and items[j].raw.lower() == "a" and j + 1 < len(items):
        j += 1
    first = items[j]
    # "ten to five" is a time, "3 to 5" a range: minutes are spelled out
    minutes = 30 if first.kind == "half" else 15 if first.raw.lower() == "quarter" else \
        int(first.value) if first.kind == "num" and not first.raw.isdigit() and float(first.value).is_integer() \
        and first.value < 60 else None
    if minutes is None or j + 2 >= len(items):
        return None
    if items[j + 1].raw.lower() not in ("past", "to", "after", "till"):
        return None
    hour = items[j + 2]
    if hour.kind != "num" or not float(hour.value).is_integer() or not 1 <= hour.value <= 12:
        return None
    h = int(hour.value)
    if items[j + 1].raw.lower() in ("to", "till"):
        h, minutes = (h - 1) % 24, 60 - minutes
    end = j + 2
    w = When(hour=h, minute=minutes, gran="time")
    if end + 1 < len(items) and items[end + 1].kind == "ampm":
        w, end = _ampm(w, items[end + 1].value), end + 1
    return w, end


def _deictic(days: int, ref: date) -> When:
    d = ref + timedelta(days=days)
    return When(d.year, d.month, d.day, anchor="reference")


def _replace_run(items: list[Piece], i: int, j: int, piece: Piece) -> list[Piece]:
    piece.composed = True
    return items[:i] + [piece] + items[j + 1:]


def _offsets(items: list[Piece], ref: date) -> list[Piece] | None:
    """'next week', 'this qtr', 'a fortnight ago', 'in ten days', 'two years from now', 'next friday'."""
    for i, p in enumerate(items):
        nxt = items[i + 1] if i + 1 < len(items) else None
        if p.kind == "dir" and nxt is not None:
            if nxt.kind == "unit" and nxt.value in ("week", "weekend", "month", "quarter", "year"):
                if p.raw[0].isupper() and nxt.raw[0].isupper() and i > 0 and items[i - 1].raw not in ".!?\n":
                    continue  # a capitalised "This Week" inside a sentence is a title
                step = {"next": 1, "last": -1, "this": 0}[p.value]
                return _replace_run(items, i, i + 1, Piece("when", p.start, nxt.end,
                                                          _counted(ref, step, nxt.value), raw=p.raw))
            if nxt.weak:  # "at this march": a name that needs a number beside it
                continue
            if nxt.kind == "when" and nxt.value.weekday is not None and nxt.value.day is None:
                day = _which_weekday(ref, nxt.value.weekday, p.value)
                w = replace(nxt.value, year=day.year, month=day.month, day=day.day, weekday=None, anchor="reference")
                return _replace_run(items, i, i + 1, Piece("when", p.start, nxt.end, w, raw=p.raw))
            if nxt.kind == "when" and nxt.value.gran == "month" and nxt.value.year is None:
                month = nxt.value.month
                step = {"next": int(month <= ref.month), "last": -int(month >= ref.month), "this": 0}[p.value]
                year = ref.year + step
                w = replace(nxt.value, year=year, anchor="reference")
                return _replace_run(items, i, i + 1, Piece("when", p.start, nxt.end, w, raw=p.raw))
        if p.kind in ("num", "a") and nxt is not None and nxt.kind == "unit":
            n = p.value if p.kind == "num" else 1
            after = items[i + 2] if i + 2 < len(items) else None
            after2 = items[i + 3] if i + 3 < len(items) else None
            unit, count = _unit_count(nxt.value, n)
            if unit is None:
                continue
            if after is not None and after.kind in ("ago", "earlier", "before") and after.kind == "ago":
                return _replace_run(items, i, i + 2, Piece("when", p.start, after.end,
                                                          _shifted(ref, -count, unit), raw=p.raw))
            if after is not None and after.kind in ("from", "hence") and (
                    after.kind == "hence" or (after2 is not None and after2.kind == "now")):
                end = i + 2 if after.kind == "hence" else i + 3
                return _replace_run(items, i, end, Piece("when", p.start, items[end].end,
                                                         _shifted(ref, count, unit), raw=p.raw))
            before = items[i - 1] if i > 0 else None
            if before is not None and before.kind == "in" and not p.composed:
                w = _shifted(ref, count, unit)
                return _replace_run(items, i, i + 1, Piece("when", p.start, nxt.end, replace(w, mod="IN"), raw=p.raw))
    return None


def _unit_count(unit: str, n: float) -> tuple[str | None, int]:
    if not float(n).is_integer():
        return None, 0
    if unit == "fortnight":
        return "week", int(n) * 2
    return unit, int(n)


def _counted(ref: date, step: int, unit: str) -> When:
    """'next week', 'last month', 'this quarter': the period ``step`` units from the reference's."""
    if unit == "day":
        return _deictic(step, ref)
    if unit in ("week", "weekend"):
        monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=step)
        return When(start=monday, gran=unit, anchor="reference")
    if unit == "month":
        d = add_months(ref.replace(day=1), step)
        return When(d.year, d.month, gran="month", anchor="reference")
    if unit == "quarter":
        q = ref.year * 4 + (ref.month - 1) // 3 + step
        return When(q // 4, quarter=q % 4 + 1, gran="quarter", anchor="reference")
    return When(ref.year + step, gran="year", anchor="reference")


def _shifted(ref: date, count: int, unit: str) -> When:
    """The day, week, month or year ``count`` units from the reference ('three days ago', 'in two weeks')."""
    if unit in ("day", "hour", "minute"):
        return _deictic(count if unit == "day" else 0, ref)
    if unit in ("week", "weekend"):
        d = ref + timedelta(weeks=count)
        return When(start=d - timedelta(days=d.weekday()), gran="week", anchor="reference")
    if unit == "month":
        d = add_months(ref.replace(day=1), count)
        return When(d.year, d.month, gran="month", anchor="reference")
    if unit == "quarter":
        return _counted(ref, count, "quarter")
    return When(ref.year + count, gran="year", anchor="reference")


def _which_weekday(ref: date, wd: int, direction: str) -> date:
    if direction == "last":
        return ref - timedelta(days=(ref.isoweekday() - wd) % 7 or 7)
    if direction == "next":
        return ref + timedelta(days=(wd - ref.isoweekday()) % 7 or 7)
    return ref + timedelta(days=wd - ref.isoweekday())


def _ordinal_in_period(items: list[Piece], ref: date) -> list[Piece] | None:
    """'the second Friday of May', 'the last day of June', 'third week of August 2019'."""
    for i, p in enumerate(items):
        if p.kind != "ord" or i + 3 >= len(items) or items[i + 2].kind != "of":
            continue
        what, period = items[i + 1], items[i + 3]
        if period.kind != "when" or period.value.gran not in ("month", "year") or period.value.timed:
            continue
        n = p.value
        first = i - 1 if i > 0 and items[i - 1].kind == "the" else i
        pw = period.value
        year = pw.year if pw.year is not None else ref.year
        if pw.gran == "month":
            month = pw.month
            if what.kind == "when" and what.value.weekday is not None and what.value.gran == "day" \
                    and what.value.day is None:
                try:
                    d = nth_weekday(year, month, what.value.weekday - 1, n)
                except ValueError:
                    continue
                if d.month != month:
                    continue
                return _replace_run(items, first, i + 3, Piece("when", items[first].start, period.end,
                                                               When(d.year, d.month, d.day), raw=p.raw))
            if what.kind == "unit" and what.value == "day":
                last = (add_months(date(year, month, 1), 1) - timedelta(days=1)).day
                day = last if n == -1 else n
                if 1 <= day <= last:
                    return _replace_run(items, first, i + 3, Piece("when", items[first].start, period.end,
                                                                   When(year, month, day), raw=p.raw))
            if what.kind == "unit" and what.value in ("week", "weekend"):
                mondays = [d for d in (date(year, month, 1) + timedelta(days=k) for k in range(31))
                           if d.month == month and d.weekday() == 0]
                if not mondays or abs(n) > len(mondays):
                    continue
                monday = mondays[n - 1] if n > 0 else mondays[-1]
                return _replace_run(items, first, i + 3, Piece("when", items[first].start, period.end,
                                                               When(start=monday, gran=what.value), raw=p.raw))
    return None


def _a_day(p: Piece | None) -> bool:
    """Whether a piece names one day and nothing finer."""
    return p is not None and p.kind == "when" and not p.value.timed and (
        p.value.day is not None or p.value.weekday is not None) and p.value.start is None


def _part_of_period(items: list[Piece], ref: date) -> list[Piece] | None:
    """'end of May', 'the beginning of next year', 'mid-2019', 'early next month', 'EOY'."""
    for i, p in enumerate(items):
        if p.kind != "partof":
            continue
        mod = p.value
        if mod.startswith("EO"):  # EOD, EOM, EOY: the end of the reference's day, month, year
            unit = {"EOD": "day", "EOW": "week", "EOM": "month", "EOQ": "quarter", "EOY": "year"}[mod]
            return _replace_run(items, i, i, Piece("when", p.start, p.end, replace(_counted(ref, 0, unit), mod="END"),
                                                   raw=p.raw))
        day_part = {"early": "MO", "late": "EV"}.get(p.raw.lower())
        before = items[i - 1] if i > 0 else None
        after = items[i + 1] if i + 1 < len(items) else None
        if day_part and _a_day(before) and (after is None or after.kind in ("stop", ",")):
            # "19th Jan. late", "Thursday the 30th early": a note's part of that day
            return _replace_run(items, i - 1, i, Piece("when", before.start, p.end,
                                                       replace(before.value, part=day_part, gran="part"), raw=p.raw))
        if day_part and _a_day(after):  # "early Thursday 30.11.": in prose the rules read the day alone
            return _replace_run(items, i, i + 1, Piece("when", p.start, after.end,
                                                       replace(after.value, part=day_part, gran="part"), raw=p.raw))
        j = i + 1
        if j < len(items) and items[j].kind == "of":
            j += 1
        if j < len(items) and items[j].kind == "range" and items[j].raw == "-":
            j += 1
        if j >= len(items):
            continue
        target = items[j]
        if target.kind == "year":
            target = Piece("when", target.start, target.end, When(target.value, gran="year"), raw=target.raw)
        if target.kind != "when" or target.value.gran not in ("month", "year", "week", "quarter") \
                or target.value.mod:
            continue
        # "the end of May" is one expression, but "the late-November trip" is about "late-November"
        first = i - 1 if i > 0 and items[i - 1].kind == "the" and items[i + 1].kind == "of" else i
        return _replace_run(items, first, j, Piece("when", items[first].start, target.end,
                                                   replace(target.value, mod=mod), raw=p.raw))
    return None


_JOINERS = {"filler", "at", "on", "the", "of", "in", ",", "by"}


def _intersect(items: list[Piece], ref: date) -> list[Piece] | None:
    """Neighbouring pieces that narrow one another: a date and its year, a date and a time, a weekday and a date."""
    for i, p in enumerate(items):
        if p.kind not in ("when", "year", "num", "ord"):
            continue
        j = i + 1
        while j < len(items) and items[j].kind in _JOINERS and j - i <= 3:
            j += 1
        if j >= len(items):
            return None
        q = items[j]
        joined = _join(p, q, items[i + 1:j], items[j + 1] if j + 1 < len(items) else None)
        if joined is not None:
            return _replace_run(items, i, j, Piece("when", p.start, q.end, joined, raw=p.raw))
    return None


def _join(p: Piece, q: Piece, between: list[Piece], after: Piece | None = None) -> When | None:
    """What two pieces name together, or None when they do not compose."""
    words = {b.kind for b in between}
    a = _as_when(p, q)
    b = _as_when(q, p)
    if a is None or b is None:
        return None
    if p.kind in ("num", "ord") and q.kind in ("num", "ord"):
        return None
    if p.kind == "year" and q.kind == "year":
        return None
    # a bare number beside a month is its day; only next to a month or a clock
    if p.kind in ("num", "ord") and not (q.kind == "when" and q.value.month is not None and q.value.day is None):
        return None
    if q.kind in ("num", "ord") and not (p.kind == "when" and p.value.day is None and (
            p.value.month is not None or (p.value.weekday is not None and (
                q.kind == "ord" or after is None or after.kind in ("stop", ",", "when"))))):
        return None  # "May 3", "Thursday 21st", "on Sunday 17."; not "Tuesday 19 people"
    if "in" in words and not (b.timed and not b.dated):  # "in the morning", not "in 2019" after a date
        return None
    if "of" in words and not ((a.timed and not a.dated) or a.day is not None or p.kind in ("num", "ord")):
        return None
    return _merge(a, b)


def _as_when(p: Piece, other: Piece) -> When | None:
    if p.kind == "when":
        return p.value
    if p.kind == "year":
        return When(year=p.value, gran="year")
    if p.kind in ("num", "ord") and isinstance(p.value, int | float) and float(p.value).is_integer() \
            and 1 <= p.value <= 31 and p.raw.isdigit() | (p.kind == "ord"):
        return When(day=int(p.value))
    return None


def _merge(a: When, b: When) -> When | None:
    """The intersection of two partial times, when they agree."""
    fields = {}
    for name in ("year", "month", "day", "hour", "minute", "part", "quarter", "start"):
        x, y = getattr(a, name), getattr(b, name)
        if x is not None and y is not None and x != y:
            if name == "part" and (a.hour is not None or b.hour is not None):
                continue
            return None
        fields[name] = x if x is not None else y
    if (a.timed and b.timed) and not ((a.part and b.hour is not None) or (b.part and a.hour is not None)):
        return None
    if fields["hour"] is not None and fields["hour"] < 12 and (fields["part"] in ("AF", "EV", "NI")) \
            and not (fields["part"] == "NI" and fields["hour"] < 5):
        fields["hour"] += 12
    if fields["hour"] is not None:
        fields["part"] = None
    weekday = a.weekday or b.weekday
    if a.weekday and b.weekday and a.weekday != b.weekday:
        return None
    if weekday and fields["day"] is not None and fields["month"] is not None and fields["year"] is not None:
        weekday = None  # the date says which day; the weekday only confirms it (without a year, it picks one)
    if fields["start"] is not None and weekday:  # "next week Tuesday"
        day = fields["start"] + timedelta(days=weekday - 1)
        fields.update(year=day.year, month=day.month, day=day.day, start=None)
        weekday = None
    grans = ("time", "part", "day", "week", "weekend", "month", "quarter", "year")
    gran = min((a.gran, b.gran), key=grans.index) if fields["day"] is None or (a.timed or b.timed) \
        else "day"
    if fields["hour"] is not None:
        gran = "time"
    elif fields["part"] is not None:
        gran = "part"
    if a.day is None and b.day is None and fields["month"] is None and fields["start"] is None and weekday is None \
            and fields["year"] is not None and fields["quarter"] is None and not (a.timed or b.timed):
        return None
    anchor = "reference" if "reference" in (a.anchor, b.anchor) else "absolute"
    return When(weekday=weekday, gran=gran, mod=a.mod or b.mod, anchor=anchor, **fields)


def _ranges(items: list[Piece]) -> list[list[Found]]:
    """Time expressions, with the two ends of a range ('June 3 to 5', '2-3pm') completing one another."""
    out: list[list[Found]] = []
    i = 0
    n = len(items)
    while i < n:
        p = items[i]
        if p.kind in ("when", "num", "ord", "year"):
            j = i + 1
            if j + 1 < n and items[j].kind in ("range", "and", "to", "/") and items[j + 1].kind in (
                    "when", "num", "ord", "year"):
                connector, q = items[j], items[j + 1]
                between = i > 0 and items[i - 1].kind == "between"
                slash_days = connector.kind == "/" and p.kind in ("num", "ord") and q.kind == "when" \
                    and q.value.day is not None and q.value.month is not None  # "29 / 30 August"
                if connector.kind in ("range", "to") or (connector.kind == "and" and between) or slash_days:
                    if p.kind == "num" and q.kind == "num" and i > 0 and _a_date_before(items[i - 1]):
                        p, q = _as_hour(p), _as_hour(q)  # "27.10.2017 20-21": hours of that day
                    ends = _complete(p, q, alone=n == 3)
                    if ends is not None:
                        out.append([Found(p.start, p.end, ends[0]), Found(q.start, q.end, ends[1])])
                        i = j + 2
                        continue
            w = _standalone(p, n == 1)
            if w is not None:
                out.append([Found(p.start, p.end, w)])
        i += 1
    return out


def _a_date_before(p: Piece) -> bool:
    return p.kind == "when" and p.value.day is not None and p.value.month is not None


def _as_hour(p: Piece) -> Piece:
    """A bare number after a date, as an hour of it, when it can be one."""
    if p.raw.isdigit() and len(p.raw) <= 2 and 0 <= p.value <= 24:
        return Piece("when", p.start, p.end, When(hour=p.value, minute=0, gran="time"), raw=p.raw)
    return p


def _standalone(p: Piece, alone: bool) -> When | None:
    """A piece that names a time by itself: not a bare number, nor an ambiguous word left uncomposed, unless the
    text is that word and nothing else (a field of a form that says "evening")."""
    if p.kind == "year":  # a year alone is the rules' to read ("post-1959", "1998 sales")
        return None
    if p.kind == "ord" and alone and p.raw[:1].isdigit() and 1 <= p.value <= 31:  # a form's "25th"
        return When(day=p.value)
    if p.kind != "when" or (p.weak and not p.composed and not alone):
        return None
    return p.value


def _complete(a: Piece, b: Piece, alone: bool = False) -> tuple[When, When] | None:
    """Two ends of a range, each taking from the other what it lacks: 'June 3 to 5', '3-5 June', '2-3pm'."""
    wa, wb = _end(a), _end(b)
    if wa is None or wb is None:
        return None
    if (a.kind in ("num", "ord") or b.kind in ("num", "ord")) and not (wa.dated or wa.timed or wb.dated or wb.timed):
        return None
    if a.kind == "num" and wb.timed and not wb.dated and a.value <= 24 and not wb.part:
        hour = int(a.value)
        if wb.hour is not None and wb.hour >= 12 and hour < 12 and hour + 12 <= wb.hour:
            hour += 12
        wa = When(hour=hour, minute=0, gran="time")
    if b.kind == "num" and wa.timed and not wa.dated and b.value <= 24:
        wb = When(hour=int(b.value), minute=0, gran="time")
    if b.kind in ("num", "year") and len(b.raw) == 4 and wa.timed:
        wb = _clock_digits(b.raw, "24") or wb
    if a.kind in ("num", "year") and len(a.raw) == 4 and wb.timed:
        wa = _clock_digits(a.raw, "24") or wa
    if (wa.timed != wb.timed) and not (wa.dated and wb.dated):
        return None
    fa, fb = _fill(wa, wb), _fill(wb, wa)
    if alone and wa.month is None and wb.month is None and wa.day is not None and wb.day is not None \
            and not (wa.timed or wb.timed):
        return wa, wb  # "24 - 29" written alone: days of the coming month
    if fa is None or fb is None:
        return None
    return fa, fb


def _end(p: Piece) -> When | None:
    if p.kind == "when":
        return p.value
    if p.kind == "year":
        return When(p.value, gran="year")
    if p.kind in ("num", "ord") and float(p.value).is_integer() and 1 <= p.value <= 31:
        return When(day=int(p.value))
    if p.kind == "num" and len(p.raw) == 4:
        return _clock_digits(p.raw, "24")
    return None


def _fill(w: When, other: When) -> When | None:
    """``w`` with the larger units it leaves out taken from ``other`` (the month of 'June 3' for '5')."""
    order = ("year", "month", "day")
    fields = {}
    if w.timed and not w.dated and other.dated:
        fields = {k: getattr(other, k) for k in (*order, "weekday", "start")}
    elif w.day is not None and w.month is None and other.month is not None:
        fields = {"month": other.month, "year": w.year if w.year is not None else other.year}
    elif w.month is not None and w.year is None and other.year is not None and other.gran in ("day", "month"):
        fields = {"year": other.year}
    if w.timed and w.hour is not None and other.hour is not None and w.hour < 12 and other.hour >= 12 \
            and other.hour - 12 > w.hour and not w.part:
        pass
    w = replace(w, **fields)
    if w.day is not None and w.month is None:
        return None
    return w


# ---------------------------------------------------------------- normalisation

def resolve(w: When, ref: date, text: str, start: int, end: int, last_day: date | None = None) -> tuple | None:
    """(TIMEX3 type, value, Period, anchor, mod) of a When, against the reference date.

    A yearless date or a lone weekday points back from the reference, unless its verb points ahead or the text has
    no verb at all (a note, a form, an itinerary: those speak of what is to come).
    """
    if w.duration:
        return "DURATION", w.duration, None, "absolute", ""
    anchor = w.anchor
    ahead = _points_ahead(text, start, end)
    day: date | None = None
    if w.day is not None and w.month is None and w.start is None:  # "the 25th", "Thursday 21st"
        day = _day_in_month(w.day, w.weekday, ref, ahead)
        if day is None:
            return None
        w = replace(w, year=day.year, month=day.month, weekday=None)
    if w.start is not None and w.day is None:
        period = Period(w.gran if w.gran in ("week", "weekend") else "week", w.start)
        return "DATE", period.value, period, anchor, w.mod
    if w.quarter is not None:
        period = Period("quarter", date(w.year or ref.year, 3 * (w.quarter - 1) + 1, 1), index=w.quarter)
        return "DATE", period.value, period, anchor, w.mod
    if w.day is not None and w.month is not None:
        year = w.year if w.year is not None else _year_of(w.month, w.day, ref, ahead)
        if w.year is None and w.weekday is not None:  # "Monday, Oct. 26": the nearest year it is a Monday
            years = [y for y in range(ref.year - (0 if ahead else 3), ref.year + 2)
                     if _valid(y, w.month, w.day) and date(y, w.month, w.day).isoweekday() == w.weekday]
            if years:
                year = min(years, key=lambda y: abs(y - year))
        day = date(year, w.month, w.day)
    elif w.weekday is not None:
        if ahead:
            day = ref + timedelta(days=(w.weekday - ref.isoweekday()) % 7)
        else:
            day = ref - timedelta(days=(ref.isoweekday() - w.weekday) % 7)
        anchor = "reference"
    elif w.month is not None:
        year = w.year if w.year is not None else _month_year(w.month, ref, ahead)
        period = Period("month", date(year, w.month, 1))
        return "DATE", period.value, period, anchor, w.mod
    elif w.year is not None:
        period = Period("year", date(w.year, 1, 1))
        return "DATE", period.value, period, anchor, w.mod
    elif w.timed:
        day = last_day or ref
        anchor = "previous" if last_day else "reference"
    if day is None:
        return None
    if w.hour is not None:
        period = Period("time", day, w.hour, w.minute or 0)
        return "TIME", period.value, period, anchor, ""
    if w.part is not None:
        period = Period("part", day, part=w.part)
        return "TIME", period.value, period, anchor, ""
    period = Period("day", day)
    return "DATE", period.value, period, anchor, w.mod


def _points_ahead(text: str, start: int, end: int) -> bool:
    return tense(text, start, end) == "future"


def _day_in_month(day: int, weekday: int | None, ref: date, ahead: bool) -> date | None:
    """The nearest month's day ``day`` (that falls on ``weekday``, when one is given), in the direction told."""
    months = range(0, 13) if ahead else range(0, -13, -1)
    for k in months:
        first = add_months(ref.replace(day=1), k)
        if not _valid(first.year, first.month, day):
            continue
        d = first.replace(day=day)
        if (ahead and d < ref) or (not ahead and d > ref):
            continue
        if weekday is None or d.isoweekday() == weekday:
            return d
    return None


def _year_of(month: int, day: int, ref: date, ahead: bool) -> int:
    options = [y for y in (ref.year - 1, ref.year, ref.year + 1) if _valid(y, month, day)]
    if ahead:
        future = [y for y in options if date(y, month, day) >= ref - timedelta(days=7)]  # a week's grace
        if future:
            return future[0]
    nearest = min(options, key=lambda y: abs((date(y, month, day) - ref).days))
    if (date(nearest, month, day) - ref).days > 45 and not ahead and nearest - 1 in options:
        return nearest - 1
    return nearest


def _month_year(month: int, ref: date, ahead: bool) -> int:
    if ahead:
        return ref.year if month >= ref.month else ref.year + 1
    return ref.year if month <= ref.month + 1 else ref.year - 1


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
        return True
    except ValueError:
        return False
