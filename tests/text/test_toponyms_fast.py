"""mapper.text.toponyms: the shortcuts of the place-name finder must find exactly what the
plain patterns (or the plain way) find.

Each shortcut is compared with what it replaces on the sample reports, on texts made of
their words in random order, on texts made of a few words and separators that meet in
every combination (so that the edges of a shortcut are reached), and on awkward text
(upper case, accents, curly quotes, "İ" whose lower case is longer, new lines).
"""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from mapper.text import toponyms as T
from mapper.text.lexicon import lexicon
from mapper.text.sentences import split_sentences

REPORTS = Path(__file__).resolve().parents[2] / "data" / "reports"

AWKWARD = [
    "Gunmen struck in Dagakoro, Mali, and in Boni, Burkina Faso; within Gao, Mali too.",
    "in Gao,\nMali. at Tin-Hama,  Niger, dans Boni de Kidal, Mali. à Sévaré, Mali",
    "IN GAO, MALI; In Gao, Mali; inGao, Mali; begin Gao, Mali; in Gao ,Mali; in Gao, mali",
    "in İstanbul, Türkiye. in N’Djamena, Chad. in Ber d’Ouest, Mali", "", ",", ", A", "in A, B",
    "in Gao, Mali,, Niger. at Kidal, Mali, Niger, Burkina Faso. in Gao.Boni, Mali",
    "dans la ville de Ménaka, Mali, et à Ansongo, Mali (à 40 km), in Ber, Ma'li",
    "in Gao el Boni-Kidal, Mali's east, at X-Y Z, AB CD, in Gao du Nord, Mali", "à Å, Ä",
]


class _NoPlaces:
    """Enough of a gazetteer for the patterns to be built: it knows no name."""

    def __contains__(self, key):
        return False

    def lookup(self, *args, **kwargs):
        return []


@pytest.fixture(scope="module")
def cues():
    lex = lexicon()
    T._cued_unknowns("near Gao", T.tokenize("near Gao", split_sentences("near Gao")), [],
                     _NoPlaces(), lex)
    return lex.derived["cues"]


def _spans(matches) -> list[tuple[int, int, tuple]]:
    return [(m.start(), m.end(), m.groups()) for m in matches]


def _texts() -> list[str]:
    """Whole reports, texts of their words in random order, awkward texts, and texts of a
    few pieces (cue words, names, commas, full stops, new lines) in every order."""
    reports = [p.read_text(encoding="utf-8") for p in sorted(REPORTS.glob("*.txt"))]
    rng = random.Random(11)
    words = " ".join(reports + AWKWARD).split()
    shuffled = [" ".join(rng.choice(words) for _ in range(rng.randint(5, 200)))
                for _ in range(300)]
    pieces = ["in", "at", "dans", "à", "Gao", "Mali", "Burkina Faso", "Tin-Hama", "de", "du",
              "N’Djamena", "d’", "İn", "IN", "x", "12", ",", ".", ";", "(", ")", "'s"]
    gaps = [" ", " ", " ", "", "\n", ", ", "  ", "-", ". "]
    made = ["".join(rng.choice(pieces) + rng.choice(gaps) for _ in range(rng.randint(1, 40)))
            for _ in range(3000)]
    return reports + AWKWARD + ["\n\n".join(AWKWARD)] + shuffled + made


def test_in_country_matches_are_those_of_the_plain_pattern(cues):
    rx = cues[2]
    found = 0
    for text in _texts():
        fast = _spans(T._in_country(rx, text))
        assert fast == _spans(rx.regex.finditer(text)), text
        found += len(fast)
    assert found > 100  # the texts do hold matches, at their edges too


def test_in_country_with_a_stretch_too_short_would_be_told_apart(cues):
    """The comparison above can fail: the matches of a stretch cut before its end differ."""
    rx = cues[2]
    text = "Gunmen struck in Dagakoro, Burkina Faso."
    assert _spans(rx.finditer(text, 0, len(text) - 5)) != _spans(rx.regex.finditer(text))
