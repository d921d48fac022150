"""Sentence splitting with character offsets (English and French news prose)."""
from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Sentence", "split_sentences", "is_headline", "dateline_span"]

_ABBREV = {"mr", "mrs", "ms", "dr", "gen", "brig", "col", "lt", "sgt", "capt", "maj", "st", "no",
           "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
           "u.s", "u.n", "approx", "vs", "etc", "e.g", "i.e", "m", "mme", "mgr", "gov", "sen",
           "rep", "prof", "cpl", "pte", "adm", "cdr", "cmdr", "gén", "lieut", "av", "bd"}
# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before a space
# and an upper-case letter, a digit or an opening quote; or at a line break.
_END = re.compile(r"""([.!?…]+(?:\s?»)?["'”’»)\]]*)(\s+)(?=["'“‘«(\[]?\s?[A-ZÀ-ÖØ-Þ0-9])|\n+""")


class Sentence(NamedTuple):
    """One sentence: its number, offsets in the text, text and paragraph number."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int


_END_START = re.compile(r"[.!?…\n]")  # where a match of _END can begin


def _ends(text: str):
    """The matches of _END, as ``_END.finditer`` gives them: the engine skips quickly to
    the few characters a sentence end can begin with, and _END is tried there only."""
    pos = 0
    search, match = _END_START.search, _END.match
    while True:
        c = search(text, pos)
        if c is None:
            return
        m = match(text, c.start())
        if m is None:
            pos = c.start() + 1
            continue
        yield m
        pos = m.end()


def split_sentences(text: str) -> list[Sentence]:
    """Split text into sentences, keeping their offsets in the text.

    Examples
    --------
    >>> [s.text for s in split_sentences("Brig. Gen. Issa spoke. Gunmen fled.")]
    ['Brig. Gen. Issa spoke.', 'Gunmen fled.']
    """
    out: list[Sentence] = []
    start, para = 0, 0
    for m in _ends(text):
        if m.lastindex is None:  # the line breaks (the other branch sets both its groups)
            end, after, breaks = m.start(), m.end(), True
        else:
            if m.group(1) == ".":
                dot = m.start(1)
                # A word of more letters than the longest abbreviation right before the
                # dot ends the sentence: lower() makes no word shorter, so it is no
                # abbreviation, nor one letter, nor initials ("U.S": a dot between every
                # two letters). Its last letters, all alphanumeric, tell so without
                # reading back to its start.
                if dot - _LONGEST < start or not text[dot - _LONGEST:dot].isalnum():
                    w = _word_before(text, start, dot).lower()
                    if w and (w in _ABBREV or (len(w) == 1 and w.isalpha()) or
                              _INITIALS.fullmatch(w)):
                        continue
            end, after, breaks = m.end(1), m.end(), "\n" in m.group(2)
        _emit(text, start, end, para, out)
        start = after
        if breaks:
            para += 1
    _emit(text, start, len(text), para, out)
    return out


_INITIALS = re.compile(r"(\w\.)+\w")
_LONGEST = max(map(len, _ABBREV)) + 1  # letters no abbreviation has


def _word_before(text: str, start: int, end: int) -> str:
    """The run of word characters and dots that ends at ``end`` (not before ``start``)."""
    i = end
    while i > start and (text[i - 1].isalnum() or text[i - 1] in "._"):
        i -= 1
    return text[i:end]


def _emit(text: str, start: int, end: int, para: int, out: list[Sentence]) -> None:
    part = text[start:end]
    body = part.strip()
    if body:
        start += len(part) - len(part.lstrip())
        # (Sentence(...) as the tuple it makes, without the call of its __new__)
        out.append(tuple.__new__(Sentence, (len(out), start, start + len(body), body, para)))


def is_headline(s: Sentence, text: str) -> bool:
    """A title line: among the first lines, without closing punctuation, on a line of its own."""
    if s.paragraph > 1 or s.index > 1:
        return False
    if s.text.rstrip()[-1:] in '.!?"”»\'’…:':
        return False
    return text[s.end:s.end + 1] in ("\n", "")


_DATELINE = re.compile(r"[A-ZÀ-Þ][\w’'.\- ]{1,40}?(?:,\s*[\w’' ]{2,40}){0,2}\s*(?:\([A-Za-z]+\))?"
                       r"\s*[-—–]\s+(?=[\"“«A-ZÀ-Þ0-9])")


def dateline_span(text: str, sentences: list[Sentence]) -> tuple[int, int] | None:
    r"""Where the dateline is ("BAMAKO, Mali (AP) —", "MOPTI, Tuesday 11 November 2025 –").

    Examples
    --------
    >>> t = "Title line\n\nGAO, 3 March 2025 – Gunmen attacked."
    >>> a, b = dateline_span(t, split_sentences(t)); t[a:b]
    'GAO, 3 March 2025 – '
    """
    last = _LAST_DATELINE
    if last and last[0] is text and last[1] is sentences:
        return last[2]  # the stages of one report each ask
    span = None
    for s in sentences[:3]:
        if is_headline(s, text):
            continue
        m = _DATELINE.match(s.text)
        lead = m.group(0).split(",")[0].strip(" -—–") if m else ""
        if m and (lead[:2].isupper() or len(lead.split()) <= 2):
            span = s.start, s.start + m.end()
        break
    _LAST_DATELINE[:] = [text, sentences, span]
    return span


_LAST_DATELINE: list = []  # the text and sentences last asked about, and their dateline
