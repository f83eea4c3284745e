"""Milliseconds per frame for pan and zoom of a synthetic 10,000-event timeline in TimelineView.

    .venv/bin/python bench/ui_frames.py [--events 10000] [--lanes 30] [--frames 60]

1600x900 offscreen; a frame is one pan or zoom step plus a full grab() of the view (what a
repaint costs). Target: under 30 ms a frame. Prints median and p95 for pan and for zoom.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from datetime import date, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def synthetic_timeline(n_events: int, n_lanes: int, seed: int = 1):
    from timeline_app.core.model import Document, Event, Timeline, Timex

    rng = random.Random(seed)
    start = date(2017, 1, 1)
    docs = tuple(Document(f"d{i}", f"/tmp/d{i}.txt", f"Article {i}", "x", start + timedelta(days=i * 30), "user")
                 for i in range(20))
    lanes = [f"Lane {i:02d}" for i in range(n_lanes)]
    events = []
    for i in range(n_events):
        day = start + timedelta(days=rng.randrange(730))
        span = 0 if rng.random() < 0.6 else rng.choice((6, 13, 29))
        t = Timex(0, 1, "x", "DATE", day.isoformat(), day, day + timedelta(days=span), "reference")
        lane = lanes[min(int(rng.expovariate(1 / 6)), n_lanes - 1)]
        doc = docs[rng.randrange(len(docs))]
        events.append(Event(f"e{i}", doc.id, "A sentence.", 0, 1, t, (lane,), lane, f"event {i}"))
    return Timeline(docs, tuple(events))


def stats(values: list[float]) -> str:
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]
    return f"median {statistics.median(values):5.1f} ms, p95 {p95:5.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--lanes", type=int, default=30)
    parser.add_argument("--frames", type=int, default=60)
    args = parser.parse_args()

    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from timeline_app.ui.timeline_view import TimelineView

    app = QApplication.instance() or QApplication(["ui_frames"])
    timeline = synthetic_timeline(args.events, args.lanes)
    view = TimelineView()
    # never shown, so the event loop does not paint it as well: each frame is painted once, by grab()
    view.resize(1600, 900)
    t0 = time.perf_counter()
    view.show_timeline(timeline)
    app.processEvents()
    print(f"{args.events} events, {args.lanes} lanes: show_timeline {1000 * (time.perf_counter() - t0):.0f} ms")
    vb = view.plot.getViewBox()
    view.grab()

    def frames(step) -> list[float]:
        out = []
        for k in range(args.frames):
            t = time.perf_counter()
            step(k)
            app.processEvents()
            pixmap = view.grab()
            out.append(1000 * (time.perf_counter() - t))
            del pixmap
        return out

    view.fit()
    (x0, x1), _ = vb.viewRange()
    width = x1 - x0

    def pan(k: int) -> None:
        (a, b), _ = vb.viewRange()
        d = width * 0.02 * (1 if (k // 20) % 2 == 0 else -1)
        vb.setXRange(a + d, b + d, padding=0)

    def zoom(k: int) -> None:
        factor = 0.9 if (k // 20) % 2 == 0 else 1 / 0.9
        vb.scaleBy(x=factor, y=1)

    print(f"pan : {stats(frames(pan))}")
    view.fit()
    print(f"zoom: {stats(frames(zoom))}")
    view.close()
    view.deleteLater()
    view = None
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
    app.shutdown()


if __name__ == "__main__":
    main()
