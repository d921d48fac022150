"""The local gazetteer: GeoNames, regions, countries and curated places, offline."""
from __future__ import annotations

from .index import Candidate, Gazetteer, build_index, cache_dir, haversine_km
from .names import fold

__all__ = ["Gazetteer", "Candidate", "build_index", "cache_dir", "fold", "haversine_km"]
