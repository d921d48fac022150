"""Turning a Report into map layers: incidents by type, routes, places, uncertainty, density.

Point layers are sent to the page as compact rows (``[lat, lon, popup, tooltip,
day, size]``), never as one Python marker object per incident, so 10,000
incidents render in well under a second.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from ..model import Incident, Place, Route
from .elements import DataLayer
from .escape import esc
from .placement import Layout, fan_offsets, point_along
from .popups import incident_popup, incident_tooltip, parse_day, place_popup, route_popup

__all__ = ["SHAPES", "icon_svg", "route_line_svg", "slug", "merge_routes", "incident_layers",
           "route_layers", "place_layer", "uncertainty_layer", "uncertainty_radius_m",
           "EPOCH"]

EPOCH = dt.date(1970, 1, 1)

#: icon name (data/style/event_types.csv) -> SVG body in a 20x20 box; ``{c}`` is the colour.
SHAPES = {
    "crosshairs": '<circle cx="10" cy="10" r="8.2" fill="{c}" stroke="#fff" stroke-width="1.6"/>'
                  '<path d="M10 4.5v11M4.5 10h11" stroke="#fff" stroke-width="2"/>',
    "bomb": '<path d="M10 0.8l2.3 5 5.2-1.7-1.7 5.2 5 2.3-5 2.3 1.7 5.2-5.2-1.7-2.3 5-2.3-5'
            '-5.2 1.7 1.7-5.2-5-2.3 5-2.3-1.7-5.2 5.2 1.7z" fill="{c}" stroke="#fff" '
            'stroke-width="1.3" stroke-linejoin="round" transform="translate(0 -1.2)"/>',
    "user-xmark": '<path d="M10 0.8 19.2 10 10 19.2 0.8 10z" fill="{c}" stroke="#fff" '
                  'stroke-width="1.6" stroke-linejoin="round"/>',
    "bullhorn": '<rect x="2" y="2" width="16" height="16" rx="2.5" fill="{c}" stroke="#fff" '
                'stroke-width="1.6"/>',
    "fire": '<path d="M10 1.2 19.2 18H0.8z" fill="{c}" stroke="#fff" stroke-width="1.6" '
            'stroke-linejoin="round"/>',
    "flag": '<path d="M3.5 1.5v17.5" stroke="#fff" stroke-width="4" stroke-linecap="round"/>'
            '<path d="M3.5 1.5v17.5" stroke="{c}" stroke-width="2" stroke-linecap="round"/>'
            '<path d="M4.5 2h13l-3.2 4.7 3.2 4.7h-13z" fill="{c}" stroke="#fff" '
            'stroke-width="1.4" stroke-linejoin="round"/>',
    "circle": '<circle cx="10" cy="10" r="8.2" fill="{c}" stroke="#fff" stroke-width="1.6"/>',
}

_COLOUR = re.compile(r"^#[0-9a-fA-F]{3,8}$|^[a-zA-Z]{3,20}$")

BASE_SIZE = 18
UNCERTAINTY_M = {2: 25_000, 3: 150_000}


def slug(text: str) -> str:
    """``Violence against civilians`` -> ``violence-against-civilians``."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def _colour(c: str | None) -> str:
    return c if c and _COLOUR.match(c) else "#555555"


def icon_svg(icon: str, colour: str) -> str:
    """The marker symbol of an event type as inline SVG (also used in the legend)."""
    body = SHAPES.get(icon, SHAPES["circle"]).replace("{c}", esc(_colour(colour)))
    return f'<svg viewBox="0 0 20 20" xmlns="http://www.w3.org/2000/svg">{body}</svg>'


def route_line_svg(colour: str, dash: str | None, width: float = 3, opacity: float = 1) -> str:
    """A short line sample for the legend."""
    d = f' stroke-dasharray="{esc(dash)}"' if dash else ""
    return (f'<svg viewBox="0 0 26 10" width="26" height="10"><path d="M1 5h24" '
            f'stroke="{esc(_colour(colour))}" stroke-width="{width}" '
            f'stroke-opacity="{opacity}"{d}/></svg>')


def day_number(value: str | None) -> int | None:
    d = parse_day(value)
    return None if d is None else (d - EPOCH).days


def marker_size(fatalities: int | None) -> int:
    """Bigger symbols for deadlier events: 18 px, up to 28 px."""
    if not fatalities or fatalities < 0:
        return BASE_SIZE
    return BASE_SIZE + min(10, round(4 * math.log2(1 + fatalities)))


