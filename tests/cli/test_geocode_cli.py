"""`mapper geocode` through click's CliRunner against the real index."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from mapper.cli import main

LINE = re.compile(
    r"^(?P<label>.+) \[(?P<cc>[A-Z]{2})\] (?P<lat>-?\d+\.\d+), (?P<lon>-?\d+\.\d+)  "
    r"(?P<type>\w+), precision (?P<prec>\d)"
)


@pytest.fixture(scope="module")
def run(gazetteer):  # the session index exists, so no command below builds one
    runner = CliRunner()

    def _run(*args):
        return runner.invoke(main, ["geocode", *args])

    return _run


def _places(output: str) -> list[re.Match]:
    return [m for m in map(LINE.match, output.splitlines()) if m]


def test_tonka_in_mali(run):
    result = run("Tonka", "--country", "ML")
    assert result.exit_code == 0, result.output
    (m,) = _places(result.output)
    assert m["label"] == "Tonka (Tombouctou, Mali)" and m["cc"] == "ML"
    assert float(m["lat"]) == pytest.approx(16.13, abs=0.02)
    assert float(m["lon"]) == pytest.approx(-3.75, abs=0.02)


def test_all_lists_tonka_and_near_timbuktu_ranks_it_first(run):
    listed = _places(run("Tonka", "--all").output)
    assert any(m["label"].startswith("Tonka") and m["cc"] == "ML" for m in listed)
    assert all(
        "score" in line for line in run("Tonka", "--all").output.splitlines() if LINE.match(line)
    )
    near = _places(run("Tonka", "--all", "--near", "Timbuktu").output)
    assert near[0]["cc"] == "ML"
    by_point = _places(run("Tonka", "--near", "16.77,-3.0").output)
    assert by_point[0]["cc"] == "ML"


def test_near_changes_the_winner(run):
    ci = _places(run("San Pedro", "--near", "Abidjan").output)
    ph = _places(run("San Pedro", "--near", "Manila").output)
    assert ci[0]["cc"] == "CI" and ph[0]["cc"] == "PH"


@pytest.mark.parametrize("name", ["Timbuktu", "Tombouctou", "Timbuctoo"])
def test_timbuktu_spellings(run, name):
    (m,) = _places(run(name).output)
    assert m["label"] == "Timbuktu (Tombouctou, Mali)"
    assert m["type"] == "locality"


def test_timbuktu_region_is_the_region(run):
    (m,) = _places(run("Timbuktu region").output)
    assert m["type"] == "admin1" and m["cc"] == "ML"
    assert m["label"] == "Tombouctou (Mali)"


@pytest.mark.parametrize("name", ["Côte d’Ivoire", "Ivory Coast"])
def test_ivory_coast_line_is_clean(run, name):
    result = run(name)
    assert result.exit_code == 0
    (m,) = _places(result.output)
    assert m["cc"] == "CI" and m["type"] == "country"
    assert m["label"] == "Ivory Coast"  # no empty "()" when there is no admin1
    assert "()" not in result.output


def test_kobri_is_approximate_with_its_note(run):
    result = run("Kobri")
    assert result.exit_code == 0
    (m,) = _places(result.output)
    assert m["prec"] == "2"
    notes = [line for line in result.output.splitlines() if line.startswith("  note: ")]
    assert len(notes) == 1 and "Approximate" in notes[0]


def test_json(run):
    one = json.loads(run("Ségou", "--json").output)
    assert (one["name"], one["country_code"], one["place_type"]) == ("Ségou", "ML", "locality")
    many = json.loads(run("San Pedro", "--all", "--json").output)
    assert isinstance(many, list) and len(many) > 3
    assert {"id", "latitude", "longitude", "precision", "score"} <= many[0].keys()


@pytest.mark.parametrize("args", [["Xyzzyplace"], ["Tonka", "--country", "SN"]])
def test_unknown_name_is_one_line_with_a_hint(run, args):
    result = run(*args)
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output
    assert lines[0].startswith("Error: no gazetteer entry for")
    assert "mapper gazetteer add" in lines[0]


def test_bad_near_is_one_line(run):
    result = run("Tonka", "--near", "95,10")
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == ["Error: --near '95,10': coordinates out of range"]
    result = run("Tonka", "--near", "Xyzzyplace")
    assert result.exit_code == 1 and "mapper gazetteer add" in result.output
