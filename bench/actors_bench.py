"""Actors and lanes on the blind gold (test half, then dev half), the naive baseline, agreement, lanes, speed.

bench/data/actors_blind.json holds 70 articles annotated blind by ../shared/actors/GUIDELINES.md and split
once into dev and test: rules are tuned on dev; test is only ever reported in aggregate (``--errors`` lists the
misses of the dev half, never of the test half). bench/data/actors_gold.json, annotated by the people who wrote
the rules, stays as a regression set.

Lanes are scored through build_events, as the app makes them: each gold time expression (the tagger's, or a
placed stand-in where the tagger missed it) must make an event in a lane the gold accepts.

    .venv/bin/python bench/actors_bench.py [--shared ../shared] [--errors] [--lanes] [--no-speed]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from timeline_app.core import actors
from timeline_app.core.actors.recognise import analyse
from timeline_app.core.events import build_events
from timeline_app.core.model import Document, Event, Timex
from timeline_app.core.pipeline import extract
from timeline_app.core.temporal import tag
from timeline_app.core.text import sentence_spans

ROOT = Path(__file__).resolve().parent.parent
BLIND = ROOT / "bench/data/actors_blind.json"
SECOND = ROOT / "bench/data/actors_blind_second.json"
SILVER_SAMPLE = 300


def _load_te3(shared: Path):
    sys.path.insert(0, str(shared / "eval"))
    import te3data  # noqa: PLC0415 - lives outside the repository

    return te3data


def _norm(name: str) -> str:
    """How names are compared: case-insensitive, without a leading "the" or a possessive."""
    name = " ".join(name.lower().split())
    name = name.removeprefix("the ")
    return re.sub(r"['’]s$", "", name)


def _forms(actor: dict) -> set[str]:
    return {_norm(actor["name"]), *(_norm(a) for a in actor.get("aliases", ()))}


def _match(left: list[set[str]], right: list[set[str]], fits) -> int:
    """The size of a largest one-to-one matching between two lists, ``fits(a, b)`` saying which pairs may match."""
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j, b in enumerate(right):
            if j in seen or not fits(left[i], b):
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    return sum(augment(i, set()) for i in range(len(left)))


# --- the blind gold ------------------------------------------------------------------------------------------


@dataclass
class Figures:
    """Counts over one set of articles; the ratios are worked out when printed."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    lane_right: int = 0
    base_right: int = 0
    lanes: int = 0  # gold time expressions with a non-empty lane
    covered: int = 0  # gold time expressions the app made an event for
    timexes: int = 0
    empty: int = 0  # gold time expressions with an empty lane
    empty_right: int = 0  # ... that the app left unattributed

    def add(self, other: Figures) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _blind_docs(shared: Path, path: Path, split: str | None = None) -> Iterator[tuple[dict, Document]]:
    """Yield (gold entry, Document) for the articles of a blind gold file, of one split if given."""
    te3 = _load_te3(shared)
    files = {Path(p).name.rsplit(".tml", 1)[0]: p
             for corpus in ("tbaq", "te3-silver") for p in te3.list_tml(str(shared / "corpora" / corpus))}
    for g in json.loads(path.read_text(encoding="utf-8"))["documents"]:
        if split is not None and g["split"] != split:
            continue
        loaded = te3.load_file(files[g["doc"]])
        yield g, Document(g["doc"], g["doc"], g["doc"], loaded["text"], date.fromisoformat(loaded["dct"][:10]),
                          "metadata")


def _event_at(events: list[Event], start: int) -> Event | None:
    """The event of the time expression at ``start`` (a gold one may be one character: the tagger's may be longer)."""
    return next((e for e in events
                 if not e.implied_time and e.time.start <= start < max(e.time.end, e.time.start + 1)), None)


def _baseline(text: str, start: int, mentions) -> str | None:
    """The naive lane: the first actor the app finds in the sentence of the time expression."""
    sentence = next(((a, b) for a, b in sentence_spans(text) if a <= start < b), None)
    if sentence is None:
        return None
    return next((m.actor for m in mentions if sentence[0] <= m.start < sentence[1]), None)


