"""Find a document's publication date in its text: a dateline or byline first, then the dates it reports.

Recognition is ours (regular expressions over English news conventions); turning a
free-form metadata string into a date may use dateparser.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta

logger = logging.getLogger(__name__)

# Month spellings as they appear in English news copy (full, abbreviated, "Sept.").
_MONTH_NUMBERS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG"
          r"|SEPT?|OCT|NOV|DEC)\.?")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# Full dates: "March 22, 2013", "22 March 2013", "2013-03-22" (numeric d/m orders are ambiguous: not used).
_FULL_DATES = (
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)(?![\d-])"),
)
# A day and month without a year, as wire datelines write them: "Sept. 26", "26 September".
_YEARLESS_DATES = (
    re.compile(rf"^{_MONTH}\s+{_DAY}$"),
    re.compile(rf"^{_DAY}\s+{_MONTH}$"),
)
# "Published 9:14 AM EDT, Fri March 22, 2013", "Date: 22 March 2013", "Updated: 2013-03-22".
_LABELLED = re.compile(
    r"^\W*(?P<label>first\s+published|published|posted|last\s+updated|updated|last\s+modified|dated?|released"
    r"|issued)\b(?:\s+(?:on|at))?\s*[:\-–—|]?\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
# A wire dateline: "MOSCOW, Sept. 26 (Reuters) -", "BEIRUT, Lebanon, September 26, 2017 —".
_WIRE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]*[A-Z.])(?:,\s*[A-Z][A-Za-z.'’ -]*?)*,\s*(?P<date>[A-Za-z0-9., ]{4,30}?)"
    r"\s*(?:\((?P<agency>[^()]{2,40})\))?\s*(?:[-–—:]|$)"
)
_BYLINE = re.compile(r"^\W*by\s+\S", re.IGNORECASE)
_TIME_WORDS = re.compile(
    r"\b(?:\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?|[ap]\.?m\.?|[A-Z]{2,4}T|GMT|UTC|BST|Mon|Tue|Wed|Thu|Fri|Sat|Sun"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|at|on|updated|published)\b\.?",
    re.IGNORECASE,
)

DATELINE_LINES = 8  # how many non-empty lines from the top may hold a dateline or byline
DATELINE_CHARS = 1500


def _make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_of(token: str) -> int:
    if token.isdigit():
        return int(token)
    key = token.lower().rstrip(".")
    return _MONTH_NUMBERS.get(key, _MONTH_NUMBERS.get(key[:3], 0))


def find_full_dates(text: str) -> Iterator[tuple[int, date]]:
    """Yield (offset, date) for every full calendar date with a year written in the text."""
    for pattern in _FULL_DATES:
        for m in pattern.finditer(text):
            d = _make_date(int(m["year"]), _month_of(m["mon"]), int(m["day"]))
            if d is not None:
                yield m.start(), d


def _first_full_date(text: str) -> date | None:
    found = sorted(find_full_dates(text))
    return found[0][1] if found else None


def _yearless(text: str) -> tuple[int, int] | None:
    text = " ".join(text.replace(",", " ").split())
    for pattern in _YEARLESS_DATES:
        m = pattern.match(text)
        if m:
            month, day = _month_of(m["mon"]), int(m["day"])
            if _make_date(2000, month, day):  # 2000 is a leap year: 29 February passes
                return month, day
    return None


def resolve_yearless(month: int, day: int, text: str, file_date: date) -> date | None:
    """Give a year to a dateline that has none ("MOSCOW, Sept. 26 (Reuters)").

    The evidence, best first: the full dates the article itself reports. The dateline
    takes the year that puts it closest to the latest of them (not after the file's
    date): an article reports days around its own, so a "Jan. 2" dateline beside
    "December 30, 2016" is 2017, and one beside a schedule for next month stays in the
    same year. Without such dates, the year of the file's modification time, or the
    year before when that would put the dateline after the file was saved.
    """
    reported = [d for _, d in find_full_dates(text) if d <= file_date]
    if reported:
        latest = max(reported)
        candidates = [d for year in (latest.year - 1, latest.year, latest.year + 1)
                      if (d := _make_date(year, month, day) or _make_date(year, month, 28)) and d <= file_date]
        if candidates:
            return min(candidates, key=lambda d: abs((d - latest).days))
    candidate = _make_date(file_date.year, month, day) or _make_date(file_date.year, month, 28)
    if candidate and candidate > file_date:
        candidate = _make_date(file_date.year - 1, month, day) or _make_date(file_date.year - 1, month, 28)
    return candidate


def _head_lines(text: str) -> list[str]:
    lines = [line.strip() for line in text[:DATELINE_CHARS].splitlines() if line.strip()]
    return lines[:DATELINE_LINES]


def dateline_date(text: str, file_date: date) -> date | None:
    """The date of a dateline or byline in the first lines of an article, or None.

    Labelled dates ("Published …", "Date: …") come first, "published" before "updated";
    then a wire dateline ("MOSCOW, Sept. 26 (Reuters) -"); then a byline or a short line
    that is little more than a date ("By Jane Doe, March 22, 2013", "Tue 26 Sep 2017 12.31 BST").
    """
    lines = _head_lines(text)
    labelled: list[tuple[int, date]] = []
    for line in lines:
        m = _LABELLED.match(line)
        if not m:
            continue
        found = _first_full_date(m["rest"])
        if found is None:
            md = _yearless(_TIME_WORDS.sub(" ", m["rest"]))
            found = resolve_yearless(*md, text, file_date) if md else None
        if found:
            rank = 1 if "updated" in m["label"].lower() or "modified" in m["label"].lower() else 0
            labelled.append((rank, found))
    if labelled:
        return min(labelled, key=lambda item: item[0])[1]
    for line in lines:
        m = _WIRE.match(line)
        if not m or len(m["place"]) < 3:
            continue
        found = _first_full_date(m["date"])
        if found:
            return found
        md = _yearless(m["date"])
        if md:
            return resolve_yearless(*md, text, file_date)
    for line in lines:
        if len(line) > 100:
            continue
        found = _first_full_date(line)
        if found is None:
            continue
        if _BYLINE.match(line):
            return found
        residue = _TIME_WORDS.sub(" ", _strip_dates(line))
        if len(re.findall(r"[A-Za-z]{2,}", residue)) <= 1:
            return found
    return None


def _strip_dates(line: str) -> str:
    for pattern in _FULL_DATES:
        line = pattern.sub(" ", line)
    return line


_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([-_.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")


def filename_date(name: str, file_date: date) -> date | None:
    """A full date written in a file name ("report-2017-09-26.txt", "20170926_reuters.html"), not after the
    file was saved."""
    for m in _NAME_DATE.finditer(name):
        found = _make_date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        if found is not None and found <= file_date:
            return found
    return None


def latest_reported_date(text: str, file_date: date) -> date | None:
    """The latest full date (with a year) the text reports that is not after the file's date.

    Dates after the file was saved are schedules or typos, not the time of writing,
    so they are left out; a day's slack allows for time zones.
    """
    limit = file_date + timedelta(days=1)
    dates = [d for _, d in find_full_dates(text) if d <= limit]
    return max(dates) if dates else None


def parse_date_string(value: str) -> date | None:
    """Parse a date from a metadata value: ISO 8601 first, then a written date, then dateparser."""
    value = value.strip()
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    found = _first_full_date(value)
    if found:
        return found
    if not re.search(r"\d{4}", value):
        return None  # without a year dateparser would guess the current one
    import dateparser  # slow to import: only when a metadata value is in an unusual format

    try:
        parsed = dateparser.parse(value, settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False})
    except Exception:  # noqa: BLE001 - an unparsable metadata value is simply no evidence
        logger.debug("dateparser failed on %r", value, exc_info=True)
        return None
    return parsed.date() if parsed else None
