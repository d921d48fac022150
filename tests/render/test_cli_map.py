"""``mapper render`` and ``mapper map`` through click: outputs, one-line errors, nothing partial."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from mapper.cli import main

DATA = Path(__file__).resolve().parents[1] / "data" / "render"
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def runner():
    return CliRunner()


def test_render_acled_csv(runner, tmp_path):
    out = tmp_path / "acled.html"
    res = runner.invoke(main, ["render", str(DATA / "acled-sample.csv"), "-o", str(out),
                               "--title", "ACLED sample"])
    assert res.exit_code == 0, res.output
    assert "5 incidents" in res.output
    html = out.read_text(encoding="utf-8")
    assert "<title>ACLED sample</title>" in html
    for layer in ("Battles (armed clashes) (1)", "Protests (1)"):
        assert layer in html
    assert list(tmp_path.iterdir()) == [out]


def test_render_our_geojson_offline(runner, tmp_path):
    out = tmp_path / "m.html"
    res = runner.invoke(main, ["render", str(DATA / "mali-sample.geojson"), "-o", str(out),
                               "--offline"])
    assert res.exit_code == 0, res.output
    html = out.read_text(encoding="utf-8")
    assert "<script src=" not in html and "Blockaded supply routes" in html


@pytest.mark.parametrize("name,words", [
    ("acled-bad-no-latitude.csv", "missing column latitude"),
    ("acled-bad-latitude.csv", "line 3 (event MLI36002), column latitude"),
    ("acled-bad-date.csv", "line 4 (event MLI36003), column event_date"),
])
def test_render_malformed_csv_one_line_exit_1_nothing_written(runner, tmp_path, name, words):
    out = tmp_path / "out" / "m.html"
    res = runner.invoke(main, ["render", str(DATA / name), "-o", str(out)])
    assert res.exit_code == 1
    lines = res.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and words in lines[0]
    assert "Traceback" not in res.output
    assert not out.exists() and not (tmp_path / "out").exists()


def test_render_missing_file(runner, tmp_path):
    res = runner.invoke(main, ["render", str(tmp_path / "nope.csv"), "-o",
                               str(tmp_path / "m.html")])
    assert res.exit_code == 1 and len(res.output.strip().splitlines()) == 1
    assert not (tmp_path / "m.html").exists()


def test_map_writes_html_geojson_and_png(runner, tmp_path):
    report = REPO / "data" / "reports" / "mali-2025-11-10.txt"
    if not report.exists():
        pytest.skip("sample report not present")
    res = runner.invoke(main, ["map", str(report), "--published", "2025-11-10", "--out",
                               str(tmp_path), "--title", "Mali, November 2025"])
    assert res.exit_code == 0, res.output
    stem = "mali-2025-11-10"
    html = (tmp_path / f"{stem}.html").read_text(encoding="utf-8")
    data = json.loads((tmp_path / f"{stem}.geojson").read_text(encoding="utf-8"))
    kinds = {f["properties"]["kind"] for f in data["features"]}
    assert {"incident", "place", "route"} <= kinds
    assert "Blockaded supply routes" in html and "Violence against civilians" in html
    png = tmp_path / f"{stem}.png"
    if shutil.which("chromium") or Path("/usr/bin/chromium").exists():
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert png.stat().st_size > 20_000
    else:
        assert "chromium not found" in res.output and not png.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_map_without_chromium_warns_once(runner, tmp_path, monkeypatch):
    report = REPO / "data" / "reports" / "mali-2025-11-10.txt"
    if not report.exists():
        pytest.skip("sample report not present")
    monkeypatch.setenv("MAPPER_CHROMIUM", str(tmp_path / "no-such-chromium"))
    res = runner.invoke(main, ["map", str(report), "--published", "2025-11-10", "--out",
                               str(tmp_path)])
    assert res.exit_code == 0, res.output
    warnings = [line for line in res.output.splitlines() if line.startswith("warning")]
    assert warnings == ["warning: chromium not found; mali-2025-11-10.png not written"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mali-2025-11-10.geojson",
                                                          "mali-2025-11-10.html"]


def test_map_several_reports_get_one_combined_map(runner, tmp_path):
    reports = [REPO / "data" / "reports" / n for n in ("mali-2025-11-10.txt",
                                                       "mali-nioro-2025-11-05.txt")]
    if not all(r.exists() for r in reports):
        pytest.skip("sample reports not present")
    res = runner.invoke(main, ["map", *map(str, reports), "--published", "2025-11-10",
                               "--out", str(tmp_path), "--no-png"])
    assert res.exit_code == 0, res.output
    name = "mali-2025-11-10+mali-nioro-2025-11-05"
    assert (tmp_path / f"{name}.html").exists() and (tmp_path / f"{name}.geojson").exists()


def test_map_bad_report_nothing_written(runner, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    out = tmp_path / "out"
    res = runner.invoke(main, ["map", str(bad), "--out", str(out)])
    assert res.exit_code == 1
    assert len(res.output.strip().splitlines()) == 1 and "Traceback" not in res.output
    assert not out.exists()


def test_map_takes_the_publication_date_from_the_file_name(runner, tmp_path):
    from mapper.cli.map import _date_in_name

    assert _date_in_name("data/reports/mali-2025-11-10.txt") == "2025-11-10"
    assert _date_in_name("report-2025-13-40.txt") is None
    assert _date_in_name("report.txt") is None
    report = REPO / "data" / "reports" / "mali-2025-11-10.txt"
    if not report.exists():
        pytest.skip("sample report not present")
    res = runner.invoke(main, ["map", str(report), "--out", str(tmp_path), "--no-png"])
    assert res.exit_code == 0, res.output
    data = json.loads((tmp_path / "mali-2025-11-10.geojson").read_text(encoding="utf-8"))
    dates = [f["properties"]["event_date"] for f in data["features"]
             if f["properties"]["kind"] == "incident" and f["properties"]["event_date"]]
    assert dates and all(d.startswith("2025-") for d in dates)
