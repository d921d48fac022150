"""``mapper extract`` on input it cannot read: one clear line, non-zero exit, no output file.

And the one awkward input it must read: a report saved in Windows-1252 with accents.
"""
from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from mapper.cli import main

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "data" / "reports" / "mali-2025-11-10.txt"

PNG_BYTES = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
             b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01"
             b"\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")
NUL_BYTES = b"Bamako\x00\x00\x00\x00" * 64
# Invalid UTF-8 that is not text in any single-byte code page either: control characters
# and undefined bytes throughout, no NUL and no byte-order mark.
GARBAGE = b"\xc3\x28" + bytes(b for b in range(1, 256) if b not in (9, 10, 13)) * 8

CP1252_REPORT = ("Des hommes armés ont enlevé cinq commerçants près de Ségou jeudi 6 novembre, "
                 "alors qu'ils revenaient d'un marché – ont indiqué des élus locaux.\n")

BAD_FILES = {
    "empty": b"",
    "whitespace": b"  \n\n\t \n",
    "png": PNG_BYTES,
    "nul-bytes": NUL_BYTES,
    "undecodable": GARBAGE,
}


def _one_error_line(stderr: str) -> str:
    assert "Traceback" not in stderr, stderr
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, f"expected one line on stderr, got {len(lines)}:\n{stderr}"
    return lines[0]


def _invoke(args: list[str]):
    result = CliRunner().invoke(main, args)
    # An exception other than SystemExit means the command crashed (CliRunner hides the
    # traceback a real run would print).
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"crashed with {result.exception!r}\nstderr: {result.stderr}")
    return result


@pytest.fixture
def outdir(tmp_path):
    d = tmp_path / "out"
    d.mkdir()
    return d


def test_garbage_is_not_utf8():
    with pytest.raises(UnicodeDecodeError):
        GARBAGE.decode("utf-8")
    assert not GARBAGE.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf"))


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_unreadable_report_is_refused(kind, tmp_path, outdir):
    report = tmp_path / f"{kind}.txt"
    report.write_bytes(BAD_FILES[kind])
    out = outdir / "incidents.geojson"
    result = _invoke(["extract", str(report), "--published", "2025-11-10",
                      "--output", str(out)])
    assert result.exit_code != 0, f"{kind}: accepted\nstdout: {result.stdout[:300]}"
    line = _one_error_line(result.stderr)
    assert report.name in line, f"the error should name the file: {line!r}"
    assert not out.exists()
    assert list(outdir.iterdir()) == [], "a partial or temporary file was left behind"


def test_missing_report_is_refused(tmp_path, outdir):
    out = outdir / "incidents.geojson"
    result = _invoke(["extract", str(tmp_path / "nowhere.txt"), "--output", str(out)])
    assert result.exit_code != 0
    assert "nowhere.txt" in _one_error_line(result.stderr)
    assert list(outdir.iterdir()) == []


@pytest.mark.parametrize("published", ["2025-13-45", "yesterday", "10/11/2025"])
def test_invalid_published_date_is_refused(published, tmp_path, outdir):
    report = tmp_path / "report.txt"
    report.write_bytes(SAMPLE.read_bytes())
    out = outdir / "incidents.geojson"
    result = _invoke(["extract", str(report), "--published", published, "--output", str(out)])
    assert result.exit_code != 0, f"--published {published!r} accepted"
    line = _one_error_line(result.stderr)
    assert "published" in line.lower() or (published and published in line), line
    assert list(outdir.iterdir()) == [], "output written despite the bad date"


def test_cp1252_report_is_decoded(tmp_path, outdir):
    data = CP1252_REPORT.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    report = tmp_path / "segou-cp1252.txt"
    report.write_bytes(data)
    out = outdir / "incidents.geojson"
    result = _invoke(["extract", str(report), "--published", "2025-11-08",
                      "--output", str(out)])
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr
    fc = json.loads(out.read_text(encoding="utf-8"))
    assert fc["type"] == "FeatureCollection"
    places = [f for f in fc["features"] if f["properties"]["kind"] == "place"]
    segou = [f for f in places
             if "Ségou" in [f["properties"]["name"], f["properties"]["mention"]]]
    assert segou, f"Ségou not found: {[f['properties']['mention'] for f in places]}"
    lon, lat = segou[0]["geometry"]["coordinates"]
    assert math.hypot(lat - 13.44, lon + 6.26) < 0.5, (lat, lon)
    assert segou[0]["properties"]["country_code"] == "ML"
    incidents = [f for f in fc["features"] if f["properties"]["kind"] == "incident"]
    summary = [(f["properties"]["sub_event_type"], f["properties"]["event_date"],
                f["properties"]["quote"]) for f in incidents]
    assert any(f["properties"]["sub_event_type"] == "Abduction/forced disappearance"
               and f["properties"]["event_date"] == "2025-11-06" for f in incidents), summary
    assert all("Ségou" in f["properties"]["quote"] or "commerçants" in f["properties"]["quote"]
               for f in incidents), "quotes must be decoded text, not mojibake"
    assert [p.name for p in outdir.iterdir()] == ["incidents.geojson"]


def test_real_process_refuses_binary_input(tmp_path, outdir):
    """The installed entry point, in its own process: no traceback escapes."""
    report = tmp_path / "picture.txt"
    report.write_bytes(PNG_BYTES)
    out = outdir / "incidents.geojson"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONWARNINGS"}
    proc = subprocess.run(
        [sys.executable, "-m", "mapper", "extract", str(report), "--published", "2025-11-10",
         "--output", str(out)],
        capture_output=True, text=True, timeout=120, cwd=tmp_path, env=env,
    )
    assert proc.returncode != 0, proc.stdout[:300]
    line = _one_error_line(proc.stderr)
    assert report.name in line, line
    assert list(outdir.iterdir()) == []
