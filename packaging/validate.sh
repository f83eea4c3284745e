#!/usr/bin/env bash
# Validate the desktop entry and the AppStream metainfo in resources/.
# Installs desktop-file-utils and appstream with apt-get when they are missing and we are root.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v desktop-file-validate >/dev/null || need+=(desktop-file-utils)
command -v appstreamcli >/dev/null || need+=(appstream)
if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
    else
        echo "validate.sh: install ${need[*]} first (sudo apt-get install ${need[*]})" >&2
        exit 2
    fi
fi

echo "== desktop-file-validate"
desktop-file-validate resources/*.desktop
echo "ok"
echo "== appstreamcli validate"
# --strict: warnings fail too, not only errors
appstreamcli validate --no-net --strict resources/*.metainfo.xml
