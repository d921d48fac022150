"""Reading our GeoJSON back (or an analyst's edit of it) into a :class:`~mapper.model.Report`.

Accepts the FeatureCollection ``mapper extract`` writes and the per-layer files
``mapper export`` writes (``incidents.geojson`` and friends), including after
editing in QGIS: numbers may come back as floats (``3.0``), dates as
``YYYY/MM/DD`` or with a midnight time, lists joined with ``"; "``, and
``kind`` may be missing (it is then inferred from the fields).

What a feature must have (anything else is optional and becomes ``null``):

- incident: ``event_type`` (an ACLED type) and ``sub_event_type`` (one of its
  sub-types), ``location``, ``country_code``, and a position (a Point geometry or
  ``latitude``/``longitude``). ``country`` is filled from ``country_code`` and a
  missing ``event_id`` becomes a stable hash of date, type, place and position.
- place: ``name``, ``place_type``, ``country_code`` and a position.
- route: ``route_id``, ``status`` (``blockaded``, ``disrupted``, ``open``) and a
  LineString geometry of at least two positions.

Every problem raises :class:`~mapper.errors.InputDataError` with one line that
names the file and the feature (its index and id).
"""
from __future__ import annotations

import hashlib
import json
import math
import re
from datetime import date
from pathlib import Path
from typing import Any

from ..acled import SUB_EVENT_TYPES
from ..errors import InputDataError
from ..model import EVENT_TYPES, Incident, Place, Report, Route

__all__ = ["read_geojson", "parse_collection", "COORD_TOLERANCE"]

#: degrees by which geometry and latitude/longitude properties may differ (about 100 m)
COORD_TOLERANCE = 1e-3
ROUTE_STATUSES = ("blockaded", "disrupted", "open")
_DATE = re.compile(r"^(\d{4})[-/](\d{2})[-/](\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$")
_ID_KEYS = {"incident": "event_id", "place": "name", "route": "route_id"}
_UNSET = object()


class _Feature:
    """One feature being read: its properties and a way to name it in errors."""

    def __init__(self, where: str, index: int, kind: str, props: dict[str, Any],
                 geometry: Any) -> None:
        self.kind, self.props, self.geometry = kind, props, geometry
        ident = props.get(_ID_KEYS[kind])
        label = f"{_ID_KEYS[kind]} {ident}" if ident not in (None, "") else "no id"
        self.name = f"{where}: feature {index} ({kind}, {label})"

    def fail(self, message: str) -> InputDataError:
        return InputDataError(f"{self.name}: {message}")

    def text(self, key: str, required: bool = False) -> str | None:
        value = self.props.get(key)
        if isinstance(value, str):
            value = value.strip()
        if value in (None, ""):
            if required:
                raise self.fail(f"missing required field {key!r}")
            return None
        if isinstance(value, (dict, list, bool)):
            raise self.fail(f"field {key!r} should be text, got {json.dumps(value)[:40]}")
        return str(value)

    def number(self, key: str, value: Any = _UNSET, *, integer: bool = False,
               low: float | None = None, high: float | None = None,
               required: bool = False) -> Any:
        value = self.props.get(key) if value is _UNSET else value
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                raise self.fail(f"missing {key}")
            return None
        if isinstance(value, bool):
            raise self.fail(f"field {key!r} should be a number, got {value!r}")
        try:
            num = float(value)
        except (TypeError, ValueError):
            raise self.fail(f"field {key!r} should be a number, got {value!r}") from None
        if not math.isfinite(num):
            raise self.fail(f"field {key!r} is not a finite number: {value!r}")
        if integer:
            if num != int(num):
                raise self.fail(f"field {key!r} should be a whole number, got {value!r}")
            num = int(num)
        if (low is not None and num < low) or (high is not None and num > high):
            raise self.fail(f"{key} {value!r} is out of range [{low}, {high}]")
        return num

    def date(self, key: str) -> str | None:
        value = self.text(key)
        if value is None:
            return None
        m = _DATE.match(value)
        try:
            if not m:
                raise ValueError
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            raise self.fail(f"{key} {value!r} is not a date (use YYYY-MM-DD)") from None

    def flag(self, key: str) -> bool:
        value = self.props.get(key)
        if value in (None, ""):
            return False
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in {"1", "1.0", "true", "yes", "t", "y"}:
            return True
        if text in {"0", "0.0", "false", "no", "f", "n"}:
            return False
        raise self.fail(f"field {key!r} should be true or false, got {value!r}")

    def position(self) -> tuple[float, float]:
        """(lon, lat) from the Point geometry and/or the latitude/longitude properties."""
        lat = self.number("latitude", low=-90, high=90)
        lon = self.number("longitude", low=-180, high=180)
        geom = self.geometry
        if geom is None:
            if lat is None or lon is None:
                raise self.fail("no position: needs a Point geometry or latitude and longitude")
            return lon, lat
        if not isinstance(geom, dict) or geom.get("type") != "Point":
            got = geom.get("type") if isinstance(geom, dict) else type(geom).__name__
            raise self.fail(f"geometry should be a Point, got {got}")
        coords = geom.get("coordinates")
        if not isinstance(coords, list) or len(coords) < 2:
            raise self.fail("Point geometry has no [longitude, latitude] coordinates")
        glon = self.number("geometry longitude", coords[0], low=-180, high=180, required=True)
        glat = self.number("geometry latitude", coords[1], low=-90, high=90, required=True)
        if lat is not None and lon is not None:
            if abs(glat - lat) > COORD_TOLERANCE or abs(glon - lon) > COORD_TOLERANCE:
                hint = (" (latitude and longitude swapped?)"
                        if abs(glat - lon) <= COORD_TOLERANCE and abs(glon - lat) <= COORD_TOLERANCE
                        else "")
                raise self.fail(f"geometry ({glon:g}, {glat:g}) and latitude/longitude "
                                f"({lon:g}, {lat:g}) disagree by more than "
                                f"{COORD_TOLERANCE:g} degrees{hint}")
            return lon, lat
        return glon, glat

    def line(self) -> list[tuple[float, float]]:
        geom = self.geometry
        if not isinstance(geom, dict) or geom.get("type") != "LineString":
            got = geom.get("type") if isinstance(geom, dict) else "none"
            raise self.fail(f"a route needs a LineString geometry, got {got}")
        coords = geom.get("coordinates")
        if not isinstance(coords, list) or len(coords) < 2:
            raise self.fail("a route LineString needs at least two positions")
        out = []
        for i, pos in enumerate(coords):
            if not isinstance(pos, list) or len(pos) < 2:
                raise self.fail(f"position {i} of the LineString is not [longitude, latitude]")
            out.append((self.number(f"position {i} longitude", pos[0], low=-180, high=180,
                                    required=True),
                        self.number(f"position {i} latitude", pos[1], low=-90, high=90,
                                    required=True)))
        return out


