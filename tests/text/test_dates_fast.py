"""The prefix-word walk of dates._Prefixed gives exactly the matches of the plain patterns."""
import random
import re

import pytest

from mapper.text import dates, scan
from mapper.text.dates import _PATTERNS, _SCANS, _Prefixed

PHRASES = [
    "on Friday 7 November", "le lundi 6 novembre dernier", "the 3rd of June", "this past Monday",
    "a day later", "the next day", "la nuit du samedi au dimanche", "in mid-June", "midJune",
    "depuis le début du mois de mars", "ON   FRIDAY,\n 7  NOVEMBER 2025", "on\ton the 5 june",
    "le ٣ juin", "on ٣ june", "on Tuesday, March 4th, 2025", "on march 4", "this\n past\tsunday",
    "last late monday", "ce ce le 12 mai", "xthe 5 june", "other 5 June", "on the the 5 june",
    "on Friday, the 7th of November", "early Friday morning", "le dimanche soir", "onFriday",
    "Le 6 Mars", "on May 5", "on   Sunday", "This Past Saturday night", "ce vendredi",
]
WORDS = ("on le ce the this past last late early Friday lundi mars March 7 12 3rd of , June "
         "novembre dernier a day next dimanche soir ٣ May sunday, mai the").split()


def _texts():
    rnd = random.Random(7)
    out = list(PHRASES)
    for _ in range(3000):
        words = [rnd.choice(WORDS) for _ in range(rnd.randint(1, 9))]
        seps = [rnd.choice([" ", "  ", "\n", " \t"]) for _ in words]
        out.append("".join(w + s for w, s in zip(words, seps, strict=True)).strip())
    return out


def _spans(ms):
    return [(m.start(), m.end(), m.groups()) for m in ms]


@pytest.mark.parametrize("kind", [k for k in _SCANS if isinstance(_SCANS[k], _Prefixed)])
def test_prefixed_matches_plain(kind):
    rx = dict(_PATTERNS)[kind]
    for t in _texts():
        scan.forget_texts()
        assert _spans(_SCANS[kind].finditer(t)) == _spans(rx.finditer(t)), (kind, t)


def test_find_dates_matches_plain_scans(monkeypatch):
    from datetime import date
    pub = date(2025, 11, 10)
    texts = _texts()
    fast = []
    for t in texts:
        scan.forget_texts()
        dates.forget_texts()
        fast.append(dates.find_dates(t, pub, date(2025, 11, 1)))
    plain = {k: (lambda rx: type("P", (), {"finditer": staticmethod(rx.finditer)}))(rx)
             for k, rx in _PATTERNS}
    monkeypatch.setattr(dates, "_SCANS", plain)
    for t, f in zip(texts, fast, strict=True):
        scan.forget_texts()
        dates.forget_texts()
        assert dates.find_dates(t, pub, date(2025, 11, 1)) == f, t


def test_walk_is_needed():
    """A test that can fail: without the walk back, the prefix words are missed."""
    ax = _Prefixed(dict(_PATTERNS)["dmy"], ("on", "le", "ce", "the"))
    ax.back = re.compile(r"(?!)")
    scan.forget_texts()
    assert [m.start() for m in ax.finditer("abducted on the 3rd of June")] == [16]
    assert [m.start() for m in _SCANS["dmy"].finditer("abducted on the 3rd of June")] == [9]
