"""Lanes: drag a lane label onto another to merge; switch lanes between people and their sides; the hover text."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication


def _view(qtbot, session):
    from timeline_app.ui.timeline_view import TimelineView

    view = TimelineView(session)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    return view


def _label_pos(view, lane: str) -> QPoint:
    """Where the lane's label is drawn on the left axis, in viewport coordinates."""
    lay = view.layout_
    i = lay.lanes.index(lane)
    y = (lay.lane_top[i] + lay.lane_bottom[i]) / 2
    scene_y = view.plot.getViewBox().mapViewToScene(QPointF(0, y)).y()
    scene_x = view.lane_axis.sceneBoundingRect().center().x()
    return view.graphics.mapFromScene(QPointF(scene_x, scene_y))


def _mouse(widget, kind, pos: QPoint, buttons) -> None:
    button = Qt.MouseButton.LeftButton if kind != QMouseEvent.Type.MouseMove else Qt.MouseButton.NoButton
    global_pos = QPointF(widget.mapToGlobal(pos))
    ev = QMouseEvent(kind, QPointF(pos), global_pos, button, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, ev)


def test_dragging_a_lane_label_onto_another_lane_merges_them(qtbot, synthetic_session):
    view = _view(qtbot, synthetic_session)
    assert set(view.layout_.lanes) == {"Russia", "SDF", "United States"}
    axis = view.lane_axis
    labelled = axis.tickValues(*axis.range, 400)[0][1]
    assert axis.tickStrings(labelled, 1, 1) == view.layout_.lanes  # every lane labelled on the inverted axis
    start, end = _label_pos(view, "SDF"), _label_pos(view, "Russia")
    vp = view.graphics.viewport()
    held = Qt.MouseButton.LeftButton
    _mouse(vp, QMouseEvent.Type.MouseButtonPress, start, held)
    steps = 6
    for k in range(1, steps + 1):
        p = start + (end - start) * k / steps
        _mouse(vp, QMouseEvent.Type.MouseMove, p, held)
    with qtbot.waitSignal(synthetic_session.timeline_changed, timeout=3000):
        _mouse(vp, QMouseEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)
    assert set(view.layout_.lanes) == {"Russia", "United States"}
    assert sum(1 for e in view.layout_.events if e.lane == "Russia") == 3


def _people_window(qtbot, session):
    """A window on the synthetic article, whose SDF accusation a (made-up) SDF spokesman voices."""
    from timeline_app.core.model import Actor
    from timeline_app.ui.main_window import MainWindow

    result = next(iter(session.session.results.values()))
    events = tuple(replace(e, actors=("Talal Silo", "SDF")) if e.lane == "SDF" else e for e in result.events)
    actors = (Actor("Talal Silo", "person", affiliation="SDF"), Actor("SDF", "group"))
    session.replace_all([replace(result, events=events, actors=actors)])
    window = MainWindow(session)
    qtbot.addWidget(window)
    return window


def test_people_lanes_switch_from_the_view_menu(qtbot, synthetic_session):
    window = _people_window(qtbot, synthetic_session)
    action = window.by_person_action
    assert action.isCheckable() and not action.isChecked()
    action.trigger()
    assert set(window.timeline_view.layout_.lanes) == {"Russia", "Talal Silo", "United States"}
    assert "people" in window.statusBar().currentMessage()
    action.trigger()
    assert set(window.timeline_view.layout_.lanes) == {"Russia", "SDF", "United States"}


def test_the_lanes_toggle_follows_undo_and_a_reopened_workspace_keeps_it_with_its_renames(qtbot, synthetic_session,
                                                                                          tmp_path):
    from timeline_app.ui.main_window import MainWindow

    window = _people_window(qtbot, synthetic_session)
    action, edit = window.by_person_action, window.edit
    action.trigger()
    assert edit.undo.text() == "Undo lanes by person" and window.isWindowModified()
    edit.undo.trigger()
    assert not action.isChecked() and "SDF" in window.timeline_view.layout_.lanes
    edit.redo.trigger()
    assert action.isChecked() and "Talal Silo" in window.timeline_view.layout_.lanes
    window.session.rename_lane("Talal Silo", "SDF spokesman")  # as the lane label's Rename does
    window.session.rename_lane("Russia", "Moscow")
    path = tmp_path / "people.tlw"
    assert window.workspace.save_to(path)

    other = MainWindow()
    qtbot.addWidget(other)
    other.show()
    with qtbot.waitSignal(other.workspace.opened, timeout=10000):
        other.load([path])
    assert other.by_person_action.isChecked() and not other.isWindowModified()
    assert set(other.timeline_view.layout_.lanes) == {"Moscow", "SDF spokesman", "United States"}
    other.by_person_action.trigger()  # the sides again: the spokesman's event goes back to the SDF
    assert set(other.timeline_view.layout_.lanes) == {"Moscow", "SDF", "United States"}


def test_hover_text_says_sentence_date_and_how_it_was_resolved(qtbot, synthetic_session):
    view = _view(qtbot, synthetic_session)
    event = next(e for e in view.layout_.events if e.time.text == "Last week")
    text = view.tooltip(event.id)
    assert "Last week the SDF accused Russia of an air strike." in text
    assert "2017-09-18 – 2017-09-24" in text
    assert "Last week, relative to the publication date 2017-09-26" in text
    assert "<b>SDF</b>" in text
    # and hovering the bar shows that text
    lay = view.layout_
    i = lay.events.index(event)
    scene = view.plot.getViewBox().mapViewToScene(QPointF(float(lay.x_centre()[i]), float(lay.y[i])))
    assert view.event_at(scene) == event.id
