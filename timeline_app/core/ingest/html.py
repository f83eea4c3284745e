"""Web pages: the article text without boilerplate, its title and its publication date.

The page is parsed once with lxml (no network, no DTDs) and the parsed tree is what
the libraries get: htmldate and trafilatura download a string that looks like a URL,
a tree they take as it is.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import date
from pathlib import Path

import lxml.html
from lxml import etree

from timeline_app.core.ingest.base import Extracted, join_paragraphs
from timeline_app.core.ingest.errors import IngestError
from timeline_app.core.ingest.pubdate import parse_date_string
from timeline_app.core.ingest.text import declared_html_charset, decode_text

logger = logging.getLogger(__name__)

# Meta tags that carry the publication date, best first (property=, name= or itemprop=).
PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "og:published_time", "datepublished",
    "article.published", "parsely-pub-date", "sailthru.date", "pubdate", "publishdate", "publish-date",
    "publication_date", "citation_publication_date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
    "date", "dcterms.created", "originalpublicationdate",
)
_JSONLD_KEYS = ("datePublished", "dateCreated", "uploadDate")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
# Tag-like leftovers in the extracted text: the parser could not make sense of the markup.
_LEFTOVER_MARKUP = re.compile(r"</?[A-Za-z!][^<>]{0,80}>?|<<|>>")


def _parser() -> lxml.html.HTMLParser:
    return lxml.html.HTMLParser(no_network=True, remove_pis=True, remove_comments=True, huge_tree=False,
                                default_doctype=False)


def parse_html(path: Path, raw: bytes) -> lxml.html.HtmlElement:
    """Decode and parse a page; raise IngestError when there is no HTML document in it."""
    text = decode_text(path, raw, declared=declared_html_charset(raw))
    # lxml refuses Unicode input that still carries an XML encoding declaration (XHTML pages).
    text = _XML_DECLARATION.sub("", text, count=1)
    if "<" not in text:
        raise IngestError(path, "malformed HTML: no markup in the file")
    try:
        return lxml.html.document_fromstring(text, parser=_parser())
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise IngestError(path, f"malformed HTML ({exc})") from None


def meta_published_date(tree: lxml.html.HtmlElement) -> date | None:
    """The publication date the page declares: meta tags, then JSON-LD, then a <time> element."""
    metas: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        value = meta.get("content") or meta.get("datetime") or ""
        if key and value.strip():
            metas.setdefault(key, value)
    for key in PUBLISHED_META:
        if key in metas and (found := parse_date_string(metas[key])):
            return found
    return _jsonld_date(tree) or _time_element_date(tree)


def _jsonld_date(tree: lxml.html.HtmlElement) -> date | None:
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "null")
        except (ValueError, RecursionError):
            continue  # broken JSON-LD is common and simply no evidence
        for key in _JSONLD_KEYS:
            for value in _walk_json(data, key):
                if isinstance(value, str) and (found := parse_date_string(value)):
                    return found
    return None


def _walk_json(data: object, key: str, depth: int = 0):
    if depth > 20:
        return
    if isinstance(data, dict):
        if key in data:
            yield data[key]
        for value in data.values():
            yield from _walk_json(value, key, depth + 1)
    elif isinstance(data, list):
        for value in data:
            yield from _walk_json(value, key, depth + 1)


def _time_element_date(tree: lxml.html.HtmlElement) -> date | None:
    times = [t for t in tree.iter("time") if t.get("datetime")
             and not t.xpath("ancestor::nav or ancestor::footer or ancestor::aside")]
    marked = [t for t in times if t.get("pubdate") is not None or t.get("itemprop") == "datePublished"
              or "publish" in (t.get("class") or "").lower()]
    for t in marked + times:
        if found := parse_date_string(t.get("datetime", "")):
            return found
    return None


def _htmldate(tree: lxml.html.HtmlElement) -> date | None:
    """htmldate's markup-only search (no text heuristics, no URL download) as a fallback."""
    from htmldate import find_date

    try:
        found = find_date(tree, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001 - a failed fallback is simply no evidence
        logger.debug("htmldate failed", exc_info=True)
        return None
    return date.fromisoformat(found) if found else None


def _title(tree: lxml.html.HtmlElement) -> str | None:
    """og:title, else <title> (cut to the <h1> when it only adds the site's name), else <h1>."""

    def text_of(xpath: str) -> str:
        return " ".join(" ".join(tree.xpath(xpath)).split())

    og_title, head_title = text_of('//meta[@property="og:title"][1]/@content'), text_of("//head/title//text()")
    h1 = " ".join(tree.xpath("string(//h1[1])").split())
    if og_title:
        return og_title
    if head_title and h1 and head_title.startswith(h1):
        return h1  # "Headline | Example News" -> "Headline"
    return head_title or h1 or None


def _article_text(tree: lxml.html.HtmlElement) -> str:
    import trafilatura

    # Precision first (drops related-story lists and teasers); a short page may need the default mode.
    for precision in (True, False):
        text = trafilatura.extract(tree, favor_precision=precision, include_comments=False, include_tables=True,
                                   include_images=False, include_links=False, output_format="txt",
                                   with_metadata=False, deduplicate=False)
        if text and text.strip():
            return join_paragraphs(text.splitlines())
    return ""


def read_html(path: Path, raw: bytes) -> Extracted:
    """Read a saved web page into its article text, title and declared publication date."""
    tree = parse_html(path, raw)
    published = meta_published_date(tree) or _htmldate(tree)
    title = _title(tree)
    text = _article_text(tree)
    if not text:
        raise IngestError(path, "no article text found in the page (malformed or empty HTML)")
    leftovers = _LEFTOVER_MARKUP.findall(text)
    if len(leftovers) >= 3 and sum(map(len, leftovers)) > 0.02 * len(text):
        raise IngestError(path, "malformed HTML: the markup is broken and no clean article text can be read")
    return Extracted(text=text, title=title, metadata_date=published)
