"""Find every actor a text names: the static gazetteer plus the persons and organisations the text introduces.

One pass over the capitalised word runs of the text decides what each run is: a person after a title or role
("Deputy Foreign Minister Sergei Ryabkov", "spokeswoman Heather Nauert") or before a speech verb ("John Smith
said"), an organisation by its last word ("Sony Corp.", "Interior Ministry"). Later short forms ("Ryabkov",
"Sony") and acronyms in brackets link back to the same actor.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from timeline_app.core.actors.gazetteer import gazetteer_mentions
from timeline_app.core.actors.tables import load_tables
from timeline_app.core.model import Actor, Mention

_ABBR = r"(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Sgt|Capt|Cmdr|Adm|Gov|Sen|Rep|Rev|Prof|St|Jr|Sr|Corp|Inc|Co|Ltd|Brig)\."
_NAME_WORD = r"(?:O'|Mc|Mac)?[A-Z][a-z\u00C0-\u024F'’]+(?:[A-Z][a-z]+)*(?:-[A-Za-z][a-z\u00C0-\u024F]+)*"
_WORD = rf"(?:{_ABBR}|{_NAME_WORD}|(?:[A-Z]\.){{1,3}}|[A-Z]{{2,}}s?)"
_JOIN = r"(?: | of | of the | & | al-| el-| bin | ibn | de | da | van | von | van der | le | la | du | ben )"
_RUN_RE = re.compile(rf"(?=[A-Z])(?<![\w.-]){_WORD}(?:{_JOIN}{_WORD})*")
_SPACE_SPLIT = re.compile(r"[^ ]+")
_SPEECH = (r"said|says|say|told|tells|added|adds|asserted|stated|announced|announces|claimed|claims|denied|denies|"
           r"insisted|warned|warns|noted|explained|argued|declared|confirmed|acknowledged|contended|alleged|wrote|"
           r"tweeted|testified|predicted|suggested|urged|accused|blamed")
_SPEECH_AFTER = re.compile(rf"(?:'s?|’s?)?(?:,[^,.;\"“]{{2,90}},|,)? (?:also |later |then )?(?:{_SPEECH})\b")
_SPEECH_BEFORE = re.compile(rf"\b(?:{_SPEECH}) $")
_APPOSITIVE = re.compile(r",? (?:a|an|the|who is|who was)\b([^,.;\"“]{1,90})")
_PERSON_APPOSITIVE = re.compile(r", (?:a|an|the|who is|who was) ([^,;\"“]{1,60})")
_PLACE_WORDS = frozenset("Mountain Mountains River Lake Sea Ocean Island Islands Valley Province Street Square "
                         "Conference Conferences Games Cup Championship Summit Forum".split())
_AGE = re.compile(r", (?:aged )?\d{1,3},|, who\b")  # "Mohamed, 24, allegedly rented", "Botha, who died"
_LOWER_BEFORE = re.compile(r"([a-z][a-z.-]*(?: [a-z][a-z.-]*){0,2}) $")
_ACRONYM = re.compile(r" \(([A-Z][A-Za-z.&-]{1,9})\)")
_BYLINE = re.compile(r"(?m)^[ \t]*[Bb]y ((?:[A-Z][a-z]+ ){1,2}[A-Z][a-z]+)[ \t]*$")
_AND_BEFORE = re.compile(r"\b((?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+) and $")
_LINK_GAP = re.compile(r"(?:'s|’s)? ?$")

# Last words that make a run an organisation; a government body when a country is named before it.
_ORG_SUFFIX = frozenset(
    "Corp. Corp Inc. Co. Ltd. Ltd PLC AG Ministry Department Agency Party Council Committee Commission Bank "
    "Association Union Front Army Court Group Company Institute University Foundation Organization Organisation "
    "Federation Authority Board Service Airlines Motors Fund Trust Bureau Office Police Navy Parliament Assembly "
    "Network Corporation Industries Holdings Airways Securities Commission Coalition Alliance Movement Forces "
    "Guard Command Brigade Battalion Tribunal Cabinet Government Legislature Senate Force Centre Center "
    "Exchange Conference Society Club Corps Administration Airline Agency News Press Times Post Journal "
    "Broadcasting Television Radio Hospital Church Laboratories Laboratory Group Team Institute Commission".split())
_GOVERNMENT = frozenset(
    "Ministry Department Agency Army Navy Police Parliament Office Cabinet Government Forces Guard Command "
    "Legislature Senate Court Council Embassy Military".split())
_NOT_NAME = frozenset(
    "January February March April May June July August September October November December Monday Tuesday "
    "Wednesday Thursday Friday Saturday Sunday The A An In On At But And Or He She It They We I You His Her Their "
    "This That These Those There Here Today Yesterday Tomorrow Meanwhile However Also Still Yet If When While "
    "Officials Police Sources Analysts Experts Reuters AP AFP Xinhua Tass Interfax God Christmas Easter "
    "After Before Since Under Over With Without From For By As Despite Although Though Asked According "
    "Later Earlier Whereas Then Now Thus Instead Besides Moreover Furthermore Nevertheless Nonetheless Indeed "
    "Even Only Once Both Neither Either Every Each Some Many Most Several Another Other Such Unlike Like Following "
    "Including During Until Among Amid Against Between Through Throughout Within Upon Toward Because Unless "
    "Whether Where What Who Why How Which Whose No Not All Any Its Our My Your Yes So To Of Last Next".split())


# Titles whose holder speaks for a state: without a country named, the article's country is meant.
_STATE_TITLES = frozenset("president minister premier chancellor king queen ambassador secretary emir prince "
                          "state government".split())
_FEMALE_TITLES = frozenset("spokeswoman chairwoman congresswoman businesswoman mrs. ms. miss queen princess lady "
                           "dame".split())
_MALE_TITLES = frozenset("spokesman chairman congressman businessman mr. king prince sir lord".split())
# "NAIROBI, Kenya (AP) _", "BUDAPEST, March 12 (Xinhua) --": a place in capitals opening a line near the top.
_DATELINE = re.compile(r"(?m)^[ \t]*([A-Z][A-Z.'’ -]{2,30}[A-Z])(?:, ([A-Z][A-Za-z. ]{1,30}?))?,?[ \t]*"
                       r"(?:\(|_|--|—|[A-Z][a-z]{2,8}\.? \d)")


_DATELINE_TAIL = re.compile(r"[^\n]{0,60}?(?:\)[ \t]*(?:_|--|—)?|_|--|—)[ \t]*")


@dataclass(frozen=True)
class Analysis:
    """The mentions of one text and the actor record of every actor they name."""

    mentions: tuple[Mention, ...]
    actors: dict[str, Actor]
    genders: dict[str, str] = field(default_factory=dict)  # person -> "f", "m" or "" when the text does not say
    home: str | None = None  # the country of the dateline, else the country the text names most
    dateline_end: int = 0  # where the text after a dateline ("NAIROBI, Kenya (AP) _ ") starts


def dateline_end(text: str) -> int:
    """Where the story starts after its dateline ("HAVANA (AP) -- "), 0 without one."""
    m = _DATELINE.search(text, 0, 400)
    if m is None:
        return 0
    tail = _DATELINE_TAIL.match(text, m.start(1))
    return tail.end() if tail else 0


_AGENCY = re.compile(r"\(([A-Z][A-Za-z.&-]{1,15})\)")


def dateline_agency(text: str) -> tuple[int, int] | None:
    """Where the news agency of a dated dateline is named: "BEIJING, Nov. 25 (Xinhua) --" dates its dispatch.

    A dateline without a day ("HAVANA (AP) --") dates nothing, and the agency is then no actor of the story.
    """
    m = _DATELINE.search(text, 0, 400)
    if m is None:
        return None
    end = dateline_end(text)
    agency = _AGENCY.search(text, m.start(1), end)
    if agency is None or not any(c.isdigit() for c in text[m.start(1):agency.start()]):
        return None
    return agency.span(1)


def dateline_country(text: str) -> str | None:
    """The country of the place a news dateline names ("NAIROBI, Kenya (AP)" -> Kenya), if any."""
    m = _DATELINE.search(text, 0, 400)
    if m is None:
        return None
    aliases = load_tables().aliases
    for part in (m.group(2), m.group(1).title()):
        if part and part.strip() in aliases:
            return aliases[part.strip()]
    return None


@cache
def _titles() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(t.split(" ")) for t in load_tables().titles)


def _title_prefix(words: list[str]) -> int:
    """How many leading words form a title ("Deputy Foreign Minister"), 0 if none."""
    titles = _titles()
    low = [w.lower() for w in words]
    for k in range(min(4, len(words) - 1), 0, -1):
        if tuple(low[:k]) in titles:
            return k
    return 0


def _lower_title_before(text: str, start: int) -> int | None:
    """Where a lower-case title such as "spokeswoman" or "deputy foreign minister" right before ``start`` begins."""
    if start < 2 or text[start - 1] != " ":
        return None
    if text.startswith(" -- ", start - 4):  # "The suspect -- Khalfan Khamis Mohamed --"
        end = start - 4
        words = text[max(0, end - 20):end].split(" ")[-1:]
        return end - len(words[0]) if words[0] in load_tables().person_nouns else None
    if not text[start - 2].islower():
        return None
    words = text[max(0, start - 40):start - 1].split(" ")[-3:]
    titles = _titles()
    for k in range(len(words)):
        if tuple(words[k:]) in titles:
            return start - 1 - len(" ".join(words[k:]))
    # "Saudi radical Osama bin Laden", "American businessman John Smith": a person noun right after a country
    if words[-1] in load_tables().person_nouns and len(words) >= 2 and words[-2][:1].isupper():
        return start - 1 - len(words[-1])
    return None


def _mention_before(static: list[Mention], text: str, at: int) -> str | None:
    """The static actor named right before ``at`` ("Russian| Deputy...", "Iraq's| ..."), if any."""
    for m in static:
        if m.end <= at and at - m.end <= 3 and _LINK_GAP.match(text[m.end:at]):
            return m.actor
    return None


def _appositive(static: list[Mention], text: str, end: int) -> str | None:
    """Whom "X, a spokesman for the U.S. coalition," names X's side (not "X, a U.S. fugitive": no role)."""
    app = _APPOSITIVE.match(text, end)
    wide = _PERSON_APPOSITIVE.match(text, end)
    # the role heads the appositive: "a spokesman for X", not "a loyalist of X's Prime Minister Y"
    head = re.split(r"\b(?:for|of|from|at|with|to|in)\b", wide.group(1).lower(), maxsplit=1)[0] if wide else ""
    if app and wide and any(w in _role_words() for w in head.split()):
        for m in static:
            if app.start(1) <= m.start < app.end(1):
                return m.actor
    return None


