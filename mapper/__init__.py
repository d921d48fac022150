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

__all__ = ["Gazetteer", "Candidate", "GazetteerGeocoder", "Report", "Place", "Incident", "Route",
           "MapperError", "__version__"]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
