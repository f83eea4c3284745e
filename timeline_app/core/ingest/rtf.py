"""Rich Text (.rtf): a small reader of our own for the body text, the title and the creation date.

RTF is 7-bit text: groups in braces, control words (``\\par``, ``\\u8212``, ``\\f1``)
and control symbols (``\\'e9``, ``\\~``, ``\\*``). Each open group has its own state
(destination, font, hidden text, ``\\uc`` count), as the format scopes them. Body text
is collected by paragraph and table row; ``\\info`` gives ``\\title`` and ``\\creatim``.
Destinations that are not running text are skipped: font, colour and style tables,
pictures, headers and footers, footnotes and comments, field instructions, list
numbers, and every ``\\*`` destination this reader does not know (the format's rule).
"""

from __future__ import annotations

import codecs
import logging
import re
from datetime import date
from pathlib import Path

from timeline_app.core.ingest.base import Extracted, join_paragraphs
from timeline_app.core.ingest.errors import IngestError

logger = logging.getLogger(__name__)

MAX_DEPTH = 1000  # Word nests a few dozen groups at most; thousands means a damaged or hostile file

_TOKEN = re.compile(
    r"\\([a-zA-Z]{1,32})(-?\d+)? ?"  # control word, its parameter, and the one space that may end it
    r"|\\'([0-9a-fA-F]{2})"  # one byte in the document's code page
    r"|\\([^a-zA-Z])"  # control symbol (\\, \{, \~, \*, ...)
    r"|([{}])"
    r"|([^\\{}\r\n]+)"  # plain text
    r"|[\r\n]+"  # line ends in the file are not text
)
# Destinations that hold no running text. Unknown \* destinations are skipped as well.
_SKIPPED = frozenset({
    "colortbl", "stylesheet", "listtable", "listoverridetable", "revtbl", "rsidtbl", "filetbl", "pgdsctbl",
    "generator", "xmlnstbl", "themedata", "colorschememapping", "datastore", "latentstyles", "docvar",
    "template", "private", "userprops", "passwordhash", "protusertbl", "wgrffmtfilter", "mmathPr",
    "pict", "nonshppict", "shpinst", "objdata", "background",
    "header", "headerl", "headerr", "headerf", "footer", "footerl", "footerr", "footerf",
    "footnote", "ftnsep", "ftnsepc", "ftncn", "aftnsep", "aftnsepc", "aftncn",
    "annotation", "atnid", "atnauthor", "fldinst", "xe", "tc", "txe", "bkmkstart", "bkmkend",
    "listtext", "pntext", "pn", "nonesttables",  # the last: a fallback for readers without nested tables
})
_CHARACTERS = {
    "tab": "\t", "line": "\n", "emdash": "\u2014", "endash": "\u2013", "emspace": " ", "enspace": " ",
    "qmspace": " ", "bullet": "\u2022", "lquote": "\u2018", "rquote": "\u2019", "ldblquote": "\u201c",
    "rdblquote": "\u201d", "zwj": "\u200d", "zwnj": "\u200c",
}
_SYMBOLS = {"\\": "\\", "{": "{", "}": "}", "~": "\u00a0", "_": "-", "-": ""}
_PARAGRAPH_ENDS = frozenset({"par", "sect", "page"})
# \fcharset values and the Windows code pages they mean (0, 1 and 2 follow the document's own).
_CHARSET_CODEPAGES = {
    77: 10000, 128: 932, 129: 949, 130: 1361, 134: 936, 136: 950, 161: 1253, 162: 1254, 163: 1258,
    177: 1255, 178: 1256, 186: 1257, 204: 1251, 222: 874, 238: 1250, 254: 437, 255: 850,
}
_CODEPAGE_CODECS = {10000: "mac_roman", 65001: "utf-8"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def read_rtf(path: Path, raw: bytes) -> Extracted:
    """Read an .rtf file's text in order; the title and creation date come from its \\info group."""
    raw = raw.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not raw.startswith(b"{\\rtf"):
        raise IngestError(path, "not an RTF file (it does not start with {\\rtf)")
    reader = _RtfReader(path, raw.decode("latin-1"))  # one character per byte: \'hh and raw bytes stay bytes
    reader.run()
    text = _clean(join_paragraphs(reader.paragraphs))
    if not text:
        raise IngestError(path, "the RTF document has no text")
    title = " ".join(_clean("".join(reader.title)).split())
    return Extracted(text=text, title=title or None, created_date=reader.created_date())


def _clean(text: str) -> str:
    # \u writes characters beyond U+FFFF as two UTF-16 halves: pair them up; a lone half becomes U+FFFD.
    text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return _CONTROL.sub("", text)


def _codec(codepage: int | None) -> str | None:
    if codepage is None:
        return None
    name = _CODEPAGE_CODECS.get(codepage, f"cp{codepage}")
    try:
        codecs.lookup(name)
    except LookupError:
        logger.debug("RTF code page %s is unknown; using the document's", codepage)
        return None
    return name


class _Group:
    """What an RTF group scopes: where its text goes, its font, hidden text, and the \\uc fallback length."""

    __slots__ = ("dest", "font", "uc", "hidden", "deleted", "upr")

    def __init__(self) -> None:
        self.dest = "body"  # body, title, creatim, info, fonttbl or skip
        self.font: int | None = None
        self.uc = 1
        self.hidden = self.deleted = False
        self.upr = False  # directly inside \upr: its ANSI and Unicode (\ud) alternatives follow

    def copy(self) -> _Group:
        twin = _Group.__new__(_Group)
        for name in _Group.__slots__:
            setattr(twin, name, getattr(self, name))
        return twin


class _RtfReader:
    def __init__(self, path: Path, data: str) -> None:
        self.path, self.data = path, data
        self.paragraphs: list[str] = []
        self.title: list[str] = []
        self.created: dict[str, int] = {}
        self.state = _Group()
        self.stack: list[_Group] = []
        self.codec = "cp1252"
        self.fonts: dict[int, str] = {}
        self.default_font: int | None = None
        self.defining_font: int | None = None
        self.pending = bytearray()  # bytes of the current code page, decoded together (double-byte code pages)
        self.fallback = 0  # characters of the last \u's fallback still to skip
        self.fresh = self.starred = False  # just after "{" (and "\*"): the next word may name a destination
        self.line: list[str] = []
        self.cells: list[str] = []
        self.in_table = False

    def run(self) -> None:
        data, pos, end = self.data, 0, len(self.data)
        closed = False
        while pos < end and not closed:
            m = _TOKEN.match(data, pos)
            if m is None:  # a lone backslash at the very end
                break
            pos = m.end()
            word, arg, hexbyte, symbol, brace, text = m.groups()
            if brace is None and word is None and hexbyte is None and symbol is None and text is None:
                continue  # a line end
            if brace is not None:
                self.flush()
                self.fallback = 0  # a \u fallback never crosses a group boundary
                if self.fresh:
                    self.destination(None)
                if brace == "{":
                    self.open_group()
                elif self.close_group():
                    self.check_end(pos)
                    closed = True
                continue
            if self.fallback:
                if text is not None and len(text) > self.fallback:
                    text, self.fallback = text[self.fallback:], 0
                else:
                    self.fallback -= len(text) if text is not None else 1
                    continue
            if self.fresh and symbol == "*":
                self.starred = True
                continue
            if self.fresh:
                self.destination(word)
            if text is not None:
                self.add_bytes(text.encode("latin-1"))
            elif hexbyte is not None:
                self.add_bytes(bytes((int(hexbyte, 16),)))
            elif symbol is not None:
                self.flush()
                self.control_symbol(symbol)
            else:
                self.flush()
                pos = self.control_word(word, arg, pos)
        if not closed:
            raise IngestError(self.path, f"the RTF is truncated or damaged ({len(self.stack)} groups are not "
                                         "closed: unbalanced braces); save or download it again")
        self.finish()

    # --- groups ----------------------------------------------------------------------------
    def open_group(self) -> None:
        if len(self.stack) >= MAX_DEPTH:
            raise IngestError(self.path, f"the RTF is damaged (groups nested more than {MAX_DEPTH} deep)")
        self.stack.append(self.state)
        self.state = self.state.copy()
        self.fresh, self.starred = True, False

    def close_group(self) -> bool:
        """Close a group; True when it was the document's outermost group (the text starts with "{")."""
        self.state = self.stack.pop()
        self.fresh = False
        return not self.stack

    def check_end(self, pos: int) -> None:
        rest = self.data[pos:]
        if "}" in rest or "{" in rest:
            raise IngestError(self.path, "the RTF is damaged (braces after the document's end: unbalanced braces)")

    def destination(self, word: str | None) -> None:
        """Decide where the text of the group just opened goes, from its first control word."""
        state, starred = self.state, self.starred
        self.fresh = self.starred = False
        if state.dest == "skip":
            return
        if state.upr:  # keep the Unicode alternative, drop the ANSI one
            state.upr = False
            if word != "ud":
                state.dest = "skip"
        elif word == "upr":
            state.upr = True
        elif state.dest == "info":
            state.dest = word if word in ("title", "creatim") else "skip"
        elif word in ("fonttbl", "info"):
            state.dest = word
        elif word in _SKIPPED or starred:
            state.dest = "skip"

    # --- text ----------------------------------------------------------------------------
    def add_bytes(self, data: bytes) -> None:
        if self.state.dest in ("body", "title"):
            self.pending += data

    def flush(self) -> None:
        if self.pending:
            font = self.state.font if self.state.font is not None else self.default_font
            self.emit(self.pending.decode(self.fonts.get(font, self.codec), "replace"))
            self.pending.clear()

    def emit(self, text: str) -> None:
        state = self.state
        if state.hidden or state.deleted:
            return
        if state.dest == "body":
            self.line.append(text)
        elif state.dest == "title":
            self.title.append(text)

    def control_symbol(self, symbol: str) -> None:
        if symbol in "\r\n":  # a backslash before a line end is a paragraph mark
            self.end_paragraph()
        elif symbol in _SYMBOLS:
            self.emit(_SYMBOLS[symbol])

    def control_word(self, word: str, arg: str | None, pos: int) -> int:
        """Act on a control word; return where reading goes on (after \\bin's binary data)."""
        if arg is not None and len(arg.lstrip("-")) > 10:
            raise IngestError(self.path, f"the RTF is damaged (\\{word} has a {len(arg)}-digit number)")
        value = int(arg) if arg is not None else None
        state = self.state
        if word == "bin":  # raw bytes follow, whatever the destination: step over them
            if value is not None and value > 0:
                if pos + value > len(self.data):
                    raise IngestError(self.path, "the RTF is truncated (binary data runs past the end of the file)")
                return pos + value
        elif word == "u":
            self.unicode(value)
        elif word == "uc":
            state.uc = max(0, value if value is not None else 1)
        elif state.dest == "skip":
            pass
        elif word in _PARAGRAPH_ENDS:
            self.end_paragraph()
        elif word in _CHARACTERS:
            self.emit(_CHARACTERS[word])
        elif word in ("cell", "nestcell"):
            self.end_cell()
        elif word == "row":
            self.end_row()
        else:
            self.formatting(word, value)
        return pos

    def formatting(self, word: str, value: int | None) -> None:
        state = self.state
        if word == "intbl":
            self.in_table = True
        elif word == "pard":
            self.in_table = False
        elif word == "plain":
            state.hidden = state.deleted = False
            state.font = None
        elif word in ("v", "deleted"):
            setattr(state, "hidden" if word == "v" else "deleted", value != 0)
        elif word == "f":
            if state.dest == "fonttbl":
                self.defining_font = value
            else:
                state.font = value
        elif word in ("fcharset", "cpg") and state.dest == "fonttbl" and self.defining_font is not None:
            codepage = _CHARSET_CODEPAGES.get(value or 0) if word == "fcharset" else value
            if (codec := _codec(codepage)) is not None:
                self.fonts[self.defining_font] = codec
        elif word == "deff":
            self.default_font = value
        elif word == "ansicpg":
            self.codec = _codec(value) or self.codec
        elif word in ("mac", "pc", "pca"):
            self.codec = {"mac": "mac_roman", "pc": "cp437", "pca": "cp850"}[word]
        elif state.dest == "creatim" and word in ("yr", "mo", "dy") and value is not None:
            self.created[word] = value

    def unicode(self, value: int | None) -> None:
        if value is None:
            return
        code = value + 65536 if value < 0 else value  # \u is a signed 16-bit number: \u-3913 is U+F0B7
        if not 0 <= code <= 0x10FFFF:
            raise IngestError(self.path, f"the RTF is damaged (\\u{value} is not a Unicode character)")
        self.emit(chr(code))
        self.fallback = self.state.uc

    # --- paragraphs and tables ---------------------------------------------------------
    def end_paragraph(self) -> None:
        if self.state.dest == "title":
            self.title.append(" ")
        elif self.state.dest == "body":
            if self.in_table:  # paragraphs inside a table cell stay in the cell
                self.line.append(" ")
            else:
                self.paragraphs.append("".join(self.line))
                self.line.clear()

    def end_cell(self) -> None:
        if self.state.dest == "body":
            self.cells.append("".join(self.line))
            self.line.clear()

    def end_row(self) -> None:
        if self.state.dest != "body":
            return
        if "".join(self.line).strip():
            self.cells.append("".join(self.line))
        self.line.clear()
        self.paragraphs.append(" | ".join(" ".join(c.split()) for c in self.cells if c.strip()))
        self.cells.clear()
        self.in_table = False

    def finish(self) -> None:
        """Keep the text after the last paragraph mark (the state is the outermost one again: body)."""
        if self.cells:
            self.end_row()
        elif self.line:
            self.paragraphs.append("".join(self.line))
            self.line.clear()

    def created_date(self) -> date | None:
        try:
            return date(self.created["yr"], self.created["mo"], self.created["dy"])
        except (KeyError, ValueError, OverflowError):
            return None
