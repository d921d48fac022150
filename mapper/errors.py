"""One exception root for mapper.

Every error the library raises on purpose is a :class:`MapperError`; each
subclass also inherits the builtin it stands for, so callers that catch
``ValueError`` or ``LookupError`` keep working. The CLI turns any of them into
one line on stderr and a non-zero exit.
"""
from __future__ import annotations

__all__ = [
    "MapperError",
    "GazetteerError",
    "PlaceNotFound",
    "GazetteerDataError",
    "ReportError",
    "InputDataError",
    "ExportError",
]


class MapperError(Exception):
    """Root of every error mapper raises on purpose."""


class GazetteerError(MapperError, LookupError):
    """The gazetteer cannot answer (missing or corrupt index, bad query)."""


class PlaceNotFound(GazetteerError):
    """A name that no gazetteer entry carries."""


class GazetteerDataError(MapperError, ValueError):
    """A gazetteer source file is malformed (message names file and line)."""


class ReportError(MapperError, ValueError):
    """A report cannot be read: empty, binary, undecodable, bad date."""


class InputDataError(MapperError, ValueError):
    """An incident file (GeoJSON or CSV) is malformed; the message names the feature or row."""


class ExportError(MapperError, OSError):
    """An output could not be written."""
