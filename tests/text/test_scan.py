"""mapper.text.scan: the fast matchers must find exactly what the plain patterns find.

Every pre-check and anchored scan is a shortcut for a regular expression run over the
whole text. These tests run both on the sample reports, on sentences made of their words
in random order (so words meet in combinations no report has), and on awkward text
(upper case, accents, letters whose lower case is longer), and compare the matches.
"""
from __future__ import annotations

import doctest
import random
import re
from pathlib import Path

import pytest

import mapper.text.scan as scan_module
from mapper.text import dates as dates_module
from mapper.text.lexicon import lexicon
from mapper.text.scan import (Anchored, CaseFree, StemIndex, alternation, anchored,
                               starts_of, words_of)
from mapper.text.sentences import split_sentences

REPORTS = Path(__file__).resolve().parents[2] / "data" / "reports"


def _texts() -> list[str]:
    """Sentences of the sample reports, shuffled-word sentences, and awkward ones."""
    sentences = [s.text for p in sorted(REPORTS.glob("*.txt"))
                 for s in split_sentences(p.read_text(encoding="utf-8"))]
    words = [w for s in sentences for w in s.split()]
    rng = random.Random(7)
    made = [" ".join(rng.sample(words, rng.randint(5, 30))) for _ in range(300)]
    awkward = ["KIDNAPPED IN TONKA ON FRIDAY, 7 NOVEMBER", "İstanbul: five were KILLED",
               "Gunmen—abducted—two; the next day, twenty-one died", "l’attaque d’hier à Gao",
               "JNIM’s fighters (suspected) attacked", "", "   ", "ẞ straße killed",
               "They were kıdnapped on frıday and ſlain", "Heavy fighting in midJune, inMarch",
               "The USAF and OFLAND said xJNIM", "İstanbul Street: 12 km away, gunmen killed 3"]
    return sentences + made + awkward


TEXTS = _texts()


def _spans(matches) -> list[tuple[int, int, tuple]]:
    return [(m.start(), m.end(), m.groups()) for m in matches]


def test_doctests_of_the_scan_module_hold():
    assert doctest.testmod(scan_module).failed == 0


def test_anchored_triggers_match_the_plain_patterns():
    lex = lexicon()
    anchored = [t for t in lex.triggers if t.scan is not None]
    assert len(anchored) >= len(lex.triggers) - 1  # nearly every trigger has literal stems
    for t in anchored:
        for text in TEXTS:
            assert _spans(t.scan.finditer(text)) == _spans(t.regex.finditer(text)), (t.id, text)


def test_anchored_actor_names_match_the_plain_patterns():
    lex = lexicon()
    for a in lex.actors:
        if a.scan is None:
            continue
        for text in TEXTS:
            assert _spans(a.scan.finditer(text)) == _spans(a.regex.finditer(text)), (a.name, text)


@pytest.mark.parametrize("name", ["armed_victims", "background", "suspected", "unidentified",
                                  "protest_intervention", "demonyms"])
def test_anchored_word_lists_match_and_search_like_the_plain_patterns(name):
    matcher = getattr(lexicon(), name)
    if not isinstance(matcher, Anchored):
        pytest.skip(f"{name} has no literal stems")
    for text in TEXTS:
        assert _spans(matcher.finditer(text)) == _spans(matcher.regex.finditer(text)), text
        first, plain = matcher.search(text), matcher.regex.search(text)
        assert (first.span() if first else None) == (plain.span() if plain else None), text


def test_case_free_date_patterns_match_the_case_insensitive_ones():
    for kind, rx in dates_module._PATTERNS:
        cf = CaseFree(rx)
        for text in TEXTS:
            assert _spans(cf.finditer(text)) == _spans(rx.finditer(text)), (kind, text)
            found = cf.search(text)
            plain = rx.search(text)
            assert (found.span() if found else None) == (plain.span() if plain else None)


