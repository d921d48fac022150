"""Shortcuts in sentence splitting and place resolution give what the plain steps give.

Each test keeps the plain way (the code as it was before the shortcut) next to the module's
and runs both on the sample reports, on texts made of their sentences and words in random
order, and on awkward text (abbreviations, initials, "İ" whose lower case is longer, curly
quotes, odd spacing, upper case, empty text).
"""
from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import pytest

from mapper.gazetteer.names import fold
from mapper.text import resolve as R
from mapper.text import sentences as S
from mapper.text.lexicon import lexicon
from mapper.text.scan import forget_texts, read_words
from mapper.text.toponyms import find_mentions

ROOT = Path(__file__).resolve().parents[2]
REPORTS = sorted((ROOT / "data" / "reports").glob("*.txt"))
SAMPLES = [p.read_text(encoding="utf-8") for p in REPORTS]

# -- sentences --------------------------------------------------------------------------

ODD = ["Brig. Gen. Issa spoke. Gunmen fled.", "The U.S. envoy left. Then the U.N. came.",
       "approx. 40 were killed. Lieut. Traoré said so.", "Approximately. Yes.",
       "İİİİİİİ. Next one.", "Mme. Diallo. M. Keita. A. B. Cissé left.", "e.g. this. i.e. that.",
       "x_yyyyyyyy. Next.", "a.b.c. Next.", "abcdefg. Next.", "abcdef. Next.", "abcdefgh.Next.",
       "ÉTAT-MAJOR. Le 3 mars.", "Col.  Diarra , « Il a dit. » Puis.",
       "“Yes.” ‘No.’ (Maybe.) [Sure.] Ok",
       "Dr.\nNew line. St. Louis. No. 5 road.", "", " ", "...", ". A", "1234567. 8 more.",
       "GUNMEN KILLED TWELVE. THE ARMY SAID.", "Ségou. Mopti… Gao! Kidal? Tombouctou.",
       "\n\nTitle\n \nBody. Next.\n\n", "A.\nB.\r\nC. \n D", "Line one\n\n\nLine two.  \n",
       "the prefect of Ménaka. 2 died.", "ﬁﬂﬃﬄﬅ. Ligature.", "Ⅻ. Roman twelve.", "٣٤٥٦٧٨٩. Digits."]


def _plain_split(text: str) -> list[tuple]:
    """split_sentences as it was: every dot's word read back to its start."""
    out: list = []
    start, para = 0, 0
    for m in S._END.finditer(text):
        if m.group(0).startswith("\n"):
            S._emit(text, start, m.start(), para, out)
            start = m.end()
            para += 1
            continue
        end = m.end(1)
        if m.group(1) == ".":
            w = S._word_before(text, start, m.start(1)).lower()
            if w and (w in S._ABBREV or (len(w) == 1 and w.isalpha()) or
                      S._INITIALS.fullmatch(w)):
                continue
        S._emit(text, start, end, para, out)
        start = m.end()
        if "\n" in m.group(2):
            para += 1
    S._emit(text, start, len(text), para, out)
    return out


def _texts(n: int = 300) -> list[str]:
    sentences = [s.text for t in SAMPLES for s in S.split_sentences(t)]
    words = [w for s in [*sentences, *ODD] for w in s.split()] + sorted(S._ABBREV)
    rng = random.Random(7)
    made = []
    for _ in range(n):
        ws = rng.sample(words, rng.randint(3, 30))
        made.append(rng.choice([" ", ". ", "  ", "\n", ". \n"]).join(
            w + rng.choice(["", ".", ". ", "", ""]) for w in ws))
    return [*SAMPLES, *ODD, *made, *(t.upper() for t in ODD), *(t.lower() for t in SAMPLES)]


def test_sentences_as_the_plain_split():
    for text in _texts():
        assert S.split_sentences(text) == _plain_split(text), text


