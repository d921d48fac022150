"""Counts in report prose: digits and number words (English and French)."""
from __future__ import annotations

import re
from typing import NamedTuple

from ..memory import Memory
from .lexicon import Lexicon
from .scan import (CaseFree, TextScan, alternation, matches_at, other_digit, register, scan_of,
                   walk_back)

__all__ = ["Count", "find_counts"]

_SEPARATORS = re.compile(r"[ ,.]")
_DECIMAL = re.compile(r"\d+[.,]\d{1,2}")
# Words that may stand before a count ("at least 12", "une centaine"), in the order the
# pattern tries them; the words of a phrase are apart by any white space.
_MODIFIERS = ("at least", "more than", "over", "some", "about", "around", "nearly", "almost",
              "up to", "as many as", "au moins", "plus de", "près de", "pres de", "environ",
              "une", "un", "a", "an", "the")
_MODIFIER = "(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in _MODIFIERS) + r")\s+"
# One modifier and the white space after it, read backwards (in the reversed text) from
# where what follows it starts: see _count_starts.
_MODIFIER_BACK = re.compile(
    r"\s+(?:" + "|".join(r"\s+".join(map(re.escape, p[::-1].split())) for p in _MODIFIERS)
    + r")(?!\w)")


class Count(NamedTuple):
    start: int
    end: int
    value: int
    text: str
    vague: bool = False


_NONE = re.compile(r"\b(?:no|not a single|aucun|aucune|pas un)\s+$", re.I)
# a number that measures distance, time, money, age or size, not people
_MEASURE = re.compile(r"\s*(?:km|kilom|miles?\b|mi\b|h\b|heures|hours|gmt|am\b|pm\b|%|per\s?cent|m\b|"
                      r"years? old|ans\b|-year|million|billion|milliards?|followers|metres|meters)")
_ORDINAL = re.compile(r"\s*(?:s\b|th\b)")


class _CountPattern(NamedTuple):
    rx: CaseFree  # the count pattern
    heads: frozenset  # what a text's words must start with to hold a number
    by_head: dict  # head -> the beginnings of numbers (lower case) holding it


def _regex(lex: Lexicon) -> _CountPattern:
    """The count pattern, and where its number words can be found; made once per lexicon."""
    found = lex.derived.get("counts")
    if found is None:
        words = sorted({*lex.numbers, *lex.vague_numbers} - {"a", "an", "un", "une", "some"},
                       key=len, reverse=True)
        w = alternation(words)  # a tree of shared beginnings: faster to scan
        rx = re.compile(
            rf"(?<![\w.,])(?:{_MODIFIER})*(\d{{1,3}}(?:[ ,.]\d{{3}})+(?![.,]?\d)|\d+(?:[.,]\d+)?|"
            rf"(?:{w})(?:[- ](?:{w})|\s+et\s+(?:un|une))?)"
            rf"(?![\w])", re.IGNORECASE)
        # what a count's number begins with, by the word a text must then hold: a digit
        # (its own word), a number word, or the longest word of a phrase ("few": "a few")
        by_head: dict[str, list[str]] = {d: [d] for d in "0123456789"}
        for word in words:
            parts = re.findall(r"[^\W_]+", word.lower())
            if parts:
                by_head.setdefault(max(reversed(parts), key=len), []).append(word.lower())
        found = lex.derived["counts"] = _CountPattern(CaseFree(rx), register(by_head), by_head)
        lex.derived["count values"] = Memory()  # word -> its value, remembered
    return found


def _count_starts(ts: TextScan, beginnings: list[str]) -> list[int]:
    """The places in ``ts.low`` (a text's lower case) where a match of the count pattern
    can start, in order: every one where it does start is among them.

    A match is made of modifiers ("at least", "the"), each followed by white space, and
    then the number itself, which begins with a digit or a number word: one of
    ``beginnings``, the ones the text's words can hold. The number follows white space or
    the pattern's start (which no letter, digit or "_" precedes), so it stands at the
    start of a word, where ``ts.positions`` finds it. The match starts there or at one of
    the modifiers before it, and these are found by walking back from the number over
    the modifiers one by one (_MODIFIER_BACK run over the reversed text: a modifier also
    starts a word, and no modifier's words end another's, so at each step at most one
    modifier can end there: scan.walk_back). Trying the pattern at these places only
    (scan.matches_at) then gives the matches a scan of every place gives.
    """
    starts = set()
    for b in beginnings:
        starts.update(ts.positions(b))
    return walk_back(ts.low, starts, _MODIFIER_BACK)


def _count_matches(text: str, lex: Lexicon) -> list[re.Match]:
    """The matches of the count pattern in ``text``: those of its case-sensitive twin over
    the text's lower case (the same spans, read from the text itself), found by trying it
    only where a count can start (see _count_starts)."""
    pattern = _regex(lex)
    rx = pattern.rx
    ts = scan_of(text)
    low = ts.low
    if low is None or rx.twin is None:  # lower case changed the length ("İ"): read plainly
        return list(rx.regex.finditer(text))
    if other_digit(low):
        return list(rx.twin.finditer(low))  # "\d" takes more than the ten digits looked for
    by_head = pattern.by_head
    return matches_at(rx.twin, low, _count_starts(
        ts, [b for h in pattern.heads & ts.present for b in by_head[h]]))


def _value(token: str, lex: Lexicon) -> tuple[int | None, bool]:
    t = token.lower()
    if t[0].isdigit():
        if _DECIMAL.fullmatch(t):
            return None, False  # "1.5 (million)": not a head count
        return int(_SEPARATORS.sub("", t)), False
    parts = [p for p in re.split(r"[- ]", t) if p not in ("et", "and")]
    if len(parts) == 2 and parts[0] in lex.numbers and parts[1] in lex.numbers:
        a, b = lex.numbers[parts[0]], lex.numbers[parts[1]]
        if a >= 20 and b < 10:
            return a + b, False
        if b == 100:
            return a * 100, False
        return None, False
    if t in lex.numbers:
        return lex.numbers[t], False
    if t in lex.vague_numbers:
        return lex.vague_numbers[t], True
    return None, False


def find_counts(text: str, lex: Lexicon) -> list[Count]:
    """Numbers in a sentence, with their values.

    Four-digit numbers that look like years (1900-2099) are skipped, and so are numbers
    that are part of a distance, a time, a sum of money or an age.

    Examples
    --------
    >>> from mapper.text.lexicon import lexicon
    >>> [c.value for c in find_counts("at least twenty-one people and 3 soldiers", lexicon())]
    [21, 3]
    """
    found = _count_matches(text, lex)
    values = lex.derived["count values"]
    out = []
    for m in found:
        a, b = m.span(1)
        word = text[a:b]
        got = values.get(word)
        if got is None:
            got = values.put(word, _value(word, lex))
        val, vague = got
        if val is None:
            continue
        if 1900 <= val <= 2099 and len(word) == 4 and word.isdigit():
            continue  # a year
        before = text[max(0, a - 16):a]
        low = before.lower()
        if ("no" in low or "aucun" in low or "pas un" in low) and _NONE.search(before):
            continue  # "No one was hurt"
        end = m.end()
        after = text[end:end + 14].lower()
        if _MEASURE.match(after) or "$" in text[max(0, m.start() - 2):m.start()] \
                or "€" in text[max(0, m.start() - 2):m.start()]:
            continue
        if word.isdigit() and _ORDINAL.match(after):
            continue  # "her 20s", "the 20th"
        out.append(Count(a, b, val, word, vague))
    return out


