"""English time vocabulary from resources/temporal_en.json, and regex pieces built from it."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib.resources import files


@cache
def lexicon() -> dict:
    """The vocabulary table, loaded once."""
    return json.loads(files("timeline_app.resources").joinpath("temporal_en.json").read_text(encoding="utf-8"))


def alternation(words, suffix: str = "") -> str:
    """A regex alternation of words, longest first, spaces matching any blank run."""
    parts = sorted({re.escape(w).replace(r"\ ", r"\s+") + suffix for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(parts) + ")"


def month_number(word: str) -> int:
    return lexicon()["months"][word.lower().rstrip(".")]


def weekday_number(word: str) -> int:
    """ISO weekday (Monday = 1)."""
    return lexicon()["weekdays"][word.lower().rstrip(".")]


_NUMWORD_SPLIT = re.compile(r"[\s-]+")


def number_value(word: str) -> float | None:
    """The value of a number written in digits or words ("three", "twenty-five", "2 1/2"); None if vague."""
    w = " ".join(word.lower().replace(",", "").split())
    if not w:
        return None
    table = lexicon()["numbers"]
    if w in table:
        return table[w]
    m = re.fullmatch(r"(\d+)(?:\s+(\d)/(\d))?", w)
    if m:
        value = float(m.group(1))
        if m.group(2):
            value += int(m.group(2)) / int(m.group(3))
        return value
    try:
        return float(w)
    except ValueError:
        pass
    half = w.endswith(" and a half")
    if half:
        w = w.removesuffix(" and a half")
        if w in ("a", "an"):
            return 1.5
        if w in table:
            return table[w] + 0.5
    total = current = 0
    for part in _NUMWORD_SPLIT.split(w):
        if part not in table:
            return None
        value = table[part]
        if value == 100:  # "two hundred": a multiplier, not an addend
            current = (current or 1) * 100
        elif value == 1000:
            total, current = total + (current or 1) * 1000, 0
        else:
            current += value
    return total + current + (0.5 if half else 0)