def test_sentences_are_sentences():
    s = S.split_sentences("Gunmen fled. The army came.")
    assert type(s[0]) is S.Sentence and s[1].text == "The army came." and s[1].index == 1


def test_no_abbreviation_is_as_long_as_the_shortcut_assumes():
    assert all(len(a) < S._LONGEST for a in S._ABBREV)


# -- resolution -------------------------------------------------------------------------

def _plain_resolve(text, mentions, gaz, lex):
    """resolve_mentions as it was (the countries counted in five passes, _choose and
    _distance_phrase called for every mention)."""
    lookups: dict = {}
    plain: dict = {}
    for m in mentions:
        if m.known:
            ck = (m.surface, m.key)
            cands = plain.get(ck)
            if cands is None:
                cands = plain[ck] = list((gaz.ranked(m.surface) if fold(m.surface) == m.key
                                          else ()) or gaz.ranked(m.key))
            m.candidates = cands
    countries: Counter = Counter()
    for m in mentions:
        top = m.candidates[0] if m.candidates else None
        if top and top.place_type == "country":
            countries[top.country_code] += 2
    if lex.demonyms is not None:
        for d in lex.demonyms.finditer(text):
            countries[lex.demonym_country[fold(d.group(0))]] += 1
    for m in mentions:
        if m.dateline and m.candidates and m.candidates[0].place_type == "locality":
            countries[m.candidates[0].country_code] += 1
    if not countries:
        for m in mentions:
            top = m.candidates[0] if m.candidates else None
            if top and top.place_type == "locality" and \
                    len({c.country_code for c in m.candidates}) == 1:
                countries[top.country_code] += 1
    named = set(countries)
    for m in mentions:
        top = m.candidates[0] if m.candidates else None
        if top and top.place_type == "admin1" and (not named or top.country_code in named):
            countries[top.country_code] += 1
    focus = max(countries, key=countries.__getitem__) if countries else None
    bias = tuple(countries)
    R._link_next(mentions)
    constraints = [R._constraint(text, m, mentions) for m in mentions]
    chosen: dict = {}
    for m, con in zip(mentions, constraints, strict=True):
        if m.known:
            chosen[id(m)] = R._choose(gaz, m, bias, None, con, lookups)
    pts = [(c.latitude, c.longitude) for c in chosen.values()
           if c and c.place_type == "locality" and c.country_code == focus]
    anchor = (R._median([p[0] for p in pts]), R._median([p[1] for p in pts])) if pts else None
    out: list = []
    unresolved: list = []
    by_key: dict = {}
    for m, con in zip(mentions, constraints, strict=True):
        if not m.known:
            cand = None
        elif len(m.candidates) <= 1:
            cand = chosen[id(m)]
        else:
            cand = R._choose(gaz, m, bias, anchor, con, lookups)
        dist = R._distance_phrase(text, m, mentions, chosen)
        if cand is not None and dist is not None:
            cand = R._check_distance(gaz, m, cand, dist, bias)
        if cand is not None and not R._credible(m, cand, countries, lex, named):
            cand = None
            if not (m.placey or con or m.key in by_key):
                continue
        elif m.known and cand is None and not con:
            continue
        if cand is not None:
            conf = R._CONFIDENCE[len(m.candidates) == 1, cand.country_code in countries]
            r = R.Resolved(m, cand, cand.latitude, cand.longitude, cand.precision,
                           cand.country_code,
                           cand.admin1 if cand.place_type != "country" else None, conf)
            by_key[m.key] = r
            out.append(r)
            continue
        if m.key in by_key:
            prev = by_key[m.key]
            out.append(R.Resolved(m, None, prev.latitude, prev.longitude, prev.precision,
                                  prev.country_code, prev.admin1, prev.confidence, prev.area))
            continue
        r = R._fallback(gaz, m, con, dist, focus, lex)
        if m.surface not in unresolved:
            unresolved.append(m.surface)
        if r is None:
            continue
        by_key[m.key] = r
        out.append(r)
    return R.Resolution(out, countries, focus, unresolved, _plain_features(text, out))


