"""Benchmark of the matching (issue #6). Prints figures and ratios against the goals.

Goals: ranking 2,000 workplaces for one participant ≤ 50 ms; all pairs of
10,000 cases × 2,000 workplaces for an overview ≤ 30 s.

Synthetic records come from the demo generator (``site-gen demo``), validated
into models in memory (no files: loading YAML is measured by the check
benchmark, not here). Run: ``python benchmarks/matching.py [--cases N --workplaces M]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from site_gen.authoring import demo  # noqa: E402
from site_gen.matching.index import MatchIndex  # noqa: E402
from site_gen.models import Case, Organisation, ProfileCatalogue, PurposeCatalogue, Workplace  # noqa: E402
from site_gen.records.config import CATALOGUE_FILE, PURPOSES_FILE  # noqa: E402
from site_gen.records.dataset import Dataset  # noqa: E402
from site_gen.records.load import read_yaml  # noqa: E402
from site_gen.views.consented import consented_dataset  # noqa: E402

TODAY = dt.date(2026, 11, 22)
RANK_GOAL_MS, OVERVIEW_GOAL_S = 50.0, 30.0


def dataset(n_cases: int, n_workplaces: int) -> Dataset:
    """An in-memory dataset from the demo generator's records."""
    rng = random.Random(7)
    org = demo.organisation(n_cases, 10)
    ds = Dataset(root=REPO, organisation=Organisation.model_validate(org))
    ds.catalogue = ProfileCatalogue.model_validate(read_yaml(REPO / CATALOGUE_FILE, CATALOGUE_FILE)[0])
    ds.purposes_catalogue = PurposeCatalogue.model_validate(read_yaml(REPO / PURPOSES_FILE, PURPOSES_FILE)[0])
    for i in range(n_workplaces):
        wp = Workplace.model_validate(demo.workplace(i, rng, org))
        ds.workplaces[wp.id] = wp
    for i in range(n_cases):
        case = Case.model_validate(demo.case(i, rng, org, n_workplaces, 10))
        ds.cases[case.id] = case
    return consented_dataset(ds, TODAY)


def timed(fn):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--workplaces", type=int, default=2_000)
    parser.add_argument("--samples", type=int, default=200, help="participants to rank for the per-person figure")
    args = parser.parse_args()

    ds, t_data = timed(lambda: dataset(args.cases, args.workplaces))
    print(f"synthetic records: {len(ds.cases)} cases, {len(ds.workplaces)} workplaces, validated in {t_data:.1f} s")

    # one participant: index over that person and all workplaces (cold), then ranking with explanations
    one = Dataset(root=ds.root, organisation=ds.organisation, catalogue=ds.catalogue, purposes_catalogue=ds.purposes_catalogue,
                  cases={c: ds.cases[c] for c in list(ds.cases)[:1]}, workplaces=ds.workplaces)
    cid = next(iter(one.cases))
    cold_index, t_cold_index = timed(lambda: MatchIndex(one, TODAY))
    _, t_cold_rank = timed(lambda: cold_index.workplaces_for(cid, 10))

    index, t_index = timed(lambda: MatchIndex(ds, TODAY))
    sample = random.Random(1).sample(index.case_ids, min(args.samples, len(index.case_ids)))
    times = []
    for c in sample:
        _, t = timed(lambda c=c: index.workplaces_for(c, 10))
        times.append(t * 1000)
    med, p95 = statistics.median(times), sorted(times)[int(0.95 * (len(times) - 1))]
    wid = index.workplace_ids[0]
    _, t_cands = timed(lambda: index.cases_for(wid, 10))

    overview, t_overview = timed(lambda: index.overview(top=5))
    pairs = len(index.case_ids) * len(index.workplace_ids)
    total_overview = t_index + t_overview

    print()
    print(f"rank {len(index.workplace_ids)} workplaces for one participant, top 10 explained (warm index, {len(times)} people):")
    print(f"  median {med:.1f} ms, p95 {p95:.1f} ms   goal ≤ {RANK_GOAL_MS:.0f} ms   ratio {med / RANK_GOAL_MS:.2f} (p95 {p95 / RANK_GOAL_MS:.2f})")
    print(f"  cold (features + matrices for 1 person × {len(one.workplaces)} workplaces, then rank): "
          f"{(t_cold_index + t_cold_rank) * 1000:.1f} ms   ratio {(t_cold_index + t_cold_rank) * 1000 / RANK_GOAL_MS:.2f}")
    print(f"rank {len(index.case_ids)} candidates for one workplace, top 10 explained: {t_cands * 1000:.1f} ms")
    print()
    print(f"overview, all {pairs:,} pairs ({len(index.case_ids)} × {len(index.workplace_ids)}), top 5 each way:")
    print(f"  index (features + matrices) {t_index:.2f} s + all-pairs scores {t_overview:.2f} s = {total_overview:.2f} s"
          f"   goal ≤ {OVERVIEW_GOAL_S:.0f} s   ratio {total_overview / OVERVIEW_GOAL_S:.2f}")
    print(f"  throughput {pairs / t_overview / 1e6:.1f} M pairs/s; {len(overview.workplaces_for_case)} case lists, "
          f"{len(overview.cases_for_workplace)} workplace lists")
    ok = med <= RANK_GOAL_MS and total_overview <= OVERVIEW_GOAL_S
    print()
    print("result:", "both goals met" if ok else "GOAL MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
