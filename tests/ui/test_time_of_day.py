"""A time of day in the date dialogs: the event becomes a point at that time, in the view, the exports, undo and
the saved workspace; day-only stays the default."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QTime

from timeline_app.export import timelinejs_dict, write_csv, write_ics, write_json
from timeline_app.ui import correction_dialogs
from timeline_app.ui.timeline_layout import days

AT = datetime(2017, 9, 25, 14, 30)


@pytest.fixture
def win(synthetic_window):
    return synthetic_window


def _event(window, text: str):
    return next(e for e in window.session.timeline.events if e.time.text == text)


def _answer(monkeypatch, dialog_class, fill) -> list:
    """Replace the dialog's modal exec(): ``fill`` sets its fields as the user would, then OK is pressed.

    Returns the list of what each dialog offered before it was filled in.
    """
    offered = []

    def exec_(dialog):
        offered.append(dialog.dates.dates)
        fill(dialog)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(dialog_class, "exec", exec_)
    return offered


def _at(hour: int, minute: int, day: QDate | None = None):
    def fill(dialog):
        if day is not None:
            dialog.dates.earliest.setDate(day)
        dialog.dates.timed.setChecked(True)
        dialog.dates.time.setTime(QTime(hour, minute))
    return fill


def test_the_date_form_gives_days_by_default_and_an_instant_with_a_time(qtbot, synthetic_session):
    event = next(e for e in synthetic_session.timeline.events if e.time.text == "Last week")
    dialog = correction_dialogs.ChangeDateDialog(event)
    qtbot.addWidget(dialog)
    form = dialog.dates
    assert not form.timed.isChecked() and not form.time.isEnabled() and form.latest.isEnabled()
    assert form.dates == (date(2017, 9, 18), date(2017, 9, 24))
    form.timed.setChecked(True)
    form.time.setTime(QTime(9, 5))
    assert not form.latest.isEnabled() and form.latest.date() == QDate(2017, 9, 18)  # an instant has one day
    assert form.dates == (datetime(2017, 9, 18, 9, 5), datetime(2017, 9, 18, 9, 5))
    form.earliest.setDate(QDate(2017, 9, 20))
    assert form.dates == (datetime(2017, 9, 20, 9, 5),) * 2 and form.latest.date() == QDate(2017, 9, 20)
    form.timed.setChecked(False)
    assert form.dates == (date(2017, 9, 20), date(2017, 9, 20)) and form.check()


def test_a_timed_event_opens_with_its_time_and_ok_alone_keeps_any_event_as_it_was(qtbot, synthetic_session):
    from dataclasses import replace

    timed = next(e for e in synthetic_session.timeline.events if e.time.text == "September 23 at 14:30")
    dialog = correction_dialogs.ChangeDateDialog(timed)
    qtbot.addWidget(dialog)
    assert dialog.dates.timed.isChecked() and dialog.dates.time.time() == QTime(14, 30)
    assert dialog.dates.dates == (datetime(2017, 9, 23, 14, 30),) * 2
    # a morning (06:00-11:59) is no single time of day and no whole day: shown as its day, kept unless changed
    morning = replace(timed, time=replace(timed.time, earliest=datetime(2017, 9, 23, 6),
                                          latest=datetime(2017, 9, 23, 11, 59)))
    dialog = correction_dialogs.ChangeDateDialog(morning)
    qtbot.addWidget(dialog)
    assert not dialog.dates.timed.isChecked()
    assert dialog.dates.dates == (datetime(2017, 9, 23, 6), datetime(2017, 9, 23, 11, 59))
    dialog.dates.latest.setDate(QDate(2017, 9, 24))
    assert dialog.dates.dates == (date(2017, 9, 23), date(2017, 9, 24))


def test_change_date_to_a_time_of_day_shows_exports_undoes_and_reopens(qtbot, win, monkeypatch, tmp_path):
    from timeline_app.ui.main_window import MainWindow

    s = win.session
    event_id = _event(win, "September 25").id
    s.select(event_id)
    _answer(monkeypatch, correction_dialogs.ChangeDateDialog, _at(14, 30))
    win.edit.change_date.trigger()
    t = s.find_event(event_id).time
    assert (t.earliest, t.latest, t.type, t.value) == (AT, AT, "TIME", "2017-09-25T14:30")
    assert "2017-09-25 14:30" in win.statusBar().currentMessage()
    # a point (a diamond) at 14:30 of its day, not a bar over the day nor midday
    lay = win.timeline_view.layout_
    i = next(k for k, e in enumerate(lay.events) if e.id == event_id)
    assert lay.point[i] and lay.x0[i] == lay.x1[i] == pytest.approx(days(AT, lay.origin))
    assert lay.x0[i] - days(date(2017, 9, 25), lay.origin) == pytest.approx(14.5 / 24)
    row = next(r for r in range(win.events_panel.model.rowCount())
               if win.events_panel.model.events[r].id == event_id)
    assert win.events_panel.model.index(row, 0).data() == "2017-09-25 14:30"

    timeline = s.timeline
    exported = next(e for e in json.loads(write_json(timeline))["events"] if e["id"] == event_id)
    assert exported["time"]["earliest"] == exported["time"]["latest"] == "2017-09-25T14:30"
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(write_csv(timeline)))}
    assert (rows[event_id]["earliest"], rows[event_id]["type"]) == ("2017-09-25T14:30", "TIME")
    vevent = write_ics(timeline).split(f"UID:{event_id}@timeline-app")[1].split("END:VEVENT")[0]
    assert "DTSTART:20170925T143000" in vevent and "DTEND" not in vevent
    slide = next(e for e in timelinejs_dict(timeline)["events"] if e["unique_id"] == event_id.replace(":", "-"))
    assert slide["start_date"] == {"year": 2017, "month": 9, "day": 25, "hour": 14, "minute": 30}
    assert "end_date" not in slide

    win.edit.undo.trigger()
    assert s.find_event(event_id).time.earliest == date(2017, 9, 25)
    win.edit.redo.trigger()
    path = tmp_path / "timed.tlw"
    assert win.workspace.save_to(path)
    other = MainWindow()
    qtbot.addWidget(other)
    with qtbot.waitSignal(other.workspace.opened, timeout=10000):
        other.load([Path(path)])
    assert other.session.find_event(event_id).time.earliest == AT
    assert other.session.selected == event_id


def test_add_event_from_selection_at_a_time_of_day(qtbot, win, monkeypatch, tmp_path):
    from timeline_app.ui.main_window import MainWindow

    view = win.source_view
    text = view.result.document.text
    # the selection names a time ("at 14:30"): the dialog opens at it
    start = text.index("On September 23 at 14:30")
    view.select_span(start, start + len("On September 23 at 14:30 a convoy was hit"))
    offered = _answer(monkeypatch, correction_dialogs.NewEventDialog,
                      lambda dialog: dialog.lane.setCurrentText("Convoy"))
    win.edit.add_event.trigger()
    assert offered == [(datetime(2017, 9, 23, 14, 30),) * 2]
    added = win.session.find_event(win.session.selected)
    assert added.time.earliest == added.time.latest == datetime(2017, 9, 23, 14, 30)

    # a selection with no time of its own: the publication day, day-only, unless the user gives a time
    start = text.index("Russia said")
    view.select_span(start, start + len("Russia said"))
    offered = _answer(monkeypatch, correction_dialogs.NewEventDialog, _at(6, 45, QDate(2017, 9, 24)))
    win.edit.add_event.trigger()
    assert offered == [(date(2017, 9, 26),) * 2]
    added = win.session.find_event(win.session.selected)
    at = datetime(2017, 9, 24, 6, 45)
    assert (added.time.earliest, added.time.latest, added.time.value) == (at, at, "2017-09-24T06:45")
    assert added.id in {e.id for e in win.timeline_view.layout_.events}

    path = tmp_path / "added.tlw"
    assert win.workspace.save_to(path)
    other = MainWindow()
    qtbot.addWidget(other)
    with qtbot.waitSignal(other.workspace.opened, timeout=10000):
        other.load([Path(path)])
    assert other.session.find_event(added.id).time.earliest == at
    other.edit.undo.trigger()
    assert other.session.find_event(added.id) is None


def test_a_new_event_dialog_opens_day_only(qtbot):
    dialog = correction_dialogs.NewEventDialog("text", date(2017, 9, 26), date(2017, 9, 26), ["Russia"], "Russia", "")
    qtbot.addWidget(dialog)
    assert not dialog.dates.timed.isChecked() and not dialog.dates.time.isEnabled()
    assert dialog.dates.dates == (date(2017, 9, 26), date(2017, 9, 26))
