"""One RFC 7946 GeoJSON file per layer, typed so that GDAL and QGIS read the fields right.

Written with the standard library rather than GDAL so that nothing is left to a
driver default: longitude/latitude order, no ``crs`` member, UTF-8 text,
integers as JSON integers (``null`` where unknown), dates as ``YYYY-MM-DD``
strings (GDAL reads them as Date fields), lists joined with ``"; "``.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..model import Report
from .tables import layer_rows

__all__ = ["write_layer_geojson", "layer_collection"]


def layer_collection(report: Report, layer: str, kind: str) -> dict[str, Any]:
    """The FeatureCollection of one layer; ``name`` gives QGIS the layer name."""
    features = [{"type": "Feature", "geometry": geometry, "properties": props}
                for props, geometry in layer_rows(report, kind)]
    out: dict[str, Any] = {"type": "FeatureCollection", "name": layer, "features": features}
    meta = {k: v for k, v in (("source", report.source), ("published", report.published),
                              ("title", report.title)) if v}
    if meta:
        out["mapper"] = meta
    return out


def write_layer_geojson(report: Report, layer: str, kind: str, path: Path) -> Path:
    """Write one layer to ``path`` (the caller picks a staging path) and return it."""
    text = json.dumps(layer_collection(report, layer, kind), ensure_ascii=False, indent=1,
                      allow_nan=False)
    path.write_text(text + "\n", encoding="utf-8")
    return path