def score_blind(g: dict, doc: Document, errors: list[str] | None = None) -> Figures:
    """Actor precision/recall and the lanes of one blind gold article, for the app and the baseline."""
    f = Figures()
    text = doc.text
    gold_actors = g["actors"]
    found = actors.actors_for(text)
    tp = _match([{_norm(n)} for n in found], [_forms(a) for a in gold_actors], lambda a, b: bool(a & b))
    f.tp, f.fp, f.fn = tp, len(found) - tp, len(gold_actors) - tp
    if errors is not None and (f.fp or f.fn):
        matched = {n for n in found if any(_norm(n) in _forms(a) for a in gold_actors)}
        missed = [a["name"] for a in gold_actors if not any(_norm(n) in _forms(a) for n in found)]
        errors.append(f"  {g['doc']} actors: missing {missed} extra {sorted(set(found) - matched)}")
    mentions = actors.find_mentions(text)
    spans = [(t["start"], t["end"]) for t in g["timexes"]]
    events = build_events(doc, _gold_times(doc, spans), mentions)
    by_name = {_norm(a["name"]): a for a in gold_actors}
    for t in g["timexes"]:
        f.timexes += 1
        event = _event_at(events, t["start"])
        f.covered += event is not None
        if not t["lane"]:
            f.empty += 1
            f.empty_right += event is not None and event.lane == "Unattributed"
            continue
        accepted = set().union(*(_forms(by_name.get(_norm(n), {"name": n})) for n in t["lane"]))
        got = event.lane if event else None
        base = _baseline(text, t["start"], mentions)
        ok = got is not None and _norm(got) in accepted
        f.lanes += 1
        f.lane_right += ok
        f.base_right += base is not None and _norm(base) in accepted
        if errors is not None and not ok:
            sentence = next((text[a:b] for a, b in sentence_spans(text) if a <= t["start"] < b), "")
            errors.append(f"  {g['doc']}@{t['start']} {text[t['start']:t['end']]!r}: got {got}, expected "
                          f"{t['lane']}\n      {' '.join(sentence.split())[:220]}")
    return f


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "n/a"


def report_blind(shared: Path, split: str, show_errors: bool) -> Figures:
    total = Figures()
    errors: list[str] | None = [] if show_errors and split == "dev" else None  # test misses are never shown
    n = 0
    for g, doc in _blind_docs(shared, BLIND, split):
        total.add(score_blind(g, doc, errors))
        n += 1
    t = total
    print(f"blind {split} half ({n} articles, {t.timexes} time expressions, {t.lanes} with a lane):")
    print(f"  actors: precision {_ratio(t.tp, t.tp + t.fp)} recall {_ratio(t.tp, t.tp + t.fn)} "
          f"({t.tp} tp, {t.fp} fp, {t.fn} fn)")
    print(f"  lanes: accuracy {_ratio(t.lane_right, t.lanes)} ({t.lane_right}/{t.lanes}); "
          f"baseline first actor in the sentence {_ratio(t.base_right, t.lanes)} ({t.base_right}/{t.lanes})")
    print(f"  events: coverage {_ratio(t.covered, t.timexes)} ({t.covered}/{t.timexes}); empty gold lanes left "
          f"Unattributed {t.empty_right}/{t.empty}")
    for line in errors or ():
        print(line)
    return total


