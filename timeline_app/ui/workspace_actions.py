"""File-menu work on the workspace: New, Open, Open Recent, Save, Save As, Export Data, autosave, restore.

Opening
-------
A workspace of 500 articles takes about a second to read and to apply its corrections to; that runs in a worker
(see workspace_opener.py) with its progress in the status bar and Cancel. The window changes only when the whole
workspace has been read: a cancel, a damaged file or one from a newer version leaves what was open as it was,
and the last two say so naming the file. The views then redraw in several event-loop turns.

Saved state
-----------
The workspace is "modified" when its documents or corrections differ from those last written to its file,
compared by value, so undoing back to the saved state makes it clean again, and an autosave that finishes after
the user changed more marks only what it wrote.

Autosave
--------
A timer looks every few seconds whether the documents or corrections changed since the last autosave and then
writes a snapshot in a worker (a Workspace is immutable; a save of 50 articles takes ~150 ms, too long for the
GUI thread). A named workspace is autosaved to its own file (atomically, see core/store.py), which counts as
saved. An untitled one goes to ``paths.untitled_autosave_path()``, which a clean exit deletes: finding it at
start means the last session did not end cleanly, and the user is offered to restore it.
"""

from __future__ import annotations

import base64
import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QObject, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from timeline_app.core import paths
from timeline_app.core.corrections import describe
from timeline_app.core.store import ViewState, Workspace, WorkspaceError, save_workspace
from timeline_app.ui.workers import SaveJob
from timeline_app.ui.workspace_opener import WorkspaceOpener

logger = logging.getLogger(__name__)
AUTOSAVE_MS = 5000
WORKSPACE_FILTER = "Timeline workspace (*.tlw)"
DATA_FORMATS = {  # file-dialog filter -> (export format, suffix)
    "CSV table (*.csv)": ("csv", ".csv"),
    "JSON (*.json)": ("json", ".json"),
    "TimelineJS JSON (*.json)": ("timelinejs", ".json"),
    "iCalendar (*.ics)": ("ics", ".ics"),
}


