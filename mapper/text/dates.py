"""Date expressions in English and French, resolved against the report's publication date.

Returns dates with ACLED's time precision: 1 the day is known, 2 a week or so, 3 a month.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache, reduce
from operator import itemgetter, or_
from typing import NamedTuple

from ..memory import Memory
from .scan import Anchored, alternation, anchored, starts_of, words_of

__all__ = ["DateMention", "find_dates", "parse_iso_date", "uses_previous"]

WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
            "sunday": 6, "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4,
            "samedi": 5, "dimanche": 6}
MONTHS = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
          "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
          "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
          "sept": 9, "oct": 10, "nov": 11, "dec": 12, "janvier": 1, "février": 2, "fevrier": 2,
          "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "août": 8, "aout": 8,
          "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12}

_WD = alternation(WEEKDAYS)  # as one tree of shared beginnings (faster to scan)
_MO = alternation(MONTHS)
_B = r"(?<![\w])"
_E = r"(?![\w])"


def _optional_as_branch(pattern: str) -> str:
    r"""``pattern`` with each optional non-capturing group ``(?:X)?`` written ``(?:X|)``.

    The two match the same texts the same way: greedy ``?`` tries X first and then
    nothing, and so does the branch, backtracking into X in the same order; groups inside
    X are unset when the empty way is taken, in both. The engine runs ``?`` over anything
    longer than one character with its general repeat machinery, a branch with its
    cheaper one. Lazy ``)??`` and possessive ``)?+`` are left as they are, and so are
    capturing groups (``(X)?`` leaves the group unset where ``(X|)`` sets it to "").
    """
    out = list(pattern)
    opens = []  # for each group open there: is it "(?:"?
    i, n = 0, len(pattern)
    in_class = False
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
            if pattern.startswith("]", i + 1) or pattern.startswith("^]", i + 1):
                i += 2 if pattern[i + 1] == "]" else 3  # a "]" first is a literal
                continue
        elif c == "(":
            opens.append(pattern.startswith("(?:", i))
        elif c == ")":
            plain = opens.pop()
            if plain and i + 1 < n and pattern[i + 1] == "?" and \
                    (i + 2 >= n or pattern[i + 2] not in "?+"):
                out[i] = "|)"
                out[i + 1] = ""
        i += 1
    return "".join(out)


_WRITTEN = [
    ("iso", re.compile(rf"{_B}(\d{{4}})-(\d{{2}})-(\d{{2}}){_E}")),
    ("since_dm", re.compile(rf"{_B}(?:since|depuis(?: le)?)\s+(?:({_MO})\s+(\d{{1,2}})(?:st|nd|rd|th)?|(\d{{1,2}})(?:er)?\s+({_MO}))(?:,?\s+(\d{{4}}))?{_E}", re.I)),
    ("since_month", re.compile(rf"{_B}(?:since(?: early| late| mid-?)?|(depuis)(?: (?:le )?(?:début|fin|mi-?))?(?: (?:du |le )?mois)?(?: de| d['’])?)\s+({_MO})(?:\s+(\d{{4}}))?{_E}", re.I)),
    ("night", re.compile(rf"{_B}(?:la\s+)?nuit\s+(?:de|du)\s+({_WD})\s+(?:à|au)\s+({_WD})(?:\s+(\d{{1,2}})(?:er)?\s+({_MO}))?(?:\s+(\d{{4}}))?{_E}", re.I)),
    ("dmy", re.compile(rf"{_B}(?:(?:on|le|ce|the)\s+)?(?:({_WD}),?\s+)?(?:the\s+)?(\d{{1,2}})(?:er|st|nd|rd|th)?(?:\s+of)?\s+({_MO})\.?(?:,?\s+(\d{{4}}))?(?:\s+dernier)?{_E}", re.I)),
    ("mdy", re.compile(rf"{_B}(?:(?:on)\s+)?(?:({_WD}),?\s+)?({_MO})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?{_E}", re.I)),
    ("day_before", re.compile(rf"{_B}(?:the\s+(?:day|night|evening)\s+before|(?:la\s+)?veille){_E}", re.I)),
    ("next_day", re.compile(rf"{_B}(?:the\s+(?:next|following)\s+(?:day|morning|evening|night)|a\s+day\s+later|the\s+day\s+after|le\s+lendemain|le\s+jour\s+suivant|(?:the\s+)?next\s+(?:day|evening|morning)){_E}", re.I)),
    ("same_day", re.compile(rf"{_B}(?:the\s+same\s+day|that\s+same\s+day|on\s+the\s+same\s+day|"
                            rf"le\s+même\s+jour|(?:dans\s+)?la\s+même\s+journée|au\s+même\s+moment|"
                            rf"(?:quasi[- ])?simultanément|simultaneously|at\s+the\s+same\s+time){_E}", re.I)),
    ("last_week", re.compile(rf"{_B}(?:last\s+week|la\s+semaine\s+(?:dernière|derniere|passée)|earlier\s+this\s+week|this\s+week|cette\s+semaine){_E}", re.I)),
    ("last_month", re.compile(rf"{_B}(?:last\s+month|le\s+mois\s+(?:dernier|passé)|earlier\s+this\s+month){_E}", re.I)),
    ("weekday", re.compile(rf"{_B}(?:(last|this\s+past|past|on|late|early|ce|le)\s+)?({_WD})(?:\s+(?:dernier|passé))?(?:\s+(?:night|morning|evening|afternoon|soir|matin))?{_E}", re.I)),
    ("month", re.compile(rf"{_B}(?:(in|last|early|late|mid|en|début|fin|mi-?|au\s+mois\s+de|in\s+early|in\s+late|in\s+mid)\s*-?\s*)?({_MO})(?:\s+(\d{{4}}))?(?:\s+dernier)?{_E}", re.I)),
    ("yesterday", re.compile(rf"{_B}(?:yesterday|hier|last\s+night|overnight|la\s+nuit\s+dernière|dans\s+la\s+nuit){_E}", re.I)),
    ("today", re.compile(rf"{_B}(?:today|this\s+morning|aujourd['’]hui|ce\s+matin|earlier\s+today){_E}", re.I)),
]
# the patterns run: as written, each "(?:...)?" as the cheaper "(?:...|)"
_PATTERNS = [(kind, re.compile(_optional_as_branch(rx.pattern), rx.flags))
             for kind, rx in _WRITTEN]


class _Prefixed(Anchored):
    r"""A pattern run (as :class:`~mapper.text.scan.Anchored`) at its strong words only
    (``strong``: its beginnings other than ``weak`` unless given, like "next" or "veille"),
    and at the short words (``weak``: "on", "the", "le") found by walking back from them: a
    weak word is tried only when a place already tried follows it after a separator
    (``sep``: white space). Same matches as ``regex.finditer``, given what each use below
    shows:

    - every match holds a strong word at a word start (where ``ts.positions`` finds it),
      and starts either with it, or with a weak word that the pattern follows with ``sep``
      and then the strong word or another such weak word;
    - weak words are letters, separators are not: between a weak word and what follows,
      ``sep`` takes the whole run of separator characters there;
    - so, counting the weak words a match starts with, each match start is a strong word
      or lies one weak word and one run of separators before another start. ``back``
      (the reversed text, read from a start: separators, then a weak word written
      backwards, the longest first) finds every such place: where two weak words end at
      one place, the shorter one starts inside the longer one (after a letter), where no
      match starts. No guard for a word start: an extra place only costs a try.
    """

    def __init__(self, regex: re.Pattern, weak: tuple[str, ...], strong=None, sep=r"\s+"):
        if strong is None:
            starts = starts_of(regex)
            assert starts is not None and set(weak) <= set(starts), weak
            strong = [s for s in starts if s not in weak]
        assert all(w.isalpha() for w in weak), weak
        longest_first = sorted(weak, key=len, reverse=True)
        back = re.compile(sep + "(?:" + "|".join(re.escape(w[::-1]) for w in longest_first) + ")")
        super().__init__(regex, strong, digits=any(s[:1].isdigit() for s in strong), back=back)


_RX = dict(_PATTERNS)
# each pattern is tried only where one of its first words stands (scan.starts_of)
_SCANS = {kind: anchored(rx) for kind, rx in _PATTERNS}
# dmy: [(on|le|ce|the)\s+] [weekday,?\s+] [the\s+] digit: its prefix words are followed
# by white space and a weekday, "the" or a digit
_SCANS["dmy"] = _Prefixed(_RX["dmy"], ("on", "le", "ce", "the"))
# mdy: [on\s+] [weekday,?\s+] month: "on" is followed by white space and a weekday or month
_SCANS["mdy"] = _Prefixed(_RX["mdy"], ("on",))
# weekday: [(last|this\s+past|past|on|late|early|ce|le)\s+] weekday: each prefix word is
# followed by white space and a weekday, or ("this") by "past"
_SCANS["weekday"] = _Prefixed(_RX["weekday"],
                              ("last", "this", "past", "on", "late", "early", "ce", "le"))
# The relative patterns start with common words ("the", "a", "le", "la", "on", "at"): each
# is tried at its distinctive words (strong, third argument) and at the words before them
# (weak) found by walking back. Each alternative of a pattern is a run of weak words, each
# followed by white space, then a strong word, as the comments below spell out.
# day_before: the (day|night|evening) | before; [la] | veille
_SCANS["day_before"] = _Prefixed(_RX["day_before"],
                                 ("the", "day", "night", "evening", "la"), ("before", "veille"))
# next_day: the | next|following ...; a day | later; the day | after; le | lendemain;
# le jour | suivant; [the] | next ...
_SCANS["next_day"] = _Prefixed(_RX["next_day"], ("the", "a", "day", "le", "jour"),
                               ("next", "following", "later", "after", "lendemain", "suivant"))
# same_day: (the|that|on the) | same; le | même; [dans] la | même; au | même; at the | same;
# quasi | simultanément (after "-" or one space: the separators here take hyphens too);
# | simultaneously
_SCANS["same_day"] = _Prefixed(_RX["same_day"],
                               ("the", "that", "on", "le", "dans", "la", "au", "at", "quasi"),
                               ("same", "même", "simultanément", "simultaneously"), r"[\s-]+")
# last_week: last | week; la | semaine; earlier this | week; this | week; cette | semaine
_SCANS["last_week"] = _Prefixed(_RX["last_week"],
                                ("last", "la", "earlier", "this", "cette"), ("week", "semaine"))
# yesterday: | yesterday; | hier; last | night; | overnight; la | nuit; dans la | nuit
_SCANS["yesterday"] = _Prefixed(_RX["yesterday"], ("last", "la", "dans"),
                                ("yesterday", "hier", "night", "overnight", "nuit"))
# today: | today; this | morning; | aujourd (then ' or ’, hui); ce | matin; earlier | today
_SCANS["today"] = _Prefixed(_RX["today"], ("this", "ce", "earlier"),
                            ("today", "morning", "aujourd", "matin"))
_DIGIT = re.compile(r"\d")
_DAY_WORDS = frozenset(WEEKDAYS)
_MONTH_WORDS = frozenset(MONTHS)
# What each pattern needs in the sentence: a digit?, a word starting with one of these
# stems (lower case)?, one of these whole words (every pattern takes month and weekday
# names as whole words)? A sentence lacking them is not scanned with that pattern.
_NEEDS = {
    "iso": (True, (), None), "since_dm": (True, ("since", "depuis"), "month"),
    "since_month": (False, ("since", "depuis"), "month"), "night": (False, ("nuit",), "day"),
    "dmy": (True, (), "month"), "mdy": (True, (), "month"),
    "same_day": (False, ("same", "même", "simultan", "moment"), None),
    "day_before": (False, ("before", "veille"), None),
    "next_day": (False, ("next", "following", "later", "after", "lendemain", "suivant"), None),
    "last_week": (False, ("week", "semaine"), None), "last_month": (False, ("month", "mois"), None),
    "weekday": (False, (), "day"), "month": (False, (), "month"),
    "yesterday": (False, ("yesterday", "hier", "night", "overnight", "nuit"), None),
    "today": (False, ("today", "morning", "aujourd", "matin"), None),
}
_STEMS = {kind: frozenset(stems) for kind, (_, stems, _) in _NEEDS.items() if stems}
_ALL_STEMS = frozenset().union(*_STEMS.values())


_GLUED_MONTH = re.compile(rf"(?:in|last|early|late|mid|en|début|fin|mi){alternation(MONTHS)}(?![\w])")
_RELATIVE = {"day_before", "next_day", "same_day"}  # counted from the day told before
_NUMERIC = ("iso", "dmy", "mdy")  # the patterns of day numbers


def forget_texts() -> None:
    """Forget the sentences read so far (see :func:`mapper.text.scan.forget_texts`)."""
    _runnable.cache_clear()


def uses_previous(text: str) -> bool:
    """Can a date in ``text`` be counted from the day told before ("the next day")?"""
    return not _RELATIVE.isdisjoint(_runnable(text))


# What a sentence's words hold that the patterns need (see _NEEDS), as bits: one for
# each stem a word starts with, and these.
_STEM_BIT = {stem: 1 << k for k, stem in enumerate(sorted(_ALL_STEMS))}
_STEM_LENGTHS = sorted({len(stem) for stem in _STEM_BIT})
_MONTH = 1 << len(_STEM_BIT)  # a month name
_DAY = _MONTH << 1  # a weekday name
_DIGITS = _MONTH << 2  # a decimal digit ("\d")
_GLUED = _MONTH << 3  # a month glued to its qualifier ("midjune")
_DASH = _MONTH << 4  # "-" (in the sentence, not its words)
_MONTH_ENDS = tuple(MONTHS)
# the words read so far, and those of them that hold something (with their bits)
_KNOWN: set[str] = set()
_HOLDING: set[str] = set()
_BITS: dict[str, int] = {}


def _word_bits(word: str) -> int:
    """What ``word`` (lower case, as scan.words_of reads them) holds, as bits."""
    found = 0
    if word in _MONTH_WORDS:
        found |= _MONTH
    if word in _DAY_WORDS:
        found |= _DAY
    if not word.isalpha() and _DIGIT.search(word):  # (a decimal digit is no letter)
        found |= _DIGITS
    # _GLUED_MONTH ends at the end of the word (a word ends where letters and digits do)
    if word.endswith(_MONTH_ENDS) and _GLUED_MONTH.search(word):
        found |= _GLUED
    for n in _STEM_LENGTHS:
        if n > len(word):
            break
        found |= _STEM_BIT.get(word[:n], 0)
    return found


def _read(words: frozenset[str]) -> None:
    """Read the words not met before (a bounded memory of words)."""
    if len(_KNOWN) > 200_000:
        _KNOWN.clear()
        _HOLDING.clear()
        _BITS.clear()
    for word in words.difference(_KNOWN):
        bits = _word_bits(word)
        if bits:
            _HOLDING.add(word)
            _BITS[word] = bits
    _KNOWN.update(words)


@lru_cache(maxsize=256)
def _runnable(text: str) -> tuple[str, ...]:
    """The patterns that can match in a sentence, in their order of priority.

    Read from the sentence's words (scan.words_of), each read once (remembered): the
    stems they start with, month and weekday names, a month glued to its qualifier, and
    decimal digits, as a text's digits are in its words (letters and digits, lower case:
    lower() keeps a digit); then "-", which only the iso pattern needs, with digits. A
    sentence none of whose words holds any of these can match no pattern (each needs
    one). A glued month is told even beside a month name (_kinds then needs it not).
    """
    words = words_of(text)
    if not words <= _KNOWN:
        _read(words)
    hit = words & _HOLDING  # (set operations: the cheapest reading)
    if not hit:
        return ()
    held = reduce(or_, map(_BITS.__getitem__, hit))
    if held & _DIGITS and "-" in text:
        held |= _DASH
    found = _KINDS.get(held)
    if found is None:  # sentences hold few combinations of these: work each out once
        found = _KINDS.put(held, _kinds(
            frozenset(s for s, bit in _STEM_BIT.items() if held & bit), bool(held & _MONTH),
            bool(held & _DAY), bool(held & _DIGITS), bool(held & _GLUED), bool(held & _DASH)))
    return found


_KINDS = Memory(4096)


def _kinds(hits: frozenset, month: bool, day: bool, digits: bool, glued: bool, dash: bool
           ) -> tuple[str, ...]:
    """The patterns a sentence with these stems, month or weekday names, digits, a month
    glued to its qualifier, a dash, can match, in their order of priority."""
    has = {"month": month, "day": day}
    out = []
    for kind, _ in _PATTERNS:
        need_digit, stems, whole = _NEEDS[kind]
        if (need_digit and not digits) or (stems and _STEMS[kind].isdisjoint(hits)) or \
                (kind == "iso" and not dash) or \
                (whole is not None and not has[whole] and not (glued and kind == "month")):
            continue
        out.append(kind)
    return tuple(out)
# Words that, lower-case, are not dates although they spell a month ("may", "mars", "march").
_AMBIGUOUS = {"may", "mars", "march", "sep", "jan", "dec", "mar", "sept", "oct", "nov"}


class DateMention(NamedTuple):
    start: int
    end: int
    date: date
    precision: int
    kind: str  # "day", "relative", "since", "month", "week"


def parse_iso_date(value: str) -> date:
    """Parse ``YYYY-MM-DD`` strictly (raises ValueError)."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value or ""):
        raise ValueError(f"{value!r} is not a date in YYYY-MM-DD form")
    return date.fromisoformat(value)


