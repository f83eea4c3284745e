"""Decide who acts or speaks in the clause a time expression belongs to.

"A spokesman for the SDF said Russian planes targeted SDF fighters on Sunday": the reported clause holds the
time, so its subject (Russia) is the principal; a time in the speech clause would make the SDF the principal.
A clause without an actor of its own ("because they captured it on Sunday") falls back to the sentence's
speaker, then to the subject of a neighbouring clause. A pronoun subject ("He will travel", "it said", "the
three are expected to") points back through a ``Discourse``: what the earlier sentences of the text named.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from timeline_app.core.actors.tables import load_tables
from timeline_app.core.model import Mention, Timex
from timeline_app.core.patterns import trie_pattern

_SOURCE_NOUNS = ("statement|report|study|survey|research|communique|paper|newspaper|daily|letter|release|"
                 "statistics|figures|data")
_SPEECH = (r"said|says|say|told|tells|added|adds|asserted|asserting|stated|announced|announces|claimed|claims|"
           r"denied|denies|insisted|warned|warns|noted|explained|argued|declared|confirmed|acknowledged|contended|"
           r"alleged|wrote|tweeted|testified|predicted|suggested|saying|adding|accused|reported|quoted as saying")
_CONJ = ("but|while|whereas|because|although|though|as|after|before|when|since|which|who|where|and then|so that|"
         "even as|until")
# A clause ends after a speech verb (and an optional "that") and before a conjunction or punctuation. The word
# lists are prefix trees behind a one-character look-behind, so most positions cost one test.
_AFTER_SPEECH = re.compile(rf"(?<=[ \"“(])(?:{trie_pattern(_SPEECH.split('|'))})\b(?:[^.;,\"“]{{0,40}}? (?=that\b))?")
_BEFORE_CONJ = re.compile(rf"[;:\"“”]|,? (?:{trie_pattern(_CONJ.split('|'))})\b|, (?:and|saying|adding|asserting)\b")
_RELATIVE = re.compile(r", (who|which)\b")
_MODIFIER = re.compile(r"-(?:backed|led|allied|based|brokered|sponsored|supported|controlled|held|run|aligned|"
                       r"friendly|occupied|made)\b|['’]s?\b(?! (?:government|military|forces|army))")
_PREP_BEFORE = re.compile(r"\b(?:against|of|for|by|with|to|on|from|at|in|into|near|over|toward|towards|between|"
                          r"among|than|about|across|through|on behalf of|under|without|like|including|"
                          r"backed by|allied with)(?: (?:the|a|an|its|their|his|her))? $", re.IGNORECASE)
# Capitalised title words and abbreviations between a preposition and a name: "of Dr. ", "with President ".
_TITLE_WORDS = re.compile(r"(?: (?:[A-Z][a-z]{0,3}\.|[A-Z][a-z]+))+ $")
_ROLE_BEFORE = re.compile(r"\b(?:spokesman|spokeswoman|spokesperson|spokesmen|official|officials|representative|"
                          r"envoy|envoys|ambassador|ambassadors|commander|leader|leaders|statement|head|chief|"
                          r"minister|according to)"
                          r" (?:for|of|from|to)?(?: (?:the|a|an))? ?$", re.IGNORECASE)
_SPEAKER_FOLLOWS = re.compile(rf"[^.;]{{0,3}}(?:{_SPEECH})\b")
_SPEECH_WORD = re.compile(rf"\b(?:{_SPEECH}|quoted)\b")
_QUOTE = re.compile(r"[\"“”]|``|''")
# A pronoun or a counted reference at the head of a clause: "He will travel", "it said", "the three are".
# An opening phrase set off by a comma may come first: "On Monday, he said", "In exchanges last week, each side".
_PRONOUN = re.compile(r"(?:[A-Z][^,.;:\"“”]{0,50}, )?(?:[,;:\"“”`' ]|\b(?:but|and|then|so|yet|as|when|while|"
                      r"after|before|because|since|until|although|though|if|whereas)\b)*\b(?:(he|she)|"
                      r"(it)(?!['’]s| (?:is|was|has been|had been|seems|appears|remains|would be|will be)\b)|(its)|"
                      r"(they|both|each side|either side|both sides|each|the (?:two|three|four|five))|"
                      rf"(the (?:{_SOURCE_NOUNS})))\b", re.IGNORECASE)
# What a report or a study finds belongs to whoever issued it: the last speaker of the text.
_SOURCE = re.compile(rf"\baccording to (?:the |a |an )?(?:[a-z]+ ){{0,2}}(?:{_SOURCE_NOUNS})\b|"
                     rf"\b(?:said|says|showed|shows|found) the (?:{_SOURCE_NOUNS})\b|"
                     rf"\bthe (?:{_SOURCE_NOUNS}) (?:showing|shows|showed|found|finds|said|says|quoted)\b")
_COUNT = {"both": 2, "the two": 2, "the three": 3, "the four": 4, "the five": 5}
_COORDINATION = re.compile(r"^(?:,|, and|,? and| and the|, the|,? and the|, as well as)? (?:the )?$")


@dataclass
class Discourse:
    """What the sentences read so far leave for a pronoun to point back to."""

    persons: dict[str, str] = field(default_factory=dict)  # person actor -> "f", "m" or "" (unknown)
    subject: Mention | None = None  # the principal of the previous sentence
    recent: list[Mention] = field(default_factory=list)  # person mentions, most recent last
    things: list[Mention] = field(default_factory=list)  # subjects that are not persons, most recent last
    groups: list[tuple[Mention, ...]] = field(default_factory=list)  # "Poland, Hungary and the Czech Republic"
    source: Mention | None = None  # the last speaker: who issued "the statement", "the report"

    def read(self, text: str, mentions: Sequence[Mention], principal: Mention | None,
             speaker: Mention | None = None) -> None:
        """Take in one sentence: its person mentions, its lists of actors, who its principal and speaker were."""
        if speaker is not None:
            self.source = speaker
        for m in mentions:
            if m.actor in self.persons:
                self.recent.append(m)
        run: list[Mention] = []
        for m in mentions:
            if run and not _COORDINATION.match(text[run[-1].end:m.start]):
                self._group(run)
                run = []
            if not run or m.actor not in {r.actor for r in run}:
                run.append(m)
        self._group(run)
        if principal is not None:
            self.subject = principal
            if principal.actor not in self.persons:
                self.things.append(principal)

    def _group(self, run: list[Mention]) -> None:
        if len(run) >= 2:
            self.groups.append(tuple(run))

    def resolve(self, pronoun: str) -> Mention | None:
        """The mention a pronoun at the head of a clause points back to."""
        word = pronoun.lower()
        if word.startswith("the ") and word.split()[-1] in _SOURCE_NOUNS.split("|"):
            return self.source or self.subject  # "The statement said": whoever issued it
        if word in ("he", "she"):
            gender = "f" if word == "she" else "m"
            other = "m" if gender == "f" else "f"
            prev = self.subject
            if prev is not None and prev.actor in self.persons and self.persons[prev.actor] != other:
                return prev
            for m in reversed(self.recent):
                if self.persons[m.actor] != other:
                    return m
            return None
        if word in ("it", "its"):
            prev = self.subject
            if prev is not None and prev.actor not in self.persons:
                return prev
            return self.things[-1] if self.things else None
        count = _COUNT.get(" ".join(word.split()))
        for group in reversed(self.groups):
            if count is None or len(group) == count:
                return group[0]
        return self.subject if count is None else None


@dataclass(frozen=True)
class Clause:
    """A stretch of a sentence with one verb: "X said" clauses are speech; "who ..." clauses are relative."""

    start: int
    end: int
    speech: bool = False
    relative: str = ""  # "who"/"which": a relative clause set off by a comma; "resume": the main clause after it


def _clauses(text: str, start: int, end: int) -> list[Clause]:
    """Split a sentence into clauses."""
    cuts: dict[int, bool] = {}
    resumes: set[int] = set()
    for m in _AFTER_SPEECH.finditer(text, start, end):
        cuts[m.end()] = True
    for m in _BEFORE_CONJ.finditer(text, start, end):
        cuts.setdefault(m.start(), False)
    for m in _RELATIVE.finditer(text, start, end):
        # ", who were invited in July 1997, will join": the main clause resumes after the relative one
        comma = text.find(",", m.end(), end)
        if comma > 0 and text[comma + 1:comma + 2] == " " and text[comma + 2:comma + 3].islower():
            cuts.setdefault(comma, False)
            resumes.add(comma)
    clauses: list[Clause] = []
    at = start
    for cut in sorted(cuts):
        if cut > at:
            clauses.append(Clause(at, cut, cuts[cut], "resume" if at in resumes else _relative(text, at)))
            at = cut
    if at < end:
        clauses.append(Clause(at, end, False, "resume" if at in resumes else _relative(text, at)))
    return clauses


def _relative(text: str, at: int) -> str:
    m = _RELATIVE.match(text, at)
    return m.group(1) if m else ""


_ROLE_WORDS = frozenset("spokesman spokeswoman spokesperson spokesmen official officials representative envoy "
                        "envoys ambassador ambassadors commander leader leaders statement head chief minister".split())
_PREP_WORDS = frozenset("against of for by with to on from at in into near over toward towards between among than "
                        "about across through under without like including".split())
_DETERMINERS = frozenset("the a an its their his her".split())
_TITLE_WORD = re.compile(r"[A-Z][a-z]{0,3}\.|[A-Z][a-z]+")
_CALENDAR = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June "
                      "July August September October November December Jan. Feb. Mar. Apr. Aug. Sept. Sep. Oct. Nov. "
                      "Dec.".split())


def _is_subject(text: str, m: Mention, sentence_start: int) -> bool:
    """True when the mention can be who acts: not "U.S.-backed", not "against Moscow" (but "spokesman for X")."""
    if _MODIFIER.match(text, m.end):
        return False
    if m.start <= sentence_start or text[m.start - 1] != " ":
        return True
    words = text[max(sentence_start, m.start - 60):m.start].split()[-6:]
    low = [w.lower() for w in words]
    i = len(low) - 1
    article = i >= 0 and low[i] in ("the", "a", "an")
    i -= article
    if i >= 0 and low[i] in ("for", "of", "from", "to"):
        i -= 1
    if i >= 0 and (low[i] in _ROLE_WORDS or low[i] == "according" and not article):
        return True  # "a spokesman for the SDF", "according to Moscow" (but not "according to the press")
    titled = False
    n = len(words)
    while n > 1 and _TITLE_WORD.fullmatch(words[n - 1]) and words[n - 1] not in _CALENDAR:
        # "of Dr. Barnet Slepian", "with President X"; but "said on Tuesday Mike Cox" has no title
        n, titled = n - 1, True
    i = n - 1
    if i >= 0 and low[i] in _DETERMINERS:
        i -= 1
    if i < 0 or low[i] not in _PREP_WORDS:
        return True
    # "Secretary of State Madeleine Albright": the preposition is inside the title
    return titled and i > 0 and words[i - 1][:1].isupper()


_BY_AGENT = re.compile(r"\b[a-z]{3,} by (?:the |a |an )?$")  # "found by", "a study by the"
_TITLE_GAP = re.compile(r"(?:'s|’s)?(?: (?!and |or )[\w.-]+){0,4} $")
def _title_words(gap: str) -> bool:
    """True when the words between a country and a name can be a title ("Deputy Foreign Minister", "astronaut"),
    not a verb and its object ("Dar reportedly joined the Hizbul Mujahideen")."""
    return not any(w in ("the", "a", "an") or w.islower() and w.endswith(("ed", "ly")) for w in gap.split())


_NEXT_TO_VERB = re.compile(r"(?:'s|’s)?(?:,[^,]{0,90},)? ?(?:[\w.-]+ ){0,2}$")


_PASSIVE_BY = re.compile(r"\b(?:was|were|been|being|is|are|be) (?:[a-z]+ly )?[a-z]+(?:ed|en|wn|t) by (?:the |a |an )?$")


def _subject(text: str, clause: Clause, inside: list[Mention], sentence_start: int) -> Mention | None:
    """Who acts in a clause: a passive's by-agent ("was suspended by the Indiana Pacers"), else its subject."""
    for m in inside:
        if clause.start <= m.start < clause.end and _PASSIVE_BY.search(text, max(clause.start, m.start - 60), m.start):
            return m
    return _active_subject(text, clause, inside, sentence_start)


