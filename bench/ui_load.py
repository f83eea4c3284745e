"""Load 500 articles into the real main window (offscreen) and report the longest event-loop stall.

    .venv/bin/python bench/ui_load.py [--limit 500] [--corpus DIR] [--profile]

The articles are TempEval-3 silver texts written as .txt files into a temporary folder
(never into the repository), named "<doc>-<YYYY-MM-DD>.txt" so that the publication date
comes from the file name. A 10 ms QTimer measures the gaps between its ticks while the
folder loads: a gap far over 10 ms is a stall the user feels. Target: no stall over 100 ms.
With --profile the GUI thread is profiled (cProfile) and its top functions are printed.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
SHARED = Path(__file__).resolve().parents[2] / "shared"
sys.path.insert(0, str(SHARED / "eval"))
import te3data  # noqa: E402

TICK_MS = 10


class StallMeter:
    """The gaps between the ticks of a 10 ms QTimer, in ms: a gap far over 10 ms is a stall the user feels."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self.timer = QTimer(interval=TICK_MS)
        self.timer.timeout.connect(self._tick)

    def start(self) -> float:
        """Start measuring; returns the start time (perf_counter)."""
        self._last = time.perf_counter()
        self.timer.start()
        return self._last

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self._last) * 1000)
        self._last = now


def run_until(app, condition, settle_s: float = 1.5) -> None:
    """Process events until ``condition()`` is false, then ``settle_s`` more (deferred labels, highlighting)."""
    while condition():
        app.processEvents()
        time.sleep(0.001)
    settle = time.perf_counter() + settle_s
    while time.perf_counter() < settle:
        app.processEvents()
        time.sleep(0.001)


def private_settings(tmp: Path) -> None:
    """Autosave, settings and the recent list go to ``tmp``, never to the user's own; closing never asks."""
    from PySide6.QtWidgets import QMessageBox

    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        os.environ[name] = str(tmp / name.lower())
    QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard)


def close_window(app, window) -> None:
    """Close and delete a window now, so that the next one (or the end of Qt) starts clean."""
    from PySide6.QtCore import QCoreApplication, QEvent

    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


def write_articles(folder: Path, corpus: Path, limit: int) -> int:
    written = 0
    for path in te3data.list_tml(str(corpus))[:limit]:
        doc = te3data.load_file(path)
        dct = (doc.get("dct") or "")[:10]
        if len(dct) != 10 or not doc["text"].strip():
            continue
        (folder / f"{doc['doc']}-{dct}.txt").write_text(doc["text"].strip() + "\n", encoding="utf-8")
        written += 1
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=500)
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpora" / "te3-silver")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from timeline_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(["ui_load"])
    with tempfile.TemporaryDirectory(prefix="ui_load-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        private_settings(Path(tmp))
        n = write_articles(folder, args.corpus, args.limit)
        window = MainWindow()
        window.resize(1440, 900)
        window.show()
        app.processEvents()

        meter = StallMeter()
        done = [None]
        window.loading_finished.connect(lambda: done.__setitem__(0, time.perf_counter()))
        profiler = cProfile.Profile() if args.profile else None
        start = meter.start()
        if profiler:
            profiler.enable()
        window.load([folder])
        run_until(app, lambda: done[0] is None)
        if profiler:
            profiler.disable()
        meter.stop()
        gaps = meter.gaps
        s = window.session.session
        worst = sorted(gaps, reverse=True)
        print(f"articles written: {n}; loaded: {len(s.results)} documents, {len(s.events)} events, "
              f"{len(s.lanes())} lanes; problems: {window.problems.count()}")
        print(f"total load time: {done[0] - start:.1f} s")
        print(f"longest event-loop stall: {worst[0]:.0f} ms (ticks every {TICK_MS} ms; "
              f"{sum(g > 100 for g in gaps)} gaps over 100 ms, {sum(g > 50 for g in gaps)} over 50 ms)")
        print("10 longest gaps (ms):", " ".join(f"{g:.0f}" for g in worst[:10]))
        if profiler:
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)
        close_window(app, window)
        del window
    app.shutdown()


if __name__ == "__main__":
    main()
