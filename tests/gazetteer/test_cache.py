"""The cached index: atomic builds, no half-written files, clear errors on a corrupt cache.

These tests build tiny indexes from a handful of entries (GeoNames is replaced by a
short list), so they run in well under a second; the real index is exercised elsewhere.
"""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest
from click.testing import CliRunner

import mapper.gazetteer.index as index_mod
from mapper.cli import main
from mapper.errors import GazetteerError
from mapper.gazetteer import Gazetteer, build_index
from mapper.gazetteer.sources import Entry


def _entries():
    return [
        Entry(
            gid="geonames:1",
            name="Alphaville",
            place_type="locality",
            country_code="ML",
            latitude=14.0,
            longitude=-4.0,
            population=1200,
            alternates=["Alfaville"],
        ),
        Entry(
            gid="geonames:2",
            name="Betatown",
            place_type="locality",
            country_code="ML",
            latitude=13.0,
            longitude=-6.0,
            population=800,
        ),
        Entry(
            gid="geonames:3",
            name="Mali",
            place_type="country",
            country_code="ML",
            latitude=17.0,
            longitude=-4.0,
            precision=3,
        ),
    ]


@pytest.fixture
def small_sources(monkeypatch, scratch_data):
    """GeoNames replaced by three entries; data/ is a scratch copy."""
    monkeypatch.setattr(index_mod, "geonames_entries", lambda progress=None: iter(_entries()))
    return scratch_data


def _leftovers(cache: Path) -> list[str]:
    return sorted(p.name for p in cache.iterdir())


def test_small_build_and_load(small_sources, tmp_path):
    cache = tmp_path / "cache"
    path = build_index(small_sources, progress=False, cache=cache)
    assert _leftovers(cache) == [path.name]
    assert path.name.startswith("index-") and path.suffix == ".marshal"
    gaz = Gazetteer(small_sources, cache=cache, progress=False)
    assert gaz.best("Alfaville").id == "geonames:1"
    assert gaz.country_name("ML") == "Mali"
    # curated.csv is read on top of the cached part
    assert gaz.best("Tonka").id == "curated:tonka"


def test_failure_while_reading_sources_leaves_nothing(monkeypatch, scratch_data, tmp_path):
    def exploding(progress=None):
        yield from _entries()[:2]
        raise RuntimeError("source exploded midway")

    monkeypatch.setattr(index_mod, "geonames_entries", exploding)
    cache = tmp_path / "cache"
    with pytest.raises(RuntimeError, match="midway"):
        build_index(scratch_data, progress=False, cache=cache)
    assert _leftovers(cache) == []


def test_failure_while_writing_keeps_the_old_index_and_no_temp_file(
    small_sources, tmp_path, monkeypatch
):
    cache = tmp_path / "cache"
    good = build_index(small_sources, progress=False, cache=cache)
    before = good.read_bytes()

    def half_dump(obj, fh, *args):
        data = marshal.dumps(obj)
        fh.write(data[: len(data) // 2])  # part of the file, then the disk fills up
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(marshal, "dump", half_dump)
    with pytest.raises(OSError, match="No space left"):
        build_index(small_sources, progress=False, cache=cache)
    assert _leftovers(cache) == [good.name]
    assert good.read_bytes() == before


def test_failure_on_first_build_leaves_no_index(small_sources, tmp_path, monkeypatch):
    cache = tmp_path / "cache"

    def half_dump(obj, fh, *args):
        fh.write(b"\xfb\x00partial")
        raise KeyboardInterrupt

    monkeypatch.setattr(marshal, "dump", half_dump)
    with pytest.raises(KeyboardInterrupt):
        build_index(small_sources, progress=False, cache=cache)
    assert _leftovers(cache) == []


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda data: data[: len(data) // 2], "is unreadable"),
        (lambda data: b"", "is unreadable"),
        (lambda data: b"\x00\x01garbage", "is unreadable"),
        (lambda data: marshal.dumps([1, 2, 3]), "is not a mapper index"),
        (lambda data: marshal.dumps({"version": -1}), "is not a mapper index"),
    ],
)
def test_corrupt_index_gives_a_clear_error(small_sources, tmp_path, damage, message):
    cache = tmp_path / "cache"
    path = build_index(small_sources, progress=False, cache=cache)
    path.write_bytes(damage(path.read_bytes()))
    with pytest.raises(GazetteerError, match=message + r".*run `mapper gazetteer build`"):
        Gazetteer(small_sources, cache=cache, progress=False)


def test_outdated_index_asks_for_a_build(small_sources, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    path = build_index(small_sources, progress=False, cache=cache)
    payload = marshal.loads(path.read_bytes())
    payload["version"] = index_mod.INDEX_VERSION - 1
    path.write_bytes(marshal.dumps(payload))
    with pytest.raises(GazetteerError, match=r"outdated; run `mapper gazetteer build`"):
        Gazetteer(small_sources, cache=cache, progress=False)


def test_cli_reports_corrupt_index_then_build_repairs_it(small_sources, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("MAPPER_CACHE_DIR", str(cache))
    path = build_index(progress=False)
    assert path.parent == cache
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    runner = CliRunner()
    result = runner.invoke(main, ["geocode", "Alphaville"])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output
    assert "unreadable" in lines[0] and "mapper gazetteer build" in lines[0]

    result = runner.invoke(main, ["gazetteer", "build"])
    assert result.exit_code == 0, result.output
    assert "built" in result.output
    result = runner.invoke(main, ["geocode", "Alphaville"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Alphaville (Mali) [ML] 14.00000, -4.00000")
