"""The desktop integration files: valid by the freedesktop tools, and shipped inside the package."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from importlib.resources import files
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "io.github.timeline_app.TimelineApp"
RESOURCES = files("timeline_app.resources")
DESKTOP = RESOURCES / f"{APP_ID}.desktop"
METAINFO = RESOURCES / f"{APP_ID}.metainfo.xml"
MIME_TYPES = {"text/plain", "text/html", "application/pdf", "message/rfc822",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def _run_tool(*cmd: str) -> subprocess.CompletedProcess:
    if shutil.which(cmd[0]) is None:
        pytest.skip(f"{cmd[0]} is not installed (packaging/validate.sh installs it)")
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


def test_desktop_entry_is_valid():
    proc = _run_tool("desktop-file-validate", str(DESKTOP))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "error" not in (proc.stdout + proc.stderr).lower()


def test_metainfo_is_valid():
    proc = _run_tool("appstreamcli", "validate", "--no-net", "--strict", str(METAINFO))
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_desktop_entry_content():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read_string(DESKTOP.read_text(encoding="utf-8"))
    d = entry["Desktop Entry"]
    assert d["Type"] == "Application"
    assert d["Exec"] == "timeline-app %F"
    assert d["Icon"] == APP_ID
    assert "Office" in d["Categories"].split(";")
    assert set(filter(None, d["MimeType"].split(";"))) == MIME_TYPES


def test_metainfo_content():
    root = ET.fromstring(METAINFO.read_bytes())
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("project_license") == "MIT"
    assert root.find("launchable").text == f"{APP_ID}.desktop"
    assert root.find("content_rating") is not None
    release = root.find("releases/release")
    assert (release.get("version"), release.get("date")) == ("0.1.0", "2026-11-25")


def test_version_matches_the_release():
    from timeline_app import __version__

    release = ET.fromstring(METAINFO.read_bytes()).find("releases/release")
    assert release.get("version") == __version__


def test_icons_ship_in_the_package():
    icons = RESOURCES / "icons"
    svg = (icons / "timeline-app.svg").read_bytes()
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    for size in (48, 256):
        assert _png_size((icons / f"timeline-app-{size}.png").read_bytes()) == (size, size)


def test_package_data_globs_cover_the_desktop_files():
    """What pyproject's package-data ships: every desktop file, metainfo and icon matches a glob."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["timeline_app.resources"]
    resources = ROOT / "resources"
    shipped = {p for g in globs for p in resources.glob(g) if p.is_file()}
    needed = [*resources.glob("*.desktop"), *resources.glob("*.metainfo.xml"), *(resources / "icons").iterdir()]
    assert needed
    assert [p.name for p in needed if p not in shipped] == []


def test_bundle_spec_collects_the_resources():
    spec = (ROOT / "packaging" / "timeline-app.spec").read_text(encoding="utf-8")
    assert "timeline_app/resources" in spec
    assert "collect_data_files" in spec and "dateparser" in spec


def test_every_package_is_listed_for_the_wheel():
    import tomllib

    root = Path(__file__).parents[1]
    listed = set(tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    on_disk = {".".join(p.parent.relative_to(root).parts) for p in (root / "timeline_app").rglob("__init__.py")}
    assert on_disk <= listed
