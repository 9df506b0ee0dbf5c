"""The last Git changes of each record file, parsed from one ``git log`` run.

Reading Git is I/O and happens at the edge (``site_gen.site.internal``);
this module only defines the command line and parses its output, so that the
dossier view stays pure.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..layout import history_key

KEEP = 5
"""Changes shown per record."""

SEP = "\x1e"
LOG_ARGS = ["log", f"--format={SEP}%h%x1f%aI%x1f%an", "--name-only", "--no-renames", "--", "cases", "workplaces", "modules"]
"""Arguments for one ``git log`` over all record folders (newest first)."""


@dataclass(frozen=True, slots=True)
class Change:
    """One commit that touched a record file (page history, subject-access export)."""

    commit: str
    date: dt.date
    author: str


def parse_log(text: str, prefix: str = "", keep: int = KEEP) -> dict[str, list[Change]]:
    """Record (relative to the records root; a case as ``cases/<id>`` in both layouts, see
    :func:`~site_gen.layout.history_key`) → its newest ``keep`` changes.

    ``prefix`` is the records root relative to the Git top level ("" when
    they are the same, else e.g. ``"daten/"``): it is removed from paths.
    """
    out: dict[str, list[Change]] = {}
    for block in text.split(SEP):
        if not block.strip():
            continue
        head, _, names = block.partition("\n")
        parts = head.split("\x1f")
        if len(parts) != 3:
            continue
        commit, when, author = parts
        try:
            change = Change(commit, dt.date.fromisoformat(when[:10]), author)
        except ValueError:
            continue
        for name in names.splitlines():
            name = name.strip()
            if not name or not name.startswith(prefix):
                continue
            changes = out.setdefault(history_key(name[len(prefix):]), [])  # a case folder's files count as one record
            if len(changes) < keep and change not in changes:
                changes.append(change)
    return out
