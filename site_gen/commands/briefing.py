"""``site-gen briefing CASE WORKPLACE``: printable page for an employer.

Contains exactly the disclosures for that workplace that a live consent
naming it covers (see :mod:`site_gen.views.briefing`); exit 1 with a German
message when there is no such consent. Prints only the output path.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import tempfile
from pathlib import Path

from ..dataset import load_dataset
from ..findings import UserError
from ..render.privacy import render_briefing
from ..views.briefing import briefing_context
from ..wording import count
from ..outputs import out_file
from .check import parse_date


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file: never a half-written file."""
    path = path.resolve()
    if not path.parent.is_dir():
        raise UserError(f"Der Ordner '{path.parent}' existiert nicht.", "Einen vorhandenen Ordner angeben.")
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".site-gen-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(tmp, 0o600)  # personal data: readable by the owner only
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def run(root: Path, case_id: str, workplace_id: str, out: Path | None, today: dt.date) -> int:
    """Render the briefing for ``workplace_id`` about ``case_id`` into ``out``."""
    ds = load_dataset(root)
    ctx = briefing_context(ds, case_id, workplace_id, today)
    target = out_file(root, out, f"mitteilung-{case_id}-{workplace_id}.html")
    write_atomic(target, render_briefing(ctx))
    print(f"Mitteilung für den Betrieb geschrieben: {target} ({count(len(ctx.items), 'Punkt', 'Punkte')}).")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("briefing", help="Druckseite: was ein Betrieb über eine Person erfahren darf")
    p.add_argument("case", help="Kennung der Akte, z. B. tn-0042")
    p.add_argument("workplace", help="Kennung des Arbeitsplatzes, z. B. ap-baeckerei")
    p.add_argument("--out", type=Path, default=None, help="Zieldatei (Standard: ausgabe/mitteilung-AKTE-ARBEITSPLATZ.html im Daten-Repository)")
    p.add_argument("--today", type=parse_date, default=None, help="Stichtag JJJJ-MM-TT für die Gültigkeit der Einwilligung")
    p.set_defaults(run=lambda a: run(a.root, a.case, a.workplace, a.out, a.today or dt.date.today()))
