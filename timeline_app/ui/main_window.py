"""The main window: menus, docks and status bar around the timeline; it delegates the work."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
)

from timeline_app import __version__
from timeline_app.core.ingest import SUPPORTED_SUFFIXES
from timeline_app.core.paths import WORKSPACE_SUFFIX
from timeline_app.ui.documents_panel import DocumentsPanel
from timeline_app.ui.edit_actions import EditActions
from timeline_app.ui.events_table import EventsPanel
from timeline_app.ui.export_dialog import ExportDialog
from timeline_app.ui.loader import Loader
from timeline_app.ui.render import render_to_file
from timeline_app.ui.session_model import SessionModel
from timeline_app.ui.source_view import SourceView
from timeline_app.ui.timeline_view import TimelineView
from timeline_app.ui.view_actions import add_view_actions
from timeline_app.ui.workspace_actions import WorkspaceActions

logger = logging.getLogger(__name__)
LAYOUT_VERSION = 2  # bump when the docks change, so an old saved layout is not restored


class MainWindow(QMainWindow):
    """Timeline in the centre; article text, events, documents and problems in docks."""

    loading_finished = Signal()

    def __init__(self, session: SessionModel | None = None, reference_date: date | None = None):
        super().__init__()
        self.session = session or SessionModel(parent=self)
        self.loader = Loader(self.session, reference_date, self)
        self.setAcceptDrops(True)
        self.setDockNestingEnabled(True)

        self.timeline_view = TimelineView(self.session)
        self.setCentralWidget(self.timeline_view)
        self.source_view = SourceView(self.session)
        self.events_panel = EventsPanel(self.session)
        self.documents_panel = DocumentsPanel(self.session)
        self.problems = QListWidget()
        self.problems.setAcceptDrops(False)
        self.source_dock = self._dock("Article", self.source_view, Qt.DockWidgetArea.RightDockWidgetArea)
        self.events_dock = self._dock("Events", self.events_panel, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.documents_dock = self._dock("Documents", self.documents_panel, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.problems_dock = self._dock("Problems", self.problems, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.tabifyDockWidget(self.events_dock, self.documents_dock)
        self.tabifyDockWidget(self.documents_dock, self.problems_dock)
        self.problems_dock.hide()
        self.events_dock.raise_()

        self._make_status_bar()
        self.edit = EditActions(self, self.session, self.source_view)
        self.workspace = WorkspaceActions(self, LAYOUT_VERSION)
        self._make_menus()
        self.timeline_view.event_menu_requested.connect(self.edit.show_event_menu)
        self.events_panel.event_menu_requested.connect(self.edit.show_event_menu)
        self.loader.started.connect(self._loading_started)
        self.loader.progressed.connect(self._loading_progressed)
        self.loader.failed.connect(self._file_failed)
        self.loader.finished.connect(self._loading_finished)
        self._after_open: list[str | Path] = []  # articles dropped while a workspace opens: loaded once it is
        opener = self.workspace.opener
        opener.started.connect(self._opening_started)
        opener.progressed.connect(self._opening_progressed)
        self.workspace.open_finished.connect(self._opening_finished)
        self.session.selection_changed.connect(self._selection_changed)
        self.session.timeline_changed.connect(self._update_counts)
        self._restore_geometry()

    # --- public ----------------------------------------------------------------------
    def load(self, paths: list[str | Path]) -> int:
        """Load files and folders in the background; files already loaded are skipped.

        A workspace file (.tlw) among them is opened instead (the first one; it replaces what is open), in the
        background; articles given while a workspace opens are loaded into it once it is open.
        """
        workspaces = [Path(p) for p in paths if Path(p).suffix.lower() == WORKSPACE_SUFFIX]
        if workspaces:
            self.workspace.open(workspaces[0])
            for extra in workspaces[1:]:
                self._file_failed(str(extra), f"{extra.name}: only one workspace opens at a time; open it "
                                  "with File › Open Workspace")
        articles = [p for p in paths if Path(p).suffix.lower() != WORKSPACE_SUFFIX]
        if self.workspace.opening:
            self._after_open.extend(articles)
            return 0
        return self.loader.load(articles) if articles or not workspaces else 0

    def export_image(self, path: Path, size: tuple[int, int]) -> None:
        """Write a print-quality picture of the timeline (same drawing as the view, on a light page)."""
        render_to_file(self.session.timeline, Path(path), size)
        self.statusBar().showMessage(f"Exported {Path(path).name} ({size[0]}×{size[1]})", 8000)

    # --- building --------------------------------------------------------------------
    def _dock(self, title: str, widget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"{title.lower()}-dock")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _make_status_bar(self) -> None:
        bar = self.statusBar()
        self.progress = QProgressBar(maximumWidth=220, textVisible=True)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.loader.cancel)
        self.cancel_button.clicked.connect(lambda: self.workspace.cancel_open())
        self.counts = QLabel()
        bar.addPermanentWidget(self.counts)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        self.progress.hide()
        self.cancel_button.hide()
        bar.showMessage("Drop article files or folders here, or use File › Open (Ctrl+O).")

    def _action(self, menu, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _make_menus(self) -> None:
        bar = self.menuBar()
        ws = self.workspace
        file = bar.addMenu("&File")
        file.addAction(ws.new_action)
        self._action(file, "&Open Files…", self._open, QKeySequence.StandardKey.Open, "Load article files")
        self._action(file, "Open &Folder…", self._open_folder, None, "Load every article in a folder")
        file.addAction(ws.open_action)
        file.addMenu(ws.recent_menu)
        file.addSeparator()
        file.addActions([ws.save_action, ws.save_as_action])
        file.addSeparator()
        self._action(file, "&Export Image…", self._export, "Ctrl+E", "Save the timeline as PNG or SVG")
        file.addAction(ws.export_data_action)
        file.addSeparator()
        self._action(file, "&Quit", self.close, "Ctrl+Q")
        self.edit.fill(bar.addMenu("&Edit"))
        view = bar.addMenu("&View")
        self._action(view, "&Fit Timeline", self.timeline_view.fit, "F", "Show every event")
        self._action(view, "Show All &Lanes", self.session.show_all_lanes, None, "Show hidden lanes again")
        self.by_person_action, self.merge_action = add_view_actions(self, view, self.session)
        view.addSeparator()
        for dock in (self.source_dock, self.events_dock, self.documents_dock, self.problems_dock):
            view.addAction(dock.toggleViewAction())
        help_ = bar.addMenu("&Help")
        self._action(help_, "&About Timeline", self._about)

    # --- slots -----------------------------------------------------------------------
    def _open(self) -> None:
        articles = " ".join(f"*{suffix}" for suffix in SUPPORTED_SUFFIXES)
        files, _ = QFileDialog.getOpenFileNames(self, "Open articles", "", f"Articles ({articles});;All files (*)")
        if files:
            self.load(files)

    def _open_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Open a folder of articles")
        if folder:
            self.load([folder])

    def _export(self) -> None:
        dialog = ExportDialog(self)
        if dialog.exec():
            try:
                self.export_image(dialog.path, dialog.image_size)
            except OSError as exc:
                QMessageBox.warning(self, "Export failed", f"Cannot write {dialog.path}:\n{exc}")

    def _about(self) -> None:
        QMessageBox.about(self, "About Timeline",
                          f"<h3>Timeline {__version__}</h3><p>Turns news articles into a timeline of who did "
                          "what, when: every time expression is resolved against the article's publication "
                          "date.</p><p>Drop articles on the window to begin.</p>")

    def _loading_started(self, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.statusBar().showMessage(f"Loading {total} file{'s' if total != 1 else ''}…")

    def _opening_started(self, path: Path) -> None:
        self.progress.setRange(0, 0)  # busy until the first document is read
        self.progress.setFormat("%p%")  # documents read, then their corrections applied: a share, not a count
        self.progress.show()
        self.cancel_button.show()
        self.statusBar().showMessage(f"Opening {Path(path).name}…")

    def _opening_progressed(self, done: int, total: int, path: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _opening_finished(self, shown: bool) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        articles, self._after_open = self._after_open, []
        if articles:
            self.loader.load(articles)

    def _loading_progressed(self, done: int, total: int, path: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(f"{done}/{total}")

    def _file_failed(self, path: str, message: str) -> None:
        self.problems.addItem(message if not path or Path(path).name in message else f"{Path(path).name}: {message}")
        self.problems_dock.show()

    def _loading_finished(self, loaded: int, skipped: int, cancelled: bool) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        parts = [f"Loaded {loaded} document{'s' if loaded != 1 else ''}"]
        if skipped:
            parts.append(f"{skipped} already loaded")
        if self.problems.count():
            parts.append(f"{self.problems.count()} problem{'s' if self.problems.count() != 1 else ''} (see Problems)")
        if cancelled:
            parts.append("cancelled")
        self.statusBar().showMessage(", ".join(parts) + ".")
        self._update_counts()
        self.loading_finished.emit()

    def _update_counts(self) -> None:
        s = self.session.session
        self.counts.setText(f"{len(s.results)} documents · {len(s.events)} events · {len(s.lanes())} lanes")

    def _selection_changed(self, event_id: str) -> None:
        event = self.session.find_event(event_id) if event_id else None
        if event is not None:
            self.source_dock.show()
            self.statusBar().showMessage(f"{event.lane}: {' '.join(event.sentence.split())[:150]}", 10000)

    # --- Qt overrides ----------------------------------------------------------------
    def dragEnterEvent(self, ev):
        if any(url.isLocalFile() for url in ev.mimeData().urls()):
            ev.acceptProposedAction()
        else:
            ev.ignore()

    dragMoveEvent = dragEnterEvent

    def dropEvent(self, ev):
        paths = [url.toLocalFile() for url in ev.mimeData().urls() if url.isLocalFile()]
        if not paths:
            ev.ignore()
            return
        ev.acceptProposedAction()
        self.load(paths)

    def closeEvent(self, ev):
        if not self.workspace.closing():
            ev.ignore()
            return
        self.loader.cancel()
        self.loader.wait()
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        QSettings().setValue("main_window/state", self.saveState(LAYOUT_VERSION))
        super().closeEvent(ev)

    def _restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        offscreen = QApplication.platformName() == "offscreen"  # tests and probes start from the defaults
        if not offscreen and isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            state = settings.value("main_window/state")
            if isinstance(state, QByteArray):
                self.restoreState(state, LAYOUT_VERSION)
            return
        screen = QApplication.primaryScreen()
        w, h = 1440, 900
        # the offscreen platform's small fake screen says nothing about where the window will be seen
        if screen is not None and QApplication.platformName() != "offscreen":
            avail = screen.availableGeometry()
            w, h = min(w, int(avail.width() * 0.9)), min(h, int(avail.height() * 0.9))
        self.resize(w, h)
        self.resizeDocks([self.source_dock], [int(w * 0.32)], Qt.Orientation.Horizontal)
        self.resizeDocks([self.events_dock], [int(h * 0.3)], Qt.Orientation.Vertical)
