"""Exports for QGIS and spreadsheets: GeoJSON per layer, a styled GeoPackage, an ACLED-style CSV.

:func:`export` writes, into one directory,

- ``geojson``: ``incidents.geojson``, ``places.geojson``, ``routes.geojson``
  (RFC 7946) with ``incidents.qml``, ``places.qml``, ``routes.qml`` beside them,
  which QGIS applies when it opens the GeoJSON;
- ``gpkg``: ``mapper.gpkg`` with the layers ``incidents``, ``places``, ``routes`` and
  their styles as QGIS default styles;
- ``csv``: ``incidents.csv`` in ACLED's column order.

All outputs are built in a hidden staging directory inside the target and moved
into place only when every one of them has been written; on any error the
target is left as it was.

Examples
--------
>>> from mapper.model import Report
>>> sorted(FORMATS)
['csv', 'geojson', 'gpkg']
"""
from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..errors import ExportError, InputDataError, MapperError
from ..model import Report
from .tables import LAYERS, layer_rows

__all__ = ["export", "FORMATS", "parse_formats", "GPKG_NAME", "CSV_NAME"]

log = logging.getLogger(__name__)

FORMATS = ("geojson", "gpkg", "csv")
GPKG_NAME = "mapper.gpkg"
CSV_NAME = "incidents.csv"


def parse_formats(formats: str | Iterable[str] | None) -> tuple[str, ...]:
    """Normalise ``"geojson,gpkg"`` or a list into known format names, in canonical order.

    Examples
    --------
    >>> parse_formats("CSV, geojson")
    ('geojson', 'csv')
    """
    if formats is None:
        return FORMATS
    items = formats.split(",") if isinstance(formats, str) else list(formats)
    wanted = {str(f).strip().lower() for f in items if str(f).strip()}
    unknown = sorted(wanted - set(FORMATS))
    if unknown:
        raise ExportError(f"unknown export format {', '.join(unknown)!s} "
                          f"(choose from {', '.join(FORMATS)})")
    if not wanted:
        raise ExportError("no export format given")
    return tuple(f for f in FORMATS if f in wanted)


def _check(features: list[dict]) -> None:
    """Validate the report as its GeoJSON would be read back, before anything is written."""
    from ..io.geojson import parse_collection

    try:
        parse_collection({"type": "FeatureCollection", "features": features}, "report")
    except InputDataError as exc:
        raise ExportError(f"cannot export: {exc}") from None


def _styles(report: Report) -> dict[str, str]:
    from .qml import layer_qml

    present = {"incidents": [i.event_type for i in report.incidents],
               "routes": [r.status for r in report.routes], "places": []}
    return {layer: layer_qml(layer, present[layer]) for layer in LAYERS}


def _write_all(report: Report, features: list[dict], stage: Path,
               formats: tuple[str, ...]) -> list[str]:
    names: list[str] = []
    styles = _styles(report) if {"geojson", "gpkg"} & set(formats) else {}
    rows = {layer: (kind, layer_rows(features, kind)) for layer, kind in LAYERS.items()}
    if "geojson" in formats:
        from .geojson import write_layer_geojson

        meta = {k: v for k, v in (("source", report.source), ("published", report.published),
                                  ("title", report.title)) if v}
        for layer, (_, layer_rows_) in rows.items():
            write_layer_geojson(layer_rows_, layer, stage / f"{layer}.geojson", meta)
            (stage / f"{layer}.qml").write_text(styles[layer], encoding="utf-8")
            names += [f"{layer}.geojson", f"{layer}.qml"]
    if "gpkg" in formats:
        from .gpkg import write_gpkg

        write_gpkg(stage / GPKG_NAME, rows, styles)
        names.append(GPKG_NAME)
    if "csv" in formats:
        from .acled_csv import write_incidents_csv

        write_incidents_csv(report, stage / CSV_NAME)
        names.append(CSV_NAME)
    return names


def export(report: Report, to_dir: str | Path,
           formats: str | Iterable[str] | None = None) -> list[Path]:
    """Write ``report`` to ``to_dir`` in the given formats; return the files written.

    Parameters
    ----------
    report : Report
        Places, incidents and routes (from ``mapper.extract`` or ``mapper.io.read``).
    to_dir : str or Path
        Target directory, created if missing. Existing files of the same names are replaced.
    formats : str or iterable of str, optional
        Any of ``geojson``, ``gpkg``, ``csv`` (a comma-separated string works); all by default.

    Raises
    ------
    ExportError
        The report does not validate or a file cannot be written; nothing is left in ``to_dir``.
    """
    wanted = parse_formats(formats)
    features = report.features()
    _check(features)
    target = Path(to_dir)
    if target.exists() and not target.is_dir():
        raise ExportError(f"{target}: exists and is not a directory")
    created = not target.exists()
    try:
        target.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(prefix=".mapper-export-", dir=target))
    except OSError as exc:
        raise ExportError(f"cannot create {target}: {exc.strerror or exc}") from None
    try:
        names = _write_all(report, features, stage, wanted)
        for name in names:
            os.replace(stage / name, target / name)
    except Exception as exc:
        shutil.rmtree(stage, ignore_errors=True)
        if created:
            shutil.rmtree(target, ignore_errors=True)
        if isinstance(exc, MapperError):
            raise
        raise ExportError(f"cannot write export to {target}: {exc}") from exc
    shutil.rmtree(stage, ignore_errors=True)
    log.info("exported %d incidents, %d places, %d routes to %s (%s)", len(report.incidents),
             len(report.places), len(report.routes), target, ", ".join(wanted))
    return [target / name for name in names]
