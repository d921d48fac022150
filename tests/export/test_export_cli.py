"""`mapper export` on the command line: good input, bad input, nothing half-written."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from mapper.cli import main
from mapper.io import read


def _run(*args):
    """The real CLI in a subprocess, so stderr and tracebacks are what a user sees."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "mapper", "export", *map(str, args)],
                          capture_output=True, text=True, env=env, timeout=120)


def test_export_geojson_input(tmp_path, mali_geojson, mali_report):
    result = CliRunner().invoke(main, ["export", str(mali_geojson), "--to", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    assert "4 incidents, 9 places, 3 routes" in result.output
    for name in ("incidents.geojson", "routes.qml", "mapper.gpkg", "incidents.csv"):
        assert name in result.output and (tmp_path / "o" / name).is_file()
    assert read(tmp_path / "o" / "incidents.geojson").incidents == mali_report.incidents


def test_format_option(tmp_path, mali_geojson):
    result = CliRunner().invoke(main, ["export", str(mali_geojson), "--to", str(tmp_path / "o"),
                                       "--format", "gpkg"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == ["mapper.gpkg"]
    bad = CliRunner().invoke(main, ["export", str(mali_geojson), "--to", str(tmp_path / "p"),
                                    "--format", "kml"])
    assert bad.exit_code == 1 and "unknown export format kml" in bad.output
    assert not (tmp_path / "p").exists()


def _collection(mali_report):
    return mali_report.to_geojson()


def _not_collection(data):
    return data["features"][0]


def _missing_event_type(data):
    del data["features"][1]["properties"]["event_type"]
    return data


def _latitude_200(data):
    data["features"][2]["properties"]["latitude"] = 200
    data["features"][2]["geometry"]["coordinates"][1] = 200
    return data


@pytest.mark.parametrize("breaker, expected", [
    (_not_collection, "not a GeoJSON FeatureCollection (type is 'Feature')"),
    (_missing_event_type, "feature 1 (incident, event_id ML-20251108-tonka-killing): "
                          "missing required field 'event_type'"),
    (_latitude_200, "feature 2 (incident, event_id ML-20251106-kobri-abduction): "
                    "latitude 200 is out of range [-90, 90]"),
])
def test_bad_input_one_line_exit_1_nothing_written(tmp_path, mali_report, breaker, expected):
    path = tmp_path / "bad.geojson"
    path.write_text(json.dumps(breaker(_collection(mali_report))), encoding="utf-8")
    target = tmp_path / "out"
    result = _run(path, "--to", target)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0] == f"Error: {path}: {expected}"
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert not target.exists()


def test_bad_input_into_existing_dir_adds_nothing(tmp_path, mali_report):
    target = tmp_path / "out"
    target.mkdir()
    (target / "keep.txt").write_text("analyst notes")
    path = tmp_path / "bad.geojson"
    path.write_text("{\n  \"type\": \"FeatureCollection\",\n  \"features\": [,]\n}")
    result = _run(path, "--to", target)
    assert result.returncode == 1
    assert "invalid JSON at line 3, column 16" in result.stderr
    assert [p.name for p in target.iterdir()] == ["keep.txt"]


def test_report_text_input(tmp_path):
    from mapper.extract import extract_file
    text = tmp_path / "mali.txt"
    text.write_text(
        "Gunmen abducted a TikTok influencer in the market of Tonka, in Mali's Timbuktu "
        "region, on Friday. She was executed the next evening in Independence Square.\n",
        encoding="utf-8")
    report = extract_file(text, published="2025-11-09", source=None)
    result = CliRunner().invoke(main, ["export", str(text), "--to", str(tmp_path / "o"),
                                       "--published", "2025-11-09", "--format", "geojson"])
    assert result.exit_code == 0, result.output
    back = read(tmp_path / "o" / "incidents.geojson")
    assert back.incidents == report.incidents