@cache
def _role_words() -> frozenset[str]:
    """The last words of the titles: "spokesman", "official", "minister"."""
    return frozenset(t.rsplit(" ", 1)[-1] for t in load_tables().titles)


def _person_appositive(text: str, end: int) -> bool:
    """True when "X, a U.S. fugitive ..." or "X, the doctor who ..." follows: an appositive headed by a person noun."""
    app = _PERSON_APPOSITIVE.match(text, end)
    if app is None:
        return False
    return _appositive_head(app.group(1), load_tables().person_nouns)


_ORG_NOUNS = frozenset("group party company firm organization organisation movement militia faction union alliance "
                       "network outfit newspaper daily agency bank club team broadcaster carrier airline".split())


def _org_appositive(text: str, end: int) -> bool:
    """True when "X, the most powerful guerrilla group, ..." follows: an appositive headed by an organisation noun."""
    app = _PERSON_APPOSITIVE.match(text, end)
    return app is not None and _appositive_head(app.group(1), _ORG_NOUNS)


def _appositive_head(appositive: str, nouns: frozenset[str]) -> bool:
    words = _APPOSITIVE_HEAD.split(appositive, maxsplit=1)[0].split()[:5]
    # the head is the last word before a preposition: "a U.S. fugitive on the list", not "the guerrilla group"
    return bool(words) and (words[-1] in nouns or words[-1].endswith("'s") and any(w in nouns for w in words))


