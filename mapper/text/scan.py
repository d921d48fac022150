"""Fast pre-checks and anchored matching for the lexicon's regular expressions.

Report prose is scanned by many word-list patterns (triggers, demonyms, cues). Run
plainly, each tries every character of every sentence against all its alternatives. The
patterns start with literal words, so the words a text holds tell which patterns can match
(:class:`StemIndex`), and where (:class:`Anchored`): the regular expression then only runs
at those places, with exactly the matches a full scan gives.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain

try:  # the parser the re module compiles with (read here only, to find how matches start)
    from re import _constants as _sre_c
    from re import _parser as _sre_p
except ImportError:  # Python 3.10
    import sre_constants as _sre_c  # type: ignore[no-redef]
    import sre_parse as _sre_p  # type: ignore[no-redef]

from ..memory import Memory

__all__ = ["StemIndex", "Anchored", "CaseFree", "Choice", "Phrases", "alternation", "anchored",
           "forget_texts", "lower", "matches_at", "may_hold", "other_digit", "TextScan",
           "pieces_of", "read_tokens_with", "read_words", "register", "scan_of", "starts_of",
           "tokens_of", "walk_back", "words_of"]

_WORD = re.compile(r"[^\W_]+")


_WORDS = Memory(8192)  # text -> its words (sentences, whole reports)
# Letters a case-insensitive regular expression takes for another although lower() keeps
# them apart: read as that other letter ("kıdnapped" matches "kidnapped" under re.I).
_SAME_LETTER = str.maketrans({"ı": "i", "ſ": "s", "ẛ": "ṡ"})


def lower(text: str) -> str:
    """``text.lower()``, with the few letters the regular expression engine also folds
    (dotless i, long s) folded too; one character for one, as lower() mostly is."""
    low = text.lower()
    if low.isascii() or not ("ı" in low or "ſ" in low or "ẛ" in low):
        return low
    return low.translate(_SAME_LETTER)


def words_of(text: str) -> frozenset[str]:
    """The distinct words of a text (a sentence), lower case; several pre-checks of one
    sentence share them.

    The text is cut at its spaces (a word holds none) and the words of each distinct
    piece are read once.

    Examples
    --------
    >>> sorted(words_of("Gunmen KILLED two (2) in d’Ansongo"))
    ['2', 'ansongo', 'd', 'gunmen', 'in', 'killed', 'two']
    """
    found = _WORDS.get(text)
    if found is None:
        found = _read(text)
    return found


def present_of(text: str) -> set[str]:
    """The registered heads (see :func:`register`) the words of ``text`` start: what
    ``_HEADS.tags(words_of(text))`` gives, read as the union of its pieces' heads (each
    piece's remembered with its words). A set shared by the askers: read it only."""
    found = _PRESENT.get(text)
    if found is None:
        words = words_of(text)  # read with its heads, unless remembered already
        found = _PRESENT.get(text)
        if found is None:  # (the whole text of read_words, if forgotten since: as defined)
            found = _PRESENT.put(text, _HEADS.tags(words))
    return found


# a run of non-space characters -> (its words, the heads they start, its tokens as the
# token reader gives them, its length + 1): one look-up of a piece per sentence serves
# both readers
_PIECE_WORDS = Memory(200_000)
_PIECES = Memory(8192)  # text -> its runs of non-space characters
_PRESENT = Memory(8192)  # text -> the registered heads its words start
_TOKENS = Memory(8192)  # text -> the tokens of its pieces and their steps (see tokens_of)
_NONE: frozenset[str] = frozenset()


def _no_tokens(piece: str) -> None:
    return None


_token_reader = _no_tokens  # piece -> its tokens (set by the toponym matcher)


def read_tokens_with(reader) -> None:
    """Have each piece also read by ``reader`` (piece -> its word tokens), once, with its
    words: :func:`tokens_of` then gives a text's tokens piece by piece."""
    global _token_reader
    _token_reader = reader
    _PIECE_WORDS.clear()
    _TOKENS.clear()


