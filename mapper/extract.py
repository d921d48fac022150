"""From report text to a :class:`~mapper.model.Report`: the extraction pipeline.

text -> sentences -> toponym mentions -> resolved places -> events -> incidents and routes.
"""
from __future__ import annotations

import gc
import logging
from datetime import date
from pathlib import Path

from .errors import ReportError
from .gazetteer.index import Gazetteer
from .model import Incident, Place, Report, Route
from .text.dates import forget_texts as forget_dates
from .text.dates import parse_iso_date
from .text.decode import read_report
from .text.events import Event, event_id, find_events
from .text.lexicon import lexicon
from .text.resolve import resolve_mentions
from .text.scan import forget_texts, read_words
from .text.sentences import split_sentences
from .text.toponyms import find_mentions

__all__ = ["extract", "extract_file"]

log = logging.getLogger(__name__)

_SHARED: dict[str, Gazetteer] = {}

_VERBS = {
    "Abduction/forced disappearance": "abducted", "Attack": "attacked", "Armed clash": "clashed with",
    "Air/drone strike": "carried out an air/drone strike on", "Suicide bomb": "carried out a suicide bombing on",
    "Remote explosive/landmine/IED": "used an explosive device against",
    "Shelling/artillery/missile attack": "shelled", "Other": "imposed a blockade on",
    "Peaceful protest": "protested", "Protest with intervention": "protested (with intervention)",
    "Excessive force against protesters": "used force against protesters",
    "Violent demonstration": "rioted", "Mob violence": "attacked (mob violence)",
}


def _gazetteer(gaz: Gazetteer | None) -> Gazetteer:
    if gaz is not None:
        return gaz
    if "default" not in _SHARED:
        _SHARED["default"] = Gazetteer()
    return _SHARED["default"]


def _published(value) -> date:
    if value is None:
        return date.today()
    if isinstance(value, date):
        return value
    try:
        return parse_iso_date(str(value).strip())
    except ValueError as exc:
        raise ReportError(f"--published {value!r}: {exc}") from None


def extract(text: str, *, published: str | date | None = None, source: str = "",
            gazetteer: Gazetteer | None = None) -> Report:
    """Read a report into places, incidents and routes.

    Parameters
    ----------
    text : str
        The report, as prose (English or French).
    published : str or date, optional
        Its publication date (``YYYY-MM-DD``); relative dates ("on Friday") are resolved
        against it. Defaults to today.
    source : str
        The report's file name or URL, copied into every incident.
    gazetteer : Gazetteer, optional
        A loaded gazetteer to reuse (default: one shared per process).

    Returns
    -------
    Report

    Raises
    ------
    ReportError
        For an empty text or an invalid publication date.

    Examples
    --------
    >>> r = extract("Gunmen abducted two traders near Gao on 3 March.", published="2025-03-05")
    >>> [(i.sub_event_type, i.location, i.event_date, i.geo_precision) for i in r.incidents]
    [('Abduction/forced disappearance', 'Gao', '2025-03-03', 2)]
    """
    if not text or not text.strip():
        raise ReportError("the report is empty")
    # Extraction makes many small objects and no reference cycles worth a collection pass:
    # with the collector paused, a long text is not slowed by passes over the loaded
    # gazetteer (reference counting still frees everything as usual).
    paused = gc.isenabled()
    gc.disable()
    try:
        return _extract(text, published, source, gazetteer)
    finally:
        if paused:
            gc.enable()


def _extract(text: str, published, source: str, gazetteer: Gazetteer | None) -> Report:
    sentences = split_sentences(text)
    if published is None:
        published = _dateline_date(text, sentences)
        if published is None:
            log.warning("no publication date given or found in a dateline; using today")
    pub = _published(published)
    gaz = _gazetteer(gazetteer)
    lex = lexicon()
    # what was remembered of the last report's sentences is of no use for this one (and
    # small memories are quicker to ask)
    forget_texts()
    forget_dates()
    read_words(text, [s.text for s in sentences])  # for the pre-checks of every stage
    mentions = find_mentions(text, sentences, gaz, lex)
    res = resolve_mentions(text, mentions, gaz, lex)
    events = find_events(text, sentences, res, pub, lex, gaz)

    report = Report(source=source, published=pub.isoformat(), unresolved=list(res.unresolved))
    used: set[str] = set()
    routes: dict[str, Route] = {}
    for i, ev in enumerate(events):
        inc = _incident(ev, res, gaz, source, pub, i, sentences, text)
        if inc is None:
            log.warning("an incident could not be located (no place in the report resolved): %s",
                        ev.quote[0][:120])
            continue
        report.incidents.append(inc)
        if ev.place is not None and ev.place.candidate is not None:
            used.add(ev.place.candidate.id)
        if ev.route_ids:
            _blockade_routes(ev, inc, routes, gaz)
    report.routes = list(routes.values())
    report.places = _places(res, used, gaz)
    return report


