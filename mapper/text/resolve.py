"""Toponym resolution: choose, for every mention, the gazetteer record the report means.

Context rules, in order: the countries the report names (and its dateline) bias every
choice; a qualifier right after a name ("in the Timbuktu region", "in western Mali",
"dans la région de Ménaka") constrains it; places near the report's other resolved
places are preferred; a distance phrase ("about 90 miles from Timbuktu") checks a choice
or places an unknown name. A name the gazetteer lacks falls back to the smallest area the
text gives, with an honest precision, and is listed as unresolved.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from operator import attrgetter

from ..gazetteer.index import Candidate, Gazetteer, haversine_km
from ..gazetteer.names import fold
from .lexicon import Lexicon
from .toponyms import Mention

__all__ = ["Resolved", "resolve_mentions", "Resolution", "qualifier"]

_DIST = re.compile(
    r"^[\s,;(]*(?:(?:a|an|un|une)\s+(?:small\s+|remote\s+)?(?:village|town|city|locality|"
    r"commune|hamlet|settlement|localité|ville)\s+(?:of\s+[\w\s]{1,30}?\s+)?)?"
    r"(?:which is |that is |situated |located |situé\w* |lying )?"
    r"(?:about |some |around |roughly |nearly |approximately |almost |environ |à environ |à quelque |à )?"
    r"(\d+(?:[.,]\d+)?)\s*(km|kilomet(?:er|re)s?|miles?|mi)\b\s*(?:\([^)]*\)\s*)?"
    r"(?:(north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|"
    r"south-east|south-west|nord|sud|est|ouest|nord-est|nord-ouest|sud-est|sud-ouest)\s+)?"
    r"(?:of|from|de|d['’]|du)\s*(?:the |la |le |l['’])?$", re.IGNORECASE)
_DIGIT = re.compile(r"\d")


def _may_measure(gap: str) -> bool:
    """False when ``_DIST`` surely cannot match ``gap``: a match needs a number and a unit
    ("km", "kilometres", "miles", "mi"). Every unit holds an "m", and the only letters the
    case-insensitive pattern takes for "m" are "m" and "M". Most gaps (", ", " and ") have
    neither, and a letter is found quicker than a digit."""
    return ("m" in gap or "M" in gap) and _DIGIT.search(gap) is not None


_BEARING = {"north": 0, "nord": 0, "northeast": 45, "north-east": 45, "nord-est": 45, "east": 90,
            "est": 90, "southeast": 135, "south-east": 135, "sud-est": 135, "south": 180,
            "sud": 180, "southwest": 225, "south-west": 225, "sud-ouest": 225, "west": 270,
            "ouest": 270, "northwest": 315, "north-west": 315, "nord-ouest": 315}
_QUALIFIER = re.compile(
    r"^\s*,?\s*(?:(?:which\s+is\s+|situé\w*|located|lying|based|sis\w*)\s+)?"
    r"(?:\(\s*|in\s+|dans\s+|au\s+|en\s+|of\s+)"
    r"(?:the\s+|la\s+|le\s+|l['’]\s*)?(?:([\w-]+)\s+(?:part\s+of\s+|du\s+pays\s+)?)?"
    r"(?:(?:region|province|région|cercle|département|departement|district|department|commune)"
    r"\s+(?:of|de|du|d['’])\s*)?$", re.IGNORECASE)


def qualifier(gap: str) -> re.Match | None:
    """``_QUALIFIER.match(gap)``: the words between two names ("in the Gao region").

    The pattern is anchored at the start of the gap and fails at its first words on the
    usual gaps (", ", " and "), so it runs with no pre-check: reading the gap's lower case
    to look for the words it needs cost more than the match it would save.
    """
    return _QUALIFIER.match(gap)


_AREA_WORDS = {"region", "province", "cercle", "departement", "district", "department",
               "commune", "the", "la", "le"}


@dataclass(slots=True)
class Resolved:
    """A mention with the place chosen for it (or its fallback area)."""

    mention: Mention
    candidate: Candidate | None
    latitude: float
    longitude: float
    precision: int
    country_code: str
    admin1: str | None
    confidence: float
    area: str | None = None  # for unresolved names: the area used ("western Mali")

    @property
    def resolved(self) -> bool:
        return self.candidate is not None


@dataclass
class Resolution:
    resolved: list[Resolved]
    countries: Counter
    focus: str | None
    unresolved: list[str] = field(default_factory=list)
    features: list[Resolved] = field(default_factory=list)  # "Independence Square in Tonka"

    def in_sentence(self, index: int) -> list[Resolved]:
        if not hasattr(self, "_by_sentence"):
            self._by_sentence: dict[int, list[Resolved]] = {}
            for r in self.resolved:
                self._by_sentence.setdefault(r.mention.sentence, []).append(r)
        return self._by_sentence.get(index, [])


def _offset(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    d = km / 6371.0088
    b = math.radians(bearing)
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2))
    return math.degrees(p2), (math.degrees(l2) + 540) % 360 - 180


def area_point(gaz: Gazetteer, cc: str, direction: str | None, lex: Lexicon
               ) -> tuple[float, float] | None:
    """A point for "western Mali": the country's point shifted toward that side."""
    base = gaz.country_point(cc)
    if base is None:
        return None
    shift = lex.directions.get(fold(direction)) if direction else None
    ext = gaz.extent(cc) if shift else None
    if not shift or not ext:
        return base.latitude, base.longitude
    s, w, n, e = ext
    return ((s + n) / 2 + shift[0] * (n - s), (w + e) / 2 + shift[1] * (e - w))


