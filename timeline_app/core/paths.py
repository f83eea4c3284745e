"""Where the app keeps its files: config, cache, data and log folders, and the recent-workspaces list.

Every location comes from platformdirs, here and nowhere else, so that tests can move them all at once (the
XDG_* variables on Linux). Folders are made when asked for.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path

import platformdirs

logger = logging.getLogger(__name__)

APP_NAME = "timeline-app"  # as QApplication.setApplicationName has it
WORKSPACE_SUFFIX = ".tlw"
MAX_RECENT = 10
RECENT_FILE = "recent-workspaces.json"


def _dirs() -> platformdirs.PlatformDirs:
    # Built on each call: platformdirs reads the environment when asked, and tests change it per test.
    return platformdirs.PlatformDirs(APP_NAME, appauthor=False, ensure_exists=True)


def config_dir() -> Path:
    """Settings and the recent-workspaces list."""
    return _dirs().user_config_path


def cache_dir() -> Path:
    """Files the app can make again (safe to delete)."""
    return _dirs().user_cache_path


def data_dir() -> Path:
    """Files the user would miss: the autosave of a workspace not yet saved under a name."""
    return _dirs().user_data_path


def log_dir() -> Path:
    """Log files."""
    return _dirs().user_log_path


def untitled_autosave_path() -> Path:
    """Where an autosave goes while the workspace has no file of its own yet."""
    folder = data_dir() / "autosave"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"untitled{WORKSPACE_SUFFIX}"


# --- recent workspaces ----------------------------------------------------------------------------------------------

def recent_workspaces_file() -> Path:
    return config_dir() / RECENT_FILE


def recent_workspaces(existing_only: bool = False) -> list[Path]:
    """The workspaces opened or saved last, newest first; an unreadable list counts as empty (and is logged)."""
    path = recent_workspaces_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        items = data["workspaces"]
        paths = [Path(p) for p in items if isinstance(p, str) and p]
    except FileNotFoundError:
        return []
    except (OSError, ValueError, KeyError, TypeError) as exc:
        logger.warning("ignoring the recent-workspaces list %s: %s", path, exc)
        return []
    if existing_only:
        paths = [p for p in paths if p.exists()]
    return paths[:MAX_RECENT]


def add_recent_workspace(path: str | Path) -> list[Path]:
    """Put a workspace first in the recent list (once, at most MAX_RECENT kept) and return the list."""
    path = Path(path).resolve()
    paths = [path] + [p for p in recent_workspaces() if p != path]
    _write_recent(paths[:MAX_RECENT])
    return paths[:MAX_RECENT]


def remove_recent_workspace(path: str | Path) -> list[Path]:
    """Drop a workspace from the recent list (it was moved or deleted) and return the list."""
    path = Path(path).resolve()
    paths = [p for p in recent_workspaces() if p != path]
    _write_recent(paths)
    return paths


def clear_recent_workspaces() -> None:
    _write_recent([])


def _write_recent(paths: list[Path]) -> None:
    # Written to a temporary file and moved into place: a crash never leaves half a list.
    target = recent_workspaces_file()
    text = json.dumps({"version": 1, "workspaces": [str(p) for p in paths]}, indent=2)
    fd, tmp = tempfile.mkstemp(prefix=".recent-", suffix=".json", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text + "\n")
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
