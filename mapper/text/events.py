"""Incidents from sentences: triggers, dates, places, actors, counts, and merging.

Each sentence with an event trigger (``data/lexicon/events.yaml``) yields a candidate
event; a later sentence about the same event (same type, compatible place and date)
adds to it instead of making another. Background history is skipped.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date

from ..gazetteer.index import Gazetteer
from ..gazetteer.names import fold
from .attributes import VIOLENT, armed_victims, counts_matter, find_actor, read_counts
from .dates import DateMention, find_dates, uses_previous
from .lexicon import Lexicon, Trigger
from .numbers import find_counts
from .resolve import Resolution, Resolved, qualifier
from .scan import may_hold, scan_of
from .sentences import Sentence, dateline_span, is_headline

__all__ = ["Event", "find_events"]

_MEASURED = re.compile(r"\d\s*(?:km|kilomet\w*|miles?)\b.*\b(?:of|from|de|d['’])\s*(?:the\s+)?$", re.I)
_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")
_ROUTE_WORDS = re.compile(r"\b(?:supply\s+)?(?:routes?|roads?|corridors?|highways?|axes?|axis|"
                          r"itinéraires?|supply lines?|trade routes?)\b", re.I)
_PLURAL_GENERIC = re.compile(r"(?:attacks|killings|kidnappings|abductions|ambushes|clashes|raids|"
                             r"strikes|protests|attaques|enlèvements|violences?)$", re.I)
@dataclass(slots=True)
class Event:
    trigger: Trigger
    event_type: str
    sub_event_type: str
    sentences: list[int]
    quote: list[str]
    place: Resolved | None
    precision: int
    event_date: date | None
    time_precision: int
    date_explicit: bool
    actor: str | None = None
    actor_named: bool = False
    suspected: bool = False
    fatalities: int | None = None
    victims: str | None = None
    victim_count: int | None = None
    route_ids: list[str] = field(default_factory=list)
    route_since: str | None = None
    confidence: float = 0.5
    claim_date: bool = False  # the date is when a group claimed it, not when it happened


def _is_background(s: Sentence, dates: list[DateMention], published: date, lex: Lexicon) -> bool:
    if lex.background.search(s.text):
        return True
    if any((published - d.date).days < 400 for d in dates):
        return False  # it tells of something recent
    years = [int(y) for y in _YEAR.findall(s.text)] if "19" in s.text or "20" in s.text else []
    return bool(years) and max(years) < published.year - 1


def _triggers(s: Sentence, lex: Lexicon) -> list[tuple[Trigger, re.Match]]:
    out = []
    taken: list[tuple[int, int]] = []
    # by rank: a specific trigger claims its words first
    for t in lex.triggers_for(scan_of(s.text).present):
        for m in t.finditer(s.text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            out.append((t, m))
    return out


_DEFINITE = re.compile(r"(?:\b(?:the|this|that|these|those|cette|cet|ce|ces)\s+(?:[\w-]+\s+)?|"
                       r"\bl['’]\s*)$", re.I)
_SAME_PLACE = re.compile(r"\b(?:the same (?:camp|village|town|city|area|place|locality|site|district)|"
                         r"(?:cette|la même) (?:localité|ville|zone|commune)|même localité|"
                         r"dans cette localité|the area|there)\b", re.I)
_SPEAKER = re.compile(r"(?:\b(?:mayor|governor|prefect|chief|official|officials|deputy|MP|"
                      r"maire|gouverneur|préfet|chef|élu)s?\s+(?:of|in|de|du|d['’])\s+"
                      r"(?:the\s+)?(?:nearby\s+)?(?:(?:town|city|village|commune|region)\s+of\s+)?|"
                      r"\bfrom\s+|\b(?:fled|displaced|evacuated|taken|transferred|moved)\s+(?:to|towards)\s+|"
                      r"\btook\s+refuge\s+in\s+|\b(?:réfugiés?|fui|fuyant|évacués?)\s+(?:à|vers|en)\s+)$", re.I)


# _SPEAKER read backwards (edit the two together: tests/text/test_events_fast2.py compares
# them): the same phrases spelled in reverse, so that a match() at the
# window's end (position 0 of the reversed window) replaces a $-anchored search that tries
# every position.  \b is the same test either way (word/non-word between two characters), and
# since every phrase ends with \s+, "$ before a final newline" adds nothing: the \s+ can take it.
_SPEAKER_REVERSED = re.compile(
    r"\s+(?:"
    # mayor/official... of|in|de|du|d' [the] [nearby] [town|city|village|commune|region of]
    r"(?:fo\s+(?:nwot|ytic|egalliv|enummoc|noiger)\s+)?(?:ybraen\s+)?(?:eht\s+)?"
    r"(?:fo|ni|ed|ud|['’]d)\s+s?(?:royam|ronrevog|tceferp|feihc|laiciffo|slaiciffo|ytuped|PM|"
    r"eriam|ruenrevuog|teférp|fehc|ulé)\b|"
    r"morf\b|"  # from
    r"(?:ot|sdrawot)\s+(?:delf|decalpsid|detaucave|nekat|derrefsnart|devom)\b|"  # fled to
    r"ni\s+egufer\s+koot\b|"  # took refuge in
    r"(?:à|srev|ne)\s+(?:s?éigufér|iuf|tnayuf|s?éucavé)\b)",  # réfugiés à
    re.I)

# every phrase of _SPEAKER ends with one of these words and a space
_SPEAKER_ENDS = ("of", "in", "de", "du", "d'", "d’", "the", "nearby", "from", "to", "towards", "à",
                 "vers", "en")


# ... and, but for "from", holds one of these words (an office, a flight)
_SPEAKER_HINT = re.compile(r"mayor|governor|prefect|chief|official|deputy|mp|maire|gouverneur|"
                           r"préfet|chef|élu|fled|displaced|evacuated|taken|transferred|moved|"
                           r"refuge|réfugi|fui|fuyant|évacu")


def _speaker(before: str) -> bool:
    """Do the words before a name make it a speaker's office or where people fled?"""
    if _SPEAKER_REVERSED.match(before[::-1]) is None:
        return False  # no phrase of _SPEAKER ends the window
    # re.I matches "ſ" to "s" and "ı", "İ" to "i" but lower() keeps them apart: only with one of
    # them (the only such letters for _SPEAKER's) can _speaker_checked's word checks fail here.
    if "ſ" in before or "ı" in before or "İ" in before:
        return _speaker_checked(before)
    # A phrase ends the window, so it ends with whitespace and one of _SPEAKER_ENDS, and but
    # for "from" holds an office or flight word: the checks of _speaker_checked all hold.
    return True


