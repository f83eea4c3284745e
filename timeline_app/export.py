"""Data writers shared by the GUI and the CLI: JSON (the contract), CSV, TimelineJS JSON and iCalendar.

Every writer takes a Timeline and an optional path, returns the text it made and, given a
path, writes it there. ``write()`` picks the writer by format name or file suffix. The
timeline picture (PNG/SVG) is drawn by ``timeline_app.ui.render``; this module stays
plain Python so that the headless CLI and the tests need no Qt.
"""

from __future__ import annotations

import csv
import html
import io
import json
import logging
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from timeline_app import __version__
from timeline_app.core.model import Event, Timeline, Timex

logger = logging.getLogger(__name__)


class ExportError(ValueError):
    """An export that cannot be made as asked (an unknown format, for instance)."""


def _when(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    return value.isoformat()


def _save(text: str, path: str | Path | None) -> None:
    # newline="" keeps the CRLF line ends that CSV and iCalendar require, on every platform.
    if path is not None:
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)


def _placed(timeline: Timeline) -> list[Event]:
    """The events that can go on a calendar or a timeline: those with an earliest date."""
    events = [e for e in timeline.events if e.time.earliest is not None]
    if len(events) < len(timeline.events):
        logger.info("%d events have no date (a bare duration or a set) and are left out",
                    len(timeline.events) - len(events))
    return events


def _headline(event: Event) -> str:
    if event.label:
        return event.label
    sentence = " ".join(event.sentence.split())
    return sentence if len(sentence) <= 80 else sentence[:79].rstrip() + "…"


# --- JSON: the contract of issue 2 -------------------------------------------------------------

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
             "lane": e.lane, "label": e.label, "implied_time": e.implied_time,
             "sources": list(e.sources or (e.document,))}
            for e in timeline.events
        ],
        "actors": [{"name": a.name, "kind": a.kind, "aliases": list(a.aliases), "affiliation": a.affiliation}
                   for a in timeline.actors],
    }


def write_json(timeline: Timeline, path: str | Path | None = None) -> str:
    text = json.dumps(timeline_to_dict(timeline), indent=2, ensure_ascii=False)
    if path is not None:
        Path(path).write_text(text + "\n", encoding="utf-8")
    return text


# --- CSV: one row per event ----------------------------------------------------------------------

CSV_COLUMNS = ("id", "document", "document_title", "earliest", "latest", "value", "type", "time_text",
               "lane", "actors", "label", "sentence", "implied_time", "sources")
ACTOR_SEPARATOR = "; "
# A spreadsheet runs a cell that starts with one of these as a formula; article text is untrusted.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def write_csv(timeline: Timeline, path: str | Path | None = None) -> str:
    """One row per event (RFC 4180: quoted where needed, CRLF line ends), with a header row.

    ``actors`` and ``sources`` (the ids of every document reporting a merged event) are joined by "; ".

    Free-text cells that a spreadsheet would run as a formula get a leading apostrophe.
    """
    titles = {d.id: d.title for d in timeline.documents}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for e in timeline.events:
        t = e.time
        writer.writerow([
            e.id, e.document, _cell(titles.get(e.document, "")), _when(t.earliest) or "", _when(t.latest) or "",
            t.value, t.type, _cell(t.text), _cell(e.lane), _cell(ACTOR_SEPARATOR.join(e.actors)),
            _cell(e.label), _cell(e.sentence), "true" if e.implied_time else "false",
            ACTOR_SEPARATOR.join(e.sources or (e.document,)),
        ])
    text = out.getvalue()
    _save(text, path)
    return text


# --- TimelineJS: the JSON that TimelineJS3 (Knight Lab) reads ------------------------------------

def _tl_date(value: date | datetime) -> dict[str, int]:
    d = {"year": value.year, "month": value.month, "day": value.day}
    if isinstance(value, datetime):
        d |= {"hour": value.hour, "minute": value.minute}
    return d


def _html(text: str) -> str:
    return html.escape(text, quote=False)


def _tl_id(event_id: str, taken: set[str]) -> str:
    # TimelineJS puts unique_id in the page's URL hash and element ids: keep it plain and unique.
    base = re.sub(r"[^A-Za-z0-9_-]+", "-", event_id).strip("-") or "event"
    uid, n = base, 1
    while uid in taken:
        n += 1
        uid = f"{base}-{n}"
    taken.add(uid)
    return uid


def timelinejs_dict(timeline: Timeline, title: str | None = None) -> dict[str, Any]:
    """The timeline as a TimelineJS3 data object: a title slide and one slide per dated event.

    TimelineJS shows ``headline`` and ``text`` as HTML, so the article text is escaped.
    A span (earliest before latest) gets an ``end_date``; the lane is the slide's ``group``.
    """
    titles = {d.id: d.title for d in timeline.documents}
    if title is None:
        title = timeline.documents[0].title if len(timeline.documents) == 1 else "Timeline"
    events, taken = [], set()
    for e in _placed(timeline):
        t = e.time
        when = f"“{t.text}” ({t.value})" if t.text else t.value
        sources = "; ".join(titles[d] for d in (e.sources or (e.document,)) if titles.get(d))
        notes = [when, ", ".join(e.actors), sources]
        body = (f"<p>{_html(e.sentence)}</p>"
                f"<p><small>{' · '.join(_html(n) for n in notes if n)}</small></p>")
        slide: dict[str, Any] = {
            "start_date": _tl_date(t.earliest),
            "text": {"headline": _html(_headline(e)), "text": body},
            "unique_id": _tl_id(e.id, taken),
        }
        if e.lane:
            slide["group"] = e.lane
        if t.latest is not None and t.latest != t.earliest:
            slide["end_date"] = _tl_date(t.latest)
        events.append(slide)
    n_docs = len(timeline.documents)
    summary = f"{len(events)} events from {n_docs} document{'s' if n_docs != 1 else ''}"
    return {"title": {"text": {"headline": _html(title), "text": summary}}, "events": events}


