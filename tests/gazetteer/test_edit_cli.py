"""`mapper gazetteer add | info` and the add_place library call, on a scratch copy of data/."""

from __future__ import annotations

import csv

import pytest
from click.testing import CliRunner

from mapper.cli import main
from mapper.gazetteer import Gazetteer
from mapper.gazetteer.edit import add_place
from mapper.gazetteer.sources import CSV_COLUMNS


@pytest.fixture
def runner(gazetteer):  # the default-cache index exists, so nothing below rebuilds it
    return CliRunner()


def _rows(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_add_writes_additions_and_is_found_at_once(runner, scratch_data):
    result = runner.invoke(
        main,
        [
            "gazetteer",
            "add",
            "Zzfakeplace",
            "14.25",
            "-4.5",
            "--country",
            "ml",
            "--type",
            "feature",
            "--source",
            "field team, Nov 2025",
            "--precision",
            "2",
            "--note",
            "Well near the road",
        ],
    )
    assert result.exit_code == 0, result.output
    path = scratch_data / "gazetteer" / "additions.csv"
    assert str(path) in result.output
    (row,) = _rows(path)
    assert list(row) == CSV_COLUMNS
    assert (row["id"], row["name"], row["place_type"], row["country_code"]) == (
        "additions:zzfakeplace-ml",
        "Zzfakeplace",
        "feature",
        "ML",
    )
    assert (float(row["latitude"]), float(row["longitude"])) == (14.25, -4.5)
    assert row["source"] == "field team, Nov 2025" and row["precision"] == "2"

    found = runner.invoke(main, ["geocode", "ZZFAKEPLACE"])
    assert found.exit_code == 0, found.output
    assert found.output.startswith(
        "Zzfakeplace (Mali) [ML] 14.25000, -4.50000  feature, precision 2"
    )
    assert "note: Well near the road" in found.output


def test_second_add_appends_and_a_correction_wins(runner, scratch_data):
    for lat in ("14.0", "14.5"):
        result = runner.invoke(
            main, ["gazetteer", "add", "Zzfakeplace", lat, "-4", "--country", "ML"]
        )
        assert result.exit_code == 0, result.output
    runner.invoke(main, ["gazetteer", "add", "Zzotherplace", "13", "-5", "--country", "ML"])
    rows = _rows(scratch_data / "gazetteer" / "additions.csv")
    assert [r["name"] for r in rows] == ["Zzfakeplace", "Zzfakeplace", "Zzotherplace"]
    gaz = Gazetteer(progress=False)
    (only,) = gaz.lookup("Zzfakeplace")
    assert only.latitude == 14.5
    assert gaz.best("Zzotherplace").latitude == 13.0


def test_add_place_library_call(scratch_data):
    gid = add_place("Zz Ségou-Nord", 13.5, -6.2, "ml", admin1="Ségou", note="test")
    assert gid == "additions:zz-segou-nord-ml"
    best = Gazetteer(progress=False).best("zz segou nord")
    assert (best.id, best.admin1, best.note) == (gid, "Ségou", "test")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["Zz", "95", "-4", "--country", "ML"], "Error: coordinates 95.0, -4.0 are out of range"),
        (
            ["Zz", "14", "-200", "--country", "ML"],
            "Error: coordinates 14.0, -200.0 are out of range",
        ),
        (
            ["Zz", "14", "-4", "--country", "MLI"],
            "Error: country 'MLI' is not an ISO 3166 alpha-2 code (e.g. ML)",
        ),
        (["  ", "14", "-4", "--country", "ML"], "Error: a place needs a name"),
    ],
)
def test_add_bad_input_is_one_line_and_writes_nothing(runner, scratch_data, args, message):
    result = runner.invoke(main, ["gazetteer", "add", *args])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [message]
    assert not (scratch_data / "gazetteer" / "additions.csv").exists()


def test_add_usage_errors(runner, scratch_data):
    result = runner.invoke(main, ["gazetteer", "add", "Zz", "north", "-4", "--country", "ML"])
    assert result.exit_code == 2 and "'north' is not a valid float" in result.output
    result = runner.invoke(main, ["gazetteer", "add", "Zz", "14", "-4"])
    assert result.exit_code == 2 and "--country" in result.output
    assert not (scratch_data / "gazetteer" / "additions.csv").exists()


def test_info(runner, scratch_data, gazetteer):
    result = runner.invoke(main, ["gazetteer", "info"])
    assert result.exit_code == 0, result.output
    fields = dict(line.split(":", 1) for line in result.output.splitlines())
    assert str(gazetteer.index_path) in fields["index"]
    assert fields["data"].strip() == str(scratch_data / "gazetteer")
    assert int(fields["records"].split()[0].replace(",", "")) == len(gazetteer)
    assert int(fields["countries"]) == len(gazetteer.countries) > 200
    assert fields["imported"].strip() == "none"
