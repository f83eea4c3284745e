"""PDF files: the text of every page in order, with the document's own title and creation date."""

from __future__ import annotations

import io
import logging
import re
from datetime import date
from pathlib import Path

from timeline_app.core.ingest.base import Extracted, join_paragraphs
from timeline_app.core.ingest.errors import IngestError

logger = logging.getLogger(__name__)

# Titles that PDF producers write on their own and that say nothing about the article.
_JUNK_TITLE = re.compile(r"^(untitled|microsoft word\b|document\d*$)|\.(docx?|pdf|odt|rtf|txt|html?)$", re.IGNORECASE)
# A line that ends a sentence, or a short line: the end of a paragraph in extracted PDF text.
_SENTENCE_END = re.compile(r"[.!?:\"'”’)]\s*$")


def read_pdf(path: Path, raw: bytes) -> Extracted:
    """Read a PDF with pypdf; encrypted and truncated files raise IngestError."""
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    if not raw.lstrip(b"\x00\t\n\r ").startswith(b"%PDF-"):
        raise IngestError(path, "not a PDF file (no %PDF header)")
    # Every complete PDF ends with %%EOF; pypdf repairs what it can, and would quietly drop lost pages.
    if b"%%EOF" not in raw[-2048:]:
        raise IngestError(path, "the PDF is truncated or damaged (no end-of-file marker); download it again")
    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        if reader.is_encrypted:
            _decrypt(path, reader)
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
    except IngestError:
        raise
    except FileNotDecryptedError:
        raise IngestError(path, "the PDF is encrypted; remove its password and try again") from None
    except PdfReadError as exc:
        raise IngestError(path, f"the PDF is damaged and cannot be read ({exc})") from None
    text = join_paragraphs([para for page in pages for para in _paragraphs(page)])
    if not text:
        raise IngestError(path, "the PDF has no text layer (a scanned image?); run it through OCR first")
    title = _metadata_title(info)
    created = _metadata_date(info)
    return Extracted(text=text, title=title, created_date=created)


def _decrypt(path: Path, reader) -> None:
    # An owner password alone restricts printing or copying but opens with an empty user password.
    try:
        opened = reader.decrypt("")
    except Exception as exc:  # noqa: BLE001 - e.g. AES without a crypto backend
        raise IngestError(path, f"the PDF is encrypted and cannot be opened ({exc})") from None
    if not opened:
        raise IngestError(path, "the PDF is encrypted with a password; remove the password and try again")


def _paragraphs(page_text: str) -> list[str]:
    """Re-join the lines pypdf gives back into paragraphs: a blank line, or a short line ending a sentence."""
    paragraphs: list[str] = []
    current: list[str] = []
    lines = page_text.splitlines()
    width = max((len(line.strip()) for line in lines), default=0)
    for line in lines:
        line = line.strip()
        if not line:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        if current and current[-1].endswith("-") and not current[-1].endswith(" -"):
            # a line broken after a hyphen: keep the hyphen ("U.S.-allied"), drop the space
            current[-1] = current[-1] + line
        else:
            current.append(line)
        if _SENTENCE_END.search(line) and len(line) < 0.85 * width or len(line) < 0.6 * width:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def _metadata_title(info) -> str | None:
    title = getattr(info, "title", None) if info is not None else None
    if isinstance(title, str) and title.strip() and not _JUNK_TITLE.search(title.strip()):
        return " ".join(title.split())
    return None


def _metadata_date(info) -> date | None:
    if info is None:
        return None
    try:
        created = info.creation_date
    except Exception:  # noqa: BLE001 - a malformed date string is simply no evidence
        return None
    return created.date() if created else None