def tokens_of(text: str) -> tuple[tuple, tuple[int, ...]]:
    """What the token reader (see :func:`read_tokens_with`) gives for each piece of
    ``text`` (its :func:`pieces_of`), in order, and each piece's step: its length and one
    space (where the next piece starts when one space parts them). Read with the text's
    words; shared: read it only."""
    found = _TOKENS.get(text)
    if found is None:
        _read(text)
        found = _TOKENS[text]
    return found


def _read(text: str) -> frozenset[str]:
    """Remember the words of ``text``, the heads they start and its pieces' tokens, all
    read piece by piece.

    Exact: the words of a text are those of its pieces (a word holds no space), and the
    heads its words start are a union over its words, so over its pieces."""
    pieces = pieces_of(text)
    known = _PIECE_WORDS
    got = list(map(known.get, pieces))
    if None in got:
        for k, p in enumerate(pieces):
            if got[k] is None:
                words = tuple(_WORD.findall(lower(p)))
                heads = _HEADS.tags(frozenset(words)) if words else None
                got[k] = known.put(p, (words, frozenset(heads) if heads else _NONE,
                                       _token_reader(p), len(p) + 1))
    if got:
        words, heads, tokens, steps = zip(*got, strict=True)
        found = _WORDS.put(text, frozenset(chain.from_iterable(words)))
        _PRESENT.put(text, set().union(*heads))
        _TOKENS.put(text, (tokens, steps))
    else:
        found = _WORDS.put(text, _NONE)
        _PRESENT.put(text, set())
        _TOKENS.put(text, ((), ()))
    return found


def pieces_of(text: str) -> list[str]:
    """``text.split()``, remembered: the stages that read a sentence piece by piece share
    one split (and the pieces' hashes, worked out once)."""
    found = _PIECES.get(text)
    if found is None:
        found = _PIECES.put(text, text.split())
    return found


def forget_texts() -> None:
    """Forget the texts (sentences, reports) read so far; the words and pieces of words
    stay known. Called as each report begins: a report's sentences are asked about by its
    own stages, not by the next report's, and small memories are quicker to ask."""
    _WORDS.clear()
    _PIECES.clear()
    _PRESENT.clear()
    _TOKENS.clear()
    scan_of.cache_clear()


def may_hold(text: str, words: frozenset[str]) -> bool:
    """Can a case-insensitive pattern whose every match holds one of ``words`` (whole
    words, lower case) match in ``text``? False only when surely not: the text's words
    lack them all and its lower case reads as the pattern engine folds it.

    Examples
    --------
    >>> may_hold("Two separate ATTACKS", frozenset({"attacks"})), may_hold("No", frozenset({"x"}))
    (True, False)
    """
    return scan_of(text).low is None or not words_of(text).isdisjoint(words)


def read_words(text: str, parts: list[str]) -> None:
    """Read the words of each part of ``text`` (its sentences) once, and those of the whole
    text as their union (no second pass over it)."""
    sets = [words_of(p) for p in parts]
    if text not in _WORDS:
        _WORDS.put(text, frozenset().union(*sets))
        # its heads likewise: those of its words, so of its parts' words
        _PRESENT.put(text, set().union(*map(present_of, parts)))


