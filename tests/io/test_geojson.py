"""mapper.io.geojson.read_geojson: our FeatureCollection back into a Report, and clear errors."""
from __future__ import annotations

import dataclasses
import importlib.util
import json
from pathlib import Path

import pytest

from mapper.errors import InputDataError
from mapper.io import read
from mapper.io.geojson import COORD_TOLERANCE, read_geojson

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "export" / "mali_report.py"


@pytest.fixture
def report():
    spec = importlib.util.spec_from_file_location("mali_report", FIXTURE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build_report()


@pytest.fixture
def collection(report):
    return report.to_geojson()


def _write(tmp_path, data, name="in.geojson"):
    path = tmp_path / name
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return path


def _error(tmp_path, data) -> str:
    with pytest.raises(InputDataError) as info:
        read_geojson(_write(tmp_path, data))
    message = str(info.value)
    assert "\n" not in message
    return message


def test_whole_collection_round_trips(tmp_path, report, collection):
    back = read(_write(tmp_path, collection))
    assert back.incidents == report.incidents
    assert back.places == report.places
    assert back.routes == report.routes
    assert (back.source, back.published, back.title, back.unresolved) == (
        report.source, report.published, report.title, report.unresolved)


def test_analyst_edits_are_accepted(tmp_path, report, collection):
    feats = collection["features"]
    inc = feats[1]["properties"]  # the Tonka killing
    del inc["kind"], inc["event_id"], inc["country"]
    inc.update(fatalities=1.0, time_precision="1", event_date="2025/11/08",
               published="2025-11-09T00:00:00", suspected=1)
    place = next(f["properties"] for f in feats if f["properties"].get("name") == "Bamako")
    place["mentions"] = "Bamako; capital"
    data = read_geojson(_write(tmp_path, collection))
    got = data.incidents[1]
    want = report.incidents[1]
    assert got.fatalities == 1 and type(got.fatalities) is int
    assert (got.event_date, got.published, got.time_precision) == ("2025-11-08", "2025-11-09", 1)
    assert got.suspected is True and got.country == "Mali"
    assert got.event_id.startswith("ML-") and got.event_id != want.event_id
    again = read_geojson(_write(tmp_path, collection, "again.geojson")).incidents[1]
    assert again.event_id == got.event_id  # a generated id is stable
    bamako = next(p for p in data.places if p.name == "Bamako")
    assert bamako.mentions == ["Bamako", "capital"]
    assert dataclasses.replace(got, event_id=want.event_id) == want


def test_position_from_properties_when_geometry_is_null(tmp_path, collection):
    collection["features"][0]["geometry"] = None
    inc = read_geojson(_write(tmp_path, collection)).incidents[0]
    assert (inc.latitude, inc.longitude) == (16.13389, -3.74861)


@pytest.mark.parametrize("text, expected", [
    ("", "empty file"),
    ("   \n", "empty file"),
    ('{"type": "FeatureCollection",\n "features": [}', "invalid JSON at line 2, column 15"),
    ("[1, 2]", "not a GeoJSON FeatureCollection (type is 'list')"),
    ('{"type": "Feature", "properties": {}}', "not a GeoJSON FeatureCollection"),
    ('{"type": "FeatureCollection"}', "has no 'features' list"),
])
def test_file_level_errors(tmp_path, text, expected):
    assert expected in _error(tmp_path, text)


def test_binary_and_non_utf8_files(tmp_path):
    path = tmp_path / "x.geojson"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputDataError, match="binary file"):
        read_geojson(path)
    path.write_bytes('{"type": "FeatureCollection", "features": [], "x": "Ségou"}'
                     .encode("latin-1"))
    with pytest.raises(InputDataError, match="not UTF-8"):
        read_geojson(path)


def _set(index, **changes):
    def apply(data):
        props = data["features"][index]["properties"]
        for key, value in changes.items():
            if value is ...:
                props.pop(key)
            else:
                props[key] = value
        return data
    return apply


KOBRI = "feature 2 (incident, event_id ML-20251106-kobri-abduction)"


@pytest.mark.parametrize("change, expected", [
    (_set(2, event_type=...), f"{KOBRI}: missing required field 'event_type'"),
    (_set(2, location=""), f"{KOBRI}: missing required field 'location'"),
    (_set(2, country_code=...), f"{KOBRI}: missing required field 'country_code'"),
    (_set(2, event_type="Massacre"), f"{KOBRI}: event_type 'Massacre' is not an ACLED event type"),
    (_set(2, sub_event_type="Armed clash"),
     f"{KOBRI}: sub_event_type 'Armed clash' is not a sub-type of 'Violence against civilians'"),
    (_set(2, latitude=200), f"{KOBRI}: latitude 200 is out of range [-90, 90]"),
    (_set(2, event_date="2025-13-40"), f"{KOBRI}: event_date '2025-13-40' is not a date"),
    (_set(2, event_date="last Thursday"), f"{KOBRI}: event_date 'last Thursday' is not a date"),
    (_set(2, fatalities=-1), f"{KOBRI}: fatalities -1 is out of range"),
    (_set(2, victim_count=2.5), f"{KOBRI}: field 'victim_count' should be a whole number"),
    (_set(2, geo_precision=0), f"{KOBRI}: geo_precision 0 is out of range [1, 3]"),
    (_set(2, suspected="maybe"), f"{KOBRI}: field 'suspected' should be true or false"),
    (_set(2, latitude=14.5), f"{KOBRI}: geometry (-11.13, 14.11) and latitude/longitude "
                             f"(-11.13, 14.5) disagree by more than {COORD_TOLERANCE:g} degrees"),
    (_set(2, latitude=-11.13, longitude=14.11), "(latitude and longitude swapped?)"),
    (_set(2, kind="zone"), "feature 2: unknown kind 'zone'"),
    (_set(3, event_id="ML-20251106-kobri-abduction"),
     "feature 3: event_id 'ML-20251106-kobri-abduction' repeats feature 2"),
    (_set(4, name=...), "feature 4 (place, no id): missing required field 'name'"),
    (_set(13, status="closed"), "feature 13 (route, route_id dakar-bamako): status 'closed'"),
    (_set(13, since="September"), "since 'September' is not YYYY-MM-DD or YYYY-MM"),
])
def test_feature_errors_name_the_feature(tmp_path, collection, change, expected):
    assert expected in _error(tmp_path, change(collection))


def test_geometry_errors(tmp_path, collection):
    feats = collection["features"]
    feats[0]["geometry"] = {"type": "Polygon", "coordinates": []}
    assert "feature 0 (incident, event_id ML-20251107-tonka-abduction): geometry should be " \
           "a Point, got Polygon" in _error(tmp_path, collection)
    feats[0]["geometry"] = None
    del feats[0]["properties"]["latitude"]
    assert "no position" in _error(tmp_path, collection)
    feats[13]["geometry"] = {"type": "LineString", "coordinates": [[-8.0, 12.65]]}
    feats[0]["geometry"] = {"type": "Point", "coordinates": [-3.74861, 16.13389]}
    assert "feature 13 (route, route_id dakar-bamako): a route LineString needs at least two" \
           in _error(tmp_path, collection)
    feats[13]["geometry"] = {"type": "Point", "coordinates": [-8.0, 12.65]}
    assert "needs a LineString geometry, got Point" in _error(tmp_path, collection)


def test_feature_that_is_not_a_feature(tmp_path, collection):
    collection["features"][5] = {"type": "Point", "coordinates": [0, 0]}
    assert "feature 5 is not a GeoJSON Feature" in _error(tmp_path, collection)
