"""Regenerate the ingest fixtures under tests/data/ingest/ from the sample article.

Run from the repository root: ``.venv/bin/python tests/data/make_fixtures.py``.
Needs only the app's own dependencies (python-docx and pypdf); the PDF is written by
hand so that no PDF library decides its layout. Every output stays well under 60 KB.
"""

from __future__ import annotations

import io
import textwrap
import zipfile
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "russia-us-syria-2017-09-26.txt"
OUT = Path(__file__).resolve().parent / "ingest"
BROKEN = OUT / "broken"
PUBLISHED = datetime(2017, 9, 26, 10, 45)


def seed() -> tuple[str, list[str]]:
    """The sample article's headline and paragraphs."""
    blocks = [b.strip() for b in SEED.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    return blocks[0], blocks[1:]


def make_html(title: str, paragraphs: list[str]) -> str:
    body = "\n".join(f"      <p>{escape(p)}</p>" for p in paragraphs)
    related = "\n".join(
        f'        <li><a href="/a/{i}.html">{escape(t)}</a></li>'
        for i, t in enumerate([
            "Kremlin Says Putin, Trump May Meet At APEC Summit In Vietnam",
            "Iraqi Kurds Vote In Independence Referendum Despite Warnings",
            "Watch: Ten Pictures Of The Week From Around The Region",
        ])
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{escape(title)} | Example News</title>
  <meta property="og:title" content="{escape(title)}">
  <meta property="article:published_time" content="2017-09-26T10:45:00+00:00">
  <meta property="article:modified_time" content="2017-09-27T08:00:00+00:00">
  <link rel="stylesheet" href="https://static.example.invalid/site.css">
  <script src="https://static.example.invalid/tracker.js"></script>
</head>
<body>
  <div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience on our site.
    By continuing to browse you agree to our cookie policy. <button>Accept all cookies</button></div>
  <header><nav class="main-nav"><ul>
    <li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li>
    <li><a href="/video">Video</a></li><li><a href="/subscribe">Subscribe to our newsletter</a></li>
  </ul></nav></header>
  <main>
    <article>
      <h1>{escape(title)}</h1>
      <p class="byline">By Example News staff</p>
      <img src="https://img.example.invalid/deir-al-zor.jpg" alt="Deir al-Zor">
{body}
    </article>
    <aside class="related-stories">
      <h2>Related stories</h2>
      <ul>
{related}
      </ul>
    </aside>
  </main>
  <footer class="site-footer">
    <p>Copyright 2017 Example News. All rights reserved.</p>
    <p><a href="/privacy">Privacy policy</a> | <a href="/terms">Terms of use</a> | <a href="/contact">Contact us</a></p>
  </footer>
</body>
</html>
"""


def _pdf_string(line: str) -> str:
    return "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def make_pdf(title: str, paragraphs: list[str], per_page: int = 58) -> bytes:
    """A plain PDF 1.4: Helvetica 10 pt, one text object per page, an Info dictionary with title and date."""
    lines: list[str] = [title, ""]
    for p in paragraphs:
        lines.extend(textwrap.wrap(p, 95))
        lines.append("")
    pages = [lines[i:i + per_page] for i in range(0, len(lines), per_page)]
    n = len(pages)
    # objects: 1 catalog, 2 pages, 3 font, 4 info, then (page, content) pairs
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        4: (f"<< /Title {_pdf_string(title)} /Producer (make_fixtures.py) "
            f"/CreationDate (D:{PUBLISHED:%Y%m%d%H%M%S}Z) >>").encode("cp1252"),
    }
    kids = []
    for i, page in enumerate(pages):
        page_id, content_id = 5 + 2 * i, 6 + 2 * i
        kids.append(f"{page_id} 0 R")
        ops = ["BT", "/F1 10 Tf", "12 TL", "50 800 Td"]
        ops += [f"{_pdf_string(line)} Tj T*" if line else "T*" for line in page]
        ops.append("ET")
        stream = "\n".join(ops).encode("cp1252")
        objects[content_id] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
        objects[page_id] = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {content_id} 0 R >>").encode()
    objects[2] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {n} >>".encode()
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objects):
        offsets[num] = out.tell()
        out.write(b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n")
    xref = out.tell()
    size = max(objects) + 1
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
    for num in range(1, size):
        out.write(b"%010d 00000 n \n" % offsets[num])
    out.write(b"trailer\n<< /Size %d /Root 1 0 R /Info 4 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref))
    return out.getvalue()


def make_docx(title: str, paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(title, level=0)  # level 0 is the "Title" style
    for p in paragraphs:
        document.add_paragraph(p)
    props = document.core_properties
    props.title = title
    props.author = "Example News"
    props.created = props.modified = PUBLISHED
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_eml(title: str, paragraphs: list[str]) -> bytes:
    message = EmailMessage()
    message["From"] = "Newsletter <news@example.invalid>"
    message["To"] = "reader@example.invalid"
    message["Subject"] = title
    message["Date"] = format_datetime(PUBLISHED.replace(hour=14, minute=3))
    message["Message-ID"] = "<fixture-1@example.invalid>"
    message.set_content("\n\n".join(textwrap.fill(p, 76) for p in paragraphs) + "\n")
    message.add_alternative("<html><body>" + "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
                            + "</body></html>", subtype="html")
    return bytes(message)


def make_attachments_only_eml() -> bytes:
    message = EmailMessage()
    message["From"] = "Colleague <colleague@example.invalid>"
    message["To"] = "reader@example.invalid"
    message["Subject"] = "Fwd: the article"
    message["Date"] = format_datetime(PUBLISHED)
    message.make_mixed()
    message.add_attachment(b"%PDF-1.4\n% not a real attachment\n", maintype="application", subtype="pdf",
                           filename="article.pdf")
    return bytes(message)


def make_cp1252_text() -> bytes:
    text = (
        "Café talks in Geneva end without a deal\r\n\r\n"
        "GENEVA, Sept. 27 (Reuters) \u2013 Delegates met at the Café du Léman on September 26, 2017 and "
        "called the proposal \u201cunhelpful\u201d \u2014 the envoy\u2019s words \u2013 before leaving.\r\n\r\n"
        "Talks resume on October 10, 2017, the Swiss foreign ministry said (\u00a9 Reuters).\r\n"
    )
    return text.encode("cp1252")


def make_zip_bomb() -> bytes:
    """A .docx-shaped zip whose document part inflates from a few hundred bytes to 300 MB."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_BZIP2) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(300):
                part.write(chunk)
    return out.getvalue()


def make_encrypted_pdf(plain: bytes) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(plain)))
    writer.encrypt(user_password="secret", owner_password="owner-secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def main() -> None:
    OUT.mkdir(exist_ok=True)
    BROKEN.mkdir(exist_ok=True)
    title, paragraphs = seed()
    body = paragraphs[1:]  # the first block is a photo caption
    pdf = make_pdf(title, body)
    files = {
        OUT / "article.html": make_html(title, paragraphs).encode("utf-8"),
        OUT / "article.pdf": pdf,
        OUT / "article.docx": make_docx(title, body),
        OUT / "article.eml": make_eml(title, body),
        OUT / "cp1252.txt": make_cp1252_text(),
        BROKEN / "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        BROKEN / "empty.txt": b"",
        BROKEN / "truncated.pdf": pdf[: len(pdf) // 2],
        BROKEN / "encrypted.pdf": make_encrypted_pdf(pdf),
        BROKEN / "notazip.docx": b"This is a plain text file that someone renamed to .docx.\n",
        BROKEN / "zipbomb.docx": make_zip_bomb(),
        BROKEN / "attachments-only.eml": make_attachments_only_eml(),
        BROKEN / "bad-bytes.txt": ("Caf\u00e9 society in M\u00fcnchen: ".encode()
                                   + b"the \xff\xfe\x81 bytes here are not text at all.\n"),
        BROKEN / "malformed.html": b"<html><<head><title>\n<body><div class=<<nav>><a href=\"/\"></a></div>"
                                   b"<scr<ipt>>>\n<<</p",
        BROKEN / "unsupported.xyz": b"Some text in a file type the app does not read.\n",
    }
    for path, data in files.items():
        path.write_bytes(data)
        print(f"{path.relative_to(ROOT)}: {len(data)} bytes")


if __name__ == "__main__":
    main()
