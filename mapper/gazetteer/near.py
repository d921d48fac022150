"""Parsing a ``--near`` argument: a place name or ``lat,lon``."""
from __future__ import annotations

import re

from ..errors import GazetteerError
from .index import Gazetteer

__all__ = ["parse_near"]

_LATLON = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*[, ]\s*(-?\d+(?:\.\d+)?)\s*$")


def parse_near(gaz: Gazetteer, value: str) -> tuple[float, float]:
    """Turn ``"Timbuktu"`` or ``"16.77,-3.0"`` into a (lat, lon) pair.

    Examples
    --------
    >>> from mapper.gazetteer import Gazetteer
    >>> parse_near(Gazetteer(), "16.5, -3")
    (16.5, -3.0)
    """
    m = _LATLON.match(value)
    if m:
        lat, lon = float(m.group(1)), float(m.group(2))
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise GazetteerError(f"--near {value!r}: coordinates out of range")
        return lat, lon
    c = gaz.best(value)
    return c.latitude, c.longitude
