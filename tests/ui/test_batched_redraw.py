"""A batched redraw (files loading) runs in several event-loop turns and ends with every view up to date."""

from __future__ import annotations

import synthetic

from timeline_app.core.pipeline import DocumentResult


def _result(doc_id: str) -> DocumentResult:
    doc = synthetic.document(doc_id, title=f"Article {doc_id}")
    return DocumentResult(doc, tuple(synthetic.timexes(doc.text)), tuple(synthetic.mentions(doc.text)),
                          tuple(synthetic.events(doc)))


def test_batched_documents_reach_every_view_in_turns(qtbot):
    from timeline_app.ui.events_table import EventsPanel
    from timeline_app.ui.session_model import SessionModel
    from timeline_app.ui.timeline_view import TimelineView

    session = SessionModel()
    view = TimelineView(session)
    panel = EventsPanel(session)
    qtbot.addWidget(view)
    qtbot.addWidget(panel)
    for doc_id in ("doc-a", "doc-b"):
        assert session.add_result(_result(doc_id), batch=True)
    assert not view.layout_.events  # nothing redrawn yet: the batch waits for more files
    done = []
    session.flush_in_turns(lambda: done.append(session.refreshing))
    assert session.refreshing and not done  # the redraw is spread over later event-loop turns
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert done == [False]
    shown = len(session.timeline.events)
    assert shown and len(view.layout_.events) == shown
    assert panel.model.rowCount() == shown
    lanes = {panel.actor.itemData(i) for i in range(1, panel.actor.count())}
    assert lanes == {lane for lane, _ in session.session.lanes()}


def test_a_change_while_not_loading_redraws_at_once(qtbot, synthetic_session):
    from timeline_app.ui.timeline_view import TimelineView

    view = TimelineView(synthetic_session)
    qtbot.addWidget(view)
    lane = view.layout_.lanes[0]
    synthetic_session.hide_lane(lane)
    assert lane not in view.layout_.lanes
    assert not synthetic_session.refreshing
