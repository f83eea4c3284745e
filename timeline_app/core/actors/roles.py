"""Decide who acts or speaks in the clause a time expression belongs to.

"A spokesman for the SDF said Russian planes targeted SDF fighters on Sunday": the reported clause holds the
time, so its subject (Russia) is the principal; a time in the speech clause would make the SDF the principal.
A clause without an actor of its own ("because they captured it on Sunday") falls back to the sentence's
speaker, then to the subject of a neighbouring clause.
"""

from __future__ import annotations

import re

from timeline_app.core.model import Mention, Timex

_SPEECH = (r"said|says|say|told|tells|added|adds|asserted|asserting|stated|announced|announces|claimed|claims|"
           r"denied|denies|insisted|warned|warns|noted|explained|argued|declared|confirmed|acknowledged|contended|"
           r"alleged|wrote|tweeted|testified|predicted|suggested|saying|adding|accused|reported|quoted as saying")
# A clause ends after a speech verb (and an optional "that") and before a conjunction or punctuation.
_AFTER_SPEECH = re.compile(rf"\b(?:{_SPEECH})\b(?:[^.;,\"“]{{0,40}}? (?=that\b))?")
_BEFORE_CONJ = re.compile(r"[;:\"“”]|,? \b(?:but|while|whereas|because|although|though|as|after|before|when|since|"
                          r"which|who|where|and then|so that|even as|until)\b|, (?:and|saying|adding|asserting)\b")
_MODIFIER = re.compile(r"-(?:backed|led|allied|based|brokered|sponsored|supported|controlled|held|run|aligned|"
                       r"friendly|occupied|made)\b|’s?\b(?! (?:government|military|forces|army))")
_PREP_BEFORE = re.compile(r"\b(?:against|of|for|by|with|to|on|from|at|in|into|near|over|toward|towards|between|"
                          r"among|than|about|across|through|on behalf of|under|without|like|including|"
                          r"backed by|allied with)(?: (?:the|a|an|its|their|his|her))? $", re.IGNORECASE)
_ROLE_BEFORE = re.compile(r"\b(?:spokesman|spokeswoman|spokesperson|spokesmen|official|officials|representative|"
                          r"envoy|envoys|ambassador|ambassadors|commander|leader|leaders|statement|head|chief|"
                          r"minister|according to)"
                          r" (?:for|of|from|to)?(?: (?:the|a|an))? ?$", re.IGNORECASE)
_SPEAKER_FOLLOWS = re.compile(rf"^[^.;]{{0,3}}(?:{_SPEECH})\b")


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Split a sentence into clauses: (start, end, is_speech) where is_speech marks "X said" clauses."""
    cuts: dict[int, bool] = {}
    for m in _AFTER_SPEECH.finditer(text, start, end):
        cuts[m.end()] = True
    for m in _BEFORE_CONJ.finditer(text, start, end):
        cuts.setdefault(m.start(), False)
    clauses: list[tuple[int, int, bool]] = []
    at = start
    for cut in sorted(cuts):
        if cut > at:
            clauses.append((at, cut, cuts[cut]))
            at = cut
    if at < end:
        clauses.append((at, end, False))
    return clauses


def _is_subject(text: str, m: Mention, sentence_start: int) -> bool:
    """True when the mention can be who acts: not "U.S.-backed", not "against Moscow" (but "spokesman for X")."""
    if _MODIFIER.match(text, m.end):
        return False
    before = text[max(sentence_start, m.start - 40):m.start]
    if _ROLE_BEFORE.search(before):
        return True
    return not _PREP_BEFORE.search(before)


_TITLE_GAP = re.compile(r"^(?:'s|’s)?(?: (?!and |or )[\w.-]+){0,4} $")


_NEXT_TO_VERB = re.compile(r"^(?:'s|’s)?(?:,[^,]{0,90},)? ?(?:[\w.-]+ ){0,2}$")


def _subject(text: str, clause: tuple[int, int, bool], inside: list[Mention], sentence_start: int) -> Mention | None:
    if clause[2]:  # "..., New Zealand said": the speaker stands next to the verb
        verb = text.rfind(" ", clause[0], clause[1] - 1)
        for m in reversed(inside):
            if clause[0] <= m.start and m.end <= verb and _NEXT_TO_VERB.match(text[m.end:verb + 1]):
                if _is_subject(text, m, sentence_start):
                    return m
                break
    for i, m in enumerate(inside):
        if clause[0] <= m.start < clause[1] and _is_subject(text, m, sentence_start):
            # "Russian Deputy Foreign Minister Sergei Ryabkov": the person, not the country before the title
            for n in inside[i + 1:i + 3]:
                if n.start >= clause[1] or not _TITLE_GAP.match(text[m.end:n.start]):
                    break
                if n.actor != m.actor and text[n.start].isupper() and " " in text[n.start:n.end].strip():
                    return n
            return m
    return None


def principal_mention(text: str, sentence: tuple[int, int], mentions: list[Mention],
                      timex: Timex | None) -> Mention | None:
    """The mention of the actor who acts or speaks in the clause of ``timex`` (the whole sentence if None)."""
    start, end = sentence
    inside = [m for m in mentions if start <= m.start < end]
    if not inside:
        return None
    clauses = _clauses(text, start, end)
    subjects = [_subject(text, c, inside, start) for c in clauses]
    # a quotation followed by its speaker: "...," the SDF said
    speakers = [s for s, c in zip(subjects, clauses, strict=True) if s and (c[2] or _SPEAKER_FOLLOWS.match(
        text[s.end:s.end + 40]))]
    if timex is not None:
        here = next((i for i, c in enumerate(clauses) if c[0] <= timex.start < c[1]), 0)
        if here and clauses[here - 1][2] and timex.start - clauses[here][0] <= 1:
            here -= 1  # "New Zealand said Friday": the time right after the verb dates the speech
        if subjects[here]:
            return subjects[here]
        if speakers:
            return speakers[0]
        for i in (*range(here - 1, -1, -1), *range(here + 1, len(clauses))):
            if subjects[i]:
                return subjects[i]
        return inside[0]
    if speakers:
        return speakers[0]
    return next((s for s in subjects if s), inside[0])


def principal_actor(text: str, sentence: tuple[int, int], mentions: list[Mention], timex: Timex | None) -> str | None:
    """The actor (a person, organisation or country) who acts or speaks in the clause of the time expression."""
    m = principal_mention(text, sentence, mentions, timex)
    return m.actor if m else None
