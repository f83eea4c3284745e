"""The session with Qt signals: views listen to it instead of to each other."""

from __future__ import annotations

import gc
import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, QTimer, Signal

from timeline_app.core.model import Event, Timeline
from timeline_app.core.pipeline import DocumentResult
from timeline_app.core.session import Session

logger = logging.getLogger(__name__)
REPAINT_MS = 40  # background jobs stay paused this long after a redraw, so the repaint runs at full speed
BATCH_MS = 200  # while files load, redraw at most this often...
BATCH_MS_PER_1000_EVENTS = 100  # ...and less often as the timeline grows (each redraw costs more)
MAX_BATCH_MS = 1200


class SessionModel(QObject):
    """Wraps a :class:`Session`; every change is announced by a past-tense signal."""

    documents_changed = Signal()
    timeline_changed = Signal()  # lanes or events changed: redraw
    selection_changed = Signal(str)  # event id, "" for none

    def __init__(self, session: Session | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session or Session()
        # While many files load, redraw every so often instead of once per file, in several event-loop turns
        self._batch = QTimer(self, singleShot=True, interval=BATCH_MS)
        self._batch.timeout.connect(self._announce_in_turns)
        self._steps: deque[Callable[[], object]] = deque()
        self._when_done: list[Callable[[], object]] = []
        self._in_turns = False  # a batched redraw is going on, one step per event-loop turn
        self._step_timer = QTimer(self, singleShot=True, interval=0)
        self._step_timer.timeout.connect(self._next_step)
        # set while background jobs may run; cleared while the views redraw (see ImportJob.gate)
        self.gate = threading.Event()
        self.gate.set()
        self._reopen = QTimer(self, singleShot=True, interval=REPAINT_MS)
        self._reopen.timeout.connect(self.gate.set)

    @property
    def timeline(self) -> Timeline:
        return self.session.timeline()

    def find_event(self, event_id: str) -> Event | None:
        return self.session.events.get(event_id)

    def result(self, document_id: str) -> DocumentResult | None:
        """A document's result as shown (re-resolved when the user changed its reference date)."""
        return self.session.current_result(document_id)

    @property
    def selected(self) -> str | None:
        return self.session.selected

    @property
    def stack(self):
        return self.session.stack

    # --- changes ---------------------------------------------------------------------
    def add_result(self, result: DocumentResult, *, batch: bool = False) -> bool:
        """Add a loaded document; with ``batch`` the redraw waits for more documents (see flush())."""
        if not self.session.add(result):
            logger.info("%s is already loaded", result.document.path)
            return False
        if batch:
            if not self._batch.isActive() and not self._in_turns:
                events = sum(len(r.events) for r in self.session.results.values())
                self._batch.start(min(BATCH_MS + events * BATCH_MS_PER_1000_EVENTS // 1000, MAX_BATCH_MS))
        else:
            self._announce()
        return True

    def flush(self) -> None:
        """Announce any batched change now."""
        if self._batch.isActive():
            self._batch.stop()
            self._announce()

    def flush_in_turns(self, then: Callable[[], object]) -> None:
        """Announce any batched change in several event-loop turns, then call ``then`` (at once if none is due)."""
        if self._batch.isActive():
            self._batch.stop()
            self._announce_in_turns()
        if self._in_turns:
            self._when_done.append(then)
        else:
            then()

    @property
    def refreshing(self) -> bool:
        """True while a batched redraw is going on, one step per event-loop turn."""
        return self._in_turns

    def later(self, step: Callable[[], object]) -> None:
        """Run ``step`` in its own event-loop turn when a batched redraw is going on, else now.

        Views put the slow parts of a redraw here, so that loading many files never stalls the window long.
        """
        if self._in_turns:
            self._steps.append(step)
        else:
            step()

    def replace_all(self, results, corrections=(), selection: str | None = None, applied=None,
                    then: Callable[[], object] | None = None) -> None:
        """Start over with these documents and corrections (New, Open Workspace).

        ``selection`` is the selected event's key as text (as a workspace saves it); ``applied`` is
        ``apply_corrections(results, corrections)`` when it was computed already (off the GUI thread). With
        ``then``, the views redraw in several event-loop turns (a large workspace), and ``then`` is called after.
        """
        self._batch.stop()
        self.session.replace_all(results, corrections, applied)
        event = self.session.applied.find(selection) if selection else None
        self.session.selected = event.id if event is not None else None
        if then is None:
            self._changed(selection_before="")
            return

        def shown() -> None:
            self.selection_changed.emit(self.session.selected or "")
            then()

        self._announce_in_turns()
        self._when_done.append(shown)

    def set_reference_date(self, document_id: str, reference: date) -> None:
        self._change(self.session.set_reference_date, document_id, reference)

    def rename_lane(self, old: str, new: str) -> None:
        self._change(self.session.rename_lane, old, new)

    def merge_lanes(self, source: str, target: str) -> None:
        self._change(self.session.merge_lanes, source, target)

    def hide_lane(self, lane: str) -> None:
        self._change(self.session.hide_lane, lane)

    def show_all_lanes(self) -> None:
        self._change(self.session.show_all_lanes)

    def set_by_person(self, on: bool) -> None:
        """Lanes for people (True) or for the countries/organisations they speak for (False); undoable, saved."""
        if bool(on) != self.session.by_person:
            self._change(self.session.set_by_person, on)

    @property
    def merged(self) -> bool:
        """True when reports of the same happening by several documents are shown as one event."""
        return self.session.merged

    def set_merged(self, on: bool) -> None:
        """Show reports of the same happening as one event (True) or one event per report; undoable, saved."""
        if bool(on) != self.session.merged:
            self._change(self.session.set_merged, on)

    def change_date(self, event_id: str, earliest, latest) -> None:
        self._change(self.session.change_date, event_id, earliest, latest)

    def change_lane(self, event_id: str, lane: str) -> None:
        self._change(self.session.change_lane, event_id, lane)

    def edit_label(self, event_id: str, label: str) -> None:
        self._change(self.session.edit_label, event_id, label)

    def delete_event(self, event_id: str) -> None:
        self._change(self.session.delete_event, event_id)

    def add_event(self, document_id: str, sentence: tuple[int, int], earliest, latest, lane: str, label: str = "",
                  time: tuple[int, int] | None = None) -> str:
        """Add an event made from a stretch of text; it becomes the selection. Returns its id."""
        return self._change(self.session.add_event, document_id, sentence, earliest, latest, lane, label, time)

    def undo(self) -> None:
        if self.session.stack.can_undo:
            self._change(self.session.undo)

    def redo(self) -> None:
        if self.session.stack.can_redo:
            self._change(self.session.redo)

    def select(self, event_id: str | None) -> None:
        """Select a shown event; a report merged into another event selects that event."""
        event_id = event_id or None
        if event_id is not None:
            event_id = self.session.shown_id(event_id)
            if event_id is None:
                return
        if event_id == self.session.selected:
            return
        self.session.selected = event_id
        self.selection_changed.emit(event_id or "")

    # --- internals -------------------------------------------------------------------
    def _change(self, method, *args):
        before = self.session.selected
        out = method(*args)
        self._changed(selection_before=before)
        return out

    def _changed(self, selection_before: str | None = None) -> None:
        self._announce()
        if self.session.selected != selection_before:
            self.selection_changed.emit(self.session.selected or "")

    def _announce(self) -> None:
        self.gate.clear()
        pending = self._in_turns
        try:
            if pending:  # a batched redraw is under way: everything it would show is shown now
                self._step_timer.stop()
                self._steps.clear()
                self._in_turns = False
            self.documents_changed.emit()
            self.timeline_changed.emit()
        finally:
            self._reopen.start()
            if pending:
                self._finish_steps()

    def _announce_in_turns(self) -> None:
        # applying the corrections, the documents' views and the timeline's each get an event-loop turn;
        # slots add their slow parts with later(). A timer started from a timer's slot does not fire in the same
        # pass of the event loop, so input and paint events are handled between steps.
        self.gate.clear()
        self._reopen.stop()
        self._in_turns = True
        self._steps.extend([lambda: self.session.applied, self.documents_changed.emit, self.timeline_changed.emit])
        self._step_timer.start()

    def _next_step(self) -> None:
        if not self._steps:
            return
        step = self._steps.popleft()
        t0 = time.perf_counter()
        try:
            step()
        finally:
            logger.debug("redraw step %s: %.0f ms", getattr(step, "__qualname__", step),
                         1000 * (time.perf_counter() - t0))
            if self._steps:
                self._step_timer.start()
            else:
                self._finish_steps()

    def _finish_steps(self) -> None:
        self._in_turns = False
        # The loaded documents live as long as the session: take them out of the cyclic collector's scans
        # (they are still freed by reference counting). Otherwise a full collection over 500 articles' objects
        # stalls whichever step it lands in for ~60 ms.
        gc.freeze()
        self._reopen.start()
        done, self._when_done = self._when_done, []
        for then in done:
            then()
