"""Tiny .odt, .rtf and .mht files written by the ingest tests themselves, as the programs that make them do."""

from __future__ import annotations

import io
import zipfile
from email import encoders
from email.charset import QP, Charset
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

ODT_MIMETYPE = "application/vnd.oasis.opendocument.text"
_ODF_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
)


def odt_bytes(body: str, meta: str = "", *, styles: str = "", mimetype: str = ODT_MIMETYPE,
              manifest_entries: str = "") -> bytes:
    """An OpenDocument text file as LibreOffice lays it out: mimetype first and stored, then the XML parts."""
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODF_NAMESPACES} office:version="1.3">'
               f"<office:automatic-styles>{styles}</office:automatic-styles>"
               f"<office:body><office:text>{body}</office:text></office:body></office:document-content>")
    meta_xml = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {_ODF_NAMESPACES} office:version="1.3">'
                f"<office:meta><meta:generator>LibreOffice/7.4</meta:generator>{meta}</office:meta>"
                "</office:document-meta>")
    manifest = (f'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest {_ODF_NAMESPACES} manifest:version="1.3">'
                f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype}"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
                f"{manifest_entries}</manifest:file-entry></manifest:manifest>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content)
        archive.writestr("meta.xml", meta_xml)
        archive.writestr("META-INF/manifest.xml", manifest)
    return buffer.getvalue()


def write_odt(path: Path, body: str, meta: str = "", **kwargs) -> Path:
    path.write_bytes(odt_bytes(body, meta, **kwargs))
    return path


def rtf_escape(text: str) -> str:
    """Text as RTF writes it: braces and backslashes escaped, anything beyond ASCII as \\uN with a '?' fallback."""
    out = []
    for char in text:
        if char in "\\{}":
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\par\n")
        elif ord(char) < 128:
            out.append(char)
        else:
            for unit in range(0, len(char.encode("utf-16-le")), 2):
                code = int.from_bytes(char.encode("utf-16-le")[unit:unit + 2], "little")
                out.append(f"\\u{code - 65536 if code > 32767 else code}?")
    return "".join(out)


def rtf_document(body: str, *, title: str = "", created: tuple[int, int, int] | None = None,
                 header: str = r"{\rtf1\ansi\ansicpg1252\deff0",
                 fonts: str = r"{\f0\froman\fcharset0 Times New Roman;}") -> str:
    """An RTF document laid out as Word writes one: font and colour tables, style sheet, \\info, then the body."""
    info = f"{{\\title {rtf_escape(title)}}}" if title else ""
    if created:
        info += "{{\\creatim\\yr{}\\mo{}\\dy{}\\hr10\\min45}}".format(*created)
    return (f"{header}{{\\fonttbl{fonts}}}\n"
            "{\\colortbl;\\red0\\green0\\blue0;}\n{\\stylesheet{\\ql Normal;}{\\s1 heading 1;}}\n"
            f"{{\\info{info}{{\\author A. Reporter}}{{\\revtim\\yr2030\\mo1\\dy1}}}}\n"
            f"\\pard\\plain {body}\n}}")


def mht_bytes(html: str | None, *, charset: str = "utf-8", subject: str = "", root_last: bool = False) -> bytes:
    """A web page saved as one file by a browser: multipart/related, the page quoted-printable, then an image.

    ``html=None`` leaves the page out; ``root_last`` puts it after the image and names it in ``start``.
    """
    archive = MIMEMultipart("related", type="text/html")
    archive["From"] = "<Saved by Blink>"
    archive["Snapshot-Content-Location"] = "https://news.example.invalid/story"
    if subject:
        archive["Subject"] = subject
    archive["Date"] = "Wed, 1 Jan 2030 12:00:00 -0000"  # when it was saved, not published
    image = MIMEBase("image", "png")
    image.set_payload(b"\x89PNG\r\n\x1a\n" + bytes(range(64)))
    encoders.encode_base64(image)
    image["Content-Location"] = "https://news.example.invalid/photo.png"
    parts = [image]
    if html is not None:
        page_charset = Charset(charset)
        page_charset.body_encoding = QP
        page = MIMEText(html, "html", page_charset)
        page["Content-Location"] = "https://news.example.invalid/story"
        page["Content-ID"] = "<frame-page@mhtml.blink>"
        parts = [image, page] if root_last else [page, image]
        if root_last:
            archive.set_param("start", "<frame-page@mhtml.blink>")
    for part in parts:
        archive.attach(part)
    return archive.as_bytes()
