"""Behavioural tests of text extraction on the sample reports in ``data/reports/``.

Each report has a YAML file of expected facts in ``tests/text/expected/`` (same stem). The
facts are what a careful ACLED coder derives from the text, nothing more:

``report``, ``published``
    the report file and its publication date (relative dates are resolved against it).
``incidents``
    each with ``id`` (a label), ``event_type``, ``country_code``, ``lat``/``lon`` and
    ``tolerance_km``; optionally ``event_date`` (``YYYY-MM-DD``, or ``YYYY-MM`` when only the
    month is known), ``sub_event_type``, ``time_precision``, ``geo_precision`` (an int or a
    list of acceptable ints), ``location`` (acceptable names), ``fatalities`` and
    ``victim_count`` (``null`` means the extractor must give null), ``actor1`` (a name or a
    list of acceptable names), ``suspected``, ``route_ids`` (must all be in the incident's
    ``route_ids``), ``route_ids_absent`` (must not be) and ``match_on`` (extra fields that
    must agree for a prediction to count as this incident at all).
``places``
    places that must be resolved: ``names`` (gazetteer name or surface form), country and
    position within ``tolerance_km``.
``forbidden_place_countries``, ``allowed_place_countries``, ``forbidden_mentions``
    what must not become a place (demonyms, people, organisations, homonyms abroad).
``unresolved``, ``unresolved_or_coarse``
    names that must be listed as unresolved (or, for the second, may instead be resolved
    at precision 2 or coarser).
``blockaded_routes``, ``not_blockaded_routes``
    corridor features and their status.

A prediction matches an expected incident when it has the same event type, lies within the
tolerance and has the same date (when one is expected); each expected incident must be
matched by exactly one prediction, and there must be no other predictions.
"""
from __future__ import annotations

import json
import math
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
REPORTS = REPO / "data" / "reports"
EXPECTED = Path(__file__).resolve().parent / "expected"
CASE_FILES = sorted(EXPECTED.glob("*.yaml"))

INCIDENT_KEYS = {
    "id", "event_type", "sub_event_type", "event_date", "time_precision", "location",
    "country_code", "lat", "lon", "tolerance_km", "geo_precision", "fatalities",
    "victim_count", "actor1", "suspected", "route_ids", "route_ids_absent", "match_on",
}
CASE_KEYS = {
    "report", "published", "incidents", "places", "forbidden_place_countries",
    "allowed_place_countries", "forbidden_mentions", "unresolved", "unresolved_or_coarse",
    "blockaded_routes", "not_blockaded_routes",
}


