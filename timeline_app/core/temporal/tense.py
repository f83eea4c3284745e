"""Which way a time expression points: the tense of the verb that governs it.

"Ryabkov said on Monday" is the Monday before the reference, "talks will resume on Monday" the one after.
The governing verb is the nearest verb group to the left of the expression within its clause; an
expression with no verb before it ("On Tuesday, the league plans to ...") takes the first one to its
right. No part-of-speech tagger is needed: auxiliaries, modals, "-ed" forms and a list of irregular
past forms carry the tense in English news prose.
"""

from __future__ import annotations

import re
from functools import cache

from timeline_app.core.temporal.lexicon import lexicon

_REACH = 240  # how far a sentence is searched either side of the expression
_WORDS = 20  # and how many words of it: a verb further away governs something else
_BOUNDARY = re.compile(r"[.;:!?,](?:\s|$)|\n|\"|``|''|\u201c|\u201d|\s[-\u2013\u2014]+\s")
_TOKEN = re.compile(r"n't|'[a-z]+|[a-z]+(?=n't)|[a-z][a-z-]*", re.I)
# Words that may stand inside a verb group ("had not yet been", "will also be").
_INSIDE = frozenset(
    "be been being not n't also still already just yet now then never ever reportedly probably "
    "soon again only even finally".split())


@cache
def _vocabulary() -> dict[str, frozenset[str]]:
    table = lexicon()["tense"]
    return {name: frozenset(words) for name, words in table.items() if name != "deadlines"}


_OPENER = re.compile(r"^\W*(?:(?:on|at|in|by|late|early|earlier|later|until|since|from|as|of|last|this|next)\s+)*$",
                     re.I)


@cache
def _deadline() -> re.Pattern:
    words = sorted(lexicon()["tense"]["deadlines"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
                      + r")\s+(?:(?:on|at|the|about|around)\s+)?$", re.I)


def tense(text: str, start: int, end: int) -> str:
    """'future' when the sentence around text[start:end] speaks of what is to come, else 'past'.

    A sentence of times and nothing else (a line of an itinerary, a form field, "Tuesday evening") speaks of what
    is to come: news tells the past in sentences with verbs.
    """
    return stated_tense(text, start, end) or ("past" if says_more(text, start, end) else "future")


_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z])|\n\s*\n")
_WORD = re.compile(r"[a-z]{2,}")


def says_more(text: str, start: int, end: int) -> bool:
    """Whether the sentence around text[start:end] has two or more words that are not time words."""
    before = _SENTENCE_END.split(text[max(0, start - 200):start])[-1]
    after = _SENTENCE_END.split(text[end:end + 200])[0]
    time_words = _time_words()
    count = 0
    for word in _WORD.findall(before.lower() + " " + after.lower()):
        if word not in time_words:
            count += 1
            if count >= 2:
                return True
    return False


@cache
def _time_words() -> frozenset[str]:
    table = lexicon()
    grammar = table["grammar"]
    return frozenset([*table["months"], *table["weekdays"], *grammar["parts_of_day"], *grammar["deictic_days"],
                      *grammar["units"], *grammar["fillers"], *grammar["range_words"], *grammar["directions"],
                      *grammar["period_parts"], *grammar["time_zones"], "from", "between", "and", "the", "early",
                      "late", "around", "in", "am", "pm"])


def stated_tense(text: str, start: int, end: int) -> str | None:
    """'future' or 'past' as the governing verb says, or None when no verb says which."""
    left = text[max(0, start - _REACH):start]
    cuts = [m.end() for m in _BOUNDARY.finditer(left)]
    if cuts:
        left = left[cuts[-1]:]
    verdict, head = _verdict(_TOKEN.findall(left), backwards=True)
    if verdict is None:  # no verb before it in its clause: the verb after it governs
        right = text[end:end + _REACH]
        if _OPENER.match(left):  # "On Tuesday, the league plans to ...": the clause goes on past the comma
            right = right.lstrip(" ,")
        first = _BOUNDARY.search(right)
        if first:
            right = right[:first.start()]
        verdict, head = _verdict(_TOKEN.findall(right), backwards=False)
    # "until Tuesday", "by May" set a limit ahead, unless the verb tells of what is over ("stayed until May")
    if _deadline().search(left) and (verdict in (None, "present-perfect") or head in _vocabulary()["deferrals"]):
        return "future"
    if verdict is None:
        return None
    return "future" if verdict == "future" else "past"


