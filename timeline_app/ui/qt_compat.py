"""Work-arounds for bugs in the Qt bindings we run on; each says which versions it is for.

PySide6 6.12.0 on Python 3.11 takes one reference from ``None`` on every call of a method that
returns nothing (``QPainter.setPen``, ``drawRect``, ``QPen.setWidthF``... measured: 100 calls take
100 references), and likewise from True/False for methods returning a bool. Python before 3.12
counts references to None like any object, so after some thousands of such calls (one repaint of
the timeline makes hundreds) the interpreter aborts with "Fatal Python error: none_dealloc".
This is the abort NOTES.md records at exit; under load it comes mid-session. Python 3.12 made
None immortal, and 6.11 does not have the bug.
"""

from __future__ import annotations

import ctypes
import logging
import sys

logger = logging.getLogger(__name__)
_PAD = 1 << 48  # references given to None: at a million void calls a second, enough for 9 years


def protect_none_refcount() -> bool:
    """Give None, True and False a huge reference count on the affected versions; True when that was needed."""
    import PySide6

    if sys.version_info >= (3, 12) or not PySide6.__version__.startswith("6.12."):
        return False
    if sys.implementation.name != "cpython" or getattr(protect_none_refcount, "done", False):
        return False
    for singleton in (None, True, False):  # methods returning a bool take from True/False the same way
        refcount = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt is a PyObject's first field
        refcount.value += _PAD
    protect_none_refcount.done = True
    logger.info("PySide6 %s on Python %d.%d: None/True/False reference counts padded (binding bug)",
                PySide6.__version__, *sys.version_info[:2])
    return True
