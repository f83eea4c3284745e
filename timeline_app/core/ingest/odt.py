"""OpenDocument text (.odt): paragraphs, headings, lists and tables of content.xml in order; meta.xml's properties.

The archive passes the same zip-bomb and DTD checks as Word files (archive.py); the XML
is parsed by lxml with entities unresolved and no network, DTD loading or huge trees.
Footnotes, comments, tracked deletions and generated indexes (a table of contents
repeats the headings) are left out: they are not the article's running text.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from pathlib import Path

from lxml import etree

from timeline_app.core.ingest.archive import checked_members, read_member, refuse_dtds
from timeline_app.core.ingest.base import Extracted, join_paragraphs
from timeline_app.core.ingest.errors import IngestError

logger = logging.getLogger(__name__)

_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
_DC = "{http://purl.org/dc/elements/1.1/}"

_TEXT_MIMETYPE = "application/vnd.oasis.opendocument.text"  # also -template, -master, -web
_SKIPPED = {
    _TEXT + "note", _TEXT + "tracked-changes", _TEXT + "table-of-content", _TEXT + "alphabetical-index",
    _TEXT + "illustration-index", _TEXT + "table-index", _TEXT + "object-index", _TEXT + "user-index",
    _TEXT + "bibliography", _TEXT + "sequence-decls", _TEXT + "variable-decls", _TEXT + "user-field-decls",
    _TEXT + "ruby-text", _OFFICE + "annotation", _OFFICE + "forms", _TABLE + "covered-table-cell",
}
_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                           remove_comments=True, remove_pis=True)


def read_odt(path: Path, raw: bytes) -> Extracted:
    """Read an .odt file's body text in order; title and creation date from meta.xml, else the first heading."""
    members = checked_members(path, raw, "LibreOffice")
    _check_kind(path, raw, members)
    refuse_dtds(path, raw, [name for name in ("content.xml", "meta.xml") if name in members])
    content = _parse(path, read_member(path, raw, "content.xml"), "content.xml")
    body = content.find(f"{_OFFICE}body/{_OFFICE}text")
    if body is None:
        raise IngestError(path, "not a text document (content.xml has no office:text body)")
    reader = _BodyReader(_title_styles(content))
    reader.blocks(body)
    text = join_paragraphs(reader.paragraphs)
    if not text:
        raise IngestError(path, "the document has no text")
    title, created = None, None
    if "meta.xml" in members:
        title, created = _properties(_parse(path, read_member(path, raw, "meta.xml"), "meta.xml"))
    return Extracted(text=text, title=title or reader.heading, created_date=created)


def _check_kind(path: Path, raw: bytes, members: dict) -> None:
    """Refuse password-protected files and OpenDocument files that are not text documents."""
    manifest = read_member(path, raw, "META-INF/manifest.xml") if "META-INF/manifest.xml" in members else b""
    if b"encryption-data" in manifest or "encrypted-package" in members:
        raise IngestError(path, "the .odt is password-protected; open it in LibreOffice, "
                                "save a copy without the password and try again")
    mimetype = read_member(path, raw, "mimetype", limit=200) if "mimetype" in members else b""
    mimetype = mimetype.decode("ascii", "replace").strip()
    if mimetype and not mimetype.startswith(_TEXT_MIMETYPE):
        kind = mimetype.rsplit(".", 1)[-1].split("-")[0]
        raise IngestError(path, f"this is an OpenDocument {kind}, not a text document; "
                                "save the article as .odt, .docx or PDF")
    if "content.xml" not in members:
        raise IngestError(path, "not an OpenDocument file (a zip archive without content.xml)")


def _parse(path: Path, data: bytes, name: str) -> etree._Element:
    try:
        return etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as exc:
        raise IngestError(path, f"the .odt holds damaged XML in {name} ({exc})") from None


def _title_styles(content: etree._Element) -> set[str]:
    """Names of the paragraph styles that are the "Title" style, including automatic styles derived from it."""
    names = {"Title"}
    for style in content.iter(f"{_STYLE}style"):
        if style.get(f"{_STYLE}parent-style-name") == "Title" and style.get(f"{_STYLE}name"):
            names.add(style.get(f"{_STYLE}name"))
    return names


class _BodyReader:
    """Walks office:text in document order and collects one string per paragraph, heading or table row."""

    def __init__(self, title_styles: set[str]) -> None:
        self.paragraphs: list[str] = []
        self.heading: str | None = None
        self._title_styles = title_styles

    def blocks(self, parent: etree._Element) -> None:
        for child in parent:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                continue
            if tag in (_TEXT + "p", _TEXT + "h"):
                self._paragraph(child)
            elif tag == _TABLE + "table":
                self._table(child)
            else:  # lists, list items, sections, frames and text boxes: their blocks in order
                self.blocks(child)

    def _paragraph(self, element: etree._Element) -> None:
        parts: list[str] = []
        drawings: list[etree._Element] = []
        self._inline(element, parts, drawings)
        line = "".join(parts)
        self.paragraphs.append(line)
        if self.heading is None and line.strip() and self._is_title(element):
            self.heading = " ".join(line.split())
        for drawing in drawings:  # a text box, caption or shape anchored in the paragraph follows it
            self.blocks(drawing)

    def _is_title(self, element: etree._Element) -> bool:
        if element.tag == _TEXT + "h":
            return element.get(f"{_TEXT}outline-level", "1") == "1"
        return element.get(f"{_TEXT}style-name") in self._title_styles

    def _inline(self, element: etree._Element, parts: list[str], drawings: list[etree._Element]) -> None:
        if element.text:
            parts.append(element.text)
        for child in element:
            tag = child.tag
            if isinstance(tag, str) and tag not in _SKIPPED:
                if tag == _TEXT + "s":
                    parts.append(" ")
                elif tag == _TEXT + "tab":
                    parts.append("\t")
                elif tag == _TEXT + "line-break":
                    parts.append("\n")
                elif tag.startswith(_DRAW):
                    drawings.append(child)
                else:  # spans, links, fields: their text
                    self._inline(child, parts, drawings)
            if child.tail:  # the text after a skipped note or comment still belongs to the paragraph
                parts.append(child.tail)

    def _table(self, table: etree._Element) -> None:
        for row in table.iter(_TABLE + "table-row"):
            if next(row.iterancestors(_TABLE + "table")) is not table:
                continue  # a nested table's rows are read with the cell that holds it
            cells = []
            for cell in row.iterchildren(_TABLE + "table-cell"):
                inner = _BodyReader(self._title_styles)
                inner.blocks(cell)
                cells.append(" ".join(" ".join(p.split()) for p in inner.paragraphs if p.strip()))
            self.paragraphs.append(" | ".join(c for c in cells if c))


def _properties(meta: etree._Element) -> tuple[str | None, date | None]:
    """dc:title, and meta:creation-date; dc:date (the last save) only when the creation date is missing."""
    element = next(meta.iter(_DC + "title"), None)
    title = " ".join(element.xpath("string()").split()) if element is not None else ""
    created = None
    for tag in (_META + "creation-date", _DC + "date"):
        element = next(meta.iter(tag), None)
        if element is not None and (created := _iso_date(element.text or "")):
            break
    return title or None, created


def _iso_date(value: str) -> date | None:
    m = _ISO_DATE.match(value)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
