"""The one exception every format reader raises: a file name and a reason a user understands."""

from __future__ import annotations

from pathlib import Path


class IngestError(Exception):
    """A file could not be read; the message names the file and the reason."""

    def __init__(self, path: str | Path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{Path(path).name}: {reason}")
