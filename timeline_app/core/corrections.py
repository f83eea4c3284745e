"""The user's corrections as data, and the pure function that applies them to extracted results.

A correction names its event by an :class:`EventKey` (document id, sentence offsets, time-expression offsets),
not by the event's list index or id: re-extracting a document after a reference-date change, or with a newer
version of the app, gives the same keys as long as the sentence and its time expression are still found, so the
user's work carries over. A correction whose event is gone is kept and reported as orphaned, never dropped.

Corrections are applied in order, each to the state the earlier ones left, so that "rename lane A to B" followed
by "add an event in lane A" leaves the new event in lane A, as the user saw it when adding it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from timeline_app.core.events import group_same_happenings, merged_event
from timeline_app.core.model import Document, Event, Timeline, Timex
from timeline_app.core.pipeline import DocumentResult, build_timeline, extract

ADDED_PREFIX = "added:"  # the id of an event the user added: "added:<name>", never an extracted id


@dataclass(frozen=True, order=True)
class EventKey:
    """What identifies an event across re-extractions: where its sentence and its time expression are.

    ``timex_start``/``timex_end`` are None for an event whose sentence has no time of its own (its time is
    implied by the narrative and may change when the reference date does). An event the user added is keyed by
    its own id in ``added``.
    """

    document: str
    sentence_start: int
    sentence_end: int
    timex_start: int | None = None
    timex_end: int | None = None
    added: str = ""

    def __str__(self) -> str:
        if self.added:
            return f"{self.document}@{ADDED_PREFIX}{self.added}"
        time = "implied" if self.timex_start is None else f"{self.timex_start}-{self.timex_end}"
        return f"{self.document}@{self.sentence_start}-{self.sentence_end}#{time}"

    @classmethod
    def parse(cls, text: str) -> EventKey:
        """The key that ``str(key)`` wrote; ValueError for anything else."""
        document, sep, rest = text.rpartition("@")
        if not sep or not document:
            raise ValueError(f"not an event key: {text!r}")
        if rest.startswith(ADDED_PREFIX):
            return cls(document, 0, 0, added=rest[len(ADDED_PREFIX):])
        m = re.fullmatch(r"(\d+)-(\d+)#(?:implied|(\d+)-(\d+))", rest)
        if not m:
            raise ValueError(f"not an event key: {text!r}")
        ts = None if m[3] is None else int(m[3])
        te = None if m[4] is None else int(m[4])
        return cls(document, int(m[1]), int(m[2]), ts, te)


def event_key(event: Event) -> EventKey:
    """The stable key of an extracted, corrected or added event."""
    if event.id.startswith(ADDED_PREFIX):
        return EventKey(event.document, 0, 0, added=event.id[len(ADDED_PREFIX):])
    if event.implied_time:
        return EventKey(event.document, event.sentence_start, event.sentence_end)
    return EventKey(event.document, event.sentence_start, event.sentence_end, event.time.start, event.time.end)


# --- the corrections -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ChangeDate:
    """Put an event at another time: new bounds and/or a new TIMEX3 value (the other is derived when missing)."""

    key: EventKey
    earliest: date | datetime | None = None
    latest: date | datetime | None = None
    value: str | None = None

    title = "change date"


@dataclass(frozen=True)
class ChangeLane:
    """Move one event to another lane."""

    key: EventKey
    lane: str

    title = "change lane"


@dataclass(frozen=True)
class DeleteEvent:
    """Take an event off the timeline."""

    key: EventKey

    title = "delete event"


@dataclass(frozen=True)
class EditLabel:
    """Give an event the label the user wrote."""

    key: EventKey
    label: str

    title = "edit label"


@dataclass(frozen=True)
class AddEvent:
    """An event the user made by selecting text: its sentence, time, lane and label.

    ``name`` makes its id (``added:<name>``) and key; :func:`new_event_name` gives a fresh one.
    ``time_start``/``time_end`` are the offsets of the selected time expression, when there is one.
    """

    name: str
    document: str
    sentence_start: int
    sentence_end: int
    earliest: date | datetime
    latest: date | datetime
    lane: str
    label: str = ""
    value: str | None = None
    time_start: int | None = None
    time_end: int | None = None
    actors: tuple[str, ...] = ()

    title = "add event"

    @property
    def key(self) -> EventKey:
        return EventKey(self.document, 0, 0, added=self.name)


@dataclass(frozen=True)
class SetReferenceDate:
    """Resolve a document's relative times against another date (the document is extracted again)."""

    document: str
    reference_date: date
    source: str = "user"

    title = "set reference date"


