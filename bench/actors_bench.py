"""Actor precision/recall, lane accuracy on bench/data/actors_gold.json, and pipeline speed over te3-silver.

Lanes are scored through build_events, as the app makes them: each gold time expression (the tagger's, or a
placed stand-in where the tagger missed it) must make an event in the expected lane.

    .venv/bin/python bench/actors_bench.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from datetime import date
from pathlib import Path

from timeline_app.core import actors
from timeline_app.core.actors.recognise import analyse
from timeline_app.core.events import build_events
from timeline_app.core.model import Document, Timex
from timeline_app.core.pipeline import extract
from timeline_app.core.temporal import tag

ROOT = Path(__file__).resolve().parent.parent


def _load_te3(shared: Path):
    sys.path.insert(0, str(shared / "eval"))
    import te3data  # noqa: PLC0415 - lives outside the repository

    return te3data


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


def _gold_times(doc: Document, spans: list[tuple[int, int, object]]) -> list[Timex]:
    """The tagger's time expressions, with a placed stand-in wherever it missed or could not place a gold one."""
    timexes = tag(doc.text, doc.reference_date)
    for start, end, _ in spans:
        covering = [t for t in timexes if t.start <= start < max(t.end, t.start + 1)]
        if not any(t.earliest is not None for t in covering):
            timexes = [t for t in timexes if t not in covering]
            ref = doc.reference_date
            timexes.append(Timex(start, end, doc.text[start:end], "DATE", ref.isoformat(), ref, ref))
    return sorted(timexes, key=lambda t: t.start)


def quality(shared: Path) -> None:
    """Actor precision/recall and the lane of the event each gold time expression makes, as build_events does."""
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
            event = next((e for e in events if not e.implied_time and e.time.start <= start < e.time.end), None)
            got = event.lane if event else None
            ok = got in (lane if isinstance(lane, list) else [lane])
            right += ok
            total += 1
            if not ok:
                print(f"  lane miss {g['doc']}@{start}: got {got}, expected {lane}")
        missing, extra = sorted(expected - predicted), sorted(predicted - expected)
        if missing or extra:
            print(f"  {g['doc']}: missing {missing} extra {extra}")
    print(f"actors: precision {tp / (tp + fp):.3f} recall {tp / (tp + fn):.3f} ({tp} tp, {fp} fp, {fn} fn)")
    print(f"lanes: accuracy {right / total:.3f} ({right}/{total})")


def speed(shared: Path, repeats: int = 3) -> None:
    """Articles per second of pipeline.extract on one core, and milliseconds per article of each part.

    Other benchmarks may share the machine: each figure is the best of ``repeats`` runs, and the load is printed.
    """
    te3 = _load_te3(shared)
    raw = te3.load_dir(str(shared / "corpora/te3-silver"))
    docs = [Document(d["doc"], d["doc"], d["doc"], d["text"], date.fromisoformat(d["dct"][:10]), "metadata")
            for d in raw if d["dct"]]
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
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    quality(args.shared)
    speed(args.shared)


if __name__ == "__main__":
    main()
