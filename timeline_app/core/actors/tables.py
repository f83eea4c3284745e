"""Load the actor tables in resources/actors/ once: countries, organisations, titles."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from timeline_app.core.model import Actor

_PLURAL_STOP = ("ese", "sh", "ch", "ss", "s", "man", "men", "i-", "Swiss")


@dataclass(frozen=True)
class Tables:
    """Every static actor with the surface forms that name it."""

    actors: dict[str, Actor]
    aliases: dict[str, str]  # surface form -> canonical actor name
    capitals: frozenset[str]  # surface forms that are capitals: a metonym only when standing alone
    titles: tuple[str, ...]  # lower case, longest first
    person_nouns: frozenset[str]  # lower-case heads of an appositive that make a name a person
    female_names: frozenset[str]  # given names that are a woman's
    demonyms: frozenset[str] = frozenset()  # "Russian", "Russians": a country's adjective and its people
    state_nouns: frozenset[str] = frozenset()  # lower-case nouns that make "Russian X" the state ("Russian jets")
    place_words: frozenset[str] = frozenset()  # lower-case words before a name that make it a place ("in Kenya")
    common_acronyms: frozenset[str] = frozenset()  # upper-case words that are no actor ("CEO", "GDP")


def _rows(name: str) -> list[list[str]]:
    text = resources.files("timeline_app.resources").joinpath("actors", name).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return rows[1:]  # header


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split(";") if x.strip()]


def _plural(demonym: str) -> str | None:
    if "-" in demonym or " " in demonym or demonym.endswith(_PLURAL_STOP):
        return None
    return demonym + "s"


@cache
def load_tables() -> Tables:
    """Read the TSV files (cached: the files are read once per process)."""
    actors: dict[str, Actor] = {}
    aliases: dict[str, str] = {}
    capitals: set[str] = set()
    adjectives: set[str] = set()
    iso = {r[0]: r for r in _rows("countries.tsv")}
    for code, name, extra, caps, demonyms in (r + [""] * (5 - len(r)) for r in _rows("country_extras.tsv")):
        forms = [name, *_split(extra)]
        row = iso.get(code)
        if row:
            forms += [f for f in row[2:5] if f and "," not in f]
        dem = _split(demonyms)
        dem += [p for p in map(_plural, dem) if p]
        adjectives.update(dem)
        cap = _split(caps)
        forms = list(dict.fromkeys(forms + dem + cap))
        actors[name] = Actor(name, "country", tuple(forms))
        capitals.update(c for c in cap if c not in (name, *_split(extra)))
        for f in forms:
            aliases.setdefault(f, name)
    for name, kind, extra, affiliation in (r + [""] * (4 - len(r)) for r in _rows("organizations.tsv")):
        forms = list(dict.fromkeys([name, *_split(extra)]))
        actors[name] = Actor(name, kind, tuple(forms), affiliation.strip() or None)
        for f in forms:
            aliases.setdefault(f, name)
    titles = sorted({t.lower() for t in _lines("titles.txt")}, key=len, reverse=True)
    person_nouns = frozenset(_lines("person_nouns.txt")) | {t.split(" ")[-1] for t in titles}
    female = frozenset(_lines("female_names.txt"))
    return Tables(actors, aliases, frozenset(capitals), tuple(titles), person_nouns, female, frozenset(adjectives),
                  frozenset(_lines("state_nouns.txt")), frozenset(_lines("place_words.txt")),
                  frozenset(_lines("common_acronyms.txt")))


def _lines(name: str) -> list[str]:
    text = resources.files("timeline_app.resources").joinpath("actors", name).read_text(encoding="utf-8")
    return [t.strip() for t in text.splitlines() if t.strip() and not t.startswith("#")]
