"""mapper.text.toponyms: more shortcuts of the place-name finder, each compared with the plain
way it replaces on the sample reports, on texts of their words in random order, on texts of
a few pieces meeting in every combination and on awkward text (upper case, accents, curly
quotes, odd spacing, letters whose lower case is longer).
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from mapper.text import toponyms as T
from mapper.text.lexicon import lexicon
from mapper.text.scan import forget_texts, lower, words_of
from mapper.text.sentences import split_sentences

REPORTS = Path(__file__).resolve().parents[2] / "data" / "reports"
EXPECTED = Path(__file__).resolve().parent / "expected"

AWKWARD = [
    "", ".", "(", "Gao, a town.", "Gao, a TOWN. Gao, A town. Gao,a town. Gao, a  town.",
    "Gossi, a townK. Gossi, a town_ Gossi, a town’s edge. Gossi, a town-like place",
    "Tin-Hama, une localité du cercle. Ber, une localitÉ. Boni, un village\u00a0peul",
    "Sama, 50km east; Kobri, some 90 kilometres from Kayes; N’Dakar 12 miles; Boura (Mopti "
    "region). Georgetown, township, capacity, villages, Villeneuve, hamlets",
    "İNEKAR, a hamlet. Anefis, a commune\nin Kidal. Dagakoro, a city. Sévaré, a locality.",
    "MARIAM CISSÉ, A VILLAGE CHIEF. “Gao”, a town. «Boni», un village. Gao ,a town",
    "Gao, a town\u2028near. Gao, a\ttown. Gao, a city\u0301. Gao, a cityⅠ. Gao, a city①",
]


def _texts() -> list[str]:
    reports = [p.read_text(encoding="utf-8") for p in sorted(REPORTS.glob("*.txt"))]
    reports += [p.read_text(encoding="utf-8") for p in sorted(EXPECTED.glob("*.txt"))]
    rng = random.Random(17)
    words = " ".join(reports + AWKWARD).split()
    shuffled = [" ".join(rng.choice(words) for _ in range(rng.randint(3, 200)))
                for _ in range(400)]
    pieces = ["Gao", "Tin-Hama", "a", "town", "TOWN", "village", "villages", "une", "localité",
              "un", "hamlet", "city", "ville", "50", "km", "miles", "(", ")", "Mopti", "region",
              "’s", "-", "_", "K", "Ⅰ", ", a town", ", une localité", ", a city", " (Gao region)",
              ", a hamlet", " 40 km", ", a villages"]
    gaps = [" ", " ", ", ", ",", ". ", "\n", "", "  "]
    made = ["".join(rng.choice(pieces) + rng.choice(gaps) for _ in range(rng.randint(1, 30)))
            for _ in range(3000)]
    return reports + AWKWARD + ["\n\n".join(AWKWARD)] + shuffled + made


TEXTS = _texts()


@pytest.fixture(scope="module")
def cues():
    from mapper.gazetteer import Gazetteer

    lex = lexicon()
    T._cued_unknowns("near Gao", T.tokenize("near Gao", split_sentences("near Gao")), [],
                     Gazetteer(progress=False), lex)
    return lex.derived["cues"]


def _spans(matches) -> list[tuple[int, int, tuple]]:
    return [(m.start(), m.end(), m.groups()) for m in matches]


def test_no_character_but_a_letter_or_digit_lowers_to_one():
    """What :func:`T._whole_needles` leans on: the lower case of a character that is not a
    letter or digit (nor "_") starts with no letter or digit."""
    for c in map(chr, range(sys.maxunicode + 1)):
        if not (c.isalnum() or c == "_"):
            low = lower(c)
            assert not low[:1].isalnum(), hex(ord(c))


def test_apposition_needles_read_as_words_find_the_matches_of_a_whole_scan(cues):
    appos_re, needles, whole = cues[1], cues[3], cues[4]
    assert {"town", "village", "localité"} <= whole.keys()
    assert not whole.keys() & {"(", "km", "kilom", "mile"}
    assert whole["village"] == (("a village", 2), ("un village", 3))
    found = skipped = 0
    for text in TEXTS:
        forget_texts()
        low = lower(text)
        fast = _spans(T._appositions(appos_re, text, low, needles, whole))
        assert fast == _spans(appos_re.finditer(text)), text
        assert fast == _spans(T._appositions(appos_re, text, low, needles)), text
        found += len(fast)
        skipped += any(n not in words_of(text) for n in whole)
    assert found > 200 and skipped > 100, (found, skipped)


def test_a_needle_not_held_whole_is_always_looked_for():
    ends = {"a town": "town", "a township": "township", "un lieu-dit": "lieu", "a big town": "town",
            "a Hamlet": "hamlet", "a city’s": "city", "a ville,": "ville", "a ‘commune’": "commune"}
    got = T._whole_needles(ends, ("town", "township", "lieu", "hamlet", "city", "ville"))
    assert got == {"town": (("a town", 2), ("a big town", 6)), "township": (("a township", 2),)}
    ends["town town"] = "town"
    assert T._whole_needles(ends, ("town",))["town"][2:] == (("town town", 0), ("town town", 5))
    ends["the town-side"] = "town"  # "town" no longer stands whole in every phrase of it
    assert T._whole_needles(ends, ("town", "township")).keys() == {"township"}


def _known_names_plainly(text, toks, gaz, lex):
    """The known names of the matcher's main loop as it read them at every occurrence, each
    word looked up in the gazetteer's and the lexicon's sets (one list of readings)."""
    words, starts, sents = toks.words, toks.starts, toks.sents
    names, more_names = gaz.name_sets()
    prefixes, out, n, free = gaz.prefixes, [], len(words), 0
    for i in range(n):
        if i < free or not words[i].starter:
            continue
        t = words[i]
        key = t.key
        starts_region = key in T._REGION_WORDS and i + 1 < n and \
            words[i + 1].key in T._REGION_LINKS
        if not (t.cap or starts_region):
            continue
        start, sent = starts[i], sents[i]
        word = t.text
        cue = words[i - 1].key if i and sents[i - 1] == sent else None
        if word in lex.abbreviations:
            out.append((start, start + len(word), word, T.fold(lex.abbreviations[word]), sent,
                        cue))
            continue
        if key in lex.function_words and not starts_region:
            continue
        best = best_key = None
        if (key in names or key in more_names) and not (len(word) <= 3 and word.isupper()):
            best, best_key = i, key
        if key in prefixes or word[-1:] in "’'":
            keys = [key]
            prev_end, prev_text = start + len(word), word
            for j in range(i + 1, min(n, i + T.MAX_WORDS)):
                tj = words[j]
                if sents[j] != sent or text[prev_end:starts[j]] not in T._GAPS:
                    break
                nxt = tj.key
                if prev_text[-1:] in "’'":
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
        if best is None:
            continue
        if T._keep(text, toks, i, best, best_key, lex):
            end = starts[best] + len(words[best].text)
            out.append((start, end, text[start:end], best_key, sent, cue))
            free = best + 1
    return out


NAMES = ["Côte d’Ivoire, Côte d'Ivoire, Côte d’ Ivoire, Côte d’’Ivoire, COTE D’IVOIRE",
         "Région de Mopti, région de Mopti, Region of Mopti, the Mopti Region, State of Borno",
         "Islamic State, State, STATE, Cercle de Bourem, cercle du Gourma, Province de Ouaddaï",
         "TOM, GAQ, Gao, GAO, Gao’s, Gao’’s attack, Gao’ Mali, Burkina Faso, Burkina  Faso",
         "Bamako-Sénou, Ségou Koura, Tin-Hama, Niger River, the Niger Delta, Saint-Louis",
         "Mouvement pour le Salut de l’Azawad (MSA), FAMa, MINUSMA, the U.N. in Gao.",
         "İstanbul, ISTANBUL, Ouagadougou, Dori\u00a0Sahel, N’Djamena, l’Est, d’Ansongo",
         "N’’s Djamena, Ndj’’s Amena, Ndj’ Amena, El Pas de la Casa, El Pas de la Casa Grande",
         "Markaz e Hukumat e Sultan e Bakwah, Markaz-e-Hukumat-e-Sultan-e-Bakwah, Rabat e Sangi",
         "Abu Dhabi Island and Internal Islands City, Abu Dhabi Island and Internal Islands"]


def test_known_names_read_with_start_kinds_are_those_of_the_plain_loop(monkeypatch):
    from mapper.gazetteer import Gazetteer

    gaz, lex = Gazetteer(progress=False), lexicon()
    for name in ("_cued_unknowns", "_repeats"):
        monkeypatch.setattr(T, name, lambda *a: [])
    monkeypatch.setattr(T, "_drop_people", lambda *a: None)
    rng = random.Random(23)
    words = " ".join(NAMES).replace(",", "").split()
    texts = NAMES + ["\n".join(NAMES)] + [
        " ".join(rng.choice(words) for _ in range(rng.randint(1, 30))) for _ in range(2000)]
    found = 0
    for fresh in (True, False, False):  # with the memory of words empty, then full
        if fresh:
            lex.derived.pop("start kinds", None)
        for text in TEXTS + texts:
            sentences = split_sentences(text)
            toks = T.tokenize(text, sentences)
            for w in toks.words:  # (the kinds are remembered by text: key and capital follow)
                assert not w.starter or (w.key == T.fold(w.text) and w.cap == w.text[:1].isupper())
            fast = [(m.start, m.end, m.surface, m.key, m.sentence, m.cue)
                    for m in T.find_mentions(text, sentences, gaz, lex, toks)]
            assert fast == _known_names_plainly(text, toks, gaz, lex), text
            found += len(fast)
    assert found > 10_000
    kinds = lex.derived["start kinds"].kinds
    assert {T._REGION, T._ABBREVIATION, T._NONE, T._NAME, T._NAME | T._READ_ON,
            T._NAME_ALONE | T._READ_ON} <= set(kinds.values())


def _tokens_plainly(text, sentences):
    """Each sentence's pieces found in the text one by one and read afresh: (start, word)."""
    out = []
    for s in sentences:
        pos = s.start
        for p in text[s.start:s.end].split():
            pos = text.find(p, pos)
            out += [(pos + w.offset, w, s.index) for w in T._read_piece(p)]
            pos += len(p)
    return out


