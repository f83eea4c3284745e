"""The workspace file: documents, what was extracted from them, the user's corrections and the view, in one SQLite file.

How a save survives a crash
---------------------------
:func:`save_workspace` writes a complete new database to a temporary file in the same folder, flushes it to
disk (fsync), then moves it over the workspace with ``os.replace``, which is atomic on POSIX and Windows
alike. At every instant the file at the workspace path is either the previous complete save or the new one:
a process killed in the middle of a save (an autosave, typically) leaves the last save untouched and at worst a
hidden ``.<name>.<pid>.*.saving`` file beside it, which the next save removes.

Why not SQLite's own transactions on the file in place (rollback journal or WAL)? They are just as atomic, but
they make the workspace depend on side files: a crash mid-save leaves a hot ``-journal`` that must stay beside
the file until the next open rolls it back, and in WAL mode committed changes live in ``-wal`` until a
checkpoint, so a user who copies or e-mails the ``.tlw`` file alone (the one file the issue promises) can get an
old or corrupt copy; WAL also does not work on network folders. Rewriting the whole file costs a few
milliseconds for the tens of articles a workspace holds, which an autosave every few seconds can afford, and
opening reads the file once into memory, so an open workspace never holds the file locked either.

Schema
------
``schema_version(version)`` says which layout a file has; ``PRAGMA application_id`` tells our files from other
SQLite databases. A file from an older schema is brought up to date in memory on open by :data:`MIGRATIONS`
(version n -> n + 1) and written in the current schema at the next save; a file from a newer schema is refused
with :class:`NewerWorkspaceError` and never touched.
"""

from __future__ import annotations

import glob
import json
import logging
import os
import sqlite3
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from timeline_app import __version__
from timeline_app.core.corrections import (
    Applied,
    Correction,
    apply_corrections,
    correction_from_dict,
    correction_to_dict,
)
from timeline_app.core.model import Actor, Document, Event, Mention, Timex
from timeline_app.core.pipeline import DocumentResult, extract

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 1
APPLICATION_ID = 0x544C5753  # "TLWS" in the SQLite header: this is a timeline workspace
SQLITE_MAGIC = b"SQLite format 3\x00"

# version n -> a function bringing an in-memory database at version n to n + 1 (in the same transaction).
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {}

SaveHook = Callable[[str, int, int], None]  # (stage, rows written, rows in all): "rows", "written", "replaced"
OpenHook = Callable[[int, int], None]  # (documents read, documents in all)


# --- errors -------------------------------------------------------------------------------------------------------

class WorkspaceError(Exception):
    """A workspace file that cannot be opened or saved; the message names the file and says what to do."""

    def __init__(self, path: str | Path, message: str) -> None:
        self.path = Path(path)
        super().__init__(f"{self.path.name}: {message}")


class NotAWorkspaceError(WorkspaceError):
    """The file is not a timeline workspace at all (another kind of file, or another app's database)."""


class CorruptWorkspaceError(WorkspaceError):
    """The file is a workspace (or looks like one) but is damaged or truncated."""


class NewerWorkspaceError(WorkspaceError):
    """The file was written by a newer version of the app, in a schema this version cannot read."""


# --- what a workspace holds ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ViewState:
    """How the window looked: the visible stretch of time, hidden lanes, the selected event, the layout.

    ``selection`` is an event key as text (``str(EventKey)``), which survives re-extraction; ``layout`` is opaque
    to the core (the UI puts base64 of ``QMainWindow.saveState()`` there).
    """

    visible_range: tuple[date | datetime, date | datetime] | None = None
    hidden_lanes: tuple[str, ...] = ()
    selection: str | None = None
    layout: str = ""


@dataclass(frozen=True)
class Workspace:
    """Everything a workspace file holds, as values."""

    results: tuple[DocumentResult, ...] = ()
    corrections: tuple[Correction, ...] = ()
    view: ViewState = ViewState()
    app_versions: Mapping[str, str] = field(default_factory=dict)  # document id -> app version that extracted it

    def __post_init__(self) -> None:
        # A result with no recorded version was extracted by this app; saying so makes save/open round-trip equal.
        known = dict(self.app_versions)
        versions = {r.document.id: known.get(r.document.id, __version__) for r in self.results}
        object.__setattr__(self, "app_versions", versions)

    def timeline(self) -> Applied:
        """The timeline the user sees: the results with the corrections applied."""
        return apply_corrections(self.results, self.corrections)

    def outdated(self, version: str = __version__) -> tuple[str, ...]:
        """Ids of the documents extracted by another version of the app than ``version``."""
        return tuple(r.document.id for r in self.results if self.app_versions[r.document.id] != version)


