"""Who did it, to whom, and how many died: actors, victims and counts around a trigger."""
from __future__ import annotations

import re

from .lexicon import Lexicon, Trigger
from .numbers import Count
from .scan import Anchored, CaseFree, alternation, scan_of, words_of

__all__ = ["find_actor", "read_counts", "counts_matter", "armed_victims", "VIOLENT"]

_PRONOUN_OR_VERB = re.compile(r"(?:she|he|executed|killed|shot|abducted|kidnapped|seized)\b", re.I)
_BY_WORDS = re.compile(r"\b(?:by|par)\s+(?:\w+\s+){0,2}$", re.I)
VIOLENT = {"Battles", "Violence against civilians", "Explosions/Remote violence"}

_BY = re.compile(r"\b(?:by|par|from)\s+(?:the\s+|les?\s+|la\s+|des\s+)?(?:suspected\s+|présumés?\s+)?$", re.I)
# One named victim: "a 30-year-old man", "she was", "executed him", "un enseignant"
_VICTIM_NOUNS = ["man", "woman", "boy", "girl", "child", "influencer", "teacher", "journalist",
                 "chief", "imam", "priest", "pastor", "official", "mayor", "citizen", "national",
                 "farmer", "trader", "driver", "worker", "activist", "student", "nurse", "doctor",
                 "civilian", "person", "villager", "herder"]
_VICTIM_NOUNS_FR = ["homme", "femme", "enfant", "chef", "imam", "journaliste", "enseignant",
                    "commerçant", "élu", "civil"]
_VICTIM_VERBS = ["executed", "killed", "shot", "abducted", "kidnapped", "seized"]
_SINGLE_VICTIM = re.compile(
    rf"\b(?:(?:a|an|one)\s+(?:[\w-]+\s+){{0,3}}?(?:{'|'.join(_VICTIM_NOUNS)})|"
    r"(?:she|he)\s+(?:was|has been|had been)|"
    rf"(?:{'|'.join(_VICTIM_VERBS)})\s+(?:her|him)|"
    rf"(?:un|une)\s+(?:{'|'.join(_VICTIM_NOUNS_FR)}))\b",
    re.I)
# The four ways _SINGLE_VICTIM matches, each by the words it begins with and the words it
# ends with: whole words (a word boundary before the first, white space after it; white
# space before the last, a word boundary after it), so a text holds a match only if it
# holds a first and a last word of the same way.
_SINGLE_VICTIM_WORDS = [(frozenset(first), frozenset(last)) for first, last in [
    (["a", "an", "one"], _VICTIM_NOUNS),
    (["she", "he"], ["was", "been"]),
    (_VICTIM_VERBS, ["her", "him"]),
    (["un", "une"], _VICTIM_NOUNS_FR)]]
# the words that end a victims phrase ("12 civilians | were killed")
_STOP_WORDS = ("were", "was", "have", "has", "had", "are", "is", "been", "ont", "a", "été", "sont",
               "fut", "who", "qui", "that", "last", "this", "yesterday", "overnight", "dernier",
               "hier", "on", "le", "monday", "tuesday", "wednesday", "thursday", "friday",
               "saturday", "sunday", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
               "dimanche", "in", "near", "at", "from", "dans", "près", "à", "la", "les", "by",
               "par", "and", "et")
_VERB_STOP = re.compile(rf"\b(?:{'|'.join(_STOP_WORDS)})\b", re.I)
# the same, for a lower-cased text: the same places (only where a match starts is read)
_VERB_STOP_LOW = re.compile(rf"\b{alternation(_STOP_WORDS)}\b")
_TAIL = 60  # how far after a count its victims phrase is read


def _first_stop(words: str, start: int) -> int | None:
    """Where _VERB_STOP first matches in ``words[start:start + _TAIL]`` (counted from
    ``start``), or None.

    Looked for in the sentence's lower case (see scan.CaseFree) between ``start`` and
    ``start + _TAIL`` rather than in a copy of that piece: the same places, as the end is
    read as the end of the text, and a word boundary at ``start`` itself is told apart
    the same way when the character there is not a letter or digit (no stop word can
    begin there then): when it is one, the piece is read plainly.
    """
    low = scan_of(words).low
    if low is None or (start < len(low) and (low[start].isalnum() or low[start] == "_")):
        m = _VERB_STOP.search(words[start:start + _TAIL])
        return m.start() if m else None
    m = _VERB_STOP_LOW.search(low, start, start + _TAIL)
    return m.start() - start if m else None


_OBJECTS = re.compile(r"\s+(?:[\w-]+\s+)?(?:vehicles?|cars?|trucks?|lorries|lorry|pick-?ups?|motorbikes?|"
                      r"motorcycles?|houses?|homes?|huts?|shops?|buildings?|villages?|tankers?|boats?|"
                      r"weapons?|guns?|rifles?|rockets?|shells?|granaries|cattle|head|sacks?|times|"
                      r"directions?|véhicules?|motos?|maisons?|boutiques?|camions?|citernes?|armes?|"
                      r"villages?|fois)\b", re.I)


_KILLED = re.compile(r"\b(?:killed|killing|dead|died|deaths?|slain|lives|tu[ée]e?s?|tuant|"
                     r"morts?|décès|victimes|bilan|death toll|executed|shot dead|massacred)\b", re.I)


# every word of _KILLED starts with one of these (tried only where they stand)
_KILLED_SCAN = Anchored(_KILLED, ["killed", "killing", "dead", "died", "death", "slain", "lives",
                                  "tu", "mort", "décès", "victimes", "bilan", "executed", "shot dead",
                                  "massacred"])