_APPOSITIVE_HEAD = re.compile(r"\b(?:on|of|for|in|at|with|who|whose|which|that|from|to|since|and|wanted|accused)\b")


_MODIFIER_WORD = re.compile(r"[\w.]+-[a-z]")  # "Cancer-stricken Mobutu", "Connecticut-based ..."


def _clean_name(words: list[str]) -> list[str]:
    """A person's name out of a run: no title or role before it ("Labor Minister Eli Yishai"), no modifier
    ("Cancer-stricken Mobutu"), nothing after a possessive ("James Goldsmith's Referendum")."""
    for i, w in enumerate(words):
        if w.endswith(("'s", "’s")) and i:
            words = [*words[:i], w[:-2]]
            break
    roles = [i for i, w in enumerate(words[:-1]) if w.lower() in _role_words()]
    if roles:
        words = words[roles[-1] + 1:]
    while words and words[-1] in _NOT_NAME:
        words = words[:-1]
    while words and (words[0] in _NOT_NAME or words[0] in ("of", "the") or _MODIFIER_WORD.match(words[0])):
        words = words[1:]
    if "of" in words:  # "Millions of Hongkongers", "Gardens of South Africa": no person
        return []
    return words[-4:]


@lru_cache(maxsize=64)
def analyse(text: str) -> Analysis:
    """Find the actor mentions of a text (cached: find_mentions, actors_for and the event builder share it)."""
    tables = load_tables()
    static = gazetteer_mentions(text)
    actors: dict[str, Actor] = {m.actor: tables.actors[m.actor] for m in static}
    found: list[tuple[int, int, int, str]] = [(m.start, m.end, 1, m.actor) for m in static]
    persons: dict[str, Actor] = {}
    orgs: dict[str, Actor] = {}
    static_at = {m.start: m for m in static}

    all_words: list[tuple[str, int]] = []
    genders: dict[str, str] = {}
    state_titled: set[str] = set()  # persons with a title such as "President", maybe without a country yet
    bodies: list[tuple[int, int]] = []  # government bodies named without their country
    loose: list[list[tuple[str, int]]] = []  # runs of two or three names with no cue of their own
    lone: Counter[str] = Counter()  # one-word runs: "Botha" after "P.W. Botha"
    after_the: set[str] = set()  # one-word runs after "the": "the Pacers" is a team, not a person
    single: list[tuple[str, int]] = []  # one-word runs with no cue: maybe an organisation ("AirAsia", "GM")
    person_titles: dict[int, tuple[str, str]] = {}  # where a person is named with a title: (title word, person)
    for run in _RUN_RE.finditer(text):
        start, end = run.span()
        run_text = run.group(0)
        if " " not in run_text and start not in static_at:
            # one word: a person only after a lower-case title ("spokeswoman Nauert"); most runs end here
            all_words.append((run_text, start))
            word = run_text.removesuffix("'s").removesuffix("’s")
            lone[word] += 1
            if text.endswith("the ", 0, start):
                after_the.add(word)
            if _lower_title_before(text, start) is None:
                single.append((word, start))
                continue
            words = [(run_text, start)]
        else:
            words = [(w.group(0), start + w.start()) for w in _SPACE_SPLIT.finditer(run_text)]
            all_words += words
        while len(words) > 1 and words[0][0].removesuffix("'s").removesuffix("’s") in _NOT_NAME and \
                words[0][1] not in static_at:  # "The ...", "Friday's The Edge"
            article = words[0][0] == "The"
            words = words[1:]  # "The Brazilian Health Ministry": the name starts after the article
            if len(words) == 1:  # "The Herons", "But Oliveira": one word named again
                lone[words[0][0].removesuffix("'s").removesuffix("’s")] += 1
                single.append((words[0][0].removesuffix("'s").removesuffix("’s"), words[0][1]))
                if article:
                    after_the.add(words[0][0])
        start = words[0][1]
        lead = None
        lead_end = start
        # a country or body named first: "Russian Deputy Foreign Minister ...", "U.S. State Department ..."
        while words and words[0][1] in static_at:
            m = static_at[words[0][1]]
            lead, lead_end = m.actor, m.end
            words = [w for w in words if w[1] >= m.end]
        if not words:
            continue
        tokens = [w for w, _ in words]
        k = _title_prefix(tokens)
        if not k and tokens[-1] not in _ORG_SUFFIX and len(tokens) >= 3:
            # "GM Chairman Roger Smith": a title inside the run, after the name of the body the person leads
            for i in range(1, len(tokens) - 1):
                k = _title_prefix(tokens[i:])
                if k:
                    words, tokens = words[i:], tokens[i:]
                    break
        title_at = words[0][1] if k else _lower_title_before(text, words[0][1])
        speech = bool(_SPEECH_AFTER.match(text, end)) or (
            start > 4 and text[start - 2] in "dsy" and bool(_SPEECH_BEFORE.search(text, max(0, start - 12), start)))
        last = tokens[-1]
        if last in _ORG_SUFFIX and (len(tokens) >= 2 or lead) and (not k or last in _LEGAL):  # "General Motors Corp."
            if lead and last == "Government":  # "the Cuban Government": the country acts
                found.append((start, end, 0, lead))
                continue
            if tokens[0] in _NOT_NAME:
                continue
            # "the German Economy Ministry", "the Iraqi News Agency": a body of its own, the country its owner
            # (but "Iraq's Foreign Ministry" is named without the owner)
            owner = [i for i, w in enumerate(tokens[:-1]) if w.endswith(("'s", "’s"))]
            if owner:  # "Kabila's Alliance of Democratic Forces", "Deve Gowda's United Front"
                words, tokens = words[owner[-1] + 1:], tokens[owner[-1] + 1:]
            while len(tokens) > 1 and _MODIFIER_WORD.match(tokens[0]):
                words, tokens = words[1:], tokens[1:]  # "Christian-run Kookmin Daily"
            if "of" in tokens and not any(w in _ORG_SUFFIX for w in tokens[:tokens.index("of")]):
                cut = len(tokens) - tokens[::-1].index("of")  # "Shares of Harbour Savings Bank"
                words, tokens = words[cut:], tokens[cut:]
            while len(tokens) > 2 and tokens[-1] == tokens[-2]:
                tokens = tokens[:-1]  # "Commercial Bank Bank": a typo, one bank
            # owned by the country named first ("Iraqi News Agency"), not "Iraq's ..." or "Britain-based ..."
            owned = lead is not None and not text.startswith(("'s ", "’s ", "-"), lead_end)
            name = text[start:end] if owned else " ".join(tokens)
            if name in tables.aliases:
                continue
            first, rank = (start, 0) if owned else (words[0][1], 2)
            joined = None if owned else _AND_BEFORE.search(text, max(0, first - 40), first)
            if joined and joined.group(1) not in tables.aliases and joined.group(1).rsplit(" ", 1)[-1] not in \
                    tables.aliases and not any(w in _NOT_NAME for w in joined.group(1).split()):
                # "the Health and Social Care Information Centre": one name across "and"
                name, first, rank = f"{joined.group(1)} and {name}", joined.start(1), 0
            if lead is None and last in _GOVERNMENT:
                bodies.append((first, end))  # "the Foreign Ministry" of a Tehran story: Iran's, once known
            orgs.setdefault(name, Actor(name, "organization", (name,), lead))
            found.append((first, end, rank, name))
            continue
        if title_at is None and not (speech and len(tokens) >= 2):
            # "Poland's Aleksander Kwasniewski", "James Charles Kopp, a U.S. fugitive": a person without a title
            possessive = lead is not None and text.startswith(("'s ", "’s "), lead_end)
            # "Aleksander Kwasniewski and Vaclav Havel signed": a name joined to a person is a person
            joined = text.endswith(" and ", 0, start) and any(f[1] == start - 5 and f[3] in persons for f in found[-2:])
            if lead is None and 2 <= len(tokens) <= 4 and _org_appositive(text, end):
                name = " ".join(tokens)  # "the Hizbul Mujahideen, the most powerful guerrilla group,"
                if name not in tables.aliases:
                    orgs.setdefault(name, Actor(name, "organization", (name,)))
                    found.append((words[0][1], end, 2, name))
                continue
            if not (2 <= len(tokens) <= 4 and (possessive or joined or _person_appositive(text, end)
                                               or _AGE.match(text, end))):
                if lead is None and 2 <= len(tokens) <= 3:
                    loose.append(words)  # decided after the loop, by how the text names it again
                continue
            roles = [i for i, w in enumerate(tokens) if w.lower() in _role_words()]
            if roles:  # "Consul General Afzal Amanullah", "Grand Ayatollah Ali al-Sistani": the name after the role
                words, tokens = words[roles[-1] + 1:], tokens[roles[-1] + 1:]
            if len(tokens) < 2 or "of" in tokens or any(w in _PLACE_WORDS for w in tokens):
                continue  # "Academy of Sciences", "Tiananmen Square" are no persons
        name_words = _clean_name(tokens[k:])
        if not name_words or any(w in _ORG_SUFFIX or w in tables.aliases for w in name_words):
            continue
        if title_at is None and len(name_words) < 2:
            continue
        name = " ".join(name_words)
        if name.endswith(("'s", "’s")):
            name = name[:-2]
        at = words[k + tokens[k:].index(name_words[0])][1]
        affiliation = lead or _mention_before(static, text, title_at if title_at is not None else at)
        affiliation = affiliation or _appositive(static, text, at + len(name))
        if affiliation is None and bodies and _mention_before([Mention(a, b, "") for a, b in bodies[-1:]], text,
                                                              title_at if title_at is not None else at) == "":
            state_titled.add(name)  # "Foreign Ministry spokesman Mahmoud Mohammadi": the body's country
        known = persons.get(name) or _find_person(persons, name)
        if known is None:
            persons[name] = Actor(name, "person", (name, name_words[-1]) if len(name_words) > 1 else (name,),
                                  affiliation)
        elif known.affiliation is None and affiliation:
            persons[known.name] = Actor(known.name, "person", known.aliases, affiliation)
        key = known.name if known else name
        title = (" ".join(tokens[:k]) if k else text[title_at:words[0][1]] if title_at is not None else "").lower()
        title_word = title.rsplit(" ", 1)[-1] if title else ""
        if title_word in _STATE_TITLES:
            state_titled.add(key)
        gender = ("f" if title_word in _FEMALE_TITLES or (len(name_words) > 1 and name_words[0] in tables.female_names)
                  else "m" if title_word in _MALE_TITLES else "")
        genders[key] = genders.get(key) or gender
        if title_word:
            person_titles[(title_at if title_at is not None else at)] = (title_word, key)
        found.append((at, at + len(name), 0, key))

    for words in loose:
        _named_again(words, lone, after_the, persons, orgs, genders, found)
    _listed_with_persons(text, loose, persons, genders, found)
    for m in _ACRONYM.finditer(text):  # "the International Security Assistance Force (ISAF)"
        if m.group(1) not in tables.aliases and not any(f[1] == m.start() for f in found):
            _spelled_out(text, m.start(), m.group(1), orgs, found)

    home = dateline_country(text)
    if home is None:
        countries = Counter(m.actor for m in static if tables.actors[m.actor].kind == "country")
        home = countries.most_common(1)[0][0] if countries else None
    if home:  # "President Arpad Gencz" in a Budapest story: Hungary's president; its "Foreign Ministry"
        for a, b in bodies:  # the body's owner, for the lane of what its spokesman says
            body = orgs.get(text[a:b])
            if body is not None and body.affiliation is None:
                orgs[body.name] = replace(body, affiliation=home)
        for name in state_titled:
            if persons[name].affiliation is None:
                persons[name] = replace(persons[name], affiliation=home)
                actors.setdefault(home, tables.actors[home])
    byline = _BYLINE.search(text, 0, min(len(text), 600))
    if byline is not None and byline.group(1) not in persons:  # "by Li Xing" on a line of its own: the reporter
        persons[byline.group(1)] = Actor(byline.group(1), "person", (byline.group(1),))
        found.append((*byline.span(1), 1, byline.group(1)))
    agency = dateline_agency(text)
    if agency is not None:
        name = text[agency[0]:agency[1]]
        name = tables.aliases.get(name, name)
        if name not in tables.actors:
            orgs[name] = Actor(name, "organization", (name,))
        else:
            actors[name] = tables.actors[name]
        found.append((*agency, 1, name))
    short = _short_forms(persons, orgs, tables.aliases)
    for m in _ACRONYM.finditer(text):
        owner = [f for f in found if f[1] == m.start() or f[1] == m.start() + 0]
        if owner and m.group(1) not in tables.aliases and m.group(1) not in _NOT_NAME:  # not "(AP)"
            short.setdefault(m.group(1), owner[-1][3])
    initials = {_initials(name): name for name in orgs}
    for word in _one_word_organisations(text, single, short, dateline_end(text), tables):
        if word in initials:  # "GM" after "General Motors Corp.": the same company
            short[word] = initials[word]
            continue
        orgs[word] = Actor(word, "organization", (word,))
        short[word] = word
    if short:
        for word, at in all_words:
            if word.endswith(("'s", "’s")):
                word = word[:-2]
            if word in short:
                found.append((at, at + len(word), 3, short[word]))
    actors.update(orgs)
    actors.update(persons)
    found += _descriptions(text, found, actors, person_titles, home)
    mentions = _resolve(found, len(text))
    places = _places_only(text, mentions, actors, tables)
    if places:
        mentions = [m for m in mentions if m.actor not in places]
    used = {m.actor for m in mentions}
    actors = {k: v for k, v in actors.items() if k in used}
    return Analysis(tuple(mentions), actors, {p: genders.get(p, "") for p in persons if p in actors}, home,
                    dateline_end(text))


