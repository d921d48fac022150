"""Open mapper's exports in real QGIS and print what QGIS sees, as JSON.

Run under the system Python that has python3-qgis, headless::

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 tests/qgis/qgis_inspect.py EXPORT_DIR

For every GeoJSON file and every layer of ``mapper.gpkg`` it reports whether the
layer is valid, its CRS, feature count, each field's type, the renderer QGIS
applied on loading (type, attribute, categories with colours and line styles)
and the labelling. The pytest side (``test_qgis_open.py``) makes the assertions.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from qgis.core import (  # noqa: E402  (python3-qgis, system interpreter only)
    Qgis,
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsSingleSymbolRenderer,
    QgsSymbolLayerUtils,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

LAYERS = ("incidents", "places", "routes")


def symbol_facts(symbol) -> dict:
    facts = {"colour": symbol.color().name(), "type": symbol.type()}
    first = symbol.symbolLayer(0)
    if hasattr(first, "penStyle"):
        facts["line_style"] = QgsSymbolLayerUtils.encodePenStyle(first.penStyle())
    return facts


def renderer_facts(layer: QgsVectorLayer) -> dict:
    renderer = layer.renderer()
    out = {"type": renderer.type() if renderer else None}
    if isinstance(renderer, QgsCategorizedSymbolRenderer):
        out["attr"] = renderer.classAttribute()
        out["categories"] = [{"value": cat.value(), "label": cat.label(),
                              **symbol_facts(cat.symbol())} for cat in renderer.categories()]
    elif isinstance(renderer, QgsSingleSymbolRenderer):
        out["symbol"] = symbol_facts(renderer.symbol())
    return out


def layer_facts(uri: str, name: str) -> dict:
    layer = QgsVectorLayer(uri, name, "ogr")
    facts = {"uri": uri, "valid": layer.isValid()}
    if not layer.isValid():
        facts["error"] = layer.error().summary()
        return facts
    labeling = layer.labeling()
    settings = labeling.settings() if hasattr(labeling, "settings") else None
    facts.update({
        "crs": layer.crs().authid(),
        "geometry_type": layer.geometryType(),
        "count": layer.featureCount(),
        "fields": {f.name(): {"qvariant": QVariant.typeToName(f.type()),
                              "provider_type": f.typeName()} for f in layer.fields()},
        "renderer": renderer_facts(layer),
        "labels_enabled": layer.labelsEnabled(),
        "label_field": settings.fieldName if settings is not None else None,
        "values": {f.name(): [feat[f.name()] if not isinstance(feat[f.name()], QVariant)
                              else None for feat in layer.getFeatures()][:50]
                   for f in layer.fields() if f.name() in ("event_id", "name", "route_id")},
    })
    return facts


def main(folder: str) -> None:
    root = Path(folder)
    app = QgsApplication([], False)
    app.initQgis()
    out = {"qgis_version": Qgis.QGIS_VERSION, "geojson": {}, "gpkg": {}}
    for name in LAYERS:
        path = root / f"{name}.geojson"
        if path.exists():
            out["geojson"][name] = layer_facts(str(path), name)
        gpkg = root / "mapper.gpkg"
        if gpkg.exists():
            out["gpkg"][name] = layer_facts(f"{gpkg}|layername={name}", name)
    print(json.dumps(out, default=str))
    app.exitQgis()


if __name__ == "__main__":
    main(sys.argv[1])
