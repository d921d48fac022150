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


def _drop_people_plainly(toks, mentions, lex, text):
    """_drop_people as it was before its pre-check: every run of capitalised words read."""
    if not any(m.known and " " not in m.key for m in mentions):
        return
    people = set()
    spans = sorted((m.start, m.end) for m in mentions)
    words, sents = toks.words, toks.sents
    runs = []
    last = -2
    for k in range(len(words)):
        if not words[k].cap:
            continue
        if k == last + 1 and sents[last] == sents[k] and toks.joined(text, last, k):
            runs[-1].append(k)
        else:
            runs.append([k])
        last = k
    for run in runs:
        named = [k for k in run if words[k].key not in lex.function_words]
        if len(named) >= 2 and not T._covered(toks.starts[named[0]], toks.end(named[-1]), spans):
            people.update(words[k].key for k in named[1:])
    mentions[:] = [m for m in mentions if not (m.known and " " not in m.key and m.key in people
                                               and m.cue not in lex.locative_cues)]


PEOPLE = ["Mariam Cissé spoke in Gao; Cissé said Gao was calm.",
          "Amadou Koufa’s men left Koufa. KOUFA, Mali — Amadou Koufa and Koufa",
          "Mr Boni De Kidal met Kidal. Near Kidal, Boni-Kidal\nKidal Boni and Boni.",
          "İbrahim Traoré visited Traoré; in Traoré he spoke. Ibrahim  Traoré, Traoré"]


def test_dropping_surnames_is_as_plain_reading_of_every_run(monkeypatch):
    from mapper.gazetteer import Gazetteer

    gaz, lex = Gazetteer(progress=False), lexicon()
    monkeypatch.setattr(T, "_drop_people", lambda *a: None)  # the mentions before dropping
    rng = random.Random(3)
    reports = [p.read_text(encoding="utf-8") for p in sorted(REPORTS.glob("*.txt"))]
    words = " ".join(reports + PEOPLE).split()
    texts = reports + PEOPLE + [" ".join(rng.choice(words) for _ in range(rng.randint(5, 120)))
                                for _ in range(400)]
    dropped = 0
    for text in texts:
        sentences = split_sentences(text)
        toks = T.tokenize(text, sentences)
        found = T.find_mentions(text, sentences, gaz, lex, toks)
        # and every capitalised word as a known mention, with the cue of the word before
        every = [T.Mention(toks.starts[k], toks.end(k), w.text, w.key, toks.sents[k], True,
                           cue=rng.choice([None, "in", "said"]))
                 for k, w in enumerate(toks.words) if w.cap and rng.random() < 0.5]
        for mentions in (found, every):
            fast, plain = list(mentions), list(mentions)
            _FAST_DROP(toks, fast, lex, text)
            _drop_people_plainly(toks, plain, lex, text)
            assert [id(m) for m in fast] == [id(m) for m in plain], text
            dropped += len(fast) < len(mentions)
    assert dropped > 20  # surnames were dropped, so the two ways met the same work


_FAST_DROP = T._drop_people