_WORD_BEFORE = re.compile(r"([A-Za-z]+)\W*$")
_WORDS_AFTER = re.compile(r"\W*([A-Za-z]+)(?:\W+([A-Za-z]+))?")


def _places_only(text: str, mentions: list[Mention], actors: dict[str, Actor], tables) -> set[str]:
    """Countries the text names only as places ("fled to Kenya") or origins ("a Turkish ship"): not actors.

    A country acts when one of its mentions is not after a word of place and, for its adjective, comes before a
    noun of the state ("Russian jets", "the Turkish foreign minister"); one that an actor of the text belongs to
    acts through it.
    """
    acting = {a.affiliation for a in actors.values() if a.affiliation}
    seen: dict[str, bool] = {}
    for m in mentions:
        actor = actors.get(m.actor)
        if actor is None or actor.kind != "country" or seen.get(m.actor):
            continue
        seen[m.actor] = m.actor in acting or _acts_here(text, m, tables)
    return {name for name, acts in seen.items() if not acts}


def _acts_here(text: str, m: Mention, tables) -> bool:
    before = _WORD_BEFORE.search(text, max(0, m.start - 20), m.start)
    if before is not None and before.group(1).lower() in tables.place_words:
        return False
    if text[m.start:m.end] not in tables.demonyms:
        return True
    after = _WORDS_AFTER.match(text, m.end)
    if after is None or not after.group(1)[0].islower():  # "the Russians said", "Russian President Putin"
        return True
    words = [w.lower() for w in after.groups() if w]
    return any(w in tables.state_nouns or w in tables.titles for w in words)