@dataclass(frozen=True)
class RenameLane:
    """Show lane ``old`` as ``new``; when ``new`` already exists the two lanes merge."""

    old: str
    new: str

    title = "rename lane"


@dataclass(frozen=True)
class MergeLanes:
    """Put every event of lane ``source`` into lane ``target``."""

    source: str
    target: str

    title = "merge lanes"


@dataclass(frozen=True)
class HideLane:
    """Leave a lane out of the timeline (``hidden=False`` shows it again)."""

    lane: str
    hidden: bool = True

    @property
    def title(self) -> str:
        return "hide lane" if self.hidden else "show lane"


@dataclass(frozen=True)
class MergeReports:
    """Show the same happening reported by several documents as one event (``on=False``: one per report again).

    View state, not a change to any event: the reports stay as extracted and corrected, and are grouped only
    when shown (see :func:`apply_corrections`). It is a correction like :class:`HideLane` so that it is undone,
    redone and saved with the workspace by the one mechanism that does that for the user's other choices.
    The last one in force wins.
    """

    on: bool = True

    @property
    def title(self) -> str:
        return "merge reports of the same event" if self.on else "separate reports of the same event"


@dataclass(frozen=True)
class LanesByPerson:
    """One lane per person who speaks for a side, instead of one per side (``on=False``: the sides again).

    View state like :class:`MergeReports`, and a correction for the same reason: undone, redone and saved with
    the workspace. It moves the events as extracted, before any correction applies (see :func:`person_lanes`),
    so a lane renamed, merged or hidden while people's lanes show is renamed whenever they show again, and the
    sides' lanes keep what was done to them; the last one in force wins.
    """

    on: bool = True

    @property
    def title(self) -> str:
        return "lanes by person" if self.on else "lanes by country or organisation"


@dataclass(frozen=True)
class Group:
    """Several corrections made by one action of the user ("show all lanes", merging three lanes), undone as one.

    ``text`` names the action in menus: "show all lanes".
    """

    text: str
    corrections: tuple[Correction, ...]

    @property
    def title(self) -> str:
        return self.text


Correction = (ChangeDate | ChangeLane | DeleteEvent | EditLabel | AddEvent | SetReferenceDate | RenameLane
              | MergeLanes | HideLane | MergeReports | LanesByPerson | Group)
CORRECTION_TYPES: dict[str, type] = {cls.__name__: cls for cls in (
    ChangeDate, ChangeLane, DeleteEvent, EditLabel, AddEvent, SetReferenceDate, RenameLane, MergeLanes, HideLane,
    MergeReports, LanesByPerson, Group)}


def flatten(corrections: Iterable[Correction]) -> list[Correction]:
    """The corrections with every group replaced by what it holds, in order."""
    out: list[Correction] = []
    for c in corrections:
        out.extend(flatten(c.corrections) if isinstance(c, Group) else [c])
    return out


def describe(correction: Correction) -> str:
    """A short lower-case name for menus: "change lane", "delete event"."""
    return str(correction.title)


def new_event_name(taken: Iterable[Correction] = ()) -> str:
    """A name for an added event that no correction in ``taken`` uses yet."""
    used = {c.name for c in flatten(taken) if isinstance(c, AddEvent)}
    n = len(used) + 1
    while str(n) in used:
        n += 1
    return str(n)