PIECES = ["(Mali", "“Gao”", "«Boni»", "d’Ansongo,", "Mali’s", "Gao", "gunmen", "–", "(AP)",
          "l’Est", "12", "—", "", "İstanbul", "'Kidal'", "Côte", "d’Ivoire", ".", "Sévaré."]


def test_tokens_of_sentences_of_plain_pieces_are_the_plain_ones():
    rng = random.Random(29)
    gaps = [" ", " ", " ", "  ", "\n", "\t", " \u00a0", ". ", "\n\n"]
    made = ["".join(rng.choice(PIECES) + rng.choice(gaps) for _ in range(rng.randint(1, 25)))
            for _ in range(3000)]
    plain = irregular = 0
    for k, text in enumerate(TEXTS + made):
        if k % 500 == 0:
            forget_texts()
        sentences = split_sentences(text)
        toks = T.tokenize(text, sentences)
        got = [(toks.starts[i], w, toks.sents[i]) for i, w in enumerate(toks.words)]
        assert got == _tokens_plainly(text, sentences), text
        assert toks.firsts == {i for i in range(len(got)) if i == 0 or got[i][2] != got[i - 1][2]}
        for s in sentences:
            if T._IRREGULAR.isdisjoint(s.text.split()):
                plain += 1
            else:
                irregular += 1
    assert plain > 1000 and irregular > 1000
    # the pieces not read as one word at their start are known as such
    assert {"(Mali", "“Gao”", "d’Ansongo,", "(AP)"} <= T._IRREGULAR
    assert "(Mali" not in T._ODD and "d’Ansongo," in T._ODD
    assert not {"Gao", "Mali’s", "Sévaré."} & T._IRREGULAR


