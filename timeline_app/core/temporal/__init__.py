"""Recognise time expressions in English text and resolve them against a reference date."""

from timeline_app.core.temporal.tagger import tag

__all__ = ["tag"]
