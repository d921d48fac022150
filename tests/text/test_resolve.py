"""Unit tests of mapper.text.resolve: choosing a gazetteer record for each mention."""
from __future__ import annotations

import math

import pytest

from mapper.text.lexicon import lexicon
from mapper.text.resolve import resolve_mentions
from mapper.text.sentences import split_sentences
from mapper.text.toponyms import find_mentions


@pytest.fixture(scope="module")
def lex():
    return lexicon()


@pytest.fixture
def resolve(gazetteer, lex):
    def run(text):
        mentions = find_mentions(text, split_sentences(text), gazetteer, lex)
        return resolve_mentions(text, mentions, gazetteer, lex)
    return run


def _by_surface(res, surface):
    found = [r for r in res.resolved if r.mention.surface == surface]
    assert found, f"{surface!r} not resolved: {[r.mention.surface for r in res.resolved]}"
    return found[0]


def _km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


MALI_KAYES = ("BAMAKO, Mali (AP) — Gunmen attacked a market in Kayes on Friday, "
              "Malian officials said.")
CONGO_KAYES = ("Officials in the Republic of the Congo said gunmen attacked Kayes and Nkayi "
               "on Friday.")


def test_a_mali_report_means_the_malian_kayes(resolve, gazetteer):
    # the gazetteer holds a Kayes in Mali and one in the Republic of the Congo
    assert {c.country_code for c in gazetteer.lookup("Kayes")} >= {"ML", "CG"}
    res = resolve(MALI_KAYES)
    assert res.focus == "ML"
    kayes = _by_surface(res, "Kayes")
    assert kayes.resolved
    assert kayes.country_code == "ML"
    assert kayes.candidate.place_type == "locality"
    assert _km(kayes.latitude, kayes.longitude, 14.45, -11.44) < 20
    assert kayes.precision == 1


def test_a_congo_report_means_the_congolese_kayes(resolve):
    res = resolve(CONGO_KAYES)
    assert res.focus == "CG"
    kayes = _by_surface(res, "Kayes")
    assert kayes.country_code == "CG"
    assert kayes.latitude < 0


def test_country_named_in_the_report_outweighs_population(resolve, gazetteer):
    # the Malian Gao is the larger town; the Burkinabe one is meant here
    ranked = gazetteer.lookup("Gao")
    assert ranked[0].country_code == "ML"
    res = resolve("Burkina Faso's army said gunmen attacked Gao on Friday.")
    gao = _by_surface(res, "Gao")
    assert gao.country_code == "BF"
    assert gao.admin1 == "Centre-Ouest"


def test_countries_are_counted(resolve):
    res = resolve("France, the US, Germany and Italy urged their citizens to leave Mali. "
                  "Gunmen attacked Gao and Kidal in Mali.")
    assert res.focus == "ML"
    assert res.countries["ML"] > res.countries["FR"]


def test_qualifier_region_constrains_the_choice(resolve):
    res = resolve("Gunmen attacked Bamba, in the Gao region, on Friday. Mali's army responded.")
    bamba = _by_surface(res, "Bamba")
    assert bamba.resolved
    assert bamba.country_code == "ML"
    assert bamba.admin1 == "Gao"
    assert _km(bamba.latitude, bamba.longitude, 17.03, -1.40) < 10
    assert bamba.precision == 1


def test_a_different_qualifier_gives_a_different_bamba(resolve):
    res = resolve("Gunmen attacked Bamba, in Kenya, on Friday.")
    bamba = _by_surface(res, "Bamba")
    assert bamba.country_code == "KE"
    assert bamba.latitude < 0


def test_qualifier_country_with_direction_places_an_unknown_village(resolve, gazetteer):
    mali = gazetteer.country_point("ML")
    west = resolve("Workers were abducted near Dagakoro in western Mali.")
    east = resolve("Workers were abducted near Dagakoro in eastern Mali.")
    w, e = _by_surface(west, "Dagakoro"), _by_surface(east, "Dagakoro")
    for r, res in ((w, west), (e, east)):
        assert not r.resolved
        assert r.precision == 3
        assert r.country_code == "ML"
        assert res.unresolved == ["Dagakoro"]
    assert w.area == "western Mali"
    assert w.longitude < mali.longitude - 1 < mali.longitude + 1 < e.longitude
    # still inside Mali's span of longitudes (about 12.2 W to 4.3 E)
    assert -12.5 < w.longitude and e.longitude < 4.5
    assert w.confidence < 0.5


