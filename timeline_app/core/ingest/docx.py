"""Word documents: checked as a safe zip first (archive.py), then read with python-docx.

python-docx parses the XML parts with lxml, ``resolve_entities=False`` and lxml's
default ``no_network=True``: no entity expansion, no DTD or remote fetches.
"""

from __future__ import annotations

import io
import logging
import zipfile
from datetime import date, datetime
from pathlib import Path

from lxml import etree

from timeline_app.core.ingest.archive import checked_members, refuse_dtds
from timeline_app.core.ingest.base import Extracted, join_paragraphs
from timeline_app.core.ingest.errors import IngestError

logger = logging.getLogger(__name__)

_HEADING_STYLES = ("title", "heading 1")


def check_zip(path: Path, raw: bytes) -> None:
    """Refuse a file that is not a zip, is not a Word document, or would inflate into a zip bomb."""
    members = checked_members(path, raw, "Word")
    if "word/document.xml" not in members and "[Content_Types].xml" not in members:
        raise IngestError(path, "not a Word document (a zip archive without word/document.xml)")
    refuse_dtds(path, raw, [name for name in members if name.endswith((".xml", ".rels"))])


def read_docx(path: Path, raw: bytes) -> Extracted:
    """Read paragraphs and table cells in document order; title from the properties or the first heading."""
    check_zip(path, raw)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(raw))
        paragraphs, heading = _body(document)
        props = document.core_properties
        title, created = (props.title or "").strip(), props.created
    except PackageNotFoundError:
        raise IngestError(path, "not a Word document (no main document part)") from None
    except etree.XMLSyntaxError as exc:
        raise IngestError(path, f"the .docx holds damaged XML ({exc})") from None
    except (KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise IngestError(path, f"the .docx is damaged ({type(exc).__name__}: {exc})") from None
    text = join_paragraphs(paragraphs)
    if not text:
        raise IngestError(path, "the document has no text")
    return Extracted(text=text, title=title or heading, created_date=_as_date(created))


def _body(document) -> tuple[list[str], str | None]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    paragraphs: list[str] = []
    heading: str | None = None
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            paragraphs.append(block.text)
            style = (block.style.name if block.style is not None else "").lower()
            if heading is None and style in _HEADING_STYLES and block.text.strip():
                heading = block.text.strip()
        elif isinstance(block, Table):
            for row in block.rows:
                cells = dict.fromkeys(cell.text.strip() for cell in row.cells)  # merged cells repeat
                paragraphs.append(" | ".join(c for c in cells if c))
    return paragraphs, heading


def _as_date(value: datetime | None) -> date | None:
    return value.date() if isinstance(value, datetime) else None
