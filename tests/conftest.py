"""Shared fixtures: one gazetteer for the session, and a scratch copy of data/ for tests that edit it."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def gazetteer():
    from mapper.gazetteer import Gazetteer

    return Gazetteer(progress=False)


@pytest.fixture
def scratch_data(tmp_path, monkeypatch):
    """A copy of data/ that a test may edit; MAPPER_DATA points at it."""
    dest = tmp_path / "data"
    shutil.copytree(REPO / "data", dest, ignore=shutil.ignore_patterns("imported"))
    monkeypatch.setenv("MAPPER_DATA", str(dest))
    return dest