class StemIndex:
    """Which entries (triggers, date patterns...) the words of a text can start.

    Each entry is known by literal word starts ("abduct" for "abduct(?:ed|ion)"); a text
    none of whose words begins with one of an entry's stems cannot match its patterns, so
    the regular expressions run only where they can match. One dictionary probe per
    distinct word and stem length, remembered per word: the cost follows the words of the
    text, not the number of patterns.

    Examples
    --------
    >>> ix = StemIndex({"abduction": ["abduct", "kidnap"], "killing": ["kill"]})
    >>> sorted(ix.tags({"gunmen", "kidnapped", "two"}))
    ['abduction']
    """

    def __init__(self, entries: dict):
        self._table: dict[str, set] = {}
        self._lengths: list[int] = []
        self._seen: dict[str, frozenset] = {}  # word -> its entries (words met so far)
        self._tagged: set[str] = set()  # the words met so far that start some entry
        self.add(entries)

    def add(self, entries: dict) -> None:
        """More entries: ``{tag: stems}``."""
        for tag, stems in entries.items():
            for st in stems:
                word = st.split()[0] if st.split() else ""
                if word:  # "shot dead": a text that matches holds a word starting "shot"
                    self._table.setdefault(word, set()).add(tag)
        self._lengths = sorted({len(w) for w in self._table})
        self._seen.clear()
        self._tagged.clear()

    def _of_word(self, word: str) -> frozenset:
        found = set()
        for n in self._lengths:
            if n > len(word):
                break
            tags = self._table.get(word[:n])
            if tags:
                found |= tags
        return frozenset(found)

    def tags(self, words: frozenset[str]) -> set:
        """The entries some word of ``words`` (lower case) can start."""
        seen = self._seen
        new = words.difference(seen)
        if new:  # words not met before: work them out once
            if len(seen) > 200_000:  # a bounded memory of words
                seen.clear()
                self._tagged.clear()
                new = words
            for w in new:
                tags = seen[w] = self._of_word(w)
                if tags:
                    self._tagged.add(w)
        hit = words & self._tagged
        return set().union(*map(seen.__getitem__, hit)) if hit else set()


_HEADS = StemIndex({})  # the first words of every Anchored pattern (tag: the word itself)


class TextScan:
    """One text's lower case, the pattern heads it holds, and where they start (lazily)."""

    def __init__(self, text: str):
        low = lower(text)
        self.text = text
        self.low = low if len(low) == len(text) else None  # None: offsets changed
        self.present = present_of(text)  # the registered heads its words start (read only)
        # literal -> where it starts a word: in the lower case, and as written (two
        # dictionaries: a literal is its own key, no (literal, cased) pair to make)
        self._at: dict[str, list[int]] = {}
        self._at_cased: dict[str, list[int]] = {}

    def positions(self, literal: str, cased: bool = False) -> list[int]:
        """Where ``literal`` stands at the start of a word: in the lower-cased text, or
        (``cased``) written exactly so."""
        memo = self._at_cased if cased else self._at
        at = memo.get(literal)
        if at is None:
            low, at = self.text if cased else self.low, []
            i = low.find(literal)
            while i >= 0:
                if i == 0 or not (low[i - 1].isalnum() or low[i - 1] == "_"):
                    at.append(i)
                i = low.find(literal, i + 1)
            memo[literal] = at
        return at


def register(heads) -> frozenset[str]:
    """Make :attr:`TextScan.present` tell whether a word starting with one of ``heads``
    (lower case) is in a text; returns them as a set."""
    heads = frozenset(h for h in heads if h)
    _HEADS.add({h: [h] for h in heads})
    # the heads remembered of texts and pieces are those registered before
    _PIECE_WORDS.clear()
    _PRESENT.clear()
    scan_of.cache_clear()
    return heads


@lru_cache(maxsize=64)
def scan_of(text: str) -> TextScan:
    """The :class:`TextScan` of a text (the patterns run on one sentence share it)."""
    return TextScan(text)


