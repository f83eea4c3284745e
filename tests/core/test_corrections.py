"""Corrections as data: applied in order, keyed to survive re-extraction, orphans reported and kept."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from timeline_app.core.corrections import (
    AddEvent,
    ChangeDate,
    ChangeLane,
    DeleteEvent,
    EditLabel,
    EventKey,
    Group,
    HideLane,
    LanesByPerson,
    MergeLanes,
    MergeReports,
    RenameLane,
    SetReferenceDate,
    apply_corrections,
    correction_from_dict,
    correction_to_dict,
    event_key,
    new_event_name,
    timex_value,
    value_bounds,
)
from timeline_app.core.ingest import read_document
from timeline_app.core.model import Document, Event, Timex
from timeline_app.core.pipeline import DocumentResult, extract, with_reference_date

SEED = Path(__file__).parents[2] / "seeds" / "russia-us-syria-2017-09-26.txt"
DAY = date(2017, 9, 26)
K0 = EventKey("a", 0, 21, 14, 20)  # the first event of _result("a", ...)


def _result(doc_id: str, lanes: list[str]) -> DocumentResult:
    """One event per lane, each in its own sentence of a made-up text, with its own time expression."""
    text = " ".join(f"Sentence {i} on Monday." for i in range(len(lanes)))
    doc = Document(doc_id, f"/tmp/{doc_id}.txt", doc_id, text, DAY, "user")
    events = []
    for i, lane in enumerate(lanes):
        start = text.index(f"Sentence {i} ")
        end = start + len(f"Sentence {i} on Monday.")
        t = Timex(end - 7, end - 1, "Monday", "DATE", "2017-09-25", date(2017, 9, 25), date(2017, 9, 25))
        events.append(Event(f"{doc_id}:{i}", doc_id, text[start:end], start, end, t, (lane,), lane, f"label {i}"))
    return DocumentResult(doc, tuple(e.time for e in events), (), tuple(events))


@pytest.fixture(scope="module")
def seed() -> DocumentResult:
    return extract(read_document(SEED))


def _by_key(applied) -> dict[EventKey, Event]:
    return {applied.keys[e.id]: e for e in applied.timeline.events}


def test_no_corrections_gives_the_extracted_timeline():
    r = _result("a", ["Russia", "SDF"])
    applied = apply_corrections([r], [])
    assert applied.timeline.events == r.events
    assert applied.orphans == ()


def test_event_corrections_apply_to_their_event_only():
    r = _result("a", ["Russia", "SDF", "Syria"])
    k0, k1, k2 = (event_key(e) for e in r.events)
    applied = apply_corrections([r], [
        ChangeLane(k0, "United States"),
        EditLabel(k1, "SDF accuses Russia"),
        ChangeDate(k2, date(2017, 9, 1), date(2017, 9, 30)),
    ])
    events = _by_key(applied)
    assert events[k0].lane == "United States" and events[k0].label == "label 0"
    assert events[k1].label == "SDF accuses Russia" and events[k1].lane == "SDF"
    t = events[k2].time
    assert (t.earliest, t.latest, t.value, t.anchor) == (date(2017, 9, 1), date(2017, 9, 30), "2017-09", "user")
    assert t.start == r.events[2].time.start  # where the time was written stays; so does the key
    assert event_key(events[k2]) == k2
    assert r.events[0].lane == "Russia"  # the inputs are values and stay as they were


def test_delete_then_change_the_deleted_event_is_an_orphan():
    r = _result("a", ["Russia", "SDF"])
    k0 = event_key(r.events[0])
    change = ChangeLane(k0, "Syria")
    applied = apply_corrections([r], [DeleteEvent(k0), change])
    assert [e.lane for e in applied.timeline.events] == ["SDF"]
    assert applied.orphans == (change,)


@pytest.mark.parametrize(("correction", "expected"), [
    (ChangeDate(K0, value="2017-09"), (date(2017, 9, 1), date(2017, 9, 30), "2017-09")),
    (ChangeDate(K0, value="2016"), (date(2016, 1, 1), date(2016, 12, 31), "2016")),
    (ChangeDate(K0, date(2017, 9, 3)), (date(2017, 9, 3), date(2017, 9, 3), "2017-09-03")),
    (ChangeDate(K0, date(2017, 1, 1), date(2017, 12, 31)),
     (date(2017, 1, 1), date(2017, 12, 31), "2017")),
    (ChangeDate(K0, date(2017, 9, 3), date(2017, 9, 5)),
     (date(2017, 9, 3), date(2017, 9, 5), "2017-09-03/2017-09-05")),
    (ChangeDate(K0, datetime(2017, 9, 3, 14, 30)),
     (datetime(2017, 9, 3, 14, 30), datetime(2017, 9, 3, 14, 30), "2017-09-03T14:30")),
    (ChangeDate(K0, value="2017-W38"),  # a value we cannot bound: the bounds stay
     (date(2017, 9, 25), date(2017, 9, 25), "2017-W38")),
    (ChangeDate(K0, date(2017, 9, 3), value="2017-09-03TMO"),
     (date(2017, 9, 3), date(2017, 9, 3), "2017-09-03TMO")),
])
def test_a_date_change_takes_bounds_or_a_value_and_derives_the_other(correction, expected):
    r = _result("a", ["Russia"])
    assert event_key(r.events[0]) == correction.key
    t = apply_corrections([r], [correction]).timeline.events[0].time
    assert (t.earliest, t.latest, t.value) == expected


def test_timex_values_and_their_bounds_agree():
    for value in ("2017", "2017-02", "2016-02", "2017-09-26", "2017-09-26T08:15", "2017-09-01/2017-09-03"):
        assert timex_value(*value_bounds(value)) == value
    assert value_bounds("PAST_REF") is None
    assert value_bounds("2017-13") is None


def test_added_event_takes_its_sentence_from_the_document():
    r = _result("a", ["Russia", "SDF"])
    e1 = r.events[1]
    add = AddEvent(new_event_name(), "a", e1.sentence_start, e1.sentence_end, date(2017, 9, 20), date(2017, 9, 20),
                   "Turkey", "Turkey shells SDF", time_start=e1.time.start, time_end=e1.time.end)
    applied = apply_corrections([r], [add])
    added = _by_key(applied)[add.key]
    assert added.sentence == e1.sentence and added.time.text == "Monday"
    assert (added.lane, added.label, added.time.value, added.actors) == ("Turkey", "Turkey shells SDF",
                                                                         "2017-09-20", ("Turkey",))
    assert event_key(added) == add.key
    # an added event can be corrected and deleted like any other
    applied = apply_corrections([r], [add, ChangeLane(add.key, "Turkey (army)"), EditLabel(add.key, "x")])
    assert _by_key(applied)[add.key].lane == "Turkey (army)"
    assert len(apply_corrections([r], [add, DeleteEvent(add.key)]).timeline.events) == 2
    assert new_event_name([add]) != add.name


def test_an_added_event_needs_its_document_and_a_sentence_inside_it():
    r = _result("a", ["Russia"])
    elsewhere = AddEvent("1", "gone", 0, 5, DAY, DAY, "Russia")
    outside = AddEvent("2", "a", 0, 10_000, DAY, DAY, "Russia")
    applied = apply_corrections([r], [elsewhere, outside])
    assert applied.orphans == (elsewhere, outside)
    assert len(applied.timeline.events) == 1


def test_lane_corrections_apply_in_order():
    r = _result("a", ["United States", "SDF", "Russia", "Russia"])
    add = AddEvent("1", "a", 0, 5, DAY, DAY, "SDF")
    applied = apply_corrections([r], [
        RenameLane("United States", "USA"),
        MergeLanes("SDF", "USA"),
        add,  # added after the merge, into a lane called SDF again
        RenameLane("USA", "Washington & allies"),
        HideLane("Russia"),
    ])
    assert [e.lane for e in applied.timeline.events] == ["Washington & allies", "Washington & allies", "SDF"]
    assert applied.hidden_lanes == {"Russia"}
    shown = apply_corrections([r], [HideLane("Russia"), HideLane("Russia", hidden=False)])
    assert len(shown.timeline.events) == 4
    renamed = apply_corrections([r], [HideLane("Russia"), RenameLane("Russia", "Moscow")])
    assert renamed.hidden_lanes == frozenset() and {e.lane for e in renamed.timeline.events} >= {"Moscow"}


def test_keys_are_text_and_back():
    for key in (EventKey("doc@1.txt-abc", 3, 40, 10, 18), EventKey("d", 3, 40), EventKey("d:x", 0, 0, added="7")):
        assert EventKey.parse(str(key)) == key
    for bad in ("", "doc", "doc@1-2", "doc@a-b#implied", "@1-2#implied"):
        with pytest.raises(ValueError):
            EventKey.parse(bad)


@pytest.mark.parametrize("correction", [
    ChangeDate(EventKey("d", 1, 9, 2, 4), date(2017, 1, 1), datetime(2017, 1, 2, 9, 30), "2017-01-01/2017-01-02"),
    ChangeDate(EventKey("d", 1, 9), value="2017"),
    ChangeLane(EventKey("d", 1, 9, 2, 4), "Russia"),
    DeleteEvent(EventKey("d", 1, 9)),
    EditLabel(EventKey("d", 0, 0, added="3"), "Ryabkov blames U.S. — «quote»"),
    AddEvent("3", "d", 1, 9, date(2017, 1, 1), date(2017, 1, 31), "SDF", "label", "2017-01", 2, 4, ("SDF", "Russia")),
    SetReferenceDate("d", date(2016, 2, 29), "user"),
    RenameLane("A", "B"),
    MergeLanes("A", "B"),
    HideLane("A"),
    HideLane("A", hidden=False),
    MergeReports(),
    MergeReports(False),
    LanesByPerson(),
    LanesByPerson(False),
    Group("show all lanes", (HideLane("A", hidden=False), Group("inner", (DeleteEvent(EventKey("d", 1, 9)),)))),
])
def test_corrections_are_json_and_back(correction):
    import json

    data = json.loads(json.dumps(correction_to_dict(correction)))
    back = correction_from_dict(data)
    assert back == correction and type(back) is type(correction)


def test_a_bad_correction_record_is_a_value_error():
    for bad in ({}, {"type": "Explode"}, {"type": "ChangeLane", "key": "nonsense", "lane": "x"},
                {"type": "ChangeLane", "lane": "x"}):
        with pytest.raises(ValueError):
            correction_from_dict(bad)


# --- on a real article, across re-extraction ------------------------------------------------------------------------

def test_re_extracting_after_a_reference_date_change_keeps_the_corrections(seed):
    new_date = date(2016, 3, 1)
    reextracted = with_reference_date(seed, new_date)
    redated = {event_key(e): e for e in reextracted.events}
    # events with a time of their own that the new reference date moves ("September 25", "this week")
    moved = [e for e in seed.events if not e.implied_time and event_key(e) in redated
             and redated[event_key(e)].time.value != e.time.value]
    explicit, week = moved[0], moved[-1]
    implied = next(e for e in seed.events if e.implied_time)
    doomed = seed.events[-1]
    corrections = [
        ChangeLane(event_key(explicit), "Moscow"),
        EditLabel(event_key(implied), "Russia and U.S. trade accusations"),
        ChangeDate(event_key(week), date(2017, 9, 18), date(2017, 9, 24)),
        DeleteEvent(event_key(doomed)),
    ]
    before = _by_key(apply_corrections([seed], corrections))

    # The user moves the publication date; the document is extracted again against it.
    assert len(moved) >= 2 and explicit != week
    again = apply_corrections([reextracted], corrections)
    after = _by_key(again)
    assert again.orphans == ()
    assert after[event_key(explicit)].lane == "Moscow"
    assert after[event_key(explicit)].time == redated[event_key(explicit)].time != explicit.time  # re-resolved
    assert after[event_key(implied)].label == "Russia and U.S. trade accusations"
    assert after[event_key(implied)].time.earliest == new_date  # an implied time follows the new publication date
    assert after[event_key(week)].time.earliest == date(2017, 9, 18)  # the user's date beats the re-resolved one
    assert event_key(doomed) not in after
    assert len(after) == len(before)

    # The same as a correction: SetReferenceDate re-extracts inside the pure function.
    as_correction = apply_corrections([seed], [SetReferenceDate(seed.document.id, new_date), *corrections])
    assert as_correction.timeline.events == again.timeline.events
    assert as_correction.results[0].document.reference_date == new_date
    assert seed.document.reference_date == DAY  # the input is untouched


def test_a_correction_whose_event_is_gone_is_kept_and_reported(seed):
    # A newer extractor (here: a text with a new first paragraph) no longer finds the sentences where they were.
    first = seed.events[1]
    corrections = [EditLabel(event_key(first), "mine"), RenameLane("Russia", "Moscow")]
    doc = seed.document
    shifted = extract(replace(doc, text="Editor's note: updated.\n\n" + doc.text))
    applied = apply_corrections([shifted], corrections)
    assert applied.orphans == (corrections[0],)
    assert "Moscow" in {e.lane for e in applied.timeline.events}
    # the orphan still applies once its event is back
    assert apply_corrections([seed], corrections).orphans == ()


def test_reference_date_for_a_document_not_loaded_is_an_orphan(seed):
    c = SetReferenceDate("not-loaded", date(2017, 1, 1))
    assert apply_corrections([seed], [c]).orphans == (c,)


def test_every_seed_event_has_its_own_key(seed):
    keys = [event_key(e) for e in seed.events]
    assert len(set(keys)) == len(keys)


def test_a_shown_event_is_found_by_its_key_or_its_text(seed):
    target, hidden = seed.events[4], seed.events[0]
    applied = apply_corrections([seed], [ChangeLane(event_key(target), "Elsewhere"), HideLane(hidden.lane)])
    assert applied.find(event_key(target)).lane == "Elsewhere"
    assert applied.find(str(event_key(target))) == applied.find(event_key(target))
    assert applied.find(event_key(hidden)) is None


def test_a_group_applies_what_it_holds_in_order():
    r = _result("a", ["A", "B", "C", "D"])
    hide = Group("hide lanes", (HideLane("A"), HideLane("B"), HideLane("C")))
    applied = apply_corrections([r], [hide, Group("show all lanes", (HideLane("A", False), HideLane("B", False)))])
    assert [e.lane for e in applied.timeline.events] == ["A", "B", "D"]
    assert [e.lane for e in applied.all_events] == ["A", "B", "C", "D"]  # hidden lanes still listed
    adds = Group("add", (AddEvent("1", "a", 0, 5, DAY, DAY, "E"),))
    assert new_event_name([adds]) == "2"
