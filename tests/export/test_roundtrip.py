"""Export, then read back with mapper.io.read: the same records, field for field."""
from __future__ import annotations

import dataclasses

from mapper.io import read


def _same(a, b):
    assert len(a) == len(b)
    for x, y in zip(a, b, strict=True):
        assert dataclasses.asdict(x) == dataclasses.asdict(y)


def test_geojson_layers_round_trip(exported, mali_report):
    incidents = read(exported / "incidents.geojson")
    _same(incidents.incidents, mali_report.incidents)
    assert incidents.places == [] and incidents.routes == []
    assert incidents.published == mali_report.published and incidents.source == mali_report.source
    _same(read(exported / "places.geojson").places, mali_report.places)
    _same(read(exported / "routes.geojson").routes, mali_report.routes)


def test_csv_round_trip(exported, mali_report):
    back = read(exported / "incidents.csv")
    _same(back.incidents, mali_report.incidents)
