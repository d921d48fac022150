"""A distance phrase checks which namesake the report means."""
from __future__ import annotations

from mapper import extract


def _places(text, gazetteer):
    r = extract(text, published="2025-11-10", gazetteer=gazetteer)
    return {p.name: p.country_code for p in r.places}


def test_without_a_distance_the_malian_bamba_wins(gazetteer):
    assert _places("Gunmen attacked Bamba on Friday.", gazetteer)["Bamba"] == "ML"


def test_distance_from_a_kenyan_town_picks_the_kenyan_bamba(gazetteer):
    places = _places("Gunmen attacked Bamba, about 40 km from Kilifi, on Friday.", gazetteer)
    assert places["Bamba"] == "KE"


def test_a_distance_that_fits_no_namesake_keeps_the_first_choice(gazetteer):
    plain = _places("Gunmen attacked Bamba near Kilifi on Friday.", gazetteer)
    odd = _places("Gunmen attacked Bamba, about 3000 km from Kilifi, on Friday.", gazetteer)
    assert odd["Bamba"] == plain["Bamba"]
