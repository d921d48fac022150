"""Custom folium map pieces: data layers fed from compact JSON, HTML panels, the date filter.

Each piece is a branca ``MacroElement`` (or ``JSCSSMixin, Layer`` when it needs
Leaflet plugins) with a ``script`` macro, following folium's element pattern.
Data reaches the page only through ``tojson`` (which escapes ``<``, ``>``, ``&``
and ``'``), and every piece of HTML in that data was built from strings that
went through :func:`mapper.render.escape.esc`.
"""
from __future__ import annotations

from typing import Any

from branca.element import MacroElement
from folium.elements import JSCSSMixin
from folium.map import Layer
from folium.template import Template

__all__ = ["MapperAssets", "DataLayer", "HtmlControl", "DateFilter", "MARKERCLUSTER_JS",
           "MARKERCLUSTER_CSS", "ZoomControl", "FitView"]

# The same names and URLs as folium's own plugins, so each library is loaded once
# and offline.inline() finds its packaged copy.
MARKERCLUSTER_JS = [("markerclusterjs", "https://cdnjs.cloudflare.com/ajax/libs/"
                     "leaflet.markercluster/1.1.0/leaflet.markercluster.js")]
MARKERCLUSTER_CSS = [
    ("markerclustercss",
     "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/MarkerCluster.css"),
    ("markerclusterdefaultcss",
     "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/MarkerCluster.Default.css"),
]

_CSS = """
.leaflet-container { font: 13px/1.35 "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
.mapper-offline.leaflet-container { background: #c9dbe6; }
.mapper-icon { background: none; border: none; }
.mapper-icon svg { width: 100%; height: 100%; overflow: visible;
  filter: drop-shadow(0 1px 1.5px rgba(0,0,0,.45)); }
.mapper-panel { background: rgba(255,255,255,.95); border-radius: 6px; padding: 8px 11px;
  box-shadow: 0 1px 5px rgba(0,0,0,.35); max-width: 360px; color: #222; }
.mapper-title h1 { font-size: 17px; margin: 0 0 3px; line-height: 1.25; }
.mapper-title .mt-line { color: #444; font-size: 12px; }
.mapper-title .mt-count { margin-top: 3px; font-size: 12px; color: #222; }
.mapper-legend h2, .mapper-unresolved h2, .mapper-dates h2 { font-size: 12px; margin: 0 0 5px;
  text-transform: uppercase; letter-spacing: .04em; color: #555; }
.mapper-legend .ml-row { display: flex; align-items: center; gap: 7px; margin: 3px 0;
  font-size: 12.5px; }
.mapper-legend .ml-sym { width: 26px; height: 18px; display: inline-flex; align-items: center;
  justify-content: center; flex: none; }
.mapper-legend .ml-sym svg { width: 17px; height: 17px; overflow: visible; }
.mapper-legend .ml-n { color: #666; margin-left: auto; padding-left: 8px; }
.mapper-unresolved { max-width: 300px; font-size: 12px; }
.mapper-unresolved ul { margin: 2px 0 4px; padding-left: 18px; }
.mapper-unresolved code { font-size: 11px; background: #f2f2f2; padding: 1px 4px;
  display: inline-block; white-space: nowrap; margin-top: 2px; }
.mapper-dates { font-size: 12px; min-width: 260px; }
.mapper-dates input { width: 100%; margin: 2px 0; }
.mapper-tip { font-size: 12px; }
.mapper-place-label { background: rgba(255,255,255,.82); border: none; box-shadow: none;
  padding: 0 4px; font-size: 11.5px; font-weight: 600; color: #222; border-radius: 3px; }
.mapper-place-label::before { display: none; }
.mapper-country-label span { position: absolute; transform: translate(-50%, -50%);
  color: #8a8170; font-size: 12px; font-weight: 600; letter-spacing: .12em;
  text-transform: uppercase; white-space: nowrap; pointer-events: none;
  text-shadow: 0 0 3px #f4f1ea, 0 0 3px #f4f1ea; }
.mapper-country-label.mentioned span { color: #3d382f; font-size: 13px; }
.mapper-route-label span { position: absolute; transform: translate(-50%, -50%);
  white-space: nowrap; background: #fff; border: 2px solid #c0392b; color: #a93226;
  border-radius: 4px; padding: 1px 6px; font-size: 12px; font-weight: 700;
  box-shadow: 0 1px 3px rgba(0,0,0,.3); }
.mapper-route-label-disrupted span { border-color: #e67e22; color: #b9590f; }
.mapper-route-label small { font-weight: 600; color: #555; }
.mapper-place-label.mp-region { font-style: italic; font-weight: 500; color: #555; }
.mp { font-size: 12.5px; min-width: 240px; }
.mp-head { font-weight: 700; font-size: 13.5px; border-left: 5px solid #999; padding-left: 7px;
  margin-bottom: 5px; }
.mp-head.mp-route-blockaded { border-left-color: #c0392b; }
.mp-table { border-collapse: collapse; width: 100%; }
.mp-table th { text-align: left; vertical-align: top; color: #666; font-weight: 600;
  padding: 1px 8px 1px 0; white-space: nowrap; }
.mp-table td { padding: 1px 0; }
.mp-muted { color: #777; }
.mp-flag { color: #a0522d; font-weight: 600; }
.mp-quote { margin: 6px 0 4px; padding: 4px 8px; border-left: 3px solid #ccc; color: #333;
  font-style: italic; max-height: 9em; overflow: auto; }
.mp-notes { margin: 6px 0 4px; color: #333; }
.mp-src { color: #555; font-size: 11.5px; margin-top: 4px; word-break: break-word; }
.leaflet-control-layers-overlays label span .ml-sym svg { width: 13px; height: 13px; }
.leaflet-control-layers { font-size: 12.5px; }
"""