def _speaker_checked(before: str) -> bool:
    """_speaker as first written: the word checks, then _SPEAKER."""
    if not before[-1:].isspace():
        return False
    low = before.rstrip().lower()
    if not low.endswith(_SPEAKER_ENDS):
        return False
    return (low.endswith("from") or _SPEAKER_HINT.search(low) is not None) and \
        _SPEAKER.search(before) is not None


_SUMMARY = re.compile(r"\b(?:two|three|four|several|a series of|twin|separate|multiple|deux|trois|"
                      r"plusieurs|double|série d['’]|une série de)\s+(?:separate\s+|terrorist\s+|"
                      r"jihadist\s+|terroristes?\s+)?(?:attacks|attaques|attaque|incidents|raids|"
                      r"ambushes|embuscades)\b", re.I)
_SUMMARY_ENDS = frozenset(["attacks", "attaques", "attaque", "incidents", "raids", "ambushes",
                           "embuscades"])  # _SUMMARY ends with one of these words


def _summary(text: str) -> bool:
    """Does the sentence sum events up ("killed in two attacks")?"""
    return may_hold(text, _SUMMARY_ENDS) and _SUMMARY.search(text) is not None


_NEW_BY_OF = re.compile(r"^\s+(?:of|de|des|d['’])\s+(?:(?:at\s+least|some|about|au\s+moins)\s+)?"
                        r"(?:\d+|[A-Z]|a\s|an\s|one|two|three|four|five|six|seven|eight|nine|ten|"
                        r"un\s|une\s|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)", re.I)


_CLAIM = re.compile(r"\b(?:claimed(?: responsibility)?(?: for)?|took responsibility for|"
                    r"revendiqué|a revendiqué|announced|confirmed)\s+(?:the\s+|l['’]|la\s+|le\s+)?"
                    r"[\w-]*\s*$", re.I)