def test_date_patterns_tried_at_their_first_words_match_the_plain_patterns():
    made = ["Fighting on 12 November, then on Friday 14 November and since 3 March 2025",
            "le lundi 6 novembre, la nuit du samedi au dimanche, depuis le début du mois de mars",
            "Abducted on the 3rd of June; the next day and a day later, the day before",
            "Attacked in early March, in mid-June, mi-juin, fin mars, au mois de mai dernier",
            "On ٣ March and on 5 March", "Since September, 2025-11-08, yesterday, aujourd’hui"]
    for kind, rx in dates_module._PATTERNS:
        scan = dates_module._SCANS[kind]
        assert isinstance(scan, Anchored), kind  # every date pattern tells its first words
        for text in TEXTS + made:
            assert _spans(scan.finditer(text)) == _spans(rx.finditer(text)), (kind, text)


def test_first_words_are_read_from_the_pattern_or_not_at_all():
    rx = re.compile(r"(?<![\w])(?:(?:on|the)\s+)?(?:(friday),?\s+)?(\d{1,2})\s+(march|may)", re.I)
    assert starts_of(rx) == ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "friday", "on",
                             "the")
    # glued forms are covered by the shorter beginning that is complete on its own
    assert starts_of(re.compile(r"(?<![\w])(?:(in|mid)\s*)?(june|july)", re.I)) == \
        ("in", "july", "june", "mid")
    assert starts_of(re.compile(r"(?<![\w])(?:Gao|Mopti)")) == ("Gao", "Mopti")  # case kept
    assert starts_of(re.compile(r"(?:on|the)\s+friday", re.I)) is None  # may start in a word
    assert starts_of(re.compile(r"(?<![\w])(?:on\s+)?\w+day", re.I)) is None  # "\w" first
    assert isinstance(anchored(re.compile(r"(?<![\w])\w+")), CaseFree)
    # a digit other than 0-9 sends the text to the plain pattern
    ax = anchored(re.compile(r"(?<![\w])(\d+)\s+(?:killed|dead)", re.I))
    for text in ["٣ killed and 4 dead", "3 killed", "Trois morts, 12 dead"]:
        assert _spans(ax.finditer(text)) == _spans(ax.regex.finditer(text)), text


def test_case_free_keeps_the_text_own_case_in_groups():
    cf = CaseFree(re.compile(r"(?<!\w)(friday|monday)", re.I))
    assert [m.group(1) for m in cf.finditer("On FRIDAY and on Monday")] == ["FRIDAY", "Monday"]


def test_case_free_falls_back_when_lower_case_changes_the_length():
    cf = CaseFree(re.compile(r"(?<!\w)killed", re.I))
    text = "İİ were KILLED"  # "İ".lower() is two characters long
    assert [m.span() for m in cf.finditer(text)] == [m.span() for m in cf.regex.finditer(text)]


def test_stem_index_tells_which_entries_words_can_start():
    ix = StemIndex({"abduction": ["abduct", "kidnap"], "killing": ["kill", "shot dead"]})
    assert ix.tags(words_of("Gunmen kidnapped two")) == {"abduction"}
    assert ix.tags(words_of("He was SHOT dead")) == {"killing"}
    assert ix.tags(words_of("Nothing happened")) == set()


def test_alternation_matches_the_same_whole_words_as_a_plain_list():
    words = ["sep", "sept", "september", "oct", "octobre", "mai", "mars", "march",
             "twenty-one", "twenty", "vingt et un", "août"]
    tree = re.compile(rf"(?<!\w){alternation(words)}(?!\w)")
    plain = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in
                                                  sorted(words, key=len, reverse=True)) + r")(?!\w)")
    for text in [*TEXTS, "in sept, september and oct. twenty-one, vingt et un août"]:
        low = text.lower()
        assert [m.span() for m in tree.finditer(low)] == [m.span() for m in plain.finditer(low)]


@pytest.mark.parametrize("module", ["mapper.text.lexicon", "mapper.text.dates",
                                    "mapper.text.sentences", "mapper.text.numbers"])
def test_doctests_of_the_text_modules_hold(module):
    import importlib

    assert doctest.testmod(importlib.import_module(module)).failed == 0


