"""The corridor catalogue (``data/gazetteer/routes.csv``) and linking blockades to corridors.

Each corridor is drawn through its waypoint towns, resolved in the gazetteer,
unless its ``geometry_file`` points to a real road geometry (a GeoJSON
LineString, e.g. exported from OpenStreetMap in QGIS), which then replaces it.
"""
from __future__ import annotations

import csv
import json
import logging
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import GazetteerDataError
from .gazetteer.index import Gazetteer
from .gazetteer.names import fold
from .gazetteer.sources import data_dir
from .model import Route

__all__ = ["Corridor", "load_corridors", "catalogue", "corridors_for"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Corridor:
    route_id: str
    name: str
    from_country: str
    to: str
    waypoints: tuple[tuple[str, str], ...]  # (name, ISO2)
    geometry_file: str | None = None
    source: str | None = None

    def town_keys(self) -> set[str]:
        """The folded names of its waypoint towns (folded once per corridor)."""
        keys = self.__dict__.get("_town_keys")
        if keys is None:
            keys = frozenset(fold(n) for n, _ in self.waypoints)
            object.__setattr__(self, "_town_keys", keys)  # a frozen dataclass: set it once
        return set(keys)


def load_corridors(path: Path | None = None) -> list[Corridor]:
    """Read the corridor catalogue; errors name the file and line (re-read when it changes)."""
    # (asked for by every report that links a blockade to corridors: the file is looked
    # at at most once a second, and the path made and hashed once, not at every call)
    key = path or os.environ.get("MAPPER_DATA")  # what decides the file (see data_dir)
    now = time.monotonic()
    seen = _CHECKED.get(key)
    if seen is None or now - seen[0] > 1.0:
        file = Path(path or data_dir() / "gazetteer" / "routes.csv")
        try:
            st = file.stat()
        except OSError as exc:
            raise GazetteerDataError(f"{file}: cannot read the corridor catalogue "
                                     f"({exc.strerror})") from None
        if len(_CHECKED) > 64:
            _CHECKED.clear()
        seen = _CHECKED[key] = (now, st.st_mtime_ns, st.st_size, file)
    return list(_load_corridors(seen[3], seen[1], seen[2]))


# the path asked for (None: the default of the data folder in force) -> (when looked at,
# mtime, size, the file)
_CHECKED: dict[object, tuple[float, int, int, Path]] = {}


@lru_cache(maxsize=8)
def _load_corridors(path: Path, _mtime: int, _size: int) -> tuple[Corridor, ...]:
    out = []
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh), start=2):
            try:
                wps = []
                for w in (row["waypoints"] or "").split("|"):
                    name, _, cc = w.strip().rpartition("@")
                    if not name or len(cc) != 2:
                        raise ValueError(f"waypoint {w!r} is not NAME@CC")
                    wps.append((name, cc.upper()))
                if len(wps) < 2 and not row.get("geometry_file"):
                    raise ValueError("a corridor needs two waypoints or a geometry_file")
                out.append(Corridor(row["route_id"].strip(), row["name"].strip(),
                                    row["from_country"].strip().upper(), row["to"].strip(),
                                    tuple(wps), (row.get("geometry_file") or "").strip() or None,
                                    (row.get("source") or "").strip() or None))
            except (KeyError, AttributeError, ValueError) as exc:
                raise GazetteerDataError(f"{path}, line {i}: {exc}") from None
    return tuple(out)


def _line_from_file(path: Path) -> list[tuple[float, float]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GazetteerDataError(f"{path}: not a readable GeoJSON file ({exc})") from None
    geom = data
    if data.get("type") == "FeatureCollection":
        geom = (data.get("features") or [{}])[0].get("geometry") or {}
    elif data.get("type") == "Feature":
        geom = data.get("geometry") or {}
    if geom.get("type") == "LineString":
        return [(float(x), float(y)) for x, y, *_ in geom["coordinates"]]
    if geom.get("type") == "MultiLineString":
        return [(float(x), float(y)) for part in geom["coordinates"] for x, y, *_ in part]
    raise GazetteerDataError(f"{path}: expected a LineString, found {geom.get('type')!r}")


def to_route(c: Corridor, gaz: Gazetteer, root: Path | None = None) -> Route:
    """The corridor as a :class:`Route` (status ``open``) with its line."""
    if c.geometry_file:
        p = Path(root or data_dir()) / "gazetteer" / c.geometry_file
        return Route(c.route_id, c.name, c.from_country, c.to, _line_from_file(p),
                     geometry_source=f"file: {c.geometry_file}",
                     waypoints=" | ".join(n for n, _ in c.waypoints) or None)
    coords = []
    for name, cc in c.waypoints:
        found = gaz.lookup(name, country_codes=cc, place_types=("locality", "feature"), limit=1)
        if not found:
            log.warning("corridor %s: waypoint %r (%s) is not in the gazetteer; skipped",
                        c.route_id, name, cc)
            continue
        coords.append((found[0].longitude, found[0].latitude))
    return Route(c.route_id, c.name, c.from_country, c.to, coords, geometry_source="waypoints",
                 waypoints=" | ".join(n for n, _ in c.waypoints))


def catalogue(gaz: Gazetteer, path: Path | None = None) -> list[Route]:
    """Every corridor of the catalogue as an ``open`` Route with its geometry."""
    return [to_route(c, gaz) for c in load_corridors(path)]


def corridors_for(countries: Iterable[str] = (), towns: Iterable[str] = (),
                  corridors: list[Corridor] | None = None) -> list[Corridor]:
    """Corridors that come from these countries, or that pass two of these towns.

    Examples
    --------
    >>> [c.route_id for c in corridors_for(countries=["SN", "MR"])]
    ['dakar-bamako', 'nouakchott-bamako']
    >>> [c.route_id for c in corridors_for(towns=["Sikasso", "Bamako"])]
    ['abidjan-bamako']
    """
    corridors = load_corridors() if corridors is None else corridors
    ccs = {c.upper() for c in countries}
    keys = {fold(t) for t in towns}
    out = []
    for c in corridors:
        if c.from_country in ccs or len(c.town_keys() & keys) >= 2:
            out.append(c)
    return out
