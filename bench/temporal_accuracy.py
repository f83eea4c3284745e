"""Score tag(), HeidelTime and dateparser side by side on TimeML gold (TempEval-3 TBAQ by default).

    .venv/bin/python bench/temporal_accuracy.py [--systems ours,heideltime,dateparser] [--corpus DIR] [--errors N]

Each system's output goes to bench/out/<system>.jsonl and is scored with
../shared/eval/te3score.py; the table is also saved to bench/out/temporal_accuracy.txt.
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

logger = logging.getLogger("temporal_accuracy")
TBAQ = peers.EVAL_DIR.parent / "corpora" / "tbaq"
COLUMNS = ("strict_P", "strict_R", "strict_F1", "relaxed_F1", "value_F1", "type_F1")


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
    ap.add_argument("--corpus", type=Path, default=TBAQ, help="TimeML folder (default: %(default)s)")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="print up to N of our errors")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")

    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    unknown = set(systems) - set(peers.SYSTEMS)
    if unknown:
        ap.error(f"unknown systems {sorted(unknown)}; choose from {','.join(peers.SYSTEMS)}")
    docs = peers.load_corpus(args.corpus)
    peers.OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    for name in systems:
        missing = getattr(peers, f"missing_{name}")()
        if missing:
            logger.warning("skipping %s: %s", name, missing)
            continue
        logger.info("running %s on %d documents", name, len(docs))
        t0 = time.perf_counter()
        results = run_system(name, docs)
        seconds = time.perf_counter() - t0
        out = peers.OUT / f"{name}.jsonl"
        write_jsonl(out, docs, results)
        rows.append((name, json.loads(te3score(args.corpus, out, "--json")), seconds))

    report = table(rows, args.corpus, docs)
    print(report)
    (peers.OUT / "temporal_accuracy.txt").write_text(report + "\n", encoding="utf-8")
    if args.errors and "ours" in [r[0] for r in rows]:
        print()
        print(te3score(args.corpus, peers.OUT / "ours.jsonl", "--errors", str(args.errors)))


if __name__ == "__main__":
    main()
