"""mapper: conflict and security reports to geocoded incidents, Leaflet maps and QGIS layers.

Everything runs offline against a local gazetteer (GeoNames, CC BY 4.0, plus
curated places). Heavy libraries (folium, geopandas) are imported only by the
functions that need them.
"""
from __future__ import annotations

import logging

from . import _compiled

_compiled.install()  # before the modules that may run compiled are imported

from .errors import MapperError  # noqa: E402
from .extract import extract, extract_file  # noqa: E402
from .gazetteer import Candidate, Gazetteer  # noqa: E402
from .model import Incident, Place, Report, Route  # noqa: E402


def read(path):
    """Read an incident file (our GeoJSON or an ACLED CSV) into a Report."""
    from .io import read as _read

    return _read(path)


def __getattr__(name):
    # geopy is imported only when the geocoder is asked for (keeps `mapper geocode` fast)
    if name == "GazetteerGeocoder":
        from .gazetteer.geocoder import GazetteerGeocoder

        return GazetteerGeocoder
    raise AttributeError(f"module 'mapper' has no attribute {name!r}")


__all__ = ["Gazetteer", "Candidate", "GazetteerGeocoder", "Report", "Place", "Incident", "Route",
           "MapperError", "extract", "extract_file", "read", "__version__"]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
