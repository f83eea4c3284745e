"""Actors and lanes by the conventions of ../shared/actors/GUIDELINES.md, on invented sentences."""

from __future__ import annotations

import re
from datetime import date

import pytest

from timeline_app.core import actors
from timeline_app.core.events import build_events
from timeline_app.core.model import Document, Timex


def _lanes(text: str, *phrases: str) -> dict[str, str]:
    """The lane of the event each phrase (a day in March 2012) makes."""
    times = sorted((Timex(m.start(), m.end(), p, "DATE", "2012-03-12", date(2012, 3, 12), date(2012, 3, 12))
                    for p in phrases for m in re.finditer(re.escape(p), text)), key=lambda t: t.start)
    doc = Document("d", "d.txt", "d", text, date(2012, 3, 14), "user")
    events = build_events(doc, times, actors.find_mentions(text))
    return {e.time.text: e.lane for e in events if not e.implied_time}


@pytest.mark.parametrize(("surface", "actor"), [
    ("Britain", "Britain"), ("the United Kingdom", "Britain"), ("the Soviet Union", "Soviet Union"),
    ("the Senate", "U.S. Senate"), ("the Security Council", "U.N. Security Council"), ("the Pentagon", "Pentagon"),
    ("the European Commission", "European Commission"),
])
def test_chambers_ministries_and_old_states_are_actors_of_their_own(surface: str, actor: str) -> None:
    assert [m.actor for m in actors.find_mentions(f"Officials said {surface} acted.")] == [actor]


def test_a_ministry_named_with_its_country_is_an_organisation_of_that_country() -> None:
    text = "The Brazilian Health Ministry said the vaccine works."
    found = actors.actors_for(text)
    assert found["Brazilian Health Ministry"].kind == "organization"
    assert found["Brazilian Health Ministry"].affiliation == "Brazil"
    assert _lanes("The Brazilian Health Ministry said on Monday the vaccine works.", "Monday") == {
        "Monday": "Brazilian Health Ministry"}


def test_a_dated_clause_that_names_only_places_is_unattributed() -> None:
    assert _lanes("Heavy rain fell in Peru on Monday.", "Monday") == {"Monday": "Unattributed"}


def test_an_opening_phrase_does_not_hide_a_pronoun_subject() -> None:
    text = "Finance Minister Carla Mendes spoke in Lisbon. On Monday, she said taxes would fall."
    assert _lanes(text, "Monday") == {"Monday": "Portugal"} or _lanes(text, "Monday") == {"Monday": "Carla Mendes"}


def test_each_side_is_one_of_the_sides_named() -> None:
    text = "Chile and Peru traded accusations. In talks on Monday, each side blamed the other."
    assert _lanes(text, "Monday")["Monday"] in ("Chile", "Peru")


def test_the_owner_of_a_dated_event_noun_is_its_principal() -> None:
    text = "Egypt's offer on Monday surprised the negotiators."
    assert _lanes(text, "Monday") == {"Monday": "Egypt"}


def test_a_name_the_text_calls_by_its_last_word_again_is_a_person() -> None:
    text = "Marta Oliveira won the race. Oliveira, who trained in Kenya, thanked her coach."
    found = actors.actors_for(text)
    assert found["Marta Oliveira"].kind == "person"
    assert [m.actor for m in actors.find_mentions(text) if m.start > 20][0] == "Marta Oliveira"


def test_a_name_whose_last_word_takes_the_is_a_team() -> None:
    text = "The Dakota Herons beat Ohio 3-1. The Herons lead the table."
    assert actors.actors_for(text)["Dakota Herons"].kind == "organization"


def test_an_acronym_in_brackets_names_the_words_it_spells() -> None:
    text = "The Regional Water Supply Authority (RWSA) cut supplies. RWSA said rain would help."
    found = actors.find_mentions(text)
    assert {m.actor for m in found} == {"Regional Water Supply Authority"}
    assert len(found) >= 2


@pytest.mark.parametrize(("sentence", "name"), [
    ("Labor Minister Ana Ruiz said on Monday that wages would rise.", "Ana Ruiz"),
    ("Cancer-stricken Omar Bello said on Monday that he would rest.", "Omar Bello"),
])
def test_titles_and_modifiers_are_not_part_of_a_name(sentence: str, name: str) -> None:
    assert name in actors.actors_for(sentence)


def test_a_doubled_word_makes_one_organisation() -> None:
    assert "Harbour Savings Bank" in actors.actors_for("Shares of Harbour Savings Bank Bank slid on Monday.")


def test_the_company_is_the_company_named_last() -> None:
    text = "Norlake Shipping Corp. posted a loss. On Monday, the company said it would cut jobs."
    assert _lanes(text, "Monday") == {"Monday": "Norlake Shipping Corp."}
