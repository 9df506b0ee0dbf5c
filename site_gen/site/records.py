"""What a site is built from: every valid record, whatever else is wrong.

A record with a commit-made error (schema, syntax, references, identity,
overlaps …) is left out of the sites; its page, if it has one, only says
where the errors are. Time-made tasks and consent findings never leave a
record out: the consent filter removes exactly the data no live consent
covers, on every build.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..checking.engine import dataset_findings, paused_gc
from ..findings import Finding, Severity
from ..records.dataset import Dataset, load_dataset

NEVER_PAGED = ("PRIVACY-NAME-IN-ID", "PRIVACY-NAME-FILENAME")
"""A record whose id or file name holds a name gets no page at all: the address would show it."""


def blocks_record(finding: Finding) -> bool:
    """A commit-made error that makes its record invalid for the sites."""
    return finding.severity is Severity.ERROR and not finding.is_task and not finding.code.startswith("CONSENT-")


@dataclass
class Selection:
    """The records a site shows and every finding about the repository."""

    ds: Dataset
    """Valid records only; ``ds.files`` still lists every record file and ``ds.findings``
    holds the errors of the records left out (for their notice pages)."""
    findings: list[Finding]
    excluded: dict[str, list[Finding]]
    """Record file (relative path) → the errors that left it out."""

    @property
    def errors(self) -> list[Finding]:
        """Commit-made errors anywhere (they make ``build`` exit 1)."""
        return [f for f in self.findings if f.severity is Severity.ERROR and not f.is_task]

    @property
    def tasks(self) -> list[Finding]:
        """What time made due: the team's to-do list."""
        return [f for f in self.findings if f.is_task]


def select(ds: Dataset, today: dt.date) -> Selection:
    """Check ``ds`` (reusing the check's per-record cache) and leave out every record with a commit-made error."""
    findings = dataset_findings(ds, today)
    records = set(ds.files.values())
    excluded: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        if f.file in records and blocks_record(f):
            excluded[f.file].append(f)
    # Records that failed to load are not in the collections: they count as left out too.
    loaded = {ds.path_of(kind, rid) for kind, col in (("cases", ds.cases), ("workplaces", ds.workplaces), ("modules", ds.modules)) for rid in col}
    for display in records - loaded:
        excluded.setdefault(display, [])
    shown = [f for f in findings if f.file in excluded and blocks_record(f) and f.code not in NEVER_PAGED]
    nameless = {f.file for f in findings if f.code in NEVER_PAGED}
    valid = ds.without(set(excluded), notices=[f for f in shown if f.file not in nameless], unpaged=nameless)
    return Selection(valid, findings, dict(excluded))


def load_selection(root: Path, today: dt.date) -> Selection:
    """Load the whole repository below ``root`` and select what the sites show."""
    with paused_gc():
        ds = load_dataset(root)
    return select(ds, today)
