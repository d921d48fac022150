"""Fixtures for the export tests: the Mali November 2025 report and its export."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data" / "export"


def load_fixture_module():
    """tests/data/export/mali_report.py as a module (tests/ is not a package)."""
    spec = importlib.util.spec_from_file_location("mali_report", DATA / "mali_report.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def mali_report():
    return load_fixture_module().build_report()


@pytest.fixture
def exported(tmp_path, mali_report):
    """The report exported in all three formats; the target directory."""
    from mapper.export import export

    out = tmp_path / "out"
    export(mali_report, out)
    return out


@pytest.fixture
def mali_geojson(tmp_path, mali_report):
    """The report as one FeatureCollection file, as ``mapper extract`` writes it."""
    path = tmp_path / "mali.geojson"
    path.write_text(json.dumps(mali_report.to_geojson(), ensure_ascii=False), encoding="utf-8")
    return path
