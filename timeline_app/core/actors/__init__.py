"""Find the actors a text names and decide who acts in a clause."""

from __future__ import annotations

from collections.abc import Iterable

from timeline_app.core.actors import gazetteer
from timeline_app.core.actors.recognise import actors_for, analyse, dateline_country, find_mentions
from timeline_app.core.actors.roles import principal_actor
from timeline_app.core.model import Actor


def catalog(texts: Iterable[str] = ()) -> dict[str, Actor]:
    """Every known actor by canonical name: the static tables, plus the persons and organisations ``texts`` name."""
    known = gazetteer.catalog()
    for text in texts:
        known.update(actors_for(text))
    return known


def lane_of(actor: str, actors: dict[str, Actor]) -> str:
    """The organisation/country level of an actor: a person's affiliation, else the actor itself."""
    record = actors.get(actor)
    if record is not None and record.kind == "person" and record.affiliation:
        return record.affiliation
    return actor


__all__ = ["actors_for", "analyse", "catalog", "dateline_country", "find_mentions", "lane_of", "principal_actor"]
