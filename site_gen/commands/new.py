"""``site-gen new case|workplace|module``: a commented skeleton with the next free id (see :mod:`site_gen.authoring.skeletons`).

``site-gen new eintrag AKTE LISTE``: a commented skeleton entry file in the
case folder (see :func:`site_gen.authoring.entries.new_entry`).
"""

from __future__ import annotations

import argparse

from .options import add_today

KINDS = ("case", "module", "workplace", "eintrag")
EXAMPLE = "z. B. 'site-gen new eintrag tn-0004 ability_profiles' (oder die Liste auf Deutsch: Fähigkeitsprofile)"


def run(args: argparse.Namespace) -> int:
    from ..errors import UserError
    from ..records.placeholders import MARKER

    if args.kind == "eintrag":
        if not (args.case and args.list):
            raise UserError("Für einen neuen Eintrag die Akte und die Liste angeben.", EXAMPLE + ".")
        from ..authoring.entries import new_entry

        path = new_entry(args.root, args.case, args.list, args.today)
    elif args.case or args.list:
        raise UserError(f"'site-gen new {args.kind}' nimmt keine weiteren Angaben; die Kennung wird vergeben.",
                        f"Nur 'site-gen new {args.kind}' aufrufen. Einen Eintrag in eine Akte schreibt {EXAMPLE}.")
    else:
        from ..authoring.skeletons import create

        try:
            path = create(args.root, args.kind, args.today)
        except FileExistsError:
            raise UserError("Die Datei existiert schon und wird nicht überschrieben.", "Den Befehl erneut ausführen.") from None
    print(f"Angelegt: {path.relative_to(args.root).as_posix()} – alles mit {MARKER} ersetzen und mit 'site-gen check' prüfen.")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help="Neuen Datensatz oder neuen Eintrag einer Akte als kommentiertes Gerüst anlegen")
    p.add_argument("kind", choices=KINDS, metavar="ART",
                   help="case (Akte), workplace (Arbeitsplatz), module (Kursmodul) oder eintrag (ein Eintrag in einer Akte)")
    p.add_argument("case", nargs="?", default=None, metavar="AKTE", help="nur bei 'eintrag': Kennung der Akte, z. B. tn-0004")
    p.add_argument("list", nargs="?", default=None, metavar="LISTE",
                   help="nur bei 'eintrag': die Liste (Unterordner der Akte), z. B. support_log, stages, ability_profiles, "
                        "consents, oder ihr deutscher Name: Begleitung, Phasen, Fähigkeitsprofile, Einwilligungen")
    add_today(p, "für die Aktenanlage und das Datum eines Eintrags (Standard: heute)")
    p.set_defaults(run=run)
