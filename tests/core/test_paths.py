"""platformdirs locations (moved to tmp_path by conftest) and the recent-workspaces list."""

from __future__ import annotations

import json

from timeline_app.core import paths


def test_every_location_is_under_the_test_folder_and_exists(tmp_path):
    for folder in (paths.config_dir(), paths.cache_dir(), paths.data_dir(), paths.log_dir()):
        assert folder.is_dir()
        assert folder.is_relative_to(tmp_path)
        assert paths.APP_NAME in folder.parts
    assert paths.untitled_autosave_path().parent.is_dir()
    assert paths.untitled_autosave_path().suffix == paths.WORKSPACE_SUFFIX


def test_recent_workspaces_newest_first_once_each_at_most_max(tmp_path):
    assert paths.recent_workspaces() == []
    files = [tmp_path / f"w{i}.tlw" for i in range(paths.MAX_RECENT + 3)]
    for f in files:
        paths.add_recent_workspace(f)
    paths.add_recent_workspace(files[5])
    recent = paths.recent_workspaces()
    assert len(recent) == paths.MAX_RECENT
    assert recent[0] == files[5].resolve()
    assert recent[1] == files[-1].resolve()
    assert recent.count(files[5].resolve()) == 1
    assert paths.remove_recent_workspace(files[5])[0] == files[-1].resolve()
    assert files[5].resolve() not in paths.recent_workspaces()
    paths.clear_recent_workspaces()
    assert paths.recent_workspaces() == []


def test_recent_workspaces_can_leave_out_the_missing_ones(tmp_path):
    kept = tmp_path / "kept.tlw"
    kept.write_bytes(b"")
    paths.add_recent_workspace(tmp_path / "gone.tlw")
    paths.add_recent_workspace(kept)
    assert paths.recent_workspaces(existing_only=True) == [kept.resolve()]
    assert len(paths.recent_workspaces()) == 2


def test_the_list_is_json_in_the_config_folder_and_a_broken_one_counts_as_empty(tmp_path, caplog):
    paths.add_recent_workspace(tmp_path / "a.tlw")
    data = json.loads(paths.recent_workspaces_file().read_text(encoding="utf-8"))
    assert data == {"version": 1, "workspaces": [str((tmp_path / "a.tlw").resolve())]}
    assert paths.recent_workspaces_file().parent == paths.config_dir()
    for broken in ("{not json", "[]", '{"workspaces": 3}'):
        paths.recent_workspaces_file().write_text(broken, encoding="utf-8")
        assert paths.recent_workspaces() == []
    assert "ignoring the recent-workspaces list" in caplog.text
    paths.add_recent_workspace(tmp_path / "b.tlw")  # a broken list is written anew
    assert paths.recent_workspaces() == [(tmp_path / "b.tlw").resolve()]
