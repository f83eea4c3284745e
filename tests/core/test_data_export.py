"""Data exports (JSON, CSV, TimelineJS, iCalendar): each written, parsed back and checked; the CLI writes each.

Named test_data_export.py, not test_export.py: tests/ui/test_export.py (the picture) has that basename
and pytest, without __init__.py files, needs unique test module names.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from timeline_app.core.model import Actor, Document, Event, Timeline, Timex
from timeline_app.export import (
    ACTOR_SEPARATOR,
    CSV_COLUMNS,
    ExportError,
    format_for,
    ics_escape,
    ics_fold,
    timeline_to_dict,
    write,
    write_csv,
    write_ics,
    write_json,
    write_timelinejs,
)

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "russia-us-syria-2017-09-26.txt"
TRICKY = 'Ryabkov said, "the U.S. is to blame"; a\\b\nsecond line — Дейр-эз-Зор 🇸🇾'


def _event(i: int, timex: Timex, *, sentence: str = "", label: str = "", actors=("Russia",), lane="Russia",
           implied=False, sources=()) -> Event:
    sentence = sentence or f"Sentence number {i}."
    return Event(id=f"doc-1:{i}", document="doc-1", sentence=sentence, sentence_start=10 * i,
                 sentence_end=10 * i + len(sentence), time=timex, actors=tuple(actors), lane=lane, label=label,
                 implied_time=implied, sources=tuple(sources))


@pytest.fixture
def timeline() -> Timeline:
    doc = Document(id="doc-1", path="/tmp/a, b.txt", title='Russia, U.S. "Allies" Exchange Blame',
                   text="...", reference_date=date(2017, 9, 26), reference_source="user")
    other = Document(id="doc-2", path="/tmp/b.html", title="SDF; a second report", text="...",
                     reference_date=date(2017, 9, 27), reference_source="metadata")
    point = Timex(0, 12, "September 25", "DATE", "2017-09-25", date(2017, 9, 25), date(2017, 9, 25))
    week = Timex(20, 29, "last week", "DATE", "2017-W38", date(2017, 9, 18), date(2017, 9, 24))
    instant = Timex(40, 47, "2:30 pm", "TIME", "2017-09-23T14:30", datetime(2017, 9, 23, 14, 30),
                    datetime(2017, 9, 23, 14, 30))
    duration = Timex(50, 57, "3 weeks", "DURATION", "P3W")
    events = (
        _event(0, point, sentence=TRICKY, label="Blame, \"quoted\"; Ünïcode", actors=("Russia", "United States")),
        _event(1, week, label="=HYPERLINK(\"x\")", lane="Syrian Democratic Forces",
               actors=("Syrian Democratic Forces",), sources=("doc-1", "doc-2")),
        _event(2, instant, sentence="Ж" * 60 + " long enough to fold across several lines of an iCalendar file."),
        _event(3, duration, implied=True),
    )
    actors = (Actor("Russia", "country", ("Russian",)), Actor("United States", "country", ("U.S.",)),
              Actor("Syrian Democratic Forces", "group", ("SDF",)))
    return Timeline(documents=(doc, other), events=events, actors=actors)


# --- JSON ------------------------------------------------------------------------------------------

def test_json_keeps_the_contract(timeline, tmp_path):
    path = tmp_path / "t.json"
    text = write_json(timeline, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data == json.loads(text) == timeline_to_dict(timeline)
    assert set(data) >= {"documents", "events", "actors"}
    assert set(data["documents"][0]) >= {"id", "path", "title", "reference_date", "reference_source"}
    first = data["events"][0]
    assert set(first) >= {"id", "document", "sentence", "sentence_start", "sentence_end", "time", "actors", "lane"}
    assert set(first["time"]) >= {"text", "start", "end", "type", "value", "earliest", "latest"}
    assert first["sentence"] == TRICKY
    assert data["events"][1]["time"]["earliest"] == "2017-09-18"
    assert data["events"][2]["time"]["latest"] == "2017-09-23T14:30"
    assert data["events"][3]["time"]["earliest"] is None


# --- CSV ---------------------------------------------------------------------------------------------

def test_csv_round_trip(timeline, tmp_path):
    path = tmp_path / "t.csv"
    text = write_csv(timeline, path)
    assert path.read_bytes() == text.encode("utf-8")
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert [r["id"] for r in rows] == [e.id for e in timeline.events]  # every event, dated or not
    first, week, instant, duration = rows
    assert first["sentence"] == TRICKY  # commas, quotes, a backslash, a newline and unicode survive
    assert first["label"] == 'Blame, "quoted"; Ünïcode'
    assert first["document_title"] == 'Russia, U.S. "Allies" Exchange Blame'
    assert first["actors"].split(ACTOR_SEPARATOR) == ["Russia", "United States"]
    assert (first["earliest"], first["latest"], first["value"], first["type"]) == (
        "2017-09-25", "2017-09-25", "2017-09-25", "DATE")
    assert (week["earliest"], week["latest"], week["time_text"]) == ("2017-09-18", "2017-09-24", "last week")
    assert week["lane"] == "Syrian Democratic Forces"
    assert week["label"] == "'=HYPERLINK(\"x\")"  # a spreadsheet must not run article text as a formula
    assert (instant["earliest"], instant["type"]) == ("2017-09-23T14:30", "TIME")
    assert (duration["earliest"], duration["latest"], duration["value"]) == ("", "", "P3W")
    assert [r["implied_time"] for r in rows] == ["false", "false", "false", "true"]
    assert [r["sources"] for r in rows] == ["doc-1", "doc-1; doc-2", "doc-1", "doc-1"]


def test_csv_uses_crlf_records(timeline):
    text = write_csv(timeline)
    assert text.startswith(",".join(CSV_COLUMNS) + "\r\n")
    assert text.endswith("\r\n")


# --- TimelineJS ------------------------------------------------------------------------------------

def test_timelinejs_round_trip(timeline, tmp_path):
    path = tmp_path / "t.json"
    write_timelinejs(timeline, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["title"]["text"] == {"headline": "Timeline", "text": "3 events from 2 documents"}
    slides = data["events"]
    assert len(slides) == 3  # the bare duration cannot be placed on a timeline
    point, week, instant = slides
    assert point["start_date"] == {"year": 2017, "month": 9, "day": 25}
    assert "end_date" not in point
    assert week["start_date"] == {"year": 2017, "month": 9, "day": 18}
    assert week["end_date"] == {"year": 2017, "month": 9, "day": 24}
    assert instant["start_date"] == {"year": 2017, "month": 9, "day": 23, "hour": 14, "minute": 30}
    assert [s["group"] for s in slides] == ["Russia", "Syrian Democratic Forces", "Russia"]
    assert len({s["unique_id"] for s in slides}) == 3
    assert all(c.isalnum() or c in "-_" for s in slides for c in s["unique_id"])
    # TimelineJS renders text as HTML: the article's characters are escaped, the unicode kept
    assert point["text"]["headline"] == 'Blame, "quoted"; Ünïcode'
    assert "Ryabkov said, \"the U.S. is to blame\"; a\\b\nsecond line — Дейр-эз-Зор 🇸🇾" in point["text"]["text"]
    assert "&lt;" not in point["text"]["text"]
    assert 'Blame; SDF; a second report</small>' in week["text"]["text"]


def test_timelinejs_escapes_html(timeline):
    doc = timeline.documents[0]
    timex = Timex(0, 5, "today", "DATE", "2017-09-26", date(2017, 9, 26), date(2017, 9, 26))
    tl = Timeline(documents=(doc,), events=(_event(0, timex, sentence="<script>alert(1)</script> & co"),))
    data = json.loads(write_timelinejs(tl))
    assert data["title"]["text"]["headline"] == 'Russia, U.S. "Allies" Exchange Blame'  # one document: its title
    text = data["events"][0]["text"]["text"]
    assert "<script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in text


# --- iCalendar ---------------------------------------------------------------------------------------

def _ics_unescape(value: str) -> str:
    out, chars = [], iter(value)
    for ch in chars:
        if ch == "\\":
            nxt = next(chars)
            out.append("\n" if nxt in "nN" else nxt)
        else:
            out.append(ch)
    return "".join(out)


def _parse_ics(text: str) -> tuple[dict[str, str], list[dict[str, str]]]:
    """A small RFC 5545 reader: unfold, split name;params:value, collect VEVENTs."""
    assert text.endswith("\r\n")
    physical = text[:-2].split("\r\n")
    assert all("\n" not in line and "\r" not in line for line in physical)
    assert all(len(line.encode("utf-8")) <= 75 for line in physical)
    unfolded = text.replace("\r\n ", "").replace("\r\n\t", "")
    calendar: dict[str, str] = {}
    events: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    for line in unfolded[:-2].split("\r\n"):
        name, _, value = line.partition(":")
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            current[name] = value
        else:
            calendar[name] = value
    return calendar, events


def test_ics_round_trip(timeline, tmp_path):
    path = tmp_path / "t.ics"
    stamp = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    text = write_ics(timeline, path, stamp=stamp)
    assert path.read_bytes() == text.encode("utf-8")
    calendar, events = _parse_ics(text)
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    assert len(events) == 3  # the bare duration is left out
    point, week, instant = events
    for ev, src in zip(events, timeline.events, strict=False):
        assert ev["UID"] == f"{src.id}@timeline-app"
        assert ev["DTSTAMP"] == "20261125T120000Z"
    # a day is an all-day event whose exclusive end is the next day
    assert point["DTSTART;VALUE=DATE"] == "20170925"
    assert point["DTEND;VALUE=DATE"] == "20170926"
    # a span of days ends the day after its last day
    assert week["DTSTART;VALUE=DATE"] == "20170918"
    assert week["DTEND;VALUE=DATE"] == "20170925"
    # an instant is a floating date-time with no end
    assert instant["DTSTART"] == "20170923T143000"
    assert "DTEND" not in instant
    assert _ics_unescape(point["SUMMARY"]) == 'Russia: Blame, "quoted"; Ünïcode'
    description = _ics_unescape(point["DESCRIPTION"])
    assert description.startswith(TRICKY + "\n")
    assert "Actors: Russia, United States" in description
    assert _ics_unescape(week["CATEGORIES"]) == "Syrian Democratic Forces"
    assert _ics_unescape(week["DESCRIPTION"]).endswith(
        'Sources: Russia, U.S. "Allies" Exchange Blame; SDF; a second report')
    assert _ics_unescape(instant["DESCRIPTION"]).startswith("Ж" * 60)


def test_ics_escaping_and_folding():
    assert ics_escape('a,b;c\\d\ne\r\nf') == "a\\,b\\;c\\\\d\\ne\\nf"
    assert ics_escape("bell\x07") == "bell"
    line = "DESCRIPTION:" + "é" * 100
    folded = ics_fold(line)
    pieces = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in pieces)
    assert all(p.startswith(" ") for p in pieces[1:])
    assert folded.replace("\r\n ", "") == line
    assert ics_fold("SHORT:x") == "SHORT:x"


# --- the dispatcher -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "fmt"), [("a.json", "json"), ("a.CSV", "csv"), ("a.ics", "ics")])
def test_format_from_suffix(name, fmt):
    assert format_for(name) == fmt


def test_format_given_wins_and_unknown_ones_fail(tmp_path):
    assert format_for(tmp_path / "a.json", "timelinejs") == "timelinejs"
    assert format_for(None) == "json"
    with pytest.raises(ExportError, match="unknown export format"):
        format_for("a.json", "xml")
    with pytest.raises(ExportError, match="a.txt"):
        format_for("a.txt")


def test_write_dispatches(timeline, tmp_path):
    write(timeline, tmp_path / "t.csv")
    assert next(csv.reader(io.StringIO((tmp_path / "t.csv").read_text(encoding="utf-8")))) == list(CSV_COLUMNS)
    write(timeline, tmp_path / "t.json", "timelinejs")
    assert "start_date" in json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))["events"][0]
    assert write(timeline, None, "ics").startswith("BEGIN:VCALENDAR\r\n")


# --- the CLI -------------------------------------------------------------------------------------------

def _run_cli(*args: str) -> tuple[int, str, str]:
    """Run the CLI; stdout is decoded by hand so that CRLF line ends stay as written."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    proc = subprocess.run([sys.executable, "-m", "timeline_app", *args], cwd=ROOT, env=env,
                          capture_output=True, timeout=300)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8", "replace")