class WorkspaceActions(QObject):
    """The workspace file of a main window: its actions, its saved state, its autosave."""

    autosaved = Signal(object)  # the path an autosave wrote
    opened = Signal(object)  # the workspace file now shown (None: the untitled work of a session that crashed)
    open_finished = Signal(bool)  # after an open: True when it is shown, False when it failed or was cancelled

    def __init__(self, window: QMainWindow, layout_version: int = 0):
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.layout_version = layout_version
        self.path: Path | None = None
        self._saved = self._state()  # what the file holds: (document ids, corrections)
        self._autosaved = self.session.session.change_key
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._job: SaveJob | None = None
        self._finished_job: SaveJob | None = None
        self._closed = False  # closed or shut down: no more questions, no more autosaves
        self.opener = WorkspaceOpener(self)
        self.opener.opened.connect(self._open_read)
        self.opener.failed.connect(self._open_failed)
        self.opener.finished.connect(self._open_ended)
        self._restoring = False  # the file being opened is the untitled autosave of a session that crashed
        self._open_from = self.session.session.change_key  # the session when the open began
        self._showing = False  # a workspace read is being drawn, in several event-loop turns
        self._autosaved_at = ""  # when the untitled autosave being restored was written

        def action(text, slot, shortcut=None, tip="") -> QAction:
            a = QAction(text, window)
            if shortcut is not None:
                a.setShortcut(QKeySequence(shortcut))
            a.setStatusTip(tip)
            a.triggered.connect(slot)
            return a

        self.new_action = action("&New Workspace", self.new, QKeySequence.StandardKey.New, "Start an empty workspace")
        self.open_action = action("Open &Workspace…", self.ask_open, "Ctrl+Shift+O", "Open a .tlw workspace file")
        self.save_action = action("&Save", self.save, QKeySequence.StandardKey.Save, "Save the workspace")
        self.save_as_action = action("Save &As…", self.save_as, "Ctrl+Shift+S", "Save the workspace in a new file")
        self.export_data_action = action("Export &Data…", self.export_data, "Ctrl+Shift+E",
                                         "Write the events as CSV, JSON, TimelineJS or iCalendar")
        self.recent_menu = QMenu("Open &Recent", window)
        self.recent_menu.aboutToShow.connect(self._fill_recent)

        self.timer = QTimer(self, interval=AUTOSAVE_MS)
        self.timer.timeout.connect(self.autosave)
        self.timer.start()
        self.session.timeline_changed.connect(self.update_title)
        self.session.documents_changed.connect(self.update_title)
        self.update_title()

    # --- state -----------------------------------------------------------------------
    def _state(self) -> tuple[tuple[str, ...], tuple]:
        s = self.session.session
        return tuple(s.results), s.stack.corrections

    def is_modified(self) -> bool:
        """True when the documents or corrections are not those in the workspace file."""
        return self._state() != self._saved

    def _is_empty(self) -> bool:
        s = self.session.session
        return not s.results and not s.stack.corrections

    def update_title(self) -> None:
        name = self.path.name if self.path is not None else "Untitled"
        self.window.setWindowTitle(f"{name}[*] — Timeline")
        modified = self.is_modified() and not (self.path is None and self._is_empty())
        self.window.setWindowModified(modified)
        self.save_action.setEnabled(modified or self.path is None)

    def snapshot(self) -> Workspace:
        """Everything to save, as values: documents as extracted, corrections, and the view."""
        s = self.session.session
        view = self.window.timeline_view
        span = view.visible_range()
        key = s.key_of(s.selected) if s.selected else None
        layout = base64.b64encode(bytes(self.window.saveState(self.layout_version))).decode("ascii")
        state = ViewState(span, tuple(sorted(s.hidden)), str(key) if key is not None else None, layout)
        return Workspace(tuple(s.results.values()), s.stack.corrections, state)

    # --- New / Open ------------------------------------------------------------------
    @property
    def opening(self) -> bool:
        """True from the start of an open until the workspace is shown, or the open failed or was cancelled."""
        return self.opener.busy or self._showing

    def cancel_open(self) -> None:
        """Stop reading a workspace: what was open stays as it was."""
        self.opener.cancel()

    def new(self) -> None:
        if not self.maybe_save():
            return
        self._stop_opening()
        self._wait()
        if self.path is None:
            _remove(paths.untitled_autosave_path())
        self.session.replace_all([], ())
        self._opened(None)
        self._said("New workspace.")

    def ask_open(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self.window, "Open workspace", str(self._folder()),
                                              f"{WORKSPACE_FILTER};;All files (*)")
        if name:
            self.open(Path(name))

    def open(self, path: Path, ask: bool = True) -> bool:
        """Start opening a workspace file in this window (after offering to save the current one).

        False when it was not started; else ``open_finished`` tells how it ended (``opened`` when it is shown).
        """
        name = Path(path).name
        if self.window.loader.busy:
            QMessageBox.information(self.window, "Still loading",
                                    "Articles are still loading. Wait for them, or press Cancel, then open "
                                    f"{name} again.")
            return False
        if self.opening:
            self._said(f"Still opening a workspace: wait for it, or press Cancel, then open {name}.")
            return False
        if ask and not self.maybe_save():
            return False
        self._start_open(Path(path), restoring=False)
        return True

    def _start_open(self, path: Path, restoring: bool) -> None:
        self._restoring = restoring
        self._open_from = self.session.session.change_key
        self.opener.open(path)

    def _open_read(self, path: Path, workspace: Workspace, applied) -> None:
        """The worker read the whole file: show it (unless the user, asked again, keeps what changed meanwhile)."""
        changed = self.session.session.change_key != self._open_from
        if changed and not self._restoring and not self.maybe_save():
            self._said(f"Did not open {path.name}.")
            return
        self._wait()
        if self.path is None and not self._restoring:
            _remove(paths.untitled_autosave_path())  # the user chose what to do with the untitled work
        if self._restoring:
            self.restore(workspace, None, applied)  # still untitled, and unsaved
            self._said(f"Restored the unsaved work autosaved at {self._autosaved_at}. Save it to keep it, or "
                       "File > New to start afresh.")
            return
        self.restore(workspace, path, applied)
        paths.add_recent_workspace(path)
        self._said(f"Opened {path.name}: {len(workspace.results)} documents, {len(workspace.corrections)} "
                   "corrections.")

    def _open_failed(self, path: Path, message: str) -> None:
        if self._restoring:
            logger.error("cannot restore the autosave: %s", message)
            self._said(f"Could not restore the unsaved work of the last session: {message}")
            return
        if not path.exists():
            paths.remove_recent_workspace(path)
        self._said(f"Did not open {message}")
        QMessageBox.warning(self.window, "Cannot open workspace", message)

    def _open_ended(self, path: Path, cancelled: bool) -> None:
        if cancelled:
            self._said(f"Opening {path.name} cancelled; nothing changed.")
        if not self._showing:  # else open_finished comes once the views show it
            self.open_finished.emit(False)

    def restore(self, workspace: Workspace, path: Path | None, applied=None) -> None:
        """Show a workspace as it was left: documents, corrections, hidden lanes, visible range, selection.

        ``applied`` is ``workspace.timeline()`` when it was computed already (by the worker that read the file).
        The views redraw in several event-loop turns; ``opened`` is emitted once they have.
        """
        view = workspace.view
        if view.layout:
            self.window.restoreState(QByteArray(base64.b64decode(view.layout)), self.layout_version)

        def shown() -> None:
            self._showing = False
            if self.session.session.documents_revision != revision:  # File > New came first
                self.open_finished.emit(False)
                return
            if view.visible_range is not None:
                self.window.timeline_view.set_visible_range(*view.visible_range)
            self.opened.emit(path)
            self.open_finished.emit(True)

        self._showing = True
        self.session.replace_all(workspace.results, workspace.corrections, view.selection, applied, then=shown)
        revision = self.session.session.documents_revision
        self._show_orphans(self.session.session.applied.orphans)
        self._opened(path)

    def _opened(self, path: Path | None) -> None:
        self.path = path
        self._saved = self._state() if path is not None else ((), ())
        self._autosaved = self.session.session.change_key
        self.update_title()

    def _show_orphans(self, orphans) -> None:
        problems = self.window.problems
        problems.clear()
        titles = {r.document.id: r.document.title for r in self.session.session.results.values()}
        for c in orphans:
            key = getattr(c, "key", None)
            where = titles.get(getattr(key, "document", getattr(c, "document", "")), "a document no longer here")
            problems.addItem(f"Correction “{describe(c)}” no longer applies: its event was not found in “{where}”"
                             + (f" ({key})" if key is not None else "") + ".")
        if orphans:
            self.window.problems_dock.show()
            self.window.problems_dock.raise_()

    # --- Save ------------------------------------------------------------------------
    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self.save_to(self.path)

    def save_as(self) -> bool:
        start = self.path or self._folder() / "Untitled.tlw"
        name, _ = QFileDialog.getSaveFileName(self.window, "Save workspace", str(start), WORKSPACE_FILTER)
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() != paths.WORKSPACE_SUFFIX:
            path = path.with_name(path.name + paths.WORKSPACE_SUFFIX)
        return self.save_to(path)

    def save_to(self, path: Path) -> bool:
        """Save now, on the GUI thread (the user waits for Save); False when it failed (the user was told)."""
        self._wait()  # an autosave must not land after this save
        workspace = self.snapshot()
        try:
            save_workspace(path, workspace)
        except WorkspaceError as exc:
            QMessageBox.warning(self.window, "Cannot save workspace", str(exc))
            return False
        if self.path is None:
            _remove(paths.untitled_autosave_path())
        self.path = Path(path)
        self._saved = (tuple(r.document.id for r in workspace.results), workspace.corrections)
        self._autosaved = self.session.session.change_key
        self.session.session.stack.mark_clean()
        paths.add_recent_workspace(path)
        self.update_title()
        self._said(f"Saved {self.path.name}.")
        return True

    def maybe_save(self) -> bool:
        """Ask Save / Discard / Cancel when there are unsaved changes; False when the user cancelled."""
        if not self.window.isWindowModified():
            return True
        name = self.path.name if self.path is not None else "this untitled workspace"
        answer = QMessageBox.question(
            self.window, "Unsaved changes", f"Save the changes to {name}?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def closing(self) -> bool:
        """The window is about to close: False to keep it open. A clean exit removes the untitled autosave."""
        if self._closed:
            return True
        if not self.maybe_save():
            return False
        self.timer.stop()
        # the untitled work of a crashed session, closed before it was restored, is offered again next time
        interrupted = self.opener.busy and self._restoring
        self._stop_opening()
        self._wait()
        if self.path is None and not interrupted:
            _remove(paths.untitled_autosave_path())
        self._closed = True
        return True

    def _stop_opening(self) -> None:
        self.cancel_open()
        self.opener.wait()

    def shutdown(self) -> None:
        """The application is quitting without the window being closed by the user (no one to ask).

        A last autosave keeps every change; an untitled one stays for the next start to offer back.
        """
        if self._closed:
            return
        self.timer.stop()
        self._stop_opening()
        self._wait()
        key = self.session.session.change_key
        if key != self._autosaved and not (self.path is None and self._is_empty()):
            try:
                save_workspace(self.path or paths.untitled_autosave_path(), self.snapshot())
            except WorkspaceError as exc:
                logger.error("last autosave failed: %s", exc)
        self._closed = True

    # --- autosave --------------------------------------------------------------------
    def autosave(self) -> None:
        """Write a snapshot in the background when something changed since the last one (the timer's slot)."""
        key = self.session.session.change_key
        if key == self._autosaved or self._job is not None:
            return
        if self.path is None and self._is_empty():
            return  # nothing to lose
        target = self.path or paths.untitled_autosave_path()
        job = SaveJob(target, self.snapshot())
        job.key = key
        job.signals.saved.connect(self._autosaved_to)
        job.signals.failed.connect(self._autosave_failed)
        self._job = job
        self.pool.start(job)

    def _autosaved_to(self, path: Path, workspace: Workspace) -> None:
        job, self._job, self._finished_job = self._job, None, self._job
        if job is None:
            return
        self._autosaved = job.key
        if self.path is not None and path == self.path:  # a named workspace's own file is now up to date
            self._saved = (tuple(r.document.id for r in workspace.results), workspace.corrections)
            self.update_title()
        logger.debug("autosaved %s", path)
        self.autosaved.emit(path)

    def _autosave_failed(self, path: Path, message: str) -> None:
        if self._job is None:
            return
        self._job, self._finished_job = None, self._job
        logger.warning("autosave failed: %s", message)
        self._said(f"Autosave failed: {message}")

    def _wait(self) -> None:
        """Let a running autosave finish and deliver its result."""
        if self._job is not None:
            self.pool.waitForDone()
            # its result is queued for this object: take it now, so the state says what the file holds
            QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)
            self._job, self._finished_job = None, self._job

    def offer_restore(self) -> bool:
        """At start: bring back the untitled workspace a session that did not end cleanly autosaved.

        It comes back without a question (nothing is lost either way: File > New starts afresh), so a start
        never waits on a dialog, and the status bar says what happened. True when there is one to restore; it is
        read in the background (``open_finished`` tells how that ended).
        """
        autosave = paths.untitled_autosave_path()
        if not autosave.exists() or self.opening:
            return False
        self._autosaved_at = datetime.fromtimestamp(autosave.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        self._start_open(autosave, restoring=True)  # in the background, like any workspace
        return True

    # --- recent, export --------------------------------------------------------------
    def _fill_recent(self) -> None:
        menu = self.recent_menu
        menu.clear()
        recent = paths.recent_workspaces()
        for p in recent:
            menu.addAction(p.name, lambda p=p: self.open(p)).setStatusTip(str(p))
        if not recent:
            menu.addAction("No recent workspaces").setEnabled(False)
        menu.addSeparator()
        clear = menu.addAction("Clear Menu", paths.clear_recent_workspaces)
        clear.setEnabled(bool(recent))

    def export_data(self) -> None:
        start = str(self._folder() / ((self.path.stem if self.path else "timeline") + ".csv"))
        name, chosen = QFileDialog.getSaveFileName(self.window, "Export data", start, ";;".join(DATA_FORMATS))
        if name:
            fmt, suffix = DATA_FORMATS.get(chosen, (None, ""))
            path = Path(name)
            if not path.suffix and suffix:
                path = path.with_suffix(suffix)
            self.export_to(path, fmt)

    def export_to(self, path: Path, fmt: str | None = None) -> bool:
        from timeline_app.export import ExportError, write

        timeline = self.session.timeline
        try:
            write(timeline, path, fmt)
        except (ExportError, OSError) as exc:
            QMessageBox.warning(self.window, "Export failed", f"Cannot write {path.name}: {exc}")
            return False
        self._said(f"Exported {len(timeline.events)} events to {path.name}.")
        return True

    def _folder(self) -> Path:
        return self.path.parent if self.path is not None else Path.home()

    def _said(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 8000)


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        logger.warning("cannot remove %s: %s", path, exc)
