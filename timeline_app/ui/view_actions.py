"""View-menu toggles beyond the basics: people/sides lanes, merged reports, full screen (out of main_window.py)."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu


def add_view_actions(window: QMainWindow, menu: QMenu, session) -> tuple[QAction, QAction]:
    """Add 'Lanes by Person', 'Merge Reports of the Same Event' and 'Full Screen' to the View menu.

    Returns the lanes toggle and the merge toggle.
    """
    by_person = QAction("Lanes by &Person", window, checkable=True)
    by_person.setStatusTip("One lane per person who speaks for a country or organisation, instead of one per side")

    def switch(on: bool) -> None:
        session.set_by_person(on)
        what = "people (who speaks for each side)" if on else "countries and organisations"
        window.statusBar().showMessage(f"Lanes show {what}.", 8000)

    by_person.toggled.connect(switch)
    menu.addAction(by_person)
    merge = _merge_action(window, session)
    menu.addAction(merge)

    full = QAction("&Full Screen", window, checkable=True)
    full.setShortcut(QKeySequence(QKeySequence.StandardKey.FullScreen))
    if full.shortcut().isEmpty():
        full.setShortcut(QKeySequence("F11"))
    full.toggled.connect(lambda on: window.showFullScreen() if on else window.showNormal())
    menu.addAction(full)
    return by_person, merge


def _merge_action(window: QMainWindow, session) -> QAction:
    """The toggle for merged reports; it follows the session, whose undo, redo and open workspace change it too."""
    merge = QAction("&Merge Reports of the Same Event", window, checkable=True)
    merge.setStatusTip("Show the same happening reported by several articles as one event listing them all")

    def switch(on: bool) -> None:
        session.set_merged(on)
        s = session.session
        if on:
            merged = sum(1 for e in s.timeline().events if len(e.sources) > 1)
            window.statusBar().showMessage(f"Reports of the same event merged: {merged} events are reported by "
                                           "more than one article.", 8000)
        else:
            window.statusBar().showMessage("Each report is an event of its own.", 8000)

    def follow() -> None:
        if merge.isChecked() != session.merged:
            blocker = QSignalBlocker(merge)  # the session changed already: show it, do not change it again
            merge.setChecked(session.merged)
            del blocker

    merge.toggled.connect(switch)
    session.timeline_changed.connect(follow)
    follow()
    return merge