def merge_routes(report_routes: Iterable[Route], corridors: Iterable[Route],
                 incidents: Iterable[Incident] = ()) -> list[Route]:
    """Report routes over catalogue corridors (by ``route_id``, the report's wins).

    A corridor that an incident closes (its ``route_ids``) but that the report
    does not carry as a route is shown blockaded, with the incident's date,
    actor and quote; every other corridor stays as it is in the catalogue.
    """
    out: dict[str, Route] = {c.route_id: c for c in corridors}
    given = {r.route_id for r in report_routes}
    for inc in sorted(incidents, key=lambda i: i.event_date or "9999"):
        for rid in (inc.route_ids or "").split(";"):
            rid = rid.strip()
            if rid and rid in out and rid not in given and out[rid].status == "open":
                out[rid] = dataclasses.replace(out[rid], status="blockaded",
                                               since=inc.event_date, actor=inc.actor1,
                                               quote=inc.quote or None)
    for r in report_routes:
        out[r.route_id] = r
    return list(out.values())


def incident_layers(incidents: list[Incident], styles: dict[str, dict[str, str]], *,
                    cluster: bool, route_names: dict[str, str],
                    offsets: list[tuple[int, int]] | None = None) -> list[DataLayer]:
    """One layer per event type present, in the order of ``styles`` (ACLED's order).

    Without clustering, markers that share a position are fanned out around it
    on screen (the coordinates are unchanged); clusters spiderfy them instead.
    """
    if offsets is None:
        offsets = ([(0, 0)] * len(incidents) if cluster else
                   fan_offsets([(i.latitude, i.longitude) for i in incidents]))
    by_type: dict[str, list[tuple[Incident, tuple[int, int]]]] = {}
    for inc, off in zip(incidents, offsets, strict=True):
        by_type.setdefault(inc.event_type, []).append((inc, off))
    order = [t for t in styles if t in by_type] + sorted(t for t in by_type if t not in styles)
    layers = []
    for etype in order:
        st = styles.get(etype, {"colour": "#555555", "icon": "circle", "label": etype})
        colour = _colour(st["colour"])
        svg = icon_svg(st["icon"], colour)
        rows = []
        for i, (dx, dy) in by_type[etype]:
            row = [round(i.latitude, 5), round(i.longitude, 5),
                   incident_popup(i, colour, route_names), incident_tooltip(i),
                   day_number(i.event_date), marker_size(i.fatalities)]
            if dx or dy:
                row += [dx, dy]
            rows.append(row)
        name = (f'<span class="ml-sym">{svg}</span> {esc(st.get("label") or etype)} '
                f'({len(rows)})')
        layers.append(DataLayer(name, "markers", rows,
                                {"svg": svg, "cls": f"mapper-incident mapper-t-{slug(etype)}",
                                 "size": BASE_SIZE},
                                key=f"incidents:{etype}", cluster=cluster))
    return layers


_ROUTE_STYLE = {
    "blockaded": ("Blockaded supply routes", {"color": "#c0392b", "weight": 4.5, "opacity": 0.95,
                                               "dashArray": "12 8", "lineCap": "butt"}),
    "disrupted": ("Disrupted supply routes", {"color": "#e67e22", "weight": 4, "opacity": 0.9,
                                               "dashArray": "6 6", "lineCap": "butt"}),
    "open": ("Other supply corridors", {"color": "#7f8c8d", "weight": 2.5, "opacity": 0.45,
                                        "dashArray": None}),
}


def route_style(status: str) -> tuple[str, dict[str, Any]]:
    from ..style import ROUTE_COLOURS

    name, style = _ROUTE_STYLE.get(status, _ROUTE_STYLE["open"])
    style = {k: v for k, v in style.items() if v is not None}
    style["color"] = ROUTE_COLOURS.get(status, style["color"])
    return name, style


def _line(r: Route) -> list[list[float]]:
    return [[round(x, 5), round(y, 5)] for x, y in r.coordinates]


def _since_words(since: str | None) -> str:
    d = parse_day(since)
    if d is None:
        return ""
    return f"since {d:%b %Y}" if since and len(since) == 7 else f"since {d.day} {d:%b %Y}"


def route_layers(routes: list[Route], layout: Layout | None = None) -> list[DataLayer]:
    """Blockaded (red, dashed, labelled), disrupted, then the other corridors (faint).

    Each blockaded or disrupted route gets a label box on its line, placed
    where ``layout`` says it hides least (else at 30 % of its length).
    """
    layers = []
    for status in ("blockaded", "disrupted", "open"):
        group = [r for r in routes if (r.status if r.status in _ROUTE_STYLE else "open") == status
                 and len(r.coordinates) >= 2]
        if not group:
            continue
        name, style = route_style(status)
        style["className"] = f"mapper-route mapper-route-{status}"
        feats = []
        for r in group:
            word = {"blockaded": "blockaded", "disrupted": "disrupted"}.get(status)
            props: dict[str, Any] = {"popup": route_popup(r),
                                     "tip": esc(r.name) + (f" — {word}" if word else "")}
            if word:
                short = re.sub(r"\s+corridor$", "", r.name.strip(), flags=re.I)
                since = _since_words(r.since)
                props["label"] = (f"{esc(short)}: {word.upper()}"
                                  + (f" <small>{esc(since)}</small>" if since else ""))
                text = f"{short}: {word} {since}"
                if layout is not None:
                    props["at"] = layout.along(r.coordinates, text)
                else:
                    lat, lon = point_along(r.coordinates, 0.3)
                    props["at"] = [round(lat, 5), round(lon, 5)]
            feats.append({"type": "Feature", "properties": props,
                          "geometry": {"type": "LineString", "coordinates": _line(r)}})
        layers.append(DataLayer(esc(name) + f" ({len(group)})", "lines",
                                {"type": "FeatureCollection", "features": feats},
                                {"style": style, "status": status}, key=f"routes:{status}"))
    return layers


