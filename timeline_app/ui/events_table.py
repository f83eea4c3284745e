"""The events as a sortable, filterable table (a model, a proxy and a small filter bar)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPoint, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from timeline_app.core.model import Event, Timeline
from timeline_app.ui.describe import source_titles, span_text

COLUMNS = ("When", "Lane", "Time expression", "Sentence", "Document")
EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 2


def _day(value: date | datetime | None) -> date | None:
    return value.date() if isinstance(value, datetime) else value


class EventsTableModel(QAbstractTableModel):
    """One row per event of a Timeline."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.events: list[Event] = []
        self.titles: dict[str, str] = {}
        self._rows: dict[str, int] = {}
        self._order: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)

    def set_timeline(self, timeline: Timeline) -> None:
        self.beginResetModel()
        self.titles = {d.id: d.title for d in timeline.documents}
        self.events = self._sorted(list(timeline.events))
        self._rows = {e.id: i for i, e in enumerate(self.events)}
        self.endResetModel()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows in Python in one go (a proxy sort asks data() twice per comparison: seconds at 5k rows)."""
        self._order = (column, order)
        self.beginResetModel()
        self.events = self._sorted(self.events)
        self._rows = {e.id: i for i, e in enumerate(self.events)}
        self.endResetModel()

    def _sorted(self, events: list[Event]) -> list[Event]:
        column, order = self._order
        return sorted(events, key=lambda e: self.sort_key(e, column),
                      reverse=order == Qt.SortOrder.DescendingOrder)

    def sort_key(self, e: Event, column: int):
        if column == 0:
            return (str(e.time.earliest), str(e.time.latest))
        return (self.display(e, column).casefold(),)

    def display(self, e: Event, col: int) -> str:
        if col == 0:
            return span_text(e.time)
        if col == 1:
            return e.lane
        if col == 2:
            return e.time.text if not e.implied_time else f"(implied) {e.time.text}".strip()
        if col == 3:
            return " ".join(e.sentence.split())
        titles = source_titles(e, self.titles)
        # the count first: a narrow column elides the end of the text
        return titles[0] if len(titles) == 1 else f"{len(titles)} articles · {titles[0]}"

    def rowCount(self, parent=QModelIndex()):  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.events)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        e = self.events[index.row()]
        col = index.column()
        if role == EVENT_ID_ROLE:
            return e.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(e, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == 3:
            return e.sentence
        if role == Qt.ItemDataRole.ToolTipRole and col == 4 and len(e.sources) > 1:
            return "Reported by:\n" + "\n".join(source_titles(e, self.titles))
        return None

    def row_of(self, event_id: str) -> int | None:
        return self._rows.get(event_id)


class EventsFilter(QSortFilterProxyModel):
    """Keeps events matching a text, an actor, a document and a date range (each optional)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.text = ""
        self.actor = ""
        self.document = ""
        self.date_from: date | None = None
        self.date_to: date | None = None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """The source model sorts itself; the proxy only filters."""
        if column >= 0:
            self.sourceModel().sort(column, order)

    def set_filter(self, *, text: str | None = None, actor: str | None = None, document: str | None = None,
                   dates: tuple[date | None, date | None] | None = None) -> None:
        self.beginFilterChange()
        if text is not None:
            self.text = text.casefold().strip()
        if actor is not None:
            self.actor = actor
        if document is not None:
            self.document = document
        if dates is not None:
            self.date_from, self.date_to = dates
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row, parent):
        if not (self.actor or self.document or self.text or self.date_from or self.date_to):
            return True  # called for every row on each reset: the common case stays short
        e: Event = self.sourceModel().events[row]
        if self.actor and self.actor != e.lane and self.actor not in e.actors:
            return False
        if self.document and self.document not in (e.sources or (e.document,)):
            return False
        if self.text and self.text not in e.sentence.casefold() and self.text not in e.time.text.casefold():
            return False
        earliest, latest = _day(e.time.earliest), _day(e.time.latest or e.time.earliest)
        if self.date_from and latest and latest < self.date_from:
            return False
        if self.date_to and earliest and earliest > self.date_to:
            return False
        return True


