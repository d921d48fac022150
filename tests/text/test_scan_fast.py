"""mapper.text.scan: the memories that make the pre-checks cheap give what the plain
definitions give (on sample report sentences, shuffled-word sentences and awkward text)."""
from __future__ import annotations

import random
from pathlib import Path

import mapper.text.scan as scan
from mapper.extract import extract  # noqa: F401 - registers every matcher's heads
from mapper.text.lexicon import lexicon
from mapper.text.sentences import split_sentences

REPORTS = Path(__file__).resolve().parents[2] / "data" / "reports"


def _reports() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(REPORTS.glob("*.txt"))]


def _texts() -> list[str]:
    sentences = [s.text for r in _reports() for s in split_sentences(r)]
    words = [w for s in sentences for w in s.split()]
    rng = random.Random(11)
    made = [" ".join(rng.sample(words, rng.randint(1, 40))) for _ in range(400)]
    awkward = ["KIDNAPPED IN TONKA ON FRIDAY, 7 NOVEMBER", "İstanbul: five were KILLED",
               "Gunmen—abducted—two; the next day, twenty-one died", "l’attaque d’hier à Gao",
               "JNIM’s fighters (suspected) attacked", "", "   ", "ẞ straße killed",
               "They were kıdnapped on frıday and ſlain", "Heavy fighting in midJune, inMarch",
               "LE village, LA ville; À l’est", "d’Ansongo\tet\nde Ménaka", "a  the\u00a0in on"]
    return sentences + made + awkward


def _plain_words(text: str) -> frozenset[str]:
    return frozenset(scan._WORD.findall(scan.lower(text)))


def _plain_heads(words) -> set[str]:
    """The registered heads some word starts, word by word from the index's table."""
    heads = scan._HEADS
    return {h for w in words for n in range(1, len(w) + 1) for h in [w[:n]]
            if h in heads._table}


def test_words_and_heads_read_piece_by_piece_are_the_plain_ones():
    lexicon()
    scan.forget_texts()
    for text in _texts():
        assert scan.words_of(text) == _plain_words(text), text
        assert scan.present_of(text) == _plain_heads(_plain_words(text)), text
        assert scan.scan_of(text).present == scan.present_of(text), text
        scan.forget_texts()


def test_whole_text_heads_are_the_union_of_its_sentences():
    lexicon()
    for report in _reports()[:40]:
        scan.forget_texts()
        parts = [s.text for s in split_sentences(report)]
        scan.read_words(report, parts)
        words = frozenset().union(*map(_plain_words, parts))
        assert scan.words_of(report) == words
        assert scan.scan_of(report).present == _plain_heads(words)


def test_heads_registered_later_are_seen_in_pieces_read_before():
    lexicon()
    scan.forget_texts()
    text = "The zqxwfoo of Zqxwbar went to Gao"
    before = set(scan.present_of(text))
    assert not {h for h in before if h.startswith("zqxw")}
    scan.register(["zqxwf", "zqxwbar"])
    scan.forget_texts()
    assert scan.present_of(text) - before == {"zqxwf", "zqxwbar"}
    assert scan.scan_of(text).present == _plain_heads(_plain_words(text))