def agreement(shared: Path) -> None:
    """Lane agreement and actor-set F1 between the two annotators of the doubly annotated articles."""
    first = {g["doc"]: g for g in json.loads(BLIND.read_text(encoding="utf-8"))["documents"]}
    second = json.loads(SECOND.read_text(encoding="utf-8"))["documents"]
    same = total = matched = size = 0
    for b in second:
        a = first[b["doc"]]
        fa, fb = ([_forms(x) for x in g["actors"]] for g in (a, b))
        matched += _match(fa, fb, lambda x, y: bool(x & y))
        size += len(fa) + len(fb)
        lanes_a = {t["start"]: t["lane"] for t in a["timexes"]}
        for t in b["timexes"]:
            if t["start"] not in lanes_a:
                continue
            la, lb = lanes_a[t["start"]], t["lane"]
            total += 1
            same += (not la and not lb) or bool(_lane_forms(la, a) & _lane_forms(lb, b))
    print(f"agreement on {len(second)} doubly annotated articles: lanes {_ratio(same, total)} ({same}/{total}), "
          f"actor sets F1 {_ratio(2 * matched, size)}")


def _lane_forms(lane: list[str], g: dict) -> set[str]:
    by_name = {_norm(x["name"]): x for x in g["actors"]}
    return set().union(set(), *(_forms(by_name.get(_norm(n), {"name": n})) for n in lane))


# --- the regression gold -------------------------------------------------------------------------------------


def _gold_docs(shared: Path):
    """Yield (gold entry, Document, [(start, end, lane)]) for the sample article and the TBAQ articles."""
    te3 = _load_te3(shared)
    gold = json.loads((ROOT / "bench/data/actors_gold.json").read_text(encoding="utf-8"))
    tbaq = {Path(p).name.rsplit(".tml", 1)[0]: p for p in te3.list_tml(str(shared / "corpora/tbaq"))}
    for g in gold["documents"]:
        if g["source"] == "seed":
            text = (ROOT / "seeds" / f"{g['doc']}.txt").read_text(encoding="utf-8")
            dct, title = g["dct"], text.split("\n", 1)[0]
            spans = []
            for t in g["timexes"]:
                m = list(re.finditer(re.escape(t["text"]), text))[t["nth"]]
                spans.append((m.start(), m.end(), t["lane"]))
        else:
            loaded = te3.load_file(tbaq[g["doc"]])
            text, dct, title = loaded["text"], loaded["dct"], g["doc"]
            spans = [(t["start"], t["start"] + 1, t["lane"]) for t in g["timexes"]]
        doc = Document(g["doc"], g["doc"], title, text, date.fromisoformat(dct[:10]), "metadata")
        yield g, doc, spans


def _gold_times(doc: Document, spans: Iterable[tuple]) -> list[Timex]:
    """The tagger's time expressions, with a placed stand-in wherever it missed or could not place a gold one."""
    timexes = tag(doc.text, doc.reference_date)
    for start, end, *_ in spans:
        covering = [t for t in timexes if t.start <= start < max(t.end, t.start + 1)]
        if not any(t.earliest is not None for t in covering):
            timexes = [t for t in timexes if t not in covering]
            ref = doc.reference_date
            timexes.append(Timex(start, end, doc.text[start:end], "DATE", ref.isoformat(), ref, ref))
    return sorted(timexes, key=lambda t: t.start)


def regression(shared: Path, show_errors: bool) -> None:
    """Actor precision/recall and lanes on the old gold, annotated by the rules' own authors."""
    tp = fp = fn = 0
    right = total = 0
    for g, doc, spans in _gold_docs(shared):
        text = doc.text
        found = actors.actors_for(text)
        predicted, expected = set(found), set(g["actors"])
        tp += len(predicted & expected)
        fp += len(predicted - expected)
        fn += len(expected - predicted)
        events = build_events(doc, _gold_times(doc, spans), actors.find_mentions(text))
        for start, _end, lane in spans:
            event = _event_at(events, start)
            got = event.lane if event else None
            ok = got in (lane if isinstance(lane, list) else [lane])
            right += ok
            total += 1
            if show_errors and not ok:
                print(f"  regression lane miss {g['doc']}@{start}: got {got}, expected {lane}")
        missing, extra = sorted(expected - predicted), sorted(predicted - expected)
        if show_errors and (missing or extra):
            print(f"  regression {g['doc']}: missing {missing} extra {extra}")
    print(f"regression gold (actors_gold.json): actors precision {tp / (tp + fp):.3f} recall {tp / (tp + fn):.3f} "
          f"({tp} tp, {fp} fp, {fn} fn); lanes {right / total:.3f} ({right}/{total})")


