"""The Edit menu: Undo/Redo and the corrections of the selected event (also its context menu), Add Event."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from timeline_app.core.text import sentence_spans
from timeline_app.ui import correction_dialogs as dialogs
from timeline_app.ui.describe import short, when_text

logger = logging.getLogger(__name__)


class EditActions(QObject):
    """Actions over the SessionModel's corrections; every change they make can be undone."""

    def __init__(self, window: QMainWindow, session, source_view):
        super().__init__(window)
        self.window = window
        self.session = session
        self.source_view = source_view

        def action(text: str, slot, shortcuts=(), tip: str = "") -> QAction:
            a = QAction(text, window)
            a.setShortcuts([QKeySequence(s) for s in shortcuts])
            a.setStatusTip(tip)
            a.triggered.connect(slot)
            return a

        self.undo = action("Undo", session.undo, [QKeySequence.StandardKey.Undo], "Take back the last change")
        # Ctrl+Shift+Z everywhere, and Ctrl+Y as on Windows, whatever the platform's own Redo key is
        self.redo = action("Redo", session.redo, ["Ctrl+Shift+Z", "Ctrl+Y"], "Bring back the change undone last")
        self.change_date = action("Change &Date…", self.ask_date, (), "Set the earliest and latest date of the event")
        self.change_lane = action("Change &Lane…", self.ask_lane, (), "Move the event to another lane")
        self.edit_label = action("Edit La&bel…", self.ask_label, (), "Write the label shown next to the event")
        self.delete = action("&Delete Event", self.delete_selected, [QKeySequence.StandardKey.Delete],
                             "Take the selected event off the timeline")
        self.add_event = action("&Add Event from Selection…", self.add_from_selection, ["Ctrl+Shift+A"],
                                "Make an event from the text selected in the article")
        self.event_actions = (self.change_date, self.change_lane, self.edit_label, self.delete)
        self.add_event.setEnabled(False)

        session.timeline_changed.connect(self.refresh)
        session.selection_changed.connect(lambda _: self.refresh())
        source_view.copyAvailable.connect(self.add_event.setEnabled)
        self.refresh()

    def fill(self, menu: QMenu) -> None:
        """Put the actions in the Edit menu."""
        menu.addActions([self.undo, self.redo])
        menu.addSeparator()
        menu.addActions(list(self.event_actions))
        menu.addSeparator()
        menu.addAction(self.add_event)

    def refresh(self) -> None:
        stack = self.session.stack
        self.undo.setText(stack.undo_text)
        self.undo.setEnabled(stack.can_undo)
        self.redo.setText(stack.redo_text)
        self.redo.setEnabled(stack.can_redo)
        shown = self._selected() is not None
        for a in self.event_actions:
            a.setEnabled(shown)

    # --- the selected event ----------------------------------------------------------
    def event_menu(self, event_id: str) -> QMenu:
        """The context menu of an event (it becomes the selection)."""
        self.session.select(event_id)
        menu = QMenu(self.window)
        menu.addActions(list(self.event_actions))
        return menu

    def show_event_menu(self, event_id: str, pos: QPoint) -> None:
        self.event_menu(event_id).exec(pos)

    def _selected(self):
        event_id = self.session.selected
        if not event_id or self.session.session.key_of(event_id) is None:
            return None
        event = self.session.find_event(event_id)
        return event if event is not None and event.lane not in self.session.session.hidden else None

    def ask_date(self) -> None:
        event = self._selected()
        if event is None:
            return
        dates = dialogs.ask_dates(self.window, event)
        if dates is not None and dates != (event.time.earliest, event.time.latest):
            self.session.change_date(event.id, *dates)
            self._said(f"Moved the event to {when_text(dates[0])}"
                       + (f" – {when_text(dates[1])}" if dates[1] != dates[0] else "") + ".")

    def ask_lane(self) -> None:
        event = self._selected()
        if event is None:
            return
        lane = dialogs.ask_lane(self.window, event, [name for name, _ in self.session.session.lanes()])
        if lane and lane != event.lane:
            self.session.change_lane(event.id, lane)
            self._said(f"Moved the event to lane “{lane}”.")

    def ask_label(self) -> None:
        event = self._selected()
        if event is None:
            return
        label = dialogs.ask_label(self.window, event)
        if label is not None and label != event.label:
            self.session.edit_label(event.id, label)
            self._said("Label changed.")

    def delete_selected(self) -> None:
        event = self._selected()
        if event is not None:
            self.session.delete_event(event.id)
            self._said(f"Deleted the event “{short(event.label or event.sentence, 60)}” (Undo brings it back).")

    # --- a new event from the article text -------------------------------------------
    def add_from_selection(self) -> None:
        view = self.source_view
        span = view.selected_span()
        if view.result is None or span is None:
            self._said("Select the text of the event in the article first.")
            return
        result = self.session.result(view.result.document.id) or view.result
        text = result.document.text
        start, end = span
        spans = sentence_spans(text)
        s0 = next((a for a, b in spans if a <= start < b), start)
        s1 = next((b for a, b in spans if a < end <= b), end)
        timex = next((t for t in result.timexes if t.start < end and start < t.end and t.earliest is not None), None)
        # the time the selection names, to the minute when it gives one ("at 14:30"), else the publication day
        earliest = latest = result.document.reference_date
        if timex is not None:
            earliest, latest = timex.earliest, timex.latest or timex.earliest
        lanes = [name for name, _ in self.session.session.lanes()]
        mention = next((m for m in result.mentions if s0 <= m.start < s1), None)
        lane = mention.actor if mention is not None else ""
        answer = dialogs.ask_new_event(self.window, text[start:end], earliest, latest, lanes, lane,
                                       short(text[start:end], 60))
        if answer is None:
            return
        first, last, lane, label = answer
        time = (timex.start, timex.end) if timex is not None else None
        self.session.add_event(result.document.id, (min(s0, start), max(s1, end)), first, last, lane, label, time)
        self._said(f"Added an event in lane “{lane}”.")

    def _said(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 8000)
