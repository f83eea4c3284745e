"""Turn a document's time expressions and actor mentions into events, one per placed time."""

from __future__ import annotations

from collections import Counter

from timeline_app.core import actors as actor_rules
from timeline_app.core.model import Document, Event, Mention, Timex
from timeline_app.core.text import sentence_spans

FALLBACK_LANE = "Unattributed"


def build_events(document: Document, timexes: list[Timex], mentions: list[Mention]) -> list[Event]:
    text = document.text
    doc_lane = _main_actor(mentions)
    events: list[Event] = []
    last_time: Timex | None = None
    last_lane: str | None = None
    for start, end in sentence_spans(text):
        own = [t for t in timexes if start <= t.start < end and t.earliest is not None]
        in_sentence = [m for m in mentions if start <= m.start < end]
        actors = tuple(dict.fromkeys(m.actor for m in in_sentence))
        sentence = text[start:end]
        if own:
            for t in own:
                lane = actor_rules.principal_actor(text, (start, end), mentions, t) or last_lane or doc_lane
                events.append(_event(document, len(events), sentence, start, end, t, actors, lane, False))
                last_lane = lane
            last_time = own[-1]
        elif actors:
            lane = actor_rules.principal_actor(text, (start, end), mentions, None) or doc_lane
            time = last_time or _publication_time(document, start)
            events.append(_event(document, len(events), sentence, start, end, time, actors, lane, True))
            last_lane = lane
    return events


def _event(document: Document, n: int, sentence: str, start: int, end: int, time: Timex,
           actors: tuple[str, ...], lane: str | None, implied: bool) -> Event:
    lane = lane or FALLBACK_LANE
    if lane not in actors and lane != FALLBACK_LANE:
        actors = (lane, *actors)
    return Event(id=f"{document.id}:{n}", document=document.id, sentence=sentence,
                 sentence_start=start, sentence_end=end, time=time, actors=actors, lane=lane,
                 label=_label(sentence), implied_time=implied)


def _publication_time(document: Document, at: int) -> Timex:
    ref = document.reference_date
    return Timex(at, at, "", "DATE", ref.isoformat(), ref, ref, anchor="reference")


def _main_actor(mentions: list[Mention]) -> str | None:
    counts = Counter(m.actor for m in mentions)
    return counts.most_common(1)[0][0] if counts else None


def _label(sentence: str, limit: int = 60) -> str:
    words = sentence.split()
    label = ""
    for w in words:
        if len(label) + len(w) + 1 > limit:
            return label + "…"
        label = f"{label} {w}".strip()
    return label
