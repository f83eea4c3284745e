"""The values that flow through the app: documents, time expressions, actors, events.

Frozen dataclasses without I/O. Dates are ``datetime.date``/``datetime.datetime``;
plot coordinates are made only in the view.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

# Where a document's reference (publication) date came from, best first.
REFERENCE_SOURCES = ("user", "metadata", "dateline", "text", "file-time")
ACTOR_KINDS = ("country", "organization", "person", "group")
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True)
class Timex:
    """A time expression found in a text, normalised the TIMEX3 way.

    ``earliest``/``latest`` bound the stretch of time it places an event in
    (both inclusive); they are None when the expression cannot be placed on a
    timeline (a bare duration, a set, "the past").
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    earliest: date | datetime | None = None
    latest: date | datetime | None = None
    anchor: str = "absolute"  # absolute | reference | previous: what a relative value was resolved against
    mod: str = ""  # TIMEX3 mod: START, MID, END, APPROX, MORE_THAN, LESS_THAN, EQUAL_OR_MORE...

    @property
    def is_point(self) -> bool:
        """True when the expression names a single day or an instant, not a span."""
        return self.earliest is not None and self.earliest == self.latest


@dataclass(frozen=True)
class Document:
    """One article: the text the app shows and the date its relative times hang on."""

    id: str
    path: str
    title: str
    text: str
    reference_date: date
    reference_source: str  # one of REFERENCE_SOURCES


@dataclass(frozen=True)
class Actor:
    """A real-world entity that acts in events: a country, organisation, person or group."""

    name: str
    kind: str  # one of ACTOR_KINDS
    aliases: tuple[str, ...] = ()
    affiliation: str | None = None  # the country/organisation a person speaks for


@dataclass(frozen=True)
class Mention:
    """Where an actor is named in a text."""

    start: int
    end: int
    actor: str  # canonical Actor.name


@dataclass(frozen=True)
class Event:
    """Something an actor did or said at a time, anchored to its sentence in a document."""

    id: str
    document: str
    sentence: str
    sentence_start: int
    sentence_end: int
    time: Timex
    actors: tuple[str, ...]
    lane: str
    label: str = ""
    implied_time: bool = False  # the sentence has no time of its own; the time comes from the narrative
    sources: tuple[str, ...] = ()  # ids of every document reporting this happening, when merged


@dataclass(frozen=True)
class Timeline:
    """Everything extracted from a set of documents."""

    documents: tuple[Document, ...] = ()
    events: tuple[Event, ...] = ()
    actors: tuple[Actor, ...] = ()
    mentions: dict[str, tuple[Mention, ...]] = field(default_factory=dict)  # document id -> mentions


UNATTRIBUTED = "Unattributed"  # the lane of an event whose actor the text does not name


def lane_order(counts: Mapping[str, int]) -> list[str]:
    """Lanes with the most events first, alphabetically among equals; the Unattributed lane, which is no
    actor, last whatever its size."""
    return sorted(counts, key=lambda lane: (lane == UNATTRIBUTED, -counts[lane], lane.casefold()))