# --- lanes over many articles, and speed ---------------------------------------------------------------------


def _silver(shared: Path) -> list[Document]:
    te3 = _load_te3(shared)
    raw = te3.load_dir(str(shared / "corpora/te3-silver"))
    return [Document(d["doc"], d["doc"], d["doc"], d["text"], date.fromisoformat(d["dct"][:10]), "metadata")
            for d in raw if d["dct"]]


def lanes(docs: list[Document], show: bool) -> None:
    """Distinct lanes that the first 300 te3-silver articles outside the blind gold make, per 100 articles."""
    blind = {g["doc"] for g in json.loads(BLIND.read_text(encoding="utf-8"))["documents"]}
    sample = [d for d in docs if d.id not in blind][:SILVER_SAMPLE]
    events: Counter[str] = Counter()
    kinds: dict[str, str] = {}
    for d in sample:
        result = extract(d)
        events.update(e.lane for e in result.events)
        kinds.update({a.name: a.kind for a in result.actors})
    single = sum(1 for n in events.values() if n == 1)
    scale = 100 / len(sample)
    print(f"lanes: {len(sample)} te3-silver articles make {len(events)} lanes = {len(events) * scale:.0f} per 100 "
          f"articles, {single} of them ({single * scale:.0f} per 100) with a single event")
    if show:
        for lane, n in sorted(events.items(), key=lambda x: x[0].lower()):
            print(f"  {n:4d} {kinds.get(lane, '?'):12s} {lane}")


def speed(docs: list[Document], repeats: int = 3) -> None:
    """Articles per second of pipeline.extract on one core, and milliseconds per article of each part.

    Other benchmarks may share the machine: each figure is the best of ``repeats`` runs, and the load is printed.
    """
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    whole, parts, events = [], [], 0
    for _ in range(repeats):
        analyse.cache_clear()
        begin = time.perf_counter()
        events = sum(len(extract(d).events) for d in docs)
        whole.append(time.perf_counter() - begin)
        analyse.cache_clear()
        spent = [0.0, 0.0, 0.0]
        for d in docs:  # the same steps as pipeline.extract, timed one by one
            t0 = time.perf_counter()
            timexes = tag(d.text, d.reference_date)
            t1 = time.perf_counter()
            mentions = actors.find_mentions(d.text)
            t2 = time.perf_counter()
            build_events(d, timexes, mentions)
            t3 = time.perf_counter()
            spent = [spent[0] + t1 - t0, spent[1] + t2 - t1, spent[2] + t3 - t2]
        parts.append(spent)
    n, best = len(docs), min(whole)
    tagger, found, built = (min(p[i] for p in parts) * 1000 / n for i in range(3))
    print(f"pipeline.extract: {n} te3-silver articles, best of {repeats}: {best:.2f} s = {n / best:.0f} articles/s "
          f"(runs: {', '.join(f'{n / w:.0f}' for w in whole)}; {events} events)")
    print(f"  ms/article: tagger {tagger:.2f}, actors {found:.2f}, events {built:.2f}")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--errors", action="store_true", help="list the misses of the dev half (never of test)")
    parser.add_argument("--lanes", action="store_true", help="list the lanes of the te3-silver sample")
    parser.add_argument("--no-speed", action="store_true", help="skip the speed run")
    args = parser.parse_args()
    report_blind(args.shared, "test", False)
    report_blind(args.shared, "dev", args.errors)
    agreement(args.shared)
    regression(args.shared, args.errors)
    docs = _silver(args.shared)
    lanes(docs, args.lanes)
    if not args.no_speed:
        speed(docs)


if __name__ == "__main__":
    main()