def test_sentence_ends_are_those_of_a_full_scan():
    from mapper.text import sentences as S

    for p in sorted(REPORTS.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        assert [m.span() for m in S._ends(text)] == [m.span() for m in S._END.finditer(text)]


def test_in_country_scan_is_that_of_the_plain_pattern():
    from mapper.gazetteer import Gazetteer
    from mapper.text import toponyms as T

    text = "Gunmen struck in Dagakoro, Mali, and in Boni, Burkina Faso; within Gao, Mali too."
    T._cued_unknowns(text, T.tokenize(text, split_sentences(text)), [],
                     Gazetteer(progress=False), lexicon())
    rx = lexicon().derived["cues"][2]
    for sample in [*TEXTS, text]:
        assert _spans(rx.finditer(sample)) == _spans(rx.regex.finditer(sample))


def test_words_of_death_are_found_as_by_the_plain_pattern():
    from mapper.text import attributes as A

    for text in TEXTS:
        assert _spans(A._KILLED_SCAN.finditer(text)) == _spans(A._KILLED.finditer(text)), text


def test_fast_date_checks_see_months_glued_to_their_qualifier():
    from datetime import date

    found = dates_module.find_dates("Heavy fighting broke out in midJune", date(2025, 11, 10))
    assert [(d.date.isoformat(), d.precision) for d in found] == [("2025-06-15", 3)]


def test_actor_names_stand_between_word_boundaries():
    from mapper.text.attributes import find_actor

    lex = lexicon()
    assert find_actor("The USAF said 12 civilians were killed in Tonka.", 20, lex) == (None, False)
    assert find_actor("The SAF said 12 civilians were killed.", 20, lex)[0] == "Sudanese Armed Forces"


def test_counts_ignore_distances_when_lower_case_changes_the_length():
    from mapper.text.numbers import find_counts

    text = "On İstanbul Street in Tonka on Friday: 12 km away, gunmen killed 3 soldiers."
    assert [c.value for c in find_counts(text, lexicon())] == [3]


def test_a_place_people_came_from_in_brackets_is_not_the_event_place():
    from mapper.extract import extract

    rep = extract("Gunmen killed two traders on Friday, said residents displaced (from Tonka) "
                  "to Bamako.", published="2025-11-10")
    assert [i.location for i in rep.incidents] == ["Bamako"]


def test_a_death_word_counts_only_whole_within_reach_of_a_number():
    # "shot dead" names the herder's death; the five people nearby were wounded
    from mapper.extract import extract

    rep = extract("Gunmen shot dead a herder and at the market nearby 5 people were wounded "
                  "in Tonka on Friday.", published="2025-11-10")
    assert [(i.location, i.fatalities) for i in rep.incidents] == [("Tonka", 1)]


def test_speaker_and_near_pre_checks_let_every_phrase_through():
    from mapper.text.events import _SPEAKER, _speaker
    from mapper.text.toponyms import _NEAR, _NEAR_ENDS, _NEAR_HINT

    speakers = ["the mayor of ", "Officials in ", "le préfet de ", "the MP for the town of ",
                "residents displaced (from ", "villagers fled to ", "took refuge in ",
                "réfugiés à ", "fuyant vers ", "évacués en ", "the governor of the region of "]
    for before in speakers:
        assert _speaker(before) == (_SPEAKER.search(before) is not None), before
    nears = ["attacked near ", "just outside ", "not far from ", "close to ", "près de ",
             "Non loin d’", "aux environs de ", "à proximité d'", "about 50 km north of ",
             "in ", "from "]
    for before in nears:
        low = before.rstrip().lower()
        fast = low.endswith(_NEAR_ENDS) and bool(_NEAR_HINT.search(low))
        assert fast or _NEAR.search(before) is None, before


def _plain_tokens(text: str) -> list[tuple[int, int, str, str, bool, int]]:
    """The tokens as a plain scan gives them: every match of the token pattern in each
    sentence, an elided article ("d’") split off as a token of its own."""
    from mapper.text import toponyms as T

    out = []
    for s in split_sentences(text):
        for m in T._TOKEN.finditer(text, s.start, s.end):
            el, bare, key, cap = T._read_word(m.group())
            start = m.start()
            if el:
                out.append((start, start + 2, el, el[0].lower(), False, s.index))
                start += 2
            out.append((start, start + len(bare), bare, key, cap, s.index))
    return out


def test_tokens_read_piece_by_piece_are_those_of_a_plain_scan():
    from mapper.text import toponyms as T

    odd = ["Gunmen  struck\tnear d’Ansongo,  Mali’s east – on 12abc km/h roads.",
           "Fighters\u00a0attacked Côte d’Ivoire's border; l'Office said: « Non ».",
           "Ça va — ÉTAT  D’URGENCE\u2003à Gao. qu’Ansongo U.S.-led 3rd",
           "Boni,Hombori et Gossi ; (AP) —  BAMAKO\n\nTitle   line"]
    for text in [*TEXTS, *odd, "\n\n".join(TEXTS[:40])]:
        toks = T.tokenize(text, split_sentences(text))
        got = [(toks.starts[i], toks.end(i), w.text, w.key, w.cap, toks.sents[i])
               for i, w in enumerate(toks.words)]
        assert got == _plain_tokens(text), text
        assert all(w.starter == (w.cap or w.key in T._REGION_WORDS) for w in toks.words)
        firsts = [i for i in range(len(toks)) if toks.first(i)]
        assert firsts == [i for i in range(len(toks)) if i == 0 or got[i - 1][5] != got[i][5]]


def test_doctests_of_the_toponym_module_hold():
    from mapper.text import toponyms as T

    assert doctest.testmod(T).failed == 0


def test_words_read_piece_by_piece_are_those_of_a_plain_scan():
    odd = ["ΟΔΟΣ ΣΑΣ killed", "İSTANBUL\u00a0ıslands ſlain ẞ", "a_b c\td  e", "x—y–z (2) 3rd"]
    for text in [*TEXTS, *odd]:
        assert words_of(text) == frozenset(re.findall(r"[^\W_]+", scan_module.lower(text))), text


def test_pre_checked_qualifier_distance_and_summary_match_as_the_plain_patterns():
    from mapper.text import events as E
    from mapper.text import resolve as R

    gaps = [", ", " and ", " in the Gao region, ", " (Mopti region) ", ", dans la province du ",
            " İN THE GAO REGİON ", ", 50 km north of ", ", about 90 miles from ", " – ", " of ",
            ", situé au ", "  EN  ", ", a village 30 km from ", " ıN the "]
    for text in [*TEXTS, *gaps]:
        for a in range(0, len(text), 7):  # gaps of every length from each place
            for b in (a + 3, a + 20, a + 60, len(text)):
                gap = text[a:b]
                assert bool(R.qualifier(gap)) == bool(R._QUALIFIER.match(gap)), gap
        assert E._summary(text) == bool(E._SUMMARY.search(text)), text
    for s in ["Two separate ATTACKS killed 9", "deux attaques", "twin raids_", "TWO İNCIDENTS"]:
        assert E._summary(s) == bool(E._SUMMARY.search(s)), s


def test_single_victim_pre_check_finds_what_the_plain_pattern_finds():
    from mapper.text import attributes as A

    odd = ["A young MAN was shot", "she was taken", "They executed HIM", "une enseignante",
           "un élu local", "a man_", "an old civilian-", "Hİm", "he had been seized", "one boy"]
    for text in [*TEXTS, *odd]:
        m, plain = A._single_victim(text), A._SINGLE_VICTIM.search(text)
        assert (m and m.span()) == (plain and plain.span()), text


def test_place_cues_found_from_their_longest_words_are_those_of_the_plain_pattern():
    from mapper.gazetteer import Gazetteer
    from mapper.text import toponyms as T
    from mapper.text.scan import Phrases

    lex = lexicon()
    odd = ["Fighting near Boni, in the town of Gossi and the  village\nof Ndaki.",
           "bathe town of Gao; The town of Gao; the towns of Gao; the village ofGao",
           "dans la localité de Boura, près de Mopti, non loin  de Sévaré, aux environs d'Ansongo",
           "le village d' Inekar et les villages de Tin-Hama, à Gao, entre Boni et Hombori",
           "north of Kidal, south  of Gao, between Tonka and Goundam, outside Niono",
           "the district of Bankass the district of the district of Koro"]
    text = "\n\n".join(odd)
    T._cued_unknowns(text, T.tokenize(text, split_sentences(text)), [],
                     Gazetteer(progress=False), lex)
    rx = lex.derived["cues"][0]
    assert isinstance(rx, Phrases)
    rng = random.Random(5)
    words = " ".join(odd).split()
    made = [" ".join(rng.choice(words) for _ in range(40)) for _ in range(300)]
    for sample in [*TEXTS, *odd, text, *made]:
        assert _spans(rx.finditer(sample)) == _spans(rx.regex.finditer(sample)), sample


def test_appositions_looked_for_near_their_ends_are_those_of_a_whole_text_scan():
    from mapper.gazetteer import Gazetteer
    from mapper.text import toponyms as T

    lex = lexicon()
    odd = ["Dagakoro, a village in Mopti. Nothing else. Boura (Mopti region) was hit.",
           "Kobri, some 90 km from Kayes, and Sama,\n50 kilometres east. Tin-Hama, une localité",
           "Gossi,a town. Gossi, a TOWN near Gao. U.S. officials, a city. N’Dakar 12 miles",
           "Boni (in the Mopti region). Inekar , a hamlet. Ber, à 60 km de Tombouctou.",
           "Nothing here at all", "", "Tin-Essako (Kidal province)... Anefis, a commune"]
    T._cued_unknowns("near Gao", T.tokenize("near Gao", split_sentences("near Gao")), [],
                     Gazetteer(progress=False), lex)
    rx, needles = lex.derived["cues"][1], lex.derived["cues"][3]
    assert needles  # the apposition phrases hold no full stop: the short way is taken
    reports = [p.read_text(encoding="utf-8") for p in sorted(REPORTS.glob("*.txt"))]
    rng = random.Random(9)
    words = " ".join(odd).split()
    made = [" ".join(rng.choice(words) for _ in range(60)) for _ in range(300)]
    for sample in [*TEXTS, *odd, "\n\n".join(odd), *reports, *made]:
        low = sample.lower()
        assert _spans(T._appositions(rx, sample, low, needles)) == _spans(rx.finditer(sample)), \
            sample


def test_phrases_with_hyphens_apostrophes_or_brackets_match_as_the_plain_pattern():
    from mapper.text.scan import Phrases

    cues = ["au nord-ouest de", "(près de", "near", "the town of", "jusqu’à"]
    body = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in cues)
    rx = re.compile(rf"(?<![\w])(?:{body})\s+([A-ZÀ-ÖØ-Þ][\w’'\-]+)")
    texts = ["L’armée est au nord-ouest de Kwarboudi, (près de Gao) et jusqu’à Tibarkanou.",
             "near Boni, the  town of\nGossi, au nord-ouest  de Mopti"]
    for phrases in (cues, cues[:-1]):  # with and without a cue of no plain word
        ph = Phrases(rx, phrases)
        assert ph.plain == ("jusqu’à" in phrases)
        for text in [*TEXTS, *texts]:
            found = _spans(ph.finditer(text))
            if "jusqu’à" in phrases:
                assert found == _spans(rx.finditer(text)), text
            else:  # without it the pattern's "jusqu’à" matches are not looked for
                assert found == [x for x in _spans(rx.finditer(text))
                                 if not text.startswith("jusqu", x[0])], text