def _country_name(code: str) -> str | None:
    import pycountry

    found = pycountry.countries.get(alpha_2=code.upper())
    return getattr(found, "common_name", None) or getattr(found, "name", None)


def _incident(f: _Feature) -> Incident:
    event_type = f.text("event_type", required=True)
    if event_type not in EVENT_TYPES:
        raise f.fail(f"event_type {event_type!r} is not an ACLED event type "
                     f"({', '.join(EVENT_TYPES)})")
    sub = f.text("sub_event_type", required=True)
    if sub not in SUB_EVENT_TYPES[event_type]:
        raise f.fail(f"sub_event_type {sub!r} is not a sub-type of {event_type!r} "
                     f"({', '.join(SUB_EVENT_TYPES[event_type])})")
    location = f.text("location", required=True)
    code = f.text("country_code", required=True).upper()
    if not re.fullmatch(r"[A-Z]{2}", code):
        raise f.fail(f"country_code {code!r} is not an ISO 3166-1 alpha-2 code")
    country = f.text("country") or _country_name(code)
    if country is None:
        raise f.fail(f"missing field 'country' and {code!r} is not a known country code")
    lon, lat = f.position()
    event_date = f.date("event_date")
    event_id = f.text("event_id")
    if event_id is None:
        key = "|".join(str(x) for x in (event_date, event_type, sub, location, code,
                                        round(lat, 4), round(lon, 4)))
        event_id = f"{code}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:10]}"
    optional_int = {k: f.number(k, integer=True, low=0, high=10**9)
                    for k in ("fatalities", "victim_count")}
    precision = {k: f.number(k, integer=True, low=1, high=3)
                 for k in ("time_precision", "geo_precision")}
    return Incident(
        event_id=event_id, event_type=event_type, sub_event_type=sub, location=location,
        country=country, country_code=code, latitude=lat, longitude=lon,
        event_date=event_date,
        **{k: v for k, v in precision.items() if v is not None},
        actor1=f.text("actor1"), assoc_actor_1=f.text("assoc_actor_1"), actor2=f.text("actor2"),
        suspected=f.flag("suspected"), admin1=f.text("admin1"),
        fatalities=optional_int["fatalities"], victims=f.text("victims"),
        victim_count=optional_int["victim_count"], notes=f.text("notes") or "",
        quote=f.text("quote") or "", source=f.text("source") or "",
        published=f.date("published"),
        **_confidence(f), route_ids=f.text("route_ids"))


def _confidence(f: _Feature) -> dict[str, float]:
    value = f.number("confidence", low=0, high=1)
    return {} if value is None else {"confidence": value}


def _mentions(f: _Feature) -> list[str]:
    value = f.props.get("mentions")
    if value in (None, ""):
        return []
    if isinstance(value, list):
        return [str(v) for v in value if v not in (None, "")]
    if isinstance(value, str):
        return [part.strip() for part in value.split(";") if part.strip()]
    raise f.fail(f"field 'mentions' should be a list or '; '-joined text, got {value!r}")