def _verdict(tokens: list[str], backwards: bool) -> tuple[str | None, str]:
    """The tense of the nearest verb group in ``tokens`` ('future', 'past', 'perfect' for had ...,
    'present-perfect' for has ..., or None if there is none) and the verb it was read from."""
    cased, tokens = tokens, [t.lower() for t in tokens]
    reach = max(0, len(tokens) - _WORDS) if backwards else 0
    order = range(len(tokens) - 1, reach - 1, -1) if backwards else range(min(len(tokens), _WORDS))
    links = _vocabulary()["clause_links"]
    for head in order:
        if backwards and tokens[head] in links and not _joins_names(cased, head):
            return None, ""  # "... and set Friday as the deadline": another clause
        kind = _kind(tokens, head, backwards)
        if kind is None:
            continue
        if not backwards and kind == "past" and _aux(tokens[head]) is None and tokens[head + 1:head + 2] == ["by"]:
            continue  # "new markets untouched by the crisis": a participle describing a noun, not the verb
        first = head
        while first > 0 and (tokens[first - 1] in _INSIDE or _aux(tokens[first - 1])):
            first -= 1
        return _group_tense(tokens[first:head + 1], kind, tokens[head + 1:head + 3]), tokens[head]
    return None, ""


def _joins_names(tokens: list[str], i: int) -> bool:
    """ "between Australia and India": an "and" between two names joins them, not two clauses."""
    return 0 < i < len(tokens) - 1 and tokens[i - 1][:1].isupper() and tokens[i + 1][:1].isupper()


@cache
def _auxiliaries() -> dict[str, str]:
    v = _vocabulary()
    return {word: name for name in ("present", "perfect", "past", "future_modals") for word in v[name]}


def _aux(word: str) -> str | None:
    """'future_modals', 'past', 'perfect' or 'present' for an auxiliary or modal, else None."""
    return _auxiliaries().get(word)


def _kind(tokens: list[str], i: int, backwards: bool) -> str | None:
    """What tokens[i] says of tense, if it is a verb form that carries one.

    A plan made in the past points ahead when the time belongs to what was planned ("the team planned to
    leave on Thursday"), not when it dates the planning ("On Friday, the government planned to pay")."""
    v = _vocabulary()
    word = tokens[i]
    aux = _aux(word)
    if aux:
        return aux
    to_follows = tokens[i + 1:i + 2] == ["to"]
    if word in v["future_words"] or (word in v["future_before_to"] and to_follows):
        return "future"
    if backwards and to_follows and (word in v["past_plans"] or word in v["plan_nouns"]):
        return "future"  # "planned to leave on Thursday", "an agreement to buy it in January"
    if word in v["past_verbs"] or (len(word) > 4 and word.endswith("ed") and word not in v["not_past"]):
        return "past"
    return None


def _group_tense(words: list[str], kind: str, after: list[str]) -> str:
    """A verb group's tense from its auxiliaries ("had been due to" is past, "would be paid" future)."""
    v = _vocabulary()
    modal = next((w for w in words if w in v["future_modals"]), None)
    if modal is not None:
        rest = words[words.index(modal) + 1:] + (after if words[-1] == modal else [])
        return "past" if modal != "will" and "have" in rest[:2] else "future"
    if "had" in words:
        return "perfect"
    if kind == "future":  # "were planning to drive on Monday"
        return "future"
    if any(w in v["past"] for w in words):
        return "past"
    if any(w in v["perfect"] for w in words):
        return "present-perfect"
    if any(w in v["present"] for w in words):
        return "future"  # "the case is heard in May"
    return "past"
