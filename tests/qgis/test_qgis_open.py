"""Open the exports in real QGIS (python3-qgis under /usr/bin/python3, headless).

The GeoJSON files and the GeoPackage are exported into separate directories so
that the GeoPackage's styles can only come from its ``layer_styles`` table and
the GeoJSON styles only from the ``.qml`` files beside them.
"""
from __future__ import annotations

import csv
import importlib.util
import json
import os
import subprocess
import tempfile
from pathlib import Path

import pytest

from mapper.export import export
from mapper.style import ROUTE_COLOURS

pytestmark = pytest.mark.qgis

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SYSTEM_PYTHON = "/usr/bin/python3"
# QGIS writes a profile (qgis.db, settings) under HOME: give it a throw-away one.
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8",
       "HOME": tempfile.mkdtemp(prefix="mapper-qgis-home-"),
       "XDG_RUNTIME_DIR": tempfile.mkdtemp(prefix="mapper-qgis-run-")}
ENV.pop("PYTHONPATH", None)
ENV.pop("VIRTUAL_ENV", None)


def _qgis_missing() -> str | None:
    if not os.access(SYSTEM_PYTHON, os.X_OK):
        return f"{SYSTEM_PYTHON} not found"
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import qgis.core"], capture_output=True,
                           text=True, env=ENV, timeout=60)
    if probe.returncode:
        return f"{SYSTEM_PYTHON} cannot import qgis.core (install python3-qgis): " \
               f"{probe.stderr.strip().splitlines()[-1:]}"
    return None


@pytest.fixture(scope="module")
def report():
    spec = importlib.util.spec_from_file_location(
        "mali_report", REPO / "tests" / "data" / "export" / "mali_report.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build_report()


@pytest.fixture(scope="module")
def seen(tmp_path_factory, report):
    """What QGIS reports for every exported layer: {"geojson": {...}, "gpkg": {...}}."""
    reason = _qgis_missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"QGIS is missing in CI (scripts/setup.sh installs it): {reason}")
        pytest.skip(reason)
    root = tmp_path_factory.mktemp("qgis")
    export(report, root / "geojson", "geojson")
    export(report, root / "gpkg", "gpkg")
    out = {}
    for fmt in ("geojson", "gpkg"):
        run = subprocess.run([SYSTEM_PYTHON, str(HERE / "qgis_inspect.py"), str(root / fmt)],
                             capture_output=True, text=True, env=ENV, timeout=180)
        assert run.returncode == 0, run.stderr
        facts = json.loads(run.stdout.strip().splitlines()[-1])
        out[fmt] = facts[fmt]
        out["version"] = facts["qgis_version"]
    print(f"QGIS {out['version']}")
    return out


def _event_colours() -> dict[str, str]:
    with open(REPO / "data" / "style" / "event_types.csv", encoding="utf-8", newline="") as fh:
        return {row["event_type"]: row["colour"].lower() for row in csv.DictReader(fh)}


@pytest.mark.parametrize("fmt", ["geojson", "gpkg"])
def test_layers_valid_crs_counts(seen, report, fmt):
    layers = seen[fmt]
    assert set(layers) == {"incidents", "places", "routes"}
    counts = {"incidents": len(report.incidents), "places": len(report.places),
              "routes": len(report.routes)}
    for name, facts in layers.items():
        assert facts["valid"], facts.get("error")
        assert facts["crs"] == "EPSG:4326"
        assert facts["count"] == counts[name]
    assert layers["incidents"]["values"]["event_id"] == [i.event_id for i in report.incidents]
    assert layers["routes"]["values"]["route_id"] == [r.route_id for r in report.routes]
    assert "Côte d'Ivoire" in layers["places"]["values"]["name"]


@pytest.mark.parametrize("fmt", ["geojson", "gpkg"])
def test_field_types(seen, fmt):
    fields = seen[fmt]["incidents"]["fields"]
    assert fields["event_date"]["qvariant"] == "QDate"
    assert fields["published"]["qvariant"] == "QDate"
    for name in ("fatalities", "victim_count", "time_precision", "geo_precision"):
        assert fields[name]["qvariant"] == "int" and fields[name]["provider_type"] == "Integer"
    assert fields["latitude"]["qvariant"] == "double"
    assert fields["suspected"]["qvariant"] == "bool"
    assert seen[fmt]["routes"]["fields"]["since"]["qvariant"] == "QString"
    assert seen[fmt]["places"]["fields"]["mentions"]["qvariant"] == "QString"


@pytest.mark.parametrize("fmt", ["gpkg", "geojson"])
def test_incidents_categorised_by_event_type(seen, report, fmt):
    renderer = seen[fmt]["incidents"]["renderer"]
    assert renderer["type"] == "categorizedSymbol" and renderer["attr"] == "event_type"
    present = {i.event_type for i in report.incidents}
    cats = renderer["categories"]
    assert sorted(c["value"] for c in cats) == sorted(present)
    colours = _event_colours()
    for cat in cats:
        assert cat["colour"] == colours[cat["value"]], cat


@pytest.mark.parametrize("fmt", ["gpkg", "geojson"])
def test_routes_by_status_and_places_labelled(seen, fmt):
    renderer = seen[fmt]["routes"]["renderer"]
    assert renderer["type"] == "categorizedSymbol" and renderer["attr"] == "status"
    cats = {c["value"]: c for c in renderer["categories"]}
    assert set(cats) == set(ROUTE_COLOURS)
    for status, cat in cats.items():
        assert cat["colour"] == ROUTE_COLOURS[status].lower()
    assert cats["blockaded"]["line_style"] == "dash"
    places = seen[fmt]["places"]
    assert places["labels_enabled"] is True and places["label_field"] == "name"
