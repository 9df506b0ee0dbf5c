"""The fallback network: after a recorded return (or a crisis) the low-threshold places rank first, with a reason;
without one the order is the score's."""

from __future__ import annotations

import datetime as dt
import json

from site_gen.matching.features import fallback_reason
from site_gen.matching.index import MatchIndex
from site_gen.records.dataset import load_dataset

from ..conftest import REPO, TODAY, run_cli

FALLBACK = {"ap-0002", "ap-0004"}
"""The demo's fallback places (Kantine Hafenblick, Café Zimtschnecke)."""


def ranked(case: str) -> list[dict]:
    out = run_cli("--root", str(REPO), "match", case, "--today", TODAY, "--top", "6", "--format", "json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)["results"]


def test_after_a_recorded_return_fallback_places_come_first_with_a_reason() -> None:
    results = ranked("tn-0009")  # returned to the workshop on 29.05.2026
    assert {r["id"] for r in results[:2]} == FALLBACK
    assert results[1]["score"] < max(r["score"] for r in results[2:])  # ranked first by the network, not by points
    reasons = [reason["text"] for r in results[:2] for part in r["parts"] for reason in part["reasons"]]
    assert sum("Auffangplatz, zuerst vorgeschlagen: nach Rückkehr in die Werkstatt am 29.05.2026" in t for t in reasons) == 2
    assert not any("Auffangplatz" in reason["text"] for r in results[2:] for part in r["parts"] for reason in part["reasons"])


def test_without_return_or_crisis_the_order_is_the_score() -> None:
    ds = load_dataset(REPO)
    today = dt.date.fromisoformat(TODAY)
    quiet = next(cid for cid, c in sorted(ds.cases.items()) if c.closed is None and fallback_reason(c, today) is None)
    fits = MatchIndex(ds, today).workplaces_for(quiet, 8)
    assert [round(f.score, 6) for f in fits] == sorted((round(f.score, 6) for f in fits), reverse=True)


def test_a_return_long_ago_no_longer_puts_the_network_first() -> None:
    ds = load_dataset(REPO)
    later = dt.date(2027, 1, 1)  # more than 180 days after the return of tn-0009
    assert fallback_reason(ds.cases["tn-0009"], later) is None
    assert fallback_reason(ds.cases["tn-0009"], dt.date.fromisoformat(TODAY)) == "Rückkehr in die Werkstatt am 29.05.2026"