def write_timelinejs(timeline: Timeline, path: str | Path | None = None) -> str:
    text = json.dumps(timelinejs_dict(timeline), indent=2, ensure_ascii=False)
    _save(text + "\n", path)
    return text


# --- iCalendar (RFC 5545) --------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # RFC 5545 TEXT allows no control characters but tab


def ics_escape(text: str) -> str:
    """Escape a TEXT value: backslash, semicolon, comma and line breaks (RFC 5545 3.3.11)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")
    return _CONTROL.sub("", text)


def ics_fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets, never splitting a UTF-8 character."""
    pieces, current, size, limit = [], [], 0, 75
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, 74  # continuation lines start with one space
        current.append(ch)
        size += n
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


def _ics_stamp(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _ics_times(t: Timex) -> list[str]:
    """DTSTART/DTEND: all-day dates with an exclusive end, or floating local date-times."""
    earliest, latest = t.earliest, t.latest if t.latest is not None else t.earliest
    if not isinstance(earliest, datetime) and not isinstance(latest, datetime):
        return [f"DTSTART;VALUE=DATE:{earliest:%Y%m%d}", f"DTEND;VALUE=DATE:{latest + timedelta(days=1):%Y%m%d}"]
    # Articles give wall-clock times without a zone, so they stay floating (no Z, no TZID).
    start = earliest if isinstance(earliest, datetime) else datetime.combine(earliest, datetime.min.time())
    end = latest if isinstance(latest, datetime) else datetime.combine(latest, datetime.max.time())
    lines = [f"DTSTART:{start:%Y%m%dT%H%M%S}"]
    if end > start:
        lines.append(f"DTEND:{end:%Y%m%dT%H%M%S}")
    return lines


def write_ics(timeline: Timeline, path: str | Path | None = None, stamp: datetime | None = None) -> str:
    """An iCalendar file with one VEVENT per dated event (CRLF line ends, lines folded at 75 octets).

    ``stamp`` is the DTSTAMP of every event (default: now, in UTC).
    """
    titles = {d.id: d.title for d in timeline.documents}
    dtstamp = _ics_stamp(stamp or datetime.now(UTC))
    name = timeline.documents[0].title if len(timeline.documents) == 1 else "Timeline"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:-//timeline-app//timeline-app {__version__}//EN",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", f"X-WR-CALNAME:{ics_escape(name)}"]
    for e in _placed(timeline):
        t = e.time
        details = [e.sentence, ""]
        if t.text:
            details.append(f"Time: “{t.text}” ({t.value})")
        else:
            details.append(f"Time: {t.value} (implied by the narrative)" if e.implied_time else f"Time: {t.value}")
        if e.actors:
            details.append("Actors: " + ", ".join(e.actors))
        sources = [titles[d] for d in (e.sources or (e.document,)) if titles.get(d)]
        if sources:
            details.append(("Sources: " if len(sources) > 1 else "Source: ") + "; ".join(sources))
        lines += ["BEGIN:VEVENT", f"UID:{ics_escape(e.id)}@timeline-app", f"DTSTAMP:{dtstamp}", *_ics_times(t),
                  f"SUMMARY:{ics_escape(f'{e.lane}: {_headline(e)}' if e.lane else _headline(e))}",
                  f"DESCRIPTION:{ics_escape(chr(10).join(details))}"]
        if e.lane:
            lines.append(f"CATEGORIES:{ics_escape(e.lane)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    text = "".join(ics_fold(line) + "\r\n" for line in lines)
    _save(text, path)
    return text


# --- one entry point ----------------------------------------------------------------------------------

WRITERS: dict[str, Callable[[Timeline, str | Path | None], str]] = {
    "json": write_json,
    "csv": write_csv,
    "timelinejs": write_timelinejs,
    "ics": write_ics,
}
SUFFIXES = {".json": "json", ".csv": "csv", ".ics": "ics", ".ical": "ics", ".ifb": "ics"}


def format_for(path: str | Path | None, fmt: str | None = None) -> str:
    """The format name to write: ``fmt`` if given, else the one the file suffix names, else JSON."""
    if fmt:
        if fmt not in WRITERS:
            raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(WRITERS)}")
        return fmt
    if path is None:
        return "json"
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise ExportError(f"cannot tell the export format from the file name {str(path)!r}; "
                          f"give a format ({', '.join(WRITERS)}) or a suffix ({', '.join(SUFFIXES)})")
    return SUFFIXES[suffix]


def write(timeline: Timeline, path: str | Path | None = None, fmt: str | None = None) -> str:
    """Write the timeline in ``fmt`` (or the format the suffix of ``path`` names); return the text."""
    return WRITERS[format_for(path, fmt)](timeline, path)