_PLAIN_ENDS = [[w] for w in ("in", "at", "of", "à", "de", "d'", "d’")]


def _plain_features(text, resolved):
    """_features as it was: the 60 characters before every town cut and split."""
    out = []
    for r in resolved:
        c = r.candidate
        if c is None or c.place_type != "locality":
            continue
        before = text[max(0, r.mention.start - 60):r.mention.start]
        if not before[-1:].isspace() or before.rsplit(None, 1)[-1:] not in _PLAIN_ENDS:
            continue
        m = R._FEATURE.search(before)
        if not m:
            continue
        name = m.group(1).strip()
        start = r.mention.start - (len(before) - m.start(1))
        feat = c._replace(id=f"{c.id}#{fold(name).replace(' ', '-')}", name=name,
                          place_type="feature", precision=2, population=0,
                          note=f"site in {c.name}; placed at the town", matched=name)
        mention = R.Mention(start, start + len(name), name, fold(name), r.mention.sentence,
                            True)
        out.append(R.Resolved(mention, feat, c.latitude, c.longitude, 2, c.country_code,
                              c.admin1, round(r.confidence * 0.9, 2), area=c.name))
    return out


def _resolve(text, gaz, lex, how):
    sentences = S.split_sentences(text)
    forget_texts()
    read_words(text, [s.text for s in sentences])
    mentions = find_mentions(text, sentences, gaz, lex)
    return how(text, mentions, gaz, lex)


def _view(res):
    def one(r):
        m = r.mention
        return (m.start, m.end, m.surface, r.candidate, r.latitude, r.longitude, r.precision,
                r.country_code, r.admin1, r.confidence, r.area)
    return ([one(r) for r in res.resolved], list(res.countries.items()), res.focus,
            res.unresolved, [one(r) for r in res.features])


CRAFTED = [
    "BAMAKO, Mali (AP) — Gunmen attacked Kobri in western Mali on Monday.",
    "Gunmen attacked Tonka, about 90 miles from Timbuktu, and a village 30 km north of Gao.",
    "Malian and Burkinabe troops clashed near Djibo. Nigerien soldiers fled to Niamey.",
    "Fighting in the Gao region and in the Mopti region; Kayes and Sikasso were calm.",
    "Bamba, in the Gao region, was attacked. Mansila, situé dans la province du Yagha dans "
    "la région du Sahel, aussi.",
    "Paris and Lyon. London. Boni and Douentza.",
    "Independence Square in Bamako was full. Place de l’Indépendance à Ouagadougou aussi.",
    "Gunmen killed ten in Ségou, Mopti and Timbuktu. The Niger river rose.",
    "Sahel region news: nothing happened in the vast Sahel region.",
    "Kidal, Ménaka and Ansongo; Kidal again, Ménaka again.",
    "NIAMEY, Niger — Gunmen attacked Ayorou. Ouallam was calm. Tillabéri region.",
    "", "Gao", "Gao, Gao, Gao, in the Gao region of Mali, 12 km north of Gao.",
]


