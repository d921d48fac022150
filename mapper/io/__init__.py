"""Reading incident files back: our GeoJSON (or an analyst's edit of it) and ACLED CSV exports.

``read(path)`` picks the reader from the file's extension and returns a
:class:`~mapper.model.Report`. Malformed input raises
:class:`~mapper.errors.InputDataError` naming the feature or row.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import InputDataError
from ..model import Report

__all__ = ["read"]


def read(path: str | Path) -> Report:
    """Read an incident file (``.geojson``/``.json`` or ACLED-style ``.csv``) into a Report."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in {".geojson", ".json"}:
        from .geojson import read_geojson

        return read_geojson(path)
    if suffix in {".csv", ".tsv"}:
        from .acled import read_acled_csv

        return read_acled_csv(path)
    raise InputDataError(f"{path}: unknown incident file type {suffix!r} (use .geojson or .csv)")
