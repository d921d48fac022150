"""Shortcuts in reading dates, counts and actors give what the plain readings give."""
from __future__ import annotations

import random
import re
from pathlib import Path

import mapper.text.dates as D
import mapper.text.scan as scan
from mapper.extract import extract  # noqa: F401 - registers every matcher's heads
from mapper.text.lexicon import lexicon
from mapper.text.sentences import split_sentences

REPORTS = Path(__file__).resolve().parents[2] / "data" / "reports"
EXPECTED = Path(__file__).resolve().parent / "expected"

# words the date patterns and the count and actor readers look for, with some neighbours
DATE_WORDS = (
    "on the le la ce cette last this past early late mid in en au mois de du début fin mi "
    "since depuis nuit night of dernier dernière passé passée week semaine month same même "
    "simultanément simultaneously moment before veille next following later after lendemain "
    "suivant jour day yesterday hier overnight today morning aujourd’hui aujourd'hui matin "
    "earlier Monday friday SUNDAY lundi jeudi dimanche January june Sept sept. sep Nov. mai "
    "août aout décembre March may mars 1 12 3rd 21st 1er 2025 2025-11-10 31 10th midJune "
    "mi-juin finjuin inMarch mid-June early-May afternoon soir , . - – ’ ( ) 12, ٣ ſeptember "
    "at least twenty-one vingt et un three soldiers killed 1,200 4.5 km no aucun gunmen"
).split()


def _reports() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(REPORTS.glob("*.txt"))]


def _texts() -> list[str]:
    """Report sentences, the tests' expected texts, shuffled words (with odd spacing) and
    awkward hand-made texts."""
    sentences = [s.text for r in _reports() for s in split_sentences(r)]
    for path in sorted(EXPECTED.glob("*")):
        sentences += [line for line in path.read_text(encoding="utf-8").splitlines()
                      if line.strip()]
    words = [w for s in sentences for w in s.split()] + list(DATE_WORDS) * 20
    rng = random.Random(7)
    made = []
    for _ in range(3000):
        picked = rng.sample(words, rng.randint(1, 30))
        seps = [rng.choice([" ", " ", " ", "  ", "\t", "\n", "\u00a0", ", "]) for _ in picked]
        made.append("".join(w + s for w, s in zip(picked, seps, strict=True)).strip())
    awkward = ["", "   ", "-", "12", "Gunmen struck midJune and in mid-June, early-May 2025.",
               "ON FRIDAY 12 NOVEMBER 2025", "le 6 mars dernier, la nuit du lundi au mardi",
               "İstanbul on Friday, 3 June", "kıdnapped on frıday ſeptember 3", "٣ novembre",
               "the next\u00a0day", "aujourd’hui et hier", "since\tJune 2024", "2025-11-10",
               "depuis le début du mois de juin", "Ça s’est passé le 1er août",
               "simultanément", "quasi-simultanément", "SINCE MAY", "in the evening before"]
    # a month glued to each qualifier, alone and in a sentence ("midJune", "Fin-juin")
    glued = [q + m for q in ("in", "last", "early", "late", "mid", "en", "début", "fin", "mi")
             for m in D.MONTHS]
    glued += [f"Attacked {w.title()}, 3 killed" for w in glued[::7]] + ["xmidjune", "midjunex"]
    return sentences + made + awkward + glued


def _plain_runnable(text: str) -> tuple[str, ...]:
    """dates._runnable read from the whole sentence: its words (scan.words_of), the stems
    they start with, digits and dashes."""
    words = scan.words_of(text)
    hits = frozenset(s for s in D._ALL_STEMS if any(w.startswith(s) for w in words))
    month = not words.isdisjoint(D.MONTHS)
    glued = not month and any(D._GLUED_MONTH.search(w) for w in words)
    return D._kinds(hits, month, not words.isdisjoint(D.WEEKDAYS),
                    re.search(r"\d", text) is not None, glued, "-" in text)