# The confidence in a chosen record, by (the name has one record, the record lies in a
# country the report names): 0.9 for a name of one record, 0.75 for a choice among
# namesakes, 0.05 more in a named country (at most 0.95).
_CONFIDENCE = {(one, named): round(min(0.95, base + 0.05) if named else base, 2)
               for one, base in ((True, 0.9), (False, 0.75)) for named in (True, False)}


def resolve_mentions(text: str, mentions: list[Mention], gaz: Gazetteer, lex: Lexicon
                     ) -> Resolution:
    """Choose a place for every mention (see the module docstring for the rules)."""
    lookups: dict[tuple, list] = {}  # ranked lookups, shared by the two passes
    plain: dict[tuple[str, str], list] = {}
    # Counted in the order the rules give (countries, demonyms, datelines, big places,
    # regions), so that the first counted of equals stays first: one pass over the
    # mentions counts the countries named and notes the datelines' towns and the regions,
    # in the mentions' order, to be counted in their turn. (``get``, not ``+=``: no
    # Counter.__missing__ call for a new country, and the same counts in the same order.)
    countries: Counter = Counter()
    count = countries.get
    filed: list[str] = []  # the country of each dateline's town
    regions: list[Candidate] = []  # the mentions' first records that are regions
    for m in mentions:
        if m.known:
            ck = (m.surface, m.key)
            cands = plain.get(ck)
            if cands is None:  # as lookup(surface) or lookup(key), without copying twice
                cands = plain[ck] = list((gaz.ranked(m.surface) if fold(m.surface) == m.key
                                          else ()) or gaz.ranked(m.key))
            m.candidates = cands
        else:
            cands = m.candidates
        if cands:
            top = cands[0]
            kind = top.place_type
            if kind == "country":
                countries[top.country_code] = count(top.country_code, 0) + 2
            elif kind == "admin1":
                regions.append(top)
            elif kind == "locality" and m.dateline:
                filed.append(top.country_code)
    if lex.demonyms is not None:
        for d in lex.demonyms.finditer(text):
            cc = lex.demonym_country[fold(d.group(0))]
            countries[cc] = count(cc, 0) + 1
    for cc in filed:
        countries[cc] = count(cc, 0) + 1  # where the report was filed
    if not countries:  # no country named: let the unambiguous big places speak
        for m in mentions:
            top = m.candidates[0] if m.candidates else None
            if top and top.place_type == "locality" and \
                    len({c.country_code for c in m.candidates}) == 1:
                countries[top.country_code] += 1
    named = set(countries)
    for top in regions:
        if not named or top.country_code in named:
            countries[top.country_code] = count(top.country_code, 0) + 1
    # the most counted country, the first counted of equals (as most_common(1), without
    # its heap)
    focus = max(countries, key=countries.__getitem__) if countries else None
    bias = tuple(countries)

    _link_next(mentions)
    # in the mentions' order (no next mention in the sentence: no qualifier)
    constraints = [_constraint(text, m, mentions) if m.next is not None else None
                   for m in mentions]
    # first pass: without proximity
    chosen: dict[int, Candidate | None] = {}
    for m, con in zip(mentions, constraints, strict=True):
        if m.known:
            cands = m.candidates
            if len(cands) == 1 and (con is None or con[0] == "near"):
                chosen[id(m)] = cands[0]  # what _choose gives: the one record, unfiltered
            else:
                chosen[id(m)] = _choose(gaz, m, bias, None, con, lookups)
    # anchor: localities chosen in the focus country
    pts = [(c.latitude, c.longitude) for c in chosen.values()
           if c and c.place_type == "locality" and c.country_code == focus]
    anchor = (_median([p[0] for p in pts]), _median([p[1] for p in pts])) if pts else None
    out: list[Resolved] = []
    unresolved: list[str] = []
    by_key: dict[str, Resolved] = {}
    for m, con in zip(mentions, constraints, strict=True):
        if not m.known:
            cand = None
        elif len(m.candidates) <= 1:  # nothing to choose between: nearness changes nothing
            cand = chosen[id(m)]
        else:
            cand = _choose(gaz, m, bias, anchor, con, lookups)
        # (no next mention in the sentence: no distance phrase)
        dist = _distance_phrase(text, m, mentions, chosen) if m.next is not None else None
        if cand is not None and dist is not None:
            cand = _check_distance(gaz, m, cand, dist, bias)
        if cand is not None and not _credible(m, cand, countries, lex, named):
            cand = None
            if not (m.placey or con or m.key in by_key):
                continue  # a weak reading: an ordinary word, a far-away namesake
        elif m.known and cand is None and not con:
            continue
        if cand is not None:
            conf = _CONFIDENCE[len(m.candidates) == 1, cand.country_code in countries]
            r = Resolved(m, cand, cand.latitude, cand.longitude, cand.precision,
                         cand.country_code, cand.admin1 if cand.place_type != "country" else None,
                         conf)
            by_key[m.key] = r
            out.append(r)
            continue
        # unknown name (or no candidate fits the qualifier): fall back
        if m.key in by_key:  # an earlier mention of the same name already fell back
            prev = by_key[m.key]
            out.append(Resolved(m, None, prev.latitude, prev.longitude, prev.precision,
                                prev.country_code, prev.admin1, prev.confidence, prev.area))
            continue
        r = _fallback(gaz, m, con, dist, focus, lex)
        if m.surface not in unresolved:
            unresolved.append(m.surface)
        if r is None:
            continue
        by_key[m.key] = r
        out.append(r)
    return Resolution(out, countries, focus, unresolved, _features(text, out))


