"""Adding places and importing files into the analyst's part of the gazetteer."""
from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
from pathlib import Path

from ..errors import GazetteerDataError
from ..files import write_atomic
from .names import slug
from .sources import CSV_COLUMNS, PLACE_TYPES, data_dir, read_geonames_dump, read_places_csv

__all__ = ["add_place", "import_file", "check_import", "additions_path"]


def additions_path(root: Path | None = None) -> Path:
    return Path(root or data_dir()) / "gazetteer" / "additions.csv"


def add_place(name: str, lat: float, lon: float, country: str, *, place_type: str = "locality",
              source: str = "added by analyst", precision: int = 1, admin1: str | None = None,
              note: str | None = None, root: Path | None = None) -> str:
    """Append a place to ``additions.csv`` (kept across index rebuilds); return its id.

    Raises
    ------
    GazetteerDataError
        For coordinates out of range, a bad country code or place type.
    """
    if not name.strip():
        raise GazetteerDataError("a place needs a name")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise GazetteerDataError(f"coordinates {lat!r}, {lon!r} are out of range")
    cc = country.strip().upper()
    if len(cc) != 2 or not cc.isalpha():
        raise GazetteerDataError(f"country {country!r} is not an ISO 3166 alpha-2 code (e.g. ML)")
    if place_type not in PLACE_TYPES:
        raise GazetteerDataError(f"place type {place_type!r} is not one of "
                                 f"{', '.join(sorted(PLACE_TYPES))}")
    path = additions_path(root)
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    if existing:
        read_places_csv(path)  # refuse to append to a file that is already broken
    gid = f"additions:{slug(name)}-{cc.lower()}"
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    if not existing:
        w.writerow(CSV_COLUMNS)
    elif not existing.endswith("\n"):
        buf.write("\n")
    w.writerow([gid, name.strip(), "", place_type, cc, admin1 or "", f"{lat:.6f}", f"{lon:.6f}",
                precision, "", source, note or ""])
    write_atomic(path, existing + buf.getvalue())
    return gid


def check_import(src: Path) -> int:
    """Read a file :func:`import_file` would take and return its number of records.

    Raises
    ------
    GazetteerDataError
        When the file is missing or has a bad line (the message names file and line).
    """
    src = Path(src)
    if not src.is_file():
        raise GazetteerDataError(f"{src}: no such file")
    if src.suffix.lower() == ".csv":
        return len(read_places_csv(src, source="imported"))
    return len(read_geonames_dump(src))


def import_file(src: Path, root: Path | None = None) -> tuple[Path, int]:
    """Validate a GeoNames country dump or a places CSV and copy it into ``imported/``.

    Returns the stored path and its number of records. The index is rebuilt on next use.
    """
    src = Path(src)
    n = check_import(src)
    dest = Path(root or data_dir()) / "gazetteer" / "imported" / src.name
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.", suffix=".tmp")
    os.close(fd)
    try:
        shutil.copyfile(src, tmp)
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return dest, n
