"""Words for what the views show: dates of an event and how its time was resolved."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from timeline_app.core.model import Document, Event, Timex


def when_text(value: date | datetime | None) -> str:
    if value is None:
        return "?"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def span_text(t: Timex) -> str:
    """'2017-09-25', or '2017-09-18 – 2017-09-24' for a vague time."""
    if t.earliest == t.latest:
        return when_text(t.earliest)
    return f"{when_text(t.earliest)} – {when_text(t.latest)}"


def date_text(t: Timex) -> str:
    """The span plus the TIMEX3 value when it says more ('2017-W38')."""
    span = span_text(t)
    if t.value and t.value not in span:
        return f"{span} ({t.value})"
    return span


def resolution_text(event: Event, document: Document | None) -> str:
    """How the event got its time: 'last week, relative to the publication date 2017-09-26'."""
    t = event.time
    ref = document.reference_date.isoformat() if document else "?"
    if event.implied_time:
        if not t.text:
            return f"no time of its own: placed at the publication date {ref}"
        return f"no time of its own: taken from “{t.text}” earlier in the text"
    if t.anchor == "reference":
        return f"{t.text}, relative to the publication date {ref}"
    if t.anchor == "previous":
        return f"{t.text}, relative to the time mentioned before it"
    return f"{t.text}, an absolute date"


def short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def source_titles(event: Event, titles: Mapping[str, str]) -> list[str]:
    """The titles of the documents reporting an event: its own, or all those merged into it."""
    return [titles.get(d, d) for d in (event.sources or (event.document,))]
