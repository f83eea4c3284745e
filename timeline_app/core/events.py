"""Turn a document's time expressions and actor mentions into events, one per placed time.

A sentence with actors but no time of its own becomes an event at the time the narrative implies, marked
``implied_time``: the day the sentence just before it named, in the same paragraph ("On May 3 the army crossed
the river. It took the town."), else the publication date, when news reports what was said. The lane is the
principal actor at the country/organisation level: a person's lane is the side they speak for.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import replace
from datetime import date, datetime

from timeline_app.core import actors as actor_rules
from timeline_app.core.actors.roles import Discourse, SentenceRoles
from timeline_app.core.model import Actor, Document, Event, Mention, Timex
from timeline_app.core.text import sentence_spans

FALLBACK_LANE = "Unattributed"
LABEL_LIMIT = 60


def build_events(document: Document, timexes: list[Timex], mentions: list[Mention]) -> list[Event]:
    """One event per placed time expression, plus implied-time events for sentences with actors only."""
    text = document.text
    analysis = actor_rules.analyse(text)
    known = analysis.actors
    mentions = sorted(mentions, key=lambda m: m.start)
    # no actor at all: the dateline's country, else the article's main actor, not whoever came last
    doc_lane = analysis.home or _main_actor(mentions, known)
    starts = [m.start for m in mentions]
    placed = sorted((t for t in timexes if t.earliest is not None), key=lambda t: t.start)
    time_starts = [t.start for t in placed]
    discourse = Discourse(dict(analysis.genders))
    events: list[Event] = []
    last_time: Timex | None = None  # the day the previous sentence of the paragraph is about
    previous_end = 0  # the end of the last sentence that made events
    for start, end in sentence_spans(text):
        if "\n\n" in text[previous_end:start]:
            last_time = None
        if start == 0 and text[start:end].strip() == document.title.strip():
            continue  # the headline sums up the article; its events come from the body
        lo = bisect_left(time_starts, start)
        own = placed[lo:bisect_left(time_starts, end, lo)]
        lo = bisect_left(starts, start)
        in_sentence = mentions[lo:bisect_left(starts, end, lo)]
        if not own and not in_sentence:
            continue  # names nobody and dates nothing: no event, and a pronoun after it still means the same one
        roles = SentenceRoles(text, (start, end), in_sentence, discourse, own)
        actors = tuple(dict.fromkeys(m.actor for m in in_sentence))
        sentence = text[start:end]
        for t in own or [None]:
            who = roles.principal(t)
            lane = actor_rules.lane_of(who.actor, known) if who else doc_lane
            time = t or last_time or _publication_time(document, start)
            label = make_label(text, (start, end), who, t, known)
            events.append(_event(document, len(events), sentence, start, end, time, actors, lane, label, t is None))
        last_time = own[-1] if own and own[-1].is_point else None
        previous_end = end
        if in_sentence:
            discourse.read(text, in_sentence, roles.principal(None))
    return events


def _event(document: Document, n: int, sentence: str, start: int, end: int, time: Timex,
           actors: tuple[str, ...], lane: str | None, label: str, implied: bool) -> Event:
    lane = lane or FALLBACK_LANE
    if lane not in actors and lane != FALLBACK_LANE:
        actors = (lane, *actors)
    return Event(id=f"{document.id}:{n}", document=document.id, sentence=sentence,
                 sentence_start=start, sentence_end=end, time=time, actors=actors, lane=lane,
                 label=label, implied_time=implied)


def _publication_time(document: Document, at: int) -> Timex:
    ref = document.reference_date
    return Timex(at, at, "", "DATE", ref.isoformat(), ref, ref, anchor="reference")


def _main_actor(mentions: list[Mention], known: dict[str, Actor]) -> str | None:
    counts = Counter(actor_rules.lane_of(m.actor, known) for m in mentions)
    return counts.most_common(1)[0][0] if counts else None


# --- labels: "Ryabkov blames U.S. for general's death" -------------------------------------------------------

_IRREGULAR = {"said": "says", "held": "holds", "made": "makes", "told": "tells", "took": "takes", "met": "meets",
              "gave": "gives", "won": "wins", "lost": "loses", "left": "leaves", "sent": "sends", "came": "comes",
              "went": "goes", "saw": "sees", "began": "begins", "fought": "fights", "struck": "strikes",
              "shot": "shoots", "broke": "breaks", "wrote": "writes", "paid": "pays", "sold": "sells",
              "bought": "buys", "led": "leads", "hit": "hits", "set": "sets", "put": "puts", "cut": "cuts",
              "was": "is", "were": "are", "had": "has", "did": "does", "got": "gets", "chose": "chooses"}
_NOT_VERB = frozenset("the a an and or but of in on at to for with by from as its his her their our this that these "
                      "those who which is are was were be been being has have had will would could should may might "
                      "also not no yet still already".split())
_STOP = _NOT_VERB | frozenset("it they he she we i you them him us there here than then so such said says "
                              "over under after before into about between during out up down off more most".split())
_WORD = re.compile(r"[A-Za-z][\w'’.-]*")


def _present(verb: str) -> str:
    """Headline tense: "asserted" -> "asserts", "denied" -> "denies"."""
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb.endswith("ied"):
        return verb[:-3] + "ies"
    if verb.endswith(("ssed", "shed", "ched", "xed", "zed")) and not verb.endswith(("ized", "ised")):
        return verb[:-2] + "es"
    if verb.endswith("ed") and len(verb) > 4:
        stem = verb[:-2]
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":
            stem = stem[:-1]  # "targetted" is rare; "planned" -> "plan"
        elif stem.endswith(("at", "ur", "iv", "us", "ag", "uc", "ct", "id", "ov", "ar", "ir", "lv", "rg", "rv",
                            "ok", "av", "ac", "ad", "ys")) and not stem.endswith(("ect", "act")):
            stem += "e"
        return stem + "s"
    return verb


def _short_name(text: str, who: Mention, known: dict[str, Actor]) -> str:
    actor = known.get(who.actor)
    if actor and actor.kind == "person":
        return actor.aliases[-1]
    surface = text[who.start:who.end]
    if surface.startswith("the "):
        surface = surface[4:]
    return surface  # as written: "Russian soldiers", "U.S."


def make_label(text: str, sentence: tuple[int, int], who: Mention | None, timex: Timex | None,
               known: dict[str, Actor]) -> str:
    """A short headline-style label: subject, verb and a few words of object; the sentence start as fallback."""
    start, end = sentence
    if who is None:
        return _clip(" ".join(text[start:end].split()))
    subject = _short_name(text, who, known)
    rest = text[who.end:end]
    if timex is not None and who.end <= timex.start < end:
        cut = timex.start - who.end
        rest = rest[:cut] + " " * (timex.end - timex.start) + rest[cut + timex.end - timex.start:]
    rest = re.sub(r"^\s*\([^)]{1,12}\)", " ", rest)  # "(SDF)"
    rest = re.sub(r"^(?:'s|’s)?\s*,[^,]{1,90},", " ", rest)  # an appositive: "Ryabkov, a deputy minister,"
    words = _WORD.findall(re.split(r"[;:\"“”(]", rest)[0])
    verb_at = next((i for i, w in enumerate(words[:8]) if w.islower() and w not in _NOT_VERB
                    and (w.endswith(("ed", "s")) or w in _IRREGULAR)), None)
    if verb_at is None:
        return _clip(" ".join(text[start:end].split()))
    verb = _present(words[verb_at])
    obj = [w for w in words[verb_at + 1:] if w.lower() not in _STOP][:4]
    return _clip(" ".join([subject, verb, *obj]).rstrip(".,"))


def _clip(label: str, limit: int = LABEL_LIMIT) -> str:
    if len(label) <= limit:
        return label
    return label[:limit].rsplit(" ", 1)[0] + "…"


# --- merging the same happening across documents ---------------------------------------------------------------

MERGE_SIMILARITY = 0.3


def _content_words(sentence: str) -> frozenset[str]:
    return frozenset(w.lower().strip(".'’") for w in _WORD.findall(sentence)
                     if w.lower() not in _STOP and len(w) > 2)


def _span(t: Timex) -> tuple[date, date]:
    lo, hi = t.earliest, t.latest or t.earliest
    lo = lo.date() if isinstance(lo, datetime) else lo
    hi = hi.date() if isinstance(hi, datetime) else hi
    return lo, hi  # type: ignore[return-value]


def same_happening(a: Event, b: Event, threshold: float = MERGE_SIMILARITY) -> bool:
    """Same lane, overlapping dates and similar words (Jaccard on content words)."""
    if a.lane != b.lane or a.time.earliest is None or b.time.earliest is None:
        return False
    (a0, a1), (b0, b1) = _span(a.time), _span(b.time)
    if a1 < b0 or b1 < a0:
        return False
    wa, wb = _content_words(a.sentence), _content_words(b.sentence)
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= threshold


def group_same_happenings(events: list[Event], threshold: float = MERGE_SIMILARITY) -> list[list[Event]]:
    """Group events that report one happening from different documents; order follows the input."""
    groups: list[list[Event]] = []
    for e in events:
        for g in groups:
            if all(x.document != e.document for x in g) and same_happening(g[0], e, threshold):
                g.append(e)
                break
        else:
            groups.append([e])
    return groups


def merge_events(events: list[Event], threshold: float = MERGE_SIMILARITY) -> list[Event]:
    """One event per happening: the most precise report, its actors the union of all, linked to every source."""
    merged: list[Event] = []
    for group in group_same_happenings(events, threshold):
        best = min(group, key=lambda e: (e.implied_time, _width(e.time)))
        actors = tuple(dict.fromkeys(a for e in group for a in e.actors))
        sources = tuple(dict.fromkeys(e.document for e in group))
        merged.append(replace(best, actors=actors, sources=sources))
    return merged


def _width(t: Timex) -> int:
    lo, hi = _span(t)
    return (hi - lo).days
