"""Writers shared by the GUI and the CLI: the JSON contract and the timeline picture."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from timeline_app.core.model import Timeline, Timex


def _when(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    return value.isoformat()


def timex_to_dict(t: Timex) -> dict[str, Any]:
    return {"text": t.text, "start": t.start, "end": t.end, "type": t.type, "value": t.value,
            "earliest": _when(t.earliest), "latest": _when(t.latest)}


def timeline_to_dict(timeline: Timeline) -> dict[str, Any]:
    """The JSON contract: documents, events and actors."""
    return {
        "documents": [
            {"id": d.id, "path": d.path, "title": d.title, "reference_date": d.reference_date.isoformat(),
             "reference_source": d.reference_source}
            for d in timeline.documents
        ],
        "events": [
            {"id": e.id, "document": e.document, "sentence": e.sentence, "sentence_start": e.sentence_start,
             "sentence_end": e.sentence_end, "time": timex_to_dict(e.time), "actors": list(e.actors),
             "lane": e.lane, "label": e.label, "implied_time": e.implied_time}
            for e in timeline.events
        ],
        "actors": [{"name": a.name, "kind": a.kind, "aliases": list(a.aliases)} for a in timeline.actors],
    }


def write_json(timeline: Timeline, path: str | Path | None = None) -> str:
    text = json.dumps(timeline_to_dict(timeline), indent=2, ensure_ascii=False)
    if path is not None:
        Path(path).write_text(text + "\n", encoding="utf-8")
    return text
