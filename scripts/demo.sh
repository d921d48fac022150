#!/usr/bin/env bash
# The README's main job: set up (once), then map the sample report shipped in the repo.
# Writes outputs/mali-2025-11-10.html (the layered map), .geojson (for QGIS) and .png (preview).
set -euo pipefail
cd "$(dirname "$0")/.."
MAPPER_SKIP_QGIS=1 bash scripts/setup.sh
.venv/bin/mapper map data/reports/mali-2025-11-10.txt --published 2025-11-10 --out outputs/ "$@"
