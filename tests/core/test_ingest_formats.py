"""Each supported format reads into clean text, a title and the date the file declares."""

from __future__ import annotations

import io
import os
import shutil
from datetime import date, datetime
from email.message import EmailMessage
from html import escape
from pathlib import Path

import office_files
import pytest

from timeline_app.core.ingest import SUPPORTED_SUFFIXES, IngestError, collect_files, document_id, read_document

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"
SEED = Path(__file__).resolve().parents[2] / "seeds" / "russia-us-syria-2017-09-26.txt"
TITLE = "Russia, U.S. Allies Exchange Blame Over Deaths In Syria"
BOILERPLATE = ("cookie", "Related stories", "Copyright", "Kremlin Says", "Privacy policy", "Subscribe", "Home")


def _copy(name: str, tmp_path: Path, mtime: datetime = datetime(2030, 1, 1, 12)) -> Path:
    """Copy a fixture with a known modification time (a checkout's mtimes are arbitrary)."""
    target = tmp_path / Path(name).name
    shutil.copyfile(DATA / name, target)
    os.utime(target, (mtime.timestamp(), mtime.timestamp()))
    return target


def _seed_paragraphs() -> list[str]:
    return [p.strip() for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]


def test_supported_suffixes_cover_every_format():
    assert {".txt", ".md", ".html", ".htm", ".pdf", ".docx", ".eml"} <= set(SUPPORTED_SUFFIXES)


def test_html_article_without_boilerplate_with_meta_date(tmp_path):
    doc = read_document(_copy("article.html", tmp_path))
    assert doc.title == TITLE
    assert (doc.reference_date, doc.reference_source) == (date(2017, 9, 26), "metadata")
    for paragraph in _seed_paragraphs()[1:]:
        assert paragraph in doc.text
    for junk in BOILERPLATE:
        assert junk not in doc.text


def test_html_date_from_jsonld_and_time_element(tmp_path):
    article = "<p>" + "Officials met in Geneva to discuss the ceasefire and the next round of talks. " * 4 + "</p>"
    jsonld = tmp_path / "jsonld.html"
    jsonld.write_text(
        '<html><head><title>Talks</title><script type="application/ld+json">'
        '{"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle",'
        ' "datePublished": "2013-03-22T09:14:00-04:00"}]}'
        f"</script></head><body><article>{article}</article></body></html>", encoding="utf-8")
    timed = tmp_path / "timed.htm"
    timed.write_text(
        '<html><head><title>Talks</title></head><body><nav><time datetime="2030-01-01">today</time></nav>'
        f'<article><time datetime="2016-05-04T08:00:00Z" pubdate>May 4</time>{article}</article></body></html>',
        encoding="utf-8")
    assert read_document(jsonld).reference_date == date(2013, 3, 22)
    doc = read_document(timed)
    assert (doc.reference_date, doc.reference_source) == (date(2016, 5, 4), "metadata")


def test_html_without_date_falls_back_to_the_text(tmp_path):
    page = tmp_path / "plain.html"
    page.write_text("<html><head><title>Ceasefire</title></head><body><article><p>GENEVA, March 22, 2013 - "
                    + "Officials met to discuss the ceasefire and the next round of talks. " * 4
                    + "</p></article></body></html>", encoding="utf-8")
    doc = read_document(page)
    assert doc.title == "Ceasefire"
    assert (doc.reference_date, doc.reference_source) == (date(2013, 3, 22), "dateline")


def test_pdf_text_across_pages_in_reading_order(tmp_path):
    doc = read_document(_copy("article.pdf", tmp_path))
    assert doc.title == TITLE
    # The creation date in the document properties (no dateline in this text).
    assert (doc.reference_date, doc.reference_source) == (date(2017, 9, 26), "metadata")
    flat = " ".join(doc.text.split())
    positions = [flat.index(" ".join(p.split())) for p in _seed_paragraphs()[2:]]  # no photo caption
    assert positions == sorted(positions)
    assert flat.endswith("With reporting by AP, Reuters, and dpa")


def test_pdf_fixture_has_several_pages():
    from pypdf import PdfReader

    assert len(PdfReader(DATA / "article.pdf").pages) >= 2


def test_docx_paragraphs_title_and_created_date(tmp_path):
    doc = read_document(_copy("article.docx", tmp_path))
    assert doc.title == TITLE
    assert (doc.reference_date, doc.reference_source) == (date(2017, 9, 26), "metadata")
    for paragraph in _seed_paragraphs()[2:]:
        assert paragraph in doc.text