_JS = r"""
(function () {
  if (window.mapper) { return; }
  var M = window.mapper = {filterable: [], heat: null, groups: {}};
  function fill(group, layers) {
    if (group.addLayers) { group.addLayers(layers); return; }
    for (var i = 0; i < layers.length; i++) { group.addLayer(layers[i]); }
  }
  function keep(layers, lo, hi) {
    return layers.filter(function (l) {
      var d = l._mapperDay;
      return d === null || d === undefined || (d >= lo && d <= hi);
    });
  }
  M.register = function (key, group, all) {
    M.groups[key] = {group: group, all: all};
    if (all) { M.filterable.push(M.groups[key]); }
  };
  M.markers = function (key, group, rows, o) {
    var icons = {}, all = [];
    function icon(s, dx, dy) {
      var k = s + ',' + dx + ',' + dy;
      if (!icons[k]) {
        icons[k] = L.divIcon({html: o.svg, className: 'mapper-icon ' + o.cls,
          iconSize: [s, s], iconAnchor: [s / 2 - dx, s / 2 - dy],
          popupAnchor: [0, -s / 2], tooltipAnchor: [s / 2, 0]});
      }
      return icons[k];
    }
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      var m = L.marker([r[0], r[1]], {icon: icon(r[5] || o.size, r[6] || 0, r[7] || 0),
        keyboard: false,
        riseOnHover: true, title: ''});
      if (r[2]) { m.bindPopup(r[2], {maxWidth: 380, minWidth: 250}); }
      if (r[3]) { m.bindTooltip(r[3], {direction: 'top', className: 'mapper-tip'}); }
      m._mapperDay = r[4];
      all.push(m);
    }
    fill(group, all);
    M.register(key, group, all);
  };
  M.circles = function (key, group, rows, o) {
    var all = [];
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      var c = L.circle([r[0], r[1]], {radius: r[2], color: r[5] || o.color, weight: 1.2,
        dashArray: '4 4', fillColor: r[5] || o.color,
        fillOpacity: r[2] > 200000 ? 0.035 : 0.07,
        className: o.cls, interactive: !!r[3], pane: o.pane || 'overlayPane'});
      if (r[3]) { c.bindTooltip(r[3], {sticky: true, className: 'mapper-tip'}); }
      c._mapperDay = r[4];
      all.push(c);
    }
    fill(group, all);
    M.register(key, group, all);
  };
  var OFFSETS = {right: [5, 0], left: [-5, 0], top: [0, -5], bottom: [0, 5]};
  M.places = function (key, group, rows, o) {
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      var p = L.circleMarker([r[0], r[1]], {radius: o.radius, color: '#333', weight: 1.5,
        fillColor: '#fff', fillOpacity: 1, className: o.cls, pane: o.pane || 'overlayPane'});
      if (r[2]) { p.bindPopup(r[2], {maxWidth: 320}); }
      if (r[3]) {
        var dir = r[4] || 'right', perm = !!r[4];
        p.bindTooltip(r[3], {permanent: perm, direction: perm ? dir : 'top',
          offset: OFFSETS[dir] || [0, 0], opacity: 1,
          className: perm ? 'mapper-place-label' + (r[5] ? ' mp-region' : '') : 'mapper-tip'});
      }
      group.addLayer(p);
    }
    M.register(key, group, null);
  };
  M.lines = function (key, group, data, o) {
    L.geoJSON(data, {
      style: function () { return o.style; },
      onEachFeature: function (f, l) {
        var p = f.properties || {};
        if (p.popup) { l.bindPopup(p.popup, {maxWidth: 380}); }
        if (p.tip) { l.bindTooltip(p.tip, {sticky: true, className: 'mapper-tip'}); }
        group.addLayer(l);
        if (p.label && p.at) {
          var lab = L.marker(p.at, {interactive: !!p.popup, keyboard: false, pane: 'mapper-labels',
            icon: L.divIcon({className: 'mapper-route-label mapper-route-label-' + o.status,
              html: '<span>' + p.label + '</span>', iconSize: [0, 0]})});
          if (p.popup) { lab.bindPopup(p.popup, {maxWidth: 380}); }
          group.addLayer(lab);
        }
      }
    });
    M.register(key, group, null);
  };
  M.outlines = function (key, group, data, labels, o) {
    var pane = o.pane;
    group.addLayer(L.geoJSON(data, {style: function () { return o.style; },
      interactive: false, pane: pane}));
    for (var i = 0; i < labels.length; i++) {
      var r = labels[i];
      group.addLayer(L.marker([r[0], r[1]], {interactive: false, keyboard: false, pane: pane,
        icon: L.divIcon({className: 'mapper-country-label' + (r[3] ? ' mentioned' : ''),
          html: '<span>' + r[2] + '</span>', iconSize: [0, 0]})}));
    }
    M.register(key, group, null);
  };
  M.filter = function (lo, hi) {
    for (var i = 0; i < M.filterable.length; i++) {
      var f = M.filterable[i];
      f.group.clearLayers();
      fill(f.group, keep(f.all, lo, hi));
    }
    if (M.heat) {
      M.heat.layer.setLatLngs(M.heat.points.filter(function (p) {
        return p[3] === null || (p[3] >= lo && p[3] <= hi);
      }).map(function (p) { return [p[0], p[1], p[2]]; }));
    }
  };
  M.fit = function (map, bounds, opts) {
    var touched = false;
    map.fitBounds(bounds, opts);
    // A window resized while the page opens (headless screenshots do this) would
    // keep a view fitted to the wrong size: refit until the reader moves the map.
    ['mousedown', 'wheel', 'keydown', 'touchstart'].forEach(function (ev) {
      map.getContainer().addEventListener(ev, function () { touched = true; }, true);
    });
    map.on('resize', function () { if (!touched) { map.fitBounds(bounds, opts); } });
  };
  M.control = function (map, html, position, cls) {
    var c = L.control({position: position});
    c.onAdd = function () {
      var div = L.DomUtil.create('div', 'mapper-panel ' + cls);
      div.innerHTML = html;
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      return div;
    };
    c.addTo(map);
    return c;
  };
})();
"""


