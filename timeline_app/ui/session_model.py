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
        self._timeline: Timeline | None = None
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
        if self._timeline is None:
            self._timeline = self.session.timeline()
        return self._timeline

    def find_event(self, event_id: str) -> Event | None:
        return self.session.events.get(event_id)

    def result(self, document_id: str) -> DocumentResult | None:
        return self.session.results.get(document_id)

    @property
    def selected(self) -> str | None:
        return self.session.selected

    # --- changes ---------------------------------------------------------------------
    def add_result(self, result: DocumentResult, *, batch: bool = False) -> bool:
        """Add a loaded document; with ``batch`` the redraw waits for more documents (see flush())."""
        if not self.session.add(result):
            logger.info("%s is already loaded", result.document.path)
            return False
        self._timeline = None
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

    def set_reference_date(self, document_id: str, reference: date) -> None:
        before = self.session.selected
        self.session.set_reference_date(document_id, reference)
        self._changed(selection_before=before)

    def rename_lane(self, old: str, new: str) -> None:
        self.session.rename_lane(old, new)
        self._changed()

    def merge_lanes(self, source: str, target: str) -> None:
        self.session.merge_lanes(source, target)
        self._changed()

    def hide_lane(self, lane: str) -> None:
        before = self.session.selected
        self.session.hide_lane(lane)
        self._changed(selection_before=before)

    def set_by_person(self, on: bool) -> None:
        """Lanes for people (True) or for the countries/organisations they speak for (False)."""
        if bool(on) == self.session.by_person:
            return
        before = self.session.selected
        self.session.set_by_person(on)
        self._changed(selection_before=before)

    def show_all_lanes(self) -> None:
        self.session.show_all_lanes()
        self._changed()

    def select(self, event_id: str | None) -> None:
        event_id = event_id or None
        if event_id is not None and event_id not in self.session.events:
            return
        if event_id == self.session.selected:
            return
        self.session.selected = event_id
        self.selection_changed.emit(event_id or "")

    # --- internals -------------------------------------------------------------------
    def _changed(self, selection_before: str | None = None) -> None:
        self._timeline = None
        self._announce()
        if selection_before and self.session.selected != selection_before:
            self.selection_changed.emit(self.session.selected or "")

    def _announce(self) -> None:
        self.gate.clear()
        try:
            self.documents_changed.emit()
            self.timeline_changed.emit()
        finally:
            self._reopen.start()
