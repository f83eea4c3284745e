"""View-menu toggles beyond the basics: people/sides lanes, merged reports, full screen (out of main_window.py)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu


def add_view_actions(window: QMainWindow, menu: QMenu, session) -> tuple[QAction, QAction]:
    """Add 'Lanes by Person', 'Merge Reports of the Same Event' and 'Full Screen' to the View menu.

    Returns the lanes toggle and the merge toggle.
    """
    by_person = _session_toggle(
        window, "Lanes by &Person",
        "One lane per person who speaks for a country or organisation, instead of one per side",
        lambda: session.session.by_person, lambda on: _switch_lanes(window, session, on), session)
    menu.addAction(by_person)
    merge = _session_toggle(
        window, "&Merge Reports of the Same Event",
        "Show the same happening reported by several articles as one event listing them all",
        lambda: session.merged, lambda on: _switch_merge(window, session, on), session)
    menu.addAction(merge)

    full = QAction("&Full Screen", window, checkable=True)
    full.setShortcut(QKeySequence(QKeySequence.StandardKey.FullScreen))
    if full.shortcut().isEmpty():
        full.setShortcut(QKeySequence("F11"))
    full.toggled.connect(lambda on: window.showFullScreen() if on else window.showNormal())
    menu.addAction(full)
    return by_person, merge


def _session_toggle(window: QMainWindow, text: str, tip: str, state: Callable[[], bool],
                    switch: Callable[[bool], None], session) -> QAction:
    """A checkable action for a view choice kept in the session as a correction.

    The user's toggle calls ``switch``; the tick follows ``state``, which undo, redo and an opened workspace
    change too.
    """
    action = QAction(text, window, checkable=True)
    action.setStatusTip(tip)

    def follow() -> None:
        if action.isChecked() != state():
            blocker = QSignalBlocker(action)  # the session changed already: show it, do not change it again
            action.setChecked(state())
            del blocker

    action.toggled.connect(switch)
    session.timeline_changed.connect(follow)
    follow()
    return action


def _switch_lanes(window: QMainWindow, session, on: bool) -> None:
    session.set_by_person(on)
    what = "people (who speaks for each side)" if on else "countries and organisations"
    window.statusBar().showMessage(f"Lanes show {what}.", 8000)


def _switch_merge(window: QMainWindow, session, on: bool) -> None:
    session.set_merged(on)
    if on:
        merged = sum(1 for e in session.session.timeline().events if len(e.sources) > 1)
        window.statusBar().showMessage(f"Reports of the same event merged: {merged} events are reported by "
                                       "more than one article.", 8000)
    else:
        window.statusBar().showMessage("Each report is an event of its own.", 8000)
