"""Temporary minimal gazetteer; replaced by the full actor recogniser."""

from __future__ import annotations

import re

from timeline_app.core.model import Actor, Mention

_ACTORS = {
    "Russia": ("country", ("Russia", "Russian", "Moscow", "Kremlin")),
    "United States": ("country", ("United States", "U.S.", "US", "Washington", "American")),
    "Syrian Democratic Forces": ("group", ("Syrian Democratic Forces", "SDF")),
}


def catalog() -> dict[str, Actor]:
    return {name: Actor(name, kind, aliases) for name, (kind, aliases) in _ACTORS.items()}


_ALTERNATIVES = sorted((a for _, als in _ACTORS.values() for a in als), key=len, reverse=True)
_PATTERN = re.compile(r"\b(" + "|".join(map(re.escape, _ALTERNATIVES)) + r")(?!\w)")
_ALIAS = {a: name for name, (_, als) in _ACTORS.items() for a in als}


def find_mentions(text: str) -> list[Mention]:
    return [Mention(m.start(), m.end(), _ALIAS[m.group(1)]) for m in _PATTERN.finditer(text)]
