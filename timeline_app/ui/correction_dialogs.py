"""Small dialogs for correcting an event: its dates, its lane, its label, and a new event made from selected text.

Each ``ask_*`` function shows a dialog and returns what the user chose, or None when they cancelled; the Edit
actions call them (and tests replace them).
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QWidget,
)

from timeline_app.core.model import Event
from timeline_app.ui.describe import short


def _day(value: date | datetime | None, default: date) -> date:
    if value is None:
        return default
    return value.date() if isinstance(value, datetime) else value


class DatesForm:
    """Earliest and latest date fields, with a message when latest comes before earliest."""

    def __init__(self, form: QFormLayout, earliest: date, latest: date):
        self.earliest = QDateEdit(QDate(earliest), calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.latest = QDateEdit(QDate(latest), calendarPopup=True, displayFormat="yyyy-MM-dd")
        dark = QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
        # a dark red on a dark window is hard to read: a light red there
        self.error = QLabel("", styleSheet=f"color: {'#ff7b6b' if dark else '#c0392b'}", wordWrap=True)
        self.error.hide()
        form.addRow("Earliest:", self.earliest)
        form.addRow("Latest:", self.latest)
        form.addRow(self.error)
        self.earliest.dateChanged.connect(self._follow)

    def _follow(self, value: QDate) -> None:
        # a precise date is the usual answer: moving earliest past latest drags latest along
        if self.latest.date() < value:
            self.latest.setDate(value)

    @property
    def dates(self) -> tuple[date, date]:
        return self.earliest.date().toPython(), self.latest.date().toPython()

    def check(self) -> bool:
        """True when the dates make a span; else say what is wrong."""
        earliest, latest = self.dates
        if latest < earliest:
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
    """The earliest and latest date of an event (the same day twice for a precise date)."""

    def __init__(self, event: Event, parent: QWidget | None = None):
        super().__init__("Change date", parent)
        today = date.today()
        self.form.addRow(QLabel(f"“{short(' '.join(event.sentence.split()), 160)}”", wordWrap=True))
        self.dates = DatesForm(self.form, _day(event.time.earliest, today),
                               _day(event.time.latest or event.time.earliest, today))
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
    """Dates, lane and label of an event the user makes from selected text."""

    def __init__(self, excerpt: str, earliest: date, latest: date, lanes: list[str], lane: str, label: str,
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

def ask_dates(parent: QWidget | None, event: Event) -> tuple[date, date] | None:
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


def ask_new_event(parent: QWidget | None, excerpt: str, earliest: date, latest: date, lanes: list[str], lane: str,
                  label: str) -> tuple[date, date, str, str] | None:
    """(earliest, latest, lane, label) for a new event, or None."""
    dialog = NewEventDialog(excerpt, earliest, latest, lanes, lane, label, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return (*dialog.dates.dates, dialog.lane.currentText().strip(), dialog.label.text().strip())