def _load(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as fh:
        case = yaml.safe_load(fh)
    case["stem"] = path.stem
    return case


CASES = [_load(p) for p in CASE_FILES]
CASE_IDS = [c["stem"] for c in CASES]
INCIDENT_PARAMS = [
    pytest.param(case, exp, id=f"{case['stem']}:{exp['id']}")
    for case in CASES for exp in case.get("incidents", [])
]


# --------------------------------------------------------------------------- helpers

def fold(s: str | None) -> str:
    """Case-, accent- and apostrophe-insensitive form of a name."""
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("’", "'").replace("‘", "'").replace("`", "'")
    return re.sub(r"\s+", " ", s).strip().casefold()


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def date_ok(predicted: str | None, expected: str | None) -> bool:
    """``YYYY-MM`` expectations accept any day of that month."""
    if expected is None:
        return predicted is None
    if predicted is None:
        return False
    if len(expected) == 7:
        return predicted.startswith(expected)
    return predicted == expected


def route_set(value: str | None) -> set[str]:
    return {r.strip() for r in (value or "").split(";") if r.strip()}


def value_ok(key: str, predicted: Any, expected: Any) -> bool:
    if key == "event_date":
        return date_ok(predicted, expected)
    if key in ("actor1", "location"):
        options = expected if isinstance(expected, list) else [expected]
        return fold(predicted) in {fold(o) for o in options}
    if key == "geo_precision" and isinstance(expected, list):
        return predicted in expected
    if key == "suspected":
        return bool(predicted) is bool(expected)
    return predicted == expected


def describe(inc: Any) -> str:
    quote = re.sub(r"\s+", " ", inc.quote or "")
    return (f"{inc.event_type} / {inc.sub_event_type} at {inc.location!r} [{inc.country_code}] "
            f"({inc.latitude:.3f}, {inc.longitude:.3f}) geo={inc.geo_precision} "
            f"date={inc.event_date} tp={inc.time_precision} fat={inc.fatalities} "
            f"victims={inc.victim_count} actor1={inc.actor1!r} suspected={inc.suspected} "
            f"routes={inc.route_ids!r} | {quote[:90]!r}")


def describe_all(report: Any) -> str:
    lines = [f"  [{i}] {describe(inc)}" for i, inc in enumerate(report.incidents)]
    return "predicted incidents:\n" + ("\n".join(lines) if lines else "  (none)")


def describe_places(report: Any) -> str:
    lines = [f"  {p.name!r} (mention {p.mention!r}) [{p.country_code}] "
             f"({p.latitude:.3f}, {p.longitude:.3f}) {p.place_type} geo={p.geo_precision}"
             for p in report.places]
    return ("predicted places:\n" + ("\n".join(lines) if lines else "  (none)")
            + f"\nunresolved: {list(report.unresolved)!r}")


def candidates(exp: dict[str, Any], report: Any) -> list[int]:
    """Indices of predicted incidents that count as the expected one."""
    out = []
    for i, inc in enumerate(report.incidents):
        if inc.event_type != exp["event_type"]:
            continue
        if km(inc.latitude, inc.longitude, exp["lat"], exp["lon"]) > exp["tolerance_km"]:
            continue
        if "event_date" in exp and not date_ok(inc.event_date, exp["event_date"]):
            continue
        if not all(value_ok(k, getattr(inc, k), exp[k]) for k in exp.get("match_on", [])):
            continue
        out.append(i)
    return out


def place_names(place: Any) -> set[str]:
    return {fold(n) for n in [place.name, place.mention, *(place.mentions or [])] if n}


def surface_forms(place: Any) -> set[str]:
    return {fold(n) for n in [place.mention, *(place.mentions or [])] if n}


def report_text(case: dict[str, Any]) -> str:
    return (REPORTS / case["report"]).read_text(encoding="utf-8")


def run_extract(case: dict[str, Any]):
    import mapper

    return mapper.extract(report_text(case), published=case["published"], source=case["report"])


_CACHE: dict[str, Any] = {}


@pytest.fixture(scope="module")
def extracted():
    """Extract each report once per module run."""
    def get(case: dict[str, Any]):
        if case["stem"] not in _CACHE:
            _CACHE[case["stem"]] = run_extract(case)
        return _CACHE[case["stem"]]

    yield get
    _CACHE.clear()


# --------------------------------------------------------------------------- the files

@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_expectation_file_is_well_formed(case):
    """The YAML itself: known keys, a real report, ACLED's vocabulary, plausible values."""
    from mapper.acled import SUB_EVENT_TYPES
    from mapper.model import EVENT_TYPES

    assert set(case) - {"stem"} <= CASE_KEYS, set(case) - CASE_KEYS - {"stem"}
    assert case["report"].endswith(".txt") and Path(case["report"]).stem == case["stem"]
    text = report_text(case)
    assert 120 <= len(text.split()) <= 350, f"{case['report']}: {len(text.split())} words"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(case["published"]))
    ids = [e["id"] for e in case["incidents"]]
    assert len(ids) == len(set(ids)), ids
    for exp in case["incidents"]:
        assert set(exp) <= INCIDENT_KEYS, set(exp) - INCIDENT_KEYS
        assert {"event_type", "country_code", "lat", "lon", "tolerance_km"} <= set(exp)
        assert exp["event_type"] in EVENT_TYPES
        if "sub_event_type" in exp:
            assert exp["sub_event_type"] in SUB_EVENT_TYPES[exp["event_type"]]
        if "event_date" in exp:
            assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", exp["event_date"]), exp["event_date"]
            assert exp["event_date"] <= case["published"]
        assert set(exp.get("match_on", [])) <= INCIDENT_KEYS
    for place in case.get("places", []):
        assert {"names", "country_code", "lat", "lon", "tolerance_km"} <= set(place), place


# --------------------------------------------------------------------------- incidents