class EventsPanel(QWidget):
    """Filter bar + table; selecting a row selects the event in the session."""

    event_menu_requested = Signal(str, QPoint)  # event id, global position (the window shows the menu)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.model = EventsTableModel(self)
        self.proxy = EventsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 170), (1, 120), (2, 130), (4, 180)):
            self.table.setColumnWidth(col, width)

        self.search = QLineEdit(placeholderText="Filter text…", clearButtonEnabled=True)
        self.actor = QComboBox(minimumContentsLength=12)
        self.document = QComboBox(minimumContentsLength=14)
        self.use_dates = QCheckBox("From")
        self.date_from = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd", enabled=False)
        self.date_to = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd", enabled=False)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for w in (self.search, self.actor, self.document, self.use_dates, self.date_from):
            bar.addWidget(w)
        bar.addWidget(self.date_to)
        box = QVBoxLayout(self)
        box.setContentsMargins(2, 2, 2, 2)
        box.addLayout(bar)
        box.addWidget(self.table)

        self.search.textChanged.connect(lambda t: self.proxy.set_filter(text=t))
        self.actor.currentIndexChanged.connect(lambda _: self.proxy.set_filter(actor=self.actor.currentData() or ""))
        self.document.currentIndexChanged.connect(
            lambda _: self.proxy.set_filter(document=self.document.currentData() or ""))
        self.use_dates.toggled.connect(self._dates_changed)
        self.date_from.dateChanged.connect(self._dates_changed)
        self.date_to.dateChanged.connect(self._dates_changed)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self._lanes_shown: tuple[str, ...] | None = None
        self._documents_shown: tuple[tuple[str, str], ...] | None = None
        session.timeline_changed.connect(self._timeline_changed)
        session.selection_changed.connect(self._selection_changed)
        self._timeline_changed()

    def _timeline_changed(self) -> None:
        # the rows, then the filter choices: separate event-loop turns while files load (see SessionModel.later)
        self.session.later(self._update_rows)
        self.session.later(self._update_filters)

    def _update_rows(self) -> None:
        self.model.set_timeline(self.session.timeline)
        self._selection_changed(self.session.selected or "")

    def _update_filters(self) -> None:
        timeline = self.session.timeline
        s = self.session.session
        hidden = s.hidden
        lanes = tuple(a for a, _ in s.lanes() if a not in hidden)
        if lanes != self._lanes_shown:  # 600 lanes take a while to add: only when they changed
            self._refill(self.actor, "All lanes", [(a, a) for a in lanes])
            self._lanes_shown = lanes
        docs = tuple((d.title, d.id) for d in timeline.documents)
        if docs != self._documents_shown:
            self._refill(self.document, "All documents", list(docs))
            self._documents_shown = docs
        days = [_day(e.time.earliest) for e in timeline.events if e.time.earliest is not None]
        if days and not self.use_dates.isChecked():
            self.date_from.setDate(QDate(min(days)))
            self.date_to.setDate(QDate(max(days)))

    @staticmethod
    def _refill(combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, "")
        for text, data in items:
            combo.addItem(text if len(text) < 50 else text[:49] + "…", data)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)
        if combo.currentData() != current:
            combo.currentIndexChanged.emit(combo.currentIndex())

    def _dates_changed(self, *_) -> None:
        on = self.use_dates.isChecked()
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        dates = (self.date_from.date().toPython(), self.date_to.date().toPython()) if on else (None, None)
        self.proxy.set_filter(dates=dates)

    def _row_changed(self, current, _previous) -> None:
        if current.isValid():
            self.session.select(current.data(EVENT_ID_ROLE))

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if index.isValid():
            self.event_menu_requested.emit(index.data(EVENT_ID_ROLE), self.table.viewport().mapToGlobal(pos))

    def _selection_changed(self, event_id: str) -> None:
        row = self.model.row_of(event_id) if event_id else None
        if row is None:
            self.table.clearSelection()
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid() and self.table.currentIndex().row() != index.row():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)