def test_docx_title_falls_back_to_first_heading(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("")
    document.add_heading("Ceasefire holds in the north", level=1)
    document.add_paragraph("The ceasefire held overnight, officials said.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Casualties", "none"
    document.core_properties.title = ""
    path = tmp_path / "heading.docx"
    document.save(path)
    doc = read_document(path)
    assert doc.title == "Ceasefire holds in the north"
    assert "Casualties | none" in doc.text


def test_eml_plain_body_subject_and_date_header(tmp_path):
    doc = read_document(_copy("article.eml", tmp_path))
    assert doc.title == TITLE
    assert (doc.reference_date, doc.reference_source) == (date(2017, 9, 26), "metadata")
    assert "<p>" not in doc.text
    # Hard-wrapped lines come back as whole paragraphs.
    assert _seed_paragraphs()[-1] in doc.text and _seed_paragraphs()[2] in doc.text


def test_eml_html_only_body_becomes_text(tmp_path):
    message = EmailMessage()
    message["From"], message["Subject"] = "a@example.invalid", "Newsletter"
    message["Date"] = "Fri, 22 Mar 2013 09:14:00 -0400"
    message.set_content("<html><body><p>First paragraph.</p><p>Second &amp; last.</p>"
                        "<script>track()</script></body></html>", subtype="html")
    path = tmp_path / "html-only.eml"
    path.write_bytes(bytes(message))
    doc = read_document(path)
    assert doc.text == "First paragraph.\n\nSecond & last."
    assert (doc.title, doc.reference_date) == ("Newsletter", date(2013, 3, 22))


def test_windows_1252_text_is_detected(tmp_path):
    doc = read_document(_copy("cp1252.txt", tmp_path))
    assert doc.title == "Café talks in Geneva end without a deal"
    assert "“unhelpful” — the envoy’s words" in doc.text
    assert "\r" not in doc.text


def test_markdown_title_without_heading_marks(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("\n# Ceasefire talks\n\nThe talks went on.\n", encoding="utf-8")
    assert read_document(path).title == "Ceasefire talks"


def test_utf16_with_bom_is_read(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes("Ceasefire talks\n\nThe talks went on.\n".encode("utf-16"))
    assert read_document(path).title == "Ceasefire talks"


def test_collect_files_recurses_skips_hidden_and_dedupes(tmp_path):
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    for name in ("a/one.txt", "a/deep/two.HTML", "a/deep/three.eml", "a/.secret.txt", ".hidden/four.txt",
                 "a/skip.xyz", "a/five.pdf", "a/six.docx", "a/seven.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = collect_files([tmp_path / "a", tmp_path / "a" / "one.txt", tmp_path / "a" / "deep" / ".." / "one.txt",
                           tmp_path / ".hidden"])
    names = [p.name for p in found]
    # Hidden files inside a folder are skipped; a hidden folder the user names is read.
    assert sorted(names) == sorted(["one.txt", "two.HTML", "three.eml", "five.pdf", "six.docx", "seven.md",
                                    "four.txt"])


def test_collect_files_keeps_an_explicit_file_as_given(tmp_path):
    odd = tmp_path / "notes.xyz"
    odd.write_text("x", encoding="utf-8")
    assert collect_files([odd]) == [odd]
    with pytest.raises(IngestError, match=r"^notes\.xyz: unsupported file type"):
        read_document(odd)


def test_document_id_is_stable(tmp_path):
    path = tmp_path / "x.txt"
    assert document_id(path) == document_id(tmp_path / "." / "x.txt")
    assert document_id(path).startswith("x-")


def test_no_network_access_while_reading(tmp_path, monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("ingest tried to open a network connection")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    page = tmp_path / "remote.html"
    page.write_text('<html><head><link rel="stylesheet" href="http://example.invalid/a.css">'
                    '<link rel="canonical" href="http://example.invalid/news/story"></head><body><article><p>'
                    + "Officials met to discuss the ceasefire and the next round of talks. " * 4
                    + '<img src="http://example.invalid/a.png"></p></article></body></html>', encoding="utf-8")
    url_only = tmp_path / "url.html"
    url_only.write_text("http://example.invalid/story", encoding="utf-8")
    assert "ceasefire" in read_document(page).text
    with pytest.raises(IngestError):
        read_document(url_only)
    for name in ("article.html", "article.pdf", "article.docx", "article.eml"):
        read_document(_copy(name, tmp_path))


def test_docx_xml_entities_are_not_expanded(tmp_path):
    """A billion-laughs document.xml must not expand (python-docx parses with resolve_entities=False)."""
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    lol = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
           + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
           + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           "<w:p><w:r><w:t>Before &i; after</w:t></w:r></w:p></w:body></w:document>")
    path = tmp_path / "lol.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = lol.encode() if info.filename == "word/document.xml" else source.read(info.filename)
            target.writestr(info.filename, data)
    with pytest.raises(IngestError, match=r"^lol\.docx: refused: word/document\.xml declares a DTD"):
        read_document(path)


def test_html_declared_windows_1252_and_site_name_cut_from_title(tmp_path):
    page = tmp_path / "cp1252.html"
    body = "The \u201ccaf\u00e9\u201d talks went on for hours and nobody agreed on anything at all. " * 4
    page.write_bytes(('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
                      "<title>Caf\u00e9 news | Example News</title></head><body><h1>Caf\u00e9 news</h1>"
                      f"<article><p>{body}</p></article></body></html>").encode("cp1252"))
    doc = read_document(page)
    assert doc.title == "Caf\u00e9 news"
    assert "\u201ccaf\u00e9\u201d" in doc.text


def _seed_title_and_body() -> tuple[str, list[str]]:
    blocks = _seed_paragraphs()
    return blocks[0], blocks[2:]  # the second block is a photo caption


def test_new_formats_are_supported_and_collected_from_folders(tmp_path):
    new = {".xhtml", ".shtml", ".mht", ".mhtml", ".odt", ".rtf"}
    assert new <= set(SUPPORTED_SUFFIXES)
    for suffix in sorted(new) + [".doc", ".msg", ".pages"]:
        (tmp_path / f"story{suffix.upper()}").write_text("x", encoding="utf-8")
    (tmp_path / "old.pages").mkdir()  # a Pages document saved as a macOS package
    (tmp_path / "old.pages" / "index.xml").write_text("x", encoding="utf-8")
    (tmp_path / "old.pages" / "QuickLook").mkdir()
    (tmp_path / "old.pages" / "QuickLook" / "Preview.pdf").write_text("x", encoding="utf-8")
    names = sorted(p.name for p in collect_files([tmp_path]))
    # Refused formats are listed too, so that the user is told about them; a package is one document.
    assert names == sorted([f"story{s.upper()}" for s in new] + ["story.DOC", "story.MSG", "story.PAGES", "old.pages"])


def test_odt_paragraphs_headings_lists_and_tables_in_order(tmp_path):
    title, paragraphs = _seed_title_and_body()
    body = (f'<text:h text:outline-level="1">{escape(title)}</text:h>'
            + "".join(f"<text:p>{escape(p)}</text:p>" for p in paragraphs[:3])
            + '<text:list><text:list-item><text:p>First <text:span text:style-name="T1">point</text:span>'
              "<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>A footnote in 2030."
              "</text:p></text:note-body></text:note>, made<text:s text:c=\"3\"/>twice.</text:p></text:list-item>"
              "<text:list-item><text:list><text:list-item><text:p>A nested point.<draw:frame><draw:text-box>"
              "<text:p>Photo: the convoy.</text:p></draw:text-box></draw:frame></text:p></text:list-item>"
              "</text:list></text:list-item></text:list>"
            + "<table:table><table:table-row><table:table-cell><text:p>Casualties</text:p></table:table-cell>"
              "<table:table-cell><text:p>two</text:p><text:p>wounded</text:p></table:table-cell>"
              "<table:covered-table-cell/></table:table-row></table:table>"
            + "<text:tracked-changes><text:changed-region><text:deletion><text:p>Deleted in review.</text:p>"
              "</text:deletion></text:changed-region></text:tracked-changes>"
            + "<text:table-of-content><text:index-body><text:p>Contents 1</text:p></text:index-body>"
              "</text:table-of-content>"
            + "".join(f"<text:p>{escape(p)}</text:p>" for p in paragraphs[3:]))
    meta = (f"<dc:title>{escape(title)}</dc:title><meta:creation-date>2017-09-26T10:45:12.123456789"
            "</meta:creation-date><dc:date>2030-01-01T08:00:00</dc:date>")
    path = office_files.write_odt(tmp_path / "article.odt", body, meta)
    doc = read_document(path)
    assert doc.title == TITLE
    # The creation date, ranked like Word's (the last save, dc:date, is later and not used).
    assert (doc.reference_date, doc.reference_source) == (date(2017, 9, 26), "metadata")
    blocks = doc.text.split("\n\n")
    assert blocks[0] == TITLE
    assert blocks[1:4] == paragraphs[:3]
    assert blocks[4:9] == ["First point, made twice.", "A nested point.", "Photo: the convoy.",
                           "Casualties | two wounded", paragraphs[3]]
    assert blocks[-1] == paragraphs[-1]
    for left_out in ("footnote", "Deleted", "Contents"):
        assert left_out not in doc.text


def test_odt_title_from_heading_and_date_from_dc_date_when_properties_lack_them(tmp_path):
    styles = '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/>'
    body = ('<text:p text:style-name="P1">Ceasefire holds in the north</text:p>'
            '<text:h text:outline-level="1">Background</text:h>'
            "<text:p>The ceasefire held overnight, officials said.</text:p>")
    path = office_files.write_odt(tmp_path / "notes.odt", body, "<dc:date>2016-05-04T08:00:00</dc:date>",
                                  styles=styles)
    doc = read_document(path)
    assert doc.title == "Ceasefire holds in the north"
    assert (doc.reference_date, doc.reference_source) == (date(2016, 5, 4), "metadata")


def test_odt_dateline_outranks_the_creation_date(tmp_path):
    body = "<text:p>GENEVA, March 22, 2013 - Officials met to discuss the ceasefire.</text:p>"
    path = office_files.write_odt(tmp_path / "pasted.odt", body,
                                  "<meta:creation-date>2014-01-01T00:00:00</meta:creation-date>")
    doc = read_document(path)
    assert (doc.reference_date, doc.reference_source) == (date(2013, 3, 22), "dateline")


def _article_page(title: str, paragraphs: list[str], head: str = "") -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (f"<html><head>{head}<title>{escape(title)} | Example News</title>"
            '<meta property="article:published_time" content="2017-09-26T10:45:00+00:00"></head>'
            f'<body><nav><a href="/">Home</a></nav><article><h1>{escape(title)}</h1>{body}</article>'
            '<footer>Copyright Example News</footer></body></html>')


def test_mht_reads_the_page_with_its_publication_date(tmp_path):
    title, paragraphs = _seed_title_and_body()
    path = tmp_path / "story.mht"
    path.write_bytes(office_files.mht_bytes(_article_page(title, paragraphs), subject="Saved page"))
    doc = read_document(path)
    assert doc.title == TITLE
    # The page's own metadata, not the archive's Date header (when it was saved, 2030).
    assert (doc.reference_date, doc.reference_source) == (date(2017, 9, 26), "metadata")
    for paragraph in paragraphs:
        assert paragraph in doc.text
    assert "Copyright" not in doc.text and "iVBOR" not in doc.text


def test_mhtml_part_charset_root_part_and_subject_as_title(tmp_path):
    text = "The \u201ccaf\u00e9\u201d talks in Gen\u00e8ve went on for hours and nobody agreed on anything. " * 4
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>'
            f"<body><article><p>{text}</p></article></body></html>")
    path = tmp_path / "cafe.mhtml"
    # Word and older browsers save the page in the Windows code page and say so in the part's header only.
    path.write_bytes(office_files.mht_bytes(page, charset="windows-1252", subject="Caf\u00e9 talks",
                                            root_last=True))
    doc = read_document(path)
    assert "\u201ccaf\u00e9\u201d talks in Gen\u00e8ve" in doc.text
    assert doc.title == "Caf\u00e9 talks"


def test_xhtml_and_shtml_pages_are_read_as_html(tmp_path):
    title, paragraphs = _seed_title_and_body()
    xhtml = tmp_path / "story.xhtml"
    xhtml.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
                     '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
                     + _article_page(title, paragraphs).replace("<html>", '<html xmlns="http://www.w3.org/1999/xhtml">'),
                     encoding="utf-8")
    shtml = tmp_path / "story.shtml"
    shtml.write_text(_article_page(title, paragraphs[:4], head='<!--#include virtual="/ssi/head.html" -->'),
                     encoding="utf-8")
    for path in (xhtml, shtml):
        doc = read_document(path)
        assert (doc.title, doc.reference_date, doc.reference_source) == (TITLE, date(2017, 9, 26), "metadata")
        assert paragraphs[3] in doc.text


def test_rtf_text_title_and_creation_date(tmp_path):
    title, paragraphs = _seed_title_and_body()
    body = "\\par\n".join(office_files.rtf_escape(p) for p in paragraphs)
    path = tmp_path / "article.rtf"
    path.write_text(office_files.rtf_document(body, title=title, created=(2017, 9, 26)), encoding="ascii")
    doc = read_document(path)
    assert doc.title == TITLE
    assert (doc.reference_date, doc.reference_source) == (date(2017, 9, 26), "metadata")
    assert doc.text.split("\n\n") == paragraphs
    assert "Times New Roman" not in doc.text and "Reporter" not in doc.text


def test_rtf_escapes_code_pages_unicode_and_skipped_destinations(tmp_path):
    body = (r"{\header Page 1 of 2\par}{\footer Confidential\par}"
            r"Caf\'e9 \emdash  Gen\u232\'e8ve\par" "\n"
            r"{\f1 \'cf\'f0\'e8\'e2\'e5\'f2} and {\uc2\u1087\'3f\'3f\u1088\'3f\'3f} and \u-10179?\u-8704?\par" "\n"
            r"Said{\super\chftn}{\footnote\pard\plain\chftn Footnote text.} the {\field{\*\fldinst HYPERLINK "
            r'"https://example.invalid"}{\fldrslt envoy}}{\*\bkmkstart x}{\v  hidden}.\line Next\tab line\par' "\n"
            r"\trowd\cellx1000\cellx2000\pard\intbl Casualties\cell\pard\intbl two\par wounded\cell\row" "\n"
            r"\pard{\pict\pngblip 89504e470d0a1a0a}{\*\shppict{\pict 00}}\{braces\} and a back\\slash.\par")
    fonts = r"{\f0\froman\fcharset0{\*\panose 02020603050405020304}Times New Roman;}{\f1\fswiss\fcharset204 Arial Cyr;}"
    path = tmp_path / "escapes.rtf"
    path.write_text(office_files.rtf_document(body, title="Caf\u00e9 talks", fonts=fonts), encoding="ascii")
    doc = read_document(path)
    assert doc.title == "Caf\u00e9 talks"
    assert doc.text.split("\n\n") == [
        "Caf\u00e9 \u2014 Gen\u00e8ve",
        "\u041f\u0440\u0438\u0432\u0435\u0442 and \u043f\u0440 and \U0001f600",
        "Said the envoy. Next line",
        "Casualties | two wounded",
        "{braces} and a back\\slash.",
    ]


def test_rtf_in_a_double_byte_code_page(tmp_path):
    body = "".join(f"\\'{b:02x}" for b in "\u6771\u4eac\u3067\u4f1a\u8ac7".encode("cp932")) + " talks.\\par"
    path = tmp_path / "tokyo.rtf"
    path.write_text(office_files.rtf_document(body, header="{\\rtf1\\ansi\\ansicpg932\\deff0"), encoding="ascii")
    assert read_document(path).text == "\u6771\u4eac\u3067\u4f1a\u8ac7 talks."


def test_a_doc_that_is_really_rtf_or_html_is_read(tmp_path):
    rtf = tmp_path / "export.doc"
    rtf.write_text(office_files.rtf_document("Officials met in Geneva.\\par", title="Talks"), encoding="ascii")
    assert (read_document(rtf).title, read_document(rtf).text) == ("Talks", "Officials met in Geneva.")
    html = tmp_path / "word-html.doc"
    title, paragraphs = _seed_title_and_body()
    html.write_text(_article_page(title, paragraphs), encoding="utf-8")
    assert read_document(html).reference_date == date(2017, 9, 26)


def test_rtf_title_prefers_the_unicode_alternative_word_writes_in_upr(tmp_path):
    path = tmp_path / "upr.rtf"
    path.write_text(r"{\rtf1\ansi\ansicpg1252{\info{\upr{\title Caf? talks}{\*\ud{\title Caf\u233\'e9 talks}}}"
                    r"{\creatim\yr2013\mo3\dy22}}\pard Officials met.\par}", encoding="ascii")
    doc = read_document(path)
    assert (doc.title, doc.text, doc.reference_date) == ("Caf\u00e9 talks", "Officials met.", date(2013, 3, 22))
