"""The compiled build (setup.py, Cython) and its guard (mapper/_compiled.py).

The compiled modules are the same source files as the pure-Python ones, so the whole test
suite exercises whichever build is installed. These tests check the link between the two:
both read reports alike, every module the build lists runs compiled (required in CI, where
``MAPPER_REQUIRE_COMPILED=1``), and an edited source is never shadowed by a stale build.
"""
from __future__ import annotations

import ast
import hashlib
import importlib.machinery
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mapper import _compiled

REPO = Path(__file__).resolve().parents[1]
REQUIRED = os.environ.get("MAPPER_REQUIRE_COMPILED") == "1"


def _listed_in_setup() -> list[str]:
    tree = ast.parse((REPO / "setup.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "COMPILED"
                                                for t in node.targets):
            return list(ast.literal_eval(node.value))
    raise AssertionError("setup.py lists no COMPILED modules")


def _compiled_or_skip() -> dict[str, str]:
    status = _compiled.status()
    running = {m for m, s in status.items() if s == "compiled"}
    if not running:
        if REQUIRED:
            pytest.fail(f"MAPPER_REQUIRE_COMPILED=1 but nothing runs compiled: {status}")
        pytest.skip("mapper is installed as pure Python here (no compiled modules)")
    return status


def test_every_module_setup_lists_runs_compiled_when_required():
    status = _compiled_or_skip()
    listed = _listed_in_setup()
    assert all((REPO / "mapper").joinpath(*m.split(".")[1:]).with_suffix(".py").is_file()
               for m in listed)
    if REQUIRED:
        assert status == {m: "compiled" for m in listed}


# Extraction of every sample report and of 0.3 MB of benchmark variants, as JSON lines,
# with the modules each run actually used.
_DUMP = r"""
import json, sys
sys.path.insert(0, sys.argv[1] + "/benchmarks")
import bench_extract as B
import mapper
from mapper import _compiled
from mapper.gazetteer import Gazetteer
from mapper.text.lexicon import lexicon
gaz = Gazetteer(progress=False)
reports = B.sample_reports()
corpus = list(reports) + B.build_corpus(reports, B.known_names(reports, gaz, lexicon()),
                                        0.3, seed=5)[len(reports):]
used = sorted(m for m, f in ((m, sys.modules[m].__file__) for m in _compiled.status())
              if not f.endswith(".py"))
print(json.dumps(used))
for text, published in corpus:
    r = mapper.extract(text, published=published, source="s", gazetteer=gaz)
    print(json.dumps(r.to_geojson(), sort_keys=True, default=str))
"""


def _dump(pure: bool) -> tuple[list[str], list[str]]:
    env = dict(os.environ)
    env.pop("MAPPER_PURE_PYTHON", None)
    if pure:
        env["MAPPER_PURE_PYTHON"] = "1"
    out = subprocess.run([sys.executable, "-c", _DUMP, str(REPO)], env=env, cwd=REPO,
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    lines = out.stdout.splitlines()
    return json.loads(lines[0]), lines[1:]


def test_compiled_and_pure_python_read_reports_alike():
    status = _compiled_or_skip()
    used_c, compiled = _dump(pure=False)
    used_p, pure = _dump(pure=True)
    assert used_c == sorted(m for m, s in status.items() if s == "compiled")
    assert used_p == []  # MAPPER_PURE_PYTHON: every module read from its source
    assert len(compiled) > 200
    assert sum('"event_type"' in line for line in compiled) > len(compiled) // 2  # incidents
    for k, (a, b) in enumerate(zip(compiled, pure, strict=True)):
        assert a == b, f"text {k}: the compiled and pure-Python builds differ"


# --- the guard, on a package made up in a temporary directory --------------------------

def _fake_package(tmp_path: Path, source: str, built_from: str | None) -> Path:
    pkg = tmp_path / "mapper"
    (pkg / "text").mkdir(parents=True)
    (pkg / "text" / "thing.py").write_text(source, encoding="utf-8")
    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    (pkg / "text" / f"thing{suffix}").write_bytes(b"not really compiled")
    mods = {}
    if built_from is not None:
        mods["mapper.text.thing"] = hashlib.sha256(built_from.encode()).hexdigest()
    (pkg / "_compiled.json").write_text(json.dumps({"modules": mods}), encoding="utf-8")
    return pkg


def test_guard_lets_a_current_build_run(tmp_path, monkeypatch):
    monkeypatch.delenv("MAPPER_PURE_PYTHON", raising=False)
    pkg = _fake_package(tmp_path, "X = 1\n", built_from="X = 1\n")
    assert _compiled.status(pkg) == {"mapper.text.thing": "compiled"}
    finder = _compiled._SourceFirst(pkg, _compiled._read_manifest(pkg / "_compiled.json"))
    assert finder.find_spec("mapper.text.thing") is None  # the usual import: compiled


def test_guard_reads_an_edited_source_instead_of_its_stale_build(tmp_path, monkeypatch):
    monkeypatch.delenv("MAPPER_PURE_PYTHON", raising=False)
    pkg = _fake_package(tmp_path, "X = 2\n", built_from="X = 1\n")
    assert _compiled.status(pkg) == {"mapper.text.thing": "source changed since the build"}
    finder = _compiled._SourceFirst(pkg, _compiled._read_manifest(pkg / "_compiled.json"))
    spec = finder.find_spec("mapper.text.thing")
    assert spec is not None and spec.origin == str(pkg / "text" / "thing.py")
    assert isinstance(spec.loader, importlib.machinery.SourceFileLoader)


def test_guard_reads_sources_when_asked_or_when_unlisted(tmp_path, monkeypatch):
    pkg = _fake_package(tmp_path, "X = 1\n", built_from=None)
    finder = _compiled._SourceFirst(pkg, {})
    monkeypatch.delenv("MAPPER_PURE_PYTHON", raising=False)
    assert finder.find_spec("mapper.text.thing").origin.endswith("thing.py")
    pkg2 = _fake_package(tmp_path / "b", "X = 1\n", built_from="X = 1\n")
    monkeypatch.setenv("MAPPER_PURE_PYTHON", "1")
    assert _compiled.status(pkg2) == {"mapper.text.thing": "MAPPER_PURE_PYTHON"}
    assert finder.find_spec("mapper.text.other") is None  # no such module: not ours to find
    assert finder.find_spec("json") is None


def test_guard_survives_a_broken_manifest(tmp_path, monkeypatch):
    monkeypatch.delenv("MAPPER_PURE_PYTHON", raising=False)
    pkg = _fake_package(tmp_path, "X = 1\n", built_from="X = 1\n")
    (pkg / "_compiled.json").write_text("{not json", encoding="utf-8")
    assert _compiled.status(pkg) == {}
    finder = _compiled._SourceFirst(pkg, _compiled._read_manifest(pkg / "_compiled.json"))
    assert finder.find_spec("mapper.text.thing").origin.endswith("thing.py")
