"""The corridor catalogue as the extractor asks for it: once per blockade, many times a
run. It must follow the data folder in force and pick up an edited file (looked at at most
once a second), and name the file when it is missing."""
from __future__ import annotations

import pytest

from mapper import routes
from mapper.errors import GazetteerDataError


def test_catalogue_follows_the_data_folder_and_its_edits(scratch_data, monkeypatch):
    ids = [c.route_id for c in routes.load_corridors()]
    assert "dakar-bamako" in ids and "abidjan-bamako" in ids
    csv_path = scratch_data / "gazetteer" / "routes.csv"
    lines = csv_path.read_text(encoding="utf-8").splitlines()
    kept = [lines[0]] + [ln for ln in lines[1:] if not ln.startswith("dakar-bamako,")]
    csv_path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    clock = [1000.0]
    monkeypatch.setattr(routes.time, "monotonic", lambda: clock[0])
    routes._CHECKED.clear()
    assert "dakar-bamako" not in [c.route_id for c in routes.load_corridors()]
    # written back: seen once the second is over, not before
    csv_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    clock[0] += 0.5
    assert "dakar-bamako" not in [c.route_id for c in routes.load_corridors()]
    # another data folder (the repository's): its own catalogue at once
    monkeypatch.delenv("MAPPER_DATA")
    assert [c.route_id for c in routes.load_corridors()] == ids
    monkeypatch.setenv("MAPPER_DATA", str(scratch_data))
    assert "dakar-bamako" not in [c.route_id for c in routes.load_corridors()]
    clock[0] += 1.0
    assert "dakar-bamako" in [c.route_id for c in routes.load_corridors()]
    # the corridors are the caller's to change: a fresh list each time
    got = routes.load_corridors()
    got.clear()
    assert routes.load_corridors() != []


def test_a_missing_catalogue_is_named(scratch_data, tmp_path):
    (scratch_data / "gazetteer" / "routes.csv").unlink()
    routes._CHECKED.clear()
    with pytest.raises(GazetteerDataError, match="routes.csv: cannot read the corridor catalogue"):
        routes.load_corridors()
    with pytest.raises(GazetteerDataError, match="nowhere.csv"):
        routes.load_corridors(tmp_path / "nowhere.csv")