_SITES = ("Square", "Market", "Mosque", "Stadium", "Bridge", "Hospital", "Camp", "Airport",
          "Prison", "Palace", "Cathedral", "Church", "University", "Barracks")  # "X Square"
_SITES_FR = ("Place", "Marché", "Mosquée", "Stade", "Pont", "Hôpital", "Camp", "Aéroport",
             "Prison", "Palais")  # "Place X"
_FEATURE = re.compile(
    r"((?:[A-ZÀ-Þ][\w’'-]+\s+){1,3}(?:" + "|".join(_SITES) + r")|(?:" + "|".join(_SITES_FR) +
    r")\s+(?:de\s+l['’]|du\s+|de\s+la\s+|des\s+)?"
    r"[A-ZÀ-Þ][\w’'-]+)\s*,?\s+(?:in|at|of|à|de|d['’])\s+$")
# Every match of _FEATURE holds one of the site words as written (the pattern is
# case-sensitive), so a stretch of text without any of them cannot hold a match. A search
# for these plain words skips quickly over a text (each starts with a capital letter), where
# _FEATURE tries its capitalised words at every position.
_SITE_WORD = re.compile("|".join(sorted({*_SITES, *_SITES_FR})))


_FEATURE_END_WORDS = ("in", "at", "of", "à", "de", "d'", "d’")
_FEATURE_ENDS = [[w] for w in _FEATURE_END_WORDS]


