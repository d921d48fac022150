"""The records mapper produces: places, incidents, routes, and the report holding them.

The field names and meanings are the output contract of ``shared/SCHEMA.md``
(ACLED names wherever ACLED has the field). :class:`Report` converts to and
from one GeoJSON FeatureCollection and gives GeoDataFrames per layer.
"""
from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Place", "Incident", "Route", "Report", "EVENT_TYPES", "INCIDENT_FIELDS"]

EVENT_TYPES = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
)


@dataclass
class Place:
    """A toponym the report mentions, resolved against the gazetteer."""

    name: str
    mention: str
    gazetteer_id: str
    place_type: str
    country_code: str
    latitude: float
    longitude: float
    admin1: str | None = None
    geo_precision: int = 1
    role: str = "context"
    confidence: float = 0.5
    mentions: list[str] = field(default_factory=list)
    country: str | None = None

    def properties(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d.pop("latitude"), d.pop("longitude")
        return {"kind": "place", **d}


@dataclass
class Incident:
    """One event, with ACLED's fields (see SCHEMA.md)."""

    event_id: str
    event_type: str
    sub_event_type: str
    location: str
    country: str
    country_code: str
    latitude: float
    longitude: float
    event_date: str | None = None
    time_precision: int = 1
    actor1: str | None = None
    assoc_actor_1: str | None = None
    actor2: str | None = None
    suspected: bool = False
    admin1: str | None = None
    geo_precision: int = 1
    fatalities: int | None = None
    victims: str | None = None
    victim_count: int | None = None
    notes: str = ""
    quote: str = ""
    source: str = ""
    published: str | None = None
    confidence: float = 0.5
    route_ids: str | None = None

    def properties(self) -> dict[str, Any]:
        return {"kind": "incident", **dataclasses.asdict(self)}


INCIDENT_FIELDS = tuple(f.name for f in dataclasses.fields(Incident))


@dataclass
class Route:
    """A supply corridor, drawn through waypoint towns or a real road geometry."""

    route_id: str
    name: str
    from_country: str
    to: str
    coordinates: list[tuple[float, float]]  # (lon, lat) pairs, GeoJSON order
    status: str = "open"
    since: str | None = None
    actor: str | None = None
    geometry_source: str = "waypoints"
    waypoints: str | None = None
    quote: str | None = None

    def properties(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d.pop("coordinates")
        return {"kind": "route", **d}


def _clean(value: Any) -> Any:
    """JSON-safe value: NaN becomes null, numpy scalars become Python ones."""
    if hasattr(value, "item") and not isinstance(value, (list, dict, str)):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


@dataclass
class Report:
    """What one report (or incident file) yields: places, incidents and routes.

    Examples
    --------
    >>> r = Report()
    >>> r.to_geojson()["type"]
    'FeatureCollection'
    """

    places: list[Place] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    routes: list[Route] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)
    source: str = ""
    published: str | None = None
    title: str | None = None

    def features(self) -> list[dict[str, Any]]:
        feats: list[dict[str, Any]] = []
        for inc in self.incidents:
            feats.append(_point_feature(inc.properties(), inc.longitude, inc.latitude))
        for p in self.places:
            feats.append(_point_feature(p.properties(), p.longitude, p.latitude))
        for r in self.routes:
            feats.append({
                "type": "Feature",
                "geometry": {"type": "LineString",
                             "coordinates": [[round(x, 6), round(y, 6)] for x, y in r.coordinates]},
                "properties": {k: _clean(v) for k, v in r.properties().items()},
            })
        return feats

    def to_geojson(self) -> dict[str, Any]:
        """The report as one RFC 7946 FeatureCollection (the SCHEMA.md contract)."""
        out: dict[str, Any] = {"type": "FeatureCollection", "features": self.features()}
        meta = {k: v for k, v in (("source", self.source), ("published", self.published),
                                  ("title", self.title)) if v}
        if self.unresolved:
            meta["unresolved"] = list(self.unresolved)
        if meta:
            out["mapper"] = meta
        return out

    def layer(self, kind: str):
        """The ``incident``, ``place`` or ``route`` layer as a GeoDataFrame in EPSG:4326."""
        import geopandas as gpd
        from shapely.geometry import shape

        feats = [f for f in self.features() if f["properties"]["kind"] == kind]
        rows = [f["properties"] for f in feats]
        geoms = [shape(f["geometry"]) for f in feats]
        return gpd.GeoDataFrame(rows, geometry=geoms, crs="EPSG:4326")

    @property
    def incidents_gdf(self):
        return self.layer("incident")

    @property
    def places_gdf(self):
        return self.layer("place")

    @property
    def routes_gdf(self):
        return self.layer("route")


def _point_feature(props: dict[str, Any], lon: float, lat: float) -> dict[str, Any]:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]},
        "properties": {k: _clean(v) for k, v in props.items()},
    }
