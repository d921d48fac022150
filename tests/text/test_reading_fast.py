"""Reading a report's words and tokens: the pieces read once for both readers (scan's
words and heads, the toponym matcher's tokens) give what plain readings give."""
from __future__ import annotations

import random
from pathlib import Path

import mapper.text.scan as scan
import mapper.text.toponyms as T
from mapper.extract import extract  # noqa: F401 - registers every matcher's heads
from mapper.text.lexicon import lexicon
from mapper.text.sentences import split_sentences

REPORTS = Path(__file__).resolve().parents[2] / "data" / "reports"


def _reports() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(REPORTS.glob("*.txt"))]


def _texts() -> list[str]:
    sentences = [s.text for r in _reports() for s in split_sentences(r)]
    words = [w for s in sentences for w in s.split()]
    rng = random.Random(5)
    made = [" ".join(rng.sample(words, rng.randint(1, 40))) for _ in range(900)]
    awkward = ["Gunmen  struck\tnear d’Ansongo,  Mali’s east – on 12abc km/h roads.",
               "Fighters\u00a0attacked Côte d’Ivoire's border; l'Office said: « Non ».",
               "Ça va — ÉTAT  D’URGENCE\u2003à Gao. qu’Ansongo U.S.-led 3rd", "", "   ",
               "– — (2) d’ l’", "They were kıdnapped on frıday and ſlain"]
    return sentences + made + awkward


def _plain_tokens(text: str) -> tuple:
    """Each piece's tokens read afresh: its one word, or the tuple of its words."""
    out = []
    for p in text.split():
        found = T._read_piece(p)
        out.append(found[0] if len(found) == 1 else found)
    return tuple(out)


def _plain_words(text: str) -> frozenset[str]:
    return frozenset(scan._WORD.findall(scan.lower(text)))


def test_tokens_read_with_the_words_are_the_plain_ones():
    lexicon()
    texts = _texts()
    assert len(texts) > 900
    for k, text in enumerate(texts):
        if k % 50 == 0:
            scan.forget_texts()  # read afresh now and then, else with the texts before
        if k % 2:
            assert scan.words_of(text) == _plain_words(text), text
        tokens, steps = scan.tokens_of(text)
        assert tokens == _plain_tokens(text), text
        assert steps == tuple(len(p) + 1 for p in text.split()), text
        assert scan.words_of(text) == _plain_words(text), text
        # a piece read as not one word is known as such (tokenize reads it apart)
        pairs = zip(text.split(), tokens, strict=True)
        assert all(p in T._ODD for p, t in pairs if type(t) is not T.Word), text


def test_tokens_stay_right_after_the_memories_are_forgotten():
    text = "Gunmen struck near d’Ansongo, Mali’s east."
    sentences = split_sentences(text)
    want = [(toks.starts[i], w) for toks in [T.tokenize(text, sentences)]
            for i, w in enumerate(toks.words)]
    scan.register(["ansongo"])  # forgets the pieces read
    T._ODD.update(str(i) for i in range(50_001))  # past its bound: all forgotten
    toks = T.tokenize(text, sentences)
    assert [(toks.starts[i], w) for i, w in enumerate(toks.words)] == want
    assert len(T._ODD) < 10 and "d’Ansongo," in T._ODD
    scan.words_of(text)  # its words remembered, its tokens not: read again
    scan._TOKENS.clear()
    assert scan.tokens_of(text)[0] == _plain_tokens(text)