def _active_subject(text: str, clause: Clause, inside: list[Mention], sentence_start: int) -> Mention | None:
    if clause.speech:  # "..., New Zealand said": the speaker stands next to the verb
        verb = text.rfind(" ", clause.start, clause.end - 1)
        for m in reversed(inside):
            if clause.start <= m.start and m.end <= verb and _NEXT_TO_VERB.match(text, m.end, verb + 1):
                if _is_subject(text, m, sentence_start):
                    return m
                break
    for i, m in enumerate(inside):
        if clause.start <= m.start < clause.end and _is_subject(text, m, sentence_start):
            # "Russian Deputy Foreign Minister Sergei Ryabkov": the person, not the country before the title
            for n in inside[i + 1:i + 3]:
                if n.start >= clause.end or not _TITLE_GAP.match(text, m.end, n.start) or not _title_words(
                        text[m.end:n.start]):
                    break
                if n.actor != m.actor and text[n.start].isupper() and " " in text[n.start:n.end].strip():
                    return n
            return m
    for m in inside:  # "Ryabkov's remarks on Monday", "India's nationalists said": the owner of the subject
        if clause.start <= m.start < clause.end and text.startswith(("'s ", "’s "), m.end) and \
                _is_subject(text, Mention(m.start, m.start, m.actor), sentence_start):
            return m
    for m in inside:  # "the body was found by police", "a study by the institute found": the agent
        if clause.start <= m.start < clause.end and _BY_AGENT.search(text, max(clause.start, m.start - 40), m.start):
            return m
    return None


