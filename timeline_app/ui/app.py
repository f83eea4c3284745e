"""Start the window: the QApplication, the excepthook, loading the files given, a clean Qt shutdown."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from timeline_app import __version__
from timeline_app.core.paths import WORKSPACE_SUFFIX
from timeline_app.ui.icon import app_icon

logger = logging.getLogger(__name__)


def run(files: list[Path], reference_date: date | None) -> int:
    """Open the main window with these files loading; return the exit status."""
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith("linux") and no_display and not os.environ.get("QT_QPA_PLATFORM"):
        # an invisible window that never ends helps nobody; say what works without a screen
        print("timeline-app: there is no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset).\n"
              "Without a display, use `timeline-app extract FILE...` or `timeline-app export FILE... -o out.png`.",
              file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "timeline-app"])
    app.setApplicationName("timeline-app")
    app.setApplicationDisplayName("Timeline")
    app.setOrganizationName("timeline-app")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("timeline-app")
    app.setWindowIcon(app_icon())

    from timeline_app.ui.main_window import MainWindow

    previous_hook = sys.excepthook
    sys.excepthook = _excepthook
    window = MainWindow(reference_date=reference_date)
    quit_guard = _QuitWithoutAsking(window)
    app.installEventFilter(quit_guard)
    try:
        window.show()
        if not any(Path(f).suffix.lower() == WORKSPACE_SUFFIX for f in files):
            window.workspace.offer_restore()  # an untitled workspace left by a session that did not end cleanly
        if files:
            window.load(files)
        status = app.exec()
    finally:
        app.removeEventFilter(quit_guard)
        sys.excepthook = previous_hook
        # End Qt life explicitly: PySide6 6.12 can abort at interpreter exit otherwise (NOTES.md).
        window.workspace.shutdown()  # quit without the window closed (a signal, a probe): keep the work
        window.loader.cancel()
        window.loader.wait()
        window.close()
        window.deleteLater()
        del window
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
        app.shutdown()
    return status


class _QuitWithoutAsking(QObject):
    """An application quit that no window asked for (a logout, a script, a test tool) must not wait on a question
    nobody will answer: Qt closes every window on quit, so keep the work by autosaving instead of asking."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Quit and watched is QApplication.instance():
            self.window.workspace.shutdown()
        return False


def _excepthook(exc_type, exc, tb) -> None:
    """Log an unexpected error and show it in a dialog whose details can be copied."""
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    logger.error("unexpected error\n%s", details)
    if issubclass(exc_type, KeyboardInterrupt) or QApplication.instance() is None:
        sys.__excepthook__(exc_type, exc, tb)
        return
    try:
        box = QMessageBox(QMessageBox.Icon.Critical, "Unexpected error",
                          f"Something went wrong: {exc_type.__name__}: {exc}\n\n"
                          "Your documents are still open. The details below can be copied into a bug report.")
        box.setDetailedText(details)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.exec()
    except Exception:  # noqa: BLE001 - the hook itself must never raise
        sys.__excepthook__(exc_type, exc, tb)