def reextract(workspace: Workspace, document_ids: tuple[str, ...] | None = None,
              version: str = __version__) -> Workspace:
    """Extract documents again with this version of the app (the outdated ones by default), keeping corrections.

    Corrections refer to events by key, so they apply to the new results as they did to the old; those whose
    event is gone show up in ``Workspace.timeline().orphans``.
    """
    wanted = set(workspace.outdated(version) if document_ids is None else document_ids)
    results = tuple(extract(r.document) if r.document.id in wanted else r for r in workspace.results)
    versions = dict(workspace.app_versions) | {d: version for d in wanted}
    return Workspace(results, workspace.corrections, workspace.view, versions)


# --- saving ---------------------------------------------------------------------------------------------------------

_SCHEMA = """
CREATE TABLE schema_version (version INTEGER NOT NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
    position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, path TEXT NOT NULL, title TEXT NOT NULL,
    text TEXT NOT NULL, reference_date TEXT NOT NULL, reference_source TEXT NOT NULL, app_version TEXT NOT NULL);
CREATE TABLE timexes (document TEXT NOT NULL, position INTEGER NOT NULL, data TEXT NOT NULL,
    PRIMARY KEY (document, position));
CREATE TABLE mentions (document TEXT NOT NULL, position INTEGER NOT NULL, start INTEGER NOT NULL,
    "end" INTEGER NOT NULL, actor TEXT NOT NULL, PRIMARY KEY (document, position));
CREATE TABLE actors (document TEXT NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,
    aliases TEXT NOT NULL, affiliation TEXT, PRIMARY KEY (document, position));
CREATE TABLE events (
    document TEXT NOT NULL, position INTEGER NOT NULL, id TEXT NOT NULL, sentence TEXT NOT NULL,
    sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL, time TEXT NOT NULL, actors TEXT NOT NULL,
    lane TEXT NOT NULL, label TEXT NOT NULL, implied_time INTEGER NOT NULL, sources TEXT NOT NULL,
    PRIMARY KEY (document, position));
CREATE TABLE corrections (position INTEGER PRIMARY KEY, kind TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE view_state (id INTEGER PRIMARY KEY CHECK (id = 1), data TEXT NOT NULL);
"""


def save_workspace(path: str | Path, workspace: Workspace, progress: SaveHook | None = None) -> None:
    """Write the workspace to ``path`` atomically: the file holds either the previous save or this one.

    ``progress`` is called after each row with ("rows", done, total), then with ("written", total, total) once
    the new file is on disk but not yet in place, and ("replaced", total, total) once it is.
    Raises :class:`WorkspaceError` when the folder cannot be written.
    """
    target = Path(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".saving",
                                        dir=target.parent or ".")
    except OSError as exc:
        raise WorkspaceError(target, f"cannot be saved in {target.parent}: {exc.strerror or exc}") from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        total = _write_database(tmp, workspace, progress)
        _fsync_file(tmp)
        if progress:
            progress("written", total, total)
        _copy_mode(target, tmp)
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError | sqlite3.Error):
            raise WorkspaceError(target, f"could not be saved: {exc}") from exc
        raise
    if progress:
        progress("replaced", total, total)
    logger.info("saved workspace %s (%d rows)", target, total)
    _remove_stale_saves(target)


def _remove_stale_saves(target: Path) -> None:
    """Delete the temporary files that saves killed before finishing left beside the workspace.

    A file is stale when the process that wrote it (its id is in the name) is gone; another process still
    saving keeps its file. Only POSIX can ask whether a process lives without touching it, so elsewhere the
    files stay (they are hidden, and harmless).
    """
    if os.name != "posix":
        return
    for leftover in target.parent.glob(f".{glob.escape(target.name)}.*.saving"):
        pid = leftover.name[len(target.name) + 2:].split(".", 1)[0]
        if not pid.isdigit() or _alive(int(pid)):
            continue
        logger.info("removing %s, left by a save that did not finish", leftover)
        leftover.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, but belongs to someone else
    return True


def _rows(workspace: Workspace) -> list[tuple[str, tuple[Any, ...]]]:
    rows: list[tuple[str, tuple[Any, ...]]] = []
    for n, r in enumerate(workspace.results):
        d = r.document
        rows.append(("documents", (n, d.id, d.path, d.title, d.text, d.reference_date.isoformat(),
                                   d.reference_source, workspace.app_versions[d.id])))
        rows += [("timexes", (d.id, i, json.dumps(_timex_to_json(t)))) for i, t in enumerate(r.timexes)]
        rows += [("mentions", (d.id, i, m.start, m.end, m.actor)) for i, m in enumerate(r.mentions)]
        rows += [("actors", (d.id, i, a.name, a.kind, json.dumps(list(a.aliases)), a.affiliation))
                 for i, a in enumerate(r.actors)]
        rows += [("events", (d.id, i, e.id, e.sentence, e.sentence_start, e.sentence_end,
                             json.dumps(_timex_to_json(e.time)), json.dumps(list(e.actors)), e.lane, e.label,
                             int(e.implied_time), json.dumps(list(e.sources))))
                 for i, e in enumerate(r.events)]
    for n, c in enumerate(workspace.corrections):
        data = correction_to_dict(c)
        rows.append(("corrections", (n, data["type"], json.dumps(data, ensure_ascii=False))))
    rows.append(("view_state", (1, json.dumps(_view_to_json(workspace.view), ensure_ascii=False))))
    return rows


