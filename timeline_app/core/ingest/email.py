"""E-mail messages (.eml): the message text, the subject as title, the Date header as publication date."""

from __future__ import annotations

import email
import logging
from datetime import date
from email import policy
from email.message import EmailMessage
from pathlib import Path

import lxml.html

from timeline_app.core.ingest.base import Extracted, join_paragraphs
from timeline_app.core.ingest.errors import IngestError

logger = logging.getLogger(__name__)


def read_email(path: Path, raw: bytes) -> Extracted:
    """Read the text/plain body (else the HTML body as text); an e-mail with only attachments is an error."""
    message = parse_mime(path, raw, "e-mail message")
    if not any(k in message for k in ("From", "Date", "Subject", "To")):
        raise IngestError(path, "not an e-mail message (no From, To, Date or Subject header)")
    text = ""
    plain = message.get_body(preferencelist=("plain",))
    if plain is not None:
        text = _content(plain)
    if not text.strip():
        html = message.get_body(preferencelist=("html",))
        if html is not None:
            text = _html_to_text(_content(html))
    if not text.strip():
        attachments = [part.get_filename() or part.get_content_type() for part in message.iter_attachments()]
        if attachments:
            raise IngestError(path, f"the e-mail has only attachments ({', '.join(attachments[:3])}) and no "
                                    "message text; save the attached article and open it instead")
        raise IngestError(path, "the e-mail has no message text")
    subject = " ".join(str(message.get("Subject", "")).split())
    return Extracted(text=_clean(text), title=subject or None, metadata_date=_header_date(message))


def parse_mime(path: Path, raw: bytes, kind: str) -> EmailMessage:
    """Parse a MIME message (an e-mail, a saved web page); ``kind`` names it in the error for garbage."""
    try:
        message = email.message_from_bytes(raw, policy=policy.default)
    except Exception as exc:  # noqa: BLE001 - the stdlib parser is lenient; anything raised means garbage
        raise IngestError(path, f"not a readable {kind} ({exc})") from None
    if not isinstance(message, EmailMessage):
        raise IngestError(path, f"not a readable {kind}")
    return message


def _content(part: EmailMessage) -> str:
    try:
        content = part.get_content()
    except (LookupError, UnicodeError, ValueError):
        # An unknown or wrong charset: keep what can be read rather than lose the message.
        payload = part.get_payload(decode=True) or b""
        return payload.decode("utf-8", errors="replace")
    return content if isinstance(content, str) else ""


def _html_to_text(html: str) -> str:
    if not html.strip():
        return ""
    try:
        tree = lxml.html.document_fromstring(html, parser=lxml.html.HTMLParser(no_network=True, remove_comments=True))
    except Exception:  # noqa: BLE001 - an unparsable HTML body is treated as having no text
        return ""
    for element in tree.xpath("//script|//style|//head"):
        element.drop_tree()
    blocks = tree.xpath("//p|//div[not(.//p|.//div)]|//li|//h1|//h2|//h3|//h4|//td[not(.//p)]")
    if not blocks:
        return tree.text_content()
    return "\n\n".join(block.text_content() for block in blocks)


def _clean(text: str) -> str:
    """Paragraphs on their own, hard-wrapped lines joined; quoted replies ('> ') are kept as text."""
    paragraphs = text.replace("\r\n", "\n").split("\n\n")
    return join_paragraphs(paragraphs)


def _header_date(message: EmailMessage) -> date | None:
    header = message.get("Date")
    moment = getattr(header, "datetime", None) if header is not None else None
    return moment.date() if moment is not None else None
