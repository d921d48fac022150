"""The GeoPackage export: three layers, typed fields, and their QGIS styles as defaults.

Layers are written through pyogrio's low-level writer so each field gets the
GDAL type it should have: ``event_date``/``published`` a DATE (from
``datetime64[D]`` arrays), counts and precision codes 32-bit integers with
nulls kept null, ``suspected`` a boolean. The file is GeoPackage 1.2 so older
QGIS (GDAL < 3.7) opens it without a warning.

The styles go into the ``layer_styles`` table QGIS itself uses, one default
row per layer (``f_table_schema`` the empty string, ``f_geometry_column``
``geom``, ``useAsDefault`` true), so QGIS draws the layers styled on opening.
"""
from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

from .tables import Field, Rows, geometry_type, layer_fields

__all__ = ["write_gpkg", "GEOMETRY_COLUMN"]

GEOMETRY_COLUMN = "geom"
_OPTIONS = {"VERSION": "1.2"}


def _column(field: Field, values: list[Any]):
    """(numpy array, mask or None) for one field."""
    import numpy as np

    missing = np.array([v is None for v in values], dtype=bool)
    if field.type == "date":
        arr = np.array([v if v is not None else "NaT" for v in values], dtype="datetime64[D]")
        return arr, None
    if field.type == "int":
        return np.array([0 if v is None else int(v) for v in values], dtype="int32"), missing
    if field.type == "bool":
        return np.array([bool(v) for v in values], dtype=bool), missing
    if field.type == "float":
        return np.array([np.nan if v is None else float(v) for v in values], dtype="float64"), None
    return np.array([None if v is None else str(v) for v in values], dtype=object), None


def _write_layer(path: Path, layer: str, kind: str, rows: Rows) -> None:
    import numpy as np
    import shapely
    from pyogrio.raw import write

    fields = layer_fields(kind)
    geoms = np.array([shapely.geometry.shape(g) for _, g in rows] or [], dtype=object)
    data, masks = [], []
    for f in fields:
        arr, mask = _column(f, [props[f.name] for props, _ in rows])
        data.append(arr)
        masks.append(mask)
    write(str(path), shapely.to_wkb(geoms) if len(geoms) else np.array([], dtype=object),
          data, [f.name for f in fields], field_mask=masks, layer=layer, driver="GPKG",
          geometry_type=geometry_type(kind), crs="EPSG:4326", encoding="UTF-8",
          dataset_options=_OPTIONS, promote_to_multi=False)


def _write_styles(path: Path, styles: dict[str, str]) -> None:
    """Add QGIS's ``layer_styles`` table with one default style row per layer."""
    import pandas as pd
    from pyogrio import write_dataframe

    now = _dt.datetime.now(_dt.timezone.utc).replace(tzinfo=None, microsecond=0)
    rows = [{
        "f_table_catalog": "", "f_table_schema": "", "f_table_name": layer,
        "f_geometry_column": GEOMETRY_COLUMN, "styleName": layer[:30], "styleQML": qml,
        "styleSLD": "", "useAsDefault": True, "description": f"mapper default style for {layer}",
        "owner": "", "ui": None, "update_time": now,
    } for layer, qml in styles.items()]
    frame = pd.DataFrame(rows)
    frame["update_time"] = pd.to_datetime(frame["update_time"])
    write_dataframe(frame, str(path), layer="layer_styles", driver="GPKG",
                    layer_options={"FID": "id"})


def write_gpkg(path: Path, layers: dict[str, tuple[str, Rows]],
               styles: dict[str, str]) -> Path:
    """Write ``layers`` (export name -> (kind, rows)) and their ``styles`` (name -> QML)."""
    for layer, (kind, rows) in layers.items():
        _write_layer(path, layer, kind, rows)
    _write_styles(path, styles)
    return path
