"""Benchmark: render a synthetic 10,000-incident report to HTML (online and --offline).

Run: ``python benchmarks/bench_render.py [N]``. Target (DESIGN.md): HTML written in
under 5 s for 10,000 incidents. Prints the time and the size of each file.
"""
from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from mapper.model import Incident, Report


def synthetic_report(n: int, seed: int = 7) -> Report:
    """``n`` random incidents in the Sahel with random ACLED types, sub-types and dates."""
    from mapper.acled import SUB_EVENT_TYPES

    rng = random.Random(seed)
    types = list(SUB_EVENT_TYPES)
    incidents = []
    for k in range(n):
        t = rng.choice(types)
        incidents.append(Incident(
            f"syn-{k}", t, rng.choice(SUB_EVENT_TYPES[t]), f"Place {k}", "Mali", "ML",
            round(rng.uniform(11.0, 18.0), 5), round(rng.uniform(-12.0, 4.0), 5),
            event_date=f"2025-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
            time_precision=rng.choice([1, 1, 2, 3]),
            actor1=rng.choice(["JNIM", "ISSP", "Military Forces of Mali", None]),
            suspected=rng.random() < 0.2, geo_precision=rng.choice([1, 1, 2, 3]),
            fatalities=rng.choice([None, 0, 1, 5, 20]), notes="Synthetic incident",
            quote=f"Synthetic quote number {k}.", source="synthetic.txt",
            published="2025-12-31"))
    return Report(incidents=incidents, source="synthetic.txt", published="2025-12-31")


def main(n: int = 10_000) -> int:
    from mapper.render import write_map

    report = synthetic_report(n)
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for offline in (False, True):
            # corridors=[]: time the map itself, not loading the gazetteer for the catalogue
            t0 = time.perf_counter()
            path = write_map(report, Path(tmp) / f"bench-{'offline' if offline else 'online'}.html",
                             offline=offline, corridors=[])
            dt = time.perf_counter() - t0
            worst = max(worst, dt)
            print(f"{n:,} incidents, {'offline' if offline else 'online '}: {dt:.2f} s, "
                  f"{path.stat().st_size / 1e6:.2f} MB")
    ok = worst < 5.0
    print(f"target < 5 s: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))
