"""The shortcuts of mapper.text.numbers and mapper.text.attributes must find exactly what
the plain patterns find.

Counts are looked for only where a number can start (and at the modifiers before it),
not at every character; these tests compare that with a scan of every place, on the
sample reports, on sentences made of their words in random order, on sentences made of
modifiers and numbers in random order, and on awkward text.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from mapper.text import numbers
from mapper.text.lexicon import lexicon
from mapper.text.scan import scan_of
from mapper.text.sentences import split_sentences

REPORTS = Path(__file__).resolve().parents[2] / "data" / "reports"

_MODIFIERS = ["at least", "At  Least", "more than", "more\nthan", "over", "some", "about",
              "around", "nearly", "almost", "up to", "as many as", "as  many as", "au moins",
              "plus de", "près de", "pres de", "PRÈS DE", "environ", "une", "un", "a", "an",
              "the", "The", "THE", "no", "not a single", "aucun", "pas un", "least", "than"]
_NUMBERS = ["5", "12", "1,000", "1 000", "1.000", "1.5", "2,5", "10,000,000", "2025", "20s",
            "twenty-one", "Twenty One", "vingt et un", "vingt-deux", "VINGT ET UNE", "a few",
            "A Few", "dozens", "Hundreds", "one", "seventeen", "une centaine", "quelques",
            "٣", "x5", "_5", ".5", ",7", "5x", "5_", "$5", "€5", "İ5", "fİve", "FIVE", "ﬁve",
            "kıll", "5km", "5 km", "one-hundred", "single", "tens", "scores"]
_OTHER = ["soldiers", "were", "killed", "in", "Tonka", "on", "Friday", "(", ")", ",", ".",
          "’", "“", "l’", "d’un", "—", "-", "_", "", "\t", "attaque", "morts"]


def _texts() -> list[str]:
    sentences = [s.text for p in sorted(REPORTS.glob("*.txt"))
                 for s in split_sentences(p.read_text(encoding="utf-8"))]
    words = [w for s in sentences for w in s.split()]
    rng = random.Random(11)
    made = [" ".join(rng.sample(words, rng.randint(5, 30))) for _ in range(1500)]
    pool = _MODIFIERS + _NUMBERS + _OTHER
    for _ in range(4000):
        parts = [rng.choice(pool) for _ in range(rng.randint(1, 14))]
        seps = [rng.choice([" ", " ", " ", "  ", "\n", "", ", ", "\u00a0"]) for _ in parts]
        made.append("".join(p + s for p, s in zip(parts, seps, strict=True)))
    awkward = ["", " ", "5", "a 5", "the the the the the the the the the the 12 died",
               "İstanbul Street: 12 km away, gunmen killed 3", "AT LEAST TWENTY-ONE KILLED",
               "vingt et un 5", "a few a 5", "un une 5", "at least at least 7",
               "près de 30 morts", "pres de 30 morts", "plus de ٣٠ morts et 12 blessés",
               "They were kıdnapped: at least ſeven", "over-5 and over 5", "the.5 the,5 the 5"]
    return sentences + made + awkward


TEXTS = _texts()


def _plain(text: str, lex) -> list[tuple]:
    """The count pattern run at every place, as find_counts did before the shortcut."""
    rx = numbers._regex(lex).rx
    low = scan_of(text).low
    found = rx.twin.finditer(low) if low is not None else rx.regex.finditer(text)
    return [m.span() + m.span(1) for m in found]


def test_counts_are_found_where_a_scan_of_every_place_finds_them():
    lex = lexicon()
    assert len(TEXTS) > 5000
    for text in TEXTS:
        fast = [m.span() + m.span(1) for m in numbers._count_matches(text, lex)]
        assert fast == _plain(text, lex), text


def test_the_texts_hold_counts_after_modifiers():
    # the comparison above means something: many matches start at a modifier
    lex = lexicon()
    at_modifier = sum(1 for t in TEXTS for a, _, b, _ in _plain(t, lex) if a < b)
    assert at_modifier > 500


def test_no_modifier_ends_another():
    # the walk back over the modifiers before a number takes one modifier per step: it
    # finds every start only if no modifier's words are the last words of another's
    phrases = [tuple(p.split()) for p in numbers._MODIFIERS]
    for p in phrases:
        for q in phrases:
            assert p == q or q[-len(p):] != p, (p, q)


def test_the_modifiers_read_backwards_are_the_pattern_s_modifiers():
    forward = re.compile(rf"(?:{numbers._MODIFIER})")
    for p in numbers._MODIFIERS:
        text = p.replace(" ", " \n ") + "  "
        assert forward.fullmatch(text), p
        m = numbers._MODIFIER_BACK.fullmatch(text[::-1])
        assert m, p


@pytest.mark.parametrize("text, values", [
    ("the the the the 12 died", [12]),
    ("at least at least 7 died", [7]),
    ("plus de ٣ morts", [3]),
    ("AT LEAST TWENTY-ONE KILLED", [21]),
])
def test_counts_after_many_modifiers(text, values):
    assert [c.value for c in numbers.find_counts(text, lexicon())] == values


def _plain_stop(words: str, start: int) -> int | None:
    m = re.compile(r"\b(?:were|was|have|has|had|are|is|been|ont|a|été|sont|fut|who|qui|that|"
                   r"last|this|yesterday|overnight|dernier|hier|on|le|"
                   r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|lundi|mardi|mercredi|jeudi|"
                   r"vendredi|samedi|dimanche|"
                   r"in|near|at|on|from|dans|près|à|le|la|les|by|par|and|et)\b",
                   re.I).search(words[start:start + 60])
    return m.start() if m else None


def test_the_end_of_a_victims_phrase_is_found_as_in_a_copy_of_the_piece():
    from mapper.text.attributes import _first_stop

    stops = ["were", "WERE", "Was", "été", "ÉTÉ", "près", "PRÈS", "à", "À", "Friday", "on", "le",
             "ont", "a", "whose", "onto", "année", "lest", "ı", "wıth", "ſont", "İn"]
    rng = random.Random(5)
    texts = list(TEXTS)
    for _ in range(1000):
        parts = [rng.choice(stops + _NUMBERS + _OTHER) for _ in range(rng.randint(1, 20))]
        texts.append(rng.choice([" ", "  ", ", ", ""]).join(parts))
    tried = found = 0
    for text in texts:
        for start in range(0, len(text) + 1, 3):
            got = _first_stop(text, start)
            assert got == _plain_stop(text, start), (text, start)
            tried += 1
            found += got is not None
    assert tried > 100_000 and found > tried // 3


_VICTIM_WORDS = ["a", "an", "one", "A", "ONE", "she", "He", "SHE", "was", "WAS", "been", "has",
                 "had", "her", "HIM", "him", "executed", "Killed", "shot", "seized", "un", "une",
                 "UNE", "man", "Woman", "30-year-old", "young", "élu", "ÉLU", "commerçant",
                 "civil", "enfant", "ſhe", "wаs", "hİm", "man_", "_a", "person", "nurse", "local",
                 "has been", "had  been", "HAS BEEN", "shot\nher", "a young", "une femme"]


def _victim_texts() -> list[str]:
    rng = random.Random(13)
    made = []
    for _ in range(4000):
        parts = [rng.choice(_VICTIM_WORDS + _OTHER) for _ in range(rng.randint(1, 12))]
        made.append(rng.choice([" ", " ", "  ", "\n", ", "]).join(parts))
    return TEXTS + made


def test_single_victim_found_as_the_plain_pattern_finds_it():
    from mapper.text import attributes as A

    found = 0
    for text in _victim_texts():
        m, plain = A._single_victim(text), A._SINGLE_VICTIM.search(text)
        assert (m and (m.span(), m.group())) == (plain and (plain.span(), plain.group())), text
        found += plain is not None
    assert found > 300


def test_each_way_of_a_single_victim_stands_between_its_words():
    # the pre-check holds only if every match begins with a first word and ends with a
    # last word of the same way (in a text whose lower case keeps its length: others are
    # read plainly)
    from mapper.text import attributes as A
    from mapper.text.scan import lower

    for text in _victim_texts():
        if scan_of(text).low is None:
            continue
        for m in A._SINGLE_VICTIM.finditer(text):
            words = re.findall(r"[^\W_]+", lower(m.group()))
            assert any(words[0] in first and words[-1] in last
                       for first, last in A._SINGLE_VICTIM_WORDS), m.group()


class _Trigger:
    def __init__(self, start: int, end: int):
        self._span = (start, end)

    def start(self):
        return self._span[0]

    def end(self):
        return self._span[1]


@pytest.mark.parametrize("event_type, sub_type, expected", [
    ("Violence against civilians", "Attack", (3, "3 civilians", 3)),
    ("Violence against civilians", "Abduction/forced disappearance", (0, "3 civilians", 3)),
    ("Strategic developments", "Other", (None, None, None)),
    ("Protests", "Excessive force against protesters", (3, None, None)),
    ("Protests", "Peaceful protest", (None, None, None)),
    ("Riots", "Mob violence", (None, None, None)),
])
def test_what_is_read_depends_on_the_event_type(event_type, sub_type, expected):
    from mapper.text.attributes import read_counts

    lex = lexicon()
    text = "Gunmen killed 3 civilians in Tonka."
    counts = numbers.find_counts(text, lex)
    trig = _Trigger(text.index("killed"), text.index("killed") + 6)
    assert read_counts(text, counts, None, trig, event_type, sub_type, lex) == expected


@pytest.mark.parametrize("event_type, sub_type", [
    ("Violence against civilians", "Attack"), ("Violence against civilians",
                                               "Abduction/forced disappearance"),
    ("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
    ("Strategic developments", "Other"), ("Protests", "Excessive force against protesters"),
    ("Protests", "Peaceful protest"), ("Protests", "Protest with intervention"),
    ("Riots", "Mob violence")])
def test_counts_are_looked_for_only_for_events_that_read_them(event_type, sub_type):
    from mapper.text.attributes import counts_matter, read_counts

    lex = lexicon()
    text = "Gunmen killed 3 civilians and a man, at least twelve were wounded in Tonka."
    trig = _Trigger(text.index("killed"), text.index("killed") + 6)
    read = read_counts(text, numbers.find_counts(text, lex), None, trig, event_type, sub_type,
                       lex)
    without = read_counts(text, [], None, trig, event_type, sub_type, lex)
    # an event type whose counts are not looked for reads the same without them
    assert counts_matter(event_type, sub_type) or read == without
    if event_type in ("Violence against civilians", "Battles"):
        assert counts_matter(event_type, sub_type) and read != without


@pytest.mark.parametrize("text, expected", [
    ("Gunmen killed a man in Tonka.", (1, "a man", 1)),
    ("Gunmen attacked a man in Tonka.", (None, "a man", 1)),
    ("Gunmen killed villagers in Tonka.", (None, None, None)),
])
def test_one_victim_without_a_count(text, expected):
    from mapper.text.attributes import read_counts

    lex = lexicon()
    trig = _Trigger(7, 13)
    assert read_counts(text, [], None, trig, "Violence against civilians", "Attack", lex) == \
        expected
