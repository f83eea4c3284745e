"""Entry point of the PyInstaller bundle: the same main() as the `timeline-app` gui-script."""

import sys

from timeline_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
