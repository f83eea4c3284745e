"""Small dialogs for correcting an event: its dates, its lane, its label, and a new event made from selected text.

Each ``ask_*`` function shows a dialog and returns what the user chose, or None when they cancelled; the Edit
actions call them (and tests replace them).
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QTime
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QWidget,
)

from timeline_app.core.model import Event
from timeline_app.ui.describe import short

When = date | datetime


def _day(value: When | None, default: date) -> date:
    if value is None:
        return default
    return value.date() if isinstance(value, datetime) else value


class DatesForm:
    """Earliest and latest day, and an optional time of day that makes the event a point at that time.

    Without a time (the default) the event covers whole days, from earliest to latest; with one it is an instant
    on the earliest day. A form left as it was shown gives back the values it was shown with, so that OK on an
    event timed in a way the form cannot show (a morning: 06:00-11:59) leaves it as it is.
    """

    def __init__(self, form: QFormLayout, earliest: When, latest: When):
        self._shown = (earliest, latest)
        self.earliest = QDateEdit(QDate(_day(earliest, date.today())), calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.latest = QDateEdit(QDate(_day(latest, date.today())), calendarPopup=True, displayFormat="yyyy-MM-dd")
        at = earliest if isinstance(earliest, datetime) and earliest == latest else None
        self.timed = QCheckBox("Time of day:", checked=at is not None)
        self.timed.setToolTip("Tick to place the event at a time on the earliest day; leave it for whole days")
        self.time = QTimeEdit(QTime(at.hour, at.minute) if at else QTime(12, 0), displayFormat="HH:mm")
        dark = QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
        # a dark red on a dark window is hard to read: a light red there
        self.error = QLabel("", styleSheet=f"color: {'#ff7b6b' if dark else '#c0392b'}", wordWrap=True)
        self.error.hide()
        form.addRow("Earliest:", self.earliest)
        form.addRow("Latest:", self.latest)
        form.addRow(self.timed, self.time)
        form.addRow(self.error)
        self.earliest.dateChanged.connect(self._follow)
        self.timed.toggled.connect(self._timed)
        self._timed(self.timed.isChecked())
        self._initial = self._state()

    def _state(self) -> tuple[QDate, QDate, bool, QTime]:
        return self.earliest.date(), self.latest.date(), self.timed.isChecked(), self.time.time()

    def _follow(self, value: QDate) -> None:
        # a precise date is the usual answer: moving earliest past latest drags latest along; an instant has one day
        if self.latest.date() < value or self.timed.isChecked():
            self.latest.setDate(value)

    def _timed(self, on: bool) -> None:
        self.time.setEnabled(on)
        self.latest.setEnabled(not on)
        if on:
            self.latest.setDate(self.earliest.date())

    @property
    def dates(self) -> tuple[When, When]:
        """(earliest, latest): two days, or the same date and time twice for an event at a time of day."""
        if self._state() == self._initial:
            return self._shown
        earliest, latest = self.earliest.date().toPython(), self.latest.date().toPython()
        if self.timed.isChecked():
            at = datetime.combine(earliest, self.time.time().toPython())
            return at, at
        return earliest, latest

    def check(self) -> bool:
        """True when the dates make a span (an instant always does); else say what is wrong."""
        earliest, latest = self.earliest.date().toPython(), self.latest.date().toPython()
        if latest < earliest and not self.timed.isChecked():
            self.error.setText(f"The latest date ({latest.isoformat()}) comes before the earliest "
                               f"({earliest.isoformat()}). Choose a latest date on or after the earliest.")
            self.error.show()
            return False
        self.error.hide()
        return True


class _Dialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout(self)

    def _buttons(self) -> None:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.form.addRow(buttons)


class ChangeDateDialog(_Dialog):
    """The earliest and latest date of an event (the same day twice for a precise date), or its time of day."""

    def __init__(self, event: Event, parent: QWidget | None = None):
        super().__init__("Change date", parent)
        earliest = event.time.earliest or date.today()
        self.form.addRow(QLabel(f"“{short(' '.join(event.sentence.split()), 160)}”", wordWrap=True))
        self.dates = DatesForm(self.form, earliest, event.time.latest or earliest)
        self._buttons()

    def accept(self) -> None:
        if self.dates.check():
            super().accept()


class ChangeLaneDialog(_Dialog):
    """Pick an existing lane or type a new one."""

    def __init__(self, event: Event, lanes: list[str], parent: QWidget | None = None):
        super().__init__("Change lane", parent)
        self.lane = QComboBox(editable=True)
        self.lane.addItems(lanes)
        self.lane.setCurrentText(event.lane)
        self.lane.lineEdit().selectAll()
        self.form.addRow(QLabel("Move the event to an existing lane, or type the name of a new one."))
        self.form.addRow("Lane:", self.lane)
        self._buttons()


class NewEventDialog(_Dialog):
    """Dates (or a time of day), lane and label of an event the user makes from selected text."""

    def __init__(self, excerpt: str, earliest: When, latest: When, lanes: list[str], lane: str, label: str,
                 parent: QWidget | None = None):
        super().__init__("Add event", parent)
        self.form.addRow(QLabel(f"“{short(' '.join(excerpt.split()), 200)}”", wordWrap=True))
        self.dates = DatesForm(self.form, earliest, latest)
        self.lane = QComboBox(editable=True)
        self.lane.addItems(lanes)
        self.lane.setCurrentText(lane)
        self.label = QLineEdit(label)
        self.form.addRow("Lane:", self.lane)
        self.form.addRow("Label:", self.label)
        self._buttons()

    def accept(self) -> None:
        if not self.lane.currentText().strip():
            self.dates.error.setText("Give the event a lane (an actor, a country, an organisation).")
            self.dates.error.show()
            return
        if self.dates.check():
            super().accept()


# --- what the Edit actions call --------------------------------------------------------------------------------

def ask_dates(parent: QWidget | None, event: Event) -> tuple[When, When] | None:
    """(earliest, latest) for an event: days, or the same datetime twice for a time of day; None if cancelled."""
    dialog = ChangeDateDialog(event, parent)
    return dialog.dates.dates if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_lane(parent: QWidget | None, event: Event, lanes: list[str]) -> str | None:
    dialog = ChangeLaneDialog(event, lanes, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.lane.currentText().strip() or None


def ask_label(parent: QWidget | None, event: Event) -> str | None:
    text, ok = QInputDialog.getText(parent, "Edit label", "Label shown next to the event:",
                                    text=event.label or short(" ".join(event.sentence.split()), 60))
    return text.strip() if ok else None


def ask_new_event(parent: QWidget | None, excerpt: str, earliest: When, latest: When, lanes: list[str], lane: str,
                  label: str) -> tuple[When, When, str, str] | None:
    """(earliest, latest, lane, label) for a new event, or None."""
    dialog = NewEventDialog(excerpt, earliest, latest, lanes, lane, label, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return (*dialog.dates.dates, dialog.lane.currentText().strip(), dialog.label.text().strip())
