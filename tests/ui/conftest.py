"""Fixtures for UI tests: a main window, the sample article dropped on it, a session with a made-up timeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

SAMPLE = Path(__file__).resolve().parents[2] / "seeds" / "russia-us-syria-2017-09-26.txt"


def drop_files(widget, paths) -> QDropEvent:
    """Drop files on a widget the way a file manager does: drag-enter, then drop, with file URLs."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    enter = QDragEnterEvent(centre.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(centre, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    drop_files.keep = (mime, enter)  # Qt objects must outlive the events
    return drop


def shown(qtbot, widget, size: tuple[int, int] = (900, 500)):
    """Hand a widget to qtbot (which closes it after the test), give it a size, show it and wait until it is."""
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture(autouse=True)
def no_modal_questions(monkeypatch):
    """A question box would wait for a click forever offscreen: answer No / Discard, and record the question.

    Tests about a question patch QMessageBox.question themselves.
    """
    from PySide6.QtWidgets import QMessageBox

    asked = []

    def answer(parent, title, text, buttons=None, default=None):
        asked.append(title)
        if buttons is not None and buttons & QMessageBox.StandardButton.Discard:
            return QMessageBox.StandardButton.Discard
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer))
    return asked


@pytest.fixture
def window(qtbot):
    from timeline_app.ui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.loader.cancel()
    w.loader.wait()


@pytest.fixture
def loaded_window(qtbot, window):
    """The main window with the sample article dropped on it and loaded."""
    with qtbot.waitSignal(window.loading_finished, timeout=30000):
        drop = drop_files(window, [SAMPLE])
    assert drop.isAccepted()
    return window


@pytest.fixture
def synthetic_session(qtbot):
    """A SessionModel holding a hand-made document (independent of what the extractors find today)."""
    import synthetic

    from timeline_app.core.pipeline import DocumentResult
    from timeline_app.ui.session_model import SessionModel

    model = SessionModel()
    doc = synthetic.document()
    model.add_result(DocumentResult(doc, tuple(synthetic.timexes(doc.text)), tuple(synthetic.mentions(doc.text)),
                                    tuple(synthetic.events(doc))))
    return model


@pytest.fixture
def synthetic_window(qtbot, synthetic_session):
    """The main window on the synthetic session, shown."""
    from timeline_app.ui.main_window import MainWindow

    w = MainWindow(synthetic_session)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w
