"""Reading ACLED CSV exports and mapper's CSV layout back into incidents."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from mapper.errors import InputDataError
from mapper.io import read
from mapper.io.acled import parse_date, read_acled_csv
from mapper.model import Incident, Report

DATA = Path(__file__).resolve().parents[1] / "data" / "render"


def test_reads_a_standard_acled_export():
    report = read(DATA / "acled-sample.csv")
    incs = {i.event_id: i for i in report.incidents}
    assert len(incs) == 5
    boni = incs["MLI36001"]
    assert boni.event_date == "2025-05-16"            # "16 May 2025"
    assert boni.event_type == "Battles" and boni.sub_event_type == "Armed clash"
    assert boni.actor1 == "Military Forces of Mali (2021-)"
    assert boni.assoc_actor_1 == "Wagner Group"
    assert (boni.latitude, boni.longitude) == (15.0356, -1.9747)
    assert boni.fatalities == 4 and isinstance(boni.fatalities, int)
    assert boni.country_code == "ML"                   # derived from the country name
    assert incs["MLI36002"].event_date == "2025-05-17"  # "17-05-2025" (dd-mm-yyyy)
    assert incs["MLI36002"].source == "Malijet; Studio Tamani"
    kobri = incs["MLI36003"]
    assert kobri.fatalities is None                    # empty, not 0
    assert kobri.assoc_actor_1 is None
    assert kobri.geo_precision == 2 and kobri.time_precision == 2
    assert kobri.suspected is False
    assert incs["MLI36005"].event_type == "Strategic developments"


@pytest.mark.parametrize("text,iso", [
    ("2025-11-07", "2025-11-07"), ("7 November 2025", "2025-11-07"),
    ("07 Nov 2025", "2025-11-07"), ("07-11-2025", "2025-11-07"),
    ("07/11/2025", "2025-11-07"), ("November 7, 2025", "2025-11-07")])
def test_date_formats(text, iso):
    assert parse_date(text) == iso


def _incidents() -> list[Incident]:
    return [
        Incident("mali-1", "Violence against civilians", "Abduction/forced disappearance", "Tonka",
                 "Mali", "ML", 16.13389, -3.74861, event_date="2025-11-07", time_precision=1,
                 actor1="JNIM", suspected=True, admin1="Tombouctou", geo_precision=1,
                 victims="a TikTok influencer, \"Mariam\"", victim_count=1,
                 notes="Abducted in a market; later executed.",
                 quote="On Friday, a TikTok influencer was abducted in a market in Tonka,\n"
                       "in the Goundam cercle.", source="mali-2025-11-10.txt",
                 published="2025-11-10", confidence=0.85),
        Incident("mali-2", "Strategic developments", "Other", "Kayes", "Mali", "ML", 14.4478,
                 -11.4439, event_date="2025-09-15", time_precision=3, actor1="JNIM",
                 assoc_actor_1=None, actor2="Civilians (Mali)", geo_precision=3, fatalities=0,
                 quote="Since September, JNIM has imposed a fuel blockade.",
                 source="https://example.org/x?a=1", published="2025-11-10", confidence=0.6,
                 route_ids="dakar-bamako; abidjan-bamako"),
        Incident("mali-3", "Battles", "Armed clash", "Boni", "Mali", "ML", 15.0356, -1.9747,
                 event_date=None, fatalities=12, victim_count=None, published=None,
                 confidence=0.5),
    ]


def test_round_trip_with_the_csv_export(tmp_path):
    from mapper.export.acled_csv import write_incidents_csv

    original = _incidents()
    path = write_incidents_csv(Report(incidents=original), tmp_path / "incidents.csv")
    back = read_acled_csv(path).incidents
    assert len(back) == len(original)
    for a, b in zip(original, back, strict=True):
        assert dataclasses.asdict(b) == dataclasses.asdict(a)
        for name in ("fatalities", "victim_count", "time_precision", "geo_precision"):
            assert type(getattr(b, name)) is type(getattr(a, name)), name


def test_semicolon_and_tab_separated(tmp_path):
    text = (DATA / "acled-sample.csv").read_text(encoding="utf-8")
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text)))
    for delim, ext in ((";", "csv"), ("\t", "tsv")):
        p = tmp_path / f"x.{ext}"
        with open(p, "w", newline="", encoding="utf-8") as fh:
            csv.writer(fh, delimiter=delim).writerows(rows)
        assert len(read_acled_csv(p).incidents) == 5


@pytest.mark.parametrize("name,message", [
    ("acled-bad-no-latitude.csv", r"line 1 \(header\): missing column latitude"),
    ("acled-bad-latitude.csv", r"line 3 \(event MLI36002\), column latitude: latitude 200 is "
                               r"outside -90\.\.90"),
    ("acled-bad-date.csv", r"line 4 \(event MLI36003\), column event_date: unreadable date "
                           r"'sometime in May'"),
])
def test_malformed_files_name_the_row(name, message):
    with pytest.raises(InputDataError, match=message) as info:
        read(DATA / name)
    assert name in str(info.value)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("column,value,message", [
    ("fatalities", "two", "fatalities 'two' is not a whole number"),
    ("fatalities", "-1", "fatalities -1 is outside"),
    ("geo_precision", "4", "geo_precision 4 is outside 1..3"),
    ("longitude", "", "longitude is empty"),
    ("event_type", "Massacre", "'Massacre' is not an ACLED event type"),
])
def test_bad_cells(tmp_path, column, value, message):
    import csv

    rows = list(csv.DictReader(open(DATA / "acled-sample.csv", encoding="utf-8")))
    rows[0][column] = value
    p = tmp_path / "bad.csv"
    with open(p, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    with pytest.raises(InputDataError, match=f"line 2 .*column {column}: .*{message}"):
        read_acled_csv(p)


def test_empty_and_binary_files(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    with pytest.raises(InputDataError, match="empty"):
        read_acled_csv(empty)
    binary = tmp_path / "bin.csv"
    binary.write_bytes(b"\xff\xfe\x00\x01latitude")
    with pytest.raises(InputDataError, match="not UTF-8"):
        read_acled_csv(binary)
