"""Jobs that run the pipeline on a QThreadPool and report through signals; they never touch widgets."""

from __future__ import annotations

import logging
import threading
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
