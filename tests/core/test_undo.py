"""Undo and redo over corrections: sequences, menu texts, redo cleared by a new change, the saved mark."""

from __future__ import annotations

from datetime import date

from timeline_app.core.corrections import (
    ChangeDate,
    ChangeLane,
    DeleteEvent,
    EditLabel,
    EventKey,
    Group,
    HideLane,
    RenameLane,
    SetReferenceDate,
    apply_corrections,
)
from timeline_app.core.model import Document, Event, Timex
from timeline_app.core.pipeline import DocumentResult
from timeline_app.core.undo import CorrectionStack

K = EventKey("a", 0, 4, 0, 4)
LANE = ChangeLane(K, "Syria")
LABEL = EditLabel(K, "new label")
DELETE = DeleteEvent(K)


def _result() -> DocumentResult:
    doc = Document("a", "/tmp/a.txt", "a", "text", date(2017, 9, 26), "user")
    t = Timex(0, 4, "text", "DATE", "2017-09-26", date(2017, 9, 26), date(2017, 9, 26))
    return DocumentResult(doc, (t,), (), (Event("a:0", "a", "text", 0, 4, t, ("Russia",), "Russia", "label"),))


def test_an_empty_stack_has_nothing_to_undo_or_redo():
    s = CorrectionStack()
    assert not s.can_undo and not s.can_redo
    assert (s.undo_text, s.redo_text) == ("Undo", "Redo")
    assert s.undo() is None and s.redo() is None
    assert s.corrections == ()


def test_undo_and_redo_walk_the_corrections_back_and_forth():
    s = CorrectionStack()
    for c in (LANE, LABEL, DELETE):
        s.push(c)
    assert s.corrections == (LANE, LABEL, DELETE)
    assert s.undo_text == "Undo delete event"
    assert s.undo() == DELETE
    assert s.undo() == LABEL
    assert s.corrections == (LANE,)
    assert s.redoable == (LABEL, DELETE)
    assert (s.undo_text, s.redo_text) == ("Undo change lane", "Redo edit label")
    assert s.redo() == LABEL
    assert s.corrections == (LANE, LABEL) and s.redoable == (DELETE,)
    assert s.undo() == LABEL and s.undo() == LANE
    assert not s.can_undo and s.can_redo
    assert s.redo() == LANE and s.redo() == LABEL and s.redo() == DELETE
    assert not s.can_redo
    assert s.corrections == (LANE, LABEL, DELETE)


def test_a_new_change_clears_redo():
    s = CorrectionStack([LANE])
    s.push(LABEL)
    s.undo()
    assert s.can_redo
    s.push(DELETE)
    assert not s.can_redo and s.redo() is None
    assert s.corrections == (LANE, DELETE)


def test_every_kind_of_correction_is_undoable_and_the_timeline_follows():
    r = _result()
    s = CorrectionStack()
    shown = []
    for c in (LANE, LABEL, ChangeDate(K, date(2017, 9, 1)), RenameLane("Syria", "Damascus"), HideLane("Damascus")):
        s.push(c)
        shown.append(apply_corrections([r], s.corrections).timeline.events)
    assert shown[-1] == ()  # the lane is hidden
    assert s.undo_text == "Undo hide lane"
    for expected in reversed(shown[:-1]):
        s.undo()
        assert apply_corrections([r], s.corrections).timeline.events == expected
    s.undo()
    assert apply_corrections([r], s.corrections).timeline.events == r.events


def test_the_saved_mark_follows_undo_redo_and_is_lost_when_its_state_is():
    s = CorrectionStack([LANE])
    assert s.is_clean
    s.push(LABEL)
    assert not s.is_clean
    s.undo()
    assert s.is_clean  # back to what was saved
    s.redo()
    s.mark_clean()
    s.undo()
    s.push(DELETE)  # the saved state (LANE, LABEL) can no longer be reached
    assert not s.is_clean
    s.undo()
    assert not s.is_clean


def test_revision_goes_up_on_every_change_for_the_autosave():
    s = CorrectionStack()
    seen = [s.revision]
    s.push(LANE)
    seen.append(s.revision)
    s.undo()
    seen.append(s.revision)
    s.redo()
    seen.append(s.revision)
    s.undo()
    s.undo()  # nothing left: no change
    seen.append(s.revision)
    assert seen == sorted(set(seen))
    assert s.revision == seen[-1]


def test_clear_starts_over_from_an_opened_workspace():
    s = CorrectionStack([LANE])
    s.push(LABEL)
    s.undo()
    s.clear([DELETE])
    assert s.corrections == (DELETE,) and not s.can_redo and s.is_clean
    assert s.can_undo  # the log is the history: corrections saved in a workspace stay undoable after opening it


def test_undoing_a_reference_date_brings_the_old_date_back():
    r = _result()
    s = CorrectionStack()
    s.push(SetReferenceDate("a", date(2016, 3, 1)))
    assert s.undo_text == "Undo set reference date"
    assert apply_corrections([r], s.corrections).results[0].document.reference_date == date(2016, 3, 1)
    s.undo()
    assert apply_corrections([r], s.corrections).results[0] is r


def test_a_group_is_one_undo_step():
    s = CorrectionStack([HideLane("A"), HideLane("B")])
    s.push(Group("show all lanes", (HideLane("A", hidden=False), HideLane("B", hidden=False))))
    assert s.undo_text == "Undo show all lanes"
    s.undo()
    assert s.corrections == (HideLane("A"), HideLane("B"))
    assert s.redo_text == "Redo show all lanes"
