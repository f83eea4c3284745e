"""Document -> time expressions, actor mentions -> events; a generator that reports progress."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from timeline_app.core import actors as actor_rules
from timeline_app.core.events import build_events, merge_events
from timeline_app.core.ingest import IngestError, collect_files, read_document
from timeline_app.core.lanes import unify_lanes
from timeline_app.core.model import Actor, Document, Event, Mention, Timeline, Timex
from timeline_app.core.temporal import tag

logger = logging.getLogger(__name__)

@dataclass(frozen=True)
class DocumentResult:
    """What the pipeline extracted from one document."""

    document: Document
    timexes: tuple[Timex, ...]
    mentions: tuple[Mention, ...]
    events: tuple[Event, ...]
    actors: tuple[Actor, ...] = ()  # every actor the document names, persons with their affiliation


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
    events = build_events(document, timexes, mentions)
    actors = tuple(actor_rules.actors_for(text).values())
    return DocumentResult(document, tuple(timexes), tuple(mentions), tuple(events), actors)


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


def build_timeline(results: Iterable[DocumentResult], merge: bool = False) -> Timeline:
    """Gather per-document results into one Timeline with the actors its events name.

    The variants of one actor's name that different documents use become one lane (see ``core/lanes.py``). With
    ``merge``, the same happening reported by several documents becomes one event listing all its sources.
    """
    results = list(results)
    known = actor_rules.catalog()
    for r in results:
        known.update((a.name, a) for a in r.actors)
    # one lane per actor across documents: "James C. Kopp" in one article and "James Kopp" in another
    events = unify_lanes((e for r in results for e in r.events), known)
    if merge:
        events = merge_events(events)
    used: dict[str, Actor] = {}
    for e in events:
        for name in e.actors:
            used.setdefault(name, known.get(name) or Actor(name, "group"))
    return Timeline(
        documents=tuple(r.document for r in results),
        events=tuple(events),
        actors=tuple(used.values()),
        mentions={r.document.id: r.mentions for r in results},
    )