_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
_LEGAL = frozenset("Corp. Corp Inc. Inc Co. Co Ltd. Ltd PLC AG".split())


def _initials(name: str) -> str:
    """ "General Motors Corp." -> "GM": the capitals of a name's words, without a legal suffix."""
    return "".join(w[0] for w in name.split() if w[:1].isupper() and w not in _LEGAL)
_ACRONYM_WORD = re.compile(r"[A-Z]{2,5}s?|[A-Z][a-z]+[A-Z][A-Za-z]+")  # "GM", "CNN", "AirAsia", "MindSpring"
_CAPS_NEAR = re.compile(r"[A-Z]{2,}[ ,]{1,2}$")  # a line in capitals: "BEIJING, ", "WORLD NEWS "
_VERB_AFTER = re.compile(rf"(?:['’]s? |,? (?:also |has |had |will |would |is |was |)(?:{_SPEECH}|[a-z]+ed)\b)")
_SENTENCE_HEAD = re.compile(r"(?:^|[.!?:;\"“”`'(]\s*|\n\s*)$")


def _one_word_organisations(text: str, single: list[tuple[str, int]], taken: dict[str, str], body: int,
                            tables) -> list[str]:
    """Words that name an organisation with no cue: an acronym or a word with inner capitals used in a sentence
    ("GM sought", "AirAsia tips"), or a capitalised word the text twice makes do something inside a sentence
    ("Ekranas requested", "Ekranas's turnover") and never names as a place ("in Ekranas")."""
    seen: dict[str, list[int]] = {}
    for word, at in single:
        if at >= body and word not in taken and word not in tables.aliases and word not in _NOT_NAME \
                and word not in tables.common_acronyms and word.lower() not in _role_words():
            seen.setdefault(word, []).append(at)
    out = []
    for word, places in seen.items():
        if _ACRONYM_WORD.fullmatch(word):
            if any(not _CAPS_NEAR.search(text, max(0, at - 12), at) and not text[at + len(word):at + len(word) + 3]
                   .lstrip(" ,").startswith(tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) for at in places):
                out.append(word)
            continue
        if len(places) < 2 or len(word) < 3:
            continue
        inner = [at for at in places if not _SENTENCE_HEAD.search(text, max(0, at - 4), at)]
        if len(inner) < 2 or any(_WORD_BEFORE.search(text, max(0, at - 20), at) and
                                 _WORD_BEFORE.search(text, max(0, at - 20), at).group(1).lower() in tables.place_words
                                 for at in places):
            continue
        if sum(bool(_VERB_AFTER.match(text, at + len(word))) for at in places) >= 2:
            out.append(word)
    return out


