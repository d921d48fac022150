"""_speaker (the backward match) says what the word checks and _SPEAKER as first written say."""
from __future__ import annotations

import random
import re
from pathlib import Path

from mapper.text import events as E

_REPORTS = Path(__file__).resolve().parents[2] / "data" / "reports"

_SPEAKER_HINT = re.compile(r"mayor|governor|prefect|chief|official|deputy|mp|maire|gouverneur|"
                           r"préfet|chef|élu|fled|displaced|evacuated|taken|transferred|moved|"
                           r"refuge|réfugi|fui|fuyant|évacu")
_SPEAKER_ENDS = ("of", "in", "de", "du", "d'", "d’", "the", "nearby", "from", "to", "towards", "à",
                 "vers", "en")


def _speaker_plain(before: str) -> bool:
    """A copy of _speaker before the backward match."""
    if not before[-1:].isspace():
        return False
    low = before.rstrip().lower()
    if not low.endswith(_SPEAKER_ENDS):
        return False
    return (low.endswith("from") or _SPEAKER_HINT.search(low) is not None) and \
        E._SPEAKER.search(before) is not None


_HAND = [
    "the mayor of ", "The Mayor Of ", "THE MAYOR OF ", "ex-mayor of ", "(mayor of ", "mayors of ",
    "the mayor  of\n", "the mayor of\n", "the mayor of \n", "the mayor\nof\t", "the mayor of",
    "mayor of the nearby town of ", "mayor of the town of ", "mayor of the nearby ",
    "mayor of the ", "officials of the nearby region of ", "Officials in ", "official in ",
    "officialss in ", "deputy of ", "MP of ", "mp of ", "the MP for the town of ", "camp of ",
    "chief of the village of ", "governor of the region of ", "prefect du ", "préfet de ",
    "le préfet de la ", "maire de la commune de ", "le maire de la commune de ",
    "les élus de ", "élus d'", "élus d’", "élu d’ ", "le chef du ", "gouverneur de ",
    "Gouverneurs du ", "from ", "FROM ", "far from ", "xfrom ", "-from ", "residents displaced (from ",
    "fled to ", "fled towards ", "villagers fled to  ", "displaced to ", "evacuated to ",
    "taken to ", "transferred to ", "moved towards ", "refled to ", "fled in ",
    "took refuge in ", "TOOK REFUGE IN ", "took  refuge\nin ", "refuge in ", "took refuge at ",
    "réfugiés à ", "réfugié à ", "Réfugiés vers ", "fui en ", "fuyant vers ", "évacués en ",
    "évacué à ", "évacuées à ", "réfugiés dans ", "", " ", "\n", "of ", "the ", "in the ",
    "mayor ", "mayor of the nearby city of the ", "mayor de the town of ",
    # letters that re.I and lower() treat differently
    "officialſ of ", "fled towardſ ", "took refuge ın ", "took refuge İn ", "chİef of ",
    "chıef of ", "dıſplaced to ", "the chief said fled towardſ ", "préfet de ſ ",
    "mayor of ı ", "governor in ıİ ",
]


def test_hand_made_windows():
    for before in _HAND:
        assert E._speaker(before) == _speaker_plain(before), repr(before)
    # the cases above do reach both answers and the odd letters
    assert sum(E._speaker(b) for b in _HAND) > 40
    assert sum(not E._speaker(b) for b in _HAND) > 15
    assert E._speaker("officialſ of ") and not E._speaker("fled towardſ ")


def _report_windows():
    for f in sorted(_REPORTS.glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        for m in re.finditer(r"\b[A-ZÀ-Ý]", text):  # before each capitalised word
            yield text[max(0, m.start() - 60):m.start()]
        for m in re.finditer(r"(?<=\s)\S", text):  # and, for more, before every word
            yield text[max(0, m.start() - 60):m.start()]


def test_every_window_before_a_capital_of_the_sample_reports():
    n = hits = 0
    for before in _report_windows():
        assert E._speaker(before) == _speaker_plain(before), repr(before)
        n += 1
        hits += E._speaker(before)
    assert n > 1500 and hits > 0


def test_shuffled_word_windows():
    words = []
    for f in sorted(_REPORTS.glob("*.txt")):
        words += f.read_text(encoding="utf-8").split()
    pieces = [w for b in _HAND for w in b.split()]
    rng = random.Random(7)
    spaces = [" ", " ", " ", "  ", "\n", "\t", "\u00a0"]
    hits = 0
    for _ in range(30000):
        k = rng.randint(1, 12)
        ws = [rng.choice(pieces) if rng.random() < 0.6 else rng.choice(words) for _ in range(k)]
        before = "".join(w + rng.choice(spaces) for w in ws)
        if rng.random() < 0.1:
            before = before.upper()
        before = before[-60:]
        fast = E._speaker(before)
        assert fast == _speaker_plain(before), repr(before)
        hits += fast
    assert hits > 1000
