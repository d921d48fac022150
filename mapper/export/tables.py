"""The three export layers as typed columns: one place for field order and field types.

The GeoJSON and GeoPackage writers start from :func:`layer_rows`, so the
layers carry the same fields in the same order everywhere. Types follow
``shared/SCHEMA.md``: dates are ``YYYY-MM-DD`` strings here (each writer turns
them into its own date type), counts and precision codes are ints or ``None``,
never ``0`` by default, and a place's ``mentions`` list is joined with ``"; "``
because neither QGIS nor a GeoPackage keeps a list field intact.
"""
from __future__ import annotations

import dataclasses
from typing import Any

from ..model import Incident, Place, Report, Route

__all__ = ["LAYERS", "LIST_SEPARATOR", "Field", "Rows", "layer_fields", "layer_rows",
           "geometry_type"]

#: export layer name -> the model's ``kind``
LAYERS = {"incidents": "incident", "places": "place", "routes": "route"}

#: how list-valued properties (a place's ``mentions``) are joined into one string
LIST_SEPARATOR = "; "

#: fields that hold a calendar date (``YYYY-MM-DD``); ``since`` may be ``YYYY-MM``
#: and therefore stays a string
DATE_FIELDS = {"event_date", "published"}

_CLASSES = {"incident": Incident, "place": Place, "route": Route}
_GEOMETRY = {"incident": "Point", "place": "Point", "route": "LineString"}
# properties that live in the geometry, not in the attribute table
_SKIP = {"place": {"latitude", "longitude"}, "route": {"coordinates"}, "incident": set()}


@dataclasses.dataclass(frozen=True)
class Field:
    """One attribute column: its name and one of ``str int float bool date``."""

    name: str
    type: str


def _type_of(name: str, annotation: Any) -> str:
    """Map a dataclass annotation (a string under postponed evaluation) to a field type."""
    if name in DATE_FIELDS:
        return "date"
    text = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", "")
    for token in ("bool", "int", "float"):
        if text.split("|")[0].strip() == token:
            return token
    return "str"


def layer_fields(kind: str) -> list[Field]:
    """The attribute columns of one layer, ``kind`` first, in the model's field order.

    Examples
    --------
    >>> [f.type for f in layer_fields("incident") if f.name in ("fatalities", "event_date")]
    ['date', 'int']
    """
    cls = _CLASSES[kind]
    fields = [Field("kind", "str")]
    for f in dataclasses.fields(cls):
        if f.name in _SKIP[kind]:
            continue
        fields.append(Field(f.name, _type_of(f.name, f.type)))
    return fields


def geometry_type(kind: str) -> str:
    """``Point`` or ``LineString``: one geometry type per layer."""
    return _GEOMETRY[kind]


def _flatten(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(str(v) for v in value) if value else None
    return value


Rows = list[tuple[dict[str, Any], dict[str, Any]]]


def layer_rows(features: Report | list[dict[str, Any]], kind: str) -> Rows:
    """``(properties, geometry)`` per feature of one layer, lists joined, in field order.

    ``features`` is a Report or its ``features()`` list (pass the list when building
    several layers: converting a Report is the slow part). The geometry is the
    GeoJSON geometry mapping the model produces (lon/lat order).
    """
    if isinstance(features, Report):
        features = features.features()
    names = [f.name for f in layer_fields(kind)]
    out = []
    for feat in features:
        props = feat["properties"]
        if props.get("kind") != kind:
            continue
        row = {name: _flatten(props.get(name)) for name in names}
        out.append((row, feat["geometry"]))
    return out