_LIST_GAP = frozenset((", ", " and ", ", and ", "; "))


def _listed_with_persons(text: str, loose: list[list[tuple[str, int]]], persons: dict[str, Actor],
                         genders: dict[str, str], found: list[tuple[int, int, int, str]]) -> None:
    """Runs of two or three names listed next to a person ("Wasim Jaffer, Gautam Gambhir and Anil Kumble"
    after a named player) are persons too; the list is followed both ways until nothing new joins it."""
    spans = [(f[0], f[1]) for f in found if f[3] in persons]
    if not spans or not loose:
        return
    tables = load_tables()
    taken = {f[0] for f in found}
    waiting = []
    for words in loose:
        tokens = [w for w, _ in words]
        if words[0][1] in taken or any(w in _NOT_NAME or w in _ORG_SUFFIX or w in _PLACE_WORDS or w in tables.aliases
                                       or w.isupper() or w.endswith(("'s", "’s")) or w == "of" for w in tokens):
            continue
        waiting.append((words[0][1], words[0][1] + len(" ".join(tokens)), " ".join(tokens)))
    grown = True
    while grown and waiting:
        grown = False
        ends = {e for _, e in spans}
        starts = {a for a, _ in spans}
        for item in list(waiting):
            a, b, name = item
            before = any(text[a - len(g):a] == g and a - len(g) in ends for g in _LIST_GAP)
            after = any(text[b:b + len(g)] == g and b + len(g) in starts for g in _LIST_GAP)
            if before or after:
                waiting.remove(item)
                if name not in persons and _find_person(persons, name) is None:
                    persons[name] = Actor(name, "person", (name, name.rsplit(" ", 1)[-1]))
                    genders[name] = "f" if name.split(" ")[0] in tables.female_names else ""
                found.append((a, b, 2, name))
                spans.append((a, b))
                grown = True


