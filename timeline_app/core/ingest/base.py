"""What a format reader hands back before the publication date is chosen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Extracted:
    """Clean text from one file, with the title and date its format stores, when it has them.

    ``metadata_date`` is a date the file itself declares as its publication date
    (HTML meta tags, an e-mail's Date header). ``created_date`` is when the file was
    made (PDF/Word document properties): weaker evidence, because a page printed to
    PDF months after it appeared carries the print date.
    """

    text: str
    title: str | None = None
    metadata_date: date | None = None
    created_date: date | None = None


def join_paragraphs(paragraphs: list[str]) -> str:
    """Join paragraphs with blank lines (sentence splitting treats a blank line as a boundary)."""
    cleaned = (" ".join(p.split()) for p in paragraphs)
    return "\n\n".join(p for p in cleaned if p)