def test_unknown_name_with_only_the_country_falls_back_to_the_country_point(resolve, gazetteer):
    res = resolve("Gunmen attacked the village of Dagakoro on Friday. Mali's army said five died.")
    r = _by_surface(res, "Dagakoro")
    mali = gazetteer.country_point("ML")
    assert not r.resolved
    assert (r.latitude, r.longitude) == (mali.latitude, mali.longitude)
    assert (r.precision, r.country_code) == (3, "ML")
    assert res.unresolved == ["Dagakoro"]


def test_unknown_name_in_a_region_falls_back_to_the_region(resolve):
    res = resolve("Gunmen attacked the village of Dagakoro in the Gao region.")
    r = _by_surface(res, "Dagakoro")
    gao_region = _by_surface(res, "Gao region")
    assert not r.resolved
    assert (r.latitude, r.longitude) == (gao_region.latitude, gao_region.longitude)
    assert r.precision == 3
    assert r.admin1 == "Gao"


def test_repeated_unknown_name_shares_its_fallback(resolve):
    res = resolve("Gunmen attacked the village of Dagakoro in western Mali. "
                  "Dagakoro was calm on Saturday.")
    rs = [r for r in res.resolved if r.mention.surface == "Dagakoro"]
    assert len(rs) == 2
    assert (rs[0].latitude, rs[0].longitude) == (rs[1].latitude, rs[1].longitude)
    assert res.unresolved == ["Dagakoro"]


@pytest.mark.parametrize("km, direction, bearing", [(50, "north", 0), (30, "south-west", 225)])
def test_distance_phrase_places_an_unknown_name(resolve, km, direction, bearing):
    res = resolve(f"Gunmen attacked the village of Xyzville, {km} km {direction} of Gao, "
                  "on Friday.")
    x, gao = _by_surface(res, "Xyzville"), _by_surface(res, "Gao")
    assert not x.resolved and gao.resolved
    assert gao.country_code == "ML"
    assert abs(_km(gao.latitude, gao.longitude, x.latitude, x.longitude) - km) < 1
    dlat, dlon = x.latitude - gao.latitude, x.longitude - gao.longitude
    if bearing == 0:
        assert dlat > 0 and abs(dlon) < 1e-6
    else:
        assert dlat < 0 and dlon < 0
    assert x.precision == 2
    assert x.country_code == "ML"
    assert res.unresolved == ["Xyzville"]


def test_distance_in_miles_checks_a_known_name(resolve):
    res = resolve("Her captors drove her to Independence Square in Tonka, a town about "
                  "90 miles from Timbuktu.")
    tonka, timbuktu = _by_surface(res, "Tonka"), _by_surface(res, "Timbuktu")
    assert tonka.resolved and timbuktu.resolved
    assert tonka.country_code == timbuktu.country_code == "ML"
    # the Malian Tonka, by the lake west of Timbuktu: within the stated distance
    assert _km(tonka.latitude, tonka.longitude, timbuktu.latitude, timbuktu.longitude) < 90 * 1.61
    assert res.unresolved == []


def test_named_site_inside_a_town_is_a_feature(resolve):
    res = resolve("Her captors drove her to Independence Square in Tonka, a town about "
                  "90 miles from Timbuktu.")
    (feat,) = res.features
    tonka = _by_surface(res, "Tonka")
    assert feat.mention.surface == "Independence Square"
    assert feat.candidate.place_type == "feature"
    assert (feat.latitude, feat.longitude) == (tonka.latitude, tonka.longitude)
    assert feat.precision == 2


def test_weak_readings_of_ordinary_words_are_dropped(resolve):
    res = resolve("Gunmen attacked Gao on Friday. Mali's army said Independence Day "
                  "celebrations were cancelled.")
    assert [r.mention.surface for r in res.resolved] == ["Gao", "Mali"]


def test_in_sentence(resolve):
    res = resolve("Gunmen attacked Gao. Soldiers went to Kidal and Tessalit in Mali.")
    assert [r.mention.surface for r in res.in_sentence(0)] == ["Gao"]
    assert [r.mention.surface for r in res.in_sentence(1)] == ["Kidal", "Tessalit", "Mali"]
