"""Events: one per placed time, implied-time events, lanes, labels and merging across documents."""

from __future__ import annotations

import re
from dataclasses import fields
from datetime import date
from pathlib import Path

import pytest

from timeline_app.core.actors import find_mentions
from timeline_app.core.events import build_events, group_same_happenings, merge_events, same_happening
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
    assert event.label == "Ryabkov says U.S. to blame for death of Russian general"


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


def test_grouping_matches_comparing_every_event_with_every_group() -> None:
    """Grouping only within a lane, with each group's words worked out once, changes no group."""
    import random

    rng = random.Random(7)
    words = "planes bombed fighters talks trade convoy shelled border troops ceasefire".split()
    events = []
    for i in range(300):
        day = date(2017, 9, rng.randint(1, 12))
        t = Timex(0, 1, "x", "DATE", day.isoformat(), day, day if rng.random() < 0.7 else date(2017, 9, 14))
        if rng.random() < 0.05:
            t = Timex(0, 1, "x", "DURATION", "P1D")  # no place on the timeline
        sentence = " ".join(rng.sample(words, 4))
        lane = rng.choice(["Russia", "SDF", "Turkey"])
        events.append(Event(f"e{i}", f"d{rng.randrange(12)}", sentence, 0, len(sentence), t, (lane,), lane))

    expected: list[list[Event]] = []  # the plain definition: the first group that will have the event
    for e in events:
        group = next((g for g in expected if all(x.document != e.document for x in g) and same_happening(g[0], e)),
                     None)
        if group is None:
            expected.append([e])
        else:
            group.append(e)
    assert any(len(g) > 2 for g in expected)
    assert group_same_happenings(events) == expected


def _lanes(text: str, times: list[tuple[str, date, date]]) -> dict[str, str]:
    """The lane of the event each time phrase makes, through build_events (so across sentences)."""
    events = build_events(_document(text), _timexes(text, times), find_mentions(text))
    return {e.time.text: e.lane for e in events if not e.implied_time}


MARCH_12 = ("March 12", date(1999, 3, 12), date(1999, 3, 12))


def test_he_points_back_to_the_man_not_to_the_woman_named_first() -> None:
    text = ("U.S. Secretary of State Madeleine Albright has invited Polish Foreign Minister Bronislaw Geremek to "
            "visit the United States. He will then travel to Washington DC on March 12 to submit the document.")
    assert _lanes(text, [MARCH_12]) == {"March 12": "Poland"}


def test_he_points_back_to_the_previous_subject() -> None:
    text = ("UN Secretary-General Kofi Annan met Iraqi President Saddam Hussein in Baghdad. "
            "He is expected to meet Iraqi Deputy Prime Minister Tariq Aziz on March 12.")
    assert _lanes(text, [MARCH_12]) == {"March 12": "United Nations"}


def test_the_three_points_back_to_a_list_of_three() -> None:
    text = ("NATO admitted Poland, Hungary and the Czech Republic. The Netherlands ratified the treaty. "
            "The three are expected to join on March 12, marking NATO's anniversary.")
    assert _lanes(text, [MARCH_12]) == {"March 12": "Poland"}


def test_who_clause_and_the_main_clause_after_it_belong_to_the_subject() -> None:
    text = ("Poland, the Czech Republic and Hungary, who were invited to join NATO in Madrid, "
            "will officially join NATO on March 12 in a ceremony.")
    assert _lanes(text, [MARCH_12]) == {"March 12": "Poland"}


def test_quoted_actors_are_not_the_speaker() -> None:
    text = ('Russian Deputy Foreign Minister Sergei Ryabkov spoke on March 11. "The death of the Russian commander is '
            'the price for the two-faced American policy in Syria," Ryabkov said on March 12.')
    assert _lanes(text, [MARCH_12, ("March 11", date(1999, 3, 11), date(1999, 3, 11))])["March 12"] == "Russia"


def test_it_said_points_back_to_the_organisation() -> None:
    text = ('The SDF said Russian planes struck its fighters. "We will use our right to self-defense," '
            'it said on March 12.')
    assert _lanes(text, [MARCH_12]) == {"March 12": "Syrian Democratic Forces"}


def test_a_dated_sentence_naming_nobody_is_unattributed_not_the_dateline_country() -> None:
    text = ("NAIROBI, Kenya (AP) _ Bombs hit U.S. embassies in Kenya and Tanzania, and the United States sent "
            "help. At least 82 were killed, officials said on March 12.")
    assert _lanes(text, [MARCH_12]) == {"March 12": "Unattributed"}


def test_a_second_time_in_a_clause_dates_what_is_named_next_to_it() -> None:
    text = ("The Cypriot government on March 12 strongly condemned the bomb attacks in Kenya and Tanzania on "
            "March 11, calling them a crime.")
    lanes = _lanes(text, [MARCH_12, ("March 11", date(1999, 3, 11), date(1999, 3, 11))])
    assert lanes == {"March 12": "Cyprus", "March 11": "Tanzania"}


@pytest.mark.parametrize(("sentence", "label"), [
    ('"The death of the Russian commander is the price," Ryabkov was quoted as saying on March 12.',
     "Ryabkov: death of Russian commander is price"),
    ("Ryabkov will travel to Washington on March 12.", "Ryabkov to travel to Washington"),
    ("Ryabkov was wounded by shelling on March 12.", "Ryabkov wounded by shelling"),
    ("Ryabkov denied that and called the accusations untrue on March 12.",
     "Ryabkov denies that, calls accusations untrue"),
    ("Russian soldiers stood guard on a central street on March 12.", "Russian soldiers stand guard on central street"),
])
def test_labels_read_like_headlines(sentence: str, label: str) -> None:
    text = "Russian Deputy Foreign Minister Sergei Ryabkov spoke. " + sentence
    events = build_events(_document(text), _timexes(text, [MARCH_12]), find_mentions(text))
    assert [e.label for e in events if e.time.text == "March 12"] == [label]


def test_the_dateline_is_neither_an_event_nor_a_subject() -> None:
    text = "CAGUAS, Puerto Rico (AP) _ Kidnappers kept their promise on March 12 to kill a store owner."
    times = [MARCH_12, ("Puerto Rico (AP)", date(1999, 3, 12), date(1999, 3, 12))]
    events = build_events(_document(text), _timexes(text, times), find_mentions(text))
    assert [(e.time.text, e.sentence[:10]) for e in events] == [("March 12", "Kidnappers")]
    assert not events[0].label.startswith("Puerto Rico")


@pytest.mark.parametrize(("sentence", "label"), [
    ("Ryabkov's remarks on March 12 were aimed at the economists.", "Ryabkov's remarks aimed at economists"),
    ('Ryabkov said on March 12 she had been "practically kidnapped" by the boyfriend.',
     "Ryabkov says she had been practically kidnapped by boyfriend"),
    ("Dr. Barnett Slepian was killed in his kitchen on March 12.", "Slepian killed in his kitchen"),
    ("The new government hopes to double exports by March 12, Ryabkov said.",
     "Ryabkov: new government hopes to double exports"),
    ("India's Hindu nationalists said on March 12 a new coalition was forged.",
     "India's Hindu nationalists say new coalition was forged"),
])
def test_more_headline_labels(sentence: str, label: str) -> None:
    text = "Russian Deputy Foreign Minister Sergei Ryabkov spoke. " + sentence
    events = build_events(_document(text), _timexes(text, [MARCH_12]), find_mentions(text))
    assert [e.label for e in events if e.time.text == "March 12"] == [label]
