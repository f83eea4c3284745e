"""The session with Qt signals: views listen to it instead of to each other."""

from __future__ import annotations

import logging
import threading
from datetime import date

from PySide6.QtCore import QObject, QTimer, Signal

from timeline_app.core.model import Event, Timeline
from timeline_app.core.pipeline import DocumentResult
from timeline_app.core.session import Session

logger = logging.getLogger(__name__)
REPAINT_MS = 40  # background jobs stay paused this long after a redraw, so the repaint runs at full speed


class SessionModel(QObject):
    """Wraps a :class:`Session`; every change is announced by a past-tense signal."""

    documents_changed = Signal()
    timeline_changed = Signal()  # lanes or events changed: redraw
    selection_changed = Signal(str)  # event id, "" for none

    def __init__(self, session: Session | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session or Session()
        # While many files load, redraw at most every 200 ms instead of once per file.
        self._batch = QTimer(self, singleShot=True, interval=200)
        self._batch.timeout.connect(self._announce)
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
            if not self._batch.isActive():
                self._batch.start()
        else:
            self._announce()
        return True

    def flush(self) -> None:
        """Announce any batched change now."""
        if self._batch.isActive():
            self._batch.stop()
            self._announce()

    def replace_all(self, results, corrections=(), selection: str | None = None) -> None:
        """Start over with these documents and corrections (New, Open Workspace).

        ``selection`` is the selected event's key as text (as a workspace saves it).
        """
        self._batch.stop()
        self.session.replace_all(results, corrections)
        event = self.session.applied.find(selection) if selection else None
        self.session.selected = event.id if event is not None else None
        self._changed(selection_before="")

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
        """Lanes for people (True) or for the countries/organisations they speak for (False)."""
        if bool(on) != self.session.by_person:
            self._change(self.session.set_by_person, on)

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
        event_id = event_id or None
        if event_id is not None and event_id not in self.session.events:
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
        try:
            self.documents_changed.emit()
            self.timeline_changed.emit()
        finally:
            self._reopen.start()
