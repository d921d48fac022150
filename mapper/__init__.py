"""mapper: conflict and security reports to geocoded incidents, Leaflet maps and QGIS layers.

Everything runs offline against a local gazetteer (GeoNames, CC BY 4.0, plus
curated places). Heavy libraries (folium, geopandas) are imported only by the
functions that need them.
"""
from __future__ import annotations

import logging

from .errors import MapperError
from .gazetteer import Candidate, Gazetteer
from .gazetteer.geocoder import GazetteerGeocoder
from .model import Incident, Place, Report, Route


def extract(text, *, published=None, source="", gazetteer=None):
    """Read report text into a Report (see :func:`mapper.extract.extract`)."""
    from .extract import extract as _extract

    return _extract(text, published=published, source=source, gazetteer=gazetteer)


def read(path):
    """Read an incident file (our GeoJSON or an ACLED CSV) into a Report."""
    from .io import read as _read

    return _read(path)

__all__ = ["Gazetteer", "Candidate", "GazetteerGeocoder", "Report", "Place", "Incident", "Route",
           "MapperError", "extract", "read", "__version__"]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
