"""Incidents as a CSV in ACLED's column order, followed by mapper's own fields.

The first 31 columns are ACLED's (:data:`mapper.acled.ACLED_COLUMNS`), blank
where a report gives nothing; then every other Incident field under its own
name. ``mapper.io.read`` reads the file back with the same mapping:

========================  =====================================
ACLED column              Incident field
========================  =====================================
event_id_cnty             event_id
year                      the year of event_date (derived)
disorder_type             from event_type (:data:`DISORDER_TYPE`)
civilian_targeting        "Civilians targeted" for Violence against civilians
iso                       ISO 3166 numeric of country_code (pycountry)
same name                 event_date, time_precision, event_type, sub_event_type,
                          actor1, assoc_actor_1, actor2, country, admin1, location,
                          latitude, longitude, geo_precision, source, notes, fatalities
========================  =====================================

Blank means null: ``fatalities`` is blank, not 0, when no figure is reported.
Booleans are written ``true``/``false``. The file is UTF-8 with a byte order
mark so spreadsheet programs show accents right.
"""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from ..acled import ACLED_COLUMNS, DISORDER_TYPE
from ..model import INCIDENT_FIELDS, Incident, Report

__all__ = ["CSV_COLUMNS", "EXTRA_COLUMNS", "incident_row", "write_incidents_csv"]

#: ACLED column -> the Incident field it carries unchanged
SAME = {c: c for c in ("event_date", "time_precision", "event_type", "sub_event_type", "actor1",
                       "assoc_actor_1", "actor2", "country", "admin1", "location", "latitude",
                       "longitude", "geo_precision", "source", "notes", "fatalities")}
SAME["event_id_cnty"] = "event_id"

_FIRST_EXTRAS = ("country_code", "suspected", "victims", "victim_count", "quote", "published",
                 "confidence", "route_ids")
#: mapper's fields after ACLED's 31, every Incident field ACLED has no column for
EXTRA_COLUMNS = _FIRST_EXTRAS + tuple(
    f for f in INCIDENT_FIELDS if f not in SAME.values() and f not in _FIRST_EXTRAS)
CSV_COLUMNS = ACLED_COLUMNS + EXTRA_COLUMNS


def _iso_numeric(country_code: str | None) -> int | None:
    if not country_code:
        return None
    import pycountry

    found = pycountry.countries.get(alpha_2=country_code.upper())
    return int(found.numeric) if found is not None else None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def incident_row(inc: Incident) -> dict[str, str]:
    """One CSV row (column -> text) for an incident; blank where unknown."""
    row = {c: "" for c in CSV_COLUMNS}
    for column, name in SAME.items():
        row[column] = _text(getattr(inc, name))
    for name in EXTRA_COLUMNS:
        row[name] = _text(getattr(inc, name))
    if inc.event_date:
        row["year"] = inc.event_date[:4]
    row["disorder_type"] = DISORDER_TYPE.get(inc.event_type, "")
    if inc.event_type == "Violence against civilians":
        row["civilian_targeting"] = "Civilians targeted"
    row["iso"] = _text(_iso_numeric(inc.country_code))
    return row


def write_incidents_csv(report: Report, path: Path) -> Path:
    """Write the report's incidents to ``path`` (UTF-8 with BOM, minimal quoting)."""
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(CSV_COLUMNS), quoting=csv.QUOTE_MINIMAL,
                                lineterminator="\r\n")
        writer.writeheader()
        for inc in report.incidents:
            writer.writerow(incident_row(inc))
    return path