def test_tokens_index_and_iterate_as_rows_and_follow_the_sentences_given():
    from mapper.text import toponyms as T
    from mapper.text.sentences import Sentence

    text = "Gunmen attacked Boni. Then they left d’Ansongo."
    toks = T.tokenize(text, split_sentences(text))
    rows = [(t.start, t.end, t.text, t.key, t.cap, t.sentence) for t in toks]
    assert rows == _plain_tokens(text)
    assert toks[-1] == list(toks)[-1] and toks[-1].text == "Ansongo"
    assert [t.first for t in toks] == [i in (0, 3) for i in range(len(toks))]
    # sentences not made by split_sentences: the text's own characters are read, and a
    # sentence that repeats an index still starts with a first word
    given = [Sentence(0, 0, 21, "gunmen attacked boni.", 0), Sentence(0, 22, 47, text[22:], 0)]
    toks = T.tokenize(text, given)
    assert [t.text for t in toks][:3] == ["Gunmen", "attacked", "Boni"]
    assert [t.first for t in toks].count(True) == 2


def test_corridors_accept_waypoints_in_any_sequence():
    from mapper.routes import Corridor, corridors_for

    c = Corridor("x", "X", "ML", "BF", [("Sikasso", "ML"), ("Bamako", "ML")])
    assert [k.route_id for k in corridors_for(towns=["Sikasso", "Bamako"], corridors=[c])] == ["x"]
    keys = c.town_keys()
    keys.add("gao")  # a set of its own, as before
    assert c.town_keys() == {"sikasso", "bamako"}