class MapperAssets(MacroElement):
    """The shared CSS and the small ``window.mapper`` helper every data layer calls."""

    _template = Template("""
        {% macro header(this, kwargs) %}
        <style>{{ this.css }}</style>
        <script>{{ this.js }}</script>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        (function (map) {
          var panes = {'mapper-outlines': 250, 'mapper-uncertainty': 350, 'mapper-places': 450,
                       'mapper-labels': 590};
          for (var p in panes) { map.createPane(p).style.zIndex = panes[p]; }
          {% if this.offline %}map.getContainer().classList.add('mapper-offline');{% endif %}
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, offline: bool = False):
        super().__init__()
        self._name = "MapperAssets"
        self.css = _CSS
        self.js = _JS
        self.offline = offline


class DataLayer(JSCSSMixin, Layer):
    """One toggleable layer whose features arrive as one JSON blob.

    Parameters
    ----------
    name : str
        Layer name shown in the layer control (already escaped HTML).
    kind : {"markers", "circles", "places", "lines", "outlines"}
        Which ``window.mapper`` builder draws the data.
    data : list or dict
        Rows (points) or a GeoJSON FeatureCollection (lines, outlines).
    options : dict
        Options for the builder (icon SVG, colours, line style...).
    key : str
        Stable key under which the page registers the layer (``mapper.groups[key]``).
    cluster : bool
        Put point markers in a ``L.markerClusterGroup``.
    labels : list, optional
        ``[lat, lon, html, mentioned]`` rows drawn as text (outlines only).
    show : bool
        Whether the layer is on when the map opens.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = {% if this.cluster -%}
            L.markerClusterGroup({{ this.cluster_options|tojavascript }})
        {%- else -%}L.featureGroup(){%- endif %};
        {% if this.kind == "outlines" -%}
        mapper.outlines({{ this.key|tojson }}, {{ this.get_name() }}, {{ this.data|tojson }},
            {{ this.labels|tojson }}, {{ this.options|tojson }});
        {%- else -%}
        mapper.{{ this.kind }}({{ this.key|tojson }}, {{ this.get_name() }},
            {{ this.data|tojson }}, {{ this.options|tojson }});
        {%- endif %}
        {% endmacro %}
    """)

    def __init__(self, name: str, kind: str, data: Any, options: dict[str, Any], *,
                 key: str, cluster: bool = False, labels: list | None = None,
                 show: bool = True, control: bool = True):
        super().__init__(name=name, overlay=True, control=control, show=show)
        if kind not in {"markers", "circles", "places", "lines", "outlines"}:
            raise ValueError(f"unknown layer kind {kind!r}")
        self._name = "MapperLayer"
        self.kind = kind
        self.key = key
        self.data = data
        self.options = options
        self.labels = labels or []
        self.cluster = cluster
        self.cluster_options = {"showCoverageOnHover": False, "chunkedLoading": True,
                                "maxClusterRadius": 45}
        self.default_js = list(MARKERCLUSTER_JS) if cluster else []
        self.default_css = list(MARKERCLUSTER_CSS) if cluster else []


class HtmlControl(MacroElement):
    """A fixed panel (title, legend, unresolved names) as a Leaflet control.

    ``html`` must already be safe: built by us from escaped strings.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        mapper.control({{ this._parent.get_name() }}, {{ this.html|tojson }},
            {{ this.position|tojson }}, {{ this.css_class|tojson }});
        {% endmacro %}
    """)

    def __init__(self, html: str, position: str = "topleft", css_class: str = ""):
        super().__init__()
        self._name = "MapperPanel"
        self.html = html
        self.position = position
        self.css_class = css_class


class FitView(MacroElement):
    """Fit the opening view to ``bounds`` ([[south, west], [north, east]]) around the panels."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        mapper.fit({{ this._parent.get_name() }}, {{ this.bounds|tojson }},
            {{ this.options|tojson }});
        {% endmacro %}
    """)

    def __init__(self, bounds: list[list[float]], padding_tl: tuple[int, int],
                 padding_br: tuple[int, int], max_zoom: int):
        super().__init__()
        self._name = "MapperFit"
        self.bounds = bounds
        self.options = {"paddingTopLeft": list(padding_tl),
                        "paddingBottomRight": list(padding_br), "maxZoom": max_zoom,
                        "animate": False}


class ZoomControl(MacroElement):
    """Leaflet's zoom buttons, added after the title so they sit under it."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        L.control.zoom({position: 'topleft'}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self):
        super().__init__()
        self._name = "MapperZoom"


