"""Popup and tooltip HTML for incidents, routes and places; dates and precisions in words.

Every value taken from the report goes through :func:`~mapper.render.escape.esc`
(or :func:`~mapper.render.escape.link` for sources); the surrounding markup is ours.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from ..model import Incident, Place, Route
from .escape import esc, link, safe_url

__all__ = ["GEO_PRECISION_WORDS", "TIME_PRECISION_WORDS", "parse_day", "date_words",
           "date_range_words", "incident_popup", "incident_tooltip", "route_popup",
           "place_popup", "source_html"]

GEO_PRECISION_WORDS = {
    1: "the town itself",
    2: "near the named place (approximate)",
    3: "region/country only",
}
TIME_PRECISION_WORDS = {
    1: "",
    2: "approximate: that week",
    3: "approximate: that month",
}


def parse_day(value: Any) -> dt.date | None:
    """``YYYY-MM-DD`` (or ``YYYY-MM``) as a date; anything else ``None``."""
    if not isinstance(value, str) or not value:
        return None
    try:
        if len(value) == 7:
            return dt.date.fromisoformat(value + "-01")
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _day(d: dt.date) -> str:
    return f"{d.day} {d:%B %Y}"


def date_words(value: str | None, precision: int | None = 1) -> str:
    """A date as people write it, with its precision in words when it is not exact.

    Examples
    --------
    >>> date_words("2025-11-07")
    '7 November 2025'
    >>> date_words("2025-11-15", 3)
    'November 2025 (approximate: that month)'
    >>> date_words(None)
    'date not reported'
    """
    d = parse_day(value)
    if d is None:
        return esc(value) if value else "date not reported"
    if precision == 3:
        return f"{d:%B %Y} ({TIME_PRECISION_WORDS[3]})"
    if precision == 2:
        return f"{_day(d)} ({TIME_PRECISION_WORDS[2]})"
    return _day(d)


def date_range_words(days: list[dt.date]) -> str:
    """``6–8 November 2025``, ``3 September – 8 November 2025`` or ``''`` for no dates.

    Examples
    --------
    >>> date_range_words([dt.date(2025, 11, 8), dt.date(2025, 11, 6)])
    '6–8 November 2025'
    """
    if not days:
        return ""
    a, b = min(days), max(days)
    if a == b:
        return _day(a)
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{b.day} {b:%B %Y}"
    if a.year == b.year:
        return f"{a.day} {a:%B} – {_day(b)}"
    return f"{_day(a)} – {_day(b)}"


def source_html(source: str | None) -> str:
    """A source as a link (http/https only) or as escaped text; several joined by ``; ``."""
    if not source:
        return ""
    parts = [s.strip() for s in str(source).split("; ") if s.strip()]
    return "; ".join(link(p) if safe_url(p) else esc(p) for p in parts)


def _row(label: str, value_html: str) -> str:
    return f"<tr><th>{label}</th><td>{value_html}</td></tr>" if value_html else ""


def _actor(inc: Incident) -> str:
    if not inc.actor1:
        return "not identified"
    out = esc(inc.actor1)
    if inc.suspected:
        out += ' <span class="mp-flag">(suspected)</span>'
    if inc.assoc_actor_1:
        out += f" with {esc(inc.assoc_actor_1)}"
    return out


def incident_popup(inc: Incident, colour: str = "#555555",
                   route_names: dict[str, str] | None = None) -> str:
    """The popup HTML of one incident: what, when, where, who, the quote and the source."""
    where = ", ".join(esc(x) for x in (inc.location, inc.admin1, inc.country) if x)
    geo = GEO_PRECISION_WORDS.get(inc.geo_precision or 0, "")
    if geo:
        where += f' <span class="mp-muted">({esc(geo)})</span>'
    victims = esc(inc.victims) if inc.victims else ""
    if inc.victim_count is not None:
        victims = f"{victims} ({inc.victim_count})" if victims else str(int(inc.victim_count))
    fatalities = "not reported" if inc.fatalities is None else str(int(inc.fatalities))
    routes = ""
    if inc.route_ids:
        names = route_names or {}
        routes = ", ".join(esc(names.get(r.strip(), r.strip()))
                           for r in inc.route_ids.split(";") if r.strip())
    sub = f" — {esc(inc.sub_event_type)}" if inc.sub_event_type else ""
    parts = [
        '<div class="mp">',
        f'<div class="mp-head" style="border-left-color:{esc(colour)}">'
        f"{esc(inc.event_type)}{sub}</div>",
        '<table class="mp-table">',
        _row("Date", date_words(inc.event_date, inc.time_precision)),
        _row("Where", where),
        _row("Actor", _actor(inc)),
        _row("Against", esc(inc.actor2)),
        _row("Victims", victims),
        _row("Fatalities", fatalities),
        _row("Routes closed", routes),
        "</table>",
    ]
    if inc.quote:
        parts.append(f'<blockquote class="mp-quote">{esc(inc.quote)}</blockquote>')
    elif inc.notes:
        parts.append(f'<div class="mp-notes">{esc(inc.notes)}</div>')
    foot = []
    if inc.source:
        foot.append(f"Source: {source_html(inc.source)}")
    if inc.published:
        foot.append(f"published {esc(inc.published)}")
    if foot:
        parts.append(f'<div class="mp-src">{" · ".join(foot)}</div>')
    parts.append("</div>")
    return "".join(parts)


def incident_tooltip(inc: Incident) -> str:
    """One short line: type, place, date."""
    bits = [inc.sub_event_type or inc.event_type, inc.location, inc.event_date or ""]
    return " · ".join(esc(b) for b in bits if b)


def route_popup(route: Route) -> str:
    """The popup HTML of a corridor: status, since, actor and the sentence behind it."""
    status = {"blockaded": "Blockaded", "disrupted": "Disrupted"}.get(route.status,
                                                                      "Open / no report")
    since = date_words(route.since, 3 if route.since and len(route.since) == 7 else 1) \
        if route.since else ""
    parts = [
        '<div class="mp">',
        f'<div class="mp-head mp-route-{esc(route.status)}">{esc(route.name)}</div>',
        '<table class="mp-table">',
        _row("Status", esc(status)),
        _row("Since", since),
        _row("Imposed by", esc(route.actor)),
        _row("From", esc(route.from_country)),
        _row("To", esc(route.to)),
        _row("Line drawn", "through " + esc(route.waypoints) if route.geometry_source == "waypoints"
             and route.waypoints else esc(route.geometry_source)),
        "</table>",
    ]
    if route.quote:
        parts.append(f'<blockquote class="mp-quote">{esc(route.quote)}</blockquote>')
    parts.append('<div class="mp-src">Line is approximate (drawn between towns).</div>'
                 if route.geometry_source == "waypoints" else "")
    parts.append("</div>")
    return "".join(parts)


def place_popup(place: Place) -> str:
    """The popup HTML of a place mentioned in the report."""
    mentions = ", ".join(f"“{esc(m)}”" for m in (place.mentions or [place.mention]) if m)
    return "".join([
        '<div class="mp">',
        f'<div class="mp-head">{esc(place.name)}</div>',
        '<table class="mp-table">',
        _row("Written as", mentions),
        _row("Kind", esc(place.place_type)),
        _row("Region", esc(place.admin1)),
        _row("Country", esc(place.country or place.country_code)),
        _row("Position", esc(GEO_PRECISION_WORDS.get(place.geo_precision, ""))),
        _row("Gazetteer", esc(place.gazetteer_id)),
        "</table></div>",
    ])
