"""`mapper gazetteer add` + `import` with one real index rebuild (about 15 s).

Everything happens in a scratch copy of data/ and a temporary cache folder, so the
repository's data/ and the user's cache are untouched.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from mapper.cli import main
from mapper.gazetteer import Gazetteer

FIXTURES = Path(__file__).resolve().parents[1] / "data"
REPO = Path(__file__).resolve().parents[2]


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Size and mtime of what `gazetteer add/import` would write under a data folder."""
    gaz = folder / "gazetteer"
    paths = [gaz / "additions.csv", *(gaz / "imported").rglob("*")]
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in paths
        if p.is_file()
    }


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """A scratch data/ with one added place and two imported files, and its rebuilt index."""
    import shutil

    mp = pytest.MonkeyPatch()
    before = _snapshot(REPO / "data")
    base = tmp_path_factory.mktemp("import")
    data, cache = base / "data", base / "cache"
    shutil.copytree(REPO / "data", data, ignore=shutil.ignore_patterns("imported"))
    (data / "gazetteer" / "additions.csv").unlink(missing_ok=True)
    mp.setenv("MAPPER_DATA", str(data))
    mp.setenv("MAPPER_CACHE_DIR", str(cache))
    runner = CliRunner()
    added = runner.invoke(
        main,
        [
            "gazetteer",
            "add",
            "Zzfakeplace",
            "14.25",
            "-4.5",
            "--country",
            "ML",
            "--type",
            "locality",
            "--source",
            "test fixture",
        ],
    )
    imports = runner.invoke(
        main,
        ["gazetteer", "import", str(FIXTURES / "ML_villages.txt"), str(FIXTURES / "places.csv")],
    )
    yield {
        "data": data,
        "cache": cache,
        "added": added,
        "imports": imports,
        "runner": runner,
        "repo_before": before,
    }
    mp.undo()


def test_cli_import_succeeds_and_rebuilds_once(imported):
    assert imported["added"].exit_code == 0, imported["added"].output
    result = imported["imports"]
    assert result.exit_code == 0, result.output
    assert "imported 5 places into" in result.output
    assert "imported 3 places into" in result.output
    stored = sorted(p.name for p in (imported["data"] / "gazetteer" / "imported").iterdir())
    assert stored == ["ML_villages.txt", "places.csv"]
    indexes = sorted(imported["cache"].glob("index-*.marshal"))
    assert len(indexes) == 1 and f"index ready: {indexes[0]}" in result.output
    assert not list(imported["cache"].glob(".index-*"))


@pytest.fixture(scope="module")
def gaz(imported):
    g = Gazetteer(imported["data"], cache=imported["cache"], progress=False)
    assert g.index_path.parent == imported["cache"]  # the rebuilt index, no second build
    return g


@pytest.mark.parametrize(
    ("name", "gid", "lat", "lon"),
    [
        ("Wassakoro", "geonames:99000001", 13.9172, -7.6148),
        ("Ouassakoro", "geonames:99000001", 13.9172, -7.6148),  # an alternate name
        ("Diambere Koura", "geonames:99000002", 14.7031, -3.9826),
        ("Tinkaré", "geonames:99000004", 15.8451, -2.5163),
        ("Sokoura Bozo", "imported:sokoura-bozo", 14.3621, -4.2517),
        ("Keniéba-Ouest", "imported:kenieba-ouest", 12.846, -11.2501),
    ],
)
def test_imported_places_are_found(gaz, name, gid, lat, lon):
    best = gaz.best(name, country_codes="ML")
    assert best.id == gid
    assert (best.latitude, best.longitude) == pytest.approx((lat, lon))


def test_dump_details_survive(gaz):
    tinkare = gaz.best("Tinkare")
    assert (tinkare.admin1, tinkare.population, tinkare.place_type) == (
        "Tombouctou",
        640,
        "locality",
    )
    lake = gaz.best("Mare de Falembougou")
    assert lake.place_type == "feature"


def test_added_place_survives_the_rebuild(gaz):
    best = gaz.best("Zzfakeplace")
    assert best.id == "additions:zzfakeplace-ml"
    assert (best.latitude, best.longitude) == (14.25, -4.5)
    # and the real sources are still there
    assert gaz.best("Tonka", country_codes="ML").id == "curated:tonka"
    assert gaz.best("Timbuktu").country_code == "ML"


def test_cli_sees_imports_and_info_lists_them(imported):
    runner = imported["runner"]
    mp = pytest.MonkeyPatch()
    mp.setenv("MAPPER_DATA", str(imported["data"]))
    mp.setenv("MAPPER_CACHE_DIR", str(imported["cache"]))
    try:
        found = runner.invoke(main, ["geocode", "Dounkan Koro"])
        info = runner.invoke(main, ["gazetteer", "info"])
    finally:
        mp.undo()
    assert found.exit_code == 0, found.output
    assert found.output.startswith("Dounkan Koro (Mali) [ML] 13.05540, -7.20330  locality")
    assert info.exit_code == 0, info.output
    assert "imported: ML_villages.txt, places.csv" in info.output
    assert str(imported["cache"]) in info.output
    assert len(list(imported["cache"].glob("index-*.marshal"))) == 1


def test_repository_data_untouched(imported):
    assert _snapshot(REPO / "data") == imported["repo_before"]
