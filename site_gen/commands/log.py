"""``site-gen log CASE``: the quickest way to add a support-log entry (see :func:`site_gen.entries.log_entry`).

Writes ``cases/<id>/support_log/<date>-<by>-<hash>.yaml`` — a file of its
own, so two coaches of a tandem logging on two branches never meet in a
merge conflict. Validated before anything is written; the note is never
printed.
"""

from __future__ import annotations

import argparse

from .options import parse_date

KINDS = ("unmittelbar", "mittelbar", "indirekt")


def run(args: argparse.Namespace) -> int:
    from ..entries import log_entry

    entry: dict[str, object] = {"date": (args.date or args.today).isoformat(), "kind": args.kind, "minutes": args.minutes,
                                "by": args.by, "note": args.note}
    if args.crisis:
        entry["crisis"] = args.crisis
    if args.employer:
        entry["employer"] = True
    return log_entry(args.root, args.case, entry)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("log", help="Eintrag in die Begleitung einer Akte schreiben (eigene Datei, konfliktfrei)")
    p.add_argument("case", help="Kennung der Akte, z. B. tn-0042")
    p.add_argument("--date", type=parse_date, default=None, help="Tag der Leistung JJJJ-MM-TT (Standard: heute)")
    p.add_argument("--kind", required=True, choices=KINDS, help="Leistungsart (Haus Hall § 3)")
    p.add_argument("--minutes", required=True, type=int, help="Dauer in Minuten (1–600)")
    p.add_argument("--by", required=True, help="Kennung der Fachkraft, z. B. emre-yildiz")
    p.add_argument("--note", required=True, help="kurze sachliche Notiz (wird nie ausgegeben)")
    p.add_argument("--employer", action="store_true", help="die Leistung war ein Kontakt mit einem Betrieb")
    p.add_argument("--crisis", default=None, help="nur bei einer Krisenintervention: der Anlass (Kategorie)")
    p.add_argument("--today", type=parse_date, default=None, help="Stichtag JJJJ-MM-TT (Standard für --date)")
    p.set_defaults(run=run)
