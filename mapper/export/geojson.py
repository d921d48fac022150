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

from .tables import Rows

__all__ = ["write_layer_geojson", "layer_collection"]


def layer_collection(rows: Rows, layer: str, meta: dict[str, Any] | None = None
                     ) -> dict[str, Any]:
    """The FeatureCollection of one layer; ``name`` gives QGIS the layer name.

    ``rows`` come from :func:`mapper.export.tables.layer_rows`; ``meta`` (source,
    published, title) goes into a ``mapper`` foreign member.
    """
    features = [{"type": "Feature", "geometry": geometry, "properties": props}
                for props, geometry in rows]
    out: dict[str, Any] = {"type": "FeatureCollection", "name": layer, "features": features}
    if meta:
        out["mapper"] = meta
    return out


def write_layer_geojson(rows: Rows, layer: str, path: Path,
                        meta: dict[str, Any] | None = None) -> Path:
    """Write one layer to ``path`` (the caller picks a staging path) and return it."""
    text = json.dumps(layer_collection(rows, layer, meta), ensure_ascii=False, indent=1,
                      allow_nan=False)
    path.write_text(text + "\n", encoding="utf-8")
    return path
