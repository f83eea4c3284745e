"""Sentence boundaries for news text, as character offsets."""

from __future__ import annotations

import re

# Abbreviations after which a period does not end a sentence.
_ABBREV = frozenset(
    "mr mrs ms dr prof gen lt col maj sgt capt cmdr adm gov sen rep rev st jr sr inc corp co ltd "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.n u.k e.g i.e vs etc no fig approx "
    "mt ft a.m p.m d.c".split()
)
_LAST_WORD = re.compile(r"([\w.]+)$")
_NEXT_WORD = re.compile(r"[A-Za-z]+")
_SENTENCE_STARTERS = frozenset("the a an he she it they we i his her their its this that these those there but and "
                               "in on at after before when while officials police".split())
_BOUNDARY = re.compile(r"""[.!?]+["'”’)\]]*\s+|\n\s*\n""")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split text into sentences; return (start, end) offsets with surrounding blanks trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group(0)[0] == ".":
            word = _LAST_WORD.search(text, max(start, m.start() - 24), m.start())
            token = word.group(1).lower() if word else ""
            nxt_word = _NEXT_WORD.match(text, m.end())
            # "9 a.m. The talks began": a clock time ends a sentence when a new one clearly starts
            if token in ("a.m", "p.m") and nxt_word and nxt_word.group().lower() in _SENTENCE_STARTERS:
                pass
            elif token in _ABBREV or (len(token) == 1 and token.isalpha()):
                continue
            # "U.S. officials": an initialism followed by a lower-case word goes on
            nxt = text[m.end():m.end() + 1]
            if "." in token and nxt.islower():
                continue
        if not (m.group(0)[0] in "\n" or text[m.end():m.end() + 1].strip()):
            continue
        _append(text, start, m.end(), spans)
        start = m.end()
    _append(text, start, len(text), spans)
    return spans


def _append(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
