"""Turn a document's time expressions and actor mentions into events, one per placed time.

A sentence with actors but no time of its own becomes an event at the time the narrative implies, marked
``implied_time``: the day the sentence just before it named, in the same paragraph ("On May 3 the army crossed
the river. It took the town."), else the publication date, when news reports what was said. The lane is the
principal actor at the country/organisation level: a person's lane is the side they speak for.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from functools import cache, lru_cache

from timeline_app.core import actors as actor_rules
from timeline_app.core.actors.roles import Discourse, SentenceRoles
from timeline_app.core.actors.tables import load_tables
from timeline_app.core.model import Actor, Document, Event, Mention, Timex
from timeline_app.core.text import sentence_spans

FALLBACK_LANE = "Unattributed"
LABEL_LIMIT = 60


def build_events(document: Document, timexes: list[Timex], mentions: list[Mention]) -> list[Event]:
    """One event per placed time expression, plus implied-time events for sentences with actors only."""
    text = document.text
    analysis = actor_rules.analyse(text)
    known = analysis.actors
    mentions = sorted(mentions, key=lambda m: m.start)
    # no actor at all: the dateline's country, else the article's main actor, not whoever came last
    doc_lane = analysis.home or _main_actor(mentions, known)
    starts = [m.start for m in mentions]
    placed = sorted((t for t in timexes if t.earliest is not None), key=lambda t: t.start)
    time_starts = [t.start for t in placed]
    discourse = Discourse(dict(analysis.genders))
    events: list[Event] = []
    last_time: Timex | None = None  # the day the previous sentence of the paragraph is about
    previous_end = 0  # the end of the last sentence that made events
    open_quote = False  # the sentence before left a quotation open
    quote_speaker: Mention | None = None  # who speaks the quotation running through these sentences
    unspoken: list[int] = []  # events of quoted sentences whose speaker is named in a later sentence
    body = analysis.dateline_end  # "NAIROBI, Kenya (AP) _": a place and the publication day, not an event
    for t in placed:  # "BEIJING, Nov. 25 (Xinhua) --": the day the agency sent its dispatch
        if t.end > body:
            break
        agency = next((m for m in mentions if t.end <= m.start and m.end <= body and known.get(m.actor) is not None
                       and known[m.actor].kind != "country"), None)
        if agency is not None:
            dateline = text[:body].strip()
            events.append(_event(document, len(events), dateline, 0, body, t, (agency.actor,), agency.actor,
                                 _clip(f"{agency.actor} dispatch: {dateline}"), False))
    for start, end in sentence_spans(text):
        if start < body:
            start = body + len(text[body:end]) - len(text[body:end].lstrip())
            if start >= end:
                continue
        if "\n\n" in text[previous_end:start]:
            last_time = None
        if start == 0 and text[start:end].strip() == document.title.strip():
            continue  # the headline sums up the article; its events come from the body
        lo = bisect_left(time_starts, start)
        own = placed[lo:bisect_left(time_starts, end, lo)]
        lo = bisect_left(starts, start)
        in_sentence = mentions[lo:bisect_left(starts, end, lo)]
        if not own and not in_sentence:
            continue  # names nobody and dates nothing: no event, and a pronoun after it still means the same one
        roles = SentenceRoles(text, (start, end), in_sentence, discourse, own)
        actors = tuple(dict.fromkeys(m.actor for m in in_sentence))
        sentence = text[start:end]
        marks = len(_QUOTE_MARK.findall(sentence)) if '"' in sentence or "“" in sentence or "''" in sentence \
            or "``" in sentence or "”" in sentence else 0
        quoted = _all_quoted(sentence, open_quote)
        for t in own or [None]:
            who = roles.principal(t)
            if who is None and quoted and t is not None:  # '"We will win now."': the quotation's speaker
                who = quote_speaker
                if who is None:
                    unspoken.append(len(events))
            # a dated sentence whose clause names nobody who acts is unattributed, not the article's country
            lane = actor_rules.lane_of(who.actor, known) if who else doc_lane if t is None else None
            time = t or last_time or _publication_time(document, start)
            label = make_label(text, (start, end), who, t, known, own)
            events.append(_event(document, len(events), sentence, start, end, time, actors, lane, label, t is None))
        speaker = roles.speakers[0] if roles.speakers else None
        if marks and speaker is not None:  # the speaker of a quotation, named after quoted sentences
            for i in unspoken:
                events[i] = _with_lane(events[i], actor_rules.lane_of(speaker.actor, known))
            quote_speaker = speaker
        if not marks and not quoted:
            quote_speaker = None
        if not marks and not quoted or speaker is not None:
            unspoken = []
        open_quote = open_quote != bool(marks % 2)
        last_time = own[-1] if own and own[-1].is_point else None
        previous_end = end
        if in_sentence:
            discourse.read(text, in_sentence, roles.principal(None), roles.speakers[0] if roles.speakers else None)
    return events


def _event(document: Document, n: int, sentence: str, start: int, end: int, time: Timex,
           actors: tuple[str, ...], lane: str | None, label: str, implied: bool) -> Event:
    lane = lane or FALLBACK_LANE
    if lane not in actors and lane != FALLBACK_LANE:
        actors = (lane, *actors)
    return Event(id=f"{document.id}:{n}", document=document.id, sentence=sentence,
                 sentence_start=start, sentence_end=end, time=time, actors=actors, lane=lane,
                 label=label, implied_time=implied)


_QUOTE_MARK = re.compile(r"[\"“”]|``|''")
_CLOSE_AT_END = re.compile(r"[\"”]|''")


def _all_quoted(sentence: str, open_quote: bool) -> bool:
    """True when the whole sentence is the words of a quotation, with no speaker named in it: it runs on from
    the sentence before, or opens the sentence, and closes (if at all) at its end."""
    if not open_quote and sentence.lstrip()[:1] not in ('"', "“", "`"):
        return False
    body = sentence.strip()
    opening = re.match(r"[\"“]|``", body)
    if not open_quote and opening is None:
        return False
    rest = body[opening.end():] if opening else body
    close = _QUOTE_MARK.search(rest)
    return close is None or close.end() >= len(rest) - 1


def _with_lane(event: Event, lane: str) -> Event:
    actors = event.actors if lane in event.actors else (lane, *event.actors)
    return replace(event, lane=lane, actors=actors)


def _publication_time(document: Document, at: int) -> Timex:
    ref = document.reference_date
    return Timex(at, at, "", "DATE", ref.isoformat(), ref, ref, anchor="reference")


def _main_actor(mentions: list[Mention], known: dict[str, Actor]) -> str | None:
    counts = Counter(actor_rules.lane_of(m.actor, known) for m in mentions)
    return counts.most_common(1)[0][0] if counts else None


# --- labels: "Ryabkov says U.S. to blame for death of Russian general" ---------------------------------------

_IRREGULAR = {"said": "says", "held": "holds", "made": "makes", "told": "tells", "took": "takes", "met": "meets",
              "gave": "gives", "won": "wins", "lost": "loses", "left": "leaves", "sent": "sends", "came": "comes",
              "went": "goes", "saw": "sees", "began": "begins", "fought": "fights", "struck": "strikes",
              "shot": "shoots", "broke": "breaks", "wrote": "writes", "paid": "pays", "sold": "sells",
              "bought": "buys", "led": "leads", "hit": "hits", "set": "sets", "put": "puts", "cut": "cuts",
              "had": "has", "did": "does", "got": "gets", "chose": "chooses", "signed": "signs",
              "fled": "flees", "rose": "rises", "fell": "falls", "kept": "keeps", "spoke": "speaks", "ran": "runs",
              "stood": "stands", "found": "finds", "built": "builds", "meant": "means", "drove": "drives"}
# Verbs of saying that a headline writes as "says"; the others keep their own meaning ("denies", "warns").
_SAYS = frozenset("said asserted stated declared noted added told explained remarked commented".split())
_AUX = frozenset("is are was were be been being has have had do does did".split())
_MODAL = frozenset("will would shall could can may might must".split())
_ARTICLE = frozenset("the a an".split())
_NOT_VERB = frozenset("the a an and or but of in on at to for with by from as its his her their our this that these "
                      "those who which also not no yet still already than then so such there here".split())
_STOP = _NOT_VERB | _AUX | _MODAL | frozenset("it they he she we i you them him us said says over under after before "
                                              "into about between during out up down off more most".split())
# Where a label's clause ends: a comma before a participle or a conjunction, or any stronger mark.
_LABEL_END = re.compile(r"[;:(\[]|\.\.\.|, (?:saying|adding|asserting|using|killing|calling|but|while|"
                        r"which|who|and|as)\b| (?:but|while|whereas|because|although|though|without)\b|"
                        r" and (?:a|an|the)\b|,$")
_TOKEN = re.compile(r"[A-Za-z0-9][\w'’.-]*|,")
_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
_TIME_PREP = re.compile(r"(?:\b(?:on|in|at|over|during|since|by|from|until|of|this|last|next|earlier|later)\s+)+$",
                        re.IGNORECASE)
_HEAD_PRONOUN = re.compile(r"\b(?:he|she|it|they|both|the (?:two|three|four|five))\b(?:['’]s)?", re.IGNORECASE)
_ACRONYM = re.compile(r"(?:[A-Z]\.){2,3}|[A-Z]{2,5}")
_BRACKETS = re.compile(r"^\s*\([^)]{1,12}\)")
_APPOSITION = re.compile(r"^(?:'s|’s)?\s*,[^,]{1,90},")
_OPENING_QUOTE = re.compile(r"\s*(?:``|[\"“])")
_CLOSING_QUOTE = re.compile(r",?(?:''|[\"”])")


@cache
def _abbreviations() -> dict[str, str]:
    """Headline short forms of actors with a dotted acronym: "United States" -> "U.S."."""
    out = {}
    for actor in load_tables().actors.values():
        short = [a for a in actor.aliases if re.fullmatch(r"(?:[A-Z]\.){2,3}", a)]
        if short:
            out[actor.name] = short[0]
    return out


# Past-tense stems that lose an "e" before "-ed": "declar(ed)" -> "declares", "exchang(ed)" -> "exchanges".
_TAKES_E = ("at", "ur", "iv", "us", "ag", "uc", "ct", "id", "ov", "ar", "ir", "lv", "rg", "rv", "ok", "av", "ac", "ad",
            "nc", "ys", "ot", "in", "ez", "rs", "ud", "ang", "eng", "ung", "ul", "vit", "bl", "pl", "tl", "dl", "gl",
            "kl", "cl")
_TAKES_NO_E = ("ect", "act", "ain", "oin", "ein", "ard", "ord", "ead", "oad", "eat", "oat")


def _present(verb: str) -> str:
    """Headline tense: "asserted" -> "asserts", "denied" -> "denies"."""
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb.endswith("ied"):
        return verb[:-3] + "ies"
    if verb.endswith(("ssed", "shed", "ched", "xed", "zed")) and not verb.endswith(("ized", "ised")):
        return verb[:-2] + "es"
    if verb.endswith("ed") and len(verb) > 4:
        stem = verb[:-2]
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":
            stem = stem[:-1]  # "planned" -> "plan"
        elif stem.endswith(_TAKES_E) and not stem.endswith(_TAKES_NO_E):
            stem += "e"  # "declared" -> "declare", "quoted" -> "quote"
        return stem + "s"
    return verb


def _headline_name(actor: Actor | None, surface: str, text: str) -> str:
    """How a headline names an actor: a person by surname, "U.S." for the United States, "SDF" when the text
    uses the acronym; a demonym as written ("Russian")."""
    if actor is None:
        return surface
    if actor.kind == "person":
        return actor.aliases[-1]
    if surface == actor.name:
        short = [a for a in actor.aliases if _ACRONYM.fullmatch(a) and a in text]
        if short:
            return min(short, key=lambda a: (text.index(a), -len(a)))
        return actor.name
    return surface


def _subject_end(text: str, start: int, end: int, who: Mention) -> int | None:
    """Where the subject's words end: after the mention, or after the pronoun standing for it (None if the
    sentence names it by neither)."""
    if start <= who.start < end:
        return who.end
    quoted = end
    if _OPENING_QUOTE.match(text, start):  # '"...," he said': the pronoun after the quotation
        close = max(text.rfind("\"", start + 1, end), text.rfind("”", start, end), text.rfind("''", start, end))
        quoted = close if close > start else end
    m = _HEAD_PRONOUN.search(text, quoted if quoted < end else start, end) or _HEAD_PRONOUN.search(text, start, end)
    return m.end() if m else None


def _quotation(text: str, start: int, end: int) -> str | None:
    """The words of a quotation that opens the sentence (or ends there, opened in the sentence before)."""
    m = _OPENING_QUOTE.match(text, start)
    close = _CLOSING_QUOTE.search(text, m.end() if m else start, end)
    if m is None and (close is None or _OPENING_QUOTE.search(text[start:close.start()])):
        return None
    return text[m.end() if m else start:close.start() if close else end]


def make_label(text: str, sentence: tuple[int, int], who: Mention | None, timex: Timex | None,
               known: dict[str, Actor], times: Sequence[Timex] = ()) -> str:
    """A short headline-style label: who, a present-tense verb and the words that follow, without articles.

    "Russian Deputy Foreign Minister Sergei Ryabkov asserted on September 25 that the United States was to blame
    for the death of a Russian general" -> "Ryabkov says United States to blame for death of Russian general".
    """
    start, end = sentence
    if who is None:
        return _clip(" ".join(text[start:end].split()))
    outside = not start <= who.start < end
    subject = _headline_name(known.get(who.actor), text[who.start:who.end].removeprefix("the "), text)
    after = _subject_end(text, start, end, who)
    if after is None:  # "Trade rose in 2005, according to the statement": the source, then what it reports
        reported = " ".join(_without_times(text, start, end, (*times, *([timex] if timex else []))).split())
        return _clip(f"{subject}: " + re.sub(r" (?=[,.;:])", "", reported).rstrip(". "))
    quote = _quotation(text, start, end)
    if quote is not None and (outside or after > start + len(quote) + 1):  # '"...," Ryabkov was quoted as saying'
        return _clip(f"{subject}: " + " ".join(w for w in _WORD.findall(quote) if w.lower() not in _ARTICLE))
    if quote is not None and who.end <= start + len(quote) + 1 and _OPENING_QUOTE.match(text, start):
        # '"Elian today is the symbol," Castro said': the quotation, its subject in it
        return _clip(" ".join(w for w in _WORD.findall(quote) if w.lower() not in _ARTICLE))
    times = (*times, *([timex] if timex else []))
    rest = _without_times(text, after, end, times)
    rest = _BRACKETS.sub(" ", rest, 1)  # "(SDF)"
    rest = _APPOSITION.sub(" ", rest, 1)  # an appositive: "Ryabkov, a deputy minister,"
    for name, short in _abbreviations().items():  # "the United States" -> "U.S."
        if name in rest:
            rest = rest.replace(f"the {name}", short).replace(name, short)
    cut = _LABEL_END.search(rest)
    words = [w.rstrip(".") if w.islower() else w for w in
             _TOKEN.findall(rest[:cut.start()] if cut and cut.start() > 0 else rest)]  # "said." -> "said"
    actor = known.get(who.actor)
    possessive = rest.startswith(("'s ", "’s "))
    if possessive:  # "Castro's remarks", "Cuba's government"
        subject, words = f"{subject}'s", words[1:]
    demonym = actor is not None and actor.kind == "country" and subject != actor.name and subject[:1].isupper() \
        and subject.endswith(("an", "ese", "ish", "ch", "i"))
    head = 0  # "India's Hindu nationalists": the capitalised words and the noun that the owner qualifies
    while (demonym or possessive) and head < min(3, len(words) - 1) and words[head][:1].isupper():
        head += 1
    if (demonym or possessive) and words and words[head].islower() and words[head] not in _STOP:
        plural = words[head].endswith("s") and not words[head].endswith("ss")
        subject, words = " ".join([subject, *words[:head + 1]]), words[head + 1:]  # "Russian soldiers"
        phrase = _verb_phrase(words, first_is_verb=True)
        if phrase and plural:
            phrase[0] = _plural_verb(phrase[0])
    else:
        phrase = _verb_phrase(words)
    if phrase is None:
        return _clip(" ".join(text[start:end].split()))
    if len(phrase) == 1 and phrase[0] == "says" and who.start > start + 20 and not outside:
        # "The new government hopes to double exports, Aziz said": the speaker, then what was said
        said = _TOKEN.findall(_without_times(text, start, who.start, times))
        while said and (said[-1] == "," or said[-1].lower() in _STOP or said[-1][:1].isupper()):
            said.pop()
        return _clip(f"{subject}: " + " ".join(w for w in said if w.lower() not in _ARTICLE).replace(" ,", ","))
    return _clip(" ".join([subject, *phrase]).replace(" ,", ",").rstrip(".,"))


def _plural_verb(verb: str) -> str:
    """ "stands" -> "stand", "denies" -> "deny" for a plural subject."""
    if verb == "has":
        return "have"
    if verb.endswith("ies"):
        return verb[:-3] + "y"
    if verb.endswith(("ches", "shes", "sses", "xes", "oes")):
        return verb[:-2]
    return verb[:-1] if verb.endswith("s") and not verb.endswith("ss") else verb


def _without_times(text: str, start: int, end: int, times: Sequence[Timex]) -> str:
    """The text between two offsets with its time expressions (and "on", "over the" before them) blanked out:
    the time is shown by the axis, not the label."""
    rest = text[start:end]
    for t in times:
        if start <= t.start and t.end <= end:
            a, b = t.start - start, t.end - start
            near = max(0, a - 40)  # the words right before the time; the regex need not scan the whole head
            head = rest[:near] + _TIME_PREP.sub("", rest[near:a])
            rest = head + " " * (a - len(head) + b - a) + rest[b:]
    return rest


def _verb_phrase(words: list[str], first_is_verb: bool = False) -> list[str] | None:
    """The verb in headline form and the words after it, articles and auxiliaries dropped; None without a verb."""
    for i, w in enumerate(words[:8]):
        low = w.lower()
        if w == "," or not w.islower() or low in _NOT_VERB:
            continue
        if first_is_verb and i == 0 and low not in _AUX and low not in _MODAL:
            return [_present(low) if low.endswith("ed") or low in _IRREGULAR else low, *_object(words[1:])]
        if low in _MODAL:  # "will travel" -> "to travel"
            verb = ["to"]
        elif low in _AUX:
            verb = []  # "was killed" -> "killed", "was to blame" -> "to blame", "has said" -> "says"
            nxt = next((x for x in words[i + 1:i + 3] if x.islower() and x not in _STOP or x == "to"), None)
            if nxt is not None and low in ("has", "have", "had") and (nxt.endswith("ed") or nxt in _IRREGULAR):
                words = [*words[:i + 1], *words[i + 1:]]
                j = words.index(nxt, i + 1)
                return ["says" if nxt in _SAYS else _present(nxt), *_object(words[j + 1:])]
            if nxt is None:
                continue
        elif low.endswith("ed") or low in _IRREGULAR:
            verb = ["says" if low in _SAYS else _present(low)]
        elif low.endswith("s") and i == 0:
            verb = [low]  # "U.S. supports", "Nauert denies"
        else:
            continue
        return [*verb, *_object(words[i + 1:])]
    return None


def _object(words: list[str]) -> list[str]:
    kept: list[str] = []
    for i, w in enumerate(words):
        low = w.lower()
        if low in _ARTICLE or (low in ("is", "are", "was", "were") and words[i + 1:i + 2] == ["to"]):
            continue  # "the"; "U.S. was to blame" -> "U.S. to blame" (other auxiliaries keep the sense)
        if low == "that" and not kept and words[i + 1:i + 2] != ["and"]:
            continue  # "says that X": "says X"; but "denies that and ..." keeps it
        if low == "and" and i + 1 < len(words) and words[i + 1].endswith("ed") and kept:
            kept.append(",")  # "denied that and called" -> "denies that, calls"
            words[i + 1] = _present(words[i + 1])
            continue
        kept.append(w)
        if len(kept) >= 8:
            break
    while kept and (kept[-1].lower() in _STOP or kept[-1] == ","):
        kept.pop()
    return kept


def _clip(label: str, limit: int = LABEL_LIMIT) -> str:
    if len(label) <= limit:
        return label
    return label[:limit].rsplit(" ", 1)[0] + "…"


# --- merging the same happening across documents ---------------------------------------------------------------

MERGE_SIMILARITY = 0.3


@lru_cache(maxsize=16384)  # the window merges again after every correction: a sentence's words are worked out once
def _content_words(sentence: str) -> frozenset[str]:
    return frozenset(w.lower().strip(".'’") for w in _WORD.findall(sentence)
                     if w.lower() not in _STOP and len(w) > 2)


def _span(t: Timex) -> tuple[date, date]:
    lo, hi = t.earliest, t.latest or t.earliest
    lo = lo.date() if isinstance(lo, datetime) else lo
    hi = hi.date() if isinstance(hi, datetime) else hi
    return lo, hi  # type: ignore[return-value]


def same_happening(a: Event, b: Event, threshold: float = MERGE_SIMILARITY) -> bool:
    """Same lane, overlapping dates and similar words (Jaccard on content words)."""
    if a.lane != b.lane or a.time.earliest is None or b.time.earliest is None:
        return False
    return _alike(_span(a.time), _content_words(a.sentence), _span(b.time), _content_words(b.sentence), threshold)


def _alike(a: tuple[date, date], wa: frozenset[str], b: tuple[date, date], wb: frozenset[str],
           threshold: float) -> bool:
    """Overlapping dates and similar words: :func:`same_happening` once the lanes match."""
    if a[1] < b[0] or b[1] < a[0]:
        return False
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= threshold


def group_same_happenings(events: list[Event], threshold: float = MERGE_SIMILARITY) -> list[list[Event]]:
    """Group events that report one happening from different documents; order follows the input.

    An event joins the first group whose first event is the same happening (:func:`same_happening`) and that
    holds no report from its document yet. Only groups of its own lane can match, and each first event's dates
    and words are worked out once: 4,400 events of 500 articles group in well under a second, not in seconds.
    """
    groups: list[list[Event]] = []
    # lane -> its groups that can take more reports: (group, first event's days, its words, documents in it)
    open_groups: dict[str, list[tuple[list[Event], tuple[date, date], frozenset[str], set[str]]]] = {}
    for e in events:
        if e.time.earliest is None:  # never the same happening as anything
            groups.append([e])
            continue
        span, words = _span(e.time), _content_words(e.sentence)
        first, last = span
        for group, first_span, first_words, documents in open_groups.get(e.lane, ()):
            if first_span[1] < first or last < first_span[0]:
                continue  # most groups of a busy lane are about other days: the cheap test first
            if e.document not in documents and _alike(first_span, first_words, span, words, threshold):
                group.append(e)
                documents.add(e.document)
                break
        else:
            group = [e]
            groups.append(group)
            open_groups.setdefault(e.lane, []).append((group, span, words, {e.document}))
    return groups


def merged_event(group: Sequence[Event]) -> Event:
    """One event for the reports of one happening: the most precise, with every actor and every source."""
    best = min(group, key=lambda e: (e.implied_time, _width(e.time)))
    actors = tuple(dict.fromkeys(a for e in group for a in e.actors))
    sources = tuple(dict.fromkeys(e.document for e in group))
    return replace(best, actors=actors, sources=sources)


def merge_events(events: list[Event], threshold: float = MERGE_SIMILARITY) -> list[Event]:
    """One event per happening: the most precise report, its actors the union of all, linked to every source."""
    return [merged_event(group) for group in group_same_happenings(events, threshold)]


def _width(t: Timex) -> int:
    lo, hi = _span(t)
    return (hi - lo).days
