"""``site-gen log CASE …``: the quickest way to add a support-log entry (see :func:`site_gen.authoring.entries.log_entry`).

Writes ``cases/<id>/support_log/<date>-<by>-<hash>.yaml`` — a file of its
own, so two coaches of a tandem logging on two branches never meet in a
merge conflict. Several cases: one group session, one entry per case with the
same group id and never the others' ids (:mod:`site_gen.authoring.group_log`).
``--team``: team time without a case into ``team/``. Validated before
anything is written; the note is never printed.
"""

from __future__ import annotations

import argparse

from .options import parse_date

KINDS = ("unmittelbar", "mittelbar", "indirekt")
ACTIVITIES = ("supervision", "fortbildung", "betriebsakquise", "betriebsbetreuung", "fallbesprechung", "teamsitzung", "netzwerkarbeit",
              "oeffentlichkeitsarbeit", "kursvorbereitung", "verwaltung", "sonstiges")
EPILOG = """Formen:
  site-gen log tn-0042 --kind unmittelbar --minutes 60 --by emre-yildiz --note "…"
      ein Eintrag in eine Akte
  site-gen log tn-0042 tn-0043 tn-0051 --kind unmittelbar --minutes 90 --by emre-yildiz --note "…" [--gruppe jobvision-montag]
      Gruppensitzung: je Akte ein eigener Eintrag mit derselben Gruppen-Kennung und der Zahl der Personen,
      nie mit den Kennungen der anderen
  site-gen log --team --taetigkeit betriebsakquise --minutes 240 --by emre-yildiz [--note "…"] [--im-betrieb ja|nein]
      Teamzeit ohne Akte (Supervision, Fortbildung, Betriebsakquise …) in den Ordner team/"""


def _fail(message: str, hint: str) -> int:
    from ..findings import UserError

    raise UserError(message, hint)


def _team(args: argparse.Namespace, day: str) -> int:
    from ..authoring.group_log import team_entry

    if args.cases or args.kind or args.crisis or args.employer or args.gruppe:
        return _fail("--team: Teamzeit gehört zu keiner Akte.", "Ohne Akten und ohne --kind/--crisis/--employer/--gruppe angeben, mit --taetigkeit.")
    if not args.taetigkeit:
        return _fail("--team braucht --taetigkeit.", "Zum Beispiel --taetigkeit supervision.")
    team: dict[str, object] = {"date": day, "activity": args.taetigkeit, "minutes": args.minutes, "by": args.by}
    if args.note:
        team["note"] = args.note
    if args.im_betrieb is not None:
        team["in_company"] = args.im_betrieb == "ja"
    return team_entry(args.root, team)


def run(args: argparse.Namespace) -> int:
    day = (args.date or args.today).isoformat()
    if args.team:
        return _team(args, day)
    if not args.cases or not args.kind or not args.note:
        return _fail("Eine Akte (oder mehrere), --kind und --note fehlen.", "Siehe 'site-gen log --help'; für Teamzeit ohne Akte --team.")
    if args.taetigkeit or args.im_betrieb is not None:
        return _fail("--taetigkeit und --im-betrieb gehören zu --team.", "Für einen Eintrag in eine Akte --kind angeben.")
    entry: dict[str, object] = {"date": day, "kind": args.kind, "minutes": args.minutes, "by": args.by, "note": args.note}
    if args.crisis:
        entry["crisis"] = args.crisis
    if args.employer:
        entry["employer"] = True
    if len(args.cases) > 1 or args.gruppe:
        from ..authoring.group_log import group_entry

        if len(args.cases) < 2:
            return _fail("--gruppe: eine Gruppensitzung hat mindestens zwei Akten.", "Alle Akten der Gruppe nennen.")
        return group_entry(args.root, args.cases, entry, args.gruppe)
    from ..authoring.entries import log_entry

    return log_entry(args.root, args.cases[0], entry)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("log", help="Eintrag in die Begleitung schreiben: eine Akte, eine Gruppensitzung oder Teamzeit (eigene Dateien, konfliktfrei)",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("cases", nargs="*", metavar="AKTE", help="Kennung der Akte, z. B. tn-0042; mehrere Akten: eine Gruppensitzung")
    p.add_argument("--date", type=parse_date, default=None, help="Tag der Leistung JJJJ-MM-TT (Standard: heute)")
    p.add_argument("--kind", default=None, choices=KINDS, help="Leistungsart (Haus Hall § 3)")
    p.add_argument("--minutes", required=True, type=int, help="Dauer in Minuten (1–600)")
    p.add_argument("--by", required=True, help="Kennung der Fachkraft, z. B. emre-yildiz")
    p.add_argument("--note", default=None, help="kurze sachliche Notiz (wird nie ausgegeben)")
    p.add_argument("--employer", action="store_true", help="die Leistung war ein Kontakt mit einem Betrieb")
    p.add_argument("--crisis", default=None, help="nur bei einer Krisenintervention: der Anlass (Kategorie)")
    p.add_argument("--gruppe", default=None, help="Gruppensitzung: eigene Kennung der Sitzung (Standard: aus Datum und Prüfsumme)")
    p.add_argument("--team", action="store_true", help="Teamzeit ohne Akte (in den Ordner team/)")
    p.add_argument("--taetigkeit", default=None, choices=ACTIVITIES, help="nur mit --team: Art der Arbeit")
    p.add_argument("--im-betrieb", dest="im_betrieb", default=None, choices=("ja", "nein"),
                   help="nur mit --team: Zeit in Betrieben (Standard: ja bei Betriebsakquise und -betreuung)")
    p.add_argument("--today", type=parse_date, default=None, help="Stichtag JJJJ-MM-TT (Standard für --date)")
    p.set_defaults(run=run)