def _infer_year(month: int, day: int, published: date) -> date | None:
    for year in (published.year, published.year - 1):
        try:
            d = date(year, month, day)
        except ValueError:
            return None
        if d <= published + timedelta(days=2):
            return d
    return None


def _month_year(month: int, published: date, year: str | None, last: bool = False) -> int:
    if year:
        return int(year)
    if month > published.month or (last and month == published.month):
        return published.year - 1
    return published.year


def _weekday_before(wd: int, published: date, strictly: bool = False) -> date:
    delta = (published.weekday() - wd) % 7
    if delta == 0 and strictly:
        delta = 7
    return published - timedelta(days=delta)


def _mid(year: int, month: int, qualifier: str | None) -> date:
    q = (qualifier or "").lower()
    if q.startswith(("early", "début", "debut", "in early")):
        return date(year, month, 5)
    if q.startswith(("late", "fin", "in late")):
        return date(year, month, 25)
    return date(year, month, 15)


def find_dates(text: str, published: date | None, previous: date | None = None
               ) -> list[DateMention]:
    """Every date expression in ``text`` (a sentence), resolved, left to right, no overlaps.

    Examples
    --------
    >>> from datetime import date
    >>> pub = date(2025, 11, 10)  # a Monday
    >>> [(d.date.isoformat(), d.precision) for d in find_dates("abducted on Friday", pub)]
    [('2025-11-07', 1)]
    >>> [d.date.isoformat() for d in find_dates("enlevés jeudi 6 novembre", pub)]
    ['2025-11-06']
    >>> [(d.date.isoformat(), d.kind) for d in find_dates("a blockade since September", pub)]
    [('2025-09-01', 'since')]
    """
    kinds = _runnable(text)
    if not kinds:
        return []
    if published is None:
        published = date.today()
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind in kinds:
        for m in _SCANS[kind].finditer(text):
            start, end = m.span()
            if taken and any(a < end and start < b for a, b in taken):
                continue
            dm = _resolve(kind, m, published, previous)
            if dm is None:
                if kind in _NUMERIC and any(c.isdigit() for c in m.group(0)):
                    taken.append((start, end))  # "31 November": no date, not a month
                continue
            taken.append((start, end))
            found.append(DateMention(start, end, *dm))
    if len(found) > 1:
        found.sort(key=itemgetter(0))  # by start
    return found