_SUBORDINATE = re.compile(r"\b(?:as|when|while|after|before|because|since|until|although|though|if|whereas)\b")


def _pronoun(text: str, clause: Clause, first: Mention | None, discourse: Discourse | None,
             named_before: Mention | None = None, speaker: Mention | None = None) -> Mention | None:
    """The antecedent of a pronoun that heads the clause before any actor is named in it.

    After "because", "as" or "when" a pronoun first points to who acts earlier in its own sentence, when that
    fits it (a person for "he", not one for "it"): "the SDF said ... because they captured it", "Howes was
    working there when he was abducted". Right after a speech verb it points first to the speaker: "Kavan said
    he was in Kansas City".
    """
    if discourse is None:
        return None
    m = _PRONOUN.match(text, clause.start, first.start if first else clause.end)
    if m is None or (first is not None and m.end() > first.start):
        return None
    if speaker is not None:
        named_before = speaker
    elif not _SUBORDINATE.search(text, m.start(), m.start(m.lastindex or 0)):
        named_before = None
    if named_before is not None:
        word = m.group(m.lastindex or 0).lower()
        person = named_before.actor in discourse.persons
        if person if word in ("he", "she") else not person if word in ("it", "its") else True:
            return named_before
    return discourse.resolve(m.group(m.lastindex or 0))