def _place(f: _Feature) -> Place:
    name = f.text("name", required=True)
    code = f.text("country_code", required=True).upper()
    lon, lat = f.position()
    gid = f.text("gazetteer_id") or "user:" + re.sub(r"\W+", "-", name.lower()).strip("-")
    precision = f.number("geo_precision", integer=True, low=1, high=3)
    extra: dict[str, Any] = {"geo_precision": precision} if precision is not None else {}
    if f.text("role"):
        extra["role"] = f.text("role")
    extra.update(_confidence(f))
    return Place(name=name, mention=f.text("mention") or name, gazetteer_id=gid,
                 place_type=f.text("place_type", required=True), country_code=code,
                 latitude=lat, longitude=lon, admin1=f.text("admin1"), mentions=_mentions(f),
                 country=f.text("country"), **extra)


def _route(f: _Feature) -> Route:
    route_id = f.text("route_id", required=True)
    status = f.text("status", required=True).lower()
    if status not in ROUTE_STATUSES:
        raise f.fail(f"status {status!r} is not one of {', '.join(ROUTE_STATUSES)}")
    since = f.text("since")
    if since is not None and not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", since):
        raise f.fail(f"since {since!r} is not YYYY-MM-DD or YYYY-MM")
    return Route(route_id=route_id, name=f.text("name") or route_id,
                 from_country=f.text("from_country"), to=f.text("to"), coordinates=f.line(),
                 status=status, since=since, actor=f.text("actor"),
                 geometry_source=f.text("geometry_source") or "waypoints",
                 waypoints=f.text("waypoints"), quote=f.text("quote"))


def _kind(props: dict[str, Any], geometry: Any) -> str | None:
    kind = props.get("kind")
    if kind is not None:
        return str(kind).strip().lower()
    if "event_type" in props:
        return "incident"
    if "route_id" in props or (isinstance(geometry, dict) and geometry.get("type") == "LineString"):
        return "route"
    if "gazetteer_id" in props or "place_type" in props:
        return "place"
    return None


def parse_collection(data: Any, where: str) -> Report:
    """Validate a decoded GeoJSON object and build a Report; ``where`` names it in errors."""
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        got = data.get("type") if isinstance(data, dict) else type(data).__name__
        raise InputDataError(f"{where}: not a GeoJSON FeatureCollection (type is {got!r})")
    features = data.get("features")
    if not isinstance(features, list):
        raise InputDataError(f"{where}: the FeatureCollection has no 'features' list")
    report = Report()
    seen: dict[str, int] = {}
    readers = {"incident": (_incident, report.incidents), "place": (_place, report.places),
               "route": (_route, report.routes)}
    for i, feat in enumerate(features):
        if not isinstance(feat, dict) or feat.get("type") != "Feature":
            raise InputDataError(f"{where}: feature {i} is not a GeoJSON Feature")
        props = feat.get("properties") or {}
        if not isinstance(props, dict):
            raise InputDataError(f"{where}: feature {i}: 'properties' is not an object")
        kind = _kind(props, feat.get("geometry"))
        if kind not in readers:
            raise InputDataError(f"{where}: feature {i}: unknown kind {kind!r} "
                                 "(expected incident, place or route)")
        reader, bucket = readers[kind]
        record = reader(_Feature(where, i, kind, props, feat.get("geometry")))
        key = f"{kind}:{getattr(record, _ID_KEYS[kind])}" if kind != "place" else None
        if key in seen:
            raise InputDataError(f"{where}: feature {i}: {_ID_KEYS[kind]} "
                                 f"{key.split(':', 1)[1]!r} repeats feature {seen[key]}")
        if key:
            seen[key] = i
        bucket.append(record)
    meta = data.get("mapper") if isinstance(data.get("mapper"), dict) else {}
    report.source = str(meta.get("source") or "")
    report.published = meta.get("published") or None
    report.title = meta.get("title") or None
    report.unresolved = [str(u) for u in meta.get("unresolved") or []]
    return report


def read_geojson(path: str | Path) -> Report:
    """Read one of our GeoJSON files (or an analyst's edit of it) into a Report.

    Raises
    ------
    InputDataError
        Empty, binary or invalid JSON, not a FeatureCollection, or a feature that
        fails validation; the message is one line naming the file and feature.

    Examples
    --------
    >>> import json, tempfile, os
    >>> fd, name = tempfile.mkstemp(suffix=".geojson"); os.close(fd)
    >>> _ = open(name, "w").write(json.dumps({"type": "FeatureCollection", "features": []}))
    >>> len(read_geojson(name).incidents); os.remove(name)
    0
    """
    path = Path(path)
    raw = path.read_bytes()
    if not raw.strip():
        raise InputDataError(f"{path}: empty file")
    if b"\x00" in raw[:4096]:
        raise InputDataError(f"{path}: binary file, not GeoJSON text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputDataError(f"{path}: not UTF-8 text (byte {exc.start}); "
                             "GeoJSON must be UTF-8") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputDataError(f"{path}: invalid JSON at line {exc.lineno}, column {exc.colno}: "
                             f"{exc.msg}") from None
    return parse_collection(data, str(path))