def _features(text: str, resolved: list[Resolved]) -> list[Resolved]:
    """Named sites inside a resolved town: "Independence Square in Tonka" is placed at
    Tonka (precision 2), with an id that says so."""
    out = []
    for r in resolved:
        c = r.candidate
        if c is None or c.place_type != "locality":
            continue
        at = r.mention.start
        if at == 0 or not text[at - 1].isspace():
            continue  # no space right before the name (read before the text is cut)
        before = text[max(0, at - 60):at]
        # the phrase ends "... in ", "... à ", "... d’ ": its last word is one of
        # _FEATURE_ENDS, so the text before the spaces ends with it (a quick test first)
        if not before.rstrip().endswith(_FEATURE_END_WORDS) or \
                before.rsplit(None, 1)[-1:] not in _FEATURE_ENDS:
            continue
        if not _SITE_WORD.search(before):
            continue  # no "Square", "Marché"...: _FEATURE cannot match
        m = _FEATURE.search(before)
        if not m:
            continue
        name = m.group(1).strip()
        start = at - (len(before) - m.start(1))
        feat = c._replace(id=f"{c.id}#{fold(name).replace(' ', '-')}", name=name,
                          place_type="feature", precision=2, population=0,
                          note=f"site in {c.name}; placed at the town", matched=name)
        mention = Mention(start, start + len(name), name, fold(name), r.mention.sentence, True)
        out.append(Resolved(mention, feat, c.latitude, c.longitude, 2, c.country_code, c.admin1,
                            round(r.confidence * 0.9, 2), area=c.name))
    return out


_START = attrgetter("start")


def _link_next(mentions: list[Mention]) -> None:
    """Give every mention the next one in the same sentence (one pass)."""
    ordered = sorted(mentions, key=_START)
    for a, b in zip(ordered, ordered[1:], strict=False):
        if a.sentence == b.sentence and b.start >= a.end:
            a.next = b


