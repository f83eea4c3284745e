"""Events: one per placed time, implied-time events, lanes, labels and merging across documents."""

from __future__ import annotations

import re
from dataclasses import fields
from datetime import date
from pathlib import Path

import pytest

from timeline_app.core.actors import find_mentions
from timeline_app.core.events import build_events, group_same_happenings, merge_events
from timeline_app.core.model import Document, Event, Timex

SAMPLE = Path(__file__).resolve().parents[2] / "seeds" / "russia-us-syria-2017-09-26.txt"
# Hand-written resolutions of the sample's time expressions (the tagger is tested on its own).
SAMPLE_TIMES = [
    ("earlier this month", date(2017, 9, 1), date(2017, 9, 25)),
    ("September 25", date(2017, 9, 25), date(2017, 9, 25)),
    ("over the weekend", date(2017, 9, 23), date(2017, 9, 24)),
    ("last week", date(2017, 9, 18), date(2017, 9, 24)),
    ("this week", date(2017, 9, 25), date(2017, 10, 1)),
    ("September 23", date(2017, 9, 23), date(2017, 9, 23)),
]


def _document(text: str, doc_id: str = "d") -> Document:
    return Document(doc_id, f"{doc_id}.txt", doc_id, text, date(2017, 9, 26), "user")


def _timexes(text: str, times=SAMPLE_TIMES) -> list[Timex]:
    out = [Timex(m.start(), m.end(), phrase, "DATE", lo.isoformat(), lo, hi)
           for phrase, lo, hi in times for m in re.finditer(re.escape(phrase), text)]
    return sorted(out, key=lambda t: t.start)


@pytest.fixture(scope="module")
def sample_events() -> list[Event]:
    text = SAMPLE.read_text(encoding="utf-8")
    return build_events(_document(text), _timexes(text), find_mentions(text))


def test_every_timed_event_of_the_sample_has_a_real_lane(sample_events: list[Event]) -> None:
    timed = [e for e in sample_events if not e.implied_time]
    assert len(timed) == 8
    real = {"Russia", "United States", "Syrian Democratic Forces", "US-led coalition"}
    assert all(e.lane in real for e in timed), [(e.time.text, e.lane) for e in timed]


def test_persons_and_countries_listed(sample_events: list[Event]) -> None:
    event = next(e for e in sample_events if e.time.text == "September 25")
    assert event.lane == "Russia"
    assert "Sergei Ryabkov" in event.actors
    assert event.label.startswith("Ryabkov asserts")


def test_sentence_without_time_in_a_new_paragraph_takes_the_publication_date(sample_events: list[Event]) -> None:
    event = next(e for e in sample_events if e.sentence.startswith("Russia denied the accusation"))
    assert event.implied_time
    assert event.lane == "Russia"
    assert event.time.earliest == date(2017, 9, 26)


def test_sentence_without_time_takes_the_day_the_previous_sentence_named() -> None:
    text = "Russian planes struck Raqqa on September 23. Russia denied it."
    times = [("on September 23", date(2017, 9, 23), date(2017, 9, 23))]
    events = build_events(_document(text), _timexes(text, times), find_mentions(text))
    assert [e.implied_time for e in events] == [False, True]
    assert events[1].time == events[0].time


def test_first_sentence_without_time_takes_the_publication_date() -> None:
    text = "Russia denied the accusation."
    (event,) = build_events(_document(text), [], find_mentions(text))
    assert event.implied_time and event.time.earliest == date(2017, 9, 26)


def _two_reports() -> list[Event]:
    times = [("on Sunday", date(2017, 9, 24), date(2017, 9, 24))]
    a = "Russian planes bombed SDF fighters near Deir al-Zor on Sunday, killing one fighter."
    b = "Russian planes bombed SDF positions near Deir al-Zor on Sunday, the group said, killing one fighter."
    c = "Russia held talks with Turkey on Sunday about trade."
    events = []
    for doc_id, text in (("a", a), ("b", b), ("c", c)):
        events += build_events(_document(text, doc_id), _timexes(text, times), find_mentions(text))
    return events


def test_same_happening_from_two_documents_is_grouped() -> None:
    groups = group_same_happenings(_two_reports())
    assert sorted(len(g) for g in groups) == [1, 2]
    assert {e.document for e in max(groups, key=len)} == {"a", "b"}


def test_merge_events_keeps_one_event_per_happening() -> None:
    merged = merge_events(_two_reports())
    assert len(merged) == 2
    if any(f.name == "sources" for f in fields(Event)):
        assert sorted(max(merged, key=lambda e: len(e.sources)).sources) == ["a", "b"]
