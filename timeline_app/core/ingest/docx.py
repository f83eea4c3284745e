"""Word documents: checked as a safe zip first, then read with python-docx.

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

from timeline_app.core.ingest.base import Extracted, join_paragraphs
from timeline_app.core.ingest.errors import IngestError

logger = logging.getLogger(__name__)

MAX_UNCOMPRESSED = 200 * 1024 * 1024  # all parts together, as the zip directory declares them
MAX_RATIO = 100  # uncompressed / compressed; real .docx files stay well under 20
MAX_MEMBERS = 5000
_HEADING_STYLES = ("title", "heading 1")


def check_zip(path: Path, raw: bytes) -> None:
    """Refuse a file that is not a zip, is not a Word document, or would inflate into a zip bomb.

    zipfile stops reading a member at the size its directory entry declares (and fails
    the CRC otherwise), so the declared sizes bound what parsing can inflate.
    """
    if not raw.startswith(b"PK\x03\x04") or not zipfile.is_zipfile(io.BytesIO(raw)):
        raise IngestError(path, "not a valid .docx file (it is not a zip archive); open and re-save it in Word")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise IngestError(path, f"the .docx archive is damaged ({exc})") from None
    if len(infos) > MAX_MEMBERS:
        raise IngestError(path, f"refused: the .docx holds {len(infos)} parts (a zip bomb?)")
    total = sum(info.file_size for info in infos)
    packed = max(1, sum(info.compress_size for info in infos))
    if total > MAX_UNCOMPRESSED or total / packed > MAX_RATIO:
        raise IngestError(path, f"refused: the .docx would expand to {total // (1024 * 1024)} MB "
                                f"from {len(raw) // 1024} KB (a zip bomb?)")
    names = {info.filename for info in infos}
    if "word/document.xml" not in names and "[Content_Types].xml" not in names:
        raise IngestError(path, "not a Word document (a zip archive without word/document.xml)")
    _refuse_dtds(path, raw, infos)


def _refuse_dtds(path: Path, raw: bytes, infos: list[zipfile.ZipInfo]) -> None:
    """Office XML never declares a DTD; one in a part can only serve entity tricks, so refuse it outright."""
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        for info in infos:
            if not info.filename.endswith((".xml", ".rels")):
                continue
            try:
                with archive.open(info) as part:
                    head = part.read(2048)
            except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
                raise IngestError(path, f"the .docx archive is damaged ({exc})") from None
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise IngestError(path, f"refused: {info.filename} declares a DTD or entities, "
                                        "which Word documents never do")


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
