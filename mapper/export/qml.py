"""QGIS layer styles (QML) for the three export layers, built as XML here.

QML has no formal specification; the elements below are the ones QGIS 3.x
reads for a categorised or single-symbol renderer and simple labels (checked by
opening the exports in QGIS 3.22, see ``tests/qgis``):

- ``incidents``: categorised on ``event_type``, one circle per type present,
  coloured as on the HTML map (:func:`mapper.style.event_styles`);
- ``routes``: categorised on ``status``, colours from
  :data:`mapper.style.ROUTE_COLOURS`, blockaded routes drawn dashed;
- ``places``: a small neutral circle, labelled with the ``name`` field.

Symbol properties are written as ``<Option type="Map">`` children, which QGIS
reads from 3.10 on.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable

from ..model import EVENT_TYPES

__all__ = ["incidents_qml", "routes_qml", "places_qml", "layer_qml", "STATUS_ORDER"]

QGIS_VERSION = "3.22.0"
STATUS_ORDER = ("blockaded", "disrupted", "open")
_DOCTYPE = "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
# line style per route status: (style, width in mm)
_ROUTE_LINE = {"blockaded": ("dash", 1.2), "disrupted": ("dot", 1.0), "open": ("solid", 0.6)}
_NO_SCALE = "3x:0,0,0,0,0,0"


def rgba(colour: str, alpha: int = 255) -> str:
    """``#rrggbb`` (or ``#rgb``) as the ``r,g,b,a`` text QGIS stores.

    Examples
    --------
    >>> rgba("#c0392b")
    '192,57,43,255'
    """
    text = colour.strip().lstrip("#")
    if len(text) == 3:
        text = "".join(ch * 2 for ch in text)
    if len(text) != 6:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    r, g, b = (int(text[i:i + 2], 16) for i in (0, 2, 4))
    return f"{r},{g},{b},{alpha}"


def _options(parent: ET.Element, values: dict[str, str]) -> None:
    box = ET.SubElement(parent, "Option", type="Map")
    for name, value in values.items():
        ET.SubElement(box, "Option", name=name, type="QString", value=str(value))


def _symbol(parent: ET.Element, name: str, kind: str, layer_class: str,
            props: dict[str, str]) -> None:
    sym = ET.SubElement(parent, "symbol", name=name, type=kind, alpha="1",
                        clip_to_extent="1", force_rhr="0")
    layer = ET.SubElement(sym, "layer", {"class": layer_class, "enabled": "1",
                                         "locked": "0", "pass": "0"})
    _options(layer, props)


def _marker(parent: ET.Element, name: str, colour: str, size: float) -> None:
    _symbol(parent, name, "marker", "SimpleMarker", {
        "name": "circle", "color": rgba(colour), "size": f"{size:g}", "size_unit": "MM",
        "outline_color": "255,255,255,255", "outline_style": "solid",
        "outline_width": "0.3", "outline_width_unit": "MM", "scale_method": "diameter",
        "angle": "0", "offset": "0,0", "offset_unit": "MM", "joinstyle": "bevel",
        "size_map_unit_scale": _NO_SCALE, "offset_map_unit_scale": _NO_SCALE,
    })


def _line(parent: ET.Element, name: str, colour: str, style: str, width: float) -> None:
    _symbol(parent, name, "line", "SimpleLine", {
        "line_color": rgba(colour), "line_style": style, "line_width": f"{width:g}",
        "line_width_unit": "MM", "capstyle": "round", "joinstyle": "round",
        "use_custom_dash": "0", "offset": "0", "offset_unit": "MM",
        "width_map_unit_scale": _NO_SCALE, "offset_map_unit_scale": _NO_SCALE,
    })


def _root(labels: bool) -> ET.Element:
    return ET.Element("qgis", version=QGIS_VERSION, styleCategories="Symbology|Labeling",
                      labelsEnabled="1" if labels else "0")


def _categorised(root: ET.Element, attr: str,
                 categories: list[tuple[str, str]]) -> ET.Element:
    renderer = ET.SubElement(root, "renderer-v2", type="categorizedSymbol", attr=attr,
                             symbollevels="0", forceraster="0", enableorderby="0")
    cats = ET.SubElement(renderer, "categories")
    for i, (value, label) in enumerate(categories):
        ET.SubElement(cats, "category", value=value, label=label, symbol=str(i), render="true")
    return ET.SubElement(renderer, "symbols")


def _serialise(root: ET.Element) -> str:
    ET.indent(root, space=" ")
    return _DOCTYPE + ET.tostring(root, encoding="unicode") + "\n"


def incidents_qml(event_types: Iterable[str] | None = None) -> str:
    """QML categorising incidents by ``event_type``, one category per type given.

    ``event_types`` defaults to all six ACLED types; categories keep ACLED's order.
    """
    from ..style import event_styles

    styles = event_styles()
    wanted = set(EVENT_TYPES if event_types is None else event_types)
    order = [t for t in styles if t in wanted] + sorted(wanted - set(styles))
    root = _root(labels=False)
    symbols = _categorised(root, "event_type",
                           [(t, styles.get(t, {}).get("label", t)) for t in order])
    for i, t in enumerate(order):
        _marker(symbols, str(i), styles.get(t, {}).get("colour", "#555555"), 3.2)
    return _serialise(root)


def routes_qml(statuses: Iterable[str] | None = None) -> str:
    """QML categorising routes by ``status``; blockaded red and dashed.

    ``statuses`` defaults to ``blockaded``, ``disrupted`` and ``open``.
    """
    from ..style import ROUTE_COLOURS

    wanted = set(STATUS_ORDER if statuses is None else statuses)
    order = [s for s in STATUS_ORDER if s in wanted] + sorted(wanted - set(STATUS_ORDER))
    root = _root(labels=False)
    symbols = _categorised(root, "status", [(s, s.capitalize()) for s in order])
    for i, status in enumerate(order):
        style, width = _ROUTE_LINE.get(status, ("solid", 0.6))
        _line(symbols, str(i), ROUTE_COLOURS.get(status, "#555555"), style, width)
    return _serialise(root)


def places_qml(label_field: str = "name") -> str:
    """QML drawing places as small grey circles labelled with ``label_field``."""
    root = _root(labels=True)
    renderer = ET.SubElement(root, "renderer-v2", type="singleSymbol", symbollevels="0",
                             forceraster="0", enableorderby="0")
    symbols = ET.SubElement(renderer, "symbols")
    _marker(symbols, "0", "#34495e", 2.0)
    labeling = ET.SubElement(root, "labeling", type="simple")
    settings = ET.SubElement(labeling, "settings", calloutType="simple")
    text = ET.SubElement(settings, "text-style", {
        "fieldName": label_field, "isExpression": "0", "fontSize": "9",
        "fontSizeUnit": "Point", "textColor": "33,33,33,255", "textOpacity": "1",
        "fontFamily": "Sans Serif", "namedStyle": "Regular", "fontWeight": "50",
        "fontItalic": "0", "blendMode": "0", "multilineHeight": "1"})
    ET.SubElement(text, "text-buffer", {
        "bufferDraw": "1", "bufferSize": "0.8", "bufferSizeUnits": "MM",
        "bufferColor": "255,255,255,255", "bufferOpacity": "0.9", "bufferNoFill": "1",
        "bufferJoinStyle": "128", "bufferBlendMode": "0"})
    ET.SubElement(settings, "placement", {
        "placement": "6", "dist": "1", "distUnits": "MM", "priority": "5",
        "predefinedPositionOrder": "TR,TL,BR,BL,R,L,TSR,BSR", "quadOffset": "4"})
    ET.SubElement(settings, "rendering", {
        "drawLabels": "1", "obstacle": "1", "obstacleFactor": "1", "displayAll": "0",
        "scaleVisibility": "0", "upsidedownLabels": "0", "labelPerPart": "0"})
    return _serialise(root)


def layer_qml(layer: str, values: Iterable[str] | None = None) -> str:
    """The QML of export layer ``layer`` (``incidents``, ``places``, ``routes``).

    ``values`` are the event types (incidents) present; routes always get all statuses
    so a route edited from blockaded to open keeps a style.
    """
    if layer == "incidents":
        return incidents_qml(values)
    if layer == "routes":
        return routes_qml(set(STATUS_ORDER) | set(values or ()))
    if layer == "places":
        return places_qml()
    raise ValueError(f"no style for layer {layer!r}")
