"""Bad input gives one clear error naming the file, and never stops the good files beside it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

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
