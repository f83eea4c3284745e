"""How consistent is a TimeML gold standard with itself? A ceiling for value F1.

    .venv/bin/python bench/gold_consistency.py [--corpus DIR] [--relaxed F1] [--top N]

Groups the gold time expressions by their words (lower-cased, digits as 9) and the form of their value
(digits as 9: "1998-W33" and "1999-W05" share the form "9999-W99"). When the annotators gave one wording
several forms ("last week": 9999-W99, 9999-WXX, P9W, 9999-99...), a tagger that reads the same words the
same way loses every form but the most frequent one. The share of expressions kept that way bounds the
value accuracy of such a tagger, and times the relaxed F1 it bounds its value F1.

The bound is loose in one way (a tagger may choose by context, not words alone) and tight in another (it
counts only disagreements of form, not of date: a gold "Friday" that is the wrong Friday costs as well).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import peers  # noqa: E402

sys.path.insert(0, str(peers.EVAL_DIR))
from te3data import load_dir  # noqa: E402

TBAQ = peers.EVAL_DIR.parent / "corpora" / "tbaq"


def forms_by_wording(docs: list[dict]) -> dict[str, Counter]:
    forms: dict[str, Counter] = defaultdict(Counter)
    for doc in docs:
        for timex in doc["timexes"]:
            wording = re.sub(r"\d", "9", " ".join(timex["text"].lower().split()))
            forms[wording][re.sub(r"\d", "9", timex["value"])] += 1
    return forms


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=TBAQ, help="TimeML folder (default: %(default)s)")
    ap.add_argument("--relaxed", type=float, default=None, metavar="F1",
                    help="a system's relaxed F1 in %%, to turn the accuracy bound into a value F1 bound")
    ap.add_argument("--top", type=int, default=15, metavar="N", help="show the N most frequent split wordings")
    args = ap.parse_args()

    forms = forms_by_wording(load_dir(str(args.corpus)))
    total = sum(sum(c.values()) for c in forms.values())
    lost = sum(sum(c.values()) - max(c.values()) for c in forms.values())
    ceiling = 100 * (total - lost) / total
    print(f"{args.corpus}: {total} gold time expressions, {len(forms)} wordings")
    print(f"given a value form other than their wording's most frequent one: {lost} ({100 * lost / total:.1f}%)")
    print(f"value accuracy ceiling for a tagger that reads the same words the same way: {ceiling:.1f}%")
    if args.relaxed is not None:
        print(f"value F1 ceiling at relaxed F1 {args.relaxed:.1f}: {ceiling * args.relaxed / 100:.1f}")
    split = sorted(((w, c) for w, c in forms.items() if len(c) > 1), key=lambda wc: -sum(wc[1].values()))
    print(f"\nmost frequent wordings with more than one value form (of {len(split)}):")
    for wording, counts in split[:args.top]:
        print(f"  {wording!r:28} " + ", ".join(f"{form} x{n}" for form, n in counts.most_common()))


if __name__ == "__main__":
    main()
