"""Temporary: the principal actor is the nearest mention before the time expression."""

from __future__ import annotations

from timeline_app.core.model import Mention, Timex


def principal_actor(text: str, sentence: tuple[int, int], mentions: list[Mention], timex: Timex | None) -> str | None:
    inside = [m for m in mentions if sentence[0] <= m.start < sentence[1]]
    if not inside:
        return None
    if timex is None:
        return inside[0].actor
    before = [m for m in inside if m.start < timex.start]
    return (before[0] if before else inside[0]).actor
