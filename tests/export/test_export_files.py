"""What `mapper.export.export` writes: GeoJSON per layer, the GeoPackage, the CSV."""
from __future__ import annotations

import csv
import json
import sqlite3
import xml.etree.ElementTree as ET

import pyogrio
import pytest

from mapper.acled import ACLED_COLUMNS
from mapper.errors import ExportError
from mapper.export import export, parse_formats
from mapper.export.acled_csv import CSV_COLUMNS, EXTRA_COLUMNS
from mapper.model import INCIDENT_FIELDS

LAYER_FILES = ("incidents", "places", "routes")


def _types(path, layer=None):
    info = pyogrio.read_info(path, layer=layer)
    return dict(zip(info["fields"], info["ogr_types"], strict=True)), info


def test_all_formats_written_and_no_staging_left(exported):
    names = sorted(p.name for p in exported.iterdir())
    assert names == sorted([f"{n}.geojson" for n in LAYER_FILES] + [f"{n}.qml" for n in LAYER_FILES]
                           + ["mapper.gpkg", "incidents.csv"])


def test_format_subset_writes_only_those(tmp_path, mali_report):
    written = export(mali_report, tmp_path / "o", "csv")
    assert [p.name for p in written] == ["incidents.csv"]
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == ["incidents.csv"]


def test_unknown_format_is_refused(tmp_path, mali_report):
    with pytest.raises(ExportError, match="shapefile"):
        export(mali_report, tmp_path / "o", "geojson,shapefile")
    assert not (tmp_path / "o").exists()
    assert parse_formats(" GPKG ,csv") == ("gpkg", "csv")


def test_geojson_is_rfc7946_utf8_and_typed(exported, mali_report):
    raw = (exported / "incidents.geojson").read_bytes()
    assert "Côte d’Ivoire".encode() in raw  # real UTF-8, not \u escapes
    data = json.loads(raw.decode("utf-8"))
    assert data["type"] == "FeatureCollection" and "crs" not in data
    feats = data["features"]
    assert len(feats) == len(mali_report.incidents)
    for feat, inc in zip(feats, mali_report.incidents, strict=True):
        props = feat["properties"]
        assert feat["geometry"]["type"] == "Point"
        lon, lat = feat["geometry"]["coordinates"]
        assert (lon, lat) == pytest.approx((inc.longitude, inc.latitude))  # lon/lat order
        assert props["event_date"] == inc.event_date
        assert props["fatalities"] == inc.fatalities  # None stays null, never 0
        for key in ("time_precision", "geo_precision"):
            assert type(props[key]) is int
    kobri = next(f["properties"] for f in feats if f["properties"]["location"] == "Kobri")
    assert kobri["fatalities"] is None and kobri["victim_count"] == 5
    assert kobri["geo_precision"] == 2


def test_geojson_field_types_as_gdal_reads_them(exported):
    types, info = _types(exported / "incidents.geojson")
    assert info["crs"] == "EPSG:4326" and info["geometry_type"] == "Point"
    assert types["event_date"] == types["published"] == "OFTDate"
    for name in ("fatalities", "victim_count", "time_precision", "geo_precision"):
        assert types[name] == "OFTInteger", name
    assert types["latitude"] == types["confidence"] == "OFTReal"
    routes, rinfo = _types(exported / "routes.geojson")
    assert rinfo["geometry_type"] == "LineString"
    assert routes["since"] == "OFTString"  # "2025-09" is not a date
    places, _ = _types(exported / "places.geojson")
    assert places["mentions"] == "OFTString"


def test_place_mentions_are_joined(exported, mali_report):
    data = json.loads((exported / "places.geojson").read_text(encoding="utf-8"))
    by_name = {f["properties"]["name"]: f["properties"] for f in data["features"]}
    bamako = next(p for p in mali_report.places if p.name == "Bamako")
    assert by_name["Bamako"]["mentions"] == "; ".join(bamako.mentions)
    assert "latitude" not in by_name["Bamako"]  # the position is the geometry