def _quoted(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quoted stretches of a sentence, when a speaker is attributed outside them."""
    marks = [m.start() for m in _QUOTE.finditer(text, start, end)]
    if not marks:
        return []
    if len(marks) % 2:  # a quotation running on from, or into, another sentence
        marks = [start, *marks] if text[marks[0]] in "”'" or marks[0] > start + 1 else [*marks, end]
    spans = list(zip(marks[::2], marks[1::2], strict=True))
    outside = " ".join(text[a:b] for a, b in zip([start] + [e for _, e in spans], [s for s, _ in spans] + [end],
                                                 strict=True))
    return spans if _SPEECH_WORD.search(outside) else []


_SPEAKER_GAP = re.compile(r"[^,.;:\"“”()]{0,60}")


def _inverted_speaker(text: str, verb_end: int, end: int, inside: list[Mention]) -> Mention | None:
    """The first name after a speech verb with no subject before it, in the same stretch of words."""
    for m in inside:
        if verb_end <= m.start < end:
            gap = _SPEAKER_GAP.match(text, verb_end, m.start)
            return m if gap is not None and gap.end() == m.start else None
    return None


class SentenceRoles:
    """The clauses of one sentence and the subject of each, worked out once for all its time expressions.

    With a ``discourse``, a pronoun subject resolves to what earlier sentences named; ``times`` are the time
    expressions of the sentence: a second time in a clause dates what is named next to it.
    """

    def __init__(self, text: str, sentence: tuple[int, int], mentions: Sequence[Mention],
                 discourse: Discourse | None = None, times: Sequence[Timex] = ()) -> None:
        start, end = sentence
        self.text, self.times, self.discourse, self.span = text, times, discourse, sentence
        inside = [m for m in mentions if start <= m.start < end]
        quoted = _quoted(text, start, end) if inside or discourse else []
        self.quoted: list[tuple[int, int, Mention]] = []  # quotations with the first name that can act in them
        if quoted:  # '"... American policy," Ryabkov was quoted as saying': the speaker, not who the quote names
            for a, b in quoted:
                first = next((m for m in inside if a <= m.start < b and _is_subject(text, m, a + 1)), None)
                if first is not None:
                    self.quoted.append((a, b, first))
            inside = [m for m in inside if not any(a <= m.start < b for a, b in quoted)]
        self.inside = inside
        self.clauses = clauses = _clauses(text, start, end) if inside or discourse else []
        subjects: list[Mention | None] = []
        for i, c in enumerate(clauses):
            s = _subject(text, c, inside, start) if inside else None
            if c.relative == "resume" and i > 1 and subjects[-2] is not None and (s is None or s.start >= c.start):
                s = subjects[-2]  # "Kopp, who is from Vermont, was indicted": the subject before the relative clause
            elif c.relative == "which" and i and s is None:
                # "the FBI's most wanted list, which began in 1950": what the clause before ended on
                before = [m for m in inside if clauses[i - 1].start <= m.start < c.start]
                s = before[-1] if before else subjects[-1]
            elif c.relative == "who" and i and (s is None or s.start > c.start + 6):
                # "a service for Botha, who died last week", "Poland, who were invited": the name right before
                near = next((m for m in reversed(inside) if c.start - 2 <= m.end <= c.start), None)
                s = near or subjects[-1] or s
            elif discourse is not None and (not c.speech or s is None):
                speaker = subjects[-1] if i and clauses[i - 1].speech else None
                s = _pronoun(text, c, s, discourse, next((x for x in subjects if x), None), speaker) or s
            subjects.append(s)
        for i, c in enumerate(clauses[:-1]):
            if c.speech and subjects[i] is None:  # '"...," said an expert with the WHO': the speaker after the verb
                subjects[i] = _inverted_speaker(text, c.end, clauses[i + 1].end, inside)
        self.subjects = subjects
        # a quotation followed by its speaker: "...," the SDF said
        self.speakers = [s for s, c in zip(subjects, clauses, strict=True) if s and (c.speech or _SPEAKER_FOLLOWS.match(
            text, s.end, s.end + 40))]

    def principal(self, timex: Timex | None) -> Mention | None:
        """Who acts or speaks in the clause of ``timex`` (in the whole sentence if None)."""
        subjects, clauses = self.subjects, self.clauses
        fallback = self.inside[0] if self.inside else None
        if timex is None or not clauses:
            return self.speakers[0] if self.speakers else next((s for s in subjects if s), fallback)
        for a, b, first in self.quoted:  # '"Elian today is the symbol of our unity," Castro said': Elian
            if a <= timex.start < b and first.start < timex.start:
                return first
        here = next((i for i, c in enumerate(clauses) if c.start <= timex.start < c.end), 0)
        if here and clauses[here - 1].speech and timex.start - clauses[here].start <= 1:
            here -= 1  # "New Zealand said Friday": the time right after the verb dates the speech
        second = _second_time(self.inside, clauses[here], subjects[here], timex, self.times)
        if second is not None:
            return second
        owner = _event_noun_owner(self.text, self.inside, timex)
        if owner is not None:
            return owner
        if subjects[here]:
            return subjects[here]
        if self.speakers:
            return self.speakers[0]
        for i in (*range(here - 1, -1, -1), *range(here + 1, len(clauses))):
            if subjects[i]:
                return subjects[i]
        if self.discourse is not None and _SOURCE.search(self.text, *self.span):
            # "Trade rose in 2005, according to the statement": whoever issued the statement
            return self.discourse.source or self.discourse.subject
        return None  # names only places, objects or no actor at all: no guess (the first name is often a place)


# "'s purchase last week", "'s strategy for next year": a singular noun, not people ("'s administrators")
_OWNER_BEFORE = re.compile(r"['’]s? (?:[a-z-]*[a-rt-z] )?[a-z-]*[a-rt-z] (?:(?:on|in|of|for|during|since|until|from) )?"
                           r"(?:the )?")
_AGENT_AFTER = re.compile(r"['’]s (?:[a-z-]+ ){1,2}by (?:the |a |an )?")


def _event_noun_owner(text: str, inside: list[Mention], timex: Timex) -> Mention | None:
    """Who does a dated event noun: its owner ("GM's purchase last week", "the airline's strategy for next
    year") or its agent ("Tuesday's declaration by Ford")."""
    for m in inside:
        if m.end <= timex.start and timex.start - m.end <= 40:
            gap = _OWNER_BEFORE.fullmatch(text, m.end, timex.start)
            if gap is not None and not any(w in load_tables().person_nouns for w in gap.group(0).split()):
                return m
        elif m.start >= timex.end and m.start - timex.end <= 40:
            if _AGENT_AFTER.fullmatch(text, timex.end, m.start):
                return m
            break
    return None


def principal_mention(text: str, sentence: tuple[int, int], mentions: Sequence[Mention], timex: Timex | None,
                      discourse: Discourse | None = None, times: Sequence[Timex] = ()) -> Mention | None:
    """The mention of the actor who acts or speaks in the clause of ``timex`` (the whole sentence if None)."""
    return SentenceRoles(text, sentence, mentions, discourse, times).principal(timex)


def _second_time(inside: list[Mention], clause: Clause, subject: Mention | None, timex: Timex,
                 times: Sequence[Timex]) -> Mention | None:
    """In "Cyprus Saturday condemned the attacks in Kenya Friday", Friday dates what Kenya saw, not Cyprus."""
    if subject is None:
        return None
    earlier = [t for t in times if clause.start <= t.start and t.end <= timex.start and t.value != timex.value
               and t.earliest is not None and subject.end <= t.end]
    if not earlier:
        return None
    between = [m for m in inside if earlier[-1].end <= m.start and m.end <= timex.start and m.actor != subject.actor]
    return between[-1] if between else None


def principal_actor(text: str, sentence: tuple[int, int], mentions: Sequence[Mention], timex: Timex | None,
                    discourse: Discourse | None = None) -> str | None:
    """The actor (a person, organisation or country) who acts or speaks in the clause of the time expression."""
    m = principal_mention(text, sentence, mentions, timex, discourse)
    return m.actor if m else None
