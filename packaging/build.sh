#!/usr/bin/env bash
# Build the standalone one-folder app with PyInstaller and smoke-test it headless.
#
#   packaging/build.sh
#
# Makes (or reuses) a build venv in build/venv with a regular (not editable) install of the app and
# PyInstaller, builds dist/timeline-app/ from packaging/timeline-app.spec, adds the freedesktop files
# under dist/timeline-app/share/, then runs the built app: `extract` to iCalendar and `export` to PNG.
# Environment: PYTHON (default python3) makes the venv; BUILD_VENV (default build/venv) is where;
# SMOKE_PNG=FILE keeps a copy of the smoke test's picture.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=${BUILD_VENV:-build/venv}
APP_ID=io.github.timeline_app.TimelineApp
DIST=dist/timeline-app
SEED=seeds/russia-us-syria-2017-09-26.txt

step() { printf '\n== %s\n' "$*"; }

step "build venv: $VENV"
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --upgrade pip
# setuptools keeps compiled copies in build/lib and build/bdist.*: stale modules there would enter the wheel
rm -rf build/lib build/bdist.*
# --force-reinstall --no-deps: the app's own code is always the working tree's, its dependencies are kept.
"$VENV/bin/python" -m pip install -q .
"$VENV/bin/python" -m pip install -q --force-reinstall --no-deps .
"$VENV/bin/python" -m pip install -q "pyinstaller>=6.10"

step "pyinstaller"
rm -rf "$DIST"
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/timeline-app.spec

step "desktop files in $DIST/share"
install -Dm644 "resources/$APP_ID.desktop" "$DIST/share/applications/$APP_ID.desktop"
install -Dm644 "resources/$APP_ID.metainfo.xml" "$DIST/share/metainfo/$APP_ID.metainfo.xml"
install -Dm644 resources/icons/timeline-app.svg "$DIST/share/icons/hicolor/scalable/apps/$APP_ID.svg"
QT_QPA_PLATFORM=offscreen "$VENV/bin/python" packaging/render_icons.py --hicolor \
    --sizes 16 32 48 64 128 256 --out "$DIST/share/icons/hicolor" >/dev/null

step "smoke test (headless)"
SMOKE=$(mktemp -d)
trap 'rm -rf "$SMOKE"' EXIT
export QT_QPA_PLATFORM=offscreen
"$DIST/timeline-app" --version
"$DIST/timeline-app" extract "$SEED" --reference-date 2017-09-26 --format ics -o "$SMOKE/smoke.ics"
grep -c '^BEGIN:VEVENT' "$SMOKE/smoke.ics" | sed 's/^/events in smoke.ics: /'
"$DIST/timeline-app" export "$SEED" --reference-date 2017-09-26 -o "$SMOKE/smoke.png"
"$VENV/bin/python" - "$SMOKE/smoke.png" <<'PY'
import struct
import sys

data = open(sys.argv[1], "rb").read()
if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
    sys.exit(f"smoke test: {sys.argv[1]} is not a PNG")
width, height = struct.unpack(">II", data[16:24])
if (width, height) != (1600, 900):
    sys.exit(f"smoke test: the PNG is {width}x{height}, expected 1600x900")
print(f"smoke.png: {width}x{height}, {len(data)} bytes")
PY
if [ -n "${SMOKE_PNG:-}" ]; then cp "$SMOKE/smoke.png" "$SMOKE_PNG"; fi  # to look at it

step "done"
du -sh "$DIST"
