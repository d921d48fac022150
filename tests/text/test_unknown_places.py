"""Names the gazetteer lacks, marked as places by the text, fall back honestly."""
from __future__ import annotations

import pytest

from mapper import extract
from mapper.gazetteer import haversine_km

GAO = (16.27167, -0.04472)
MALI = "ML"


def _one(text, gazetteer):
    r = extract(text, published="2025-11-10", gazetteer=gazetteer)
    assert len(r.incidents) == 1, r.incidents
    return r, r.incidents[0]


def test_bare_name_with_a_distance_is_placed_from_it(gazetteer):
    r, inc = _one("Gunmen attacked Xyzville, 50 km north of Gao, on Friday, killing five.",
                  gazetteer)
    assert r.unresolved == ["Xyzville"]
    assert inc.location == "Xyzville" and inc.geo_precision == 2
    assert haversine_km(inc.latitude, inc.longitude, *GAO) == pytest.approx(50, abs=3)
    assert inc.latitude > GAO[0]  # north of Gao


def test_in_name_comma_country_is_a_place(gazetteer):
    r, inc = _one("Gunmen attacked a wedding in Dagakoro, Mali, on Friday, killing five.",
                  gazetteer)
    assert r.unresolved == ["Dagakoro"]
    assert (inc.location, inc.country_code, inc.geo_precision) == ("Dagakoro", MALI, 3)


def test_name_with_its_region_in_brackets_goes_to_the_region(gazetteer):
    r, inc = _one("Gunmen attacked Dagakoro (Mopti region) on Friday, killing five.", gazetteer)
    assert r.unresolved == ["Dagakoro"]
    mopti = gazetteer.lookup("Mopti region")[0]
    assert inc.geo_precision == 3
    assert haversine_km(inc.latitude, inc.longitude, mopti.latitude, mopti.longitude) < 1


def test_in_name_comma_ordinary_word_is_not_a_place(gazetteer):
    r = extract("Fighting in Bamako, Thursday, left two dead.", published="2025-11-10",
                gazetteer=gazetteer)
    assert "Thursday" not in r.unresolved
