"""Opening a workspace in the background: progress and Cancel in the status bar, all or nothing, clear failures."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import SAMPLE
from PySide6.QtWidgets import QMessageBox

from timeline_app.core import paths
from timeline_app.core.corrections import HideLane, RenameLane
from timeline_app.core.store import SCHEMA_VERSION, Workspace, save_workspace


@pytest.fixture
def win(synthetic_window):
    return synthetic_window


@pytest.fixture
def saved(tmp_path):
    """A workspace file of three copies of the synthetic article, a lane renamed and one hidden."""
    import synthetic

    from timeline_app.core.pipeline import DocumentResult

    docs = [synthetic.document(f"copy-{n}") for n in range(3)]
    copies = tuple(DocumentResult(d, tuple(synthetic.timexes(d.text)), tuple(synthetic.mentions(d.text)),
                                  tuple(synthetic.events(d))) for d in docs)
    path = tmp_path / "three.tlw"
    save_workspace(path, Workspace(copies, (RenameLane("Russia", "Moscow"), HideLane("SDF"))))
    return path


def _state(window):
    s = window.session.session
    return list(s.results), s.stack.corrections, window.workspace.path, window.windowTitle(), window.counts.text()


def test_a_workspace_opens_in_the_background_with_progress_then_shows_whole(qtbot, win, saved):
    before = _state(win)
    with qtbot.waitSignal(win.workspace.opened, timeout=10000) as opened:
        assert win.workspace.open(saved, ask=False)
        # nothing has changed yet: the file is read by a worker, and the status bar says so with a Cancel
        assert win.workspace.opening and _state(win) == before
        assert win.progress.isVisible() and win.cancel_button.isVisible()
        assert win.statusBar().currentMessage() == "Opening three.tlw…"
    assert opened.args == [saved]
    s = win.session.session
    assert list(s.results) == ["copy-0", "copy-1", "copy-2"] and s.hidden == {"SDF"}
    assert "Moscow" in win.timeline_view.layout_.lanes and "SDF" not in win.timeline_view.layout_.lanes
    assert win.windowTitle().startswith("three.tlw") and not win.isWindowModified()
    assert not win.workspace.opening and not win.progress.isVisible() and not win.cancel_button.isVisible()
    assert win.statusBar().currentMessage() == "Opened three.tlw: 3 documents, 2 corrections."
    assert win.counts.text() == "3 documents · 12 events · 3 lanes"
    assert paths.recent_workspaces() == [saved.resolve()]


def test_cancel_leaves_what_was_open_as_it_was(qtbot, win, saved):
    win.session.hide_lane("United States")
    before = _state(win)
    with qtbot.waitSignal(win.workspace.open_finished, timeout=10000) as finished:
        assert win.workspace.open(saved, ask=False)
        win.cancel_button.click()
    assert finished.args == [False]
    assert _state(win) == before and win.session.session.hidden == {"United States"}
    assert win.statusBar().currentMessage() == "Opening three.tlw cancelled; nothing changed."
    assert not win.progress.isVisible() and not win.workspace.opening
    assert paths.recent_workspaces() == []
    # and the next open goes through
    with qtbot.waitSignal(win.workspace.opened, timeout=10000):
        assert win.workspace.open(saved, ask=False)


@pytest.mark.parametrize("damage, message", [
    ("truncated", "three.tlw: is damaged and cannot be read"),
    ("newer", "three.tlw: was saved by a newer version of timeline-app"),
])
def test_a_damaged_or_newer_workspace_says_so_naming_the_file_and_changes_nothing(qtbot, win, saved, monkeypatch,
                                                                                    damage, message):
    if damage == "truncated":
        data = saved.read_bytes()
        saved.write_bytes(data[: len(data) // 2])
    else:
        conn = sqlite3.connect(saved)
        with conn:
            conn.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION + 1,))
        conn.close()
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text: shown.append((title, text))))
    before = _state(win)
    with qtbot.waitSignal(win.workspace.open_finished, timeout=10000) as finished:
        assert win.workspace.open(saved, ask=False)
    assert finished.args == [False]
    assert len(shown) == 1 and shown[0][0] == "Cannot open workspace" and shown[0][1].startswith(message)
    assert win.statusBar().currentMessage().startswith(f"Did not open {message}")
    assert _state(win) == before and not win.progress.isVisible()


def test_articles_dropped_while_a_workspace_opens_are_loaded_into_it(qtbot, win, saved):
    with qtbot.waitSignal(win.loading_finished, timeout=30000):
        assert win.workspace.open(saved, ask=False)
        assert win.load([SAMPLE]) == 0  # queued until the workspace is open
    s = win.session.session
    assert list(s.results)[:3] == ["copy-0", "copy-1", "copy-2"] and len(s.results) == 4
    assert s.has_path(SAMPLE) and win.workspace.path == saved


def test_a_change_made_while_a_workspace_opens_is_asked_about_again(qtbot, win, saved, no_modal_questions):
    with qtbot.waitSignal(win.workspace.opened, timeout=10000):
        assert win.workspace.open(saved, ask=False)
        win.session.hide_lane("United States")
    assert no_modal_questions == ["Unsaved changes"]  # answered Discard: the workspace opened
    assert list(win.session.session.results) == ["copy-0", "copy-1", "copy-2"]


def test_closing_while_the_crashed_sessions_work_is_restored_keeps_it_for_next_time(qtbot, win):
    from timeline_app.ui.main_window import MainWindow

    autosave = paths.untitled_autosave_path()
    save_workspace(autosave, Workspace(tuple(win.session.session.results.values()), (HideLane("SDF"),)))
    fresh = MainWindow()
    qtbot.addWidget(fresh)
    assert fresh.workspace.offer_restore()
    assert fresh.close()
    assert autosave.exists()