def _named_again(words: list[tuple[str, int]], lone: Counter[str], after_the: set[str], persons: dict[str, Actor],
                 orgs: dict[str, Actor], genders: dict[str, str], found: list[tuple[int, int, int, str]]) -> None:
    """A run of names that the text later calls by its last word alone: a person ("Stephen Jackson" ...
    "Jackson"), or a team or company when that word takes "the" ("the Indiana Pacers" ... "the Pacers")."""
    tables = load_tables()
    if any(w.endswith(("'s", "’s")) for w, _ in words[:-1]) or any(w == "of" for w, _ in words):
        return  # "Moody's Investors Services", "Millions of Hongkongers"
    tokens = [w.removesuffix("'s").removesuffix("’s") for w, _ in words]
    last = tokens[-1]
    if not lone[last] or len(last) < 3 or any(
            w in _NOT_NAME or w in _ORG_SUFFIX or w in _PLACE_WORDS or w in tables.aliases or w.isupper()
            or w.lower() in _role_words() for w in tokens):
        return
    if any(_INITIALS.fullmatch(w) for w in tokens[1:]) and _INITIALS.fullmatch(last):
        return
    name = " ".join(tokens)
    start = words[0][1]
    if last in after_the:
        orgs.setdefault(name, Actor(name, "organization", (name, last)))
    elif name not in persons and _find_person(persons, name) is None:
        persons[name] = Actor(name, "person", (name, last))
        genders[name] = "f" if tokens[0] in tables.female_names else ""
    found.append((start, start + len(name), 2, name))


