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


def _plain_positions(text: str, literal: str) -> list[int]:
    return [i for i in range(len(text)) if text.startswith(literal, i) and
            (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_"))]


def test_positions_asked_in_lower_case_and_as_written_are_kept_apart():
    scan.forget_texts()
    ts = scan.scan_of("Gao, gao and GAO; the Gaoans of_gao")
    # asked in either order, each answer is its own (one memory for both would mix them)
    assert ts.positions("Gao", True) == [0, 22]
    assert ts.positions("gao", False) == [0, 5, 13, 22]
    assert ts.positions("gao", True) == [5]
    assert ts.positions("Gao", True) == [0, 22]
    for text in _texts()[::3]:
        ts = scan.scan_of(text)
        if ts.low is None:
            continue
        for literal in {w[:3] for w in text.split()[:6]} | {"the", "in", "a"}:
            assert ts.positions(literal, True) == _plain_positions(text, literal), text
            assert ts.positions(literal.lower()) == _plain_positions(ts.low, literal.lower())
