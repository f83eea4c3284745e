"""Zip-based documents (.docx, .odt): refuse damaged archives and zip bombs before any parser sees them.

zipfile stops reading a member at the size its directory entry declares (and fails the
CRC otherwise), so the declared sizes checked here bound what parsing can inflate.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path

from timeline_app.core.ingest.errors import IngestError

MAX_UNCOMPRESSED = 200 * 1024 * 1024  # all parts together, as the zip directory declares them
MAX_RATIO = 100  # uncompressed / compressed; real office files stay well under 20
MAX_MEMBERS = 5000

_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, OSError, ValueError, NotImplementedError, EOFError)


def checked_members(path: Path, raw: bytes, application: str) -> dict[str, zipfile.ZipInfo]:
    """The archive's members by name, once it is known to be a whole zip that would not inflate into a bomb.

    ``application`` names the program that re-saves a damaged file ("Word", "LibreOffice").
    """
    kind = path.suffix.lower()
    if not raw.startswith(b"PK\x03\x04"):
        raise IngestError(path, f"not a valid {kind} file (it is not a zip archive); "
                                f"open and re-save it in {application}")
    if not zipfile.is_zipfile(io.BytesIO(raw)):
        # The local header is there but the central directory at the end is not: a cut-off download or copy.
        raise IngestError(path, f"the {kind} archive is truncated or damaged; save or download it again")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            infos = archive.infolist()
    except _ZIP_ERRORS as exc:
        raise IngestError(path, f"the {kind} archive is damaged ({exc})") from None
    if len(infos) > MAX_MEMBERS:
        raise IngestError(path, f"refused: the {kind} holds {len(infos)} parts (a zip bomb?)")
    total = sum(info.file_size for info in infos)
    packed = max(1, sum(info.compress_size for info in infos))
    if total > MAX_UNCOMPRESSED or total / packed > MAX_RATIO:
        raise IngestError(path, f"refused: the {kind} would expand to {total // (1024 * 1024)} MB "
                                f"from {len(raw) // 1024} KB (a zip bomb?)")
    return {info.filename: info for info in infos}


def read_member(path: Path, raw: bytes, name: str, limit: int | None = None) -> bytes:
    """One member's bytes (at most ``limit`` of them); a damaged member raises IngestError."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive, archive.open(name) as member:
            return member.read(-1 if limit is None else limit)
    except KeyError:
        raise IngestError(path, f"the {path.suffix.lower()} archive has no {name}") from None
    except _ZIP_ERRORS as exc:
        raise IngestError(path, f"the {path.suffix.lower()} archive is damaged ({exc})") from None


def refuse_dtds(path: Path, raw: bytes, names: Iterable[str]) -> None:
    """Refuse XML parts that declare a DTD: office formats never do, so one can only serve entity tricks."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            for name in names:
                with archive.open(name) as part:
                    head = part.read(2048)
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    raise IngestError(path, f"refused: {name} declares a DTD or entities, "
                                            f"which {path.suffix.lower()} files never do")
    except _ZIP_ERRORS as exc:
        raise IngestError(path, f"the {path.suffix.lower()} archive is damaged ({exc})") from None
