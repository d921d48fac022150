"""mapper.text.toponyms: more shortcuts of the place-name finder, each compared with the plain
way it replaces on the sample reports, on texts of their words in random order, on texts of
a few pieces meeting in every combination and on awkward text (upper case, accents, curly
quotes, odd spacing, letters whose lower case is longer).
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from mapper.text import toponyms as T
from mapper.text.lexicon import lexicon
from mapper.text.scan import forget_texts, lower, words_of
from mapper.text.sentences import split_sentences

REPORTS = Path(__file__).resolve().parents[2] / "data" / "reports"
EXPECTED = Path(__file__).resolve().parent / "expected"

AWKWARD = [
    "", ".", "(", "Gao, a town.", "Gao, a TOWN. Gao, A town. Gao,a town. Gao, a  town.",
    "Gossi, a townK. Gossi, a town_ Gossi, a town’s edge. Gossi, a town-like place",
    "Tin-Hama, une localité du cercle. Ber, une localitÉ. Boni, un village\u00a0peul",
    "Sama, 50km east; Kobri, some 90 kilometres from Kayes; N’Dakar 12 miles; Boura (Mopti "
    "region). Georgetown, township, capacity, villages, Villeneuve, hamlets",
    "İNEKAR, a hamlet. Anefis, a commune\nin Kidal. Dagakoro, a city. Sévaré, a locality.",
    "MARIAM CISSÉ, A VILLAGE CHIEF. “Gao”, a town. «Boni», un village. Gao ,a town",
    "Gao, a town\u2028near. Gao, a\ttown. Gao, a city\u0301. Gao, a cityⅠ. Gao, a city①",
]


def _texts() -> list[str]:
    reports = [p.read_text(encoding="utf-8") for p in sorted(REPORTS.glob("*.txt"))]
    reports += [p.read_text(encoding="utf-8") for p in sorted(EXPECTED.glob("*.txt"))]
    rng = random.Random(17)
    words = " ".join(reports + AWKWARD).split()
    shuffled = [" ".join(rng.choice(words) for _ in range(rng.randint(3, 200)))
                for _ in range(400)]
    pieces = ["Gao", "Tin-Hama", "a", "town", "TOWN", "village", "villages", "une", "localité",
              "un", "hamlet", "city", "ville", "50", "km", "miles", "(", ")", "Mopti", "region",
              "’s", "-", "_", "K", "Ⅰ", ", a town", ", une localité", ", a city", " (Gao region)",
              ", a hamlet", " 40 km", ", a villages"]
    gaps = [" ", " ", ", ", ",", ". ", "\n", "", "  "]
    made = ["".join(rng.choice(pieces) + rng.choice(gaps) for _ in range(rng.randint(1, 30)))
            for _ in range(3000)]
    return reports + AWKWARD + ["\n\n".join(AWKWARD)] + shuffled + made


TEXTS = _texts()


@pytest.fixture(scope="module")
def cues():
    from mapper.gazetteer import Gazetteer

    lex = lexicon()
    T._cued_unknowns("near Gao", T.tokenize("near Gao", split_sentences("near Gao")), [],
                     Gazetteer(progress=False), lex)
    return lex.derived["cues"]


def _spans(matches) -> list[tuple[int, int, tuple]]:
    return [(m.start(), m.end(), m.groups()) for m in matches]


def test_no_character_but_a_letter_or_digit_lowers_to_one():
    """What :func:`T._whole_needles` leans on: the lower case of a character that is not a
    letter or digit (nor "_") starts with no letter or digit."""
    for c in map(chr, range(sys.maxunicode + 1)):
        if not (c.isalnum() or c == "_"):
            low = lower(c)
            assert not low[:1].isalnum(), hex(ord(c))


def test_apposition_needles_read_as_words_find_the_matches_of_a_whole_scan(cues):
    appos_re, needles, whole = cues[1], cues[3], cues[4]
    assert {"town", "village", "localité"} <= whole and not whole & {"(", "km", "kilom", "mile"}
    found = skipped = 0
    for text in TEXTS:
        forget_texts()
        low = lower(text)
        fast = _spans(T._appositions(appos_re, text, low, needles, whole))
        assert fast == _spans(appos_re.finditer(text)), text
        assert fast == _spans(T._appositions(appos_re, text, low, needles)), text
        found += len(fast)
        skipped += any(n not in words_of(text) for n in whole)
    assert found > 200 and skipped > 100, (found, skipped)


def test_a_needle_not_held_whole_is_always_looked_for():
    ends = {"a town": "town", "a township": "township", "un lieu-dit": "lieu", "a big town": "town",
            "a Hamlet": "hamlet", "a city’s": "city", "a ville,": "ville", "a ‘commune’": "commune"}
    got = T._whole_needles(ends, ("town", "township", "lieu", "hamlet", "city", "ville"))
    assert got == {"town", "township"}
    ends["the town-side"] = "town"  # "town" no longer stands whole in every phrase of it
    assert T._whole_needles(ends, ("town", "township")) == {"township"}

