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