class DateFilter(MacroElement):
    """Two sliders over the distinct incident dates that filter incidents, circles and heat.

    Parameters
    ----------
    days : list of int
        Sorted distinct day numbers (days since 1970-01-01).
    labels : list of str
        The same days as ``YYYY-MM-DD`` text.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
          var days = {{ this.days|tojson }}, labels = {{ this.labels|tojson }};
          var n = days.length - 1;
          var c = mapper.control({{ this._parent.get_name() }},
            '<h2>Dates shown</h2><div class="md-label"></div>' +
            '<input type="range" class="md-from" min="0" max="' + n + '" value="0" ' +
            'aria-label="first date shown">' +
            '<input type="range" class="md-to" min="0" max="' + n + '" value="' + n + '" ' +
            'aria-label="last date shown">' +
            '<div class="mp-muted">Undated incidents are always shown.</div>',
            'bottomleft', 'mapper-dates');
          var box = c.getContainer();
          var a = box.querySelector('.md-from'), b = box.querySelector('.md-to');
          var lab = box.querySelector('.md-label');
          function update(e) {
            var i = +a.value, j = +b.value;
            if (i > j) {
              if (e && e.target === a) { b.value = i; j = i; } else { a.value = j; i = j; }
            }
            lab.textContent = labels[i] + ' \u2013 ' + labels[j];
            mapper.filter(days[i], days[j]);
          }
          {% if this.heat %}mapper.heat = {layer: {{ this.heat.get_name() }},
            points: {{ this.heat_points|tojson }}};{% endif %}
          a.addEventListener('input', update);
          b.addEventListener('input', update);
          lab.textContent = labels[0] + ' \u2013 ' + labels[n];
        })();
        {% endmacro %}
    """)

    def __init__(self, days: list[int], labels: list[str], heat: Any = None,
                 heat_points: list[list[Any]] | None = None):
        super().__init__()
        self._name = "MapperDateFilter"
        self.days = days
        self.labels = labels
        self.heat = heat
        self.heat_points = heat_points or []
