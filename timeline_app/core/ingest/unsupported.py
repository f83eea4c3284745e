"""Formats users drop that no reader here handles well: a clear error that says what to do instead.

A ".doc" is often not an old binary Word file at all: Word and many web systems write
RTF or HTML under that name. Those are read by their own readers; only the binary
format is refused.
"""

from __future__ import annotations

import re
from pathlib import Path

from timeline_app.core.ingest.base import Extracted
from timeline_app.core.ingest.errors import IngestError
from timeline_app.core.ingest.html import read_html
from timeline_app.core.ingest.mht import read_mht
from timeline_app.core.ingest.rtf import read_rtf

UNSUPPORTED_FORMATS = {
    ".doc": "old Word format (.doc) is not supported; save it as .docx or PDF",
    ".dot": "old Word template format (.dot) is not supported; save it as .docx or PDF",
    ".msg": "Outlook message format (.msg) is not supported; in Outlook use File > Save As to save it "
            "as HTML or text, or save it as .eml",
    ".pages": "Apple Pages documents are not supported; in Pages use File > Export To > Word or PDF",
    ".webarchive": "Safari web archives are not supported; in Safari use File > Save As with the format "
                   "'Page Source', or File > Export as PDF",
    ".wpd": "WordPerfect documents are not supported; save it as .docx or PDF",
    ".wps": "Microsoft Works documents are not supported; save it as .docx or PDF",
    ".sxw": "old OpenOffice documents (.sxw) are not supported; open it in LibreOffice and save it as .odt",
}
_HTML_START = re.compile(rb"<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s)", re.IGNORECASE)


def read_unsupported(path: Path, raw: bytes) -> Extracted:
    """Raise the format's IngestError; a .doc that really holds RTF, HTML or a web archive is read as that."""
    suffix = path.suffix.lower()
    if suffix == ".doc":
        head = raw[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
        if head.startswith(b"{\\rtf"):
            return read_rtf(path, raw)
        if b"multipart/related" in head.lower():  # a web page saved by Word as one file
            return read_mht(path, raw)
        if _HTML_START.search(head):
            return read_html(path, raw)
    raise IngestError(path, UNSUPPORTED_FORMATS[suffix])
