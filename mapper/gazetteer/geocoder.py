"""A geopy geocoder over the local gazetteer, so code can swap it for Nominatim and back."""
from __future__ import annotations

import logging
from functools import cached_property

from geopy.exc import GeocoderQueryError
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from geopy.point import Point

from .index import Candidate, Gazetteer

__all__ = ["GazetteerGeocoder"]

log = logging.getLogger(__name__)

_FCL = {"locality": ("P", "PPL"), "admin1": ("A", "ADM1"), "admin2": ("A", "ADM2"),
        "country": ("A", "PCLI"), "feature": ("S", ""), "region": ("L", "RGN")}


class GazetteerGeocoder(Geocoder):
    """Geocode with mapper's offline gazetteer; no network is ever used.

    Parameters
    ----------
    path : path, optional
        The data folder holding ``gazetteer/`` (default: the repository's ``data/``).
    default_country : str, optional
        ISO2 code used when ``geocode`` gets no ``country_codes``, as a bias (not a filter).
    gazetteer : Gazetteer, optional
        An already loaded gazetteer to share.

    Examples
    --------
    >>> from mapper import GazetteerGeocoder
    >>> loc = GazetteerGeocoder().geocode("Tombouctou")
    >>> loc.address, round(loc.latitude, 2)
    ('Timbuktu, Tombouctou, Mali', 16.77)
    """

    def __init__(self, path=None, *, default_country: str | None = None,
                 gazetteer: Gazetteer | None = None, user_agent=None,
                 timeout=DEFAULT_SENTINEL, proxies=DEFAULT_SENTINEL, ssl_context=DEFAULT_SENTINEL,
                 adapter_factory=None):
        super().__init__(user_agent=user_agent or "mapper", timeout=timeout, proxies=proxies,
                         ssl_context=ssl_context, adapter_factory=adapter_factory)
        self._path = path
        self._given = gazetteer
        self.default_country = default_country

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return self._given or Gazetteer(self._path, progress=False)

    def geocode(self, query, *, exactly_one=True, timeout=DEFAULT_SENTINEL, country_codes=None,
                place_types=None, near=None, limit=None):
        """Return ``None``, one :class:`geopy.location.Location` or a non-empty list of them.

        ``timeout`` is accepted for compatibility and ignored.
        """
        if not isinstance(query, str) or not query.strip():
            raise GeocoderQueryError(f"query must be a non-empty string, not {query!r}")
        bias = [self.default_country] if self.default_country and not country_codes else []
        if near is not None:
            p = Point(near)
            near = (p.latitude, p.longitude)
        found = self.gazetteer.lookup(query, country_codes=country_codes, bias_countries=bias,
                                      near=near, place_types=place_types,
                                      limit=1 if exactly_one else limit)
        log.debug("gazetteer geocode %r: %d candidates", query, len(found))
        if not found:
            return None
        locs = [self._location(c) for c in found]
        return locs[0] if exactly_one else locs

    def reverse(self, query, *, exactly_one=True, timeout=DEFAULT_SENTINEL, limit=None):
        """The nearest populated place(s) to a point.

        ``query`` is a :class:`geopy.point.Point`, a ``(lat, lon)`` pair or ``"lat, lon"``.
        """
        try:
            p = Point(query)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"must be a coordinate pair or Point, not {query!r} ({exc})") from None
        found = self.gazetteer.nearest(p.latitude, p.longitude,
                                       limit=1 if exactly_one else (limit or 5))
        if not found:
            return None
        locs = [self._location(c) for c in found]
        return locs[0] if exactly_one else locs

    @staticmethod
    def _location(c: Candidate) -> Location:
        parts = [c.name]
        if c.admin1 and c.admin1 != c.name:
            parts.append(c.admin1)
        if c.country and c.country != c.name:
            parts.append(c.country)
        fcl, fcode = _FCL.get(c.place_type, ("", ""))
        raw = {"geonameId": c.id.split(":", 1)[1] if c.id.startswith("geonames:") else None,
               "id": c.id, "name": c.name, "lat": c.latitude, "lng": c.longitude, "fcl": fcl,
               "fcode": fcode, "countryCode": c.country_code, "countryName": c.country,
               "adminName1": c.admin1, "population": c.population, "placeType": c.place_type,
               "precision": c.precision, "note": c.note, "score": c.score}
        return Location(", ".join(parts), (c.latitude, c.longitude), raw)
