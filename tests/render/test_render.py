"""The rendered map without a browser: layers, names, escaping, clustering, offline assets."""
from __future__ import annotations

import json
import re

import pytest

from mapper.model import Incident, Place, Report, Route
from mapper.render import render, render_html, write_map
from mapper.render.layers import merge_routes, uncertainty_radius_m


def _overlays(html: str) -> list[str]:
    """Layer names as the layer control will show them (JSON-decoded, tags stripped)."""
    block = re.search(r"overlays\s*:\s*\{(.*?)\},\s*\};", html, re.S).group(1)
    names = [json.loads(k) for k in re.findall(r'^\s*("(?:[^"\\]|\\.)*")\s*:', block, re.M)]
    return [re.sub(r"<[^>]+>", "", n).strip() for n in names]


def _decoded(html: str) -> str:
    """The page with JSON string escapes undone: the HTML that Leaflet will insert."""
    html = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), html)
    return html.replace('\\"', '"')


def test_layer_names_for_the_sample(sample_report):
    html = render_html(sample_report, corridors=[])
    assert _overlays(html) == [
        "Violence against civilians (3)",
        "Strategic developments (blockades and others) (1)",
        "Blockaded supply routes (3)",
        "Places mentioned (5)",
        "Location uncertainty (2)",
        "Incident density (heat map)",
        "Country borders",
    ]
    # base maps online: OSM, a light one, satellite with attribution
    for base in ("OpenStreetMap", "Light (CartoDB Positron)", "Satellite (Esri World Imagery)"):
        assert json.dumps(base) in html
    assert "Tiles &copy; Esri" in _decoded(html)


def test_catalogue_corridors_drawn_faint_and_report_routes_win(sample_report, gazetteer):
    from mapper.routes import catalogue

    cat = catalogue(gazetteer)
    merged = merge_routes(sample_report.routes, cat, sample_report.incidents)
    by_id = {r.route_id: r for r in merged}
    assert by_id["dakar-bamako"].status == "blockaded"
    assert by_id["dakar-bamako"].quote.startswith("Since September")
    assert by_id["conakry-bamako"].status == "open"
    html = render_html(sample_report, corridors=cat)
    assert "Other supply corridors (1)" in _overlays(html)


def test_incident_route_ids_blockade_catalogue_routes():
    inc = Incident("b1", "Strategic developments", "Other", "Kayes", "Mali", "ML", 14.4, -11.4,
                   event_date="2025-09-03", actor1="JNIM", route_ids="dakar-bamako",
                   quote="JNIM blockades the Dakar road.")
    cat = [Route("dakar-bamako", "Dakar–Bamako corridor", "SN", "Bamako",
                 [(-17.4, 14.7), (-8.0, 12.6)]),
           Route("conakry-bamako", "Conakry–Bamako corridor", "GN", "Bamako",
                 [(-13.7, 9.5), (-8.0, 12.6)])]
    merged = {r.route_id: r for r in merge_routes([], cat, [inc])}
    assert merged["dakar-bamako"].status == "blockaded"
    assert merged["dakar-bamako"].since == "2025-09-03"
    assert merged["dakar-bamako"].actor == "JNIM"
    assert merged["conakry-bamako"].status == "open"


def test_hostile_report_is_escaped_everywhere(hostile_report):
    raw = render_html(hostile_report, corridors=[])
    for html in (raw, _decoded(raw)):
        # no payload survives as live markup, template syntax or a script link...
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert "${alert" not in html
        assert "`backtick`" not in html
        assert "back\\1slash" not in html
        assert 'href="javascript' not in html
    html = _decoded(raw)
    # ...and each one is still shown, as text, escaped exactly once
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&#36;{alert(1)}" in html
    assert "&#96;backtick&#96;" in html
    assert "back&#92;1slash" in html
    assert "&amp;lt;" not in html
    assert 'href="https://example.org/a?b=1&amp;c=&#96;x&#96;&#36;{y}"' in html


