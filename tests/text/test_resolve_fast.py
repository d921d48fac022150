"""mapper.text.resolve: the shortcuts of place resolution give what the plain steps give.

Each pre-check that lets resolution skip a regular expression must be a superset of it:
whenever the pattern matches, the pre-check must say "maybe". These tests run the
pattern and the pre-check side by side on stretches of the sample reports, on sentences
of their words in random order, and on awkward text (upper case, accents, curly quotes,
"İ" whose lower case is longer).
"""
from __future__ import annotations

import random
from pathlib import Path

from mapper.text import resolve as R
from mapper.text.sentences import split_sentences

REPORTS = Path(__file__).resolve().parents[2] / "data" / "reports"

FEATURES = ["Independence Square in ", "the Grand Marché de Gao, in ", "Place de l’Indépendance à ",
            "la Mosquée du Vendredi d’", "Bamako Central Prison , at ", "Place de la Nation de ",
            "KATI MILITARY CAMP IN ", "Hôpital Gabriel Touré de ", "Stade du 26 Mars à ",
            "near the Sévaré Airport of ", "İstanbul Street Market in ", "Old Mosque in\n",
            "the Palais des Sports de ", "Aéroport Modibo Keita à ", "xPlace Kennedy in "]


def _texts() -> list[str]:
    """Report sentences, shuffled-word sentences (with site words among them), odd text."""
    sentences = [s.text for p in sorted(REPORTS.glob("*.txt"))
                 for s in split_sentences(p.read_text(encoding="utf-8"))]
    words = [w for s in [*sentences, *FEATURES] for w in s.split()]
    rng = random.Random(13)
    made = [" ".join(rng.sample(words, rng.randint(5, 40))) + rng.choice([" in ", " à ", " "])
            for _ in range(400)]
    return [*sentences, *made, *FEATURES]


TEXTS = _texts()


def test_a_site_phrase_always_holds_a_site_word():
    matched = 0
    for text in TEXTS:
        for end in range(len(text) + 1):  # every window _features could cut, ending anywhere
            before = text[max(0, end - 60):end]
            if R._FEATURE.search(before):
                matched += 1
                assert R._SITE_WORD.search(before), before
            elif "Place" in before or "Square" in before:
                assert R._SITE_WORD.search(before), before
    assert matched >= 10  # the pattern did match: the check above was exercised


def test_site_words_are_those_of_the_feature_pattern():
    # the pattern is built from the two lists: a word added to a list is looked for too
    for word in [*R._SITES, *R._SITES_FR]:
        assert word in R._FEATURE.pattern
        assert R._SITE_WORD.fullmatch(word), word


DISTANCES = [", about 90 miles from ", " , 50 KM NORTH OF ",
             ", some 12,5 kilometres south-east of ",
             ", un village à 30 km au nord de ", ", à environ 45 Km de ", " (20 mi) from ",
             ", a small town of the Mopti region 7 kilometers from ", ", situé à 15 km d’",
             ", 3 Miles (5 km) West of the ", ", located 60 KİLOMETRES from ", " 10 ｍiles from ",
             ", which is 8 km from l’", " ٣٠ km from ", ", lying 100 km north-west of the "]


def test_a_distance_phrase_is_never_ruled_out_by_its_pre_check():
    matched = 0
    gaps = [*DISTANCES, *(t[a:b] for t in TEXTS for a in range(0, len(t), 5)
                          for b in (a + 10, a + 40, a + 80))]
    for gap in gaps:
        if R._DIST.match(gap):
            matched += 1
            assert R._may_measure(gap), gap
    assert matched >= 10


def test_only_m_and_M_read_as_m_without_case():
    import re
    import sys

    assert [chr(c) for c in range(sys.maxunicode + 1)
            if re.fullmatch("m", chr(c), re.IGNORECASE)] == ["M", "m"]


def test_the_remembered_ranking_is_that_of_a_lookup(gazetteer):
    from mapper.gazetteer import Gazetteer

    names = ["Kayes", "Gao", "Tombouctou", "Timbuktu region", "Côte d’Ivoire", "Niger", "Boni",
             "MOPTI", "Zorbakou-nowhere", "", "Sahel"]
    fresh = Gazetteer(progress=False)  # asked in another order than the shared one
    for name in [*names, *reversed(names)]:
        expected = tuple(fresh.lookup(name))
        assert gazetteer.ranked(name) == expected, name
        assert gazetteer.ranked(name) is gazetteer.ranked(name) or not expected
        assert gazetteer.lookup(name) == list(expected)
        assert gazetteer.lookup(name, limit=1) == list(expected[:1])


def test_a_distance_check_picks_the_first_ranked_namesake_that_fits(gazetteer):
    from mapper.gazetteer.names import fold
    from mapper.text.toponyms import Mention

    def plain(m, cand, dist, bias):  # the whole ranking, read until a namesake fits
        km, _, anchor = dist
        slack = max(75.0, 0.6 * km)

        def fits(c):
            return abs(R.haversine_km(c.latitude, c.longitude, anchor.latitude,
                                      anchor.longitude) - km) <= slack
        if fits(cand):
            return cand
        ranked = gazetteer.lookup(m.surface if fold(m.surface) == m.key else m.key,
                                  bias_countries=bias, country_codes=bias or None)
        return next((c for c in ranked if fits(c)), cand)

    rng = random.Random(3)
    names = [n for n in ["Kayes", "Boni", "San", "Gao", "Koro", "Bamba", "Tonka", "Niono", "Dori",
                         "Sama", "Kara", "Djibo", "Douentza", "Koulikoro", "Diré", "DIRE"]
             if len(gazetteer.lookup(n)) > 1]
    anchors = [gazetteer.lookup(n)[0] for n in ["Timbuktu", "Mopti", "Niamey", "Bamako",
                                                "Ouagadougou", "Paris", "Dakar"]]
    changed = 0
    for _ in range(600):
        surface = rng.choice(names)
        m = Mention(0, len(surface), surface, fold(surface), 0, True)
        m.candidates = gazetteer.lookup(surface) or gazetteer.lookup(m.key)
        cand = rng.choice(m.candidates)
        bias = tuple(rng.sample(["ML", "NE", "BF", "SN", "CG", "FR", "CI"], rng.randint(0, 3)))
        dist = (rng.choice([10.0, 60.0, 150.0, 400.0, 900.0]), None, rng.choice(anchors))
        got = R._check_distance(gazetteer, m, cand, dist, bias)
        assert got == plain(m, cand, dist, bias), (surface, bias, dist)
        changed += got != cand
    assert changed > 20  # namesakes were swapped, not only kept