def test_tokens_stay_right_when_the_irregular_pieces_are_forgotten():
    text = "Gunmen struck near (Mali) and d’Ansongo, “Gao” east."
    sentences = split_sentences(text)
    want = _tokens_plainly(text, sentences)
    T._IRREGULAR.update(str(i) for i in range(50_001))  # past its bound: all forgotten
    toks = T.tokenize(text, sentences)
    assert [(toks.starts[i], w, toks.sents[i]) for i, w in enumerate(toks.words)] == want
    assert len(T._IRREGULAR) < 10 and "(Mali)" in T._IRREGULAR


def test_repeats_without_unknown_names_are_none_and_with_them_as_before():
    from mapper.gazetteer import Gazetteer

    gaz, lex = Gazetteer(progress=False), lexicon()
    text = "Gunmen struck near Kobrix. Kobrix, Gao and Kobrix’s well; KOBRIX. Kobrixa"
    sentences = split_sentences(text)
    toks = T.tokenize(text, sentences)
    found = T.find_mentions(text, sentences, gaz, lex, toks)
    known = [m for m in found if m.known]
    unknown = [m for m in found if not m.known and m.cue == "near"]
    assert [m.surface for m in unknown] == ["Kobrix"]
    assert T._repeats(text, toks, known, []) == []
    again = T._repeats(text, toks, known + unknown, unknown)
    assert [(m.start, m.surface) for m in again] == [(27, "Kobrix"), (43, "Kobrix")]


