"""View › Merge Reports of the Same Event: the timeline, the table and the article follow; undo and save keep it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

SECOND_TITLE = "Syria: the same events seen from Damascus"


@pytest.fixture
def win(qtbot):
    """A window holding two articles that report the same four happenings (one text, two documents)."""
    import synthetic

    from timeline_app.core.pipeline import DocumentResult
    from timeline_app.ui.main_window import MainWindow
    from timeline_app.ui.session_model import SessionModel

    model = SessionModel()
    for doc in (synthetic.document("doc-a"), synthetic.document("doc-b", SECOND_TITLE)):
        model.add_result(DocumentResult(doc, tuple(synthetic.timexes(doc.text)), tuple(synthetic.mentions(doc.text)),
                                        tuple(synthetic.events(doc))))
    w = MainWindow(model)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _view_menu_actions(window) -> list[str]:
    bar = window.menuBar()
    menu = next(a.menu() for a in bar.actions() if a.text().replace("&", "") == "View")
    return [a.text().replace("&", "") for a in menu.actions()]


def _click_event(window, event_id: str) -> None:
    """A left click on the event's marker or bar in the timeline, as the user makes it."""
    view = window.timeline_view
    lay = view.layout_
    i = next(k for k, e in enumerate(lay.events) if e.id == event_id)
    scene = view.plot.getViewBox().mapViewToScene(QPointF(float(lay.x_centre()[i]), float(lay.y[i])))
    QTest.mouseClick(view.graphics.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     view.graphics.mapFromScene(scene))


def test_the_toggle_merges_the_timeline_and_the_table(qtbot, win):
    action = win.merge_action
    assert "Merge Reports of the Same Event" in _view_menu_actions(win)
    assert action.isCheckable() and not action.isChecked()
    assert len(win.timeline_view.layout_.events) == 8
    assert win.events_panel.model.rowCount() == 8

    action.trigger()
    events = win.timeline_view.layout_.events
    assert len(events) == 4 and all(sorted(e.sources) == ["doc-a", "doc-b"] for e in events)
    model = win.events_panel.model
    assert model.rowCount() == 4
    assert all(model.index(r, 4).data().startswith("2 articles · ") for r in range(4))
    tip = model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole)
    assert "Russia, U.S. Allies Exchange Blame" in tip and SECOND_TITLE in tip
    assert "4 events are reported by more than one article" in win.statusBar().currentMessage()
    assert "4 events" in win.counts.text()
    # the hover text of a merged event lists its articles
    assert "Reported by 2 articles" in win.timeline_view.tooltip(events[0].id)
    # the document filter finds a merged event by any of its articles
    win.events_panel.document.setCurrentIndex(win.events_panel.document.findData("doc-b"))
    assert win.events_panel.proxy.rowCount() == 4

    action.trigger()
    assert not action.isChecked() and len(win.timeline_view.layout_.events) == 8


def test_a_merged_event_clicked_shows_its_sentence_and_its_row(qtbot, win):
    win.merge_action.trigger()
    s = win.session
    event = next(e for e in s.timeline.events if e.time.text == "Last week")
    _click_event(win, event.id)
    assert s.selected == event.id
    source = win.source_view
    assert source.result.document.id == event.document
    assert source.textCursor().selectedText() == event.sentence
    table = win.events_panel.table
    assert table.currentIndex().data(Qt.ItemDataRole.UserRole + 2) == event.id

    # in the other article, the same report's date selects the merged event too
    other = next(d for d in event.sources if d != event.document)
    source.show_document(s.result(other))
    text = source.result.document.text
    assert source.event_at(text.index("Last week")) not in s.session.events  # that report is merged away
    s.select(None)
    s.select(source.event_at(text.index("Last week")))
    assert s.selected == event.id


def test_undo_redo_and_the_saved_workspace_keep_the_choice(qtbot, win, tmp_path):
    from timeline_app.ui.main_window import MainWindow

    bar = win.menuBar()
    edit = next(a.menu() for a in bar.actions() if a.text().replace("&", "") == "Edit")
    undo, redo = (next(a for a in edit.actions() if a.text().startswith(t)) for t in ("Undo", "Redo"))
    win.merge_action.trigger()
    assert undo.text() == "Undo merge reports of the same event"
    assert win.isWindowModified()
    undo.trigger()
    assert not win.merge_action.isChecked() and len(win.session.timeline.events) == 8
    redo.trigger()
    assert win.merge_action.isChecked() and len(win.session.timeline.events) == 4
    # a change to the merged event is made to both reports, and undone as one
    event_id = win.session.timeline.events[0].id
    win.session.change_lane(event_id, "Kremlin")
    assert sorted(win.session.find_event(event_id).sources) == ["doc-a", "doc-b"]
    undo.trigger()
    assert win.merge_action.isChecked() and win.session.find_event(event_id).lane != "Kremlin"

    path = tmp_path / "merged.tlw"
    assert win.workspace.save_to(path)
    other = MainWindow()
    qtbot.addWidget(other)
    other.show()
    with qtbot.waitSignal(other.workspace.opened, timeout=10000):
        other.load([Path(path)])
    assert other.merge_action.isChecked()
    assert len(other.timeline_view.layout_.events) == 4 and other.events_panel.model.rowCount() == 4
    assert not other.isWindowModified()
