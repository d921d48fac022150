"""Toponym recognition: find the place names of a report.

A dictionary matcher over token n-grams: every capitalised token starts a window of up to
six tokens, and the longest window whose folded form is a gazetteer name wins (one hash
lookup per window, so the cost grows with the text, not with the million names of the
gazetteer). Matches are then filtered with the rules of ``data/lexicon/toponyms.yaml``:
demonyms and ordinary words, names that are part of a longer proper name (an organisation,
a person, "Independence Square"), and the surnames of people named in the report.
Names the gazetteer lacks are still read as places where the text marks them so
("near Kobri", "the village of X", "X, a village ...", "près de X").
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from itertools import accumulate, compress, repeat
from operator import add, itemgetter
from typing import NamedTuple

from ..gazetteer.index import Gazetteer
from ..gazetteer.names import fold
from .lexicon import Lexicon
from .scan import Phrases, pieces_of, read_tokens_with, scan_of, tokens_of, words_of
from .sentences import Sentence, dateline_span

__all__ = ["Mention", "Token", "Tokens", "Word", "find_mentions", "tokenize"]

_LISTED = re.compile(r"\s*(?:,|et|and|ou|or)\s*")  # "Boni, Hombori et Gossi"
MAX_WORDS = 6
_TOKEN = re.compile(r"[^\W\d_](?:[\w’'\-.]*[^\W_])?|\d+", re.UNICODE)
_POSSESSIVE = re.compile(r"[’']s$")
_ELISION = re.compile(r"^[dlDLjJnNsStTcCmMqQu]{1,2}[’'](?=[A-ZÀ-ÖØ-Þ])")
_REGION_WORDS = {"region", "province", "state", "governorate", "district", "prefecture",
                 "department", "departement", "cercle", "commune"}
_CONNECTORS = {"de", "du", "des", "d", "la", "le", "les", "el", "al", "en", "sur", "of", "the",
               "and", "et", "ed", "es", "ag", "ould", "bin", "ben"}


class Word(NamedTuple):
    """A word token as written, read once however often it recurs."""

    offset: int  # where it starts in its run of non-space characters
    text: str  # as written, without a possessive "'s" or an elided article
    key: str  # folded, as gazetteer names are
    cap: bool  # capitalised
    starter: bool  # a name can start here: capitalised, or a region word ("région de Mopti")


class Token(NamedTuple):
    """One token, as :class:`Tokens` gives it when indexed or iterated."""

    start: int
    end: int
    text: str
    key: str
    cap: bool
    sentence: int
    first: bool  # first word of its sentence


class Tokens:
    """The word tokens of a text as columns: token ``i`` is ``words[i]`` (a :class:`Word`,
    shared by every place the same word is written), starting at ``starts[i]`` in the text,
    in sentence ``sents[i]``. Indexed or iterated, it gives :class:`Token` rows."""

    __slots__ = ("words", "starts", "sents", "firsts")

    def __init__(self, words: list[Word], starts: list[int], sents: list[int],
                 firsts: set[int]):
        self.words, self.starts, self.sents, self.firsts = words, starts, sents, firsts

    def __len__(self) -> int:
        return len(self.words)

    def __getitem__(self, i: int) -> Token:
        i = range(len(self.words))[i]  # (a negative index counts from the end)
        w = self.words[i]
        return Token(self.starts[i], self.end(i), w.text, w.key, w.cap, self.sents[i],
                     i in self.firsts)

    def __iter__(self):
        return (self[i] for i in range(len(self.words)))

    def end(self, i: int) -> int:
        return self.starts[i] + len(self.words[i].text)

    def first(self, i: int) -> bool:
        """Is token ``i`` the first of its sentence?"""
        return i in self.firsts

    def joined(self, text: str, a: int, b: int) -> bool:
        """Tokens ``a`` and ``b`` are one name only with nothing but a space or hyphen
        between them."""
        return text[self.starts[a] + len(self.words[a].text):self.starts[b]] in _GAPS


@dataclass(slots=True)
class Mention:
    """A place name as it stands in the report."""

    start: int
    end: int
    surface: str
    key: str
    sentence: int
    known: bool  # the gazetteer carries the name
    cue: str | None = None  # the word before it ("near", "in", "à"...)
    near: bool = False  # "near X", "près de X": the event is around X, not in it
    dateline: bool = False  # "BAMAKO, Mali (AP) —": where the report was filed
    placey: bool = False  # the text marks it as a place ("la localité de Boura", "X et Boura")
    next: Mention | None = field(default=None, repr=False)  # next mention, same sentence
    candidates: list = field(default_factory=list)


def _read_word(word: str) -> tuple:
    """(elided prefix or "", bare word, its key, capitalised) of a token as written."""
    bare, el = word, ""
    if word[-1] == "s" and word[-2:-1] in ("’", "'"):
        bare = word[:-2] or word  # "Mali's" -> "Mali"
    if (bare[1:3].count("’") or bare[1:3].count("'")) and _ELISION.match(bare):
        el, bare = bare[:2], bare[2:]  # "d’Ansongo" -> "d’" + "Ansongo"
    return el, bare, fold(bare), bare[:1].isupper()


def _read_piece(piece: str) -> tuple[Word, ...]:
    """The word tokens of a run of non-space characters ("(Mali’s", "d’Ansongo,")."""
    out = []
    for m in _TOKEN.finditer(piece):
        el, bare, key, cap = _read_word(m.group())
        at = m.start()
        if el:  # the elided article stands as a token of its own (joined back for
            # "Côte d’Ivoire")
            out.append(Word(at, el, el[0].lower(), False, False))
            at += 2
        out.append(Word(at, bare, key, cap, cap or key in _REGION_WORDS))
    return tuple(out)


def _read_token(piece: str) -> Word | tuple[Word, ...]:
    """The token reading of a piece, as :func:`~mapper.text.scan.tokens_of` keeps it (read
    once, with the piece's words): its one word, or the tuple of its words when it holds
    more or fewer ("d’Ivoire", "–"), such a piece being noted in _ODD."""
    found = _read_piece(piece)
    if len(found) == 1:
        if found[0].offset:
            _IRREGULAR.add(piece)
        return found[0]
    _ODD.add(piece)
    _IRREGULAR.add(piece)
    return found


_ODD: set[str] = set()  # the pieces read whose tokens are not one word
# the pieces read whose tokens are not one word at their start: the odd ones, and those
# whose word starts further in ("(Mali", "“Gao”")
_IRREGULAR: set[str] = set()
read_tokens_with(_read_token)


def tokenize(text: str, sentences: list[Sentence]) -> Tokens:
    """Word tokens with offsets, folded keys and capitalisation, sentence by sentence.

    A sentence is cut at its spaces (no token holds one) and each distinct piece is read
    once: most pieces are one word, and a sentence of such pieces costs a split and a few
    list joins.

    Examples
    --------
    >>> from mapper.text.sentences import split_sentences
    >>> t = "Gunmen struck near d’Ansongo, Mali’s east."
    >>> toks = tokenize(t, split_sentences(t))
    >>> [(t[toks.starts[i]:toks.end(i)], w.key, w.cap) for i, w in enumerate(toks.words)][3:6]
    [('d’', 'd', False), ('Ansongo', 'ansongo', True), ('Mali', 'mali', True)]
    """
    words: list[Word] = []
    starts: list[int] = []
    sents: list[int] = []
    odd, irregular = _ODD, _IRREGULAR
    if len(odd) > 50_000 or len(irregular) > 50_000:  # a bounded memory, forgotten with
        odd.clear()  # the pieces read (whose readings it tells apart)
        irregular.clear()
        read_tokens_with(_read_token)
    firsts: set[int] = set()
    for s in sentences:
        body = s.text  # the sentence as the text holds it (the same, from split_sentences)
        if len(body) != s.end - s.start or not text.startswith(body, s.start):
            body = text[s.start:s.end]
        pieces = pieces_of(body)
        got, steps = tokens_of(body)  # (read with the sentence's words, as a rule)
        before = len(words)
        spaced = sum(steps) - 1 == len(body)  # one space between pieces: each piece
        # starts a step (its length + 1) after the one before
        if spaced and irregular.isdisjoint(pieces):  # (the usual sentence) one word a
            words += got  # piece, at its start: where the pieces start
            starts += accumulate(steps, initial=s.start)
            del starts[-1]  # (where a piece after the last would start)
            firsts.add(before)
            sents += repeat(s.index, len(words) - before)
            continue
        if spaced:
            at = accumulate(steps, initial=s.start)
        else:
            at, pos = [], s.start
            for p in pieces:
                pos = text.find(p, pos)
                at.append(pos)
                pos += len(p)
        if odd.isdisjoint(pieces):  # one word a piece
            words += got
            starts += map(add, at, map(_OFFSET, got))
        else:
            for p, w, a in zip(pieces, got, at, strict=False):  # (at: one more at the end)
                if p in odd:
                    words += w
                    starts += (a + x.offset for x in w)
                else:
                    words.append(w)
                    starts.append(a + w.offset)
        if len(words) > before:
            firsts.add(before)
            sents += repeat(s.index, len(words) - before)
    return Tokens(words, starts, sents, firsts)


_OFFSET = itemgetter(0)


_GAPS = (" ", "-", "\u00a0", "")  # what may stand between the words of one name
_REGION_LINKS = {"de", "du", "of", "d"}


def find_mentions(text: str, sentences: list[Sentence], gaz: Gazetteer, lex: Lexicon,
                  tokens: Tokens | None = None) -> list[Mention]:
    """Every place-name mention of the text, left to right, without overlaps."""
    toks = tokens if tokens is not None else tokenize(text, sentences)
    words, starts, sents = toks.words, toks.starts, toks.sents
    abbrev = lex.abbreviations
    names, more_names = gaz.name_sets()  # "k in names or k in more_names": k in gaz
    prefixes = gaz.prefixes
    kinds = _start_kinds(gaz, lex)
    out: list[Mention] = []
    n = len(words)
    free = 0  # the first token not inside a mention already found
    # a name starts with a capitalised word, or a region word ("région de Mopti")
    starters = list(compress(range(n), map(_STARTER, words)))
    for i in starters:
        if i < free:
            continue
        t = words[i]
        word = t.text
        kind = kinds.get(word)
        if kind is None:
            kind = kinds.put(word, t)
        if kind < _NAME:  # a function word, an abbreviation or a region word
            if kind == _REGION:  # "région de Mopti": what it does depends on the next word
                kind = kinds.read(t, i + 1 < n and words[i + 1].key in _REGION_LINKS)
            if kind == _NONE:
                continue
            if kind == _ABBREVIATION:
                start, sent = starts[i], sents[i]
                cue = words[i - 1].key if i and sents[i - 1] == sent else None
                out.append(Mention(start, start + len(word), word, fold(abbrev[word]), sent,
                                   True, cue=cue))
                continue
        best = best_key = None
        if kind & _NAME_ALONE:
            best, best_key = i, t.key
        if kind & _READ_ON:  # read on while the words so far begin a longer name
            best, best_key = _read_on(text, toks, i, names, more_names, prefixes, best,
                                      best_key)
        if best is None:
            continue
        if _keep(text, toks, i, best, best_key, lex):
            start, sent = starts[i], sents[i]
            cue = words[i - 1].key if i and sents[i - 1] == sent else None  # as _cue(toks, i)
            end = starts[best] + len(words[best].text)
            out.append(Mention(start, end, text[start:end], best_key, sent, True, cue=cue))
            free = best + 1
    unknown = _cued_unknowns(text, toks, out, gaz, lex)
    out.extend(unknown)
    out.extend(_repeats(text, toks, out, unknown))
    out.sort(key=lambda m: m.start)
    _mark_near(text, out)
    _mark_dateline(text, out, sentences)
    for a, b in zip(out, out[1:], strict=False):
        if a.sentence == b.sentence and _LISTED.fullmatch(text[a.end:b.start]):
            b.placey = b.placey or a.known or a.placey
    _drop_people(toks, out, lex, text, starters)
    return out


# What a word that may start a name (a Word.starter) does there, told by its text alone
# (its key and capital are read from it): the kinds below _NAME stop or divert the reading,
# the others are _NAME with bits (_NAME alone: a word that neither is nor begins a known
# name).
_NONE, _ABBREVIATION, _REGION, _NAME = -3, -2, -1, 0
_NAME_ALONE, _READ_ON = 1, 2  # a known name itself; the first word of longer names


class _StartKinds:
    """The kind of each word met at the start of a name (its text -> its kind), for one
    gazetteer and lexicon (which do not change once loaded): found once per word, not at
    each occurrence in the gazetteer's and the lexicon's sets. A bounded memory of words."""

    __slots__ = ("gaz", "names", "more", "prefixes", "lex", "kinds", "get")

    def __init__(self, gaz: Gazetteer, lex: Lexicon):
        self.gaz, self.lex = gaz, lex
        self.names, self.more = gaz.name_sets()
        self.prefixes = gaz.prefixes
        self.kinds: dict[str, int] = {}
        self.get = self.kinds.get

    def fits(self, gaz: Gazetteer, lex: Lexicon) -> bool:
        names, more = gaz.name_sets()
        return gaz is self.gaz and lex is self.lex and names is self.names \
            and more is self.more and gaz.prefixes is self.prefixes

    def put(self, word: str, t: Word) -> int:
        """The kind of the starter ``t``, whose text is ``word``, remembered."""
        if len(self.kinds) > 100_000:
            self.kinds.clear()
        kind = self.kinds[word] = _REGION if t.key in _REGION_WORDS else self.read(t, False)
        return kind

    def read(self, t: Word, region_link: bool) -> int:
        """The kind of a starter as the matcher read it: ``region_link``, a region word is
        followed by "de", "du", "of", "d" ("région de Mopti")."""
        key, word, lex = t.key, t.text, self.lex
        starts_region = region_link and key in _REGION_WORDS
        if not (t.cap or starts_region):
            return _NONE
        if word in lex.abbreviations:
            return _ABBREVIATION
        if key in lex.function_words and not starts_region:
            return _NONE
        kind = _NAME
        if (key in self.names or key in self.more) and not (len(word) <= 3 and word.isupper()):
            kind |= _NAME_ALONE  # "TOM", "GAQ": not on their own (airport codes)
        if key in self.prefixes or word[-1:] in "’'":
            kind |= _READ_ON  # (or it ends in an elision)
        return kind


def _start_kinds(gaz: Gazetteer, lex: Lexicon) -> _StartKinds:
    """The :class:`_StartKinds` of this gazetteer and lexicon (kept with the lexicon)."""
    kinds = lex.derived.get("start kinds")
    if kinds is None or not kinds.fits(gaz, lex):
        kinds = lex.derived["start kinds"] = _StartKinds(gaz, lex)
    return kinds


def _read_on(text: str, toks: Tokens, i: int, names, more_names, prefixes, best: int | None,
             best_key: str | None) -> tuple[int | None, str | None]:
    """The longest known name (its last token and key) starting at token ``i``, read word by
    word while the words so far begin a longer name (or end in an elision); ``best`` and
    ``best_key`` when there is none longer."""
    words, starts, sents = toks.words, toks.starts, toks.sents
    t = words[i]
    key, word, sent = t.key, t.text, sents[i]
    stop = min(len(words), i + MAX_WORDS)
    prev_end = starts[i] + len(word)
    if word[-1:] not in "’'":  # one reading of the words so far (the usual case)
        for j in range(i + 1, stop):
            if sents[j] != sent or text[prev_end:starts[j]] not in _GAPS:
                return best, best_key
            tj = words[j]
            key = f"{key} {tj.key}"
            if tj.starter and (key in names or key in more_names):
                best, best_key = j, key
            word = tj.text
            prev_end = starts[j] + len(word)
            if word[-1:] in "’'":  # an elision ("d’"): two readings from here on
                return _read_on_elided(text, toks, j + 1, stop, [key], prev_end, word, names,
                                       more_names, prefixes, best, best_key)
            if key not in prefixes:
                return best, best_key
        return best, best_key
    return _read_on_elided(text, toks, i + 1, stop, [key], prev_end, word, names, more_names,
                           prefixes, best, best_key)


def _read_on_elided(text: str, toks: Tokens, first: int, stop: int, keys: list[str],
                    prev_end: int, prev_text: str, names, more_names, prefixes,
                    best: int | None, best_key: str | None) -> tuple[int | None, str | None]:
    """:func:`_read_on` from token ``first`` on, the words before read as ``keys`` (two readings
    after each elision: "d’Ivoire" is one word or two), the last of them ``prev_text``."""
    words, starts, sents = toks.words, toks.starts, toks.sents
    sent = sents[first - 1]  # (that of the words before)
    for j in range(first, stop):
        tj = words[j]
        if sents[j] != sent or text[prev_end:starts[j]] not in _GAPS:
            break
        nxt = tj.key
        if prev_text[-1:] in "’'":  # after an elision: "d’Ivoire" is one word
            keys = [k + nxt for k in keys] + [f"{k} {nxt}" for k in keys]
        else:
            keys = [f"{k} {nxt}" for k in keys]
        if tj.starter:
            for k in keys:
                if k in names or k in more_names:
                    best, best_key = j, k
                    break
        prev_end, prev_text = starts[j] + len(tj.text), tj.text
        if prev_text[-1:] not in "’'" and prefixes.isdisjoint(keys):
            break
    return best, best_key


_STARTER = itemgetter(4)  # Word.starter


def _cue(toks: Tokens, i: int) -> str | None:
    if i == 0 or toks.sents[i - 1] != toks.sents[i]:
        return None
    return toks.words[i - 1].key


def _keep(text: str, toks: Tokens, i: int, j: int, key: str, lex: Lexicon) -> bool:
    """Is the known name of tokens ``i`` to ``j`` (its key ``key``) a place here?"""
    if key in lex.not_places:
        return False
    if _inside_org_name(toks, i, lex):
        return False
    words, sents = toks.words, toks.sents
    # Part of a longer proper name: "Atlantic Council", "Niger River", "Islamic State Sahel".
    if j + 1 < len(words) and sents[j + 1] == sents[j] and words[j + 1].cap \
            and toks.joined(text, j, j + 1):
        nxt = words[j + 1].key
        if nxt in lex.name_heads or nxt not in lex.function_words:
            return False
    if i > 0 and words[i - 1].cap and toks.joined(text, i - 1, i):
        before = words[i - 1].key
        if sents[i - 1] == sents[i] and not toks.first(i - 1):
            if before not in lex.function_words:
                return False
        if toks.first(i - 1) and before not in lex.function_words \
                and before not in lex.not_places:
            return False  # "Mariam Cissé ..." at a sentence start
    return True


_ORG_LINKS = {"de", "du", "des", "d", "l", "la", "le", "les", "pour", "for", "the", "of"}


def _inside_org_name(toks: Tokens, i: int, lex: Lexicon) -> bool:
    """True for "Salut" in "Mouvement pour le Salut de l’Azawad": a name head a few
    linking words before."""
    words, sents = toks.words, toks.sents
    k = i - 1
    steps = 0
    while k >= 0 and sents[k] == sents[i] and steps < 4:
        if words[k].key in _ORG_LINKS and not words[k].cap:
            k -= 1
            steps += 1
            continue
        return steps > 0 and words[k].cap and words[k].key in lex.name_heads
    return False


_COORD = re.compile(r"\s*(?:,|and|et|or|ou)\s+([A-ZÀ-ÖØ-Þ][\w’'\-]+)(?![\w])")


class _Unbehind:
    """A pattern that starts "(?<![\\w])", scanned as the rest alone (the engine finds that
    faster) with the look-behind checked on what it finds: the matches of the pattern."""

    def __init__(self, rx: re.Pattern):
        head = "(?<![\\w])"
        assert rx.pattern.startswith(head)
        self.regex, self.rest = rx, re.compile(rx.pattern[len(head):], rx.flags)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> list[re.Match]:
        """The matches in ``text[pos:endpos]``, as ``regex.finditer(text, pos, endpos)``."""
        endpos = len(text) if endpos is None else endpos
        out = []
        while True:
            m = self.rest.search(text, pos, endpos)
            if m is None:
                return out
            s = m.start()
            if s and (text[s - 1].isalnum() or text[s - 1] == "_"):
                pos = s + 1  # inside a word: look again from the next character
                continue
            m = self.regex.match(text, s, endpos)
            out.append(m)
            pos = m.end() if m.end() > s else s + 1


_COMMA_CAPITAL = re.compile(r",\s+[A-ZÀ-Þ]")


def _in_country(rx: _Unbehind, text: str) -> list[re.Match]:
    """The matches of the "in X, <country>" pattern ``rx`` ("in Dagakoro, Mali"), looked
    for only in the stretches around a comma followed by white space and a capital.

    A match holds one comma, the one after its name, which such a capital follows, and
    no full stop (its words are letters, digits, apostrophes, hyphens and spaces): it lies
    between the comma or full stop before that comma and the comma or full stop after it.
    Those stretches, joined where they overlap, are scanned as the whole text would be:
    the comma or full stop that ends one cannot be read by the pattern, which looks no
    further (it has no word boundary or look-ahead at its end)."""
    n = len(text)
    spans = []
    for hit in _COMMA_CAPITAL.finditer(text):
        c = hit.start()
        a = max(text.rfind(".", 0, c), text.rfind(",", 0, c)) + 1
        b = min(_find(text, ".", c + 1, n), _find(text, ",", c + 1, n))
        spans.append((a, b))
    out = []
    for a, b in _joined(spans):
        out.extend(rx.finditer(text, a, b))
    return out


def _find(text: str, sub: str, start: int, missing: int) -> int:
    """``text.find(sub, start)``, or ``missing`` when it is not there."""
    at = text.find(sub, start)
    return missing if at < 0 else at


def _joined(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans (start, end) joined where they overlap, left to right."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a < out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _cued_unknowns(text: str, toks: Tokens, found: list[Mention], gaz: Gazetteer,
                   lex: Lexicon) -> list[Mention]:
    """Capitalised names the gazetteer lacks but the text marks as places."""
    if "cues" not in lex.derived:
        cues = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in
                        sorted(lex.place_cues, key=len, reverse=True))
        name = r"([A-ZÀ-ÖØ-Þ][\w’'\-]+(?:[ \-](?:(?:du|de|el|al)\s)?[A-ZÀ-ÖØ-Þ][\w’'\-]+){0,2})"
        appos = "|".join(re.escape(a) for a in lex.place_appositions)
        # "Xyzville, 50 km north of Gao", "Dagakoro (Mopti region)", "in Dagakoro, Mali"
        after = (rf"{name}(?:,\s+(?:{appos})\b|,?\s+(?:about\s+|some\s+|around\s+|à\s+)?"
                 rf"\d+\s*(?:km|kilomet\w+|miles?)\b|\s+\((?:in\s+)?(?:the\s+)?[A-ZÀ-Þ][\w-]+\s+"
                 rf"(?:region|province|cercle|département|district)\))")
        cue_rx = re.compile(rf"(?<![\w])(?:{cues})\s+{name}")
        in_rx = re.compile(rf"(?<![\w])(?:in|at|dans|à)\s+{name},\s+([A-ZÀ-Þ][\w’' -]+)")
        if all(c.split() for c in lex.place_cues):  # run where a cue can start
            cue_rx = Phrases(cue_rx, lex.place_cues)
        # what the end of an apposition holds: a bracket, a distance, or the longest word
        # of one of its phrases ("a town": "town"); none holds a full stop
        ends = {a: max(words_of(a), key=len) for a in lex.place_appositions if words_of(a)}
        needles = ("(", "km", "kilom", "mile", *set(ends.values()))
        if any("." in a for a in lex.place_appositions):
            needles = ()  # an apposition may hold a full stop: scan whole texts
        lex.derived["cues"] = (cue_rx, re.compile(after), _Unbehind(in_rx), needles,
                               _whole_needles(ends, needles))
    cue_re, appos_re, in_country_re, needles, whole = lex.derived["cues"]
    low = scan_of(text).low or text.lower()
    taken = _Spans((m.start, m.end) for m in found)
    out = []
    by_start: dict[int, list[Mention]] = {}
    for m in found:
        by_start.setdefault(m.start, []).append(m)
    for rx, hits in ((cue_re, cue_re.finditer(text)),
                     (appos_re, _appositions(appos_re, text, low, needles, whole)),
                     (in_country_re, _in_country(in_country_re, text))):
        for mm in hits:
            if rx is in_country_re:  # only "in X, <a country>"
                country = next((c for c in gaz.lookup(mm.group(2).strip(), limit=1)), None)
                if country is None or country.place_type != "country":
                    continue
            s, e = mm.start(1), mm.end(1)
            surface = _POSSESSIVE.sub("", mm.group(1))
            e = s + len(surface)
            key = fold(surface)
            cue = fold(mm.group(0)[: mm.start(1) - mm.start()].strip()) or None
            sent = _sentence_at(toks, s)
            # "between Boni and Hombori": the second name is marked by the same cue
            co = _COORD.match(text, e)
            if co and fold(co.group(1)) not in gaz and fold(co.group(1)) not in lex.not_places \
                    and not taken.overlaps(co.start(1), co.end(1)):
                taken.add(co.start(1), co.end(1))
                out.append(Mention(co.start(1), co.end(1), co.group(1), fold(co.group(1)), sent,
                                   False, cue=cue))
            known = by_start.get(s, [])
            for m in known:  # a known name the text marks as a place
                m.placey = True
            if known or key in gaz or taken.overlaps(s, e):
                continue
            if key in lex.not_places or key.split()[0] in lex.function_words:
                continue
            if any(w in lex.not_places for w in key.split()):
                continue
            taken.add(s, e)
            out.append(Mention(s, e, surface, key, sent, False, cue=cue))
    return out


def _appositions(appos_re: re.Pattern, text: str, low: str, needles: tuple[str, ...],
                 whole: dict[str, tuple[tuple[str, int], ...]] | None = None
                 ) -> list[re.Match]:
    """The matches of ``appos_re`` ("Xyzville, a town in", "X, 50 km north of Gao",
    "X (Mopti region)"), looked for only between the full stops around its needles.

    A match holds no full stop and always one of the needles (its end: a bracket, a
    distance, an apposition's word), so the stretches between full stops without a
    needle hold none; each other stretch is scanned as the whole text would be (a full
    stop ends it as the end of a text would: no word goes on).

    The needles in ``whole`` (see :func:`_whole_needles`) are the words of apposition
    phrases, which a match holds after a comma and white space (", a town"): one that is
    not among the words of the text (:func:`~mapper.text.scan.words_of`, a set already
    read) is not looked for at all, and where one stands other than in such a phrase
    after such a comma ("the town of"), its stretch is not scanned for it."""
    if not needles or len(low) != len(text):
        return list(appos_re.finditer(text))
    whole = whole or {}
    spans = set()
    words = words_of(text) if whole else frozenset()
    for needle in needles:
        where = whole.get(needle)
        if where is not None and needle not in words:
            continue  # no match holds it (nor a needle that only a match holds)
        q = low.find(needle)
        while q >= 0:
            if where is not None and not _in_apposition(text, q, where):
                q = low.find(needle, q + 1)
                continue
            a = low.rfind(".", 0, q) + 1
            b = low.find(".", q)
            b = len(low) if b < 0 else b
            spans.add((a, b))
            q = low.find(needle, b)  # the next stretch
    out = []
    for a, b in sorted(spans):
        out.extend(appos_re.finditer(text, a, b))
    return out


def _in_apposition(text: str, q: int, where: tuple[tuple[str, int], ...]) -> bool:
    """Does the word at ``q`` stand as in one of the phrases ``where`` (phrase, where the
    word is in it), written so, after a comma and white space (", a town")?"""
    for phrase, at in where:
        k = q - at  # where the phrase would start
        if k > 0 and text.startswith(phrase, k):
            j = k
            while j > 0 and text[j - 1].isspace():  # (as "\s" reads white space)
                j -= 1
            if j < k and j > 0 and text[j - 1] == ",":
                return True
    return False


def _whole_needles(ends: dict[str, str], needles: tuple[str, ...]
                   ) -> dict[str, tuple[tuple[str, int], ...]]:
    """The needles (of :func:`_appositions`) that every apposition phrase holding them as its
    needle (``ends``: phrase -> its needle) holds as a whole word of lower-case letters, set
    apart by white space ("town" of "a town"), each with those phrases and where it
    stands in them.

    A match of such a phrase (taken as written, after a comma and white space, with a word
    boundary after it) holds that word at one of those places, after white space, and
    followed by white space or by what ends the phrase, no word character; the text's
    words (read from the lower case of its pieces, cut at what is not a letter or digit)
    then hold it, since lower() leaves those letters as they are and turns no character
    that is not a letter or digit into one. A needle of any other phrase (or of no
    phrase: "km", "(") is always looked for, everywhere."""
    whole: dict[str, list[tuple[str, int]]] = {}
    other = set()
    for phrase, need in ends.items():
        places = [m.start() for m in re.finditer(r"\S+", phrase) if m.group() == need]
        if _LETTERS.fullmatch(need) and need == need.lower() and places:
            whole.setdefault(need, []).extend((phrase, at) for at in places)
        else:
            other.add(need)
    return {w: tuple(v) for w, v in whole.items() if w not in other and w in needles}


_LETTERS = re.compile(r"[^\W\d_]+")  # a word of letters alone


def _repeats(text: str, toks: Tokens, found: list[Mention], unknown: list[Mention]
             ) -> list[Mention]:
    """Other occurrences of names first read as places through a cue ("near Ogossagou")."""
    if not unknown:  # (no name to look for: nothing to set up)
        return []
    taken = _Spans((m.start, m.end) for m in found)
    index = dict(zip(toks.starts, range(len(toks)), strict=True))
    out = []
    for name in dict.fromkeys(m.surface for m in unknown):  # in the order they were read
        for s in _whole_name_at(text, name):
            e = s + len(name)
            if taken.overlaps(s, e):
                continue
            taken.add(s, e)
            i = index.get(s)
            cue = _cue(toks, i) if i is not None else None
            sent = toks.sents[i] if i is not None else _sentence_at(toks, s)
            out.append(Mention(s, e, name, fold(name), sent, False, cue=cue))
    return out


def _whole_name_at(text: str, name: str) -> list[int]:
    r"""Where ``name`` stands in ``text`` as a whole name (no word character or apostrophe
    just before it, no word character just after), left to right without overlaps: the
    matches of ``(?<![\w’']){name}(?![\w])``, found without compiling a pattern for each
    new name."""
    out = []
    n = len(name)
    i = text.find(name)
    while i >= 0:
        before = text[i - 1] if i else " "
        after = text[i + n] if i + n < len(text) else " "
        if not (before.isalnum() or before in "_’'") and not (after.isalnum() or after == "_"):
            out.append(i)
            i = text.find(name, i + max(n, 1))
        else:
            i = text.find(name, i + 1)
    return out


def _mark_dateline(text: str, mentions: list[Mention], sentences: list[Sentence]) -> None:
    span = dateline_span(text, sentences)
    if span is None:
        return
    for x in mentions:
        if span[0] <= x.start and x.end <= span[1]:
            x.dateline = True


def _sentence_at(toks: Tokens, pos: int) -> int:
    """Sentence index of the token at or before ``pos``."""
    i = bisect.bisect_right(toks.starts, pos) - 1
    return toks.sents[i] if i >= 0 else 0


_NEAR = re.compile(r"(?:\bnear(?:by)?|\boutside|\bnot far from|\bclose to|\bprès d[e’']|"
                   r"\bpres d[e’']|\bnon loin d[e’']|\baux environs d[e’']|\bà proximité d[e’']|"
                   r"\b\d+\s*(?:km|kilomet\w+|miles?)\s+(?:\w+\s+)?(?:of|from|de|d’|d'))\s*$",
                   re.IGNORECASE)


# every phrase of _NEAR holds one of these, and ends with one of the words after
_NEAR_HINT = re.compile(r"near|outside|far from|close to|pr[eè]s d|loin d|environs d|proximité d|"
                        r"km|kilomet|mile")
# every phrase of _NEAR ends with one of these words
_NEAR_ENDS = ("near", "nearby", "outside", "from", "to", "de", "d’", "d'", "of")


def _mark_near(text: str, mentions: list[Mention]) -> None:
    for m in mentions:
        before = text[max(0, m.start - 40):m.start]
        low = before.rstrip().lower()
        if low.endswith(_NEAR_ENDS) and _NEAR_HINT.search(low) and _NEAR.search(before):
            m.near = True


class _Spans:
    """Non-overlapping text spans, kept sorted: is a new span free? (a bisection, not a
    scan of them all)."""

    def __init__(self, spans):
        pairs = sorted(spans)
        self._starts = [a for a, _ in pairs]
        self._ends = [b for _, b in pairs]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._starts, end) - 1  # the last span starting before end
        return i >= 0 and self._ends[i] > start

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)


def _covered(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Is [start, end) inside one of the sorted, non-overlapping spans?"""
    i = bisect.bisect_right(spans, (start, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


def _drop_people(toks: Tokens, mentions: list[Mention], lex: Lexicon, text: str,
                 starters: list[int] | None = None) -> None:
    """Drop single-word mentions that are surnames of people named in full elsewhere.
    ``starters``: the tokens that may start a name (Word.starter: the capitalised ones and
    the region words), if known; the capitalised words are among them."""
    # the mentions that may go: known single words, not after a locative cue
    may_go = {m.key for m in mentions
              if m.known and " " not in m.key and m.cue not in lex.locative_cues}
    if not may_go:
        return
    words, sents = toks.words, toks.sents
    if starters is None:
        caps = list(compress(range(len(words)), map(_CAP, words)))
    else:  # (fewer to read than the words)
        caps = [k for k in starters if words[k].cap]
    # a surname is read after the first word of a run of capitalised words: a mention can
    # go only if its word stands somewhere just after another capitalised word
    if not any(words[k].key in may_go and k and words[k - 1].cap and sents[k - 1] == sents[k]
               and toks.joined(text, k - 1, k) for k in caps):
        return
    people: set[str] = set()
    spans = sorted((m.start, m.end) for m in mentions)
    # runs of capitalised words, one after the other in a sentence ("Mariam Cissé")
    runs: list[list[int]] = []
    last = -2
    for k in caps:
        if k == last + 1 and sents[last] == sents[k] and toks.joined(text, last, k):
            runs[-1].append(k)
        else:
            runs.append([k])
        last = k
    for run in runs:
        if len(run) >= 2:
            named = [k for k in run if words[k].key not in lex.function_words]
            if len(named) >= 2 and not _covered(toks.starts[named[0]], toks.end(named[-1]), spans):
                people.update(words[k].key for k in named[1:])
    mentions[:] = [m for m in mentions if not (m.known and " " not in m.key and m.key in people
                                               and m.cue not in lex.locative_cues)]


_CAP = itemgetter(3)  # Word.cap
