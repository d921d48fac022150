"""Benchmark the gazetteer: cold index build, warm CLI start, lookups per second.

Run from the repository top with the venv active::

    python benchmarks/bench_gazetteer.py            # everything
    python benchmarks/bench_gazetteer.py --skip-build

Targets (issue 2): cold build < 60 s, warm ``mapper geocode Tonka`` < 1 s,
>= 20,000 lookups/s. The cold build goes into a fresh temporary cache folder; the
warm start uses the normal cache (built first if missing). The lookup mix is made
of distinct queries (no query repeats, and nothing is cached between lookups).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGETS = {"build": 60.0, "warm": 1.0, "lookups": 20_000}


def _mapper_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("mapper")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "mapper"]


def cold_build() -> float:
    """Wall time of a full index build in a fresh process and an empty cache folder."""
    tmp = tempfile.mkdtemp(prefix="mapper-bench-")
    code = f"from mapper.gazetteer import build_index; build_index(progress=False, cache={tmp!r})"
    try:
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)
        return time.perf_counter() - t0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def warm_start(runs: int) -> tuple[float, list[float]]:
    """Median wall time of ``mapper geocode Tonka`` as a subprocess, index already cached."""
    cmd = [*_mapper_cmd(), "geocode", "Tonka"]
    subprocess.run(cmd, check=True, capture_output=True, cwd=REPO)  # builds the cache if needed
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        out = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=REPO)
        times.append(time.perf_counter() - t0)
        assert out.stdout.startswith("Tonka"), out.stdout
    return statistics.median(times), times


def query_mix(gaz, n: int, seed: int = 7) -> list[tuple[str, dict]]:
    """Distinct queries shaped like what extraction and analysts send.

    About half primary town names (population-weighted, so big and small towns),
    alternate names, region phrases, country names, case/accent variants, and
    misses (capitalised words that are no place, as a text scanner produces).
    About a quarter carry a country filter, a country bias or a --near point.
    """
    rng = random.Random(seed)
    base = gaz._base
    n_rec = len(base.gid)
    seen: set[str] = set()
    out: list[tuple[str, dict]] = []

    def push(q: str, kw: dict | None = None) -> None:
        if q and q not in seen and len(out) < n:
            seen.add(q)
            out.append((q, kw or {}))

    towns = [i for i in range(n_rec) if base.ptype[i] == "locality"]
    regions = [i for i in range(n_rec) if base.ptype[i] == "admin1"]
    alt_keys = [k for k, r in base.keys.items() if (r < 0 if isinstance(r, int) else r[0] < 0)]
    rng.shuffle(towns)
    rng.shuffle(alt_keys)
    words = [
        "Monday",
        "Minister",
        "Army",
        "Convoy",
        "Fuel",
        "Police",
        "Market",
        "Square",
        "Reuters",
        "Friday",
        "General",
        "Jihadist",
        "Blockade",
        "Truck",
        "Road",
        "Embassy",
    ]
    t_iter, a_iter = iter(towns), iter(alt_keys)
    countries = list(gaz.countries.values())
    while len(out) < n:
        r = rng.random()
        if r < 0.45:
            i = next(t_iter)
            kw: dict = {}
            x = rng.random()
            if x < 0.10:
                kw = {"country_codes": base.cc[i]}
            elif x < 0.20:
                kw = {"bias_countries": [base.cc[i]]}
            elif x < 0.25:
                kw = {"near": (base.lat[i] + rng.uniform(-1, 1), base.lon[i] + rng.uniform(-1, 1))}
            push(base.name[i], kw)
        elif r < 0.60:
            push(next(a_iter).title())
        elif r < 0.68:
            i = rng.choice(regions)
            push(rng.choice(["{} region", "Région de {}", "{} Province"]).format(base.name[i]))
        elif r < 0.72:
            c = rng.choice(countries)
            push(rng.choice([c, c.upper(), c.lower()]))
        elif r < 0.82:
            push(base.name[next(t_iter)].upper())
        else:
            push(f"{rng.choice(words)} {rng.choice(words)}{len(out)}")
    return out


def lookups_per_second(n: int) -> tuple[float, dict[str, float], int]:
    sys.path.insert(0, str(REPO))
    from mapper.gazetteer import Gazetteer

    gaz = Gazetteer(progress=False)
    queries = query_mix(gaz, n)
    hits = 0
    t0 = time.perf_counter()
    for q, kw in queries:
        if gaz.lookup(q, **kw):
            hits += 1
    total = time.perf_counter() - t0
    # Split by kind for the report; the gazetteer remembers the names it was asked, so it
    # forgets them before each pass (every query is then a first one, as in the mix)
    kinds = {
        "plain": [q for q, kw in queries if not kw],
        "with country/bias/near": [(q, kw) for q, kw in queries if kw],
    }
    per_kind = {}
    gaz.forget()
    t0 = time.perf_counter()
    for q in kinds["plain"]:
        gaz.lookup(q)
    per_kind["plain"] = len(kinds["plain"]) / (time.perf_counter() - t0)
    gaz.forget()
    t0 = time.perf_counter()
    for q, kw in kinds["with country/bias/near"]:
        gaz.lookup(q, **kw)
    per_kind["with country/bias/near"] = len(kinds["with country/bias/near"]) / (
        time.perf_counter() - t0
    )
    return len(queries) / total, per_kind, hits


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--skip-build", action="store_true", help="Do not time a cold build.")
    ap.add_argument("--runs", type=int, default=7, help="Warm-start runs (median taken).")
    ap.add_argument("--lookups", type=int, default=50_000, help="Distinct queries to time.")
    args = ap.parse_args()
    ok = True
    print(f"python {sys.version.split()[0]} on {os.cpu_count()} CPUs")
    if not args.skip_build:
        t = cold_build()
        ok &= t < TARGETS["build"]
        print(f"cold index build:        {t:6.1f} s   (target < {TARGETS['build']:.0f} s)")
    med, times = warm_start(args.runs)
    ok &= med < TARGETS["warm"]
    print(
        f"warm `mapper geocode Tonka`: {med:6.3f} s median of {len(times)} "
        f"(min {min(times):.3f}, max {max(times):.3f}; target < {TARGETS['warm']:.0f} s)"
    )
    rate, per_kind, hits = lookups_per_second(args.lookups)
    ok &= rate >= TARGETS["lookups"]
    print(
        f"lookups:                 {rate:8,.0f} /s over {args.lookups:,} distinct queries, "
        f"{hits:,} with a hit (target >= {TARGETS['lookups']:,})"
    )
    for k, v in per_kind.items():
        print(f"  {k + ':':25}{v:8,.0f} /s")
    print("all targets met" if ok else "SOME TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
