"""View-menu actions beyond the basics: people/sides lanes and full screen (kept out of main_window.py)."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu


def add_view_actions(window: QMainWindow, menu: QMenu, session) -> QAction:
    """Add 'Lanes by Person' and 'Full Screen' to the View menu; returns the lanes toggle."""
    by_person = QAction("Lanes by &Person", window, checkable=True)
    by_person.setStatusTip("One lane per person who speaks for a country or organisation, instead of one per side")

    def switch(on: bool) -> None:
        session.set_by_person(on)
        what = "people (who speaks for each side)" if on else "countries and organisations"
        window.statusBar().showMessage(f"Lanes show {what}.", 8000)

    by_person.toggled.connect(switch)
    menu.addAction(by_person)

    full = QAction("&Full Screen", window, checkable=True)
    full.setShortcut(QKeySequence(QKeySequence.StandardKey.FullScreen))
    if full.shortcut().isEmpty():
        full.setShortcut(QKeySequence("F11"))
    full.toggled.connect(lambda on: window.showFullScreen() if on else window.showNormal())
    menu.addAction(full)
    return by_person