# --- applying them -------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Applied:
    """The timeline the user sees, and the corrections that found nothing to apply to."""

    timeline: Timeline
    results: tuple[DocumentResult, ...]  # as extracted against the corrected dates (in people's lanes if so)
    orphans: tuple[Correction, ...] = ()
    hidden_lanes: frozenset[str] = frozenset()
    keys: Mapping[str, EventKey] = field(default_factory=dict)  # event id as shown -> its key
    all_events: tuple[Event, ...] = ()  # the corrected events, those in hidden lanes too (for lane lists)
    merged: bool = False  # reports of the same happening are shown as one event (see MergeReports)
    members: Mapping[str, tuple[EventKey, ...]] = field(default_factory=dict)  # merged event id -> its reports' keys
    merged_into: Mapping[str, str] = field(default_factory=dict)  # id of a report not shown itself -> the shown id
    by_person: bool = False  # lanes for the people who speak for a side (see LanesByPerson)

    def find(self, key: EventKey | str) -> Event | None:
        """The shown event with this key (or its text, as a saved selection has it), None when hidden or gone.

        When reports are merged, the key of any of them finds the event they are merged into.
        """
        key = EventKey.parse(key) if isinstance(key, str) else key
        return next((e for e in self.timeline.events
                     if self.keys.get(e.id) == key or key in self.members.get(e.id, ())), None)

    def keys_of(self, event_id: str) -> tuple[EventKey, ...]:
        """The keys of the reports a shown event stands for: its own, or all those merged into it."""
        if event_id in self.members:
            return self.members[event_id]
        return (self.keys[event_id],) if event_id in self.keys else ()


def rebase(results: Iterable[DocumentResult], corrections: Sequence[Correction]) -> tuple[DocumentResult, ...]:
    """The results with every document re-extracted whose reference date a correction changed.

    ``results`` should be the extraction against each document's own (ingested) reference date: the date a
    correction sets is then undone simply by dropping the correction. A result already extracted against the
    corrected date is reused as is, and re-extractions are remembered, so calling this again is cheap.
    """
    wanted: dict[str, SetReferenceDate] = {}
    for c in flatten(corrections):
        if isinstance(c, SetReferenceDate):
            wanted[c.document] = c
    out = []
    for r in results:
        c = wanted.get(r.document.id)
        if c is not None and (r.document.reference_date, r.document.reference_source) != (c.reference_date, c.source):
            r = _extracted(replace(r.document, reference_date=c.reference_date, reference_source=c.source))
        out.append(r)
    return tuple(out)


@lru_cache(maxsize=64)
def _extracted(document: Document) -> DocumentResult:
    # The UI applies the corrections after every change; a re-dated document is extracted once, not every time.
    # Same as pipeline.with_reference_date, which takes a result rather than the re-dated document.
    return extract(document)


def apply_corrections(results: Iterable[DocumentResult], corrections: Sequence[Correction]) -> Applied:
    """The timeline of the extracted results with the corrections applied in order.

    Pure: the inputs are not changed. Documents whose reference date a correction changed are extracted again
    (see :func:`rebase`); keep passing the results as first extracted, not ``Applied.results``, so that undoing a
    :class:`SetReferenceDate` brings the old date back. Hidden lanes are left out of ``timeline.events``.
    """
    results = rebase(results, corrections)
    flat = flatten(corrections)
    by_person = next((c.on for c in reversed(flat) if isinstance(c, LanesByPerson)), False)
    if by_person:  # before the corrections: they apply to the lanes the user saw when making them
        results = person_lanes(results)
    base = build_timeline(results)
    texts = {d.id: d.text for d in base.documents}
    events: dict[EventKey, Event] = {}
    for e in base.events:
        events.setdefault(event_key(e), e)  # two events with one key cannot be told apart; the first wins
    hidden: set[str] = set()
    orphans: list[Correction] = []
    merged = False

    for c in flat:
        if isinstance(c, MergeReports):
            merged = c.on
        elif isinstance(c, LanesByPerson):
            continue  # applied above
        elif isinstance(c, SetReferenceDate):
            if c.document not in texts:
                orphans.append(c)
        elif isinstance(c, AddEvent):
            text = texts.get(c.document)
            if text is None or not 0 <= c.sentence_start <= c.sentence_end <= len(text) or c.key in events:
                orphans.append(c)
            else:
                events[c.key] = _added_event(c, text)
        elif isinstance(c, RenameLane | MergeLanes):
            old, new = (c.old, c.new.strip()) if isinstance(c, RenameLane) else (c.source, c.target.strip())
            if new and new != old:
                for k, e in events.items():
                    if e.lane == old:
                        events[k] = replace(e, lane=new)
                if old in hidden:  # the lane the user renamed is one they are looking at again
                    hidden.discard(old)
        elif isinstance(c, HideLane):
            (hidden.add if c.hidden else hidden.discard)(c.lane)
        else:
            event = events.get(c.key)
            if event is None:
                orphans.append(c)
            elif isinstance(c, DeleteEvent):
                del events[c.key]
            elif isinstance(c, ChangeLane):
                events[c.key] = replace(event, lane=c.lane)
            elif isinstance(c, EditLabel):
                events[c.key] = replace(event, label=c.label)
            elif isinstance(c, ChangeDate):
                events[c.key] = replace(event, time=_redated(event.time, c))

    members: dict[str, tuple[EventKey, ...]] = {}
    merged_into: dict[str, str] = {}
    if merged:  # after the corrections: each report is corrected under its own key, then the reports group
        events, members, merged_into = _merge_reports(events)
    shown = tuple(e for e in events.values() if e.lane not in hidden)
    keys = {e.id: k for k, e in events.items()}
    return Applied(replace(base, events=shown), results, tuple(orphans), frozenset(hidden), keys,
                   tuple(events.values()), merged, members, merged_into, by_person)


