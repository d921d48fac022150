"""Which of mapper's modules run compiled, and a guard that a compiled module never
outlives a change to its source.

``setup.py`` may compile the report-reading modules with Cython (the same source files,
annotations ignored) and lists them in ``_compiled.json`` with the SHA-256 of each
source. Python imports a compiled module in preference to its ``.py`` file, so an edited
source would otherwise be ignored until the next build: the finder installed here loads
the ``.py`` file instead whenever its digest no longer matches, or for every module when
the environment sets ``MAPPER_PURE_PYTHON`` (to compare the two, or to rule the compiled
build out). Re-running the install (``bash scripts/setup.sh``) compiles them again.
"""
from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
from pathlib import Path

__all__ = ["install", "status", "summary"]

_PACKAGE = Path(__file__).resolve().parent
_MANIFEST = _PACKAGE / "_compiled.json"


def _source_of(module: str, package: Path = _PACKAGE) -> Path:
    """The .py file of ``module`` ("mapper.text.scan") inside ``package`` (mapper/)."""
    return package.joinpath(*module.split(".")[1:]).with_suffix(".py")


def _compiled_file(source: Path) -> Path | None:
    """The compiled module beside ``source`` that this interpreter would import, if any."""
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        f = source.with_suffix(suffix)
        if f.is_file():
            return f
    return None


def _read_manifest(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        mods = data["modules"]
        return {str(k): str(v) for k, v in mods.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def status(package: Path = _PACKAGE) -> dict[str, str]:
    """For each module the build compiled: "compiled" when it runs compiled, else why not
    ("source changed since the build", "MAPPER_PURE_PYTHON", "compiled file missing")."""
    listed = _read_manifest(package / "_compiled.json")
    out: dict[str, str] = {}
    for module, digest in sorted(listed.items()):
        out[module] = _why_not(module, digest, package) or "compiled"
    return out


def _why_not(module: str, digest: str | None, package: Path = _PACKAGE) -> str | None:
    """Why ``module`` must be read from its source, or None when its compiled file may run."""
    source = _source_of(module, package)
    if _compiled_file(source) is None:
        return "compiled file missing"
    if os.environ.get("MAPPER_PURE_PYTHON"):
        return "MAPPER_PURE_PYTHON"
    if digest is None:
        return "not in the build's list"
    try:
        now = hashlib.sha256(source.read_bytes()).hexdigest()
    except OSError:
        return "source unreadable"
    return None if now == digest else "source changed since the build"


class _SourceFirst(importlib.abc.MetaPathFinder):
    """Imports a mapper module from its .py file when its compiled twin may not run."""

    def __init__(self, package: Path, listed: dict[str, str]):
        self.package = package
        self.listed = listed

    def find_spec(self, fullname, path=None, target=None):
        if not fullname.startswith("mapper."):
            return None
        source = _source_of(fullname, self.package)
        if not source.is_file():
            return None  # a package, or no such module: the usual import
        why = _why_not(fullname, self.listed.get(fullname), self.package)
        if why is None or why == "compiled file missing":
            return None  # current, or nothing compiled: the usual import takes it
        return importlib.util.spec_from_file_location(fullname, source)


def install() -> None:
    """Put the guard in front of the import system (once; called by ``mapper/__init__``).

    It only looks at mapper's own modules that have a compiled file beside them, so a
    pure-Python install (no compiled files) never consults the manifest."""
    if any(isinstance(f, _SourceFirst) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, _SourceFirst(_PACKAGE, _read_manifest(_MANIFEST)))


def summary() -> str:
    """One line: how many of the listed modules run compiled, and why the others do not."""
    st = status()
    running = sum(s == "compiled" for s in st.values())
    if not st:
        return "pure Python (no compiled modules installed)"
    if running == len(st):
        return f"compiled ({running} modules, Cython)"
    why = "; ".join(sorted({s for s in st.values() if s != "compiled"}))
    return f"{running} of {len(st)} modules compiled, the others pure Python ({why})"