class Anchored:
    r"""A regular expression whose every match starts with one of ``literals`` (lower case)
    at the start of a word, run only where such a literal starts.

    ``finditer`` returns the matches ``regex.finditer`` would, left to right and without
    overlaps: every match starts at a literal, and those places are tried in order. A text
    is first checked for the longest word of each literal (one set operation), so a
    literal like "a mené" costs nothing in a text without "mené".

    Examples
    --------
    >>> rx = re.compile(r"(?<![\w-])(?:kidnapp\w*|abduct\w*|a mené)", re.I)
    >>> ax = Anchored(rx, ["kidnapp", "abduct", "a mené"])
    >>> [m.group() for m in ax.finditer("Gunmen KIDNAPPED two and abducted one")]
    ['KIDNAPPED', 'abducted']
    """

    def __init__(self, regex: re.Pattern, literals, keys=None, digits: bool = False,
                 back: re.Pattern | None = None):
        self.regex = regex
        # the places before a literal's that a match may also start at, walked back to
        # from them (see walk_back; "on" before "Friday")
        self.back = back
        # some literal is a digit: a text with another decimal digit is scanned plainly
        self.digits = digits
        # a case-sensitive pattern is tried only where its literal is written as given
        self.cased = not regex.flags & re.IGNORECASE
        by_head: dict[str, set[str]] = {}
        for k, lit in enumerate(literals):
            # what the text must hold: the longest word of the literal (or of its phrase)
            words = _WORD.findall((keys[k] if keys is not None else lit).lower())
            if words:  # the longest word (the last of equals: "lost their lives")
                head = max(reversed(words), key=len)
                by_head.setdefault(head, set()).add(lit if self.cased else lit.lower())
        self._by_head = {h: tuple(sorted(v)) for h, v in by_head.items()}
        self.heads = register(by_head)  # what a text must hold for a match to be possible
        self._lits = Memory(4096)  # heads present -> their literals

    def search(self, text: str) -> re.Match | None:
        """The first match in ``text``, or None (as ``regex.search``)."""
        found = self.finditer(text, first=True)
        return found[0] if found else None

    def finditer(self, text: str, first: bool = False) -> list[re.Match]:
        """The matches in ``text`` (only the first one with ``first``)."""
        ts = scan_of(text)
        if ts.low is None or (self.digits and other_digit(text)):
            if first:
                m = self.regex.search(text)
                return [m] if m else []
            return list(self.regex.finditer(text))
        mine = self.heads & ts.present
        if not mine:
            return []
        lits = self._lits.get(mine)
        if lits is None:
            lits = self._lits.put(mine, tuple(sorted({lit for h in mine
                                                      for lit in self._by_head[h]})))
        cased = self.cased
        if self.back is not None:
            places = set(ts.positions(lits[0]))
            for lit in lits[1:]:
                places.update(ts.positions(lit))
            starts = walk_back(ts.low, places, self.back)
        elif len(lits) == 1:
            starts = ts.positions(lits[0], cased)
        else:
            starts = sorted(set().union(*[ts.positions(lit, cased) for lit in lits]))
        return matches_at(self.regex, text, starts, first)


def walk_back(low: str, starts, back: re.Pattern) -> list[int]:
    """``starts`` (places in ``low``; a set is added to) and the places reached from them
    by ``back``, a pattern read over the reversed text from a place (``back`` for "the"
    before a day: white space, then "eht"): the start of what it takes is reached too,
    and walked back from in turn. Ascending."""
    found = starts if isinstance(starts, set) else set(starts)
    if not found:
        return []
    rev, n = low[::-1], len(low)
    todo = list(found)
    for q in todo:  # (grows as places are reached)
        m = back.match(rev, n - q)
        if m is not None and (p := n - m.end()) not in found:
            found.add(p)
            todo.append(p)
    return sorted(found)


def matches_at(regex: re.Pattern, text: str, starts, first: bool = False) -> list[re.Match]:
    """The matches of ``regex`` tried at ``starts`` (ascending) as ``finditer`` would find
    them: left to right, none starting inside the one before (only the first, ``first``)."""
    out = []
    end = 0
    match = regex.match
    for i in starts:
        if i < end:
            continue
        m = match(text, i)
        if m is not None:
            if first:
                return [m]
            out.append(m)
            end = m.end() if m.end() > i else i + 1
    return out


