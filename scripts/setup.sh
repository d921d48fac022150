#!/usr/bin/env bash
# Install everything mapper needs on a fresh Debian machine with Python and pip:
# a virtual environment in .venv with mapper and its test tools, and (as root, via apt)
# Chromium for the PNG previews and browser tests and python3-qgis for the QGIS checks.
# Safe to run again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

want=()
command -v chromium >/dev/null 2>&1 || want+=(chromium)
[ "${MAPPER_SKIP_QGIS:-0}" = 1 ] || /usr/bin/python3 -c "import qgis.core" >/dev/null 2>&1 || want+=(python3-qgis)
# A C compiler, the C library's headers and Python's, for the compiled build (setup.py);
# without them mapper still installs, as pure Python.
PY=${PYTHON:-python3}
command -v gcc >/dev/null 2>&1 || want+=(gcc)
[ -e /usr/include/stdio.h ] || want+=(libc6-dev)
if ! "$PY" -c "import os, sysconfig; raise SystemExit(not os.path.exists(os.path.join(sysconfig.get_paths()['include'], 'Python.h')))" 2>/dev/null \
        && [ "$(command -v "$PY")" = /usr/bin/python3 ]; then
    want+=(python3-dev)  # (Debian's own Python; others ship their headers)
fi
if [ ${#want[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "setup: installing ${want[*]} with apt-get" >&2
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null
    else
        echo "setup: please install ${want[*]} (Debian packages); continuing without" >&2
    fi
    # In CI a missing browser or QGIS must fail, not turn their tests into skips.
    if [ "${CI:-}" = true ]; then
        command -v chromium >/dev/null 2>&1 || { echo "setup: chromium is missing" >&2; exit 1; }
        [ "${MAPPER_SKIP_QGIS:-0}" = 1 ] || /usr/bin/python3 -c "import qgis.core" >/dev/null 2>&1 \
            || { echo "setup: python3-qgis is missing" >&2; exit 1; }
    fi
fi

[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
# (PYTHONWARNINGS: setuptools warns at every editable install of a package with compiled
# modules that a folder named like the package may shadow it, which is the point here)
PYTHONWARNINGS=ignore::UserWarning .venv/bin/python -m pip install -q -e '.[test]'
# (setup.py compiles the report-reading modules with Cython, a few minutes the first time;
# a re-run recompiles only the modules whose source changed, and a module that cannot be
# compiled runs as pure Python. `mapper --version` tells which build runs.)
echo "setup: $(.venv/bin/mapper --version)" >&2
# Build the gazetteer index now if it is not there yet (once, about 15 s), so the first
# real command is fast. `gazetteer info` builds it only when missing.
.venv/bin/mapper gazetteer info >/dev/null
