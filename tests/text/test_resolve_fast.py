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
