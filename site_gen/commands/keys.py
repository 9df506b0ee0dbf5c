"""``site-gen keys …``: the keyring of a sealed repository (see :mod:`site_gen.records.staff`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from .options import add_today


def run(args: argparse.Namespace) -> int:
    from ..records import staff

    action = args.action
    if action == "init":
        from ..records.keys import keyring_path

        path = Path(args.keyring).expanduser() if args.keyring else keyring_path()
        if path is None:
            from ..errors import UserError

            raise UserError("Wohin soll der Schlüsselbund?", "SITE_GEN_KEYRING setzen oder --keyring ORDNER angeben (außerhalb des Repositorys).")
        return staff.init(path, args.admin, args.qr)
    if action == "add":
        return staff.add(args.root, args.staff, args.recipient, args.admin)
    if action == "remove":
        return staff.remove(args.root, args.staff)
    if action == "status":
        return staff.status(args.root)
    if action == "setup":
        return staff.setup(args.root)
    if action == "seal":
        from ..records.encrypt import seal_working_tree

        return seal_working_tree(args.root)
    from ..records.withdraw import shred_slot

    done = shred_slot(args.root, args.case, args.purpose, args.today)
    print(f"Schlüssel zum Zweck '{args.purpose}' der Akte {args.case} " + ("vernichtet." if done else "war schon vernichtet."))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("keys", help="Schlüssel versiegelter Akten: Schlüsselbund anlegen, Personen hinzufügen/entfernen, Schlüssel vernichten")
    actions = p.add_subparsers(dest="action", required=True, metavar="AKTION")
    init = actions.add_parser("init", help="neuen Schlüsselbund anlegen (zeigt einmal den Wiederherstellungsschlüssel)")
    init.add_argument("--admin", required=True, metavar="EMPFÄNGER", help="öffentlicher Schlüssel der ersten Admin-Person (age1… oder ssh-ed25519 …)")
    init.add_argument("--keyring", metavar="ORDNER", help="Ordner des Schlüsselbunds (sonst SITE_GEN_KEYRING)")
    init.add_argument("--qr", action="store_true", help="den Wiederherstellungsschlüssel auch als QR-Code zeigen")
    add = actions.add_parser("add", help="einer Fachkraft Lesezugriff auf ihren Standort geben (--admin: alle Standorte)")
    add.add_argument("staff", metavar="PERSONAL-ID")
    add.add_argument("recipient", metavar="EMPFÄNGER", help="age1… oder 'ssh-ed25519 AAAA…'")
    add.add_argument("--admin", action="store_true", help="liest alle Standorte (Leitung, CI)")
    remove = actions.add_parser("remove", help="Lesezugriff entziehen (neue Standortschlüssel: die Person liest nichts Neues)")
    remove.add_argument("staff", metavar="PERSONAL-ID")
    actions.add_parser("status", help="wer welchen Standort liest; Akten ohne Schlüssel")
    actions.add_parser("setup", help="frischen Klon einrichten: prüft eigenen Schlüssel und Schlüsselbund")
    actions.add_parser("seal", help="Klartext-Werte im Arbeitsstand versiegeln (vor dem Commit)")
    shred = actions.add_parser("shred", help="Schlüssel eines Zwecks einer Akte vernichten (z. B. nach Ablauf der Einwilligung)")
    shred.add_argument("case", metavar="AKTE")
    shred.add_argument("purpose", metavar="ZWECK")
    add_today(shred, "(Datum der Vernichtung)")
    p.set_defaults(run=run)
