"""Read article files into Documents: clean text, a title and a reference date."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

from timeline_app.core.model import Document

MAX_BYTES = 20 * 1024 * 1024
SUPPORTED_SUFFIXES = (".txt", ".md", ".text")


class IngestError(Exception):
    """A file could not be read; the message names the file and the reason."""

    def __init__(self, path: str | Path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{Path(path).name}: {reason}")


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand folders (recursively) into the supported files they hold; keep files as given."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES
                              and not f.name.startswith(".")))
        else:
            out.append(p)
    return out


def document_id(path: Path) -> str:
    """A stable id for a file: its name plus a short hash of its absolute path."""
    digest = hashlib.sha1(str(path.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:8]
    return f"{path.stem}-{digest}"


def read_document(path: str | Path, reference_date: date | None = None) -> Document:
    """Read one file; raise IngestError with a user-readable reason when it cannot be read."""
    path = Path(path)
    try:
        stat = path.stat()
    except OSError as exc:
        raise IngestError(path, f"cannot open the file ({exc.strerror or exc})") from exc
    if not path.is_file():
        raise IngestError(path, "not a regular file")
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise IngestError(path, f"unsupported file type '{path.suffix or '(none)'}'")
    if stat.st_size > MAX_BYTES:
        raise IngestError(path, f"file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    raw = path.read_bytes()
    text = decode_text(path, raw)
    if not text.strip():
        raise IngestError(path, "the file is empty")
    title = next((line.strip() for line in text.splitlines() if line.strip()), path.stem)[:200]
    if reference_date is not None:
        ref, source = reference_date, "user"
    else:
        ref, source = datetime.fromtimestamp(stat.st_mtime).date(), "file-time"
    return Document(id=document_id(path), path=str(path), title=title, text=text,
                    reference_date=ref, reference_source=source)


def decode_text(path: Path, raw: bytes) -> str:
    """Decode bytes as text, detecting the encoding; reject binary data."""
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestError(path, "this is a binary file, not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(raw).best()
        if best is None:
            raise IngestError(path, "cannot detect the text encoding") from None
        text = str(best)
    return text.replace("\r\n", "\n").replace("\r", "\n")