def _median(xs: list[float]) -> float:
    xs = sorted(xs)
    return xs[len(xs) // 2]


def _constraint(text: str, m: Mention, mentions: list[Mention], depth: int = 0):
    """("country"|"admin1"|"near", candidate, direction) from a qualifier right after the
    name: "Kobri in western Mali", "Bamba, in the Gao region", "Mansila, situé dans la
    province du Yagha dans la région du Sahel" (through the unknown Yagha)."""
    nxt = m.next
    if nxt is None or nxt.start - m.end > 60:
        return None
    if m.candidates and m.candidates[0].place_type in ("country", "admin1"):
        return None
    q = qualifier(text[m.end:nxt.start])
    if not q:
        return None
    direction = q.group(1) if q.group(1) and fold(q.group(1)) not in _AREA_WORDS else None
    cands = nxt.candidates if nxt.known else []
    if not cands:
        return _constraint(text, nxt, mentions, depth + 1) if depth < 3 else None
    top = cands[0]
    if top.place_type in ("country", "admin1"):
        return (top.place_type, top, direction)
    if top.place_type in ("locality", "feature"):
        return ("near", top, None)  # "Boura, dans le cercle de Yorosso": only for fallbacks
    return None


def _choose(gaz: Gazetteer, m: Mention, bias, anchor, con, lookups: dict) -> Candidate | None:
    cands = m.candidates
    if not cands:
        return None
    if con and con[0] == "near":
        con = None
    if con:
        kind, area, _ = con
        if kind == "country":
            cands = [c for c in cands if c.country_code == area.country_code]
        else:
            cands = [c for c in cands if c.country_code == area.country_code and
                     (c.admin1 is None or fold(c.admin1) == fold(area.name))]
        if not cands:
            return None
    if len(cands) == 1 and not con:  # nothing to rank: every record of the name is this one
        return cands[0]
    query = m.surface if fold(m.surface) == m.key else m.key
    ccs = tuple(sorted({c.country_code for c in cands})) if con else None
    ids = frozenset(c.id for c in cands) if con else None
    ck = (m.key, anchor, ccs, ids)  # (the bias is the report's: the same for all)
    if ck not in lookups:
        lookups[ck] = gaz.top(query, bias_countries=bias, near=anchor, country_codes=ccs, ids=ids)
    return lookups[ck]


def _credible(m: Mention, c: Candidate, countries: Counter, lex: Lexicon, named: set) -> bool:
    """Reject weak single-word readings: a small far-away namesake of an ordinary word,
    or a region of a country the report never names ("the vast Sahel region")."""
    if c.place_type == "admin1":
        return not named or c.country_code in named
    if c.place_type == "country" or " " in m.key:
        return True
    if c.id.startswith(("curated:", "additions:")):
        return True
    in_report_country = c.country_code in countries
    cue = m.cue in lex.locative_cues or m.near
    if in_report_country and (cue or c.population >= 1000):
        return True
    if c.population >= 200000 and c.primary:
        return True  # a big city by its own name ("Paris"), not by an alias ("Boni" for Bonn)
    if cue and c.primary and c.population >= 20000 and not countries:
        return True
    return False


def _distance_phrase(text, m, mentions, chosen):
    """(km, bearing or None, anchor Candidate) from "X, about 90 miles from Y"."""
    nxt = m.next
    if nxt is None or nxt.start - m.end > 80:
        return None
    anchor = chosen.get(id(nxt))
    if anchor is None:
        return None  # no place to measure from: the phrase would not be used
    gap = text[m.end:nxt.start]
    q = _DIST.match(gap) if _may_measure(gap) else None
    if not q:
        return None
    km = float(q.group(1).replace(",", "."))
    if q.group(2).lower().startswith("mi"):
        km *= 1.609344
    bearing = _BEARING.get((q.group(3) or "").lower())
    return km, bearing, anchor


def _check_distance(gaz, m, cand, dist, bias):
    """"Tonka, about 90 miles from Timbuktu": keep the namesake at about that distance.

    Returns the best-ranked candidate within the stated distance (60 % either way, at
    least 75 km: reported distances are rough, often by road); when no namesake fits, the
    first choice stands.
    """
    km, _bearing, anchor = dist
    slack = max(75.0, 0.6 * km)

    def fits(c):
        return abs(haversine_km(c.latitude, c.longitude, anchor.latitude, anchor.longitude)
                   - km) <= slack

    if fits(cand):
        return cand
    # The first of the ranked namesakes (in the report's countries) that fits is the best
    # ranked of those that fit: m.candidates holds the same records (the name's lookup
    # without context), so the ranking is asked only among the few that fit, if any.
    fitting = {c.id for c in m.candidates if fits(c)}
    if not fitting:
        return cand
    query = m.surface if fold(m.surface) == m.key else m.key
    return gaz.top(query, bias_countries=bias, country_codes=bias or None, ids=fitting) or cand


def _fallback(gaz, m, con, dist, focus, lex) -> Resolved | None:
    if dist is not None:
        km, bearing, anchor = dist
        if bearing is not None:
            lat, lon = _offset(anchor.latitude, anchor.longitude, km, bearing)
            return Resolved(m, None, lat, lon, 2, anchor.country_code, anchor.admin1, 0.5,
                            area=f"{km:.0f} km from {anchor.name}")
        return Resolved(m, None, anchor.latitude, anchor.longitude, 2, anchor.country_code,
                        anchor.admin1, 0.4, area=f"near {anchor.name}")
    if con:
        kind, area, direction = con
        if kind == "near":
            return Resolved(m, None, area.latitude, area.longitude, 2, area.country_code,
                            area.admin1, 0.45, area=f"near {area.name}")
        if kind == "admin1":
            return Resolved(m, None, area.latitude, area.longitude, 3, area.country_code,
                            area.name, 0.4, area=f"{area.name} region")
        pt = area_point(gaz, area.country_code, direction, lex)
        if pt:
            label = f"{direction} {area.name}" if direction else area.name
            return Resolved(m, None, pt[0], pt[1], 3, area.country_code, None, 0.35, area=label)
    if focus:
        pt = gaz.country_point(focus)
        if pt:
            return Resolved(m, None, pt.latitude, pt.longitude, 3, focus, None, 0.3, area=pt.name)
    return None