def person_lanes(results: Iterable[DocumentResult]) -> tuple[DocumentResult, ...]:
    """The results with each event in the lane of the first person it names who speaks for its side.

    Who speaks for which country or organisation comes from every document (a person's affiliation found in one
    article holds in the others). An event naming no such person stays in its side's lane.
    """
    results = tuple(results)
    affiliations = {a.name: a.affiliation for r in results for a in r.actors if a.kind == "person" and a.affiliation}

    def moved(event: Event) -> Event:
        lane = next((a for a in event.actors if affiliations.get(a) == event.lane), event.lane)
        return event if lane == event.lane else replace(event, lane=lane)

    return tuple(replace(r, events=tuple(moved(e) for e in r.events)) for r in results)


def _merge_reports(events: Mapping[EventKey, Event]) -> tuple[
        dict[EventKey, Event], dict[str, tuple[EventKey, ...]], dict[str, str]]:
    """One event per happening (see :func:`~timeline_app.core.events.merge_events`), under its best report's key.

    Also returns, for each event that stands for several reports, their keys, and for each report not shown
    itself, the id of the event it is merged into. A report of its own stays as it is (``sources`` empty).
    """
    key_of = {id(e): k for k, e in events.items()}
    out: dict[EventKey, Event] = {}
    members: dict[str, tuple[EventKey, ...]] = {}
    merged_into: dict[str, str] = {}
    for group in group_same_happenings(list(events.values())):
        if len(group) == 1:
            out[key_of[id(group[0])]] = group[0]
            continue
        event = merged_event(group)
        keys = tuple(key_of[id(e)] for e in group)
        out[next(k for k, e in zip(keys, group, strict=True) if e.id == event.id)] = event
        members[event.id] = keys
        merged_into.update((e.id, event.id) for e in group if e.id != event.id)
    return out, members, merged_into


def _added_event(c: AddEvent, text: str) -> Event:
    start = c.sentence_start if c.time_start is None else c.time_start
    end = start if c.time_end is None else c.time_end
    value = c.value or timex_value(c.earliest, c.latest)
    time = Timex(start, end, text[start:end], "TIME" if isinstance(c.earliest, datetime) else "DATE", value,
                 c.earliest, c.latest, anchor="user")
    actors = c.actors or (c.lane,)
    return Event(id=ADDED_PREFIX + c.name, document=c.document, sentence=text[c.sentence_start:c.sentence_end],
                 sentence_start=c.sentence_start, sentence_end=c.sentence_end, time=time, actors=actors,
                 lane=c.lane, label=c.label)


