"""Exports are all-or-nothing: a failure leaves the target directory as it was."""
from __future__ import annotations

import pytest

import mapper.export.acled_csv as acled_csv
from mapper.errors import ExportError
from mapper.export import export


def _boom(*args, **kwargs):
    raise OSError(28, "No space left on device")


def test_failure_in_last_writer_leaves_new_dir_absent(tmp_path, mali_report, monkeypatch):
    monkeypatch.setattr(acled_csv, "write_incidents_csv", _boom)
    target = tmp_path / "new" / "out"
    with pytest.raises(ExportError, match="No space left"):
        export(mali_report, target)
    assert not target.exists()


def test_failure_keeps_existing_dir_untouched(tmp_path, mali_report, monkeypatch):
    target = tmp_path / "out"
    export(mali_report, target, "geojson")
    before = {p.name: p.read_bytes() for p in target.iterdir()}
    mali_report.incidents[0].notes = "changed"
    monkeypatch.setattr(acled_csv, "write_incidents_csv", _boom)
    with pytest.raises(ExportError):
        export(mali_report, target)
    after = {p.name: p.read_bytes() for p in target.iterdir()}
    assert after == before  # no gpkg, no csv, no staging dir, old GeoJSON unchanged


def test_invalid_report_writes_nothing(tmp_path, mali_report):
    mali_report.incidents[2].latitude = 200.0
    target = tmp_path / "out"
    with pytest.raises(ExportError, match=r"feature 2 .*ML-20251106-kobri-abduction.*latitude"):
        export(mali_report, target)
    assert not target.exists()


def test_target_that_is_a_file(tmp_path, mali_report):
    path = tmp_path / "file.txt"
    path.write_text("x")
    with pytest.raises(ExportError, match="not a directory"):
        export(mali_report, path)
    assert path.read_text() == "x"
