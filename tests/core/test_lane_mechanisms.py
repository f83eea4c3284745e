"""Lanes for speakers, relative clauses, passives, sources and descriptions, on invented sentences."""

from __future__ import annotations

import re
from datetime import date

from timeline_app.core import actors
from timeline_app.core.events import build_events
from timeline_app.core.model import Document, Timex


def _events(text: str, *phrases: str):
    times = sorted((Timex(m.start(), m.end(), p, "DATE", "2012-03-12", date(2012, 3, 12), date(2012, 3, 12))
                    for p in phrases for m in re.finditer(re.escape(p), text)), key=lambda t: t.start)
    doc = Document("d", "d.txt", "d", text, date(2012, 3, 14), "user")
    return [e for e in build_events(doc, times, actors.find_mentions(text)) if not e.implied_time]


def _lanes(text: str, *phrases: str) -> dict[str, str]:
    """The lane of the event each phrase (a day in March 2012) makes."""
    return {e.time.text: e.lane for e in _events(text, *phrases)}


def test_a_relative_clause_is_about_the_name_right_before_it() -> None:
    text = ("President Anna Kowalska and former president Jan Nowak attended a service for Piotr Zielinski, "
            "who died at 90 last week, in Warsaw.")
    assert _lanes(text, "last week") == {"last week": "Piotr Zielinski"}