def _write_database(tmp: Path, workspace: Workspace, progress: SaveHook | None) -> int:
    rows = _rows(workspace)
    conn = sqlite3.connect(tmp, isolation_level=None)
    try:
        # The temporary file is thrown away if anything fails, so it needs no journal of its own.
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.executescript(_SCHEMA)
        conn.execute("BEGIN")
        conn.execute("INSERT INTO schema_version VALUES (?)", (SCHEMA_VERSION,))
        conn.executemany("INSERT INTO meta VALUES (?, ?)",
                         [("application", "timeline-app"), ("app_version", __version__)])
        for done, (table, values) in enumerate(rows, 1):
            marks = ", ".join("?" * len(values))
            conn.execute(f"INSERT INTO {table} VALUES ({marks})", values)
            if progress:
                progress("rows", done, len(rows))
        conn.execute("COMMIT")
    finally:
        conn.close()
    return len(rows)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable on POSIX; Windows cannot open a folder this way and needs no such step.
    if os.name != "posix":
        return
    fd = os.open(folder if str(folder) else ".", os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _umask()


def _copy_mode(target: Path, tmp: Path) -> None:
    # mkstemp makes the file private (0600); a saved workspace keeps the mode the user gave it, else the default.
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o666 & ~_UMASK
    os.chmod(tmp, mode)


# --- opening ------------------------------------------------------------------------------------------------------

def open_workspace(path: str | Path, progress: OpenHook | None = None) -> Workspace:
    """Read a workspace file; :class:`WorkspaceError` (or a subclass) says why one cannot be read.

    ``progress`` is called with (documents read, documents in all) after each document; an exception it raises
    (a cancel) ends the reading and reaches the caller as it is.
    """
    path = Path(path)
    try:
        with open(path, "rb") as f:
            head = f.read(len(SQLITE_MAGIC))
    except FileNotFoundError as exc:
        raise WorkspaceError(path, "no such file (it may have been moved or deleted)") from exc
    except IsADirectoryError as exc:
        raise NotAWorkspaceError(path, "is a folder, not a workspace file") from exc
    except OSError as exc:
        raise WorkspaceError(path, f"cannot be read: {exc.strerror or exc}") from exc
    if head != SQLITE_MAGIC:
        raise NotAWorkspaceError(path, "is not a timeline workspace (choose a .tlw file saved by this app)")
    try:
        conn = _load_into_memory(path)
    except sqlite3.DatabaseError as exc:
        raise CorruptWorkspaceError(path, f"is damaged and cannot be read ({exc}); open a backup copy") from exc
    try:
        return _read(path, conn, progress)
    except sqlite3.DatabaseError as exc:
        raise CorruptWorkspaceError(path, f"is damaged and cannot be read ({exc}); open a backup copy") from exc
    except (ValueError, KeyError, TypeError) as exc:
        raise CorruptWorkspaceError(path, f"holds data this app cannot understand ({exc})") from exc
    finally:
        conn.close()


def _load_into_memory(path: Path) -> sqlite3.Connection:
    # Read-only and immutable: opening never writes to the file (a newer app's file stays as it was).
    uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
    source = sqlite3.connect(uri, uri=True)
    try:
        memory = sqlite3.connect(":memory:")
        source.backup(memory)
    finally:
        source.close()
    return memory


def _read(path: Path, conn: sqlite3.Connection, progress: OpenHook | None = None) -> Workspace:
    if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
        raise CorruptWorkspaceError(path, "is damaged (the database check failed); open a backup copy")
    if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        raise NotAWorkspaceError(path, "is an SQLite database but not a timeline workspace")
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    if row is None or row[0] is None:
        raise CorruptWorkspaceError(path, "has no schema version; it is damaged")
    version = int(row[0])
    if version > SCHEMA_VERSION:
        raise NewerWorkspaceError(path, f"was saved by a newer version of timeline-app (workspace schema {version}; "
                                        f"this version reads up to {SCHEMA_VERSION}); update the app to open it")
    migrate(path, conn, version)
    return _read_current(conn, progress)


def migrate(path: Path, conn: sqlite3.Connection, version: int) -> None:
    """Bring a database at ``version`` up to :data:`SCHEMA_VERSION`, one step at a time, in one transaction."""
    if version == SCHEMA_VERSION:
        return
    with conn:
        for v in range(version, SCHEMA_VERSION):
            step = MIGRATIONS.get(v)
            if step is None:
                raise WorkspaceError(path, f"uses workspace schema {version}, which this version cannot upgrade")
            logger.info("upgrading workspace %s from schema %d to %d", path, v, v + 1)
            step(conn)
        conn.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION,))


