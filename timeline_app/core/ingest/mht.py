"""Web pages saved as one file (.mht, .mhtml): the page's HTML part, read by the HTML reader.

A browser or Word writes a MIME multipart/related message: the page itself (text/html,
usually quoted-printable) and its images and styles. The HTML part is decoded from its
transfer encoding and charset and handed to read_html, so the page's own publication
date metadata is used. The archive's Date header is when the page was saved, not
published, and is ignored.
"""

from __future__ import annotations

import logging
from email.message import EmailMessage
from pathlib import Path

from timeline_app.core.ingest.base import Extracted
from timeline_app.core.ingest.email import parse_mime
from timeline_app.core.ingest.errors import IngestError
from timeline_app.core.ingest.html import read_html

logger = logging.getLogger(__name__)


def read_mht(path: Path, raw: bytes) -> Extracted:
    """Read the page in a web archive; its title falls back to the archive's Subject header."""
    message = parse_mime(path, raw, "web archive")
    if "Content-Type" not in message:
        raise IngestError(path, "not a web archive (no MIME Content-Type header); "
                                "save the page again as 'Webpage, Single File' or as HTML")
    page = _html_part(message)
    if page is None:
        types = sorted({part.get_content_type() for part in message.walk() if not part.is_multipart()})
        raise IngestError(path, f"the web archive holds no HTML page (only {', '.join(types[:4]) or 'nothing'}); "
                                "save the page again as HTML")
    html = _html_bytes(page)
    if not html.strip():
        raise IngestError(path, "the web archive's HTML page is empty")
    extracted = read_html(path, html)
    if extracted.title:
        return extracted
    subject = " ".join(str(message.get("Subject", "")).split())
    return Extracted(text=extracted.text, title=subject or None, metadata_date=extracted.metadata_date,
                     created_date=extracted.created_date)


def _html_part(message: EmailMessage) -> EmailMessage | None:
    """The root part multipart/related names in its ``start`` parameter, else the first text/html part."""
    start = message.get_param("start") if message.get_content_type() == "multipart/related" else None
    pages = [part for part in message.walk() if part.get_content_type() == "text/html"]
    if isinstance(start, str):
        for part in pages:
            if str(part.get("Content-ID", "")).strip() == start.strip():
                return part
    return pages[0] if pages else None


def _html_bytes(part: EmailMessage) -> bytes:
    """The page's bytes; text in the charset the part declares is re-encoded as UTF-8 for the HTML reader."""
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return b""
    charset = part.get_content_charset()
    if not charset:
        return payload  # the HTML reader finds a <meta charset> or guesses
    try:
        return payload.decode(charset).encode("utf-8")
    except (LookupError, UnicodeError):
        logger.debug("web archive part declares charset %r but does not decode with it", charset)
        return payload  # a wrong declaration is common; let the HTML reader detect the encoding
