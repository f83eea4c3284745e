"""Score tag(), HeidelTime and dateparser side by side, in one run, on three sets:

- ``tbaq``: TimeBank + AQUAINT (../shared/corpora/tbaq), the development set;
- ``blind``: the test half of our blind gold (bench/data/temporal_blind.json: te3-silver news and texts we wrote,
  annotated without seeing any tagger's output);
- ``timeparse``: timeparse-en, 347 everyday phrases with a reference time (bench/timeparse.py says how a phrase
  is judged exactly right).

    .venv/bin/python bench/temporal_accuracy.py [--systems ours,heideltime,dateparser] [--sets tbaq,blind,timeparse]
                                                [--corpus DIR] [--split test|dev] [--errors N]

TimeML sets are scored with ../shared/eval/te3score.py; outputs go to bench/out/, and the tables to
bench/out/temporal_accuracy.txt.
"""

from __future__ import annotations

import argparse
import json
import logging
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import peers  # noqa: E402
import timeparse  # noqa: E402

logger = logging.getLogger("temporal_accuracy")
TBAQ = peers.EVAL_DIR.parent / "corpora" / "tbaq"
COLUMNS = ("strict_P", "strict_R", "strict_F1", "relaxed_F1", "value_F1", "type_F1")
BLIND = Path(__file__).resolve().parent / "data" / "temporal_blind.json"
SETS = ("tbaq", "blind", "timeparse")


def blind_corpus(split: str) -> Path:
    """Write one half of the blind gold as TimeML files (te3score reads those) and return their folder.

    The te3-silver texts are read from ../shared; the texts we wrote are in bench/data/temporal_written/.
    """
    from xml.sax.saxutils import escape, quoteattr  # noqa: PLC0415

    gold = json.loads(BLIND.read_text(encoding="utf-8"))
    folder = peers.OUT / f"blind-{split}"
    folder.mkdir(parents=True, exist_ok=True)
    silver = peers.EVAL_DIR.parent / "corpora" / "te3-silver"
    te3data = peers.load_module("te3data", peers.EVAL_DIR / "te3data.py")
    for d in gold["documents"]:
        if d["split"] != split:
            continue
        if d["source"] == "written":
            text = (BLIND.parent / "temporal_written" / f"{d['doc']}.txt").read_text(encoding="utf-8")
        else:
            text = te3data.load_file(str(silver / f"{d['doc']}.tml"))["text"]
        body, last = [], 0
        for i, t in enumerate(d["timexes"], 1):
            body.append(escape(text[last:t["start"]]))
            body.append(f'<TIMEX3 tid="t{i}" type="{t["type"]}" value={quoteattr(t["value"])}>'
                        f'{escape(text[t["start"]:t["end"]])}</TIMEX3>')
            last = t["end"]
        body.append(escape(text[last:]))
        (folder / f"{d['doc']}.tml").write_text(
            f'<?xml version="1.0" ?>\n<TimeML>\n<DOCID>{d["doc"]}</DOCID>\n<DCT><TIMEX3 tid="t0" type="DATE" '
            f'value="{d["dct"]}" functionInDocument="CREATION_TIME">{d["dct"]}</TIMEX3></DCT>\n'
            f'<TEXT>{"".join(body)}</TEXT>\n</TimeML>\n', encoding="utf-8")
    return folder

def run_system(name: str, docs: list[dict]) -> list[list[dict]]:
    """Timexes per document; a document on which the system raises counts as empty and is reported."""
    pairs = [(d["text"], d["dct"]) for d in docs]
    if name == "heideltime":
        run = peers.run_heideltime(pairs, peers.OUT / "heideltime-accuracy")
        if run.failed:
            logger.warning("heideltime failed on %d documents (see bench/out/heideltime-accuracy/java.log)", run.failed)
        return run.timexes
    tag = peers.ours_tag if name == "ours" else peers.dateparser_tag
    results, failures = [], 0
    for d in docs:
        try:
            results.append(tag(d["text"], d["dct"]))
        except Exception:
            failures += 1
            if failures <= 3:
                logger.exception("%s raised on %s", name, d["doc"])
            results.append([])
    if failures:
        logger.warning("%s raised on %d of %d documents (scored as empty)", name, failures, len(docs))
    return results