def test_a_constrained_single_candidate_is_still_asked_of_the_gazetteer():
    from mapper.gazetteer.index import Candidate
    from mapper.text import resolve as R
    from mapper.text.toponyms import Mention

    fields = Candidate._fields
    one = Candidate(**{f: None for f in fields})._replace(
        id="a", name="Zorbakou", country_code="ML", admin1="Gao", place_type="locality")
    other = one._replace(id="a", admin1="Mopti")

    class Gaz:  # an index that holds the id twice under the name: it knows best
        def top(self, *a, **k):
            return other

    m = Mention(0, 8, "Zorbakou", "zorbakou", 0, True, candidates=[one])
    area = one._replace(name="Gao", place_type="admin1")
    assert R._choose(Gaz(), m, ["ML"], None, ("admin1", area, None), {}) is other
    assert R._choose(Gaz(), m, ["ML"], None, None, {}) is one  # nothing to rank


def test_each_report_starts_with_no_memory_of_the_last_ones_sentences():
    from mapper.extract import extract

    a = "Gunmen killed two herders near Gao on Friday. The army said it was searching."
    b = "Fighters abducted a teacher in Mopti on Monday."
    first = extract(a, published="2025-11-10")
    extract(b, published="2025-11-10")
    read = [a, *(s.text for s in split_sentences(a))]
    assert all(k in scan_module._WORDS for k in [s.text for s in split_sentences(b)])
    assert all(k not in scan_module._WORDS for k in read)  # a's sentences are forgotten
    again = extract(a, published="2025-11-10")
    assert [i.properties() for i in again.incidents] == [i.properties() for i in first.incidents]


def test_whole_names_found_without_a_pattern_are_those_of_the_plain_pattern():
    from mapper.text.toponyms import _whole_name_at

    names = ["Boura", "Tin-Hama", "N’Dakar", "Ber", "Gao", "a", "Sé", "Boura Boura", "Boni."]
    odd = ["Boura, Bouras, xBoura, _Boura, Boura_ et d’Boura, l'Boura; BOURA Boura-",
           "Tin-Hama Tin-Hamas -Tin-Hama (Tin-Hama) N’Dakar’s N’DakarN’Dakar", "Ber Berber ber",
           "Boura Boura Boura", "Boni. Boni.. Boni.x", "Sé Sév Sé1 Sé’", "", "Gao"]
    for text in [*TEXTS, *odd]:
        for name in names:
            plain = [m.start() for m in re.finditer(rf"(?<![\w’']){re.escape(name)}(?![\w])",
                                                    text)]
            assert _whole_name_at(text, name) == plain, (name, text)
