"""The Qt-free session: documents loaded once, lanes renamed, merged and hidden."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from timeline_app.core.corrections import RenameLane
from timeline_app.core.model import Document, Event, Timex
from timeline_app.core.pipeline import DocumentResult
from timeline_app.core.session import Session


def _result(doc_id: str, lanes: list[str]) -> DocumentResult:
    # one sentence "text." per event: corrections tell events apart by where their sentence is
    doc = Document(doc_id, f"/tmp/{doc_id}.txt", doc_id, " ".join(["text."] * len(lanes)), date(2017, 9, 26), "user")
    times = [Timex(6 * i, 6 * i + 4, "text", "DATE", "2017-09-26", date(2017, 9, 26), date(2017, 9, 26))
             for i in range(len(lanes))]
    events = tuple(Event(f"{doc_id}:{i}", doc_id, "text.", 6 * i, 6 * i + 5, t, (lane,), lane)
                   for i, (t, lane) in enumerate(zip(times, lanes, strict=True)))
    return DocumentResult(doc, tuple(times), (), events)


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


def test_lane_changes_are_corrections_that_undo_and_redo():
    s = Session()
    s.add(_result("a", ["SDF", "Russia", "Russia", "United States"]))
    first = s.results["a"]
    s.merge_lanes("SDF", "Russia")
    s.hide_lane("United States")
    assert s.lanes() == [("Russia", 3), ("United States", 1)]
    assert s.hidden == {"United States"}
    assert s.stack.undo_text == "Undo hide lane"
    s.show_all_lanes()
    assert s.stack.undo_text == "Undo show all lanes" and not s.hidden
    s.undo()
    assert s.hidden == {"United States"}
    s.undo()
    s.undo()
    assert [name for name, _ in s.lanes()] == ["Russia", "SDF", "United States"]
    assert s.stack.redo_text == "Redo merge lanes"
    s.redo()
    assert s.lanes()[0] == ("Russia", 3)
    assert s.results["a"] is first  # the documents stay as extracted


def test_event_corrections_and_an_added_event():
    s = Session()
    s.add(_result("a", ["Russia", "SDF"]))
    s.selected = "a:0"
    s.change_date("a:0", date(2017, 9, 1), date(2017, 9, 3))
    e = s.events["a:0"]
    assert (e.time.earliest, e.time.latest) == (date(2017, 9, 1), date(2017, 9, 3))
    s.change_lane("a:0", "Moscow")
    s.edit_label("a:0", "Shelling")
    assert (s.events["a:0"].lane, s.events["a:0"].label) == ("Moscow", "Shelling")
    s.delete_event("a:1")
    assert [e.id for e in s.timeline().events] == ["a:0"]
    assert s.selected == "a:0"
    new = s.add_event("a", (6, 11), date(2017, 9, 20), date(2017, 9, 20), "Turkey", "Talks")
    assert s.selected == new and s.events[new].lane == "Turkey" and s.events[new].sentence == "text."
    for _ in range(5):
        s.undo()
    assert not s.stack.can_undo
    assert {e.id: (e.lane, e.label) for e in s.timeline().events} == {"a:0": ("Russia", ""), "a:1": ("SDF", "")}
    assert s.selected is None  # the added event it was on is gone


def test_replace_all_starts_over_clean():
    s = Session()
    s.add(_result("a", ["Russia"]))
    s.hide_lane("Russia")
    s.replace_all([_result("b", ["SDF", "SDF"])], (RenameLane("SDF", "Kurds"),))
    assert list(s.results) == ["b"] and not s.has_path("/tmp/a.txt")
    assert s.lanes() == [("Kurds", 2)] and s.stack.is_clean and not s.stack.can_redo


def test_the_unattributed_lane_comes_last_however_many_events_it_has():
    from timeline_app.core.model import UNATTRIBUTED, lane_order

    assert lane_order({UNATTRIBUTED: 9, "Russia": 3, "Iran": 3, "NATO": 5}) == ["NATO", "Iran", "Russia", UNATTRIBUTED]
