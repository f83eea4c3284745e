"""Actor recognition and the principal actor of a clause, on the sample article and small sentences."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from timeline_app.core import actors
from timeline_app.core.model import Timex
from timeline_app.core.text import sentence_spans

SAMPLE = Path(__file__).resolve().parents[2] / "seeds" / "russia-us-syria-2017-09-26.txt"


@pytest.fixture(scope="module")
def sample() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def _lane_at(text: str, phrase: str, nth: int = 0) -> str | None:
    m = list(re.finditer(re.escape(phrase), text))[nth]
    sentence = next(s for s in sentence_spans(text) if s[0] <= m.start() < s[1])
    who = actors.principal_actor(text, sentence, actors.find_mentions(text),
                                 Timex(m.start(), m.end(), phrase, "DATE", ""))
    return actors.lane_of(who, actors.actors_for(text)) if who else None


@pytest.mark.parametrize(("surface", "actor"), [
    ("U.S.", "United States"), ("the United States", "United States"), ("Washington", "United States"),
    ("American troops", "United States"), ("Russia", "Russia"), ("Moscow", "Russia"), ("Russian jets", "Russia"),
    ("the Kremlin", "Russia"), ("Islamic State", "Islamic State"), ("IS", "Islamic State"),
    ("ISIS", "Islamic State"), ("Syrian Democratic Forces", "Syrian Democratic Forces"),
    ("SDF", "Syrian Democratic Forces"), ("the State Department", "State Department"), ("NATO", "NATO"),
])
def test_one_actor_per_entity(surface: str, actor: str) -> None:
    text = f"Officials said {surface} acted."
    found = actors.find_mentions(text)
    assert [m.actor for m in found] == [actor]


def test_persons_with_titles_link_to_their_side(sample: str) -> None:
    found = actors.actors_for(sample)
    assert found["Sergei Ryabkov"].affiliation == "Russia"
    assert found["Heather Nauert"].affiliation == "State Department"  # a ministry is an organisation
    assert found["Ryan Dillon"].affiliation == "US-led coalition"
    assert found["Sergei Ryabkov"].kind == "person"


def test_surname_links_to_the_person(sample: str) -> None:
    later = sample.index("Ryabkov and Colonel")
    mention = next(m for m in actors.find_mentions(sample) if m.start == later)
    assert mention.actor == "Sergei Ryabkov"


def test_person_found_by_speech_verb_and_organisation_by_suffix() -> None:
    text = "John Smith said Acme Widget Corp. would close. Acme denied it."
    names = {m.actor for m in actors.find_mentions(text)}
    assert {"John Smith", "Acme Widget Corp."} <= names
    assert actors.actors_for(text)["Acme Widget Corp."].kind == "organization"


def test_capital_inside_a_longer_name_is_not_the_government() -> None:
    # a newspaper is an actor of its own (guidelines), never the United States
    assert [m.actor for m in actors.find_mentions("The Washington Post reported it.")] == ["Washington Post"]


def test_catalog_has_static_and_found_actors(sample: str) -> None:
    known = actors.catalog([sample])
    assert known["Russia"].kind == "country"
    assert known["Sergei Ryabkov"].affiliation == "Russia"


@pytest.mark.parametrize(("phrase", "nth", "lane"), [
    ("earlier this month", 0, "Russia"), ("September 25", 0, "Russia"), ("last week", 1, "Russia"),
    ("this week", 0, "Russia"), ("last week", 2, "United States"), ("September 23", 0, "Syrian Democratic Forces"),
])
def test_sample_lanes(sample: str, phrase: str, nth: int, lane: str) -> None:
    assert _lane_at(sample, phrase, nth) == lane


def test_reported_clause_decides() -> None:
    text = "A spokesman for the SDF said on Monday that Russian planes targeted SDF fighters on Sunday."
    assert _lane_at(text, "on Monday") == "Syrian Democratic Forces"
    assert _lane_at(text, "on Sunday") == "Russia"


def test_speaker_next_to_the_verb() -> None:
    text = "The United States had the right to act, New Zealand said Friday."
    assert _lane_at(text, "Friday") == "New Zealand"


def test_president_without_a_country_speaks_for_the_dateline_country() -> None:
    text = "BUDAPEST, March 12 (Xinhua) -- In a televised address Friday, President Arpad Gencz praised NATO."
    assert actors.dateline_country(text) == "Hungary"
    assert actors.actors_for(text)["Arpad Gencz"].affiliation == "Hungary"


def test_person_by_appositive_or_possessive_and_no_side_from_a_bare_adjective() -> None:
    text = ("Canada issued a warrant for James Charles Kopp, a U.S. fugitive on the FBI list. "
            "Poland's Aleksander Kwasniewski signed the documents. Kopp fled.")
    found = actors.actors_for(text)
    assert found["James Charles Kopp"].affiliation is None
    assert found["Aleksander Kwasniewski"].affiliation == "Poland"
    assert {m.actor for m in actors.find_mentions(text) if m.start > text.index("fled") - 6} == {"James Charles Kopp"}


def test_news_agency_in_brackets_is_not_an_acronym() -> None:
    text = "ADDIS ABABA, Ethiopia (AP) _ The Organization of African Unity said Friday it would act."
    assert [text[m.start:m.end] for m in actors.find_mentions(text)] == ["Ethiopia", "Organization of African Unity"]


def test_relative_and_possessive_subjects() -> None:
    text = "Kopp, who is from Vermont, was indicted last year. NATO's leaders met the same day."
    assert _lane_at("James Charles Kopp, a fugitive, fled. " + text, "last year") == "James Charles Kopp"


def test_government_body_without_a_country_belongs_to_the_dateline_country() -> None:
    text = ("TEHRAN, August 8 (Xinhua) -- Foreign Ministry spokesman Mahmoud Mohammadi said that Iran condemns "
            "the attacks. In Miami, the boy's great-uncle, Lazaro Gonzalez, denied it.")
    found = actors.actors_for(text)
    assert found["Foreign Ministry"].kind == "organization"
    assert found["Foreign Ministry"].affiliation == "Iran"
    assert found["Mahmoud Mohammadi"].affiliation == "Iran"
    assert found["Lazaro Gonzalez"].kind == "person"


def test_person_after_a_descriptor_a_dash_or_before_an_age() -> None:
    text = ("The rest remained fugitives, including Saudi radical Osama bin Laden. The suspect -- Khalfan Khamis "
            "Mohamed -- was to appear in court. Ahmed Omar Ali, 24, allegedly rented a house.")
    found = actors.actors_for(text)
    assert found["Osama bin Laden"].affiliation == "Saudi Arabia"
    assert found["Khalfan Khamis Mohamed"].kind == "person"
    assert found["Ahmed Omar Ali"].kind == "person"


def test_joined_names_and_possessive_places() -> None:
    text = ("Poland's Aleksander Kwasniewski and Vaclav Havel signed the documents. Floods hit China's Hunan "
            "Province. Iraq's Grand Ayatollah Ali al-Sistani spoke.")
    persons = {a.name: a.affiliation for a in actors.actors_for(text).values() if a.kind == "person"}
    assert persons == {"Aleksander Kwasniewski": "Poland", "Vaclav Havel": None, "Ali al-Sistani": "Iraq"}


@pytest.mark.parametrize(("text", "actor", "acts"), [
    ("Refugees fled to Kenya on Monday.", "Kenya", False),
    ("A Turkish ship sank off the coast.", "Turkey", False),
    ("Kenya closed its border on Monday.", "Kenya", True),
    ("Turkish troops crossed the border.", "Turkey", True),
    ("The Turkish foreign minister arrived in Paris.", "Turkey", True),
    ("Talks in Moscow ended; Moscow said it would reply.", "Russia", True),
])
def test_a_country_named_only_as_a_place_or_an_origin_is_no_actor(text: str, actor: str, acts: bool) -> None:
    assert (actor in actors.actors_for(text)) is acts
