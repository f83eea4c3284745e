"""Temporary: replaced by the rule-based tagger."""

from __future__ import annotations

from datetime import date, datetime

from timeline_app.core.model import Timex


def tag(text: str, reference: date | datetime) -> list[Timex]:
    return []
