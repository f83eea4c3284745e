"""Plain text and Markdown: detect the encoding, reject binary or corrupted bytes."""

from __future__ import annotations

import re
from pathlib import Path

from timeline_app.core.ingest.base import Extracted
from timeline_app.core.ingest.errors import IngestError

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# A well-formed multi-byte UTF-8 sequence; finding these beside invalid bytes means mixed encodings.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# C0 controls other than tab, newline, form feed and carriage return never occur in prose.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode_text(path: Path, raw: bytes, *, declared: str | None = None) -> str:
    """Decode bytes as text with its detected encoding; newlines come back as ``\\n``.

    Order: a byte-order mark; strict UTF-8; the charset the file declares (HTML);
    charset-normalizer's best guess. Raises IngestError for binary data and for
    text that mixes valid UTF-8 with invalid bytes (a guess would silently garble it).
    """
    text = _decode(path, raw, declared)
    controls = len(_CONTROL.findall(text[:20000]))
    if controls > max(8, len(text[:20000]) // 100):
        raise IngestError(path, "this is a binary file, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n")


def _decode(path: Path, raw: bytes, declared: str | None) -> str:
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec)
            except UnicodeDecodeError as exc:
                raise IngestError(path, f"invalid {codec.upper()} byte sequence at byte {exc.start}") from None
    if b"\x00" in raw[:8192]:
        raise IngestError(path, "this is a binary file, not text")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if _UTF8_MULTIBYTE.search(raw):
        raise IngestError(path, f"invalid byte sequence at byte {first_bad} in UTF-8 text "
                                "(mixed or corrupted encoding); re-save the file as UTF-8")
    if declared:
        try:
            return raw.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; fall back to detection
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise IngestError(path, "cannot tell the text encoding (invalid byte sequences); re-save the file as UTF-8")
    return str(best)


def declared_html_charset(raw: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag near its top, if any."""
    m = _HTML_CHARSET.search(raw[:4096])
    return m.group(1).decode("ascii").lower() if m else None


def read_text(path: Path, raw: bytes) -> Extracted:
    """Read a .txt/.md file; the title is the first non-empty line (Markdown heading marks removed)."""
    text = decode_text(path, raw).strip("\n")
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if path.suffix.lower() in (".md", ".markdown"):
        first = first.lstrip("#").strip()
    return Extracted(text=text, title=first or None)
