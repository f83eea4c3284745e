"""Document -> time expressions, actor mentions -> events; a generator that reports progress."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from timeline_app.core import actors as actor_rules
from timeline_app.core.ingest import IngestError, collect_files, read_document
from timeline_app.core.model import Actor, Document, Event, Mention, Timeline, Timex
from timeline_app.core.temporal import tag
from timeline_app.core.text import sentence_spans

logger = logging.getLogger(__name__)

FALLBACK_LANE = "Unattributed"


@dataclass(frozen=True)
class DocumentResult:
    """What the pipeline extracted from one document."""

    document: Document
    timexes: tuple[Timex, ...]
    mentions: tuple[Mention, ...]
    events: tuple[Event, ...]


@dataclass(frozen=True)
class Progress:
    """One step of a batch: a file done (with its result) or failed (with a message)."""

    done: int
    total: int
    path: str
    result: DocumentResult | None = None
    error: str | None = None


def extract(document: Document) -> DocumentResult:
    """Find the time expressions and actors of a document and build its events."""
    text = document.text
    timexes = tag(text, document.reference_date)
    mentions = actor_rules.find_mentions(text)
    events = _build_events(document, timexes, mentions)
    return DocumentResult(document, tuple(timexes), tuple(mentions), tuple(events))


def with_reference_date(result: DocumentResult, reference: date, source: str = "user") -> DocumentResult:
    """Re-resolve a document against a new reference date."""
    return extract(replace(result.document, reference_date=reference, reference_source=source))


def process_files(paths: Iterable[str | Path], reference_date: date | None = None) -> Iterator[Progress]:
    """Read and extract each file in turn; a bad file yields an error and the batch goes on."""
    files = collect_files(paths)
    for i, path in enumerate(files, 1):
        try:
            result = extract(read_document(path, reference_date))
        except IngestError as exc:
            yield Progress(i, len(files), str(path), error=str(exc))
            continue
        except Exception as exc:  # noqa: BLE001 - one bad file must never stop the others
            logger.exception("unexpected failure on %s", path)
            yield Progress(i, len(files), str(path), error=f"{Path(path).name}: unexpected error ({exc})")
            continue
        yield Progress(i, len(files), str(path), result=result)


def build_timeline(results: Iterable[DocumentResult]) -> Timeline:
    """Gather per-document results into one Timeline with the actors its events name."""
    results = list(results)
    known = actor_rules.catalog()
    used: dict[str, Actor] = {}
    for r in results:
        for e in r.events:
            for name in e.actors:
                used.setdefault(name, known.get(name) or Actor(name, "group"))
    return Timeline(
        documents=tuple(r.document for r in results),
        events=tuple(e for r in results for e in r.events),
        actors=tuple(used.values()),
        mentions={r.document.id: r.mentions for r in results},
    )


def _build_events(document: Document, timexes: list[Timex], mentions: list[Mention]) -> list[Event]:
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
