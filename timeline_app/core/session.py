"""What the user has open: loaded documents, lane renames/merges/hidden lanes and the selection.

Plain Python (no Qt) so that it can be tested fast; the UI wraps it and adds signals.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path

from timeline_app.core.model import Event, Timeline
from timeline_app.core.pipeline import DocumentResult, build_timeline, with_reference_date


class Session:
    """Loaded document results by id, plus how the user reshaped the lanes."""

    def __init__(self) -> None:
        self.results: dict[str, DocumentResult] = {}  # document id -> result, in load order
        self.lane_names: dict[str, str] = {}  # lane as extracted -> lane as shown (renames and merges)
        self.hidden: set[str] = set()  # lanes as shown
        self.selected: str | None = None  # event id
        self.by_person = False  # lanes for people (persons who speak for a side) instead of their sides
        self._paths: set[str] = set()
        self._events: dict[str, Event] | None = None
        self._affiliations: dict[str, str] | None = None  # person -> the country/organisation they speak for

    # --- documents -------------------------------------------------------------------
    def has_path(self, path: str | Path) -> bool:
        """True when a file with this (resolved) path is already loaded."""
        return _key(path) in self._paths

    def add(self, result: DocumentResult) -> bool:
        """Add a document's result; False (and nothing changes) when that document is already loaded."""
        doc = result.document
        if doc.id in self.results or self.has_path(doc.path):
            return False
        self.results[doc.id] = result
        self._paths.add(_key(doc.path))
        self._events = None
        self._affiliations = None
        return True

    def set_reference_date(self, document_id: str, reference: date) -> DocumentResult:
        """Re-resolve one document against a new reference date and keep the new result."""
        result = with_reference_date(self.results[document_id], reference, "user")
        self.results[document_id] = result
        self._events = None
        self._affiliations = None
        if self.selected and self.selected not in self.events:
            self.selected = None
        return result

    # --- events ----------------------------------------------------------------------
    @property
    def events(self) -> dict[str, Event]:
        """Every event of every loaded document, by id (hidden lanes included)."""
        if self._events is None:
            self._events = {e.id: e for r in self.results.values() for e in r.events}
        return self._events

    def base_lane(self, event: Event) -> str:
        """The lane as extracted: the side (Event.lane), or in people mode the person speaking for it.

        In people mode the event goes to the first person it names whose affiliation is the event's
        side; an event naming no such person stays on its side's lane.
        """
        if not self.by_person:
            return event.lane
        affiliations = self.affiliations
        return next((a for a in event.actors if affiliations.get(a) == event.lane), event.lane)

    @property
    def affiliations(self) -> dict[str, str]:
        """Person -> the country or organisation they speak for, from every loaded document."""
        if self._affiliations is None:
            self._affiliations = {a.name: a.affiliation for r in self.results.values() for a in r.actors
                                  if a.kind == "person" and a.affiliation}
        return self._affiliations

    def lane_of(self, event: Event) -> str:
        lane = self.base_lane(event)
        return self.lane_names.get(lane, lane)

    def set_by_person(self, on: bool) -> None:
        """Switch lanes between people and the countries/organisations they speak for."""
        self.by_person = bool(on)
        if self.selected and self.selected in self.events and self.lane_of(self.events[self.selected]) in self.hidden:
            self.selected = None

    def lanes(self) -> list[tuple[str, int]]:
        """Lanes as shown with their event counts, most events first (hidden lanes included)."""
        counts = Counter(self.lane_of(e) for e in self.events.values())
        return sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold()))

    def timeline(self) -> Timeline:
        """The timeline to show: lanes renamed/merged, hidden lanes left out."""
        base = build_timeline(self.results.values())
        events = []
        for e in base.events:
            lane = self.lane_of(e)
            if lane in self.hidden:
                continue
            events.append(e if lane == e.lane else replace(e, lane=lane))
        return replace(base, events=tuple(events))

    # --- lanes -----------------------------------------------------------------------
    def rename_lane(self, old: str, new: str) -> None:
        """Show lane ``old`` as ``new``; when ``new`` already exists the two lanes merge."""
        new = new.strip()
        if not new or new == old:
            return
        for lane in {self.base_lane(e) for e in self.events.values()} | set(self.lane_names):
            if self.lane_names.get(lane, lane) == old:
                self.lane_names[lane] = new
        if old in self.hidden:
            self.hidden.discard(old)

    def merge_lanes(self, source: str, target: str) -> None:
        """Put every event of lane ``source`` into lane ``target``."""
        self.rename_lane(source, target)

    def hide_lane(self, lane: str) -> None:
        self.hidden.add(lane)
        if self.selected and self.lane_of(self.events[self.selected]) == lane:
            self.selected = None

    def show_all_lanes(self) -> None:
        self.hidden.clear()


def _key(path: str | Path) -> str:
    return str(Path(path).resolve())
