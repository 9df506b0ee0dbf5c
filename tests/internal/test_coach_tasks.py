"""Time-made tasks (Finding.is_task) land on the work pages of the case's primary coach and deputy, and nowhere else."""

from __future__ import annotations

import datetime as dt
import re

from site_gen.commands.check import collect
from site_gen.records.dataset import load_dataset
from site_gen.site.internal_pages import render_site
from site_gen.views.consented import consented_dataset
from tests.conftest import REPO

from .figures import load

LATER = dt.date(2027, 3, 1)
"""A day on which time has made tasks in the demo data (consents expired, placements ended)."""


def test_tasks_reach_exactly_the_tandem() -> None:
    findings, _ = collect(REPO, LATER, use_cache=False)
    tasks = [f for f in findings if f.is_task]
    on_cases = [t for t in tasks if t.file.startswith("cases/")]
    assert on_cases and len(on_cases) < len(tasks)  # some tasks belong to workplaces: not on a coach page
    pages = render_site(consented_dataset(load_dataset(REPO), LATER), LATER, tasks=tasks)
    org, cases = load(REPO)
    tandem = {c["id"]: (c["coaches"]["primary"], c["coaches"]["deputy"]) for c in cases if not c.get("closed")}
    for s in org["staff"]:
        page = pages.get(f"arbeit/{s['id']}.md")
        if page is None:
            continue
        where = r"(cases/tn-\d+)(?:\.yaml|/\S+\.yaml):\d+ \|$"  # a case file, or the small file of a case folder
        rows = [line for line in page.splitlines() if re.search(where, line)]
        expected = sorted((t.file.removesuffix(".yaml"), t.code) for t in on_cases
                          if (cid := t.file.split("/")[1].removesuffix(".yaml")) in tandem and s["id"] in tandem[cid])
        shown = sorted((re.search(where, r).group(1), r.split(" | ")[4]) for r in rows)
        assert shown == expected, s["id"]
        assert "-1 " not in page and not re.search(r"\| -\d+ \|", page)
    assert "POSTING-EXPIRED" not in "".join(v for k, v in pages.items() if k.startswith("arbeit/"))
