"""The main window: drop, linked selection, reference date, lanes, table filter."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import SAMPLE, drop_files
from PySide6.QtCore import QPointF, Qt


def test_dropping_the_sample_loads_it_once(qtbot, loaded_window):
    w = loaded_window
    results = w.session.session.results
    assert len(results) == 1
    doc = next(iter(results.values())).document
    assert doc.title.startswith("Russia, U.S. Allies")
    assert w.source_view.toPlainText().startswith("Russia, U.S. Allies")
    assert w.events_panel.model.rowCount() == len(w.session.timeline.events) > 0
    assert w.timeline_view.layout_.lanes, "lanes drawn"
    assert w.documents_panel.tree.topLevelItemCount() == 1
    # the same file again is not loaded twice
    with qtbot.waitSignal(w.loader.finished, timeout=10000) as blocker:
        drop_files(w, [SAMPLE])
    assert blocker.args[:2] == [0, 1]
    assert len(w.session.session.results) == 1


def test_a_broken_file_is_listed_and_the_others_load(qtbot, window, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("   \n")
    with qtbot.waitSignal(window.loading_finished, timeout=30000):
        window.load([bad, SAMPLE])
    assert window.problems.count() == 1
    assert "empty.txt" in window.problems.item(0).text()
    assert len(window.session.session.results) == 1


def _click_scene(qtbot, view, x: float, y: float):
    """Click the timeline plot at data coordinates (x days, y)."""
    vb = view.plot.getViewBox()
    scene_pos = vb.mapViewToScene(QPointF(x, y))
    widget_pos = view.graphics.mapFromScene(scene_pos)
    qtbot.mouseClick(view.graphics.viewport(), Qt.MouseButton.LeftButton, pos=widget_pos)


def test_clicking_an_event_selects_it_and_shows_its_sentence(qtbot, loaded_window):
    w = loaded_window
    view = w.timeline_view
    lay = view.layout_
    i = int(lay.point.argmax()) if lay.point.any() else 0
    event = lay.events[i]
    with qtbot.waitSignal(w.session.selection_changed, timeout=5000) as blocker:
        _click_scene(qtbot, view, float(lay.x0[i] + lay.x1[i]) / 2, float(lay.y[i]))
    assert blocker.args == [event.id]
    # the text view selects the sentence (paragraph separators aside) and shows it
    selected = w.source_view.textCursor().selectedText().replace("\u2029", "\n")
    assert selected == w.session.result(event.document).document.text[event.sentence_start:event.sentence_end]
    assert w.source_view.cursorRect().top() >= 0
    assert w.source_view.cursorRect().bottom() <= w.source_view.viewport().height()
    # the table follows
    current = w.events_panel.table.currentIndex()
    assert current.isValid()
    # and the timeline outlines it
    assert len(view.sel_point.data) + len(view.sel_rect.xData if view.sel_rect.xData is not None else []) > 0


def test_clicking_a_time_expression_selects_its_event(qtbot, synthetic_session):
    from timeline_app.ui.source_view import SourceView

    view = SourceView(synthetic_session)
    qtbot.addWidget(view)
    view.resize(500, 300)
    view.show()
    qtbot.waitExposed(view)
    result = next(iter(synthetic_session.session.results.values()))
    timex = next(t for t in result.timexes if t.text == "Last week")
    cursor = view.textCursor()
    cursor.setPosition(timex.start + 2)
    point = view.cursorRect(cursor).center()
    with qtbot.waitSignal(synthetic_session.selection_changed, timeout=5000) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    event = synthetic_session.find_event(blocker.args[0])
    assert event.time.text == "Last week"


def test_changing_the_reference_date_re_resolves(qtbot, synthetic_session, monkeypatch):
    from timeline_app.core import corrections as corrections_module
    from timeline_app.core.pipeline import DocumentResult

    calls = []
    result = next(iter(synthetic_session.session.results.values()))

    def fake_extracted(document):
        # stands in for the pipeline: the re-dated document is extracted again, its events move with it
        calls.append(document.reference_date)
        return DocumentResult(document, result.timexes, result.mentions, result.events)

    monkeypatch.setattr(corrections_module, "_extracted", fake_extracted)
    doc_id = result.document.id
    with qtbot.waitSignal(synthetic_session.timeline_changed, timeout=5000):
        synthetic_session.set_reference_date(doc_id, date(2018, 1, 15))
    doc = synthetic_session.timeline.documents[0]
    assert calls == [date(2018, 1, 15)]
    assert (doc.reference_date, doc.reference_source) == (date(2018, 1, 15), "user")
    assert synthetic_session.stack.undo_text == "Undo set reference date"


def test_reference_date_change_in_the_window_re_resolves_the_sample(qtbot, loaded_window):
    w = loaded_window
    doc_id = next(iter(w.session.session.results))
    before = {e.id: (e.time.earliest, e.time.latest) for e in w.session.session.events.values()}
    with qtbot.waitSignal(w.session.timeline_changed, timeout=10000):
        w.session.set_reference_date(doc_id, date(2018, 3, 14))
    doc = w.session.result(doc_id).document
    assert doc.reference_date == date(2018, 3, 14) and doc.reference_source == "user"
    item = w.documents_panel.tree.topLevelItem(0)
    assert item.text(1) == "2018-03-14"
    after = {e.id: (e.time.earliest, e.time.latest) for e in w.session.session.events.values()}
    relative = [e for e in w.session.session.events.values() if e.time.anchor == "reference"]
    if relative:  # every relative time moved with the new publication date
        assert after != before
        assert all(e.time.earliest.year in (2017, 2018) for e in relative)
        assert any(e.time.earliest.year == 2018 for e in relative)


def test_lane_merge_and_hide(qtbot, synthetic_session):
    from timeline_app.ui.timeline_view import TimelineView

    view = TimelineView(synthetic_session)
    qtbot.addWidget(view)
    assert view.layout_.lanes[0] == "Russia"
    assert set(view.layout_.lanes) == {"Russia", "SDF", "United States"}

    menu = view.lane_menu("SDF")
    merge = next(a for a in menu.actions() if a.text().startswith("Merge")).menu()
    next(a for a in merge.actions() if a.text() == "Russia").trigger()
    assert set(view.layout_.lanes) == {"Russia", "United States"}
    assert sum(1 for e in view.layout_.events if e.lane == "Russia") == 3

    next(a for a in view.lane_menu("United States").actions() if a.text().startswith("Hide")).trigger()
    assert view.layout_.lanes == ["Russia"]
    assert len(view.layout_.events) == 3

    synthetic_session.show_all_lanes()
    assert set(view.layout_.lanes) == {"Russia", "United States"}
    synthetic_session.rename_lane("Russia", "Moscow")
    assert view.layout_.lanes[0] == "Moscow"


def test_table_filter(qtbot, synthetic_session):
    from timeline_app.ui.events_table import EventsPanel

    panel = EventsPanel(synthetic_session)
    qtbot.addWidget(panel)
    proxy = panel.proxy
    assert proxy.rowCount() == 4
    panel.search.setText("convoy")
    assert proxy.rowCount() == 1
    panel.search.clear()
    panel.actor.setCurrentIndex(panel.actor.findData("SDF"))
    assert proxy.rowCount() == 1
    panel.actor.setCurrentIndex(0)
    panel.use_dates.setChecked(True)
    from PySide6.QtCore import QDate

    panel.date_from.setDate(QDate(2017, 9, 25))
    panel.date_to.setDate(QDate(2017, 9, 30))
    # September 25, and "earlier this month" (1-25) overlap; last week (18-24) and September 23 do not
    assert proxy.rowCount() == 2
    panel.use_dates.setChecked(False)
    panel.document.setCurrentIndex(panel.document.findData("nope"))
    assert proxy.rowCount() == 4


@pytest.mark.parametrize("key", ["F"])
def test_fit_shortcut_shows_everything(qtbot, synthetic_session, key):
    from timeline_app.ui.timeline_view import TimelineView

    view = TimelineView(synthetic_session)
    qtbot.addWidget(view)
    view.plot.setXRange(100, 110, padding=0)
    view.fit()
    (x0, x1), _ = view.plot.getViewBox().viewRange()
    assert x0 <= view.layout_.x0.min() and x1 >= view.layout_.x1.max()


def test_open_lists_every_readable_format_and_loads_the_choice(qtbot, window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    offered = []

    def choose(parent, caption, folder, filters):
        offered.append(filters)
        return [str(SAMPLE)], filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(choose))
    with qtbot.waitSignal(window.loading_finished, timeout=30000):
        window._open()
    articles = offered[0].split(";;")[0]
    for suffix in ("*.txt", "*.html", "*.pdf", "*.docx", "*.odt", "*.rtf", "*.mht", "*.eml"):
        assert suffix in articles
    assert len(window.session.session.results) == 1
