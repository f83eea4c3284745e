"""Undo and redo over the user's corrections, without Qt.

Corrections are data and :func:`~timeline_app.core.corrections.apply_corrections` is pure, so a command is
simply a correction: undoing takes the last one off the list, redoing puts it back. The UI wraps this stack,
calls ``apply_corrections(results, stack.corrections)`` after each change and names its menu items with
:attr:`CorrectionStack.undo_text` / :attr:`CorrectionStack.redo_text`.
"""

from __future__ import annotations

from collections.abc import Iterable

from timeline_app.core.corrections import Correction, describe


class CorrectionStack:
    """The corrections in force (oldest first) and those undone that Redo can bring back (next first)."""

    def __init__(self, corrections: Iterable[Correction] = ()) -> None:
        self._done: list[Correction] = list(corrections)
        self._undone: list[Correction] = []  # most recently undone last
        self._clean: int | None = len(self._done)  # the length of _done when last saved; None: unreachable
        self.revision = 0  # goes up on every change: an autosave timer compares it with the one it saved

    # --- state -------------------------------------------------------------------------------------------------
    @property
    def corrections(self) -> tuple[Correction, ...]:
        """The corrections in force, in the order they apply."""
        return tuple(self._done)

    @property
    def redoable(self) -> tuple[Correction, ...]:
        """The corrections Redo would bring back, the next one first."""
        return tuple(reversed(self._undone))

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    @property
    def undo_text(self) -> str:
        """The Undo menu item: "Undo change lane", or plain "Undo" when there is nothing to undo."""
        return f"Undo {describe(self._done[-1])}" if self._done else "Undo"

    @property
    def redo_text(self) -> str:
        """The Redo menu item: "Redo delete event", or plain "Redo"."""
        return f"Redo {describe(self._undone[-1])}" if self._undone else "Redo"

    @property
    def is_clean(self) -> bool:
        """True when the corrections are those last marked clean (saved)."""
        return self._clean == len(self._done)

    def mark_clean(self) -> None:
        """Remember the current corrections as saved."""
        self._clean = len(self._done)

    # --- changes -----------------------------------------------------------------------------------------------
    def push(self, correction: Correction) -> None:
        """Apply a new correction; whatever was undone can no longer be redone."""
        if self._clean is not None and self._clean > len(self._done):
            self._clean = None  # the saved state was among the undone corrections, now gone
        self._done.append(correction)
        self._undone.clear()
        self._changed()

    def undo(self) -> Correction | None:
        """Take back the last correction and return it (None when there is none)."""
        if not self._done:
            return None
        correction = self._done.pop()
        self._undone.append(correction)
        self._changed()
        return correction

    def redo(self) -> Correction | None:
        """Bring back the last undone correction and return it (None when there is none)."""
        if not self._undone:
            return None
        correction = self._undone.pop()
        self._done.append(correction)
        self._changed()
        return correction

    def clear(self, corrections: Iterable[Correction] = ()) -> None:
        """Start over with these corrections (a workspace just opened): nothing to undo or redo, and clean."""
        self._done = list(corrections)
        self._undone.clear()
        self.mark_clean()
        self._changed()

    def _changed(self) -> None:
        self.revision += 1
