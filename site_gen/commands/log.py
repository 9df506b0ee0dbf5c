"""``site-gen log CASE``: the quickest way to add a support-log entry.

Writes ``cases/<id>/support_log/<date>-<by>-<hash>.yaml`` — a file of its
own, so two coaches of a tandem logging on two branches never meet in a
merge conflict. Validated before anything is written; the note is never
printed.
"""

from __future__ import annotations

import argparse
import re
import datetime as dt
from pathlib import Path

from ..dataset import ORGANISATION_FILE, load_dataset
from ..entries import check_entry, write_entry
from ..findings import UserError
from ..models.case import ServiceKind
from ..models.after import CrisisReason
from ..models.common import ID_PATTERN
from ..validate import printable
from .check import parse_date

OPTIONS = {"date": "--date", "kind": "--kind", "minutes": "--minutes", "by": "--by", "note": "--note", "crisis": "--crisis",
           "employer": "--employer"}


def run(root: Path, case_id: str, entry: dict[str, object]) -> int:
    """Validate and write one support-log entry of ``case_id``."""
    if not re.fullmatch(ID_PATTERN, case_id):
        raise UserError("Das ist keine gültige Kennung einer Akte.", "Kennung wie tn-0042 angeben (Ordnername).")
    check_entry("support_log", entry, OPTIONS)
    ds = load_dataset(root, only=[])
    if ds.organisation is None:
        raise UserError(f"{ORGANISATION_FILE} fehlt oder ist ungültig.", "Erst 'site-gen check' ausführen und die Fehler beheben.")
    if entry["by"] not in ds.staff:
        shown = f" '{entry['by']}'" if printable(entry["by"]) else ""
        raise UserError(f"--by: Die Fachkraft{shown} steht nicht im Personal (organisation.yaml).",
                        "Die Kennung aus organisation.yaml › staff angeben, z. B. die eigene.")
    path = write_entry(root, case_id, "support_log", entry)
    print(f"Eingetragen: {path.relative_to(root).as_posix()} ({entry['minutes']} Minuten, {entry['kind']}).")
    print("    Hinweis: mit 'git add' und 'git commit' speichern; 'site-gen check' prüft die Akte.")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("log", help="Eintrag in die Begleitung einer Akte schreiben (eigene Datei, konfliktfrei)")
    p.add_argument("case", help="Kennung der Akte, z. B. tn-0042")
    p.add_argument("--date", type=parse_date, default=None, help="Tag der Leistung JJJJ-MM-TT (Standard: heute)")
    p.add_argument("--kind", required=True, choices=[k.value for k in ServiceKind], help="Leistungsart (Haus Hall § 3)")
    p.add_argument("--minutes", required=True, type=int, help="Dauer in Minuten (1–600)")
    p.add_argument("--by", required=True, help="Kennung der Fachkraft, z. B. emre-yildiz")
    p.add_argument("--note", required=True, help="kurze sachliche Notiz (wird nie ausgegeben)")
    p.add_argument("--employer", action="store_true", help="die Leistung war ein Kontakt mit einem Betrieb")
    p.add_argument("--crisis", choices=[c.value for c in CrisisReason], default=None, help="nur bei einer Krisenintervention: der Anlass")
    p.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    entry: dict[str, object] = {"date": (args.date or dt.date.today()).isoformat(), "kind": args.kind, "minutes": args.minutes,
                                "by": args.by, "note": args.note}
    if args.crisis:
        entry["crisis"] = args.crisis
    if args.employer:
        entry["employer"] = True
    return run(args.root, args.case, entry)
