"""The layered Leaflet map of a report (folium), online or as one self-contained file.

Examples
--------
>>> from mapper.model import Report
>>> m = render(Report(), corridors=[])
>>> type(m).__name__
'Map'
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from ..files import write_atomic
from ..model import Report, Route
from .escape import esc, link, safe_url
from .popups import date_range_words, parse_day, source_html

__all__ = ["render", "render_html", "write_map", "write_atomic", "esc", "link", "safe_url",
           "CLUSTER_THRESHOLD"]

log = logging.getLogger(__name__)

#: above this many incidents, markers are clustered per event type
CLUSTER_THRESHOLD = 200
#: the date slider appears with at least this many distinct dates (or when clustering)
DATE_FILTER_MIN_DAYS = 8

_LEAFLET_JS = [("leaflet", "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js")]
_LEAFLET_CSS = [("leaflet_css", "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css")]

_TILES = [
    ("OpenStreetMap", "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
     '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
     19),
    ("Light (CartoDB Positron)", "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png",
     '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors '
     '&copy; <a href="https://carto.com/attributions">CARTO</a>', 20),
    ("Satellite (Esri World Imagery)",
     "https://server.arcgisonline.com/ArcGIS/rest/services/World_Imagery/MapServer/tile/"
     "{z}/{y}/{x}",
     "Tiles &copy; Esri &mdash; Source: Esri, i-cubed, USDA, USGS, AEX, GeoEye, Getmapping, "
     "Aerogrid, IGN, IGP, UPR-EGP, and the GIS User Community", 18),
]
_DEFAULT_BASE = "Light (CartoDB Positron)"


def _default_corridors() -> list[Route]:
    try:
        from ..gazetteer import Gazetteer
        from ..routes import catalogue

        return catalogue(Gazetteer(progress=False))
    except Exception as exc:  # the map still works without the faint corridors
        log.warning("corridor catalogue unavailable (%s); drawing the report's routes only", exc)
        return []


def _bounds(report: Report, routes: list[Route]) -> tuple[float, float, float, float] | None:
    pts = [(i.longitude, i.latitude) for i in report.incidents]
    # Countries are not drawn as points, and a passing mention of "France" or
    # "the United States" must not zoom the map out to the whole Atlantic.
    pts += [(p.longitude, p.latitude) for p in report.places if p.place_type != "country"]
    pts += [c for r in routes if r.status != "open" for c in r.coordinates]
    if not pts:
        pts = [(p.longitude, p.latitude) for p in report.places]
    if not pts:
        pts = [c for r in routes for c in r.coordinates]
    if not pts:
        return None
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


def _sources(report: Report) -> list[str]:
    seen: dict[str, None] = {}
    for s in [*(report.source or "").split("; "), *(i.source for i in report.incidents)]:
        if s and s.strip():
            seen.setdefault(s.strip(), None)
    return list(seen)


def _default_title(report: Report) -> str:
    """``Mali: 5 incidents reported`` (when no title is given; the sources are listed below it)."""
    countries = list(dict.fromkeys(i.country for i in report.incidents if i.country))
    n = len(report.incidents)
    what = f"{n} incident{'s' * (n != 1)} reported"
    where = ", ".join(countries[:3]) + (" and others" if len(countries) > 3 else "")
    return f"{where}: {what}" if where else what[0].upper() + what[1:]


def _title_html(report: Report, title: str, routes: list[Route], n_places: int) -> str:
    srcs = _sources(report)
    shown = "; ".join(source_html(s) for s in srcs[:4])
    if len(srcs) > 4:
        shown += f" and {len(srcs) - 4} more"
    days = [d for d in (parse_day(i.event_date) for i in report.incidents) if d]
    when = date_range_words(days)
    lines = [f"<h1>{esc(title)}</h1>"]
    if shown:
        lines.append(f'<div class="mt-line">Source{"s" if len(srcs) > 1 else ""}: {shown}'
                     + (f" (published {esc(report.published)})" if report.published else "")
                     + "</div>")
    if when:
        lines.append(f'<div class="mt-line">Events: {esc(when)}</div>')
    blockaded = sum(r.status == "blockaded" for r in routes)
    counts = [f"{len(report.incidents)} incident{'s' * (len(report.incidents) != 1)}"]
    if blockaded:
        counts.append(f"{blockaded} blockaded supply route{'s' * (blockaded != 1)}")
    n_countries = sum(p.place_type == "country" for p in report.places)
    n_points = n_places - n_countries
    if n_points:
        counts.append(f"{n_points} place{'s' * (n_points != 1)} mentioned")
    if n_countries:  # outlined on the map, not drawn as points
        counts.append(f"{n_countries} countr{'ies' if n_countries != 1 else 'y'} named")
    lines.append(f'<div class="mt-count">{" · ".join(counts)}</div>')
    return "".join(lines)


def _legend_html(report: Report, styles: dict, routes: list[Route], has_uncertainty: bool) -> str:
    from .layers import icon_svg, route_line_svg, route_style, type_counts

    counts = type_counts(report.incidents)
    rows = ["<h2>Legend</h2>"]
    for etype, st in styles.items():
        if counts.get(etype):
            sym = icon_svg(st["icon"], st["colour"])
            rows.append(f'<div class="ml-row"><span class="ml-sym">{sym}'
                        f'</span>{esc(st.get("label") or etype)}'
                        f'<span class="ml-n">{counts[etype]}</span></div>')
    for etype in sorted(set(counts) - set(styles)):
        rows.append(f'<div class="ml-row"><span class="ml-sym">{icon_svg("circle", "#555")}'
                    f'</span>{esc(etype)}<span class="ml-n">{counts[etype]}</span></div>')
    if report.incidents:
        rows.append('<div class="ml-row mp-muted">Larger symbol: more fatalities</div>')
    statuses = {r.status for r in routes}
    for status in ("blockaded", "disrupted", "open"):
        if status in statuses:
            name, st = route_style(status)
            rows.append(f'<div class="ml-row"><span class="ml-sym">'
                        f'{route_line_svg(st["color"], st.get("dashArray"), 3, st["opacity"])}'
                        f"</span>{esc(name)}</div>")
    if report.places:
        rows.append('<div class="ml-row"><span class="ml-sym"><svg viewBox="0 0 20 20">'
                    '<circle cx="10" cy="10" r="4.5" fill="#fff" stroke="#333" '
                    'stroke-width="1.6"/></svg></span>Place mentioned in the report</div>')
    if has_uncertainty:
        rows.append('<div class="ml-row"><span class="ml-sym"><svg viewBox="0 0 20 20">'
                    '<circle cx="10" cy="10" r="8" fill="#555" fill-opacity=".08" stroke="#555" '
                    'stroke-dasharray="3 2"/></svg></span>Approximate position (area)</div>')
    return "".join(rows)


def _unresolved_html(names: list[str]) -> str:
    items = "".join(f"<li>{esc(n)}</li>" for n in names[:25])
    more = f"<li>… and {len(names) - 25} more</li>" if len(names) > 25 else ""
    return ("<h2>Not found in the gazetteer</h2>"
            f"<ul>{items}{more}</ul>"
            "<div>— add with<br><code>mapper gazetteer add NAME LAT LON --country CC</code></div>")


def _layout(report: Report, bounds: tuple[float, float, float, float],
            offsets: list[tuple[int, int]], country_labels: list[list[Any]], *,
            n_layers: int, n_legend: int) -> Any:
    """What is already on screen in the opening view, for placing labels around it."""
    from .placement import VIEW, Layout

    lay = Layout.for_view(bounds)
    w, h = VIEW
    lay.add_panel(0, 0, 400, 130)                                # title
    lay.add_panel(0, 130, 50, 200)                               # zoom buttons
    lay.add_panel(w - 380, 0, w, 20 * n_layers + 20)             # layer control
    lay.add_panel(w - 350, h - 21 * n_legend - 40, w, h)         # legend
    if report.unresolved:
        lay.add_panel(0, h - 40 - 18 * min(len(report.unresolved), 25) - 50, 340, h)
    for inc, (dx, dy) in zip(report.incidents, offsets, strict=True):
        lay.add_point(inc.latitude, inc.longitude, 13, dx, dy)
    for p in report.places:
        if p.place_type != "country":
            lay.add_point(p.latitude, p.longitude, 5)
    for lat, lon, name, _ in country_labels:
        lay.add_text(lat, lon, name)
    return lay


def render(report: Report, *, title: str | None = None, offline: bool = False,
           corridors: list[Route] | None = None, cluster_threshold: int = CLUSTER_THRESHOLD,
           time_filter: bool | None = None, heat: bool = True) -> Any:
    """Draw a report as a layered folium map.

    Parameters
    ----------
    report : Report
        Places, incidents and routes (from extraction or an incident file).
    title : str, optional
        Title panel heading; defaults to the report's title or its source.
    offline : bool
        No tile layers (they need the network); country outlines are drawn on a
        plain background instead. Use :func:`render_html` to also inline the assets.
    corridors : list of Route, optional
        The corridor catalogue; ``None`` loads ``data/gazetteer/routes.csv``
        through the gazetteer, ``[]`` draws only the report's routes.
    cluster_threshold : int
        Cluster markers when there are more incidents than this.
    time_filter : bool, optional
        Force the date slider on or off; by default it appears with many dates.
    heat : bool
        Add the (hidden by default) incident density layer.

    Returns
    -------
    folium.Map
    """
    import folium
    from folium.plugins import HeatMap

    from ..style import event_styles
    from .elements import DataLayer, DateFilter, FitView, HtmlControl, MapperAssets, ZoomControl
    from .layers import (
        EPOCH,
        incident_layers,
        merge_routes,
        place_layer,
        route_layers,
        uncertainty_layer,
    )
    from .offline import country_outlines
    from .placement import MAX_ZOOM, PADDING_BR, PADDING_TL, fan_offsets

    styles = event_styles()
    routes = merge_routes(report.routes, _default_corridors() if corridors is None else corridors,
                          report.incidents)
    route_names = {r.route_id: r.name for r in routes}
    bounds = _bounds(report, routes)
    heading = title or report.title or _default_title(report)

    m = folium.Map(location=[15.0, -5.0], zoom_start=5, tiles=None, zoom_control=False,
                   control_scale=True)
    m.options["maxZoom"] = 18
    m.options["minZoom"] = 2
    m.options["zoomSnap"] = 0.5
    m.default_js = list(_LEAFLET_JS)
    m.default_css = list(_LEAFLET_CSS)
    m.get_root().title = esc(heading)
    MapperAssets(offline=offline).add_to(m)

    if not offline:
        for name, url, attr, max_zoom in _TILES:
            folium.TileLayer(url, attr=attr, name=esc(name), max_zoom=max_zoom,
                             show=name == _DEFAULT_BASE, overlay=False).add_to(m)

    cluster = len(report.incidents) > cluster_threshold
    mentioned = frozenset(p.country_code.upper() for p in report.places
                          if p.place_type == "country" and p.country_code)
    fc, labels = country_outlines(bounds, mentioned=mentioned)
    offsets = ([(0, 0)] * len(report.incidents) if cluster else
               fan_offsets([(i.latitude, i.longitude) for i in report.incidents]))
    layout = None
    if bounds and not cluster:
        layout = _layout(report, bounds, offsets, labels if offline else [],
                         n_layers=len({i.event_type for i in report.incidents}) + 6,
                         n_legend=len({i.event_type for i in report.incidents}) + 6)
    for layer in incident_layers(report.incidents, styles, cluster=cluster,
                                 route_names=route_names, offsets=offsets):
        layer.add_to(m)
    for layer in route_layers(routes, layout):
        layer.add_to(m)
    places = place_layer(report.places, layout=layout)
    if places is not None:
        places.add_to(m)
    unc = uncertainty_layer(report.incidents, report.places, styles)
    if unc is not None:
        unc.add_to(m)
    heat_layer = None
    if heat and report.incidents:
        heat_layer = HeatMap([[i.latitude, i.longitude] for i in report.incidents],
                             name="Incident density (heat map)", show=False, radius=22,
                             blur=18, min_opacity=0.35)
        heat_layer.add_to(m)

    if fc["features"]:
        style = ({"color": "#8c8579", "weight": 1, "fillColor": "#f4f1ea", "fillOpacity": 1}
                 if offline else {"color": "#5d5d5d", "weight": 1.2, "fillOpacity": 0})
        DataLayer("Country borders", "outlines", fc,
                  {"style": style, "pane": "mapper-outlines"}, key="outlines",
                  labels=[[lat, lon, esc(name), flag] for lat, lon, name, flag in labels],
                  show=offline).add_to(m)

    folium.LayerControl(collapsed=False, position="topright").add_to(m)
    HtmlControl(_title_html(report, heading, routes, len(report.places)), "topleft",
                "mapper-title").add_to(m)
    ZoomControl().add_to(m)
    HtmlControl(_legend_html(report, styles, routes, unc is not None), "bottomright",
                "mapper-legend").add_to(m)
    if report.unresolved:
        HtmlControl(_unresolved_html(list(report.unresolved)), "bottomleft",
                    "mapper-unresolved").add_to(m)

    days = sorted({d for d in (parse_day(i.event_date) for i in report.incidents) if d})
    show_filter = time_filter if time_filter is not None else (
        len(days) >= DATE_FILTER_MIN_DAYS or (cluster and len(days) > 1))
    if show_filter and len(days) > 1:
        nums = [(d - EPOCH).days for d in days]
        heat_pts = [[i.latitude, i.longitude, 1, (d - EPOCH).days if d else None]
                    for i, d in ((i, parse_day(i.event_date)) for i in report.incidents)]
        DateFilter(nums, [d.isoformat() for d in days], heat=heat_layer,
                   heat_points=heat_pts if heat_layer is not None else None).add_to(m)

    if bounds:
        w, s, e, n = bounds
        FitView([[s, w], [n, e]], PADDING_TL, PADDING_BR, MAX_ZOOM).add_to(m)
    return m


def render_html(report: Report, *, offline: bool = False, **kwargs: Any) -> str:
    """The map as one HTML string; with ``offline`` every script and stylesheet is inlined."""
    m = render(report, offline=offline, **kwargs)
    html = m.get_root().render()
    if offline:
        from .offline import inline_assets

        html = inline_assets(html)
    return html


def write_map(report: Report, path: str | Path, *, offline: bool = False,
              **kwargs: Any) -> Path:
    """Render and write the map atomically; returns the path written."""
    return write_atomic(path, render_html(report, offline=offline, **kwargs))


