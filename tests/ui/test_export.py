"""The timeline picture: PNG and SVG from the view's drawing code, and the CLI `export` in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import synthetic
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def _colours(image: QImage, step: int = 7) -> set[int]:
    return {image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)}


def test_export_png_draws_the_timeline(qapp, tmp_path):
    from timeline_app.ui.render import export_image

    out = tmp_path / "t.png"
    export_image(synthetic.timeline(3), out, (1200, 700))
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 700)
    assert len(_colours(image)) > 20  # text, lanes, three document colours: not a blank page


def test_export_svg(qapp, tmp_path):
    from timeline_app.ui.render import export_image

    out = tmp_path / "t.svg"
    export_image(synthetic.timeline(), out, (1000, 600))
    text = out.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text
    assert "Russia" in text or "Russia" in text.replace("&#", "")


def test_window_export_matches_what_is_shown(qtbot, tmp_path, synthetic_session):
    from timeline_app.ui.main_window import MainWindow

    w = MainWindow(synthetic_session)
    qtbot.addWidget(w)
    out = tmp_path / "w.png"
    w.export_image(out, (800, 500))
    assert QImage(str(out)).size().width() == 800


def test_cli_export_exits_cleanly_with_a_png(tmp_path):
    out = tmp_path / "cli.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("DISPLAY", None)
    proc = subprocess.run(
        [sys.executable, "-m", "timeline_app", "export", str(ROOT / "seeds" / "russia-us-syria-2017-09-26.txt"),
         "--reference-date", "2017-09-26", "-o", str(out), "--size", "1000x600"],
        capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1000, 600)
    assert len(_colours(image)) > 10
