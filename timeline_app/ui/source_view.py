"""The article text with its time expressions and actor mentions highlighted, linked to the selection."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QApplication, QTextEdit, QWidget

from timeline_app.core.model import Event

if TYPE_CHECKING:
    from timeline_app.core.pipeline import DocumentResult


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def _is_dark() -> bool:
    return QApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128


class SourceView(QTextEdit):
    """Read-only text of one document; clicking a highlighted time expression selects its event."""

    event_clicked = Signal(str)  # event id

    def __init__(self, session=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setReadOnly(True)
        self.setAcceptDrops(False)  # drops go to the main window
        self.viewport().setAcceptDrops(False)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setPlaceholderText("The article text appears here. Select an event to see its sentence.")
        self.result: DocumentResult | None = None
        self._utf16: list[int] | None = None
        self._timex_starts: list[int] = []
        self.viewport().setMouseTracking(True)
        if session is not None:
            session.selection_changed.connect(self._selection_changed)
            # a later event-loop turn: highlighting a long article must not add to the timeline's redraw
            session.documents_changed.connect(lambda: QTimer.singleShot(0, self._documents_changed))
            self.event_clicked.connect(session.select)
            self._documents_changed()

    def show_document(self, result: DocumentResult | None) -> None:
        """Show a document's text with every time expression and actor mention highlighted."""
        self.result = result
        self.setExtraSelections([])
        if result is None:
            self.clear()
            return
        text = result.document.text
        # Qt counts UTF-16 code units; Python counts code points. Only astral characters differ.
        self._utf16 = None
        if _ASTRAL.search(text):
            offsets, n = [], 0
            for c in text:
                offsets.append(n)
                n += 2 if ord(c) > 0xFFFF else 1
            offsets.append(n)
            self._utf16 = offsets
        self.setPlainText(text)
        dark = _is_dark()
        timex_fmt = QTextCharFormat()
        timex_fmt.setBackground(QColor("#6b5a00" if dark else "#ffe680"))
        timex_fmt.setFontWeight(600)
        actor_fmt = QTextCharFormat()
        actor_fmt.setBackground(QColor("#1f4a6e" if dark else "#d5e8fa"))
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()  # one layout pass for all highlights, not one per highlight
        for m in result.mentions:
            self._format(cursor, m.start, m.end, actor_fmt)
        for t in result.timexes:
            fmt = QTextCharFormat(timex_fmt)
            fmt.setToolTip(f"{t.value}: click to select its event")
            self._format(cursor, t.start, t.end, fmt)
        cursor.endEditBlock()
        self._timex_starts = sorted(t.start for t in result.timexes)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def show_event(self, event: Event | None) -> None:
        """Highlight the event's sentence (and its time expression) and scroll to it."""
        if event is None:
            self.setExtraSelections([])
            return
        if self.result is None or self.result.document.id != event.document:
            if self.session is None:
                return
            self.show_document(self.session.result(event.document))
        sel = QTextEdit.ExtraSelection()
        sel.cursor = self._cursor(event.sentence_start, event.sentence_end)
        sel.format.setBackground(QColor("#2d5a2d" if _is_dark() else "#c8f0c0"))
        sel.format.setProperty(QTextFormat.Property.FullWidthSelection, False)
        self.setExtraSelections([sel])
        # the text cursor selects the sentence too: copyable, and visible to assistive tools
        cursor = self._cursor(event.sentence_start, event.sentence_end)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def event_at(self, position: int) -> str | None:
        """The event whose own time expression covers a text position (in Python characters)."""
        if self.result is None:
            return None
        hits = [t for t in self.result.timexes if t.start <= position < t.end]
        for t in hits:
            for e in self.result.events:
                if not e.implied_time and e.time.start == t.start and e.time.end == t.end:
                    return e.id
        return None

    def selected_span(self) -> tuple[int, int] | None:
        """The selected stretch of the document's text (Python offsets), None when nothing is selected."""
        cursor = self.textCursor()
        if self.result is None or not cursor.hasSelection():
            return None
        return self._py_pos(cursor.selectionStart()), self._py_pos(cursor.selectionEnd())

    def select_span(self, start: int, end: int) -> None:
        """Select a stretch of the text (as a user dragging over it would)."""
        self.setTextCursor(self._cursor(start, end))

    # --- Qt overrides ----------------------------------------------------------------
    def mouseReleaseEvent(self, ev):
        super().mouseReleaseEvent(ev)
        if ev.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            event_id = self.event_at(self._py_pos(self.cursorForPosition(ev.position().toPoint()).position()))
            if event_id:
                self.event_clicked.emit(event_id)

    def mouseMoveEvent(self, ev):
        super().mouseMoveEvent(ev)
        pos = self._py_pos(self.cursorForPosition(ev.position().toPoint()).position())
        over = self.event_at(pos) is not None
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.IBeamCursor)

    # --- internals -------------------------------------------------------------------
    def _selection_changed(self, event_id: str) -> None:
        self.show_event(self.session.find_event(event_id) if event_id else None)

    def _documents_changed(self) -> None:
        # a re-resolved document has new timexes/events: show the current result of the shown document
        if self.result is not None:
            current = self.session.result(self.result.document.id)
            if current is not self.result:
                self.show_document(current)
        elif self.session.session.results:
            self.show_document(self.session.session.documents()[0])
        if self.session.selected:
            self.show_event(self.session.find_event(self.session.selected))

    def _qt_pos(self, i: int) -> int:
        return self._utf16[i] if self._utf16 is not None else i

    def _py_pos(self, q: int) -> int:
        if self._utf16 is None:
            return q
        return max(bisect.bisect_right(self._utf16, q) - 1, 0)

    def _cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._qt_pos(start))
        cursor.setPosition(self._qt_pos(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _format(self, cursor: QTextCursor, start: int, end: int, fmt: QTextCharFormat) -> None:
        cursor.setPosition(self._qt_pos(start))
        cursor.setPosition(self._qt_pos(end), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)