_DIGIT = re.compile(r"\d")
_AND = re.compile(r"\s+(?:[\w-]+\s+){0,3}(?:and|et)\s+")
_SINGLE_VICTIM_SCAN = CaseFree(_SINGLE_VICTIM)


def _single_victim(text: str) -> re.Match | None:
    """The first match of _SINGLE_VICTIM, looked for only if the text's words hold a first
    and a last word of one of its ways (see scan.may_hold: the text's lower case is that
    of the pattern's matching)."""
    if scan_of(text).low is not None:
        words = words_of(text)
        if all(words.isdisjoint(last) or words.isdisjoint(first)
               for first, last in _SINGLE_VICTIM_WORDS):
            return None
    return _SINGLE_VICTIM_SCAN.search(text)


def armed_victims(words: str, m: re.Match, lex: Lexicon) -> bool:
    """Are the people killed or attacked soldiers or fighters (not the perpetrators)?"""
    for a in lex.armed_victims.finditer(words):
        before = words[max(0, a.start() - 30):a.start()]
        if _BY.search(before) or _BY_WORDS.search(before):
            continue  # "by suspected jihadists": the perpetrators
        if 0 <= a.start() - m.end() <= 40:
            return True  # "killed twelve soldiers"
        if 0 <= m.start() - a.end() <= 80:
            between = words[a.end():m.start()] + " " + m.group(0)
            if _PASSIVE.search(between):
                return True  # "twelve soldiers were killed", "trois gendarmes ... ont été tués"
    return False


_PASSIVE = re.compile(r"\b(?:were|was|been|being|été|sont|est|dead|died|morts?|tu[ée]e?s?|"
                      r"lost their lives|perished)\b", re.I)


def find_actor(words: str, pos: int, lex: Lexicon) -> tuple[str | None, bool]:
    found = []
    for a in lex.actors_for(scan_of(words).present):  # whose names can stand there
        if a.scan is not None and not any(lit in words for lit in a.literals):
            continue  # none of its names is written here
        for m in a.scan.finditer(words) if a.scan is not None else a.regex.finditer(words):
            by = bool(_BY.search(words[max(0, m.start() - 25):m.start()]))
            # an actor named right after "killed" is more likely the victim than the killer
            order = 0 if by else (1 if m.start() < pos else 2)
            found.append((order, abs(m.start() - pos), a.name))
    if found:
        return min(found)[2], True
    m = lex.unidentified.search(words)
    if m:
        return lex.unidentified_name, False
    return None, False


def _reads(event_type: str, sub_type: str) -> tuple[bool, bool]:
    """(deaths, victims): which counts an event of this type keeps."""
    if event_type == "Strategic developments":
        return False, False  # no fatalities; a crowd's size is not a count of victims
    # ACLED: an abduction is one "without reports of further violence"
    read_dead = sub_type != "Abduction/forced disappearance" and (
        event_type in VIOLENT or sub_type == "Excessive force against protesters")
    return read_dead, event_type not in ("Protests", "Riots")  # a crowd is no victims


def counts_matter(event_type: str, sub_type: str) -> bool:
    """Does :func:`read_counts` read the counts of an event of this type (else they need
    not be looked for)?"""
    return any(_reads(event_type, sub_type))


def read_counts(words: str, counts: list[Count], trig: Trigger, m: re.Match, event_type: str,
            sub_type: str, lex: Lexicon):
    """(fatalities, victims text, victim count) read around the trigger."""
    abduction = sub_type == "Abduction/forced disappearance"
    fatal = 0 if abduction and event_type != "Strategic developments" else None
    read_dead, read_victims = _reads(event_type, sub_type)
    if not (read_dead or read_victims):
        return fatal, None, None
    victims = victim_count = None
    counts = [c for c in counts if not _OBJECTS.match(words, c.end, c.end + 30)]
    if any(not c.vague for c in counts):
        counts = [c for c in counts if not c.vague]
    single = []  # _SINGLE_VICTIM's first match, read once when needed

    def single_victim():
        if not single:
            single.append(_single_victim(words))
        return single[0]

    if read_victims:
        best = None
        for c in counts:
            span = words[min(c.end, m.start()):max(c.start, m.end())]
            dist = abs(c.start - m.start())
            if dist > 80 and _DIGIT.search(span):
                continue
            if best is None or dist < best[0]:
                best = (dist, c)
        if best is not None and best[0] <= 120:
            c = best[1]
            stop = _first_stop(words, c.end)
            phrase = (c.text + words[c.end:c.end + (40 if stop is None else stop)]).strip(" ,;:.")
            victim_count, victims = c.value, phrase
        elif single_victim():
            victim_count = 1
            sv = single_victim().group(0)
            victims = None if _PRONOUN_OR_VERB.match(sv) else sv
    if read_dead and not counts:
        # no count: one victim, if the words of death are there
        if single_victim() and _KILLED_SCAN.search(words):
            fatal = 1
    elif read_dead:
        spans = [k.span() for k in _KILLED_SCAN.finditer(words)]  # the words of death

        def said_dead(lo: int, hi: int) -> bool:
            return any(lo <= a and b <= hi for a, b in spans)

        near = [c for c in counts if said_dead(max(0, c.start - 40), c.end + 60)]
        if near:
            k = min(near, key=lambda c: abs(c.start - m.start()))
            fatal = k.value
            i = counts.index(k)
            # "twenty-one assailants and three soldiers dead": ACLED counts every death
            for a, b in zip(counts[i:], counts[i + 1:], strict=False):
                if _AND.fullmatch(words[a.end:b.start]) and said_dead(b.end, b.end + 50):
                    fatal += b.value
                else:
                    break
        elif spans and single_victim():
            fatal = 1
    return fatal, victims, victim_count