LABELLED_TYPES = ("locality", "admin2", "feature", "admin1", "region")
REGION_TYPES = ("admin1", "region")


def place_layer(places: list[Place], *, layout: Layout | None = None,
                permanent_max: int = 40) -> DataLayer | None:
    """Small circles for every place the report mentions.

    Towns, features and regions get a permanent label (when there are at most
    ``permanent_max`` of them), put on the side where it hides least. Countries
    are not drawn as points: their outline label is emphasised instead.
    """
    places = [p for p in places if p.place_type != "country"]
    if not places:
        return None
    labelled = [i for i, p in enumerate(places) if p.place_type in LABELLED_TYPES]
    labelled.sort(key=lambda i: (places[i].role != "event", i))
    sides: dict[int, str] = {}
    if layout is not None and len(labelled) <= permanent_max:
        for i in labelled:
            p = places[i]
            text = p.name + (" (region)" if p.place_type in REGION_TYPES else "")
            sides[i] = layout.label_side(p.latitude, p.longitude, text)
    rows = []
    for i, p in enumerate(places):
        region = p.place_type in REGION_TYPES
        text = esc(p.name) + (" (region)" if region else "")
        row = [round(p.latitude, 5), round(p.longitude, 5), place_popup(p), text]
        if i in sides:
            row += [sides[i], 1 if region else 0]
        rows.append(row)
    return DataLayer(f"Places mentioned ({len(rows)})", "places", rows,
                     {"radius": 4, "cls": "mapper-place", "pane": "mapper-places"},
                     key="places")


def uncertainty_radius_m(inc: Incident, place_types: dict[str, str]) -> int | None:
    """Radius of the circle showing where an imprecise incident may be, in metres.

    precision 2 ("near X"): about 25 km; precision 3: 150 km for a region,
    300 km when only the country is known; precision 1: no circle.
    """
    if inc.geo_precision == 2:
        return UNCERTAINTY_M[2]
    if inc.geo_precision != 3:
        return None
    loc = (inc.location or "").strip().casefold()
    kind = place_types.get(loc)
    if not loc or kind == "country" or loc == (inc.country or "").strip().casefold():
        return country_radius_m(inc.country_code)
    return UNCERTAINTY_M[3]


def country_radius_m(iso2: str | None) -> int:
    """A circle as large as the country (same area), so a country-level incident reads as
    "somewhere in Mali", not "near the country's centre"; 300 km without outlines."""
    from .offline import country_area_km2

    area = country_area_km2(iso2) if iso2 else None
    if not area:
        return 300_000
    return int(min(1_500_000, max(100_000, math.sqrt(area / math.pi) * 1000)))


def uncertainty_layer(incidents: list[Incident], places: list[Place],
                      styles: dict[str, dict[str, str]]) -> DataLayer | None:
    """Dashed circles around incidents placed only approximately (geo_precision 2 and 3)."""
    kinds = {}
    for p in places:
        for n in [p.name, p.mention, *(p.mentions or [])]:
            if n:
                kinds.setdefault(n.strip().casefold(), p.place_type)
    rows = []
    for inc in incidents:
        radius = uncertainty_radius_m(inc, kinds)
        if radius is None:
            continue
        if inc.geo_precision == 3 and (inc.location or "").strip().casefold() == \
                (inc.country or "").strip().casefold():
            tip = f"Only the country is known: somewhere in {esc(inc.country)}"
        else:
            tip = (f"Position approximate: within about {radius // 1000} km of "
                   f"{esc(inc.location or inc.country)}")
        colour = _colour(styles.get(inc.event_type, {}).get("colour"))
        rows.append([round(inc.latitude, 5), round(inc.longitude, 5), radius, tip,
                     day_number(inc.event_date), colour])
    if not rows:
        return None
    return DataLayer(f"Location uncertainty ({len(rows)})", "circles", rows,
                     {"color": "#555555", "cls": "mapper-uncertainty",
                      "pane": "mapper-uncertainty"}, key="uncertainty")


def type_counts(incidents: list[Incident]) -> Counter:
    return Counter(i.event_type for i in incidents)
