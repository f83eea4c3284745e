"""People's lanes: a view choice on the undo stack, saved with the workspace, with the lane renames made in it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from timeline_app.core.corrections import LanesByPerson, RenameLane, apply_corrections
from timeline_app.core.model import Actor, Document, Event, Timex
from timeline_app.core.pipeline import DocumentResult
from timeline_app.core.session import Session
from timeline_app.core.store import Workspace, open_workspace, save_workspace

DAY = date(2017, 9, 26)


def _result() -> DocumentResult:
    """Three events: Lavrov speaking for Russia, Russia naming Tillerson, Tillerson speaking for the U.S."""
    sentences = [("Sergei Lavrov", "Russia"), ("Russia", "Rex Tillerson"), ("Rex Tillerson", "United States")]
    text = " ".join("text." for _ in sentences)
    doc = Document("a", "/tmp/a.txt", "a", text, DAY, "user")
    events = []
    for i, actors in enumerate(sentences):
        t = Timex(6 * i, 6 * i + 4, "text", "DATE", DAY.isoformat(), DAY, DAY)
        lane = "United States" if i == 2 else "Russia"
        events.append(Event(f"a:{i}", "a", "text.", 6 * i, 6 * i + 5, t, actors, lane))
    people = (Actor("Sergei Lavrov", "person", affiliation="Russia"), Actor("Russia", "country"),
              Actor("Rex Tillerson", "person", affiliation="United States"))
    return DocumentResult(doc, tuple(e.time for e in events), (), tuple(events), people)


def _session() -> Session:
    s = Session()
    s.add(_result())
    return s


def _lanes(s: Session) -> list[str]:
    return [e.lane for e in s.timeline().events]


def _reopened(s: Session, tmp_path) -> Session:
    path = tmp_path / "people.tlw"
    save_workspace(path, Workspace(tuple(s.results.values()), s.stack.corrections))
    opened = open_workspace(path)
    restored = Session()
    restored.replace_all(opened.results, opened.corrections)
    return restored


def test_people_lanes_move_only_events_a_person_speaks_for_their_side_in():
    results = [_result()]
    assert [e.lane for e in apply_corrections(results, []).timeline.events] == ["Russia", "Russia", "United States"]
    applied = apply_corrections(results, [LanesByPerson()])
    assert applied.by_person
    assert [e.lane for e in applied.timeline.events] == ["Sergei Lavrov", "Russia", "Rex Tillerson"]
    assert not apply_corrections(results, [LanesByPerson(), LanesByPerson(False)]).by_person  # the last one wins
    # a person's affiliation found in one document holds in another that only names them
    other = replace(_result(), document=replace(_result().document, id="b", path="/tmp/b.txt"), actors=())
    other = replace(other, events=tuple(replace(e, id=f"b:{i}", document="b") for i, e in enumerate(other.events)))
    lanes = [e.lane for e in apply_corrections([results[0], other], [LanesByPerson()]).timeline.events]
    assert lanes[3:] == ["Sergei Lavrov", "Russia", "Rex Tillerson"]


def test_the_lane_mode_is_undone_and_redone_like_any_correction():
    s = _session()
    s.set_by_person(True)
    assert s.by_person and _lanes(s) == ["Sergei Lavrov", "Russia", "Rex Tillerson"]
    assert s.stack.undo_text == "Undo lanes by person"
    s.set_by_person(True)  # already on: nothing to undo added
    assert s.stack.corrections == (LanesByPerson(),)
    s.set_by_person(False)
    assert s.stack.undo_text == "Undo lanes by country or organisation"
    assert _lanes(s) == ["Russia", "Russia", "United States"]
    s.undo()
    assert s.by_person and _lanes(s) == ["Sergei Lavrov", "Russia", "Rex Tillerson"]
    s.undo()
    assert not s.by_person and not s.stack.can_undo
    s.redo()
    assert s.by_person


def test_the_selection_stays_on_an_event_that_changes_lane():
    s = _session()
    s.selected = "a:0"
    s.set_by_person(True)
    assert s.selected == "a:0" and s.events["a:0"].lane == "Sergei Lavrov"


def test_a_rename_made_in_people_lanes_survives_save_and_reopen(tmp_path):
    s = _session()
    s.set_by_person(True)
    s.rename_lane("Rex Tillerson", "Tillerson")
    restored = _reopened(s, tmp_path)
    assert restored.by_person
    assert _lanes(restored) == ["Sergei Lavrov", "Russia", "Tillerson"]
    # the sides' lanes never had a lane of that name: the rename waits for people's lanes to show again
    restored.set_by_person(False)
    assert _lanes(restored) == ["Russia", "Russia", "United States"]
    restored.set_by_person(True)
    assert _lanes(restored) == ["Sergei Lavrov", "Russia", "Tillerson"]


def test_a_rename_made_in_the_sides_lanes_survives_save_and_reopen_in_both_modes(tmp_path):
    s = _session()
    s.rename_lane("Russia", "Moscow")
    s.set_by_person(True)
    # Lavrov speaks for Russia, the side the extraction named: he keeps his lane; the rest of Russia's is Moscow's
    assert _lanes(s) == ["Sergei Lavrov", "Moscow", "Rex Tillerson"]
    restored = _reopened(s, tmp_path)
    assert restored.by_person and _lanes(restored) == ["Sergei Lavrov", "Moscow", "Rex Tillerson"]
    assert restored.stack.corrections == (RenameLane("Russia", "Moscow"), LanesByPerson())
    restored.undo()
    assert _lanes(restored) == ["Moscow", "Moscow", "United States"]
