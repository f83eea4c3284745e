"""The Qt-free session: documents loaded once, lanes renamed, merged and hidden."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from timeline_app.core.model import Document, Event, Timex
from timeline_app.core.pipeline import DocumentResult
from timeline_app.core.session import Session


def _result(doc_id: str, lanes: list[str]) -> DocumentResult:
    doc = Document(doc_id, f"/tmp/{doc_id}.txt", doc_id, "text", date(2017, 9, 26), "user")
    t = Timex(0, 4, "text", "DATE", "2017-09-26", date(2017, 9, 26), date(2017, 9, 26))
    events = tuple(Event(f"{doc_id}:{i}", doc_id, "text", 0, 4, t, (lane,), lane) for i, lane in enumerate(lanes))
    return DocumentResult(doc, (t,), (), events)


def test_a_document_is_added_once():
    s = Session()
    r = _result("a", ["Russia"])
    assert s.add(r)
    assert not s.add(r)
    assert not s.add(replace(r, document=replace(r.document, id="other")))  # same path
    assert s.has_path("/tmp/a.txt")


def test_lanes_ordered_by_event_count_then_renamed_merged_hidden():
    s = Session()
    s.add(_result("a", ["SDF", "Russia", "Russia", "United States"]))
    assert [name for name, _ in s.lanes()] == ["Russia", "SDF", "United States"]
    s.rename_lane("United States", "USA")
    assert {e.lane for e in s.timeline().events} == {"Russia", "SDF", "USA"}
    s.merge_lanes("SDF", "USA")
    assert s.lanes() == [("Russia", 2), ("USA", 2)]
    s.rename_lane("USA", "Washington & allies")  # the merged lane renames as one
    assert s.lanes() == [("Russia", 2), ("Washington & allies", 2)]
    s.hide_lane("Russia")
    assert {e.lane for e in s.timeline().events} == {"Washington & allies"}
    s.show_all_lanes()
    assert len(s.timeline().events) == 4


def test_lanes_switch_between_people_and_the_sides_they_speak_for():
    from timeline_app.core.model import Actor

    r = _result("a", ["Russia", "Russia", "United States"])
    people = (Actor("Sergei Lavrov", "person", affiliation="Russia"), Actor("Russia", "country"),
              Actor("Rex Tillerson", "person", affiliation="United States"))
    events = (replace(r.events[0], actors=("Sergei Lavrov", "Russia")),  # a person speaking for the event's side
              replace(r.events[1], actors=("Russia", "Rex Tillerson")),  # a person of another side: stays
              replace(r.events[2], actors=("Rex Tillerson", "United States")))
    s = Session()
    s.add(replace(r, events=events, actors=people))
    assert {name for name, _ in s.lanes()} == {"Russia", "United States"}
    s.set_by_person(True)
    assert [e.lane for e in s.timeline().events] == ["Sergei Lavrov", "Russia", "Rex Tillerson"]
    s.rename_lane("Rex Tillerson", "Tillerson")  # renames apply to people's lanes too
    assert "Tillerson" in {name for name, _ in s.lanes()}
    s.set_by_person(False)
    assert [e.lane for e in s.timeline().events] == ["Russia", "Russia", "United States"]
