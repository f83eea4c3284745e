"""The workspace file: exact round trips, re-extraction, a save killed half-way, files that are not workspaces."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from timeline_app.core import store
from timeline_app.core.corrections import (
    AddEvent,
    ChangeDate,
    ChangeLane,
    DeleteEvent,
    EditLabel,
    Group,
    HideLane,
    MergeLanes,
    RenameLane,
    SetReferenceDate,
    event_key,
)
from timeline_app.core.ingest import read_document
from timeline_app.core.model import Actor, Document, Event, Mention, Timex
from timeline_app.core.pipeline import DocumentResult, extract, with_reference_date
from timeline_app.core.store import (
    CorruptWorkspaceError,
    NewerWorkspaceError,
    NotAWorkspaceError,
    ViewState,
    Workspace,
    WorkspaceError,
    open_workspace,
    reextract,
    save_workspace,
)

ROOT = Path(__file__).parents[2]
SEED = ROOT / "seeds" / "russia-us-syria-2017-09-26.txt"


@pytest.fixture(scope="module")
def seed() -> DocumentResult:
    return extract(read_document(SEED))


def _odd_result() -> DocumentResult:
    """A hand-made result with the values a round trip could get wrong: datetimes, None bounds, unicode."""
    text = "Le 3 mars à 14 h 30, Ankara a répondu. Depuis toujours « on » attend.\n\nTwice a week."
    doc = Document("odd-1", "/tmp/odd «1».txt", "Odd — one", text, date(2016, 2, 29), "dateline")
    at = Timex(0, 19, text[0:19], "TIME", "2016-03-03T14:30", datetime(2016, 3, 3, 14, 30),
               datetime(2016, 3, 3, 14, 30, tzinfo=UTC), "reference", "APPROX")
    midnight = Timex(39, 54, text[39:54], "DATE", "PAST_REF", datetime(2016, 3, 3), date(2016, 3, 3), mod="BEFORE")
    unplaced = Timex(72, 84, text[72:84], "SET", "P1W", None, None)
    events = (
        Event("odd-1:0", "odd-1", text[:38], 0, 38, at, ("Turkey",), "Turkey", "Ankara répond", False, ("odd-1", "x")),
        Event("odd-1:1", "odd-1", text[39:70], 39, 70, midnight, (), "Unattributed", "", True, ()),
    )
    actors = (Actor("Turkey", "country", ("Ankara", "Türkiye")), Actor("Erdoğan", "person", ("Erdoğan",), "Turkey"))
    return DocumentResult(doc, (at, midnight, unplaced), (Mention(21, 27, "Turkey"),), events, actors)


def _workspace(seed: DocumentResult) -> Workspace:
    e = seed.events
    corrections = (
        ChangeLane(event_key(e[0]), "Moscow"),
        ChangeDate(event_key(e[2]), date(2017, 9, 24), datetime(2017, 9, 25, 23, 59), "2017-09-24/2017-09-25"),
        EditLabel(event_key(e[1]), "Russia and the U.S. trade accusations — «again»"),
        DeleteEvent(event_key(e[-1])),
        AddEvent("1", seed.document.id, e[3].sentence_start, e[3].sentence_end, date(2017, 9, 23), date(2017, 9, 24),
                 "SDF", "Added by hand", time_start=e[3].time.start, time_end=e[3].time.end),
        SetReferenceDate("odd-1", date(2016, 3, 1)),
        RenameLane("United States", "USA"),
        MergeLanes("Syrian Democratic Forces", "SDF"),
        HideLane("Syria"),
        Group("merge lanes", (MergeLanes("Russia", "Moscow"), MergeLanes("USA", "Moscow"))),
    )
    view = ViewState((date(2017, 9, 1), datetime(2017, 10, 1, 12, 0)), ("Syria",), str(event_key(e[0])),
                     "AAAA/wAAAAD9AAAAAgAAAAA=")
    return Workspace((seed, _odd_result()), corrections, view, {"odd-1": "0.0.9"})


# --- round trips ----------------------------------------------------------------------------------------------------

def test_a_workspace_with_corrections_round_trips_exactly(tmp_path, seed):
    ws = _workspace(seed)
    path = tmp_path / "work.tlw"
    save_workspace(path, ws)
    back = open_workspace(path)
    assert back == ws
    assert back.results[1].events[1].time.earliest == datetime(2016, 3, 3)  # a datetime stays a datetime
    assert type(back.results[1].events[1].time.latest) is date
    assert back.app_versions == {seed.document.id: store.__version__, "odd-1": "0.0.9"}
    assert back.timeline() == ws.timeline()
    assert back.timeline().orphans == ()


def test_saving_again_replaces_the_file_and_keeps_its_mode(tmp_path, seed):
    path = tmp_path / "work.tlw"
    ws = _workspace(seed)
    save_workspace(path, ws)
    os.chmod(path, 0o640)
    smaller = replace(ws, results=ws.results[:1], corrections=ws.corrections[:2], view=ViewState())
    save_workspace(path, smaller)
    assert open_workspace(path) == smaller
    assert path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["work.tlw"]  # no temporary file left behind


def test_an_empty_workspace_round_trips(tmp_path):
    save_workspace(tmp_path / "empty.tlw", Workspace())
    assert open_workspace(tmp_path / "empty.tlw") == Workspace()


def test_the_save_reports_its_progress(tmp_path, seed):
    stages = []
    save_workspace(tmp_path / "w.tlw", _workspace(seed), progress=lambda *a: stages.append(a))
    total = stages[-1][2]
    assert stages[-2:] == [("written", total, total), ("replaced", total, total)]
    assert [s[1] for s in stages if s[0] == "rows"] == list(range(1, total + 1))


def test_the_open_reports_its_progress_and_a_cancel_from_it_stops_it(tmp_path, seed):
    path = tmp_path / "w.tlw"
    other = replace(seed, document=replace(seed.document, id="other", path="/tmp/other.txt"))
    save_workspace(path, Workspace((seed, other)))
    steps = []
    assert len(open_workspace(path, progress=lambda *a: steps.append(a)).results) == 2
    assert steps == [(1, 2), (2, 2)]

    class Stop(Exception):
        pass

    def stop(done, total):
        raise Stop

    with pytest.raises(Stop):  # as it is, not as a damaged file
        open_workspace(path, progress=stop)


def test_a_reference_date_change_survives_save_open_and_re_extraction(tmp_path, seed):
    implied = next(e for e in seed.events if e.implied_time)
    redated = {event_key(e): e for e in with_reference_date(seed, date(2016, 3, 1)).events}
    explicit = next(e for e in seed.events if not e.implied_time and event_key(e) in redated
                    and redated[event_key(e)].time.value != e.time.value)
    ws = Workspace((seed,), (ChangeLane(event_key(explicit), "Moscow"), EditLabel(event_key(implied), "mine"),
                             SetReferenceDate(seed.document.id, date(2016, 3, 1))))
    path = tmp_path / "w.tlw"
    save_workspace(path, ws)
    shown = {event_key(e): e for e in open_workspace(path).timeline().timeline.events}
    assert shown[event_key(explicit)].lane == "Moscow"
    assert shown[event_key(explicit)].time == redated[event_key(explicit)].time
    assert shown[event_key(implied)].label == "mine"
    assert shown[event_key(implied)].time.earliest == date(2016, 3, 1)


def test_documents_from_an_older_app_version_are_re_extracted_with_their_corrections(tmp_path, seed):
    ws = replace(_workspace(seed), app_versions={seed.document.id: "0.0.1", "odd-1": "0.0.9"})
    save_workspace(tmp_path / "w.tlw", ws)
    opened = open_workspace(tmp_path / "w.tlw")
    assert set(opened.outdated()) == {seed.document.id, "odd-1"}
    fresh = reextract(opened, (seed.document.id,))
    assert fresh.app_versions[seed.document.id] == store.__version__
    assert fresh.app_versions["odd-1"] == "0.0.9"
    assert fresh.corrections == ws.corrections
    assert fresh.results[0] == seed  # the same extractor: the same result
    assert fresh.timeline() == ws.timeline()


# --- a save killed half-way ------------------------------------------------------------------------------------------

_CHILD = """
import sys
from dataclasses import replace
from timeline_app.core.corrections import RenameLane
from timeline_app.core.store import ViewState, open_workspace, save_workspace