_CLAIM_WORDS = ("claimed", "took responsibility", "revendiqu", "announced", "confirmed")


def _claim_before(words: str, pos: int) -> bool:
    """Does the sentence say, just before the trigger, that someone claimed the event?"""
    low = words[:pos].lower()
    return any(w in low for w in _CLAIM_WORDS) and _CLAIM.search(words, 0, pos) is not None


def _definite(text: str, m: re.Match) -> bool:
    """"The attack", "cette attaque": a trigger that refers back to an event already told.

    "the abduction of three Egyptians" introduces a new one."""
    before = text[max(0, m.start() - 25):m.start()]
    low = before.lower()
    # every determiner of _DEFINITE holds "th", "ce" or "l’"
    if "th" not in low and "ce" not in low and "l'" not in low and "l’" not in low:
        return False
    if _NEW_BY_OF.match(text[m.end():m.end() + 40]):
        return False
    return bool(_DEFINITE.search(before))


def _nearest(items, pos: int):
    return min(items, key=lambda x: abs(((x.start + x.end) // 2) - pos), default=None)


class _LastDate:
    """The last day a report told and its sentence, with the sentences that may change it
    read only when the date is asked for (a newer day told replaces it unread)."""

    def __init__(self):
        self.date: date | None = None
        self.sentence = -10
        self.read = None  # reads one sentence's dates, updating date and sentence
        self._waiting: list[Sentence] = []

    def defer(self, sentences) -> None:
        self._waiting.extend(sentences)

    def settle(self) -> None:
        waiting, self._waiting = self._waiting, []
        for s in waiting:
            self.read(s)

    def set(self, day: date, sentence: int) -> None:
        self._waiting = []  # what they would have said is replaced anyway
        self.date, self.sentence = day, sentence


def find_events(text: str, sentences: list[Sentence], res: Resolution, published: date,
                lex: Lexicon, gaz: Gazetteer) -> list[Event]:
    """Events of a report, merged, in order of first mention."""
    events: list[Event] = []
    # The last day told, and in which sentence: a date carries over at most four sentences.
    last = _LastDate()
    anchors = _anchor_mentions(text, res)
    dl = dateline_span(text, sentences)

    def dates_of(s: Sentence) -> list[DateMention]:
        return [d for d in find_dates(s.text, published, previous=last.date)
                if not (dl and dl[0] <= s.start + d.start < dl[1]) and d.date <= published]

    def read_pending(p: Sentence) -> None:
        pd = dates_of(p)
        day_dates = [d for d in pd if d.precision == 1]
        if day_dates and not _is_background(p, pd, published, lex):
            last.date, last.sentence = day_dates[-1].date, p.index

    last.read = read_pending
    pending: list[Sentence] = []  # sentences without a trigger, dates not read yet
    for s in sentences:
        trig = [] if is_headline(s, text) else _triggers(s, lex)
        if not trig:
            pending.append(s)
            continue
        # Only the last few sentences without a trigger can give the date ("Early on
        # Friday, gunfire ... The attack"); they are read when that date is asked for.
        last.defer(p for p in pending if p.index >= s.index - 4)
        pending.clear()
        if uses_previous(s.text):  # "the next day": counted from the last day told
            last.settle()
        dates = dates_of(s)
        if _is_background(s, dates, published, lex):
            continue
        # group triggers by their nearest date mention: "abducted on Friday ... executed on Saturday"
        groups: dict[int, list[tuple[Trigger, re.Match]]] = {}
        for t, m in trig:
            d = _nearest(dates, m.start()) if len(dates) > 1 else None
            groups.setdefault(dates.index(d) if d else -1, []).append((t, m))
        for gi, group in sorted(groups.items()):
            group = [(t, m) for t, m in group if not t.reference or _definite(s.text, m)]
            if not group:
                continue
            fresh = [(t, m) for t, m in group
                     if t.id == "post_attack" or not _definite(s.text, m)]
            dm = dates[gi] if gi >= 0 else (dates[0] if dates else None)
            if dm is None:
                last.settle()  # the event takes the last day told
            ev = _event(s, fresh or group, dm, res, anchors, lex, gaz, published, last.date,
                        last.sentence, events)
            if ev is None:
                day = [d for d in dates if d.precision == 1]
                if day:
                    last.set(day[-1].date, s.index)
                continue
            if ev.event_date and ev.date_explicit and ev.time_precision == 1:
                last.set(ev.event_date, s.index)
            if len(fresh) < len(group) and events and _compatible_places(events[-1], ev) \
                    and _compatible_dates(events[-1], ev):
                _merge(events[-1], ev)  # "the attack ...": more about the event just read
                continue
            if not fresh:
                continue  # "the dead", "the operation": refers back, to nothing we can join
            _add(events, ev)
    for ev in events:
        if ev.trigger.route_link:
            _link_routes(ev, sentences, res, lex, gaz)
    return events


def _anchor_mentions(text: str, res: Resolution) -> set[int]:
    """Mentions that only measure or qualify another place ("90 miles from Timbuktu",
    "Kobri in western Mali"), name a speaker's office ("the mayor of Bankass") or the
    dateline: they are not where an event happened."""
    out = set()
    rs = res.resolved
    for r in rs:
        if r.mention.dateline or _speaker(text[max(0, r.mention.start - 60):r.mention.start]):
            out.add(id(r.mention))
    for a, b in zip(rs, rs[1:], strict=False):
        if a.mention.sentence != b.mention.sentence:
            continue
        gap = text[a.mention.end:b.mention.start]
        low = gap.lower()
        if ("km" in low or "kilom" in low or "mile" in low) and _MEASURED.search(gap):
            out.add(id(b.mention))
        elif qualifier(gap) and (a.candidate is None or b.candidate is None or
                                 b.candidate.place_type in ("country", "admin1", "feature")):
            out.add(id(b.mention))  # "Barkaram, située dans la province du Lac Tchad"
    return out


def _event(s, group, dm, res, anchors, lex, gaz, published, last_date, last_date_sentence,
           events):
    trig, m = min(group, key=lambda tm: tm[0].rank)
    pos = m.start()
    words = s.text
    if len(group) == 1 and dm is None and _PLURAL_GENERIC.search(m.group(0)) \
            and not find_counts(words, lex):
        return None  # "a spike in kidnappings": a trend, not an event
    event_type, sub_type = trig.event_type, trig.sub_event_type
    if trig.armed_victims and armed_victims(words, m, lex):
        event_type = trig.armed_victims["event_type"]
        sub_type = trig.armed_victims["sub_event_type"]
    if event_type == "Protests":
        if lex.protest_excessive_force.search(words):
            sub_type = "Excessive force against protesters"
        elif lex.protest_intervention.search(words):
            sub_type = "Protest with intervention"
    # place
    here = [r for r in res.in_sentence(s.index) if id(r.mention) not in anchors]
    if trig.route_link:  # "supply routes from Côte d'Ivoire": the origin is not the place
        here = [r for r in here if r.candidate is None or r.candidate.place_type != "country"
                or r.country_code == res.focus]
    place, precision = _location(here, pos, s, res)
    if s.paragraph <= 2 and not events and _summary(words) and (
            place is None or place.candidate is None
            or place.candidate.place_type in ("country", "admin1")):
        return None  # a lede "killed in two attacks in the north": the events follow
    prev = events[-1] if events else None
    if place is None and prev is not None and s.index - prev.sentences[-1] <= 3 and (
            _SAME_PLACE.search(words) or dm is None or dm.date == prev.event_date):
        place, precision = prev.place, prev.precision  # still about the same place
    if place is not None and place.candidate is not None and place.candidate.place_type == "admin1":
        # "abducted in a market (Timbuktu region) ... brought back to Tonka": the next
        # sentence's town in that region is the nearest place the report gives
        region = fold(place.candidate.name)
        town = next((r for r in res.in_sentence(s.index + 1) if r.candidate is not None
                     and r.candidate.place_type == "locality" and r.admin1
                     and fold(r.admin1) == region), None)
        if town is not None:
            place, precision = town, 2
    # date
    date_explicit = dm is not None
    claim_date = False
    if dm is not None:
        ev_date, tprec = dm.date, dm.precision
        # "On Sunday, JNIM claimed the abduction of ...": the day of the claim; the event
        # was on or before it (reported with time precision 2, see extract.py)
        claim_date = tprec == 1 and _claim_before(words, pos)
    elif last_date is not None and s.index - last_date_sentence <= 4:
        ev_date, tprec = last_date, 1
    else:
        ev_date, tprec = published, 2
    # actor
    actor, named = find_actor(words, pos, lex)
    suspected = bool(lex.suspected.search(words)) and actor is not None
    # counts
    counts = find_counts(words, lex) if counts_matter(event_type, sub_type) else []
    fatalities, victims, victim_count = read_counts(words, counts, trig, m, event_type, sub_type, lex)
    ev = Event(trig, event_type, sub_type, [s.index], [s.text], place, precision, ev_date, tprec,
               date_explicit, actor, named, suspected, fatalities, victims, victim_count)
    ev.claim_date = claim_date
    if dm is not None and dm.kind == "since":
        ev.route_since = dm.date.strftime("%Y-%m") if dm.precision == 3 else dm.date.isoformat()
    ev.confidence = _CONFIDENCE[date_explicit, precision < 3, named]
    return ev


def _confidence(date_explicit: bool, placed: bool, named: bool) -> float:
    """How sure an event is: its date told, its place narrower than a region, its actor named."""
    return round(0.4 + 0.2 * date_explicit + 0.2 * placed + 0.1 * named, 2)


# the eight values _confidence takes, worked out once (round() is slow for a lookup's work)
_CONFIDENCE = {(d, p, n): _confidence(d, p, n) for d in (False, True) for p in (False, True)
               for n in (False, True)}


_LOCATIVE = {"in", "at", "near", "a", "dans", "pres", "outside", "of", "en", "au", "around"}


def _location(here: list[Resolved], pos: int, s: Sentence, res: Resolution):
    """The place the sentence ties to the event, and its geo precision."""
    if not here:
        return None, 3

    def rank(r: Resolved):
        c = r.candidate
        kind = c.place_type if c else "unknown"
        order = {"locality": 0, "feature": 0, "unknown": 1, "admin2": 1, "admin1": 2,
                 "region": 2, "country": 3}.get(kind, 2)
        if c is None and r.precision == 3:
            # an unplaced name right after the trigger ("besieged the town of Léré") is
            # still what the sentence is about; elsewhere it ranks with the regions
            order = 0 if 0 <= r.mention.start - pos <= 40 else 2
        locative = r.mention.near or r.mention.cue in _LOCATIVE or \
            0 <= r.mention.start - pos <= 25  # the trigger's object: "attacked Bamba"
        return (order, 0 if locative else 1, abs(r.mention.start - pos))

    best = min(here, key=rank)
    if best.candidate is None:
        return best, best.precision
    prec = best.precision
    if best.candidate.place_type in ("admin1", "region", "country"):
        prec = 3
    elif best.mention.near:
        prec = max(prec, 2)
    return best, prec


def _compatible_places(a: Event, b: Event) -> bool:
    if a.place is None or b.place is None:
        return True
    pa, pb = a.place, b.place
    if pa.mention.key == pb.mention.key:
        return True
    if a.precision == 3 or b.precision == 3:
        wide, narrow = (pa, pb) if a.precision >= b.precision else (pb, pa)
        if wide.candidate is not None and wide.candidate.place_type == "country":
            return wide.country_code == narrow.country_code
        if wide.candidate is not None and wide.candidate.place_type == "admin1":
            return narrow.admin1 is not None and fold(narrow.admin1) == fold(wide.candidate.name)
    return False


def _compatible_dates(a: Event, b: Event) -> bool:
    """Same day; or one date only assumed (from the publication date or the sentence
    before) and the other within a week of it. "In January, an Austrian woman was
    abducted" is not the kidnapping told as this week's news."""
    if a.date_explicit and b.date_explicit:
        if max(a.time_precision, b.time_precision) == 2:  # "this week" and "on Tuesday"
            return abs((a.event_date - b.event_date).days) <= 7
        if max(a.time_precision, b.time_precision) == 3:
            return (a.event_date.year, a.event_date.month) == (b.event_date.year, b.event_date.month)
        return a.event_date == b.event_date
    if a.event_date is None or b.event_date is None:
        return True
    return abs((a.event_date - b.event_date).days) <= 7


# A report retells an event within a few hundred sentences; an event first told further
# back than this (in a long compilation of reports) is not joined by a like one.
_MERGE_REACH = 400


def _add(events: list[Event], ev: Event) -> None:
    first, kind, tid = ev.sentences[0], (ev.event_type, ev.sub_event_type), ev.trigger.id
    for old in reversed(events):
        if first - old.sentences[0] > _MERGE_REACH:
            break
        same_kind = (old.event_type, old.sub_event_type) == kind or old.trigger.id == tid or \
            _generic_pair(old, ev)
        if same_kind and _compatible_places(old, ev) and _compatible_dates(old, ev):
            _merge(old, ev)
            return
    events.append(ev)


_CROWDS = {"Protests", "Riots"}


def _generic_pair(a: Event, b: Event) -> bool:
    """A bare "attack" and a more specific account of violence are one event."""
    if a.event_type in _CROWDS and b.event_type in _CROWDS:
        return True  # one demonstration, told as a protest and as a riot
    return ((a.trigger.generic and b.event_type in VIOLENT) or
            (b.trigger.generic and a.event_type in VIOLENT))


def _specific(r) -> int:
    if r is None:
        return 0
    if r.candidate is None:
        return 2 if r.precision == 3 else 3
    return {"country": 1, "admin1": 2}.get(r.candidate.place_type, 3)


def _merge(old: Event, new: Event) -> None:
    if new.event_type == "Riots" and old.event_type == "Protests":
        old.trigger, old.event_type, old.sub_event_type = new.trigger, new.event_type, new.sub_event_type
    elif old.trigger.generic and (not new.trigger.generic or new.trigger.rank < old.trigger.rank):
        old.trigger, old.event_type, old.sub_event_type = new.trigger, new.event_type, new.sub_event_type
    if new.precision < old.precision or old.place is None or (
            new.precision == old.precision and _specific(new.place) > _specific(old.place)):
        old.place, old.precision = new.place, new.precision
    if new.date_explicit and (not old.date_explicit or new.time_precision < old.time_precision):
        old.event_date, old.time_precision, old.date_explicit = new.event_date, new.time_precision, True
    if new.actor and (old.actor is None or (new.actor_named and not old.actor_named)):
        old.actor, old.actor_named = new.actor, new.actor_named
        old.suspected = new.suspected
    elif new.actor and new.actor == old.actor:
        old.suspected = old.suspected and new.suspected
    if old.fatalities is None:
        old.fatalities = new.fatalities
    if old.victim_count is None and new.victim_count is not None:
        old.victim_count, old.victims = new.victim_count, new.victims
    if new.route_since and not old.route_since:
        old.route_since = new.route_since
    old.sentences += new.sentences
    old.quote += new.quote
    old.confidence = max(old.confidence, new.confidence)


def _link_routes(ev: Event, sentences: list[Sentence], res: Resolution, lex: Lexicon,
                 gaz: Gazetteer) -> None:
    from ..routes import corridors_for

    window = set()
    for i in ev.sentences:
        window.update({i - 1, i, i + 1})
    countries, towns = set(), set()
    routey: dict[int, bool] = {}  # sentence -> does it speak of roads?
    for r in [r for i in sorted(window) for r in res.in_sentence(i)]:
        if r.candidate is None:
            continue
        k = r.mention.sentence
        if k not in ev.sentences:
            if k not in routey:
                routey[k] = _ROUTE_WORDS.search(sentences[k].text) is not None
            if not routey[k]:
                continue
        if r.candidate.place_type == "country" and r.country_code != res.focus:
            countries.add(r.country_code)
        elif r.candidate.place_type == "locality":
            towns.add(r.candidate.name)
    ev.route_ids = [c.route_id for c in corridors_for(countries, towns)]


def event_id(source: str, ev: Event, location: str, index: int, focus: str | None = None) -> str:
    """Stable across runs of the same report: a hash of what identifies the event."""
    key = "|".join([source, ev.event_type, ev.sub_event_type, location,
                    ev.event_date.isoformat() if ev.event_date else "", ev.quote[0]])
    cc = (ev.place.country_code if ev.place else focus) or "XX"
    return f"{cc}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:10]}"