@pytest.mark.parametrize("case, exp", INCIDENT_PARAMS)
def test_expected_incident(case, exp, extracted):
    report = extracted(case)
    found = candidates(exp, report)
    where = (f"{case['report']}: expected {exp['id']} = {exp['event_type']} within "
             f"{exp['tolerance_km']} km of ({exp['lat']}, {exp['lon']}), "
             f"date {exp.get('event_date', 'any')}")
    assert len(found) == 1, (f"{where}: {len(found)} predicted incidents match "
                             f"(indices {found})\n{describe_all(report)}")
    inc = report.incidents[found[0]]
    problems = []
    for key in ("sub_event_type", "event_date", "time_precision", "geo_precision",
                "location", "country_code", "fatalities", "victim_count", "actor1",
                "suspected"):
        if key in exp and not value_ok(key, getattr(inc, key), exp[key]):
            problems.append(f"{key}: expected {exp[key]!r}, got {getattr(inc, key)!r}")
    routes = route_set(inc.route_ids)
    missing = set(exp.get("route_ids", [])) - routes
    if missing:
        problems.append(f"route_ids: missing {sorted(missing)} (got {inc.route_ids!r})")
    wrong = set(exp.get("route_ids_absent", [])) & routes
    if wrong:
        problems.append(f"route_ids: must not include {sorted(wrong)} (got {inc.route_ids!r})")
    assert not problems, (f"{where}:\n  " + "\n  ".join(problems)
                          + f"\nmatched: {describe(inc)}\n{describe_all(report)}")


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_no_extra_incidents(case, extracted):
    """Background history, summaries and vague mentions must not yield incidents."""
    report = extracted(case)
    matched = set()
    for exp in case["incidents"]:
        matched.update(candidates(exp, report))
    extra = [describe(report.incidents[i]) for i in range(len(report.incidents))
             if i not in matched]
    assert not extra, (f"{case['report']}: {len(extra)} predicted incident(s) match no "
                       "expected incident:\n  " + "\n  ".join(extra)
                       + f"\n{describe_all(report)}")
    assert len(report.incidents) == len(case["incidents"]), (
        f"{case['report']}: expected {len(case['incidents'])} incidents, got "
        f"{len(report.incidents)} (duplicates?)\n{describe_all(report)}")


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_incident_records_follow_the_schema(case, extracted):
    from mapper.acled import SUB_EVENT_TYPES

    report = extracted(case)
    for inc in report.incidents:
        what = describe(inc)
        assert inc.sub_event_type in SUB_EVENT_TYPES.get(inc.event_type, ()), what
        assert inc.event_date is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", inc.event_date), what
        assert inc.event_date is None or inc.event_date <= case["published"], what
        assert inc.time_precision in (1, 2, 3), what
        assert inc.geo_precision in (1, 2, 3), what
        assert -90 <= inc.latitude <= 90 and -180 <= inc.longitude <= 180, what
        assert re.fullmatch(r"[A-Z]{2}", inc.country_code or ""), what
        assert inc.fatalities is None or inc.fatalities >= 0, what
        assert inc.victim_count is None or inc.victim_count > 0, what
        assert inc.published == case["published"], what
        assert inc.source == case["report"], what
        assert 0 <= inc.confidence <= 1, what


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_quotes_are_verbatim(case, extracted):
    report = extracted(case)
    text = report_text(case)
    for inc in report.incidents:
        assert inc.quote and inc.quote.strip(), f"empty quote: {describe(inc)}"
        assert inc.quote in text, f"quote is not a substring of the report: {inc.quote!r}"


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_event_ids_are_stable_and_unique(case, extracted):
    first = [inc.event_id for inc in extracted(case).incidents]
    again = [inc.event_id for inc in run_extract(case).incidents]
    assert all(isinstance(e, str) and e for e in first), first
    assert len(set(first)) == len(first), f"duplicate event_ids: {first}"
    assert sorted(again) == sorted(first), f"event_ids changed between runs: {first} vs {again}"


def test_event_ids_are_stable_across_processes(extracted):
    """Ids must not depend on per-process state such as str hash randomisation."""
    case = next(c for c in CASES if c["stem"] == "mali-2025-11-10")
    mine = sorted(inc.event_id for inc in extracted(case).incidents)
    code = ("import json, sys, mapper; "
            "r = mapper.extract(open(sys.argv[1], encoding='utf-8').read(), "
            "published=sys.argv[2], source=sys.argv[3]); "
            "print(json.dumps(sorted(i.event_id for i in r.incidents)))")
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run(
            [sys.executable, "-c", code, str(REPORTS / case["report"]), case["published"],
             case["report"]], capture_output=True, text=True, timeout=120, env=env)
        assert proc.returncode == 0, proc.stderr[-2000:]
        assert json.loads(proc.stdout.strip().splitlines()[-1]) == mine, (
            f"PYTHONHASHSEED={seed}: {proc.stdout.strip()} vs {mine}")


