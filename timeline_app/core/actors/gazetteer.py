"""The static actors (countries, organisations, armed groups, government bodies) and one trie regex over their names."""

from __future__ import annotations

import re
from functools import cache

from timeline_app.core.actors.tables import load_tables
from timeline_app.core.model import Actor, Mention
from timeline_app.core.patterns import trie_pattern


@cache
def _pattern() -> re.Pattern[str]:
    aliases = load_tables().aliases
    first = "".join(sorted({re.escape(a[0]) for a in aliases}))
    return re.compile(rf"(?=[{first}])(?<![\w.-])(" + trie_pattern(aliases) + r")(?![\w]|-[a-z]*[A-Z])")


def catalog() -> dict[str, Actor]:
    """Every static actor by canonical name (a copy: callers may add to it)."""
    return dict(load_tables().actors)


def gazetteer_mentions(text: str) -> list[Mention]:
    """Mentions of the static actors, longest match first; a lone capital city counts as its government."""
    tables = load_tables()
    found: list[Mention] = []
    for m in _pattern().finditer(text):
        form = m.group(1)
        if form in tables.capitals and _part_of_longer_name(text, m.start(), m.end()):
            continue  # "Washington Post", "George Washington"
        found.append(Mention(m.start(), m.end(), tables.aliases[form]))
    return found


_WORD_BEFORE = re.compile(r"([A-Z][a-z]+) $")
_CAP_AFTER = re.compile(r" [A-Z][a-z]")
# Capitalised words that start a sentence or a clause rather than a name.
_FUNCTION_WORDS = frozenset(
    "In At From To And But The For With By On Of As While Both Meanwhile If When After Before Since Until Then "
    "Also Only Even Neither Either Like Unlike Between Against Via Near Under Over Across Inside Outside".split())


def _part_of_longer_name(text: str, start: int, end: int) -> bool:
    m = _WORD_BEFORE.search(text, max(0, start - 20), start)
    if m and m.group(1) not in _FUNCTION_WORDS:
        return True
    return bool(_CAP_AFTER.match(text, end))