def test_title_panel_sources_and_dates(sample_report):
    html = _decoded(render_html(sample_report, corridors=[], title="Mali & <neighbours>"))
    assert "<title>Mali &amp; &lt;neighbours&gt;</title>" in html
    assert "15 September – 8 November 2025" in html
    assert "mali-2025-11-10.txt" in html
    assert "Not found in the gazetteer" in html and "Independence Square" in html
    assert "mapper gazetteer add" in html


def test_no_default_icons_or_font_assets(sample_report):
    html = render_html(sample_report, corridors=[])
    for asset in ("awesome-markers", "fontawesome", "bootstrap", "glyphicons", "jquery"):
        assert asset not in html.lower(), asset
    assert "L.Icon.Default" not in html


def test_uncertainty_radius():
    inc = Incident("u", "Battles", "Armed clash", "Kobri", "Mali", "ML", 14.1, -11.1)
    assert uncertainty_radius_m(inc, {}) is None
    inc.geo_precision = 2
    assert uncertainty_radius_m(inc, {}) == 25_000
    inc.geo_precision = 3
    assert uncertainty_radius_m(inc, {"kobri": "admin1"}) == 150_000
    inc.location = "Mali"
    # only the country known: a circle with Mali's area (1.24 million km², radius ≈ 630 km)
    mali = uncertainty_radius_m(inc, {"mali": "country"})
    assert 550_000 < mali < 700_000
    inc.location, inc.country, inc.country_code = "Senegal", "Senegal", "SN"
    assert 200_000 < uncertainty_radius_m(inc, {"senegal": "country"}) < mali / 2


def test_many_incidents_are_clustered_with_a_date_filter(synthetic):
    report = synthetic(500)
    m = render(report, corridors=[])
    html = m.get_root().render()
    assert html.count("L.markerClusterGroup(") == 6     # one per event type
    assert "leaflet.markercluster.js" in html
    assert "mapper-dates" in html and "mapper.filter" in html
    # markers travel as JSON rows, not as one JS marker statement each
    assert html.count("L.marker(") < 10
    small = render_html(Report(incidents=report.incidents[:20]), corridors=[])
    assert "L.markerClusterGroup(" not in small


def test_offline_html_is_self_contained(sample_report, tmp_path):
    path = write_map(sample_report, tmp_path / "m.html", offline=True, corridors=[])
    html = path.read_text(encoding="utf-8")
    assert not re.search(r'<script[^>]+src=', html)
    assert not re.search(r'<link[^>]+href=', html)
    assert "tile.openstreetmap.org" not in html
    assert "Leaflet 1.9" in html                 # inlined library
    assert '"maxZoom": 18' in html
    assert "Country borders" in html
    assert list(tmp_path.iterdir()) == [path]    # no temporary file left behind


def test_offline_clustered_map_inlines_markercluster(synthetic):
    html = render_html(synthetic(300), offline=True, corridors=[])
    assert "markerClusterGroup=function" in html or "MarkerClusterGroup" in html
    assert not re.search(r'<script[^>]+src=', html)


def test_empty_report_renders():
    html = render_html(Report(), corridors=[])
    assert "0 incidents" in html


def test_places_countries_are_not_points():
    places = [Place("Mali", "Mali", "g:1", "country", "ML", 14.7, -4.1, geo_precision=3),
              Place("Kayes", "Kayes", "g:2", "locality", "ML", 14.4, -11.4)]
    html = render_html(Report(places=places), corridors=[])
    assert "Places mentioned (1)" in _overlays(html)


@pytest.mark.parametrize("bad", ["rgb(1,2,3);x:expression(1)", "#12345g\"", "red\" onload=\""])
def test_bad_style_colour_falls_back(bad):
    from mapper.render.layers import icon_svg

    svg = icon_svg("circle", bad)
    assert 'fill="#555555"' in svg