def _read_current(conn: sqlite3.Connection, progress: OpenHook | None = None) -> Workspace:
    def by_document(sql: str) -> dict[str, list[tuple[Any, ...]]]:
        out: dict[str, list[tuple[Any, ...]]] = {}
        for row in conn.execute(sql):
            out.setdefault(row[0], []).append(row[1:])
        return out

    timexes = by_document("SELECT document, data FROM timexes ORDER BY document, position")
    mentions = by_document('SELECT document, start, "end", actor FROM mentions ORDER BY document, position')
    actors = by_document("SELECT document, name, kind, aliases, affiliation FROM actors ORDER BY document, position")
    events = by_document("SELECT document, id, sentence, sentence_start, sentence_end, time, actors, lane, label, "
                         "implied_time, sources FROM events ORDER BY document, position")
    results = []
    versions = {}
    total = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    for doc_id, path, title, text, ref, source, app_version in conn.execute(
            "SELECT id, path, title, text, reference_date, reference_source, app_version FROM documents "
            "ORDER BY position"):
        document = Document(doc_id, path, title, text, date.fromisoformat(ref), source)
        versions[doc_id] = app_version
        results.append(DocumentResult(
            document,
            tuple(_timex_from_json(json.loads(data)) for (data,) in timexes.get(doc_id, [])),
            tuple(Mention(start, end, actor) for start, end, actor in mentions.get(doc_id, [])),
            tuple(Event(eid, doc_id, sentence, s0, s1, _timex_from_json(json.loads(time)),
                        tuple(json.loads(names)), lane, label, bool(implied), tuple(json.loads(sources)))
                  for eid, sentence, s0, s1, time, names, lane, label, implied, sources in events.get(doc_id, [])),
            tuple(Actor(name, kind, tuple(json.loads(aliases)), affiliation)
                  for name, kind, aliases, affiliation in actors.get(doc_id, [])),
        ))
        if progress:
            progress(len(results), total)
    corrections = tuple(correction_from_dict(json.loads(data))
                        for (data,) in conn.execute("SELECT data FROM corrections ORDER BY position"))
    row = conn.execute("SELECT data FROM view_state WHERE id = 1").fetchone()
    view = _view_from_json(json.loads(row[0])) if row else ViewState()
    return Workspace(tuple(results), corrections, view, versions)


# --- values as JSON -----------------------------------------------------------------------------------------------

def _when_to_json(value: date | datetime | None) -> dict[str, str] | None:
    # Tagged so that a date and a midnight datetime come back as what they were.
    if value is None:
        return None
    if isinstance(value, datetime):
        return {"datetime": value.isoformat()}
    return {"date": value.isoformat()}


def _when_from_json(value: dict[str, str] | None) -> date | datetime | None:
    if value is None:
        return None
    if "datetime" in value:
        return datetime.fromisoformat(value["datetime"])
    return date.fromisoformat(value["date"])


def _timex_to_json(t: Timex) -> dict[str, Any]:
    return {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value,
            "earliest": _when_to_json(t.earliest), "latest": _when_to_json(t.latest), "anchor": t.anchor,
            "mod": t.mod}


def _timex_from_json(d: dict[str, Any]) -> Timex:
    return Timex(d["start"], d["end"], d["text"], d["type"], d["value"], _when_from_json(d["earliest"]),
                 _when_from_json(d["latest"]), d["anchor"], d["mod"])


def _view_to_json(view: ViewState) -> dict[str, Any]:
    span = None if view.visible_range is None else [_when_to_json(v) for v in view.visible_range]
    return {"visible_range": span, "hidden_lanes": list(view.hidden_lanes), "selection": view.selection,
            "layout": view.layout}


def _view_from_json(d: dict[str, Any]) -> ViewState:
    span = d.get("visible_range")
    return ViewState(
        visible_range=None if span is None else (_when_from_json(span[0]), _when_from_json(span[1])),
        hidden_lanes=tuple(d.get("hidden_lanes", ())),
        selection=d.get("selection"),
        layout=d.get("layout", ""),
    )
