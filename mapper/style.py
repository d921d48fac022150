"""Colours, icons and labels per event type, read from ``data/style/event_types.csv``.

The HTML map and the QGIS styles both use this, so they agree.
"""
from __future__ import annotations

import csv
from functools import lru_cache

from .gazetteer.sources import data_dir
from .model import EVENT_TYPES

__all__ = ["event_styles", "ROUTE_COLOURS"]

#: route status -> colour (blockaded red, disrupted orange, open faint grey)
ROUTE_COLOURS = {"blockaded": "#c0392b", "disrupted": "#e67e22", "open": "#7f8c8d"}

_FALLBACK = "#555555"


@lru_cache(maxsize=1)
def event_styles() -> dict[str, dict[str, str]]:
    """event type -> {"colour", "icon", "label"}; every ACLED type present.

    Examples
    --------
    >>> event_styles()["Battles"]["colour"].startswith("#")
    True
    """
    out = {t: {"colour": _FALLBACK, "icon": "circle", "label": t} for t in EVENT_TYPES}
    path = data_dir() / "style" / "event_types.csv"
    if path.exists():
        with open(path, encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                t = (row.get("event_type") or "").strip()
                if t:
                    out[t] = {"colour": (row.get("colour") or _FALLBACK).strip(),
                              "icon": (row.get("icon") or "circle").strip(),
                              "label": (row.get("label") or t).strip()}
    return out
