"""The publication date comes from the best evidence, and each document says which."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import pytest

from timeline_app.core.ingest import read_document
from timeline_app.core.ingest.pubdate import dateline_date, latest_reported_date, parse_date_string, resolve_yearless

SAVED = date(2030, 6, 1)  # a file date after every date in these texts


def _write(tmp_path: Path, text: str, mtime: datetime = datetime(2030, 6, 1, 12), name: str = "a.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    os.utime(path, (mtime.timestamp(), mtime.timestamp()))
    return path


@pytest.mark.parametrize(("head", "expected"), [
    ("Headline\n\nMOSCOW, Sept. 26, 2017 (Reuters) - Russia said", date(2017, 9, 26)),
    ("Headline\nPublished 9:14 AM EDT, Fri March 22, 2013\n\nBody.", date(2013, 3, 22)),
    ("Date: 22 March 2013\n\nBody.", date(2013, 3, 22)),
    ("Headline\nUpdated: 2013-03-22\n\nBody.", date(2013, 3, 22)),
    ("Headline\nUpdated: 2013-03-23\nPublished: March 20, 2013\n\nBody.", date(2013, 3, 20)),
    ("BEIRUT, Lebanon, September 26, 2017 — Body.", date(2017, 9, 26)),
    ("Headline\nBy Jane Doe, March 22, 2013\n\nBody.", date(2013, 3, 22)),
    ("Headline\nTue 26 Sep 2017 12.31 BST\n\nBody.", date(2017, 9, 26)),
])
def test_datelines_and_bylines(head, expected):
    assert dateline_date(head, SAVED) == expected


@pytest.mark.parametrize("text", [
    "Headline\n\nWASHINGTON (AP) — Officials said.",
    "Headline\n\nOfficials said on March 22, 2013 that the talks, which began last year, would go on for weeks.",
    "\n".join(["Line of text."] * 12) + "\nDate: 22 March 2013",  # too far down to be a dateline
])
def test_no_dateline(text):
    assert dateline_date(text, SAVED) is None


def test_yearless_dateline_takes_the_year_of_the_dates_reported():
    text = "MOSCOW, Sept. 27 (Reuters) - The talks of September 26, 2017 resume on October 10, 2017."
    assert dateline_date(text, SAVED) == date(2017, 9, 27)
    # Across a new year: a January dateline beside late-December events.
    assert resolve_yearless(1, 2, "It happened on December 30, 2016.", SAVED) == date(2017, 1, 2)


def test_yearless_dateline_without_dates_takes_the_file_year():
    assert resolve_yearless(9, 26, "No years here.", date(2025, 10, 1)) == date(2025, 9, 26)
    # A December dateline on a file saved in January is from the year before.
    assert resolve_yearless(12, 26, "No years here.", date(2025, 1, 5)) == date(2024, 12, 26)
    assert resolve_yearless(2, 29, "No years here.", date(2025, 3, 1)) == date(2025, 2, 28)


def test_latest_reported_date_ignores_dates_after_the_file():
    text = "Fighting began on March 3, 2011; talks on 5 April 2013 failed; elections are due 4 May 2031."
    assert latest_reported_date(text, SAVED) == date(2013, 4, 5)
    assert latest_reported_date("No dates at all, only May and 2013.", SAVED) is None


@pytest.mark.parametrize(("value", "expected"), [
    ("2017-09-26T10:45:00+00:00", date(2017, 9, 26)),
    ("2017-09-26T10:45:00Z", date(2017, 9, 26)),
    ("September 26, 2017", date(2017, 9, 26)),
    ("Tue, 26 Sep 2017 10:45:00 GMT", date(2017, 9, 26)),
    ("26.09.2017", date(2017, 9, 26)),
    ("yesterday", None),
    ("", None),
])
def test_parse_metadata_date_strings(value, expected):
    assert parse_date_string(value) == expected


def test_user_date_wins_over_everything(tmp_path):
    path = _write(tmp_path, "Headline\nDate: 22 March 2013\n\nBody.")
    doc = read_document(path, reference_date=date(2001, 1, 1))
    assert (doc.reference_date, doc.reference_source) == (date(2001, 1, 1), "user")


def test_dateline_source(tmp_path):
    doc = read_document(_write(tmp_path, "Headline\n\nMOSCOW, Sept. 26 (Reuters) - It began on September 20, 2017."))
    assert (doc.reference_date, doc.reference_source) == (date(2017, 9, 26), "dateline")


def test_text_source(tmp_path):
    doc = read_document(_write(tmp_path, "Headline\n\nThe war began on March 15, 2011. Talks failed on 5 April 2013."))
    assert (doc.reference_date, doc.reference_source) == (date(2013, 4, 5), "text")


def test_file_time_source(tmp_path):
    doc = read_document(_write(tmp_path, "Headline\n\nNo dates here.", mtime=datetime(2021, 2, 3, 12)))
    assert (doc.reference_date, doc.reference_source) == (date(2021, 2, 3), "file-time")


def test_seed_article_without_any_date_uses_the_file_time(tmp_path):
    seed = Path(__file__).resolve().parents[2] / "seeds" / "russia-us-syria-2017-09-26.txt"
    doc = read_document(_write(tmp_path, seed.read_text(encoding="utf-8"), mtime=datetime(2017, 9, 27, 8)))
    assert doc.title == "Russia, U.S. Allies Exchange Blame Over Deaths In Syria"
    assert (doc.reference_date, doc.reference_source) == (date(2017, 9, 27), "file-time")


def test_metadata_beats_a_dateline(tmp_path):
    page = tmp_path / "p.html"
    page.write_text('<html><head><meta property="article:published_time" content="2017-09-26"></head><body>'
                    "<article><p>MOSCOW, Sept. 20, 2017 (Reuters) - "
                    + "Officials met to discuss the ceasefire and the next round of talks. " * 4
                    + "</p></article></body></html>", encoding="utf-8")
    doc = read_document(page)
    assert (doc.reference_date, doc.reference_source) == (date(2017, 9, 26), "metadata")


def test_a_date_in_the_file_name_beats_the_file_time(tmp_path):
    path = tmp_path / "russia-us-syria-2017-09-26.txt"
    path.write_text("Russia denied the accusation on Monday.", encoding="utf-8")
    doc = read_document(path)
    assert (doc.reference_date, doc.reference_source) == (date(2017, 9, 26), "metadata")


def test_a_number_in_the_file_name_that_is_no_date_is_ignored(tmp_path):
    path = tmp_path / "report-20171399.txt"
    path.write_text("Russia denied the accusation on Monday.", encoding="utf-8")
    assert read_document(path).reference_source == "file-time"