def test_runnable_read_by_pieces_is_the_plain_one():
    lexicon()
    texts = _texts()
    assert len(texts) > 3000
    kinds = set()
    for k, text in enumerate(texts):
        if k % 40 == 0:
            scan.forget_texts()
            D.forget_texts()
        if k % 500 == 0:
            for memo in (D._KNOWN, D._HOLDING, D._BITS):  # words read afresh now and then
                memo.clear()
        got = D._runnable(text)
        assert got == _plain_runnable(text), text
        kinds.update(got)
        # and the patterns left out find nothing there
        for kind, rx in D._PATTERNS:
            if kind not in got:
                assert rx.search(text) is None, (kind, text)
    assert kinds == set(D._RX)  # every pattern is asked for somewhere


def _found(rx: re.Pattern, text: str) -> list:
    """The matches of ``rx`` in ``text``, and its match at each place (groups too)."""
    every = [(m.span(), m.groups()) for m in rx.finditer(text)]
    at = [(m.span(), m.groups()) if m else None for m in map(rx.match, [text] * len(text),
                                                              range(len(text)))]
    return every + at


def test_date_patterns_run_as_branches_match_as_written():
    written = dict(D._WRITTEN)
    assert [k for k, _ in D._WRITTEN] == [k for k, _ in D._PATTERNS]
    for kind, rx in D._PATTERNS:
        assert rx.pattern != written[kind].pattern or ")?" not in rx.pattern, kind
        assert rx.flags == written[kind].flags
        assert scan.starts_of(rx) == scan.starts_of(written[kind]), kind
    hits = 0
    for text in _texts()[::3] + ["on the 12th of June, 2025 dernier", "Sunday, June 3rd, 2024"]:
        for kind, rx in D._PATTERNS:
            got = _found(rx, text)
            assert got == _found(written[kind], text), (kind, text)
            hits += len(got)
    assert hits > 1000


SMALL = [r"(?:ab)?c", r"(?:(a)b)?a", r"(?:(a)|b)?(a)?b", r"x(?:a*)?y", r"(?:a(?:b)?)?b",
         r"(?:(?:a)?)?a", r"[(?:)]?(?:a)?", r"\(?(?:a)?\)?", r"(?:a)??a", r"(?:a)?+a",
         r"(a)?a", r"(?:a|ab)?b", r"(?:(a)|(b))?(?:b)?c", r"[]a]?(?:b)?", r"[^]a]?(?:b)?"]


def test_optional_as_branch():
    assert D._optional_as_branch(r"(?:ab)?c") == r"(?:ab|)c"
    assert D._optional_as_branch(r"(ab)?(?:c)??(?:d)?+") == r"(ab)?(?:c)??(?:d)?+"
    assert D._optional_as_branch(r"\(?(?:a)?[(?:)]?") == r"\(?(?:a|)[(?:)]?"
    assert D._optional_as_branch(r"[]a)]?(?:b)?") == r"[]a)]?(?:b|)"
    rng = random.Random(3)
    texts = ["".join(rng.choice("abc()]x") for _ in range(rng.randint(0, 7)))
             for _ in range(400)]
    for p in SMALL:
        plain, branchy = re.compile(p), re.compile(D._optional_as_branch(p))
        for text in texts:
            assert _found(branchy, text) == _found(plain, text), (p, text)


def _plain_find_dates(text, published, previous):
    """find_dates as first written: every pattern as written, over the whole text."""
    found, taken = [], []
    for kind, rx in D._WRITTEN:
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            dm = D._resolve(kind, m, published, previous)
            if dm is None:
                if kind in ("iso", "dmy", "mdy") and any(c.isdigit() for c in m.group(0)):
                    taken.append((m.start(), m.end()))
                continue
            taken.append((m.start(), m.end()))
            found.append(D.DateMention(m.start(), m.end(), *dm))
    found.sort(key=lambda d: d.start)
    return found


def test_find_dates_is_the_plain_reading():
    from datetime import date
    days = [(date(2025, 11, 10), None), (date(2025, 1, 3), date(2024, 12, 30)),
            (date(2024, 2, 29), date(2024, 2, 27))]
    many = 0
    for k, text in enumerate(_texts()):
        if k % 40 == 0:
            scan.forget_texts()
            D.forget_texts()
        published, previous = days[k % 3]
        got = D.find_dates(text, published, previous)
        assert got == _plain_find_dates(text, published, previous), text
        many += len(got) > 1
    assert many > 100  # sentences with several dates, sorted
