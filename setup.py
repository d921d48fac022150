"""Build hook: the report-reading modules compiled with Cython, when that is possible.

The modules are plain Python and stay the reference: Cython compiles the very same
source files, with their type annotations ignored (``annotation_typing=False``), so a
compiled module behaves as its source does, only with less interpreter work (see README,
"Measured").

Nothing here may stop an install. Without Cython or a C compiler, or when one module
fails to compile, mapper installs and runs as pure Python. Each compiled module is listed
in ``mapper/_compiled.json`` with the SHA-256 of the source it was built from;
``mapper._compiled`` uses a compiled module only while its source is unchanged (an edited
``.py`` file takes over at once, until the next build).

A build compiles only what changed, judged by content: a module whose source digest is
the one the manifest records and whose compiled file is there is kept as it is
(``python setup.py build_ext --inplace`` after an edit recompiles that module alone).
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

# The modules on the path of `mapper extract`. mapper/_compiled.py learns the list from
# the manifest the build writes; tests/test_compiled.py reads it from here.
COMPILED = [
    "mapper.text.scan",
    "mapper.text.toponyms",
    "mapper.text.events",
    "mapper.text.dates",
    "mapper.text.resolve",
    "mapper.text.attributes",
    "mapper.text.numbers",
    "mapper.text.sentences",
    "mapper.text.lexicon",
    "mapper.extract",
    "mapper.memory",
    "mapper.gazetteer.index",
    "mapper.gazetteer.names",
]
HERE = Path(__file__).resolve().parent
DIRECTIVES = {"language_level": 3, "annotation_typing": False}  # annotations: as in Python


def _source(module: str) -> Path:
    return HERE.joinpath(*module.split(".")).with_suffix(".py")


def _digest(module: str) -> str:
    return hashlib.sha256(_source(module).read_bytes()).hexdigest()


def _say(message: str) -> None:
    print(f"mapper: {message}", file=sys.stderr)


class OptionalBuildExt(build_ext):
    """Compiles each listed module that changed since the last build (Cython, then the C
    compiler), skips one it cannot compile, and writes the manifest of those compiled."""

    def finalize_options(self):
        super().finalize_options()
        if self.parallel is None:
            self.parallel = os.cpu_count() or 1

    def run(self):
        if os.environ.get("MAPPER_PURE_PYTHON"):
            _say("MAPPER_PURE_PYTHON is set; not compiling")
            return
        try:
            from Cython.Build import cythonize
        except ImportError:
            _say("Cython is not available; mapper runs as pure Python")
            return
        manifest = self._package() / "_compiled.json"
        before = _read(manifest)
        self.built: dict[str, str] = {}
        todo = []
        for ext in self.extensions:
            digest = _digest(ext.name)
            if before.get(ext.name) == digest and Path(self.get_ext_fullpath(ext.name)).is_file():
                self.built[ext.name] = digest  # compiled from this very source already
            else:
                todo.append(ext)
        if todo:
            _say(f"compiling {len(todo)} module(s) with Cython: "
                 + ", ".join(e.name for e in todo))
            try:
                c_files = {e.name: e.sources for e in cythonize(
                    todo, build_dir="build/cython", force=True, quiet=True,
                    compiler_directives=DIRECTIVES)}
                for ext in todo:  # (the extensions setuptools prepared, now from C)
                    ext.sources = c_files[ext.name]
                self.extensions = todo
                self.force = True  # the C files are new: rebuild whatever their dates say
                super().run()
            except Exception as exc:  # noqa: BLE001 - never stop an install over a speed-up
                _say(f"not compiled ({exc}); those modules run as pure Python")
        _write(manifest, self.built)

    def build_extension(self, ext):
        digest = _digest(ext.name)  # before compiling: an edit meanwhile is not recorded
        try:
            super().build_extension(ext)
        except Exception as exc:  # noqa: BLE001 - that module stays pure Python
            _say(f"{ext.name} not compiled ({exc}); it runs as pure Python")
        else:
            self.built[ext.name] = digest

    def _package(self) -> Path:
        """Where the compiled modules go: the package itself when built in place."""
        return Path(self.get_ext_fullpath("mapper._probe")).parent


def _read(manifest: Path) -> dict[str, str]:
    try:
        return dict(json.loads(manifest.read_text(encoding="utf-8"))["modules"])
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _write(manifest: Path, modules: dict[str, str]) -> None:
    manifest.parent.mkdir(parents=True, exist_ok=True)
    tmp = manifest.with_suffix(".json.tmp")
    tmp.write_text(json.dumps({"modules": dict(sorted(modules.items()))}, indent=1) + "\n",
                   encoding="utf-8")
    os.replace(tmp, manifest)


setup(ext_modules=[Extension(m, [str(_source(m).relative_to(HERE))]) for m in COMPILED],
      cmdclass={"build_ext": OptionalBuildExt})
