"""``site-gen kontakt WORKPLACE``: a contact with a company, with or without a case (see :mod:`site_gen.employer.contacts`).

Writes ``workplaces/<id>/contact_log/<date>-<by>-<hash>.yaml``; validated
before anything is written; the note is never printed.
"""

from __future__ import annotations

import argparse

from .options import add_today, parse_date, positive

KINDS = ("anruf", "besuch", "erstgespraech", "arbeitsplatzanalyse", "foerderberatung", "rueckmeldung", "sonstiges")


def run(args: argparse.Namespace) -> int:
    from ..employer.contacts import contact_entry

    entry: dict[str, object] = {"date": (args.date or args.today).isoformat(), "kind": args.kind, "by": args.by, "summary": args.note}
    optional = {"case": args.case, "minutes": args.minutes, "question": args.frage, "answer": args.antwort,
                "follow_up": args.wiedervorlage.isoformat() if args.wiedervorlage else None}
    entry |= {key: value for key, value in optional.items() if value is not None}
    return contact_entry(args.root, args.workplace, entry, args.today)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("kontakt", help="Kontakt mit einem Betrieb eintragen (eigene Datei im Arbeitsplatzprofil, auch ohne Akte)")
    p.add_argument("workplace", help="Kennung des Arbeitsplatzprofils, z. B. ap-0001")
    p.add_argument("--date", type=parse_date, default=None, help="Tag des Kontakts JJJJ-MM-TT (Standard: heute)")
    p.add_argument("--kind", required=True, choices=KINDS, help="Art des Kontakts")
    p.add_argument("--by", required=True, help="Kennung der Fachkraft, z. B. emre-yildiz")
    p.add_argument("--note", required=True, help="kurze sachliche Notiz, ohne Gesundheitsdaten (wird nie ausgegeben)")
    p.add_argument("--case", default=None, help="nur wenn der Kontakt eine Person betrifft: Kennung der Akte (braucht deren Einwilligung)")
    p.add_argument("--minutes", type=positive, default=None, help="Dauer in Minuten (optional)")
    p.add_argument("--frage", default=None, help="eine Frage oder Sorge des Betriebs (optional)")
    p.add_argument("--antwort", default=None, help="die Antwort, die geholfen hat (optional)")
    p.add_argument("--wiedervorlage", type=parse_date, default=None, help="bis wann der Betrieb wieder kontaktiert werden soll JJJJ-MM-TT")
    add_today(p, "(Standard für --date)")
    p.set_defaults(run=run)