def _redated(time: Timex, c: ChangeDate) -> Timex:
    earliest, latest, value = c.earliest, c.latest, c.value
    if earliest is None and latest is None and value is not None:
        bounds = value_bounds(value)
        if bounds is not None:
            earliest, latest = bounds
    if earliest is None and latest is None:
        earliest, latest = time.earliest, time.latest
    elif earliest is None or latest is None:
        earliest = latest = earliest if earliest is not None else latest
    if value is None:
        value = timex_value(earliest, latest) if earliest is not None else time.value
    kind = "TIME" if isinstance(earliest, datetime) else "DATE"
    return replace(time, earliest=earliest, latest=latest, value=value, type=kind, mod="", anchor="user")


def timex_value(earliest: date | datetime | None, latest: date | datetime | None) -> str:
    """The TIMEX3 value for a stretch of time: a day, a whole month or year, else an ISO 8601 interval."""
    if earliest is None or latest is None:
        return ""
    if earliest == latest:
        return earliest.strftime("%Y-%m-%dT%H:%M") if isinstance(earliest, datetime) else earliest.isoformat()
    if not isinstance(earliest, datetime) and not isinstance(latest, datetime):
        if earliest.day == 1 and (latest + timedelta(days=1)).day == 1:
            if (earliest.year, earliest.month) == (latest.year, latest.month):
                return f"{earliest.year:04d}-{earliest.month:02d}"
            if (earliest.month, latest.month, earliest.year) == (1, 12, latest.year):
                return f"{earliest.year:04d}"
    return f"{_iso(earliest)}/{_iso(latest)}"


def value_bounds(value: str) -> tuple[date | datetime, date | datetime] | None:
    """The first and last day of a TIMEX3 value (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDTHH:MM, a/b), else None."""
    try:
        if "/" in value:
            a, b = value.split("/", 1)
            first, last = value_bounds(a), value_bounds(b)
            return (first[0], last[1]) if first and last else None
        if re.fullmatch(r"\d{4}", value):
            return date(int(value), 1, 1), date(int(value), 12, 31)
        if re.fullmatch(r"\d{4}-\d{2}", value):
            y, m = int(value[:4]), int(value[5:])
            first = date(y, m, 1)
            return first, (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            d = date.fromisoformat(value)
            return d, d
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?", value):
            t = datetime.fromisoformat(value)
            return t, t
    except ValueError:
        return None
    return None


def _iso(value: date | datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M") if isinstance(value, datetime) else value.isoformat()


# --- as JSON, for the workspace file -------------------------------------------------------------------------------

def correction_to_dict(correction: Correction) -> dict[str, Any]:
    """A JSON-ready dict: ``{"type": "ChangeLane", "key": "doc@10-52#14-22", "lane": "Russia"}``."""
    out: dict[str, Any] = {"type": type(correction).__name__}
    for name in correction.__dataclass_fields__:
        out[name] = _to_json(getattr(correction, name))
    return out


def correction_from_dict(data: Mapping[str, Any]) -> Correction:
    """The correction :func:`correction_to_dict` wrote; ValueError when it is not one."""
    try:
        cls = CORRECTION_TYPES[data["type"]]
        kwargs = {}
        for name in cls.__dataclass_fields__:
            if name in data:
                kwargs[name] = _from_json(name, data[name])
        return cls(**kwargs)
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"not a correction: {data!r} ({exc})") from exc


def _to_json(value: Any) -> Any:
    if type(value).__name__ in CORRECTION_TYPES and hasattr(value, "__dataclass_fields__"):
        return correction_to_dict(value)
    if isinstance(value, EventKey):
        return str(value)
    if isinstance(value, datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    if isinstance(value, tuple):
        return [_to_json(v) for v in value]
    return value


def _from_json(name: str, value: Any) -> Any:
    if name == "key":
        return EventKey.parse(value)
    if name == "corrections":
        return tuple(correction_from_dict(c) for c in value)
    if isinstance(value, dict):
        if "datetime" in value:
            return datetime.fromisoformat(value["datetime"])
        return date.fromisoformat(value["date"])
    if isinstance(value, list):
        return tuple(value)
    return value