def _resolve_texts(n: int = 120) -> list[str]:
    sentences = [s.text for t in SAMPLES for s in S.split_sentences(t)]
    rng = random.Random(11)
    made = [" ".join(rng.sample(sentences, rng.randint(1, 8))) for _ in range(n)]
    lines = [t.split("\n")[0] for t in SAMPLES]  # headlines and datelines first
    made += [rng.choice(lines) + "\n\n" + " ".join(rng.sample(sentences, 3)) for _ in range(n // 3)]
    return [*SAMPLES, *CRAFTED, *made]


@pytest.fixture(scope="module")
def lex():
    return lexicon()


def test_resolution_as_the_plain_steps(gazetteer, lex):
    compared = 0
    for text in _resolve_texts():
        if not text.strip():
            continue
        plain = _resolve(text, gazetteer, lex, _plain_resolve)
        fast = _resolve(text, gazetteer, lex, R.resolve_mentions)
        assert _view(fast) == _view(plain), text
        compared += len(plain.resolved)
    assert compared > 500


def test_the_countries_keep_their_order_of_counting(gazetteer, lex):
    # equal counts: the first counted is the focus, and the bias keeps the order
    text = "Nigerien troops left Gao. Malian troops came to Niamey, in Niger, and Mali."
    plain = _resolve(text, gazetteer, lex, _plain_resolve)
    fast = _resolve(text, gazetteer, lex, R.resolve_mentions)
    assert list(fast.countries.items()) == list(plain.countries.items())
    assert fast.focus == plain.focus


SITES = ["Independence Square in ", "the Grand Marché de Gao, in ", "Place de l’Indépendance à ",
         "la Mosquée du Vendredi d’", "Bamako Central Prison , at ", "Place de la Nation de ",
         "Hôpital Gabriel Touré de ", "Stade du 26 Mars à ", "near the Sévaré Airport of ",
         "İstanbul Street Market in ", "Old Mosque in\n", "Aéroport Modibo Keita  à ",
         "xPlace Kennedy in ", "Old Mosque in", "Old Mosque IN ", "Old Mosque xin ",
         "Old Mosque\tde\u00a0", "Old Mosque d'", "Old Mosque d’ ", "Old Mosque à ", " in ", "in ",
         "Old Mosque, of  ", "Old Mosque at\u2003"]


def test_sites_as_the_plain_features(gazetteer):
    town = gazetteer.lookup("Gao")[0]
    assert town.place_type == "locality"
    words = [w for t in SAMPLES for w in t.split()] + [w for s in SITES for w in s.split()]
    rng = random.Random(5)
    texts = [*SAMPLES, *(s + "Tonka" for s in SITES)]
    texts += [" ".join(rng.sample(words, rng.randint(2, 25))) + rng.choice(SITES) + "Tonka"
              for _ in range(300)]
    found = 0
    for text in texts:
        resolved = []
        for at in [0, *(m.end() for m in re.finditer(r"\s+", text))]:
            mention = R.Mention(at, at + 3, "Xyz", "xyz", 0, True)
            resolved.append(R.Resolved(mention, town, 1.0, 2.0, 1, "ML", None, 0.9))
        plain = _plain_features(text, resolved)
        fast = R._features(text, resolved)
        assert _view(R.Resolution(fast, Counter(), None)) == \
            _view(R.Resolution(plain, Counter(), None)), text
        found += len(plain)
    assert found >= 30


# -- gazetteer memories -----------------------------------------------------------------

def test_country_points_as_read_from_the_records(gazetteer):
    codes = [*sorted(gazetteer.countries), "ml", "Bf", "XX", "", "zz"]
    for _ in range(2):  # asked again: the remembered answer
        for cc in codes:
            assert gazetteer.country_point(cc) == gazetteer._country_point(cc), cc
    assert gazetteer.country_point("ML").name == "Mali"
    assert gazetteer.country_point("XX") is None
    gazetteer.forget()  # dropped with the records
    assert not gazetteer._points and gazetteer.country_point("ml").country_code == "ML"


def test_top_answers_as_asked_afresh(gazetteer):
    names = ["Gao", "Kayes", "Niger", "San", "Boni", "Djibo", "Nowhere-at-all", "", "Paris"]
    for _ in range(2):  # the second round reads the remembered answers (None among them)
        for name in names:
            for bias in [(), ("ML",), ("BF", "NE"), ("FR",)]:
                for ccs in [None, ("ML",), ("XX",)]:
                    want = gazetteer._top(name, bias, None, ccs, None)
                    assert gazetteer.top(name, bias_countries=bias, country_codes=ccs) == want
