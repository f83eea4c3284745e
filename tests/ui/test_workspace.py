"""Corrections through the Edit menu (each undone), the workspace file, Export Data, closing, autosave."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox

from timeline_app.core import paths
from timeline_app.ui import correction_dialogs


@pytest.fixture
def win(synthetic_window):
    return synthetic_window


def _menu_action(window, menu: str, starts: str):
    bar = window.menuBar()
    m = next(a.menu() for a in bar.actions() if a.text().replace("&", "") == menu)
    return next(a for a in m.actions() if a.text().replace("&", "").startswith(starts))


def _lanes(window) -> set[str]:
    return set(window.timeline_view.layout_.lanes)


def test_undo_and_redo_a_lane_merge_from_the_edit_menu(qtbot, win):
    undo, redo = _menu_action(win, "Edit", "Undo"), _menu_action(win, "Edit", "Redo")
    assert not undo.isEnabled() and not redo.isEnabled()
    assert "Ctrl+Z" in [s.toString() for s in undo.shortcuts()]
    assert {"Ctrl+Shift+Z", "Ctrl+Y"} <= {s.toString() for s in redo.shortcuts()}
    with qtbot.waitSignal(win.session.timeline_changed):
        win.session.merge_lanes("SDF", "Russia")
    assert _lanes(win) == {"Russia", "United States"}
    assert undo.isEnabled() and undo.text() == "Undo merge lanes"
    with qtbot.waitSignal(win.session.timeline_changed):
        undo.trigger()
    assert _lanes(win) == {"Russia", "SDF", "United States"}
    assert not undo.isEnabled() and redo.text() == "Redo merge lanes"
    with qtbot.waitSignal(win.session.timeline_changed):
        redo.trigger()
    assert _lanes(win) == {"Russia", "United States"}


def test_undo_and_redo_a_reference_date_change(qtbot, win, monkeypatch):
    from timeline_app.core import corrections as corrections_module
    from timeline_app.core.pipeline import DocumentResult

    result = next(iter(win.session.session.results.values()))
    monkeypatch.setattr(corrections_module, "_extracted",
                        lambda doc: DocumentResult(doc, result.timexes, result.mentions, result.events))
    doc_id = result.document.id
    with qtbot.waitSignal(win.session.timeline_changed):
        win.session.set_reference_date(doc_id, date(2018, 1, 15))
    tree = win.documents_panel.tree
    assert tree.topLevelItem(0).text(1) == "2018-01-15"
    undo, redo = _menu_action(win, "Edit", "Undo"), _menu_action(win, "Edit", "Redo")
    assert undo.text() == "Undo set reference date"
    undo.trigger()
    assert tree.topLevelItem(0).text(1) == "2017-09-26"
    assert win.session.result(doc_id).document.reference_date == date(2017, 9, 26)
    redo.trigger()
    assert tree.topLevelItem(0).text(1) == "2018-01-15"


def _select(window, text: str) -> str:
    event = next(e for e in window.session.timeline.events if e.time.text == text)
    window.session.select(event.id)
    return event.id


def test_change_date_lane_label_and_delete_each_undone(qtbot, win, monkeypatch):
    s = win.session
    undo = _menu_action(win, "Edit", "Undo")
    event_id = _select(win, "September 25")
    before = s.find_event(event_id)

    monkeypatch.setattr(correction_dialogs, "ask_dates", lambda parent, e: (date(2017, 9, 1), date(2017, 9, 2)))
    _menu_action(win, "Edit", "Change Date").trigger()
    assert (s.find_event(event_id).time.earliest, s.find_event(event_id).time.latest) == (date(2017, 9, 1),
                                                                                            date(2017, 9, 2))
    assert win.events_panel.model.events[0].id == event_id  # the table sorts by the new date
    undo.trigger()
    assert s.find_event(event_id).time == before.time

    monkeypatch.setattr(correction_dialogs, "ask_lane", lambda parent, e, lanes: "Kremlin")
    _menu_action(win, "Edit", "Change Lane").trigger()
    assert s.find_event(event_id).lane == "Kremlin" and "Kremlin" in _lanes(win)
    undo.trigger()
    assert s.find_event(event_id).lane == "Russia" and "Kremlin" not in _lanes(win)

    monkeypatch.setattr(correction_dialogs, "ask_label", lambda parent, e: "Shelling reported")
    _menu_action(win, "Edit", "Edit Label").trigger()
    assert s.find_event(event_id).label == "Shelling reported"
    undo.trigger()
    assert s.find_event(event_id).label == before.label

    delete = _menu_action(win, "Edit", "Delete Event")
    assert delete.shortcut().toString() == "Del"
    n = len(s.timeline.events)
    delete.trigger()
    assert len(s.timeline.events) == n - 1 and s.selected is None
    assert not delete.isEnabled()  # nothing selected any more
    undo.trigger()
    assert len(s.timeline.events) == n and event_id in {e.id for e in s.timeline.events}
    assert not undo.isEnabled()


def test_the_event_context_menu_offers_the_corrections(qtbot, win):
    event_id = next(e.id for e in win.session.timeline.events)
    menu = win.edit.event_menu(event_id)
    texts = [a.text().replace("&", "") for a in menu.actions()]
    assert texts == ["Change Date…", "Change Lane…", "Edit Label…", "Delete Event"]
    assert win.session.selected == event_id and all(a.isEnabled() for a in menu.actions())


def test_add_event_from_selected_text_then_undo(qtbot, win, monkeypatch):
    view = win.source_view
    text = view.result.document.text
    start = text.index("a convoy was hit")
    add = _menu_action(win, "Edit", "Add Event from Selection")
    assert not add.isEnabled()
    view.select_span(start, start + len("a convoy was hit"))
    assert add.isEnabled()
    offered = {}

    def answer(parent, excerpt, earliest, latest, lanes, lane, label):
        offered.update(excerpt=excerpt, earliest=earliest, lanes=lanes)
        return date(2017, 9, 23), date(2017, 9, 23), "Unknown attackers", "Convoy hit"

    monkeypatch.setattr(correction_dialogs, "ask_new_event", answer)
    n = len(win.session.timeline.events)
    add.trigger()
    assert offered["excerpt"] == "a convoy was hit" and "Russia" in offered["lanes"]
    assert len(win.session.timeline.events) == n + 1
    new = win.session.find_event(win.session.selected)
    assert (new.lane, new.label, new.time.earliest) == ("Unknown attackers", "Convoy hit", date(2017, 9, 23))
    assert new.sentence.startswith("On September 23") and "Unknown attackers" in _lanes(win)
    _menu_action(win, "Edit", "Undo").trigger()
    assert len(win.session.timeline.events) == n and "Unknown attackers" not in _lanes(win)


def test_change_date_dialog_refuses_latest_before_earliest(qtbot, synthetic_session):
    from PySide6.QtCore import QDate

    event = synthetic_session.timeline.events[0]
    dialog = correction_dialogs.ChangeDateDialog(event)
    qtbot.addWidget(dialog)
    dialog.dates.earliest.setDate(QDate(2017, 9, 20))
    dialog.dates.latest.setDate(QDate(2017, 9, 10))
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "comes before" in dialog.dates.error.text() and not dialog.dates.error.isHidden()
    dialog.dates.latest.setDate(QDate(2017, 9, 21))
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted


def test_save_then_open_in_a_new_window_restores_everything(qtbot, win, tmp_path, monkeypatch):
    from timeline_app.ui.main_window import MainWindow

    s = win.session
    s.merge_lanes("SDF", "Russia")
    s.hide_lane("United States")
    event_id = _select(win, "September 25")
    s.edit_label(event_id, "Shelled")
    assert win.isWindowModified() and win.windowTitle().startswith("Untitled[*]")
    path = tmp_path / "syria.tlw"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(tmp_path / "syria"),
                                                                                          ""))
    _menu_action(win, "File", "Save As").trigger()
    assert path.exists() and not win.isWindowModified()
    assert win.windowTitle().startswith("syria.tlw")
    assert paths.recent_workspaces() == [path.resolve()]

    other = MainWindow()
    qtbot.addWidget(other)
    other.show()
    with qtbot.waitSignal(other.workspace.opened, timeout=10000):
        other.load([path])  # the loading path opens a .tlw as a workspace
    o = other.session
    assert list(o.session.results) == list(s.session.results)
    assert o.stack.corrections == s.stack.corrections
    assert o.session.hidden == {"United States"} and _lanes(other) == {"Russia"}
    assert o.selected == event_id and o.find_event(event_id).label == "Shelled"
    assert other.windowTitle().startswith("syria.tlw") and not other.isWindowModified()
    assert other.problems.count() == 0
    # and the corrections stay undoable
    _menu_action(other, "Edit", "Undo").trigger()
    assert o.find_event(event_id).label != "Shelled" and other.isWindowModified()


def test_orphaned_corrections_are_listed_as_problems(qtbot, win, tmp_path):
    from timeline_app.core.corrections import DeleteEvent, EventKey
    from timeline_app.core.store import Workspace, save_workspace

    results = tuple(win.session.session.results.values())
    gone = DeleteEvent(EventKey(results[0].document.id, 9000, 9010))
    path = tmp_path / "old.tlw"
    save_workspace(path, Workspace(results, (gone,)))
    with qtbot.waitSignal(win.workspace.opened, timeout=10000):
        assert win.workspace.open(path, ask=False)
    assert win.problems.count() == 1
    assert "delete event" in win.problems.item(0).text() and not win.problems_dock.isHidden()


def test_a_broken_workspace_shows_its_message(qtbot, win, tmp_path, monkeypatch):
    bad = tmp_path / "notes.tlw"
    bad.write_text("not a database")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text: shown.append(text)))
    with qtbot.waitSignal(win.workspace.open_finished, timeout=10000) as finished:
        assert win.workspace.open(bad, ask=False)
    assert finished.args == [False]
    assert shown and shown[0].startswith("notes.tlw: is not a timeline workspace")


def test_export_data_writes_a_csv_that_parses(qtbot, win, tmp_path, monkeypatch):
    target = tmp_path / "events"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(target), "CSV table (*.csv)"))
    _menu_action(win, "File", "Export Data").trigger()
    rows = list(csv.DictReader((tmp_path / "events.csv").open(encoding="utf-8", newline="")))
    assert len(rows) == len(win.session.timeline.events) == 4
    assert "Exported 4 events" in win.statusBar().currentMessage()


def test_closing_with_unsaved_changes_asks(qtbot, win, monkeypatch):
    asked = []

    def cancel(parent, title, text, buttons=None, default=None):
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", staticmethod(cancel))
    win.session.hide_lane("SDF")
    assert not win.close()  # Cancel keeps the window open
    assert asked and "Save the changes" in asked[0] and win.isVisible()

    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard))
    assert win.close()


def test_autosave_writes_the_untitled_file_after_a_change(qtbot, win):
    from timeline_app.core.store import open_workspace

    target = paths.untitled_autosave_path()
    assert not target.exists()
    win.session.hide_lane("SDF")
    with qtbot.waitSignal(win.workspace.autosaved, timeout=10000):
        win.workspace.autosave()
    assert target.exists()
    saved = open_workspace(target)
    assert saved.corrections == win.session.stack.corrections and len(saved.results) == 1
    assert win.isWindowModified()  # an untitled autosave is a safety copy, not a save
    # nothing changed since: no second write
    mtime = target.stat().st_mtime_ns
    win.workspace.autosave()
    assert win.workspace._job is None and target.stat().st_mtime_ns == mtime
    # a clean close removes it; a crash would leave it for the next start to offer
    win.close()
    assert not target.exists()


def test_an_untitled_autosave_left_by_a_crash_comes_back_at_start_without_a_question(qtbot, win, monkeypatch):
    from timeline_app.core.corrections import HideLane
    from timeline_app.core.store import Workspace, save_workspace
    from timeline_app.ui.main_window import MainWindow

    results = tuple(win.session.session.results.values())

    save_workspace(paths.untitled_autosave_path(), Workspace(results, (HideLane("SDF"),)))
    fresh = MainWindow()
    qtbot.addWidget(fresh)
    def no_questions(*args, **kwargs):
        raise AssertionError("a start must not wait on a question")

    with monkeypatch.context() as m:
        m.setattr(QMessageBox, "question", staticmethod(no_questions))
        with qtbot.waitSignal(fresh.workspace.opened, timeout=10000):
            assert fresh.workspace.offer_restore()
    assert len(fresh.session.session.results) == 1 and fresh.session.session.hidden == {"SDF"}
    assert fresh.isWindowModified() and fresh.workspace.path is None
    assert paths.untitled_autosave_path().exists()  # until it is saved, or the window closes cleanly


def test_a_named_workspace_autosaves_into_its_own_file(qtbot, win, tmp_path):
    from timeline_app.core.store import open_workspace

    path = tmp_path / "w.tlw"
    assert win.workspace.save_to(path)
    win.session.hide_lane("SDF")
    assert win.isWindowModified()
    with qtbot.waitSignal(win.workspace.autosaved, timeout=10000):
        win.workspace.autosave()
    assert not win.isWindowModified() and open_workspace(path).corrections == win.session.stack.corrections
    # an explicit save right behind a running autosave waits for it, and wins
    win.session.hide_lane("Russia")
    win.workspace.autosave()
    win.session.show_all_lanes()
    assert win.workspace.save_to(path) and win.workspace._job is None
    assert open_workspace(path).corrections == win.session.stack.corrections and not win.isWindowModified()
    assert not paths.untitled_autosave_path().exists()
