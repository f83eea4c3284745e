"""What the user has open: loaded documents, their corrections (undoable), the lane mode and the selection.

Plain Python (no Qt) so that it can be tested fast; the UI wraps it and adds signals.

The documents stay as first extracted; everything the user changes (lane renames, merges, hidden lanes,
reference dates, event dates, lanes, labels, deletions, added events, and the view choices to merge reports of the
same event and to show people's lanes, see :class:`~timeline_app.core.corrections.MergeReports` and
:class:`~timeline_app.core.corrections.LanesByPerson`) is a correction on a
:class:`~timeline_app.core.undo.CorrectionStack`, and what is shown is
``apply_corrections(results, stack.corrections)``. Undo and redo are then just the stack's.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime
from pathlib import Path

from timeline_app.core.corrections import (
    AddEvent,
    Applied,
    ChangeDate,
    ChangeLane,
    Correction,
    DeleteEvent,
    EditLabel,
    EventKey,
    Group,
    HideLane,
    LanesByPerson,
    MergeLanes,
    MergeReports,
    RenameLane,
    SetReferenceDate,
    apply_corrections,
    describe,
    new_event_name,
)
from timeline_app.core.model import Event, Timeline, lane_order
from timeline_app.core.pipeline import DocumentResult
from timeline_app.core.undo import CorrectionStack

When = date | datetime


class Session:
    """Loaded document results by id (as extracted), the user's corrections, and the selection."""

    def __init__(self) -> None:
        self.results: dict[str, DocumentResult] = {}  # document id -> result as first extracted, in load order
        self.stack = CorrectionStack()
        self.selected: str | None = None  # event id
        self.documents_revision = 0  # goes up when documents are added or the session is replaced
        self._paths: set[str] = set()
        self._applied: Applied | None = None
        self._applied_for: tuple[int, int] | None = None
        self._events: dict[str, Event] | None = None

    # --- documents -------------------------------------------------------------------
    def has_path(self, path: str | Path, resolved: bool = False) -> bool:
        """True when a file with this path is already loaded (``resolved``: the path is already absolute and real)."""
        return (str(path) if resolved else _key(path)) in self._paths

    def add(self, result: DocumentResult) -> bool:
        """Add a document's result; False (and nothing changes) when that document is already loaded."""
        doc = result.document
        if doc.id in self.results or self.has_path(doc.path):
            return False
        self.results[doc.id] = result
        self._paths.add(_key(doc.path))
        self.documents_revision += 1
        return True

    def replace_all(self, results: tuple[DocumentResult, ...] | list[DocumentResult],
                    corrections: tuple[Correction, ...] = (), applied: Applied | None = None) -> None:
        """Start over with these documents and corrections (New, or a workspace just opened): nothing to undo.

        ``applied`` is ``apply_corrections(results, corrections)`` when it was computed already (a workspace
        opened in the background): it is then shown as it is, not computed again.
        """
        self.results = {}
        self._paths = set()
        for r in results:
            self.results[r.document.id] = r
            self._paths.add(_key(r.document.path))
        self.stack.clear(corrections)
        self.selected = None
        self.documents_revision += 1
        if applied is not None:
            self._applied, self._applied_for, self._events = applied, self.change_key, None

    def documents(self) -> list[DocumentResult]:
        """The results as shown: documents whose reference date the user changed are extracted against it."""
        return list(self.applied.results)

    def current_result(self, document_id: str) -> DocumentResult | None:
        """A document's result as shown (re-resolved when its reference date was changed)."""
        return next((r for r in self.applied.results if r.document.id == document_id), None)

    @property
    def change_key(self) -> tuple[int, int]:
        """Changes whenever the documents or the corrections do (an autosave compares it with the saved one)."""
        return self.documents_revision, self.stack.revision

    # --- what is shown ---------------------------------------------------------------
    @property
    def applied(self) -> Applied:
        """The corrections applied to the documents; cached until something changes."""
        wanted = self.change_key
        if self._applied is None or self._applied_for != wanted:
            self._applied = apply_corrections(self.results.values(), self.stack.corrections)
            self._applied_for = wanted
            self._events = None
        return self._applied

    @property
    def events(self) -> dict[str, Event]:
        """Every corrected event by id (hidden lanes included)."""
        applied = self.applied
        if self._events is None:
            self._events = {e.id: e for e in applied.all_events}
        return self._events

    @property
    def hidden(self) -> frozenset[str]:
        """The lanes the user hid."""
        return self.applied.hidden_lanes

    def lane_of(self, event: Event) -> str:
        return event.lane

    @property
    def by_person(self) -> bool:
        """True when the lanes are the people who speak for a side rather than the sides."""
        return self.applied.by_person

    def set_by_person(self, on: bool) -> None:
        """Switch lanes between people and the countries/organisations they speak for (undoable, saved)."""
        if bool(on) != self.by_person:
            self.push(LanesByPerson(bool(on)))

    @property
    def merged(self) -> bool:
        """True when reports of the same happening by several documents are shown as one event."""
        return self.applied.merged

    def set_merged(self, on: bool) -> None:
        """Show reports of the same happening as one event, or one event per report (undoable, saved)."""
        if bool(on) != self.merged:
            self.push(MergeReports(bool(on)))

    def shown_id(self, event_id: str) -> str | None:
        """The id of the shown event that stands for this event: itself, or the event its report is merged into."""
        if event_id in self.events:
            return event_id
        return self.applied.merged_into.get(event_id)

    def lanes(self) -> list[tuple[str, int]]:
        """Lanes as shown with their event counts, most events first and Unattributed last (hidden lanes
        included)."""
        counts = Counter(e.lane for e in self.applied.all_events)
        return [(lane, counts[lane]) for lane in lane_order(counts)]

    def timeline(self) -> Timeline:
        """The timeline to show: corrections applied, hidden lanes left out."""
        return self.applied.timeline

    def key_of(self, event_id: str) -> EventKey | None:
        """The stable key of a shown event (what a correction names it by)."""
        return self.applied.keys.get(event_id)

    # --- corrections -----------------------------------------------------------------
    def push(self, correction: Correction) -> None:
        """Apply a new correction (it can be undone)."""
        self._keep_selection(lambda: self.stack.push(correction))

    def undo(self) -> Correction | None:
        out: list[Correction | None] = []
        self._keep_selection(lambda: out.append(self.stack.undo()))
        return out[0]

    def redo(self) -> Correction | None:
        out: list[Correction | None] = []
        self._keep_selection(lambda: out.append(self.stack.redo()))
        return out[0]

    def set_reference_date(self, document_id: str, reference: date) -> None:
        """Re-resolve one document against a new reference date."""
        self.push(SetReferenceDate(document_id, reference, "user"))

    def rename_lane(self, old: str, new: str) -> None:
        """Show lane ``old`` as ``new``; when ``new`` already exists the two lanes merge."""
        new = new.strip()
        if new and new != old:
            self.push(RenameLane(old, new))

    def merge_lanes(self, source: str, target: str) -> None:
        """Put every event of lane ``source`` into lane ``target``."""
        if source != target:
            self.push(MergeLanes(source, target))

    def hide_lane(self, lane: str) -> None:
        if lane not in self.hidden:
            self.push(HideLane(lane))

    def show_all_lanes(self) -> None:
        if self.hidden:
            self.push(Group("show all lanes", tuple(HideLane(lane, False) for lane in sorted(self.hidden))))

    # A change to an event that stands for several merged reports changes every report, as one undo step:
    # the event then stays whole, and shows the change with the reports separate too.
    def change_date(self, event_id: str, earliest: When, latest: When) -> None:
        self._push_each(event_id, lambda key: ChangeDate(key, earliest, latest))

    def change_lane(self, event_id: str, lane: str) -> None:
        lane = lane.strip()
        if lane and lane != self.events[event_id].lane:
            self._push_each(event_id, lambda key: ChangeLane(key, lane))

    def edit_label(self, event_id: str, label: str) -> None:
        if label != self.events[event_id].label:
            self._push_each(event_id, lambda key: EditLabel(key, label))

    def delete_event(self, event_id: str) -> None:
        self._push_each(event_id, DeleteEvent)

    def add_event(self, document_id: str, sentence: tuple[int, int], earliest: When, latest: When, lane: str,
                  label: str = "", time: tuple[int, int] | None = None) -> str:
        """Add an event the user made from a stretch of a document's text; returns its id (and selects it)."""
        c = AddEvent(new_event_name(self.stack.corrections + self.stack.redoable), document_id, sentence[0],
                     sentence[1], earliest, latest, lane.strip(), label,
                     time_start=None if time is None else time[0], time_end=None if time is None else time[1])
        self.push(c)
        event = self.applied.find(c.key)
        if event is not None:
            self.selected = event.id
        return event.id if event is not None else ""

    # --- internals -------------------------------------------------------------------
    def _push_each(self, event_id: str, correction) -> None:
        """Push ``correction(key)`` for each report the shown event stands for (a group when there are several)."""
        keys = self.applied.keys_of(event_id)
        if not keys:
            raise KeyError(f"no event {event_id!r} is shown")
        each = tuple(correction(key) for key in keys)
        self.push(each[0] if len(each) == 1 else Group(describe(each[0]), each))

    def _keep_selection(self, change) -> None:
        """Make a change; the selected event stays selected if it is still shown (re-extracted ids included)."""
        key = self.key_of(self.selected) if self.selected else None
        change()
        if key is None:
            self.selected = None
            return
        event = self.applied.find(key)
        self.selected = event.id if event is not None else None


def _key(path: str | Path) -> str:
    return str(Path(path).resolve())