def _quote(ev: Event, sentences, text: str) -> str:
    """The report's own words for the event: its sentences, verbatim.

    Neighbouring sentences are quoted as one passage; when the event was read from
    sentences far apart, the one that placed it is quoted.
    """
    idx = sorted(set(ev.sentences))
    if idx[-1] - idx[0] <= 2:
        first, last = sentences[idx[0]], sentences[idx[-1]]
        if first.paragraph == last.paragraph:
            return text[first.start:last.end]
    key = ev.place.mention.sentence if ev.place is not None and \
        ev.place.mention.sentence in idx else idx[0]
    return sentences[key].text


def _dateline_date(text: str, sentences) -> date | None:
    """The date in a dateline ("BAMAKO, Monday 10 November 2025 –"), if it gives a year."""
    from .text.dates import find_dates
    from .text.sentences import dateline_span

    span = dateline_span(text, sentences)
    if span is None:
        return None
    found = [d for d in find_dates(text[span[0]:span[1]], date.today()) if d.precision == 1]
    if found and str(found[0].date.year) in text[span[0]:span[1]]:
        return found[0].date
    return None


def _incident(ev: Event, res, gaz: Gazetteer, source: str, pub: date, index: int,
              sentences, text: str) -> Incident | None:
    r = ev.place
    if r is None:
        cc = res.focus
        pt = gaz.country_point(cc) if cc else None
        if pt is None:
            return None
        location, lat, lon, admin1, prec = pt.name, pt.latitude, pt.longitude, None, 3
    else:
        cc = r.country_code
        lat, lon, prec = r.latitude, r.longitude, ev.precision
        if r.candidate is not None:
            location = r.candidate.name
            admin1 = r.candidate.admin1 if r.candidate.place_type != "country" else None
        else:
            location, admin1 = r.mention.surface, r.admin1
            prec = max(prec, r.precision)
    date_s = ev.event_date.isoformat() if ev.event_date else None
    inc = Incident(
        event_id="", event_type=ev.event_type, sub_event_type=ev.sub_event_type, location=location,
        country=gaz.country_name(cc) or cc, country_code=cc, latitude=round(lat, 6),
        longitude=round(lon, 6), event_date=date_s,
        time_precision=max(ev.time_precision, 2 if ev.claim_date else 1),
        actor1=ev.actor, suspected=ev.suspected, admin1=admin1, geo_precision=prec,
        fatalities=ev.fatalities, victims=ev.victims, victim_count=ev.victim_count,
        quote=_quote(ev, sentences, text), source=source, published=pub.isoformat(),
        confidence=ev.confidence, route_ids="; ".join(ev.route_ids) or None)
    inc.event_id = event_id(source, ev, location, index, cc)
    inc.notes = _notes(inc)
    return inc


def _notes(inc: Incident) -> str:
    who = inc.actor1 or "An unidentified actor"
    if inc.suspected and inc.actor1:
        who = f"{inc.actor1} (suspected)"
    verb = _VERBS.get(inc.sub_event_type, inc.sub_event_type.lower())
    what = inc.victims or ("supply routes" if inc.route_ids else "")
    where = {1: "in", 2: "near", 3: "in"}.get(inc.geo_precision, "in")
    when = f" on {inc.event_date}" if inc.event_date else ""
    dead = f"; {inc.fatalities} killed" if inc.fatalities else ""
    return f"{who} {verb} {what} {where} {inc.location}{when}{dead}.".replace("  ", " ")


def _blockade_routes(ev: Event, inc: Incident, routes: dict[str, Route], gaz: Gazetteer) -> None:
    from .routes import load_corridors, to_route

    wanted = set(ev.route_ids)
    for c in load_corridors():
        if c.route_id in wanted and c.route_id not in routes:
            rt = to_route(c, gaz)
            rt.status = "blockaded"
            rt.since = ev.route_since or inc.event_date
            rt.actor = inc.actor1
            rt.quote = inc.quote
            routes[c.route_id] = rt


def _places(res, used: set[str], gaz: Gazetteer) -> list[Place]:
    out: dict[str, Place] = {}
    for r in [*res.resolved, *res.features]:
        c = r.candidate
        if c is None:
            continue
        p = out.get(c.id)
        if p is None:
            prec = 3 if c.place_type in ("country", "admin1", "region") else c.precision
            out[c.id] = Place(name=c.name, mention=r.mention.surface, gazetteer_id=c.id,
                              place_type=c.place_type, country_code=c.country_code,
                              latitude=c.latitude, longitude=c.longitude,
                              admin1=c.admin1 if c.place_type != "country" else None,
                              geo_precision=prec, role="event" if c.id in used else "context",
                              confidence=r.confidence, mentions=[r.mention.surface],
                              country=gaz.country_name(c.country_code))
        elif r.mention.surface not in p.mentions:
            p.mentions.append(r.mention.surface)
    return list(out.values())


def extract_file(path: str | Path, *, published: str | date | None = None,
                 source: str | None = None, gazetteer: Gazetteer | None = None) -> Report:
    """Read a report file (UTF-8, or cp1252/latin-1) and :func:`extract` it."""
    text = read_report(path)
    return extract(text, published=published, source=source or Path(path).name,
                   gazetteer=gazetteer)