def _check_parses(fmt: str, text: str) -> None:
    if fmt == "json":
        assert set(json.loads(text)) >= {"documents", "events", "actors"}
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(text, newline="")))
        assert rows[0] == list(CSV_COLUMNS)
        assert all(len(r) == len(CSV_COLUMNS) for r in rows)
    elif fmt == "timelinejs":
        data = json.loads(text)
        assert data["title"]["text"]["headline"]
        assert all("year" in s["start_date"] and s["text"]["headline"] for s in data["events"])
    else:
        calendar, events = _parse_ics(text)
        assert calendar["VERSION"] == "2.0"
        assert all("UID" in e and "DTSTAMP" in e and "SUMMARY" in e for e in events)


@pytest.mark.parametrize("fmt", ["json", "csv", "timelinejs", "ics"])
def test_cli_extract_formats(fmt):
    status, out, err = _run_cli("extract", str(SEED.relative_to(ROOT)), "--reference-date", "2017-09-26",
                                "--format", fmt)
    assert status == 0, err
    _check_parses(fmt, out)


def test_cli_extract_takes_the_format_from_the_output_suffix(tmp_path):
    out = tmp_path / "seed.ics"
    status, stdout, err = _run_cli("extract", str(SEED), "--reference-date", "2017-09-26", "-o", str(out))
    assert status == 0, err
    assert stdout == ""
    _check_parses("ics", out.read_bytes().decode("utf-8"))


def test_cli_extract_rejects_an_unknown_suffix(tmp_path):
    status, _, err = _run_cli("extract", str(SEED), "--reference-date", "2017-09-26", "-o", str(tmp_path / "seed.xyz"))
    assert status == 1
    assert "seed.xyz" in err


@pytest.mark.parametrize("fmt", ["json", "csv", "timelinejs", "ics"])
def test_an_empty_timeline_still_writes_a_valid_file(fmt, tmp_path):
    path = tmp_path / f"empty.{fmt}"
    write(Timeline(), path, fmt)
    _check_parses(fmt, path.read_bytes().decode("utf-8"))