def _resolve(kind, m, published, previous):
    g = m.groups()
    try:
        if kind == "iso":
            return date(int(g[0]), int(g[1]), int(g[2])), 1, "day"
        if kind == "since_dm":
            mon = MONTHS[(g[0] or g[3]).lower()]
            day = int(g[1] or g[2])
            d = date(int(g[4]), mon, day) if g[4] else _infer_year(mon, day, published)
            return (d, 1, "since") if d else None
        if kind == "since_month":
            french, mon_s, year = g
            if mon_s.lower() in _AMBIGUOUS and mon_s[0].islower() and not french:
                return None
            mon = MONTHS[mon_s.lower()]
            return date(_month_year(mon, published, year), mon, 1), 3, "since"
        if kind == "night":
            wd = WEEKDAYS[g[0].lower()]
            if g[2] and g[3]:
                d = _infer_year(MONTHS[g[3].lower()], int(g[2]), published)
                return (d - timedelta(days=1), 1, "day") if d else None
            return _weekday_before(wd, published), 1, "day"
        if kind in ("dmy", "mdy"):
            if kind == "dmy":
                wd, day, mon, year = g
            else:
                wd, mon, day, year = g
            if mon.lower() in {"may", "march", "mar"} and mon[0].islower():
                return None  # "6 may", but French "le 6 mars" is a date
            mon_i, day_i = MONTHS[mon.lower().rstrip(".")], int(day)
            d = date(int(year), mon_i, day_i) if year else _infer_year(mon_i, day_i, published)
            return (d, 1, "day") if d else None
        if kind == "day_before":
            return ((previous - timedelta(days=1)), 1, "relative") if previous else None
        if kind == "next_day":
            return ((previous + timedelta(days=1)), 1, "relative") if previous else None
        if kind == "same_day":
            return (previous, 1, "relative") if previous else None
        if kind == "last_week":
            return published - timedelta(days=5), 2, "week"
        if kind == "last_month":
            y, mo = (published.year, published.month - 1) if published.month > 1 else (published.year - 1, 12)
            if "earlier" in m.group(0).lower():
                y, mo = published.year, published.month
            return date(y, mo, 15), 3, "month"
        if kind == "weekday":
            qual, wd = (g[0] or "").lower(), WEEKDAYS[g[1].lower()]
            return _weekday_before(wd, published, strictly=qual in ("last", "this past", "past")
                                   and wd == published.weekday()), 1, "day"
        if kind == "month":
            qual, mon, year = g
            if mon.lower() in _AMBIGUOUS and (mon[0].islower() or not (qual or year)):
                return None
            mon_i = MONTHS[mon.lower()]
            y = _month_year(mon_i, published, year, last=(qual or "").lower() == "last")
            d = _mid(y, mon_i, qual)
            if (y, mon_i) == (published.year, published.month):
                d = min(d, published)  # "In November", published on 10 November
            return (d, 3, "month") if d <= published + timedelta(days=2) else None
        if kind == "yesterday":
            return published - timedelta(days=1), 1, "day"
        if kind == "today":
            return published, 1, "day"
    except (ValueError, KeyError):
        return None
    return None
