"""Reading ACLED-style CSV exports (and mapper's own CSV export) into a Report.

ACLED's standard columns are used by name, so a full 31-column ACLED export
and mapper's shorter layout (ACLED's columns we fill, then ``country_code,
suspected, victims, victim_count, quote, published, confidence, route_ids``)
both read. Types are parsed strictly: integers, booleans, ``YYYY-MM-DD`` or
ACLED's older date formats; an empty cell is ``None``. A malformed file raises
:class:`~mapper.errors.InputDataError` naming the file, line and column.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import logging
from pathlib import Path
from typing import Any

from ..errors import InputDataError
from ..model import EVENT_TYPES, Incident, Report

__all__ = ["read_acled_csv", "parse_date", "REQUIRED_COLUMNS"]

log = logging.getLogger(__name__)

REQUIRED_COLUMNS = ("event_date", "event_type", "latitude", "longitude")

_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%d-%m-%Y", "%d/%m/%Y", "%Y/%m/%d",
                 "%B %d, %Y", "%b %d, %Y", "%d-%b-%Y", "%d-%B-%Y")
_TRUE = {"true", "t", "yes", "y", "1"}
_FALSE = {"false", "f", "no", "n", "0"}
_TYPES = {t.casefold(): t for t in EVENT_TYPES}
# incident field -> ACLED column it is read from, when the names differ
_COLUMN = {"event_id": "event_id_cnty"}
_OPTIONAL_TEXT = ("actor1", "assoc_actor_1", "actor2", "admin1", "victims", "route_ids",
                  "published")
_TEXT = ("sub_event_type", "location", "country", "notes", "quote", "source")


class _RowError(ValueError):
    def __init__(self, column: str, message: str):
        super().__init__(message)
        self.column = column


def parse_date(text: str) -> str:
    """An ACLED date (``2025-05-16``, ``16 May 2025``, ``16-05-2025``...) as ``YYYY-MM-DD``.

    Examples
    --------
    >>> parse_date("16 May 2025"), parse_date("16-05-2025"), parse_date("2025-05-16")
    ('2025-05-16', '2025-05-16', '2025-05-16')
    """
    s = " ".join(text.split())
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(s, fmt).date().isoformat()
        except ValueError:
            continue
    raise ValueError(f"unreadable date {text!r} (use YYYY-MM-DD, e.g. 2025-11-07)")


def _cell(row: dict[str, Any], col: str) -> str | None:
    v = row.get(col)
    if v is None:
        return None
    v = v.strip()
    return v or None


def _int(row: dict[str, Any], col: str, lo: int | None = None, hi: int | None = None
         ) -> int | None:
    v = _cell(row, col)
    if v is None:
        return None
    try:
        f = float(v)
        if not f.is_integer():
            raise ValueError
        n = int(f)
    except ValueError:
        raise _RowError(col, f"{col} {v!r} is not a whole number") from None
    if (lo is not None and n < lo) or (hi is not None and n > hi):
        raise _RowError(col, f"{col} {n} is outside {lo}..{hi}")
    return n


def _float(row: dict[str, Any], col: str, lo: float, hi: float) -> float:
    v = _cell(row, col)
    if v is None:
        raise _RowError(col, f"{col} is empty")
    try:
        f = float(v)
    except ValueError:
        raise _RowError(col, f"{col} {v!r} is not a number") from None
    if not lo <= f <= hi or f != f:
        raise _RowError(col, f"{col} {f:g} is outside {lo:g}..{hi:g}")
    return f


def _bool(row: dict[str, Any], col: str) -> bool:
    v = _cell(row, col)
    if v is None:
        return False
    if v.casefold() in _TRUE:
        return True
    if v.casefold() in _FALSE:
        return False
    raise _RowError(col, f"{col} {v!r} is not true/false")


def _country_code(country: str | None) -> str:
    if not country:
        return ""
    try:
        import pycountry

        found = pycountry.countries.lookup(country)
        return found.alpha_2
    except (LookupError, ImportError):
        return ""


def _incident(row: dict[str, Any], line: int, default_id: str) -> Incident:
    etype_raw = _cell(row, "event_type")
    if etype_raw is None:
        raise _RowError("event_type", "event_type is empty")
    etype = _TYPES.get(etype_raw.casefold())
    if etype is None:
        raise _RowError("event_type", f"event_type {etype_raw!r} is not an ACLED event type "
                                      f"({', '.join(EVENT_TYPES)})")
    date_text = _cell(row, "event_date")
    try:
        event_date = parse_date(date_text) if date_text else None
    except ValueError as exc:
        raise _RowError("event_date", str(exc)) from None
    published = _cell(row, "published")
    if published:
        try:
            published = parse_date(published)
        except ValueError as exc:
            raise _RowError("published", str(exc)) from None
    conf = _cell(row, "confidence")
    confidence: float | None = None
    if conf is not None:
        confidence = _float(row, "confidence", 0.0, 1.0)
    values: dict[str, Any] = {
        "event_id": _cell(row, "event_id_cnty") or _cell(row, "event_id") or default_id,
        "event_type": etype,
        "latitude": _float(row, "latitude", -90.0, 90.0),
        "longitude": _float(row, "longitude", -180.0, 180.0),
        "event_date": event_date,
        "time_precision": _int(row, "time_precision", 1, 3) or 1,
        "geo_precision": _int(row, "geo_precision", 1, 3) or 1,
        "fatalities": _int(row, "fatalities", 0),
        "victim_count": _int(row, "victim_count", 0),
        "suspected": _bool(row, "suspected"),
        "confidence": confidence,
    }
    for f in _TEXT:
        values[f] = _cell(row, f) or ""
    for f in _OPTIONAL_TEXT:
        values[f] = _cell(row, f)
    values["published"] = published
    values["country_code"] = ((_cell(row, "country_code") or "").upper()
                              or _country_code(values["country"]))
    return Incident(**values)


def _delimiter(text: str, path: Path) -> str:
    """Tab for .tsv; else whichever of , ; TAB the header line uses most (commas win ties)."""
    if path.suffix.lower() == ".tsv":
        return "\t"
    header = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=lambda d: (header.count(d), d == ","))


def read_acled_csv(path: str | Path) -> Report:
    """Read an ACLED export or mapper CSV into a :class:`~mapper.model.Report` of incidents.

    Raises
    ------
    InputDataError
        Missing required column, or a row with a bad latitude/longitude, date,
        number, boolean or event type; the message names file, line and column.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputDataError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") \
            from None
    if not text.strip():
        raise InputDataError(f"{path}: the file is empty")
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=_delimiter(text, path))
    header = [(h or "").strip() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise InputDataError(f"{path}, line 1 (header): missing column"
                             f"{'s' if len(missing) > 1 else ''} {', '.join(missing)}")
    incidents = []
    start = 2
    for n, row in enumerate(reader, start=1):
        if not any((v or "").strip() for k, v in row.items() if k is not None):
            start = reader.line_num + 1
            continue
        if None in row:
            raise InputDataError(f"{path}, line {start}: more cells than columns in the header")
        try:
            incidents.append(_incident(row, start, f"{path.stem}-{n}"))
        except _RowError as exc:
            ident = _cell(row, "event_id_cnty")
            which = f" (event {ident})" if ident else ""
            raise InputDataError(f"{path}, line {start}{which}, column {exc.column}: {exc}") \
                from None
        start = reader.line_num + 1
    sources = list(dict.fromkeys(i.source for i in incidents if i.source))
    published = max((i.published for i in incidents if i.published), default=None)
    log.info("read %d incidents from %s", len(incidents), path)
    return Report(incidents=incidents, source=path.name if not sources else "; ".join(sources),
                  published=published)