def test_gpkg_layers_types_and_version(exported, mali_report):
    gpkg = exported / "mapper.gpkg"
    layers = {name: kind for name, kind in pyogrio.list_layers(gpkg)}
    assert layers["incidents"] == "Point" and layers["places"] == "Point"
    assert layers["routes"] == "LineString"
    types, info = _types(gpkg, "incidents")
    assert info["features"] == len(mali_report.incidents)
    assert info["geometry_name"] == "geom" and info["crs"] == "EPSG:4326"
    assert types["event_date"] == "OFTDate" and types["fatalities"] == "OFTInteger"
    with sqlite3.connect(gpkg) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 10200  # GeoPackage 1.2
        decl = dict(db.execute("SELECT name, type FROM pragma_table_info('incidents')"))
        fat = db.execute("SELECT fatalities FROM incidents ORDER BY fid").fetchall()
    assert decl["event_date"] == "DATE" and decl["published"] == "DATE"
    assert [row[0] for row in fat] == [i.fatalities for i in mali_report.incidents]
    frame = pyogrio.read_dataframe(gpkg, layer="places")
    assert "Côte d’Ivoire" in set(frame["mention"])


def test_gpkg_layer_styles_are_qgis_defaults(exported):
    with sqlite3.connect(exported / "mapper.gpkg") as db:
        rows = db.execute("SELECT f_table_catalog, f_table_schema, f_table_name, "
                          "f_geometry_column, styleName, styleQML, useAsDefault "
                          "FROM layer_styles ORDER BY f_table_name").fetchall()
        kind = db.execute("SELECT data_type FROM gpkg_contents WHERE table_name='layer_styles'")
        assert kind.fetchone()[0] == "attributes"
    assert [r[2] for r in rows] == ["incidents", "places", "routes"]
    for catalog, schema, _, geom, name, qml, default in rows:
        assert catalog == schema == "" and geom == "geom" and default == 1 and len(name) <= 30
        root = ET.fromstring(qml.split("\n", 1)[1])
        assert root.tag == "qgis"
    qml = {r[2]: ET.fromstring(r[5].split("\n", 1)[1]) for r in rows}
    assert qml["incidents"].find("renderer-v2").get("attr") == "event_type"
    assert qml["routes"].find("renderer-v2").get("attr") == "status"
    assert qml["places"].find("labeling/settings/text-style").get("fieldName") == "name"
    assert (exported / "incidents.qml").read_text(encoding="utf-8") == rows[0][5]


def _csv_rows(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def test_csv_acled_columns_then_extras(exported, mali_report):
    raw = (exported / "incidents.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    header, *rows = _csv_rows(exported / "incidents.csv")
    assert tuple(header[:31]) == ACLED_COLUMNS
    assert tuple(header[31:]) == EXTRA_COLUMNS
    assert list(EXTRA_COLUMNS[:8]) == ["country_code", "suspected", "victims", "victim_count",
                                       "quote", "published", "confidence", "route_ids"]
    covered = set(header) | {"event_id"}
    assert set(INCIDENT_FIELDS) <= covered
    assert len(rows) == len(mali_report.incidents)
    by_id = {r[0]: dict(zip(CSV_COLUMNS, r, strict=True)) for r in rows}
    killing = by_id["ML-20251108-tonka-killing"]
    assert killing["year"] == "2025" and killing["iso"] == "466"
    assert killing["disorder_type"] == "Political violence"
    assert killing["civilian_targeting"] == "Civilians targeted"
    assert killing["fatalities"] == "1"
    assert '"they made everyone watch"' in killing["quote"]  # quotes survive quoting
    kobri = by_id["ML-20251106-kobri-abduction"]
    assert kobri["fatalities"] == "" and kobri["victim_count"] == "5"
    assert kobri["geo_precision"] == "2" and kobri["inter1"] == "" and kobri["tags"] == ""
    blockade = by_id["ML-202509-fuel-blockade"]
    assert blockade["disorder_type"] == "Strategic developments"
    assert blockade["civilian_targeting"] == ""
    assert blockade["route_ids"] == "dakar-bamako; abidjan-bamako; nouakchott-bamako"
    assert "Côte d’Ivoire" in blockade["notes"]


def test_empty_report_gives_empty_typed_layers(tmp_path):
    from mapper.model import Report

    out = tmp_path / "empty"
    export(Report(), out)
    for layer in LAYER_FILES:
        info = pyogrio.read_info(out / "mapper.gpkg", layer=layer)
        assert info["features"] == 0 and len(info["fields"]) > 5  # the schema is kept
        data = json.loads((out / f"{layer}.geojson").read_text(encoding="utf-8"))
        assert data["features"] == []
    header, *rows = _csv_rows(out / "incidents.csv")
    assert tuple(header) == CSV_COLUMNS and rows == []
