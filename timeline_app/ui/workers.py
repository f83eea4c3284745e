"""Jobs that run the pipeline on a QThreadPool and report through signals; they never touch widgets."""

from __future__ import annotations

import logging
import threading
import time
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from timeline_app.core.pipeline import process_files

logger = logging.getLogger(__name__)


class ImportSignals(QObject):
    """Signals of an :class:`ImportJob`; it lives in the GUI thread so its slots run there."""

    progressed = Signal(int, int, str)  # done, total, path
    loaded = Signal(object)  # DocumentResult
    failed = Signal(str, str)  # path, message naming the file and the reason
    finished = Signal(bool)  # True when cancelled


class ImportJob(QRunnable):
    """Read and extract files one by one; cancel() stops it after the file in hand."""

    def __init__(self, paths: list[Path], reference_date: date | None = None,
                 gate: threading.Event | None = None):
        super().__init__()
        self.setAutoDelete(False)  # the window holds it until finished, so the signals stay alive
        self.paths = list(paths)
        self.reference_date = reference_date
        self.signals = ImportSignals()
        self._cancel = threading.Event()
        # cleared by the GUI while it redraws: the job waits between files, so it does not compete
        # with the GUI thread for the GIL (which would make each redraw twice as long, or worse)
        self.gate = gate

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            for step in process_files(self.paths, self.reference_date):
                if self._cancel.is_set():
                    break
                if self.gate is not None:
                    self.gate.wait(1.0)  # never block for good, whatever the GUI does
                self.signals.progressed.emit(step.done, step.total, step.path)
                if step.result is not None:
                    self.signals.loaded.emit(step.result)
                else:
                    self.signals.failed.emit(step.path, step.error or "unknown error")
        except Exception as exc:  # noqa: BLE001 - reported to the user, never lost in a thread
            logger.exception("import failed")
            self.signals.failed.emit("", f"loading stopped: {exc}")
        finally:
            self.signals.finished.emit(self._cancel.is_set())


class SaveSignals(QObject):
    """Signals of a :class:`SaveJob`."""

    saved = Signal(object, object)  # path, the Workspace written
    failed = Signal(object, str)  # path, message naming the file


class SaveJob(QRunnable):
    """Write a workspace file (an autosave) off the GUI thread; a Workspace is immutable, so this is safe."""

    def __init__(self, path: Path, workspace):
        super().__init__()
        self.setAutoDelete(False)  # held by the window until finished, so the signals stay alive
        self.path = Path(path)
        self.workspace = workspace
        self.signals = SaveSignals()

    def run(self) -> None:
        from timeline_app.core.store import WorkspaceError, save_workspace

        try:
            save_workspace(self.path, self.workspace)
        except WorkspaceError as exc:
            self.signals.failed.emit(self.path, str(exc))
        except Exception as exc:  # noqa: BLE001 - reported to the user, never lost in a thread
            logger.exception("autosave failed")
            self.signals.failed.emit(self.path, f"{self.path.name}: autosave failed: {exc}")
        else:
            self.signals.saved.emit(self.path, self.workspace)


class OpenSignals(QObject):
    """Signals of an :class:`OpenJob`."""

    progressed = Signal(int, int, str)  # steps done, steps in all, path
    opened = Signal(object, object, object)  # path, the Workspace read, its Applied (what it shows)
    failed = Signal(object, str)  # path, message naming the file and what is wrong
    finished = Signal(bool)  # True when cancelled


class OpenCancelled(Exception):
    """Raised inside an :class:`OpenJob` to stop reading at the next document."""


class OpenJob(QRunnable):
    """Read a workspace file and apply its corrections off the GUI thread; cancel() stops it at the next document.

    It changes nothing the window shows: the window takes what ``opened`` carries, all at once, or nothing.
    """

    def __init__(self, path: Path):
        super().__init__()
        self.setAutoDelete(False)  # held by the window until finished, so the signals stay alive
        self.path = Path(path)
        self.signals = OpenSignals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise OpenCancelled
        # one step more than the documents: applying the corrections
        self.signals.progressed.emit(done, total + 1, str(self.path))
        # Hand the GIL over between documents. Reading releases it briefly for every row SQLite steps to and
        # takes it straight back, which starves the GUI thread for 50-150 ms at a time; a yield here keeps the
        # longest wait under 10 ms (bench/ui_open.py), for about a third more reading time.
        time.sleep(0)

    def run(self) -> None:
        from timeline_app.core.store import WorkspaceError, open_workspace

        try:
            workspace = open_workspace(self.path, self._progress)
            applied = workspace.timeline()  # the slow part of showing a large workspace
            self._progress(len(workspace.results) + 1, len(workspace.results))
        except OpenCancelled:
            pass
        except WorkspaceError as exc:
            self.signals.failed.emit(self.path, str(exc))
        except Exception as exc:  # noqa: BLE001 - reported to the user, never lost in a thread
            logger.exception("opening %s failed", self.path)
            self.signals.failed.emit(self.path, f"{self.path.name}: could not be opened ({exc})")
        else:
            self.signals.opened.emit(self.path, workspace, applied)
        finally:
            self.signals.finished.emit(self._cancel.is_set())