def write_jsonl(path: Path, docs: list[dict], results: list[list[dict]]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for d, timexes in zip(docs, results, strict=True):
            f.write(json.dumps({"doc": d["doc"], "timexes": timexes}, ensure_ascii=False) + "\n")


def te3score(corpus: Path, system_file: Path, *options: str) -> str:
    cmd = [sys.executable, str(peers.EVAL_DIR / "te3score.py"), str(corpus), str(system_file), *options]
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def table(rows: list[tuple[str, dict, float]], corpus: Path, docs: list[dict]) -> str:
    n_docs, n_gold = len(docs), sum(len(d["timexes"]) for d in docs)
    lines = [
        f"{corpus} ({n_docs} docs, {n_gold} gold timexes); scores in %, te3score micro average",
        f"{'system':<12}{'strict P':>9}{'strict R':>9}{'strict F1':>10}{'relaxed F1':>11}"
        f"{'value F1':>9}{'type F1':>8}{'timexes':>8}{'run s':>7}",
    ]
    for name, res, seconds in rows:
        p, r, f, rf, vf, tf = (100 * res[c] for c in COLUMNS)
        lines.append(
            f"{name:<12}{p:>9.1f}{r:>9.1f}{f:>10.1f}{rf:>11.1f}{vf:>9.1f}{tf:>8.1f}{res['n_sys']:>8}{seconds:>7.1f}"
        )
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--systems", default=",".join(peers.SYSTEMS), help="comma-separated subset of %(default)s")
    ap.add_argument("--sets", default=",".join(SETS), help="comma-separated subset of %(default)s")
    ap.add_argument("--corpus", type=Path, default=TBAQ, help="TimeML folder for 'tbaq' (default: %(default)s)")
    ap.add_argument("--split", default="test", choices=("test", "dev"), help="half of the blind gold to score")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="print up to N of our errors")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")

    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    unknown = set(systems) - set(peers.SYSTEMS)
    if unknown:
        ap.error(f"unknown systems {sorted(unknown)}; choose from {','.join(peers.SYSTEMS)}")
    available = []
    for name in systems:
        missing = getattr(peers, f"missing_{name}")()
        if missing:
            logger.warning("skipping %s: %s", name, missing)
        else:
            available.append(name)
    peers.OUT.mkdir(parents=True, exist_ok=True)
    reports = []
    for which in [s.strip() for s in args.sets.split(",") if s.strip()]:
        if which == "timeparse":
            reports.append(timeparse_table(available))
            continue
        corpus = args.corpus if which == "tbaq" else blind_corpus(args.split)
        docs = peers.load_corpus(corpus)
        rows = []
        for name in available:
            logger.info("running %s on %d documents of %s", name, len(docs), which)
            t0 = time.perf_counter()
            results = run_system(name, docs)
            seconds = time.perf_counter() - t0
            out = peers.OUT / f"{name}-{which}.jsonl"
            write_jsonl(out, docs, results)
            rows.append((name, json.loads(te3score(corpus, out, "--json")), seconds))
        reports.append(table(rows, corpus, docs))
        if args.errors and "ours" in available:
            reports.append(te3score(corpus, peers.OUT / f"ours-{which}.jsonl", "--errors", str(args.errors)))
    report = "\n\n".join(reports)
    print(report)
    (peers.OUT / "temporal_accuracy.txt").write_text(report + "\n", encoding="utf-8")


def timeparse_table(systems: list[str]) -> str:
    """Per system, how many timeparse-en phrases it gets exactly right (see bench/timeparse.py)."""
    items = timeparse.load()
    docs = [{"doc": f"tp{i}", "text": x["text"], "dct": x["ref"]} for i, x in enumerate(items)]
    lines = [f"timeparse-en ({len(items)} phrases): exactly right at the gold's grain",
             f"{'system':<12}{'right':>7}{'%':>7}{'run s':>7}"]
    for name in systems:
        t0 = time.perf_counter()
        results = run_system(name, docs)
        seconds = time.perf_counter() - t0
        right = sum(timeparse.correct(x["gold"], r) for x, r in zip(items, results, strict=True))
        lines.append(f"{name:<12}{right:>7}{100 * right / len(items):>7.1f}{seconds:>7.1f}")
    return "\n".join(lines)

if __name__ == "__main__":
    main()
