"""GazetteerGeocoder behaves like a geopy geocoder (and plugs into geopandas)."""

from __future__ import annotations

import pytest
from geopy.exc import GeocoderQueryError
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from mapper.gazetteer.geocoder import GazetteerGeocoder


@pytest.fixture(scope="module")
def geocoder(gazetteer):
    return GazetteerGeocoder(gazetteer=gazetteer)


def test_is_a_geopy_geocoder(geocoder):
    assert isinstance(geocoder, Geocoder)


def test_geocode_returns_a_location(geocoder, gazetteer):
    loc = geocoder.geocode("Tonka", country_codes="ML")
    assert isinstance(loc, Location)
    assert loc.latitude == pytest.approx(16.13, abs=0.02)
    assert loc.longitude == pytest.approx(-3.75, abs=0.02)
    assert loc.address == "Tonka, Tombouctou, Mali"
    assert loc.raw["countryCode"] == "ML" and loc.raw["fcl"] == "P"
    assert loc.raw["id"] == gazetteer.best("Tonka").id


def test_not_found_is_none(geocoder):
    assert geocoder.geocode("Xyzzyplace") is None
    assert geocoder.geocode("Tonka", country_codes=["ZZ"]) is None


def test_list_when_not_exactly_one(geocoder):
    locs = geocoder.geocode("San Pedro", exactly_one=False)
    assert isinstance(locs, list) and len(locs) > 3
    assert all(isinstance(loc, Location) for loc in locs)
    scores = [loc.raw["score"] for loc in locs]
    assert scores == sorted(scores, reverse=True)
    assert len(geocoder.geocode("San Pedro", exactly_one=False, limit=2)) == 2


def test_country_codes_filter(geocoder):
    locs = geocoder.geocode("San Pedro", exactly_one=False, country_codes=["CI"])
    assert locs and {loc.raw["countryCode"] for loc in locs} == {"CI"}
    ph = geocoder.geocode("San Pedro", country_codes="PH")
    assert ph.raw["countryCode"] == "PH"


def test_default_country_is_a_bias(gazetteer):
    coder = GazetteerGeocoder(gazetteer=gazetteer, default_country="PH")
    assert coder.geocode("San Pedro").raw["countryCode"] == "PH"
    assert coder.geocode("Tonka").raw["countryCode"] == "ML"  # a bias, not a filter


def test_region_and_country(geocoder):
    region = geocoder.geocode("Timbuktu region")
    assert (region.raw["placeType"], region.raw["fcode"]) == ("admin1", "ADM1")
    country = geocoder.geocode("Côte d’Ivoire")
    assert country.raw["countryCode"] == "CI" and country.raw["fcode"] == "PCLI"


def test_bad_query(geocoder):
    with pytest.raises(GeocoderQueryError):
        geocoder.geocode("   ")


def test_reverse_gives_the_nearest_town(geocoder, gazetteer):
    timbuktu = gazetteer.best("Timbuktu")
    loc = geocoder.reverse((timbuktu.latitude + 0.005, timbuktu.longitude - 0.005))
    assert isinstance(loc, Location)
    assert loc.raw["id"] == timbuktu.id
    assert geocoder.reverse("16.775, -3.01").raw["id"] == timbuktu.id
    several = geocoder.reverse((12.65, -8.0), exactly_one=False, limit=3)
    assert len(several) == 3 and several[0].raw["name"] == "Bamako"
    with pytest.raises(ValueError):
        geocoder.reverse("not a point")


def test_keyword_only_construction_loads_the_default_gazetteer():
    coder = GazetteerGeocoder(user_agent="test", timeout=5)
    assert coder.geocode("Tombouctou").raw["countryCode"] == "ML"


def test_geopandas_geocode_with_the_class_as_provider():
    from geopandas.tools import geocode

    gdf = geocode(["Tonka", "Bamako", "Xyzzyplace"], provider=GazetteerGeocoder)
    assert len(gdf) == 3
    assert gdf["address"][0] == "Tonka, Tombouctou, Mali"
    assert gdf["address"][1].startswith("Bamako") and gdf["address"][1].endswith("Mali")
    assert gdf.geometry[0].y == pytest.approx(16.13, abs=0.02)
    assert gdf.geometry[0].x == pytest.approx(-3.75, abs=0.02)
    assert gdf.geometry[1].y == pytest.approx(12.6, abs=0.1)
    assert gdf.geometry[1].x == pytest.approx(-8.0, abs=0.1)
    assert gdf.geometry[2] is None or gdf.geometry[2].is_empty  # not found
