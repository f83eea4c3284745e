"""Open a workspace of 500 articles in the real main window (offscreen) and report the longest event-loop stall.

    .venv/bin/python bench/ui_open.py [--limit 500] [--corpus DIR] [--runs 3] [--profile]

The workspace is built in a temporary folder (never in the repository): TempEval-3 silver texts are written as
.txt files (as bench/ui_load.py does), extracted, and saved as one .tlw with a few corrections. The window then
opens it the way File › Open Workspace does, while a 10 ms QTimer measures the gaps between its ticks: a gap far
over 10 ms is a stall the user feels. Target: no stall over 100 ms. Each run opens the file in a fresh window.
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
sys.path.insert(0, str(Path(__file__).resolve().parent))
from ui_load import SHARED, StallMeter, close_window, private_settings, run_until, write_articles  # noqa: E402


def build_workspace(folder: Path, target: Path) -> tuple[int, int]:
    """Extract every article in ``folder`` and save them with a few corrections; (documents, events)."""
    from timeline_app.core.corrections import HideLane, MergeReports, RenameLane
    from timeline_app.core.pipeline import process_files
    from timeline_app.core.session import Session
    from timeline_app.core.store import Workspace, save_workspace

    session = Session()
    for step in process_files([folder]):
        if step.result is not None:
            session.add(step.result)
    lanes = [name for name, _ in session.lanes()]
    corrections = (RenameLane(lanes[0], f"{lanes[0]} (renamed)"), HideLane(lanes[-1]), MergeReports())
    save_workspace(target, Workspace(tuple(session.results.values()), corrections))
    return len(session.results), len(session.events)


def open_once(app, path: Path, profiler: cProfile.Profile | None) -> tuple[list[float], float, str]:
    """Open ``path`` in a new window; the gaps between timer ticks (ms), seconds until shown, the counts shown."""
    from timeline_app.ui.main_window import MainWindow

    window = MainWindow()
    window.resize(1440, 900)
    window.show()
    app.processEvents()
    meter = StallMeter()
    shown = []
    # an open in the background says when the workspace shows; a blocking one (before 2026-11) has when it returns
    if hasattr(window.workspace, "opened"):
        window.workspace.opened.connect(lambda _: shown.append(time.perf_counter()))
    start = meter.start()
    if profiler:
        profiler.enable()
    window.load([path])
    returned = time.perf_counter()
    run_until(app, lambda: getattr(window.workspace, "opening", False))
    if profiler:
        profiler.disable()
    meter.stop()
    counts = window.counts.text()
    close_window(app, window)
    return meter.gaps, (shown[0] if shown else returned) - start, counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=500)
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpora" / "te3-silver")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["ui_open"])
    with tempfile.TemporaryDirectory(prefix="ui_open-") as tmp:
        private_settings(Path(tmp))
        folder = Path(tmp) / "articles"
        folder.mkdir()
        write_articles(folder, args.corpus, args.limit)
        path = Path(tmp) / "large.tlw"
        documents, events = build_workspace(folder, path)
        print(f"workspace: {documents} documents, {events} events, {path.stat().st_size / 1e6:.1f} MB")
        profiler = cProfile.Profile() if args.profile else None
        for run in range(1, args.runs + 1):
            gaps, shown, counts = open_once(app, path, profiler)
            worst = sorted(gaps, reverse=True)
            longest = " ".join(f"{g:.0f}" for g in worst[:5])
            print(f"run {run}: shown after {shown:.2f} s ({counts}); longest event-loop stall {worst[0]:.0f} ms; "
                  f"{sum(g > 100 for g in gaps)} gaps over 100 ms; 5 longest: {longest}")
        if profiler:
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)
    app.shutdown()


if __name__ == "__main__":
    main()
