"""Opens a workspace file off the GUI thread, one at a time, and hands over what it read all at once, or nothing."""

from __future__ import annotations

import gc
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal

from timeline_app.ui.loader import LOADING_SWITCH_INTERVAL
from timeline_app.ui.workers import OpenJob

logger = logging.getLogger(__name__)


class WorkspaceOpener(QObject):
    """Runs an :class:`OpenJob`; a cancel wins even over a result already on its way to the GUI thread."""

    started = Signal(object)  # path
    progressed = Signal(int, int, str)  # steps done, steps in all, path
    opened = Signal(object, object, object)  # path, Workspace, Applied
    failed = Signal(object, str)  # path, message naming the file
    finished = Signal(object, bool)  # path, cancelled; after opened or failed

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.job: OpenJob | None = None
        self._finished_job: OpenJob | None = None
        self._switch_interval: float | None = None
        self._collecting = True  # the cyclic garbage collector ran before the job

    @property
    def busy(self) -> bool:
        return self.job is not None

    def open(self, path: Path) -> None:
        """Start reading ``path``; the caller makes sure no other open is running (see ``busy``)."""
        if self.job is not None:
            raise RuntimeError(f"already opening {self.job.path}")
        job = OpenJob(path)
        job.signals.progressed.connect(self._progressed)
        job.signals.opened.connect(self._opened)
        job.signals.failed.connect(self._failed)
        job.signals.finished.connect(self._finished)
        self.job = job
        # the GUI thread asks for the GIL back sooner while the job parses (as while articles load)
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(min(self._switch_interval, LOADING_SWITCH_INTERVAL))
        # Reading 500 articles makes about a million objects; a full collection over them, run by whichever
        # thread allocates, holds the GIL ~90 ms and stalls the window. They live as long as the session does
        # (freed by reference counting): no collection while they are made, then they are frozen out of sight.
        self._collecting = gc.isenabled()
        gc.disable()
        self.started.emit(job.path)
        self.pool.start(job)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Wait for the job to end (used when the window closes)."""
        return self.pool.waitForDone(msecs)

    def _progressed(self, done: int, total: int, path: str) -> None:
        if self.job is not None and not self.job.cancelled:
            self.progressed.emit(done, total, path)

    def _opened(self, path: Path, workspace, applied) -> None:
        if self.job is not None and not self.job.cancelled:
            self.opened.emit(path, workspace, applied)

    def _failed(self, path: Path, message: str) -> None:
        if self.job is not None and not self.job.cancelled:
            self.failed.emit(path, message)

    def _finished(self, _cancelled: bool) -> None:
        # keep the finished job alive a while: its run() may still be returning in the pool thread
        job, self.job, self._finished_job = self.job, None, self.job
        if self._switch_interval is not None:
            sys.setswitchinterval(self._switch_interval)
            self._switch_interval = None
        gc.freeze()
        if self._collecting:
            gc.enable()
        if job is not None:
            self.finished.emit(job.path, job.cancelled)
