"""Reports for the render tests: the Mali sample fixture and a hostile one."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from mapper.model import Incident, Place, Report, Route

DATA = Path(__file__).resolve().parents[1] / "data" / "render"

HOSTILE = ["<script>alert(1)</script>", "${alert(1)}", "`backtick`", "back\\1slash",
           "<img src=x onerror=alert(2)>", "it's \"quoted\" & done"]


@pytest.fixture
def sample_report() -> Report:
    """The hand-made Mali sample: 4 incidents, 8 places, 3 blockaded routes, 1 unresolved."""
    from mapper.io import read

    return read(DATA / "mali-sample.geojson")


def hostile_report() -> Report:
    """Every report-derived field carries a payload that would run or break a naive map."""
    bad = " | ".join(HOSTILE)
    inc = Incident("evil-1", "Violence against civilians", "Attack", bad, bad, "ML", 14.0, -4.0,
                   event_date="2025-11-07", actor1=bad, assoc_actor_1=bad, actor2=bad,
                   suspected=True, admin1=bad, geo_precision=2, fatalities=2, victims=bad,
                   victim_count=3, notes=bad, quote=bad, source="javascript:alert(3)",
                   published="2025-11-10")
    inc2 = Incident("evil-2", "Battles", "Armed clash", "Somewhere", "Mali", "ML", 15.0, -5.0,
                    event_date="2025-11-06", source="https://example.org/a?b=1&c=`x`${y}",
                    quote=bad)
    place = Place(bad, bad, "test:evil", "locality", "ML", 14.5, -4.5, admin1=bad,
                  mentions=[bad])
    route = Route("evil-route", bad, "SN", bad, [(-12.0, 14.0), (-8.0, 12.6)],
                  status="blockaded", since="2025-09", actor=bad, quote=bad)
    return Report([place], [inc, inc2], [route], unresolved=[bad], source=bad,
                  published="2025-11-10", title=bad)


@pytest.fixture(name="hostile_report")
def hostile_report_fixture() -> Report:
    return hostile_report()


@pytest.fixture(name="hostile_strings")
def hostile_strings_fixture() -> list[str]:
    return list(HOSTILE)


def _bench_module():
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_render.py"
    spec = importlib.util.spec_from_file_location("bench_render", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="session")
def synthetic():
    """``synthetic(n)``: n random incidents in the Sahel (the benchmark's generator)."""
    return _bench_module().synthetic_report