class Phrases:
    r"""A regular expression whose every match starts with one of ``phrases`` (their words
    apart by white space, ``\s+`` in the pattern), run only where a phrase can start.

    Where :class:`Anchored` would look for each phrase's first word ("the" of "the town
    of", found all over a text), this looks for its longest word ("town") and walks back
    over the words before it to where the phrase would start: the regular expression is
    tried there only, left to right, with exactly the matches ``regex.finditer`` gives.

    Examples
    --------
    >>> rx = re.compile(r"(?<![\w])(?:the\s+town\s+of|near)\s+([A-Z]\w+)")
    >>> ph = Phrases(rx, ["the town of", "near"])
    >>> [m.group(1) for m in ph.finditer("In the  town of Boni and near Gao, the army")]
    ['Boni', 'Gao']
    """

    def __init__(self, regex: re.Pattern, phrases):
        self.regex = regex
        self.cased = not regex.flags & re.IGNORECASE
        by_head: dict[str, set[tuple[str, ...]]] = {}
        self.plain = False  # a phrase with no word of letters alone: run the plain pattern
        for p in phrases:
            words = p.split() if self.cased else p.lower().split()
            # the head: its longest word of letters and digits alone (as the text's words
            # are read: "nord-ouest" or "jusqu’à" cannot be looked for whole)
            whole = [i for i, w in enumerate(words) if _WORD.fullmatch(w)]
            if not whole:
                self.plain = True
                continue
            k = max(whole, key=lambda i: len(words[i]))  # the first longest
            by_head.setdefault(words[k], set()).add(tuple(reversed(words[:k])))
        self._by_head = {h: tuple(v) for h, v in by_head.items()}
        self._as_written: dict[str, list[str]] = {}  # lower-case head -> heads as written
        for h in by_head:
            self._as_written.setdefault(h.lower(), []).append(h)
        self.heads = register(self._as_written)

    def finditer(self, text: str) -> list[re.Match]:
        """The matches in ``text``."""
        ts = scan_of(text)
        if ts.low is None or self.plain:
            return list(self.regex.finditer(text))
        base = text if self.cased else ts.low
        starts = set()
        for head in self.heads & ts.present:
            for cased_head in self._as_written[head]:
                befores = self._by_head[cased_head]
                for q in ts.positions(cased_head, self.cased):
                    for before in befores:
                        p = _walk_back(base, q, before)
                        if p is not None:
                            starts.add(p)
        return matches_at(self.regex, text, sorted(starts))


def _walk_back(text: str, q: int, before: tuple[str, ...]) -> int | None:
    """Where a phrase starts whose word at ``q`` follows ``before`` (nearest first), each
    word apart by white space; None if the words before ``q`` are not those."""
    i = q
    for w in before:
        j = i
        while j > 0 and text[j - 1].isspace():
            j -= 1
        if j == i or j < len(w) or not text.startswith(w, j - len(w)):
            return None
        i = j - len(w)
    return i


class Choice:
    """Items (triggers, actors) each matched through an :class:`Anchored` ``scan`` (or
    None: tried everywhere): which of them, in their order, can match in a text holding
    the given word heads.

    Examples
    --------
    >>> class Item:
    ...     def __init__(self, name, scan): self.name, self.scan = name, scan
    >>> items = [Item("kill", Anchored(re.compile("kill"), ["kill"])), Item("any", None)]
    >>> [i.name for i in Choice(items).among(scan_of("Gunmen killed two").present)]
    ['kill', 'any']
    """

    def __init__(self, items: list):
        self.items = items
        self._always = [k for k, it in enumerate(items) if it.scan is None]
        self._by_head: dict[str, list[int]] = {}
        for k, it in enumerate(items):
            for h in it.scan.heads if it.scan is not None else ():
                self._by_head.setdefault(h, []).append(k)
        self._keys = frozenset(self._by_head)
        self._memo = Memory(4096)  # heads present -> the items (shared: read only)

    def among(self, present: set[str]) -> list:
        """The items that can match, in order (a list kept for the next text holding the
        same heads: read it, do not change it)."""
        hit = self._keys & present
        found = self._memo.get(hit)
        if found is None:
            idx = set(self._always)
            for h in hit:
                idx.update(self._by_head[h])
            found = self._memo.put(hit, [self.items[k] for k in sorted(idx)])
        return found


_ESCAPE = re.compile(r"\\.")


