"""Public entry point: ``timeline_app.temporal.tag(text, reference)``."""

from timeline_app.core.model import Timex
from timeline_app.core.temporal import tag

__all__ = ["Timex", "tag"]
