"""The relative date patterns, tried at their distinctive words and at the words walked back
from them (dates._Prefixed with strong words), give exactly the matches of the plain
patterns."""
import random
import re
from pathlib import Path

import pytest

from mapper.text import scan
from mapper.text.dates import _PATTERNS, _SCANS, _Prefixed

KINDS = ["day_before", "next_day", "same_day", "last_week", "yesterday", "today"]
PHRASES = [
    "The day before, the NIGHT before and the evening\tbefore", "la veille, La  Veille",
    "the next day", "THE FOLLOWING\nMORNING", "a day later", "the day after", "le lendemain",
    "le jour suivant", "next evening", "the  next\t day", "A day   later", "Le\nLendemain",
    "the same day", "that same day", "on the same day", "le même jour", "LE MÊME JOUR",
    "dans la même journée", "la même journée", "au même moment", "quasi-simultanément",
    "quasi simultanément", "quasi\tsimultanément", "quasi- simultanément", "simultanément",
    "SIMULTANEOUSLY", "at the same time", "at  the\nsame time", "that the same day",
    "last week", "la semaine dernière", "la semaine derniere", "la semaine passée",
    "earlier this week", "this week", "cette semaine", "EARLIER  THIS\tWEEK",
    "yesterday", "hier", "last night", "overnight", "la nuit dernière", "dans la nuit",
    "Dans  La\nNuit", "today", "this morning", "aujourd’hui", "aujourd'hui", "AUJOURD’HUI",
    "ce matin", "earlier today", "xthe next day", "the-next day", "on-the same day",
    "tthe same day", "athe same time", "thatsame day", "lla veille", "a-day later",
    "the day the day before", "on the same the same day", "la la nuit", "this this morning",
]
WORDS = ("the a le la on at that this dans au ce cette last earlier day night evening jour "
         "next following later after lendemain suivant before veille same même journée "
         "moment simultanément simultaneously time quasi quasi-simultanément week semaine "
         "dernière passée yesterday hier overnight nuit today morning aujourd’hui matin "
         "The LA Next SAME Week").split()


def _texts():
    rnd = random.Random(11)
    out = list(PHRASES)
    for path in sorted(Path(__file__).parents[2].joinpath("data", "reports").glob("*.txt")):
        out += re.split(r"(?<=[.!?])\s+|\n\n", path.read_text(encoding="utf-8"))
    for _ in range(3500):
        words = [rnd.choice(WORDS) for _ in range(rnd.randint(1, 9))]
        seps = [rnd.choice([" ", "  ", "\n", " \t", "-", ", "]) for _ in words]
        out.append("".join(w + s for w, s in zip(words, seps, strict=True)).strip())
    return out


def _spans(ms):
    return [(m.start(), m.end(), m.groups()) for m in ms]


@pytest.mark.parametrize("kind", KINDS)
def test_relative_patterns_match_plain(kind):
    assert isinstance(_SCANS[kind], _Prefixed)
    rx = dict(_PATTERNS)[kind]
    hits = 0
    for t in _texts():
        scan.forget_texts()
        got = _spans(_SCANS[kind].finditer(t))
        assert got == _spans(rx.finditer(t)), (kind, t)
        hits += len(got)
    assert hits > 20, kind  # the texts do hold these phrases


def test_walk_matters():
    """Without walking back over "the", "the next day" would be found at "next" only."""
    broken = _Prefixed(dict(_PATTERNS)["next_day"], ("a", "day", "le", "jour"),
                       ("next", "following", "later", "after", "lendemain", "suivant"))
    text = "Gunmen returned the next day."
    scan.forget_texts()
    assert _spans(broken.finditer(text)) != _spans(dict(_PATTERNS)["next_day"].finditer(text))
    # and without the hyphen as a separator, "quasi-simultanément" would start too late
    hy = _Prefixed(dict(_PATTERNS)["same_day"],
                   ("the", "that", "on", "le", "dans", "la", "au", "at", "quasi"),
                   ("same", "même", "simultanément", "simultaneously"))
    text = "Deux attaques quasi-simultanément."
    assert [m.start() for m in hy.finditer(text)] == [20]
    assert [m.start() for m in _SCANS["same_day"].finditer(text)] == [14]
