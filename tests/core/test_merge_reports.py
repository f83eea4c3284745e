"""Merging reports of the same happening in the session: a view choice on the undo stack, saved with the workspace."""

from __future__ import annotations

from datetime import date

from timeline_app.core.corrections import ChangeLane, MergeReports, apply_corrections, event_key
from timeline_app.core.model import Document, Event, Timex
from timeline_app.core.pipeline import DocumentResult, build_timeline
from timeline_app.core.session import Session
from timeline_app.core.store import Workspace, open_workspace, save_workspace

SUNDAY = date(2017, 9, 24)
BOMBING_A = "Russian planes bombed SDF fighters near Deir al-Zor on Sunday, killing one fighter."
BOMBING_B = "Russian planes bombed SDF positions near Deir al-Zor on Sunday, the group said, killing one fighter."
TALKS = "Russia held talks with Turkey on Sunday about trade."


def _result(doc_id: str, sentences: list[str], lane: str = "Russia") -> DocumentResult:
    """One event per sentence, each dated by its 'on Sunday'."""
    text = " ".join(sentences)
    doc = Document(doc_id, f"/tmp/{doc_id}.txt", f"Report {doc_id}", text, date(2017, 9, 26), "user")
    events = []
    for i, sentence in enumerate(sentences):
        start = text.index(sentence)
        at = text.index("on Sunday", start)
        t = Timex(at, at + 9, "on Sunday", "DATE", "2017-09-24", SUNDAY, SUNDAY, "reference")
        events.append(Event(f"{doc_id}:{i}", doc_id, sentence, start, start + len(sentence), t, (lane,), lane))
    return DocumentResult(doc, tuple(e.time for e in events), (), tuple(events))


def _reports() -> list[DocumentResult]:
    return [_result("a", [BOMBING_A, TALKS]), _result("b", [BOMBING_B])]


def _session() -> Session:
    s = Session()
    for r in _reports():
        s.add(r)
    return s


def _bombing(s: Session) -> Event:
    return next(e for e in s.timeline().events if "bombed" in e.sentence)


def test_merged_reports_show_as_one_event_with_every_source():
    results = _reports()
    assert len(apply_corrections(results, []).timeline.events) == 3
    applied = apply_corrections(results, [MergeReports()])
    assert applied.merged
    events = applied.timeline.events
    assert len(events) == 2
    bombing = next(e for e in events if "bombed" in e.sentence)
    assert sorted(bombing.sources) == ["a", "b"]
    # the same events as the CLI's `extract --merge` (which names the one source of a lone report too)
    cli = build_timeline(results, True).events
    assert [(e.id, e.sources or (e.document,)) for e in events] == [(e.id, e.sources) for e in cli]
    # either report's key finds the merged event; the report not shown itself points to it
    a, b = results[0].events[0], results[1].events[0]
    assert applied.find(event_key(a)) == applied.find(event_key(b)) == bombing
    assert set(applied.keys_of(bombing.id)) == {event_key(a), event_key(b)}
    other = b if bombing.id == a.id else a
    assert applied.merged_into == {other.id: bombing.id}
    assert not apply_corrections(results, [MergeReports(), MergeReports(False)]).merged  # the last one wins


def test_each_report_is_corrected_before_the_reports_merge():
    results = _reports()
    moved = ChangeLane(event_key(results[1].events[0]), "SDF")
    applied = apply_corrections(results, [moved, MergeReports()])
    assert len(applied.timeline.events) == 3  # in another lane it is no longer the same happening
    assert {e.lane for e in applied.timeline.events if "bombed" in e.sentence} == {"Russia", "SDF"}


def test_the_merge_toggle_is_undone_and_redone_and_other_undos_keep_it():
    s = _session()
    s.set_merged(True)
    assert s.merged and len(s.timeline().events) == 2
    assert s.stack.undo_text == "Undo merge reports of the same event"
    s.hide_lane("Elsewhere")
    s.undo()  # an unrelated undo leaves the reports merged
    assert s.merged and len(s.timeline().events) == 2
    s.undo()
    assert not s.merged and len(s.timeline().events) == 3
    s.redo()
    assert s.merged and len(s.timeline().events) == 2
    s.set_merged(True)  # already merged: nothing to undo added
    assert s.stack.undo_text == "Undo merge reports of the same event" and s.stack.can_redo


def test_a_change_to_a_merged_event_changes_every_report_in_one_step():
    s = _session()
    s.set_merged(True)
    s.change_lane(_bombing(s).id, "Russian Air Force")
    assert {e.lane for e in s.timeline().events} == {"Russian Air Force", "Russia"}
    assert sorted(_bombing(s).sources) == ["a", "b"]  # still one event
    s.set_merged(False)
    assert {e.lane for e in s.timeline().events if "bombed" in e.sentence} == {"Russian Air Force"}
    s.undo()
    s.undo()  # one step for both reports
    assert {e.lane for e in s.timeline().events} == {"Russia"}
    s.set_merged(True)
    s.delete_event(_bombing(s).id)
    s.set_merged(False)
    assert [e.sentence for e in s.timeline().events] == [TALKS]


def test_the_selection_follows_the_reports_into_and_out_of_the_merge():
    s = _session()
    b = next(e for e in s.timeline().events if e.document == "b")
    s.selected = b.id
    s.set_merged(True)
    assert s.selected == _bombing(s).id
    assert s.shown_id(b.id) == _bombing(s).id  # a report merged away (as the article view names it) is found
    assert s.shown_id("no such event") is None
    s.set_merged(False)
    assert s.selected in s.events


def test_the_merge_choice_is_saved_with_the_workspace(tmp_path):
    s = _session()
    s.set_merged(True)
    path = tmp_path / "merged.tlw"
    save_workspace(path, Workspace(tuple(s.results.values()), s.stack.corrections))
    opened = open_workspace(path)
    assert opened.timeline().merged
    restored = Session()
    restored.replace_all(opened.results, opened.corrections)
    assert restored.merged and len(restored.timeline().events) == 2
