"""Bad input gives one clear error naming the file, and never stops the good files beside it."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import office_files
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.core.ingest import MAX_BYTES, IngestError, read_document
from timeline_app.core.pipeline import process_files

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"
BROKEN = DATA / "broken"

EXPECTED = {
    "binary.txt": "binary file",
    "empty.txt": "empty",
    "truncated.pdf": "truncated",
    "encrypted.pdf": "encrypted",
    "notazip.docx": "not a zip",
    "zipbomb.docx": "zip bomb",
    "attachments-only.eml": "only attachments",
    "bad-bytes.txt": "invalid byte sequence",
    "malformed.html": "malformed HTML",
    "unsupported.xyz": "unsupported file type '.xyz'",
}


def test_every_broken_fixture_is_listed():
    assert {p.name for p in BROKEN.iterdir()} == set(EXPECTED)


@pytest.mark.parametrize(("name", "reason"), sorted(EXPECTED.items()))
def test_broken_file_gives_one_line_reason_naming_it(name, reason):
    with pytest.raises(IngestError) as caught:
        read_document(BROKEN / name)
    message = str(caught.value)
    assert message.startswith(f"{name}: ")
    assert reason in message
    assert "\n" not in message
    assert caught.value.path == str(BROKEN / name)


def test_file_over_the_size_limit(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: no real disk use
    with pytest.raises(IngestError, match=r"^big\.txt: the file is larger than 20 MB$"):
        read_document(big)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(IngestError, match=r"^gone\.txt: cannot open the file"):
        read_document(tmp_path / "gone.txt")
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(IngestError, match=r"^dir\.txt: not a regular file"):
        read_document(tmp_path / "dir.txt")


def test_whitespace_only_text_is_empty(tmp_path):
    path = tmp_path / "blank.md"
    path.write_text("\n  \n\t\n", encoding="utf-8")
    with pytest.raises(IngestError, match=r"^blank\.md: the file has no text$"):
        read_document(path)


def test_unexpected_parser_failure_becomes_an_ingest_error(tmp_path, monkeypatch):
    import pypdf

    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(pypdf, "PdfReader", explode)
    shutil.copyfile(DATA / "article.pdf", tmp_path / "article.pdf")
    with pytest.raises(IngestError, match=r"^article\.pdf: cannot read this \.pdf file \(RuntimeError: boom\)$"):
        read_document(tmp_path / "article.pdf")


def test_pdf_with_owner_password_only_opens(tmp_path):
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(DATA / "article.pdf"))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / "restricted.pdf"
    path.write_bytes(buffer.getvalue())
    assert "Ryabkov" in read_document(path).text


def test_good_files_load_beside_the_bad_ones(tmp_path):
    folder = tmp_path / "mixed"
    shutil.copytree(DATA, folder)
    progress = list(process_files([folder, folder / "broken" / "unsupported.xyz"]))
    good = {Path(p.path).name: p.result for p in progress if p.result is not None}
    errors = [p.error for p in progress if p.error is not None]
    assert set(good) == {"article.html", "article.pdf", "article.docx", "article.eml", "cp1252.txt"}
    for name in ("article.html", "article.pdf", "article.docx", "article.eml"):
        assert good[name].document.title == "Russia, U.S. Allies Exchange Blame Over Deaths In Syria"
        assert "Ryabkov" in good[name].document.text
    assert sorted(e.split(":", 1)[0] for e in errors) == sorted(EXPECTED)
    assert all(progress[i].done == i + 1 and p.total == len(progress) for i, p in enumerate(progress))


_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)  # the header of Word 97-2003 and Outlook files
_BODY = "<text:p>The ceasefire held overnight, officials said.</text:p>"
_RTF_HEAD = r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Times;}}"


def _odt_cut_in_half() -> bytes:
    data = office_files.odt_bytes(_BODY * 20)
    return data[: len(data) // 2]


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


_LOL = ('<?xml version="1.0"?><!DOCTYPE office:document-content [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><office:document-content>&b;</office:document-content>')


# Built by the test (name -> bytes), with the reason the error must give.
BUILT = {
    "report.doc": (_OLE2, "old Word format (.doc) is not supported; save it as .docx or PDF"),
    "template.dot": (_OLE2, "old Word template format (.dot) is not supported"),
    "mail.msg": (_OLE2, "Outlook message format (.msg) is not supported; in Outlook use File > Save As"),
    "story.pages": (b"PK\x03\x04" + bytes(60), "Apple Pages documents are not supported; in Pages use File > Export"),
    "locked.odt": (office_files.odt_bytes(_BODY, manifest_entries='<manifest:encryption-data '
                   'manifest:checksum-type="SHA1/1K" manifest:checksum="x"/>'), "the .odt is password-protected"),
    "cut.odt": (_odt_cut_in_half(), "the .odt archive is truncated or damaged"),
    "renamed.odt": (b"This is a plain text file that someone renamed to .odt.\n", "not a valid .odt file"),
    "bomb.odt": (_zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": bytes(4 << 20)}),
                 "refused: the .odt would expand to 4 MB from 4 KB (a zip bomb?)"),
    "lol.odt": (_zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": _LOL.encode()}),
                "refused: content.xml declares a DTD or entities, which .odt files never do"),
    "nocontent.odt": (_zip({"mimetype": b"application/vnd.oasis.opendocument.text", "styles.xml": b"<x/>"}),
                      "not an OpenDocument file (a zip archive without content.xml)"),
    "sheet.odt": (office_files.odt_bytes(_BODY, mimetype="application/vnd.oasis.opendocument.spreadsheet"),
                  "this is an OpenDocument spreadsheet, not a text document"),
    "badxml.odt": (office_files.odt_bytes("<text:p>unclosed"), "the .odt holds damaged XML in content.xml"),
    "unclosed.rtf": ((_RTF_HEAD + r"\pard Officials met {\b in Geneva\par").encode(),
                     "the RTF is truncated or damaged (2 groups are not closed: unbalanced braces)"),
    "extra-brace.rtf": ((_RTF_HEAD + r"\pard Officials met} in Geneva.\par}").encode(), "unbalanced braces"),
    "huge-u.rtf": ((_RTF_HEAD + r"\pard Officials \u99999999? met.\par}").encode(),
                   "the RTF is damaged (\\u99999999 is not a Unicode character)"),
    "long-number.rtf": ((_RTF_HEAD + r"\pard Officials \u" + "9" * 5000 + "? met.\\par}").encode(),
                        "-digit number"),
    "deep.rtf": ((_RTF_HEAD + "{" * 5000 + "text" + "}" * 5001).encode(), "groups nested more than"),
    "binary.rtf": ((_RTF_HEAD + r"\pard {\pict\bin999999 abc}}").encode(), "binary data runs past the end"),
    "pictures.rtf": ((_RTF_HEAD + r"{\pict\pngblip 89504e47}}").encode(), "the RTF document has no text"),
    "renamed.rtf": (b"Officials met in Geneva.\n", "not an RTF file"),
    "images.mht": (office_files.mht_bytes(None), "the web archive holds no HTML page (only image/png)"),
    "notmime.mht": (b"Officials met in Geneva.\n", "not a web archive (no MIME Content-Type header)"),
    "emptypage.mhtml": (office_files.mht_bytes(""), "the web archive's HTML page is empty"),
}


@pytest.mark.parametrize(("name", "reason"), sorted((name, reason) for name, (_, reason) in BUILT.items()))
def test_built_broken_file_gives_a_clear_reason(tmp_path, name, reason):
    path = tmp_path / name
    path.write_bytes(BUILT[name][0])
    with pytest.raises(IngestError) as caught:
        read_document(path)
    message = str(caught.value)
    assert message.startswith(f"{name}: ")
    assert reason in message
    assert "\n" not in message
    assert "cannot read this" not in message  # the reader's own reason, not the catch-all for a surprise


def test_pages_package_folder_is_named_not_searched(tmp_path):
    package = tmp_path / "Draft.pages"
    (package / "QuickLook").mkdir(parents=True)
    (package / "QuickLook" / "Preview.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(IngestError, match=r"^Draft\.pages: Apple Pages documents are not supported"):
        read_document(package)


def test_odt_damaged_anywhere_gives_an_ingest_error(tmp_path):
    """Cut at every length and with flipped bytes, an .odt gives the reader's IngestError, never another error."""
    from timeline_app.core.ingest.odt import read_odt

    data = office_files.odt_bytes(_BODY * 20, "<dc:title>Talks</dc:title>")
    path = tmp_path / "talks.odt"
    assert read_odt(path, data).title == "Talks"
    damaged = [data[:cut] for cut in range(0, len(data), 37)]
    damaged += [data[:i] + bytes([data[i] ^ 0xFF]) + data[i + 1:] for i in range(30, len(data), 41)]
    for sample in damaged:
        try:
            read_odt(path, sample)
        except IngestError:
            pass


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["{", "}", "\\", "\\par ", "\\'e9", "\\'", "\\u", "\\u-", "\\uc2 ", "\\u8212",
                                 "\\*", "\\fonttbl", "\\f1", "\\fcharset204 ", "\\bin3 ", "\\info", "\\title",
                                 "\\creatim\\yr2017\\mo2\\dy30", "\\upr", "\\ud", "\\cell", "\\row", "\\intbl",
                                 "\\v", "\\ansicpg932", "\\ansicpg99999", "?", "text ", "\\'81", "9", "\n"]),
                max_size=60))
def test_rtf_reader_raises_only_ingest_errors(pieces):
    from timeline_app.core.ingest.rtf import read_rtf

    data = ("{\\rtf1\\ansi " + "".join(pieces)).encode()
    try:
        extracted = read_rtf(Path("fuzz.rtf"), data)
    except IngestError as exc:
        assert str(exc).startswith("fuzz.rtf: ") and "\n" not in str(exc)
    else:
        assert extracted.text.strip()
