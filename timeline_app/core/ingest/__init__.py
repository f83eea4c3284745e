"""Read article files into Documents: clean text, a title and a reference (publication) date.

One reader per format (text, html, mht, pdf, docx, odt, rtf, email) turns bytes into text
plus the title and dates the format stores; formats that cannot be read well (binary
.doc, .msg, .pages...) get an error saying what to do instead (unsupported.py). This
module picks the publication date:

1. the date the user gave (``user``);
2. a publication date the file declares: HTML meta tags/JSON-LD/<time>, an e-mail's
   Date header (``metadata``);
3. a dateline or byline in the first lines of the text (``dateline``);
4. for PDF, Word, OpenDocument and RTF files, the creation date in the document properties (``metadata``);
   it ranks below a dateline because a page printed or pasted later carries that later date;
5. a full date in the file's name, as saved articles are often named
   ("russia-us-syria-2017-09-26.txt") (``metadata``);
6. the latest full date the text reports, not after the file's modification time (``text``);
7. the file's modification time (``file-time``).

Anything a parser library raises is turned into IngestError here, so one bad file never
stops the others. Reading never touches the network.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path

from timeline_app.core.ingest.base import Extracted
from timeline_app.core.ingest.docx import read_docx
from timeline_app.core.ingest.email import read_email
from timeline_app.core.ingest.errors import IngestError
from timeline_app.core.ingest.html import read_html
from timeline_app.core.ingest.mht import read_mht
from timeline_app.core.ingest.odt import read_odt
from timeline_app.core.ingest.pdf import read_pdf
from timeline_app.core.ingest.pubdate import dateline_date, filename_date, latest_reported_date
from timeline_app.core.ingest.rtf import read_rtf
from timeline_app.core.ingest.text import decode_text, read_text
from timeline_app.core.ingest.unsupported import UNSUPPORTED_FORMATS, read_unsupported
from timeline_app.core.model import Document

__all__ = ["IngestError", "MAX_BYTES", "SUPPORTED_SUFFIXES", "collect_files", "decode_text", "document_id",
           "read_document"]

logger = logging.getLogger(__name__)

MAX_BYTES = 20 * 1024 * 1024
MAX_TITLE = 200

_READERS: dict[str, Callable[[Path, bytes], Extracted]] = {
    ".txt": read_text, ".text": read_text, ".md": read_text, ".markdown": read_text,
    ".html": read_html, ".htm": read_html, ".xhtml": read_html, ".shtml": read_html,
    ".mht": read_mht, ".mhtml": read_mht,
    ".pdf": read_pdf,
    ".docx": read_docx, ".odt": read_odt, ".rtf": read_rtf,
    ".eml": read_email,
}
SUPPORTED_SUFFIXES = tuple(_READERS)
# Folders give these up too: a file in a format we refuse is named with what to do, not silently left out.
_COLLECTED_SUFFIXES = frozenset(SUPPORTED_SUFFIXES) | frozenset(UNSUPPORTED_FORMATS)


def collect_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand folders (recursively) into the supported files they hold; keep files as given.

    Hidden files and anything inside hidden folders are skipped; a file reached twice
    (named directly and inside a folder, or through a symlink) is listed once.
    """
    out: list[Path] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        try:
            key = path.resolve()
        except OSError:
            key = path.absolute()
        if key not in seen:
            seen.add(key)
            out.append(path)

    for p in map(Path, paths):
        if p.is_dir() and not _is_bundle(p.name):
            # os.walk learns file types from the directory listing: no stat per file, unlike rglob + is_file
            for root, dirs, names in os.walk(p):
                bundles = [d for d in dirs if _is_bundle(d)]
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in bundles)
                for name in sorted(names + bundles):
                    if not name.startswith(".") and os.path.splitext(name)[1].lower() in _COLLECTED_SUFFIXES:
                        add(Path(root, name))
        else:
            add(p)
    return out


def _is_bundle(name: str) -> bool:
    """A macOS package: a folder that Finder shows as one document (Pages wrote these before 2013)."""
    return os.path.splitext(name)[1].lower() == ".pages"


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
    suffix = path.suffix.lower()
    if not path.is_file():
        raise IngestError(path, UNSUPPORTED_FORMATS[suffix] if _is_bundle(path.name) else "not a regular file")
    reader = _READERS.get(suffix) or (read_unsupported if suffix in UNSUPPORTED_FORMATS else None)
    if reader is None:
        supported = ", ".join(SUPPORTED_SUFFIXES)
        raise IngestError(path, f"unsupported file type '{path.suffix or '(none)'}' (supported: {supported})")
    if stat.st_size > MAX_BYTES:
        raise IngestError(path, f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    if stat.st_size == 0:
        raise IngestError(path, "the file is empty")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise IngestError(path, f"cannot read the file ({exc.strerror or exc})") from exc
    try:
        extracted = reader(path, raw)
    except IngestError:
        raise
    except (MemoryError, RecursionError) as exc:
        raise IngestError(path, f"the file is too complex to read ({type(exc).__name__})") from exc
    except Exception as exc:  # noqa: BLE001 - a parser library's surprise must not stop the batch
        logger.warning("unexpected failure reading %s", path, exc_info=True)
        raise IngestError(path, f"cannot read this {path.suffix.lower()} file ({type(exc).__name__}: {exc})") from exc
    text = extracted.text.strip()
    if not text:
        raise IngestError(path, "the file has no text")
    file_date = datetime.fromtimestamp(stat.st_mtime).date()
    ref, source = choose_reference_date(extracted, text, file_date, reference_date, path.name)
    return Document(id=document_id(path), path=str(path), title=_title(extracted, text, path), text=text,
                    reference_date=ref, reference_source=source)


def choose_reference_date(extracted: Extracted, text: str, file_date: date,
                          user_date: date | None = None, file_name: str = "") -> tuple[date, str]:
    """Pick the publication date and the name of its source, best evidence first (see the module doc)."""
    if user_date is not None:
        return user_date, "user"
    if extracted.metadata_date is not None:
        return extracted.metadata_date, "metadata"
    if (found := dateline_date(text, file_date)) is not None:
        return found, "dateline"
    if extracted.created_date is not None:
        return extracted.created_date, "metadata"
    if (found := filename_date(file_name, file_date)) is not None:
        return found, "metadata"
    if (found := latest_reported_date(text, file_date)) is not None:
        return found, "text"
    return file_date, "file-time"


def _title(extracted: Extracted, text: str, path: Path) -> str:
    title = " ".join((extracted.title or "").split())
    if not title:
        title = next((line.strip() for line in text.splitlines() if line.strip()), path.stem)
    return title[:MAX_TITLE]