def _spelled_out(text: str, at: int, acronym: str, orgs: dict[str, Actor],
                 found: list[tuple[int, int, int, str]]) -> None:
    """The capitalised words right before an acronym in brackets whose initials spell it make one organisation."""
    letters = acronym.replace(".", "").replace("&", "")
    words = text[max(0, at - 120):at].split(" ")
    initials = ""
    for n in range(1, min(len(words), 10) + 1):
        w = words[-n]
        if w in ("of", "and", "for", "the", "on", "de", "&"):
            continue
        if not w[:1].isupper():
            return
        initials = w[0] + initials
        if initials.upper() == letters.upper() or initials.upper() == letters.upper().rstrip("S"):
            name = " ".join(words[-n:])
            if name.lower().startswith("the "):
                name = name[4:]
            if name not in orgs:
                orgs[name] = Actor(name, "organization", (name, acronym))
            found.append((at - len(name), at, 2, name))
            return
        if len(initials) > len(letters):
            return


# "the company", "the airline": the organisation named last before it; "the country": the story's country.
_DESCRIPTION = re.compile(r"\b[Tt]he (?:(company|firm|airline|carrier|bank|club|team|group|agency|automaker|insurer|"
                          r"newspaper|broadcaster|ministry|party|league|council|commission|conglomerate)|(country)"
                          r"(?!['’]s? (?:capital|border)|side))\b")
_THE_BEFORE = re.compile(r"\b[Tt]he (?:[a-z][a-z-]+ ){0,2}$")


@lru_cache(maxsize=256)
def _title_description(word: str) -> re.Pattern[str]:
    """ "the president", "the foreign minister": a title that stands for the person named last with it. One
    literal pattern per title the text gives a person: a search for every title of the tables costs more."""
    return re.compile(rf"{re.escape(word)}\b(?! of\b| [A-Z])")


def _the_before(text: str, at: int) -> int | None:
    """Where "the" opens the noun phrase whose head starts at ``at`` ("the U.S. auto giant"), if it does."""
    m = _THE_BEFORE.search(text, max(0, at - 30), at)
    return m.start() if m else None


def _descriptions(text: str, found: list[tuple[int, int, int, str]], actors: dict[str, Actor],
                  person_titles: dict[int, tuple[str, str]], home: str | None) -> list[tuple[int, int, int, str]]:
    """Mentions for descriptions that point back: "the company" to the last organisation named, "the country" to
    the country of the story, "the president" to the last person named with that title."""
    orgs = sorted((f[0], f[3]) for f in found if f[3] in actors and actors[f[3]].kind == "organization")
    org_starts = [at for at, _ in orgs]
    out = []
    for m in _DESCRIPTION.finditer(text, orgs[0][0] if orgs and not home else 0):
        if m.group(2):
            if home:
                out.append((m.start(), m.end(), 4, home))
            continue
        n = bisect_left(org_starts, m.start())
        if n:
            out.append((m.start(), m.end(), 4, orgs[n - 1][1]))
    if person_titles:
        titled: dict[str, list[tuple[int, str]]] = {}  # title word -> where persons were named with it
        for at, (word, person) in sorted(person_titles.items()):
            titled.setdefault(word, []).append((at, person))
        for word, named in titled.items():
            for m in _title_description(word).finditer(text, named[0][0] + 1):
                the = _the_before(text, m.start()) if m.start() and not text[m.start() - 1].isalpha() else None
                n = 0 if the is None else bisect_left(named, (the, ""))
                if n:
                    out.append((the, m.end(), 4, named[n - 1][1]))
    return out


def _find_person(persons: dict[str, Actor], name: str) -> Actor | None:
    """A person already introduced under a longer name: "Ryabkov" after "Sergei Ryabkov"."""
    for p in persons.values():
        if p.name.endswith(" " + name):
            return p
    return None


def _short_forms(persons: dict[str, Actor], orgs: dict[str, Actor], aliases: dict[str, str]) -> dict[str, str]:
    short: dict[str, str] = {}
    for name, actor in persons.items():
        if len(actor.aliases) > 1:
            short.setdefault(actor.aliases[-1], name)
    for name in orgs:
        head = name.split(" ")[0]
        if head not in _ORG_SUFFIX and head not in aliases and head not in _NOT_NAME and len(head) > 2:
            short.setdefault(head, name)
    return short


def _resolve(found: list[tuple[int, int, int, str]], size: int) -> list[Mention]:
    """Keep non-overlapping mentions: the more reliable source first, then the longer."""
    taken = bytearray(size + 1)
    kept: list[Mention] = []
    for start, end, _rank, actor in sorted(found, key=lambda f: (f[2], f[0] - f[1], f[0])):
        if any(taken[start:end]):
            continue
        taken[start:end] = b"\x01" * (end - start)
        kept.append(Mention(start, end, actor))
    return sorted(kept, key=lambda m: m.start)


def find_mentions(text: str) -> list[Mention]:
    """Every actor mention in the text, in order."""
    return list(analyse(text).mentions)


def actors_for(text: str) -> dict[str, Actor]:
    """The actor record of every actor the text names, persons with their affiliation."""
    return dict(analyse(text).actors)