def _drop_people_every_run(toks, mentions, lex, text):
    """_drop_people as it was: every run of capitalised words of the text read."""
    may_go = {m.key for m in mentions
              if m.known and " " not in m.key and m.cue not in lex.locative_cues}
    if not may_go:
        return
    words, sents = toks.words, toks.sents
    people, runs, last = set(), [], -2
    spans = sorted((m.start, m.end) for m in mentions)
    for k in range(len(words)):
        if not words[k].cap:
            continue
        if k == last + 1 and sents[last] == sents[k] and toks.joined(text, last, k):
            runs[-1].append(k)
        else:
            runs.append([k])
        last = k
    for run in runs:
        named = [k for k in run if words[k].key not in lex.function_words]
        if len(named) >= 2 and not T._covered(toks.starts[named[0]], toks.end(named[-1]), spans):
            people.update(words[k].key for k in named[1:])
    mentions[:] = [m for m in mentions if not (m.known and " " not in m.key and m.key in people
                                               and m.cue not in lex.locative_cues)]


PEOPLE = ["Mariam Cissé spoke in Gao; Cissé said Gao was calm. Cissé Gao Boni.",
          "Amadou Koufa’s men left Koufa. KOUFA, Mali — Amadou Koufa and Koufa, Koufa Koufa",
          "Mr Boni De Kidal met Kidal. Near Kidal, Boni-Kidal\nKidal Boni and Boni. De Kidal",
          "The Gao Kidal road. Gao Kidal. The De La Gao. Le Boni Du Kidal Du. Boni. Kidal",
          "İbrahim Traoré visited Traoré; in Traoré he spoke. Ibrahim  Traoré, Traoré",
          "Ansongo Ménaka Gao Kidal Boni Tessit Ansongo. Ménaka (Gao) Kidal—Boni Gao-Boni",
          "the region Gao, la région Kidal, Région Boni, State Gao; Mariam State. state Kidal"]


def test_surnames_read_with_the_starters_are_those_of_every_run(monkeypatch):
    from mapper.gazetteer import Gazetteer

    gaz, lex = Gazetteer(progress=False), lexicon()
    fast_drop = T._drop_people
    monkeypatch.setattr(T, "_drop_people", lambda *a: None)  # the mentions before dropping
    rng = random.Random(31)
    words = " ".join(PEOPLE + AWKWARD).split()
    texts = TEXTS[:300] + PEOPLE + [" ".join(rng.choice(words) for _ in range(rng.randint(2, 60)))
                                    for _ in range(1500)]
    dropped = kept = 0
    cues = [None, "in", "said", "near", *sorted(lex.locative_cues)[:3]]
    for text in texts:
        sentences = split_sentences(text)
        toks = T.tokenize(text, sentences)
        found = T.find_mentions(text, sentences, gaz, lex, toks)
        # and capitalised words at random as known mentions (some over two words)
        every = []
        for k, w in enumerate(toks.words):
            if w.cap and rng.random() < 0.5:
                j = k + 1 if k + 1 < len(toks) and rng.random() < 0.2 else k
                every.append(T.Mention(toks.starts[k], toks.end(j), w.text, w.key, toks.sents[k],
                                       rng.random() < 0.9, cue=rng.choice(cues)))
        starters = [k for k, w in enumerate(toks.words) if w.starter]
        for mentions in (found, every):
            fast, plain, alone = list(mentions), list(mentions), list(mentions)
            fast_drop(toks, fast, lex, text, starters)
            fast_drop(toks, alone, lex, text)
            _drop_people_every_run(toks, plain, lex, text)
            assert [id(m) for m in fast] == [id(m) for m in plain], text
            assert [id(m) for m in alone] == [id(m) for m in plain], text
            dropped += len(fast) < len(mentions)
            kept += len(fast) == len(mentions) and len(mentions) > 0
    assert dropped > 300 and kept > 300

