"""Loads files into the session off the GUI thread, one ImportJob at a time, never a file twice."""

from __future__ import annotations

import logging
import sys
from collections import deque
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal

from timeline_app.core.ingest import collect_files
from timeline_app.ui.workers import ImportJob

logger = logging.getLogger(__name__)
# While a job runs, the GUI thread asks for the GIL back sooner than Python's default 5 ms: the job's pure-Python
# extraction otherwise keeps each repaint waiting in 5 ms slices (halves the 50 ms stalls while 500 files load).
LOADING_SWITCH_INTERVAL = 0.001


class Loader(QObject):
    """Queues paths, runs them through ImportJob, adds results to the SessionModel."""

    started = Signal(int)  # number of files in the batch
    progressed = Signal(int, int, str)
    failed = Signal(str, str)  # path, message
    finished = Signal(int, int, bool)  # loaded, skipped as already loaded, cancelled

    def __init__(self, session, reference_date: date | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.reference_date = reference_date
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one batch at a time keeps the order of documents stable
        self.job: ImportJob | None = None
        self._finished_job: ImportJob | None = None
        self._queue: deque[list[Path]] = deque()
        self._loaded = 0
        self._skipped = 0
        self._switch_interval: float | None = None  # Python's, while a job runs with a shorter one

    @property
    def busy(self) -> bool:
        return self.job is not None

    def load(self, paths: list[str | Path]) -> int:
        """Queue files and folders (recursively); returns how many new files will be read."""
        files, skipped = [], 0
        pending = {str(p.resolve()) for batch in self._queue for p in batch}
        if self.job is not None:
            pending |= {str(Path(p).resolve()) for p in self.job.paths}
        for f in collect_files(paths):
            key = str(f.resolve())
            if key in pending or self.session.session.has_path(key, resolved=True):
                skipped += 1
                continue
            pending.add(key)
            files.append(f)
        self._skipped += skipped
        if not files:
            if not self.busy:
                self.finished.emit(0, skipped, False)
                self._skipped = 0
            return 0
        self._queue.append(files)
        self._next()
        return len(files)

    def cancel(self) -> None:
        self._queue.clear()
        if self.job is not None:
            self.job.cancel()

    def wait(self, msecs: int = 5000) -> bool:
        """Wait for the running job (used when the app closes)."""
        return self.pool.waitForDone(msecs)

    def _next(self) -> None:
        if self.job is not None or not self._queue:
            return
        files = self._queue.popleft()
        job = ImportJob(files, self.reference_date, getattr(self.session, "gate", None))
        job.signals.progressed.connect(self.progressed)
        job.signals.loaded.connect(self._loaded_one)
        job.signals.failed.connect(self.failed)
        job.signals.finished.connect(self._job_finished)
        self.job = job
        if self._switch_interval is None:
            self._switch_interval = sys.getswitchinterval()
            sys.setswitchinterval(min(self._switch_interval, LOADING_SWITCH_INTERVAL))
        self.started.emit(len(files))
        self.pool.start(job)

    def _loaded_one(self, result) -> None:
        if self.session.add_result(result, batch=True):
            self._loaded += 1
        else:
            self._skipped += 1

    def _job_finished(self, cancelled: bool) -> None:
        # keep the finished job alive a while: its run() may still be returning in the pool thread
        self._finished_job, self.job = self.job, None
        if self._queue and not cancelled:
            self._next()
            return
        if self._switch_interval is not None:
            sys.setswitchinterval(self._switch_interval)
            self._switch_interval = None
        loaded, skipped = self._loaded, self._skipped
        self._loaded = self._skipped = 0
        # the last redraw too runs in several event-loop turns; "finished" says the views show everything
        self.session.flush_in_turns(lambda: self.finished.emit(loaded, skipped, cancelled))
