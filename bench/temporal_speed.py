"""Milliseconds per document for tag(), HeidelTime and dateparser on one core, plus tag()'s growth with text size.

    .venv/bin/python bench/temporal_speed.py [--limit N] [--corpus DIR] [--systems ours,heideltime,dateparser]

The process pins itself (and so the java child) to CPU 0 where the OS allows it.
Ours and dateparser get one warm-up call before timing; HeidelTime tags the whole
batch in one JVM and its start-up (JVM + loading rules) is shown separately.
The table is also saved to bench/out/temporal_speed.txt.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import peers  # noqa: E402

logger = logging.getLogger("temporal_speed")
SILVER = peers.EVAL_DIR.parent / "corpora" / "te3-silver"


def pin_to_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {0})
        return "pinned to CPU 0 (sched_setaffinity; inherited by java)"
    return "NOT pinned (no sched_setaffinity on this OS): all cores available"


def time_per_doc(tag: Callable[[str, str], list], docs: list[dict]) -> tuple[float, int]:
    """Total seconds over all documents, and how many raised (those count with the time they took)."""
    tag("The meeting on Friday, March 3, 1998 was postponed.", "1998-03-04")
    failures = 0
    t0 = time.perf_counter()
    for d in docs:
        try:
            tag(d["text"], d["dct"])
        except Exception:
            failures += 1
    return time.perf_counter() - t0, failures


def scaling(docs: list[dict]) -> list[str]:
    """tag() on 10 KB, 100 KB and 1 MB built by repeating corpus text: ms per KB should stay flat."""
    corpus = "\n\n".join(d["text"] for d in docs[:50])
    lines = [f"{'tag() scaling':<16}{'KB':>8}{'total ms':>10}{'ms/KB':>8}"]
    for size in (10_000, 100_000, 1_000_000):
        text = (corpus * (size // len(corpus) + 1))[:size]
        runs = 3 if size < 100_000 else 1
        best = float("inf")
        for _ in range(runs):
            t0 = time.perf_counter()
            try:
                peers.ours_tag(text, docs[0]["dct"])
            except Exception as e:
                lines.append(f"tag() raised on {size} characters: {e!r}")
            best = min(best, time.perf_counter() - t0)
        lines.append(f"{'':<16}{size / 1000:>8.0f}{1000 * best:>10.1f}{1000 * best / (size / 1000):>8.3f}")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="first N documents (default: all)")
    ap.add_argument("--corpus", type=Path, default=SILVER, help="TimeML folder (default: %(default)s)")
    ap.add_argument("--systems", default=",".join(peers.SYSTEMS), help="comma-separated subset of %(default)s")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")

    pinning = pin_to_one_core()
    load_before = os.getloadavg()
    docs = peers.load_corpus(args.corpus, args.limit)
    chars = sum(len(d["text"]) for d in docs)
    rows, notes = [], []
    for name in [s.strip() for s in args.systems.split(",") if s.strip()]:
        missing = getattr(peers, f"missing_{name}")()
        if missing:
            logger.warning("skipping %s: %s", name, missing)
            continue
        logger.info("timing %s on %d documents", name, len(docs))
        if name == "heideltime":
            run = peers.run_heideltime([(d["text"], d["dct"]) for d in docs], peers.OUT / "heideltime-speed")
            startup = run.wall_s - run.process_s
            rows.append(("heideltime", run.wall_s))
            rows.append(("  excl. start-up", run.process_s))
            notes.append(
                f"heideltime: one JVM for {len(docs)} docs; start-up {startup:.1f} s "
                f"(JVM to main() {run.jvm_s:.2f} s, HeidelTime+TreeTagger init {run.init_s:.1f} s); "
                f"{run.failed} docs failed"
            )
        else:
            seconds, failures = time_per_doc(peers.ours_tag if name == "ours" else peers.dateparser_tag, docs)
            rows.append((name, seconds))
            if failures:
                notes.append(f"{name}: raised on {failures} of {len(docs)} docs")

    ours = dict(rows).get("ours")
    lines = [
        f"{args.corpus} ({len(docs)} docs, {chars / len(docs):.0f} chars/doc on average); {pinning}",
        f"{'system':<18}{'docs':>6}{'total s':>9}{'ms/doc':>9}{'x ours':>10}",
    ]
    for name, seconds in rows:
        ratio = f"{seconds / ours:>10.1f}" if ours else f"{'-':>10}"
        lines.append(f"{name:<18}{len(docs):>6}{seconds:>9.2f}{1000 * seconds / len(docs):>9.2f}{ratio}")
    lines += notes
    if ours is not None:
        lines += [""] + scaling(docs)
    load_after = os.getloadavg()
    lines.append(
        f"\nload average (1/5/15 min) before {load_before[0]:.2f}/{load_before[1]:.2f}/{load_before[2]:.2f}, "
        f"after {load_after[0]:.2f}/{load_after[1]:.2f}/{load_after[2]:.2f}; {os.cpu_count()} CPUs"
    )
    report = "\n".join(lines)
    print(report)
    peers.OUT.mkdir(parents=True, exist_ok=True)
    (peers.OUT / "temporal_speed.txt").write_text(report + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
