"""The hook's light listing gives every record the stat key the full scan gives it (site_gen.records.dataset.record_stamps)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from site_gen.records.dataset import record_stamps, scan_records

from ..conftest import REPO


def _keys(root: Path) -> list[tuple[str, str, str, tuple[int, int]]]:
    return [(u.kind, u.id, u.display, u.stamp) for u in scan_records(root)[0]]


def test_light_listing_equals_the_full_scan(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    for name in ("cases", "workplaces", "modules"):
        shutil.copytree(REPO / name, root / name)
    case = root / "cases" / "tn-0004"
    (case / "notizen.txt").write_text("Anhang\n", encoding="utf-8")
    (case / "entwürfe").mkdir()
    (case / "support_log" / "scan.pdf").write_bytes(b"%PDF")
    (root / "cases" / "tn-0099").mkdir()  # no case.yaml: no record
    shutil.copy(root / "cases" / "tn-0005" / "case.yaml", root / "cases" / "tn-0005.yaml")  # file and folder: the folder counts
    assert record_stamps(root) == _keys(root)

    placement = next((case / "placements").iterdir())
    before = dict((r[2], r[3]) for r in record_stamps(root))["cases/tn-0004"]
    os.utime(placement, ns=(before[0] + 5_000_000_000, before[0] + 5_000_000_000))  # edited in place: the key moves
    after = dict((r[2], r[3]) for r in record_stamps(root))["cases/tn-0004"]
    assert after != before
    assert record_stamps(root) == _keys(root)
