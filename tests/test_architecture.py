"""The core is plain Python: importing all of it never loads Qt or pyqtgraph."""

import pkgutil
import subprocess
import sys

import timeline_app.core


def test_core_does_not_import_qt():
    modules = [m.name for m in pkgutil.walk_packages(timeline_app.core.__path__, "timeline_app.core.")]
    modules += ["timeline_app.temporal", "timeline_app.export", "timeline_app.cli"]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    assert len(modules) > 10