class CaseFree:
    """A case-insensitive pattern, run as its case-sensitive twin over the lower-cased
    text (the regular expression engine compares plain literals far faster than
    case-folded ones); each match is then read again from the original text at its
    start, so groups keep the text's own case. Same matches as ``regex.finditer``.

    Examples
    --------
    >>> cf = CaseFree(re.compile(r"(?<!\\w)(monday|friday)", re.I))
    >>> [m.group(1) for m in cf.finditer("On Friday and on MONDAY")]
    ['Friday', 'MONDAY']
    """

    def __init__(self, regex: re.Pattern):
        self.regex = regex
        plain = _ESCAPE.sub("", regex.pattern)
        # an upper-case letter outside an escape ("[A-Z]") would mean another thing
        cased = any(c.isupper() for c in plain)
        self.twin = None if cased or not regex.flags & re.IGNORECASE else \
            re.compile(regex.pattern, regex.flags & ~re.IGNORECASE)

    def finditer(self, text: str) -> list[re.Match]:
        low = scan_of(text).low if self.twin is not None else None
        if low is None:
            return list(self.regex.finditer(text))
        out = []
        match = self.regex.match
        for m in self.twin.finditer(low):
            mm = match(text, m.start())
            if mm is None or mm.end() != m.end():  # case folding beyond lower(): read plainly
                return list(self.regex.finditer(text))
            out.append(mm)
        return out

    def search(self, text: str) -> re.Match | None:
        low = scan_of(text).low if self.twin is not None else None
        if low is None:
            return self.regex.search(text)
        m = self.twin.search(low)
        if m is None:
            return None
        mm = self.regex.match(text, m.start())
        return mm if mm is not None and mm.end() == m.end() else self.regex.search(text)


def alternation(words) -> str:
    """A regular expression matching any of ``words`` (literal strings), written as a tree
    of shared beginnings ("sep(?:t(?:ember)?)?" rather than "september|sept|sep"): the
    engine then tries a few first letters at each place instead of every word in turn.
    Meant for lists whose match is a whole word (followed by a word boundary), where the
    order of the alternatives cannot change what matches.

    Examples
    --------
    >>> alternation(["sep", "sept", "september", "oct"])
    '(?:oct|sep(?:t(?:ember)?)?)'
    >>> bool(re.fullmatch(alternation(["twenty-one", "two"]), "twenty-one"))
    True
    """
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return f"(?:{_branches(tree)})"


def _branches(node: dict) -> str:
    parts = [re.escape(ch) + _tail(node[ch]) for ch in sorted(k for k in node if k)]
    return "|".join(parts)


def _tail(node: dict) -> str:
    kids = [k for k in node if k]
    if not kids:
        return ""
    if len(kids) == 1 and "" not in node:
        return re.escape(kids[0]) + _tail(node[kids[0]])
    return f"(?:{_branches(node)})" + ("?" if "" in node else "")


_DIGITS = "0123456789"
_ZERO_WIDTH = (_sre_c.AT, _sre_c.ASSERT, _sre_c.ASSERT_NOT)
_MAX_STARTS = 400  # more beginnings than this: not worth looking for one by one


def starts_of(regex: re.Pattern) -> tuple[str, ...] | None:
    """The literal beginnings every match of ``regex`` starts with, read from the pattern
    itself (lower case when it ignores case; a leading ``\\d`` gives the ten digits), or
    None when they cannot be told: the pattern must start at a word start
    (``(?<![\\w])``) and then with literal text, each optional part ("(?:on\\s+)?") adding
    the beginnings of what may follow it.

    Examples
    --------
    >>> starts_of(re.compile(r"(?<![\\w])(?:(last|on)\\s+)?(friday|sunday)", re.I))
    ('friday', 'last', 'on', 'sunday')
    >>> starts_of(re.compile(r"(?<![\\w])(\\d+)\\s+km"))[:3]
    ('0', '1', '2')
    >>> starts_of(re.compile(r"\\s*killed")) is None
    True
    """
    try:
        seq = list(_sre_p.parse(regex.pattern, regex.flags))
    except Exception:  # noqa: BLE001 - an unreadable pattern: no beginnings
        return None
    if not seq or not _word_start_guard(seq[0]):
        return None
    found = _lead(seq[1:])
    if found is None or not found or any(not p for p, _ in found):
        return None
    fold = bool(regex.flags & re.IGNORECASE)
    return tuple(sorted({p.lower() if fold else p for p, _ in found}))


