"""The window's life as a whole process: quitting from outside and starting again never waits on a question."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]
SEED = ROOT / "seeds" / "russia-us-syria-2017-09-26.txt"

# Starts the real app, lets it load, then quits the way a logout or a script does (QApplication.quit()).
DRIVER = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from timeline_app import cli

original = QApplication.exec
def exec_then_quit(*args):
    QTimer.singleShot(3000, QApplication.instance().quit)
    return original()
QApplication.exec = exec_then_quit
sys.exit(cli.main(sys.argv[1:]))
"""


def run_app(*files):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-c", DRIVER, *map(str, files)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_a_quit_from_outside_keeps_the_work_and_the_next_start_brings_it_back():
    first = run_app(SEED)
    assert first.returncode == 0, first.stderr
    autosave = Path(os.environ["XDG_DATA_HOME"]) / "timeline-app" / "autosave" / "untitled.tlw"
    assert autosave.exists()
    second = run_app()
    assert second.returncode == 0, second.stderr
