"""Hundreds of lanes keep a readable height and scroll (wheel over the names, Shift+wheel, drag, scroll bar, keys);
the plain wheel still zooms time only, and F / double-click fit time."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from conftest import shown
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

N_LANES = 300


def _many_lanes(n: int = N_LANES):
    """One event a lane over a month, each lane named by its number (hand-made, independent of the extractors)."""
    from timeline_app.core.model import Document, Event, Timeline, Timex

    doc = Document("d", "/tmp/d.txt", "Many actors", "A sentence.", date(2017, 9, 30), "user")
    events = []
    for i in range(n):
        day = date(2017, 9, 1) + timedelta(days=i % 30)
        t = Timex(0, 1, "x", "DATE", day.isoformat(), day, day)
        lane = f"Lane {i:03d}"
        events.append(Event(f"e{i}", "d", "A sentence.", 0, 11, t, (lane,), lane, f"event {i}"))
    return Timeline((doc,), tuple(events))


@pytest.fixture
def view(qtbot):
    from timeline_app.ui.timeline_view import TimelineView

    v = shown(qtbot, TimelineView(), (900, 600))
    v.show_timeline(_many_lanes())
    QApplication.processEvents()
    return v


def _ranges(view):
    return [list(r) for r in view.plot.getViewBox().viewRange()]


def _wheel(view, scene_pos: QPointF, steps: int, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """Turn the mouse wheel ``steps`` notches (negative: towards the user) over a scene position."""
    vp = view.graphics.viewport()
    pos = QPointF(view.graphics.mapFromScene(scene_pos))
    ev = QWheelEvent(pos, QPointF(vp.mapToGlobal(pos.toPoint())), QPoint(0, 0), QPoint(0, 120 * steps),
                     Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(vp, ev)


def _plot_centre(view) -> QPointF:
    return view.plot.getViewBox().sceneBoundingRect().center()


def _labels_in_view(view) -> tuple[list[str], list[str]]:
    """The lane names the axis draws, and the names of the lanes whose middle is in view."""
    axis = view.lane_axis
    lay = view.layout_
    top, bottom = view.plot.getViewBox().viewRange()[1]
    values = axis.tickValues(top, bottom, axis.geometry().height())[0][1]
    in_view = [name for name, t, b in zip(lay.lanes, lay.lane_top, lay.lane_bottom, strict=True)
               if top <= (t + b) / 2 <= bottom]
    return axis.tickStrings(values, 1, 1), in_view


def test_many_lanes_scroll_at_a_height_where_every_label_shows(view):
    lanes = view.lanes
    assert lanes.scrolling and lanes.bar.isVisible()
    (x0, x1), (top, bottom) = _ranges(view)
    assert top < 1 and bottom < view.layout_.height / 5  # the first lanes, not all 300 squeezed in
    drawn, in_view = _labels_in_view(view)
    assert len(in_view) > 10 and drawn == in_view  # every lane in view has its label
    # the scroll bar sits right of the plot, in the window, as tall as the plot and level with it
    vp = view.graphics.viewport()
    plot = view.graphics.mapFromScene(view.plot.getViewBox().sceneBoundingRect()).boundingRect()
    plot.moveTopLeft(vp.mapTo(view, plot.topLeft()))
    bar = lanes.bar.geometry()
    bar.moveTopLeft(lanes.bar.parentWidget().mapTo(view, bar.topLeft()))
    assert bar.left() > plot.right() and bar.right() < view.width()
    assert abs(bar.top() - plot.top()) <= 1 and abs(bar.bottom() - plot.bottom()) <= 1


def test_the_wheel_over_the_lane_names_scrolls_lanes_and_labels_follow(view):
    before = _ranges(view)
    axis_centre = view.lane_axis.sceneBoundingRect().center()
    _wheel(view, axis_centre, -5)
    after = _ranges(view)
    assert after[0] == before[0]  # time did not move
    assert after[1][0] > before[1][0] + 5  # lanes further down are in view
    assert after[1][1] - after[1][0] == pytest.approx(before[1][1] - before[1][0])  # lanes never zoom
    drawn, in_view = _labels_in_view(view)
    assert drawn == in_view and "Lane 000" not in drawn
    # the label of a lane is drawn at the height of that lane's events
    lay = view.layout_
    i = lay.lanes.index(drawn[len(drawn) // 2])
    event_y = float(lay.y[list(lay.lane_index).index(i)])
    assert (lay.lane_top[i] + lay.lane_bottom[i]) / 2 == pytest.approx(event_y)
    assert view.lanes.bar.value() > 0
    _wheel(view, axis_centre, 50)  # far past the start: stops at the first lane
    assert _ranges(view)[1][0] == pytest.approx(before[1][0])


def test_the_plain_wheel_still_zooms_time_and_shift_wheel_scrolls_lanes(view):
    before = _ranges(view)
    _wheel(view, _plot_centre(view), 2)
    zoomed = _ranges(view)
    assert zoomed[0][1] - zoomed[0][0] < 0.9 * (before[0][1] - before[0][0])
    assert zoomed[1] == before[1]
    _wheel(view, _plot_centre(view), -3, Qt.KeyboardModifier.ShiftModifier)
    scrolled = _ranges(view)
    assert scrolled[0] == zoomed[0] and scrolled[1][0] > zoomed[1][0]


def test_dragging_moves_the_lanes_with_the_mouse(view):
    vb = view.plot.getViewBox()
    _wheel(view, view.lane_axis.sceneBoundingRect().center(), -10)
    before = _ranges(view)
    vp = view.graphics.viewport()
    start = view.graphics.mapFromScene(_plot_centre(view))
    end = start + QPoint(0, -120)  # up: the lanes below come into view
    held = Qt.MouseButton.LeftButton

    def mouse(kind, pos, buttons):
        button = held if kind != QMouseEvent.Type.MouseMove else Qt.MouseButton.NoButton
        ev = QMouseEvent(kind, QPointF(pos), QPointF(vp.mapToGlobal(pos)), button, buttons,
                         Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(vp, ev)

    mouse(QMouseEvent.Type.MouseButtonPress, start, held)
    for k in range(1, 7):
        mouse(QMouseEvent.Type.MouseMove, start + (end - start) * k / 6, held)
    mouse(QMouseEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)
    after = _ranges(view)
    moved = after[1][0] - before[1][0]
    assert moved == pytest.approx(120 * vb.viewPixelSize()[1], rel=0.1)


def test_the_scroll_bar_moves_the_lanes(view):
    bar = view.lanes.bar
    bar.setValue(bar.maximum())
    top, bottom = _ranges(view)[1]
    assert bottom >= view.layout_.height  # the last lane is in view
    assert "Lane 299" in _labels_in_view(view)[0]
    bar.triggerAction(bar.SliderAction.SliderPageStepSub)
    assert _ranges(view)[1][0] < top


def test_the_keys_scroll_the_lanes_once_the_plot_is_clicked(view):
    vp, none = view.graphics.viewport(), Qt.KeyboardModifier.NoModifier
    QTest.mouseClick(vp, Qt.MouseButton.LeftButton, none, view.graphics.mapFromScene(_plot_centre(view)))
    top, bottom = _ranges(view)[1]
    QTest.keyClick(view.graphics, Qt.Key.Key_PageDown)
    paged = _ranges(view)[1]
    assert top < paged[0] < bottom  # a screenful down, the last lane of it still in view
    QTest.keyClick(view.graphics, Qt.Key.Key_Down)
    assert _ranges(view)[1][0] == pytest.approx(paged[0] + 1.6)
    QTest.keyClick(view.graphics, Qt.Key.Key_End)
    assert _ranges(view)[1][1] >= view.layout_.height
    QTest.keyClick(view.graphics, Qt.Key.Key_Home)
    assert _ranges(view)[1][0] == pytest.approx(top)


def test_fit_shows_all_time_and_keeps_the_lanes_readable(qtbot, view):
    _wheel(view, view.lane_axis.sceneBoundingRect().center(), -20)
    _wheel(view, _plot_centre(view), 4)
    scrolled = _ranges(view)
    view.fit()
    fitted = _ranges(view)
    lay = view.layout_
    assert fitted[0][0] <= lay.x0.min() and fitted[0][1] >= lay.x1.max()
    assert fitted[1] == pytest.approx(scrolled[1])  # the same lanes, every label still shown
    _wheel(view, _plot_centre(view), 4)
    # a double-click as the platform sends it: press, release, double-click, release
    vp, at = view.graphics.viewport(), view.graphics.mapFromScene(_plot_centre(view))
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mouseClick(vp, left, none, at)
    QApplication.sendEvent(vp, QMouseEvent(QMouseEvent.Type.MouseButtonDblClick, QPointF(at),
                                           QPointF(vp.mapToGlobal(at)), left, left, none))
    QTest.mouseRelease(vp, left, none, at)
    assert _ranges(view)[0] == pytest.approx(fitted[0])
    assert _ranges(view)[1] == pytest.approx(fitted[1])


def test_selecting_an_event_in_a_lane_out_of_view_scrolls_to_it(view):
    lay = view.layout_
    i = lay.lanes.index("Lane 250")
    event = lay.events[list(lay.lane_index).index(i)]
    view.select_event(event.id)
    top, bottom = _ranges(view)[1]
    assert top <= lay.lane_top[i] and lay.lane_bottom[i] <= bottom
    assert "Lane 250" in _labels_in_view(view)[0]


def test_a_resize_keeps_the_top_lane_and_shows_as_many_as_fit(qtbot, view):
    _wheel(view, view.lane_axis.sceneBoundingRect().center(), -10)
    top, bottom = _ranges(view)[1]
    view.resize(900, 800)
    qtbot.waitUntil(lambda: _ranges(view)[1][1] - _ranges(view)[1][0] > 1.2 * (bottom - top))
    assert _ranges(view)[1][0] == pytest.approx(top)


def test_a_few_lanes_are_all_shown_and_do_not_scroll(qtbot, synthetic_session):
    from timeline_app.ui.timeline_view import TimelineView

    v = shown(qtbot, TimelineView(synthetic_session))
    assert not v.lanes.scrolling and not v.lanes.bar.isVisible()
    before = _ranges(v)
    assert before[1][0] <= 0 and before[1][1] >= v.layout_.height
    _wheel(v, v.lane_axis.sceneBoundingRect().center(), -3)
    _wheel(v, _plot_centre(v), -3, Qt.KeyboardModifier.ShiftModifier)
    assert _ranges(v) == before


def test_a_picture_for_export_shows_every_lane(qtbot):
    from timeline_app.ui.timeline_view import TimelineView

    v = shown(qtbot, TimelineView(overview=False, light=True, scroll_lanes=False), (900, 600))
    v.show_timeline(_many_lanes())
    v.fit()
    top, bottom = _ranges(v)[1]
    assert not v.lanes.scrolling and top <= 0 and bottom >= v.layout_.height
