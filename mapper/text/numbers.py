"""Counts in report prose: digits and number words (English and French)."""
from __future__ import annotations

import re
from typing import NamedTuple

from ..memory import Memory
from .lexicon import Lexicon
from .scan import CaseFree, alternation, register, scan_of

__all__ = ["Count", "find_counts"]

_SEPARATORS = re.compile(r"[ ,.]")
_DECIMAL = re.compile(r"\d+[.,]\d{1,2}")
_MODIFIER = (r"(?:at\s+least|more\s+than|over|some|about|around|nearly|almost|up\s+to|as\s+many\s+as|"
             r"au\s+moins|plus\s+de|pr[eè]s\s+de|environ|une|un|a|an|the)\s+")


class Count(NamedTuple):
    start: int
    end: int
    value: int
    text: str
    vague: bool = False


_DIGIT = re.compile(r"\d")
_NONE = re.compile(r"\b(?:no|not a single|aucun|aucune|pas un)\s+$", re.I)
# a number that measures distance, time, money, age or size, not people
_MEASURE = re.compile(r"\s*(?:km|kilom|miles?\b|mi\b|h\b|heures|hours|gmt|am\b|pm\b|%|per\s?cent|m\b|"
                      r"years? old|ans\b|-year|million|billion|milliards?|followers|metres|meters)")
_ORDINAL = re.compile(r"\s*(?:s\b|th\b)")
def _regex(lex: Lexicon) -> tuple[CaseFree, frozenset]:
    """The count pattern, and the first words of the number words (a text with neither a
    digit nor one of those words holds no count); made once per lexicon."""
    found = lex.derived.get("counts")
    if found is None:
        words = sorted({*lex.numbers, *lex.vague_numbers} - {"a", "an", "un", "une", "some"},
                       key=len, reverse=True)
        w = alternation(words)  # a tree of shared beginnings: faster to scan
        rx = re.compile(
            rf"(?<![\w.,])(?:{_MODIFIER})*(\d{{1,3}}(?:[ ,.]\d{{3}})+(?![.,]?\d)|\d+(?:[.,]\d+)?|"
            rf"(?:{w})(?:[- ](?:{w})|\s+et\s+(?:un|une))?)"
            rf"(?![\w])", re.IGNORECASE)
        heads = [re.findall(r"[^\W_]+", w.lower())[:1] for w in words]
        found = lex.derived["counts"] = (CaseFree(rx), register(h[0] for h in heads if h))
        lex.derived["count values"] = Memory()  # word -> its value, remembered
    return found


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
    rx, heads = _regex(lex)
    ts = scan_of(text)
    if _DIGIT.search(text) is None and heads.isdisjoint(ts.present):
        return []
    if rx.twin is not None and ts.low is not None:
        # the case-sensitive twin over the lower-cased text: the same spans, read from
        # the text itself
        found = rx.twin.finditer(ts.low)
    else:
        found = rx.regex.finditer(text)
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


