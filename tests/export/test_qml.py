"""The QML styles, checked as XML against data/style/event_types.csv and ROUTE_COLOURS."""
from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mapper.export.qml import incidents_qml, layer_qml, places_qml, rgba, routes_qml
from mapper.model import EVENT_TYPES
from mapper.style import ROUTE_COLOURS

STYLE_CSV = Path(__file__).resolve().parents[2] / "data" / "style" / "event_types.csv"


def _parse(qml: str) -> ET.Element:
    assert qml.startswith("<!DOCTYPE qgis")
    return ET.fromstring(qml.split("\n", 1)[1])


def _options(layer: ET.Element) -> dict[str, str]:
    return {o.get("name"): o.get("value") for o in layer.find("Option").findall("Option")}


def _categories(root: ET.Element):
    renderer = root.find("renderer-v2")
    symbols = {s.get("name"): s for s in renderer.find("symbols").findall("symbol")}
    for cat in renderer.find("categories").findall("category"):
        yield cat, _options(symbols[cat.get("symbol")].find("layer"))


def test_rgba():
    assert rgba("#7b2d8e") == "123,45,142,255"
    assert rgba("#fff", 128) == "255,255,255,128"
    with pytest.raises(ValueError):
        rgba("purple")


def test_incident_colours_come_from_the_style_csv():
    with open(STYLE_CSV, encoding="utf-8", newline="") as fh:
        expected = {row["event_type"]: row["colour"] for row in csv.DictReader(fh)}
    present = ["Strategic developments", "Battles", "Battles"]
    root = _parse(incidents_qml(present))
    assert root.find("renderer-v2").get("type") == "categorizedSymbol"
    assert root.find("renderer-v2").get("attr") == "event_type"
    cats = list(_categories(root))
    assert [c.get("value") for c, _ in cats] == ["Battles", "Strategic developments"]
    for cat, opts in cats:
        assert opts["color"] == rgba(expected[cat.get("value")])
        assert opts["name"] == "circle"
    assert len(list(_categories(_parse(incidents_qml())))) == len(EVENT_TYPES)


def test_routes_by_status_blockaded_red_dashed():
    cats = {c.get("value"): opts for c, opts in _categories(_parse(routes_qml()))}
    assert set(cats) == {"blockaded", "disrupted", "open"}
    for status, opts in cats.items():
        assert opts["line_color"] == rgba(ROUTE_COLOURS[status])
    assert cats["blockaded"]["line_style"] == "dash"
    assert cats["open"]["line_style"] == "solid"
    # a status seen in the data but not in the palette still gets a category
    assert "closed" in {c.get("value") for c, _ in _categories(_parse(layer_qml("routes",
                                                                                ["closed"])))}


def test_places_labelled_by_name():
    root = _parse(places_qml())
    assert root.get("labelsEnabled") == "1"
    style = root.find("labeling/settings/text-style")
    assert style.get("fieldName") == "name" and style.get("isExpression") == "0"
    assert root.find("renderer-v2").get("type") == "singleSymbol"
    with pytest.raises(ValueError):
        layer_qml("zones")
