"""Render the app icon SVG to PNGs of the sizes desktops ask for.

    python packaging/render_icons.py                  # the PNGs committed in resources/icons/
    python packaging/render_icons.py --sizes 16 32 48 64 128 256 --out DIR --hicolor

With --hicolor the files go to DIR/NxN/apps/APP_ID.png (the freedesktop icon theme layout);
otherwise to DIR/timeline-app-N.png. Needs PySide6 (QtSvg ships in PySide6-Essentials); runs headless.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "timeline-app.svg"
APP_ID = "io.github.timeline_app.TimelineApp"
COMMITTED_SIZES = (48, 256)


def render(svg: Path, sizes: list[int], out: Path, hicolor: bool) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {svg} is not a valid SVG")
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = out / f"{size}x{size}" / "apps" / f"{APP_ID}.png" if hicolor else out / f"timeline-app-{size}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        # PNG quality -1 is Qt's default zlib level; the files stay a few kB
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"render_icons: cannot write {path}")
        written.append(path)
    # End Qt's life before the interpreter does (PySide6 6.12 can abort at exit otherwise).
    del renderer
    app.shutdown()
    return written


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--svg", type=Path, default=SVG)
    p.add_argument("--sizes", type=int, nargs="+", default=list(COMMITTED_SIZES))
    p.add_argument("--out", type=Path, default=SVG.parent)
    p.add_argument("--hicolor", action="store_true", help="write DIR/NxN/apps/APP_ID.png")
    args = p.parse_args()
    for path in render(args.svg, args.sizes, args.out, args.hicolor):
        print(path)


if __name__ == "__main__":
    main()