path, stop_at = sys.argv[1], sys.argv[2]
ws = open_workspace(path)
more = tuple(RenameLane(f"lane {i}", f"lane {i + 1}") for i in range(300))
new = replace(ws, corrections=ws.corrections + more, view=ViewState(layout="after"))

def pause(stage, done, total):
    if stage == stop_at and (stage != "rows" or done == total // 2):
        print("paused", stage, done, total, flush=True)
        sys.stdin.read()  # blocks until the parent kills us

save_workspace(path, new, progress=pause)
print("saved", flush=True)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize("stop_at", ["rows", "written"])
def test_a_save_killed_half_way_loses_nothing_already_saved(tmp_path, seed, stop_at):
    path = tmp_path / "w.tlw"
    saved = _workspace(seed)
    save_workspace(path, saved)
    before = path.read_bytes()

    child = subprocess.Popen([sys.executable, "-c", _CHILD, str(path), stop_at], cwd=ROOT, text=True,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        line = child.stdout.readline()  # the child is blocked inside save_workspace once it says so
        assert line.startswith(f"paused {stop_at}"), line
        if stop_at == "rows":
            _, _, done, total = line.split()
            assert 0 < int(done) < int(total)
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait() == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdin.close()
        child.stdout.close()

    assert path.read_bytes() == before
    assert open_workspace(path) == saved
    leftovers = [p for p in tmp_path.iterdir() if p != path]
    assert leftovers and all(p.name.startswith(".w.tlw.") and p.suffix == ".saving" for p in leftovers)
    # The next save goes through as if nothing had happened, and clears what the killed one left.
    save_workspace(path, replace(saved, view=ViewState(layout="next")))
    assert open_workspace(path).view.layout == "next"
    if os.name == "posix":
        assert [p.name for p in tmp_path.iterdir()] == ["w.tlw"]


def test_the_same_save_not_killed_replaces_the_file(tmp_path, seed):
    path = tmp_path / "w.tlw"
    save_workspace(path, _workspace(seed))
    done = subprocess.run([sys.executable, "-c", _CHILD, str(path), "never"], cwd=ROOT, text=True,
                          capture_output=True, check=True)
    assert done.stdout == "saved\n"
    after = open_workspace(path)
    assert after.view.layout == "after"
    assert len(after.corrections) == len(_workspace(seed).corrections) + 300


# --- files that are not (good) workspaces -----------------------------------------------------------------------------

def _expect(error: type[WorkspaceError], path: Path) -> WorkspaceError:
    with pytest.raises(error) as caught:
        open_workspace(path)
    assert path.name in str(caught.value)
    assert caught.value.path == path
    return caught.value


def test_a_missing_file(tmp_path):
    err = _expect(WorkspaceError, tmp_path / "gone.tlw")
    assert "no such file" in str(err)


@pytest.mark.parametrize("content", [b"", b"just some text\n", b"PK\x03\x04" + bytes(200), b"SQLite"])
def test_a_file_that_is_not_a_workspace(tmp_path, content):
    path = tmp_path / "notes.tlw"
    path.write_bytes(content)
    _expect(NotAWorkspaceError, path)


def test_a_folder_is_not_a_workspace(tmp_path):
    (tmp_path / "folder.tlw").mkdir()
    _expect(NotAWorkspaceError, tmp_path / "folder.tlw")


def test_another_apps_sqlite_database(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.execute("INSERT INTO t VALUES (1)")
    conn.close()
    err = _expect(NotAWorkspaceError, path)
    assert "SQLite database but not a timeline workspace" in str(err)


def test_a_truncated_workspace_is_corrupt(tmp_path, seed):
    path = tmp_path / "w.tlw"
    save_workspace(path, _workspace(seed))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    _expect(CorruptWorkspaceError, path)


def test_a_workspace_with_damaged_pages_is_corrupt(tmp_path, seed):
    path = tmp_path / "w.tlw"
    save_workspace(path, _workspace(seed))
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page: 3 * page] = b"\xff" * (2 * page)  # the schema's second and third pages: b-tree headers gone
    path.write_bytes(bytes(data))
    _expect(CorruptWorkspaceError, path)


def test_a_workspace_with_unreadable_records_is_corrupt(tmp_path, seed):
    path = tmp_path / "w.tlw"
    save_workspace(path, _workspace(seed))
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE corrections SET data = '{\"type\": \"Explode\"}' WHERE position = 0")
    conn.close()
    err = _expect(CorruptWorkspaceError, path)
    assert "cannot understand" in str(err)


def test_a_workspace_from_a_newer_app_is_refused_and_left_alone(tmp_path, seed):
    path = tmp_path / "w.tlw"
    save_workspace(path, _workspace(seed))
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE schema_version SET version = ?", (store.SCHEMA_VERSION + 1,))
    conn.close()
    before = path.read_bytes()
    err = _expect(NewerWorkspaceError, path)
    assert "newer version" in str(err) and "update the app" in str(err)
    assert path.read_bytes() == before


def test_an_older_schema_is_migrated_in_memory_step_by_step(tmp_path, seed, monkeypatch):
    path = tmp_path / "w.tlw"
    ws = _workspace(seed)
    save_workspace(path, ws)
    before = path.read_bytes()
    steps = []

    def to_2(conn: sqlite3.Connection) -> None:
        steps.append(2)
        conn.execute("UPDATE documents SET title = title || ' (v2)'")

    def to_3(conn: sqlite3.Connection) -> None:
        steps.append(3)
        conn.execute("INSERT INTO meta VALUES ('migrated', 'yes')")

    monkeypatch.setattr(store, "SCHEMA_VERSION", 3)
    monkeypatch.setattr(store, "MIGRATIONS", {1: to_2, 2: to_3})
    opened = open_workspace(path)
    assert steps == [2, 3]
    assert [r.document.title for r in opened.results] == [r.document.title + " (v2)" for r in ws.results]
    assert path.read_bytes() == before  # upgraded on the next save, not on open

    save_workspace(path, opened)  # now in schema 3: opens with no migration
    steps.clear()
    assert open_workspace(path) == opened and steps == []


def test_a_schema_with_no_migration_path_is_an_error(tmp_path, monkeypatch):
    path = tmp_path / "w.tlw"
    save_workspace(path, Workspace())
    monkeypatch.setattr(store, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(store, "MIGRATIONS", {})
    err = _expect(WorkspaceError, path)
    assert "cannot upgrade" in str(err)


def test_saving_into_a_missing_folder_is_a_workspace_error(tmp_path):
    with pytest.raises(WorkspaceError, match="w.tlw"):
        save_workspace(tmp_path / "no" / "such" / "w.tlw", Workspace())