def _word_start_guard(item) -> bool:
    """Is ``item`` a look-behind that no word character may precede ("(?<![\\w])")?"""
    op, av = item
    if op is not _sre_c.ASSERT_NOT or av[0] != -1:
        return False
    sub = list(av[1])
    words = {(_sre_c.CATEGORY, _sre_c.CATEGORY_WORD), (_sre_c.CATEGORY, _sre_c.CATEGORY_UNI_WORD)}
    return len(sub) == 1 and sub[0][0] is _sre_c.IN and not words.isdisjoint(sub[0][1])


def _lead(seq) -> set[tuple[str, bool]] | None:
    """(beginning, whole) pairs, one of which starts every match of the parsed ``seq``;
    ``whole``: the beginning is all the sequence matched, so what follows continues it.
    None when some match may start otherwise."""
    out = {("", True)}
    for op, av in seq:
        if op in _ZERO_WIDTH:
            continue
        alts = _alternatives(op, av)
        if alts is None:  # not literal: every beginning still open ends here
            return {(p, False) for p, _ in out}
        new = set()
        for p, whole in out:
            if not whole:
                new.add((p, False))
            else:
                new.update(_first_word(p + q, w) for q, w in alts)
        # a beginning that is complete ("in") covers the longer ones it begins ("injune")
        done = {p for p, w in new if not w}
        new = {(q, w) for q, w in new if not any(q != p and q.startswith(p) for p in done)}
        if len(new) > _MAX_STARTS:
            return None
        out = new
        if not any(w for _, w in out):
            break
    return out


def _first_word(begin: str, whole: bool) -> tuple[str, bool]:
    """A beginning cut after its first word ("depuis le" -> "depuis"): enough to find
    where a match can start, and it keeps the beginnings few."""
    for i in range(1, len(begin)):
        if not begin[i].isalnum():
            return begin[:i], False
    return begin, whole


def _alternatives(op, av) -> set[tuple[str, bool]] | None:
    c = _sre_c
    if op is c.LITERAL:
        return {(chr(av), True)}
    if op is c.SUBPATTERN:
        return _lead(av[-1])
    if op is c.BRANCH:
        out = set()
        for alt in av[1]:
            got = _lead(alt)
            if got is None:
                return None
            out |= got
        return out
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        lo, hi, sub = av
        inner = _lead(sub)
        if inner is None:
            return None
        once = inner if lo == hi == 1 else {(p, w and hi == 1) for p, w in inner}
        return once | {("", True)} if lo == 0 else once
    if op is c.IN:
        items = list(av)
        if items == [(c.CATEGORY, c.CATEGORY_DIGIT)] or \
                items == [(c.CATEGORY, c.CATEGORY_UNI_DIGIT)]:
            return {(d, True) for d in _DIGITS}  # other decimal digits: see Anchored
        if len(items) <= 8 and all(o is c.LITERAL for o, _ in items):
            return {(chr(v), True) for _, v in items}
    return None


# a decimal digit other than 0-9 ("٣"): "\d" takes it, a look-up of the ten digits does not
_OTHER_DIGIT = re.compile(r"[^\x00-\x7f\D]")


def other_digit(text: str) -> bool:
    """Does ``text`` hold a decimal digit other than 0-9 ("٣"), which "\\d" also takes?"""
    return not text.isascii() and _OTHER_DIGIT.search(text) is not None


def anchored(regex: re.Pattern):
    """``regex`` run where its matches can start (an :class:`Anchored`) when the pattern
    tells how they start (:func:`starts_of`), else as a :class:`CaseFree` scan."""
    starts = starts_of(regex)
    if starts is None:
        return CaseFree(regex)
    return Anchored(regex, starts, digits=any(s[:1] in _DIGITS for s in starts))