# --------------------------------------------------------------------------- places

@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_required_places(case, extracted):
    report = extracted(case)
    missing = []
    for want in case.get("places", []):
        names = {fold(n) for n in want["names"]}
        ok = any(
            names & place_names(p) and p.country_code == want["country_code"]
            and km(p.latitude, p.longitude, want["lat"], want["lon"]) <= want["tolerance_km"]
            for p in report.places
        )
        if not ok:
            missing.append(f"{want['names'][0]} [{want['country_code']}] within "
                           f"{want['tolerance_km']} km of ({want['lat']}, {want['lon']})")
    assert not missing, (f"{case['report']}: places missing or misplaced:\n  "
                         + "\n  ".join(missing) + f"\n{describe_places(report)}")


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_no_false_places(case, extracted):
    """Demonyms, people, organisations and homonyms abroad must not become places."""
    report = extracted(case)
    bad = []
    forbidden = set(case.get("forbidden_place_countries", []))
    allowed = case.get("allowed_place_countries")
    for p in report.places:
        if p.country_code in forbidden or (allowed is not None and p.country_code not in allowed):
            bad.append(f"place {p.name!r} (mention {p.mention!r}) in {p.country_code}")
    for inc in report.incidents:
        if inc.country_code in forbidden:
            bad.append(f"incident in {inc.country_code}: {describe(inc)}")
    mentions = {fold(m): m for m in case.get("forbidden_mentions", [])}
    for p in report.places:
        hit = surface_forms(p) & set(mentions)
        if hit:
            bad.append(f"{sorted(mentions[h] for h in hit)} read as place {p.name!r} "
                       f"[{p.country_code}]")
    for name in report.unresolved:
        if fold(name) in mentions:
            bad.append(f"{name!r} listed as an unresolved toponym")
    assert not bad, f"{case['report']}:\n  " + "\n  ".join(bad) + f"\n{describe_places(report)}"


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_unresolved_names(case, extracted):
    report = extracted(case)
    listed = {fold(n) for n in report.unresolved}
    problems = [f"{n!r} not listed as unresolved" for n in case.get("unresolved", [])
                if fold(n) not in listed]
    for name in case.get("unresolved_or_coarse", []):
        if fold(name) in listed:
            continue
        resolved = [p for p in report.places if fold(name) in surface_forms(p)]
        if not resolved:
            problems.append(f"{name!r} neither unresolved nor resolved")
        problems += [f"{name!r} resolved at precision {p.geo_precision} as {p.name!r} "
                     f"[{p.country_code}]" for p in resolved if p.geo_precision < 2]
    assert not problems, (f"{case['report']}:\n  " + "\n  ".join(problems)
                          + f"\n{describe_places(report)}")


# --------------------------------------------------------------------------- routes

ROUTE_CASES = [c for c in CASES if c.get("blockaded_routes") or c.get("not_blockaded_routes")]


@pytest.mark.parametrize("case", ROUTE_CASES, ids=[c["stem"] for c in ROUTE_CASES])
def test_blockaded_routes(case, extracted):
    report = extracted(case)
    by_id = {r.route_id: r for r in report.routes}
    summary = "routes: " + repr([(r.route_id, r.status, r.since, r.actor) for r in report.routes])
    problems = []
    for want in case.get("blockaded_routes", []):
        route = by_id.get(want["route_id"])
        if route is None:
            problems.append(f"{want['route_id']}: no route feature")
            continue
        if route.status != "blockaded":
            problems.append(f"{want['route_id']}: status {route.status!r}")
        if "since" in want and not date_ok(route.since and route.since[:10], want["since"]):
            problems.append(f"{want['route_id']}: since {route.since!r}, expected {want['since']}")
        if "actor" in want and fold(route.actor) != fold(want["actor"]):
            problems.append(f"{want['route_id']}: actor {route.actor!r}")
        if len(route.coordinates) < 2:
            problems.append(f"{want['route_id']}: fewer than two coordinates")
    for rid in case.get("not_blockaded_routes", []):
        if rid in by_id and by_id[rid].status == "blockaded":
            problems.append(f"{rid}: blockaded, but the report does not name it")
    assert not problems, f"{case['report']}:\n  " + "\n  ".join(problems) + "\n" + summary
