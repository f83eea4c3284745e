"""One lane per actor across documents: the variants of one name that several articles use become one.

Each article names its actors its own way: "James C. Kopp" in one, "James Kopp" in another, "Kopp" in a
third; "Daewoo Motors Co." and "Daewoo Motors". Within an article the recogniser links them; across articles
the lanes are joined here, by what the names say:

- persons with the same surname whose other names agree ("James" with "James C." and "James Charles"; an
  initial agrees with a name that starts with it) are one person, named by the fullest form; a surname alone
  joins the one person of that surname, when there is only one;
- organisations whose names differ only by a legal suffix or punctuation are one, named by the fullest form.

Nothing else is joined: two different names never become one lane because they look alike.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace

from timeline_app.core.model import Actor, Event

_SUFFIXES = frozenset("co corp corporation inc incorporated ltd limited plc llc sa ag gmbh nv bv spa group holdings "
                      "company".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*\.?")  # "Laurent-Desire" is two given names


def unify_lanes(events: Iterable[Event], actors: Mapping[str, Actor]) -> list[Event]:
    """The events with each lane (and each named actor) under the one name its variants share."""
    events = list(events)
    names = {e.lane for e in events} | {a for e in events for a in e.actors}
    canonical = lane_names(names, actors)
    if not canonical:
        return events
    out = []
    for e in events:
        lane = canonical.get(e.lane, e.lane)
        named = tuple(dict.fromkeys(canonical.get(a, a) for a in e.actors))
        out.append(e if lane == e.lane and named == e.actors else replace(e, lane=lane, actors=named))
    return out


def lane_names(names: Iterable[str], actors: Mapping[str, Actor]) -> dict[str, str]:
    """For every name that is a variant of another, the name to use instead."""
    persons = [n for n in names if _kind(n, actors) == "person"]
    orgs = [n for n in names if _kind(n, actors) == "organisation"]
    return {**_same_persons(persons), **_same_organisations(orgs)}


def _kind(name: str, actors: Mapping[str, Actor]) -> str | None:
    actor = actors.get(name)
    return actor.kind if actor is not None else None


def _tokens(name: str) -> list[str]:
    return [w.rstrip(".").lower() for w in _WORD.findall(name)]


def _agree(a: list[str], b: list[str]) -> bool:
    """Whether the given names of two persons of one surname can be the same: each name of the shorter is
    matched, in order, by an equal name or by a name it is the initial of (or that is its initial)."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    i = 0
    for word in short:
        while i < len(long_) and not _same_given(word, long_[i]):
            i += 1
        if i == len(long_):
            return False
        i += 1
    return bool(short) and _same_given(short[0], long_[0])  # the first given names must agree


def _same_given(x: str, y: str) -> bool:
    return x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))


def _same_persons(names: list[str]) -> dict[str, str]:
    by_surname: dict[str, list[str]] = defaultdict(list)
    for name in names:
        tokens = _tokens(name)
        if tokens:
            by_surname[tokens[-1]].append(name)
    out: dict[str, str] = {}
    for group in by_surname.values():
        full = sorted((n for n in group if len(_tokens(n)) > 1), key=lambda n: (-len(n), n))
        clusters: list[list[str]] = []
        for name in full:  # fullest first: each joins the first cluster whose head it agrees with
            given = _tokens(name)[:-1]
            for cluster in clusters:
                if _agree(given, _tokens(cluster[0])[:-1]):
                    cluster.append(name)
                    break
            else:
                clusters.append([name])
        for cluster in clusters:
            for name in cluster[1:]:
                out[name] = cluster[0]
        if len(clusters) == 1:  # "Kopp" alone is the one Kopp the other articles name in full
            for name in group:
                if len(_tokens(name)) == 1:
                    out[name] = clusters[0][0]
    return out


def _org_key(name: str) -> str:
    words = [w for w in _tokens(name) if w != "the"]
    while words and words[-1] in _SUFFIXES:
        words.pop()
    return " ".join(words)


def _same_organisations(names: list[str]) -> dict[str, str]:
    groups: dict[str, list[str]] = defaultdict(list)
    for name in names:
        key = _org_key(name)
        if key:
            groups[key].append(name)
    out: dict[str, str] = {}
    for group in groups.values():
        if len(group) > 1:
            head = max(group, key=lambda n: (len(n), n))
            out.update({n: head for n in group if n != head})
    return out
