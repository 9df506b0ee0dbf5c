"""Command line: parse arguments, call a command function, return its exit code."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from . import __version__
from .findings import UserError
from .report import FORMATS


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' ist kein Datum im Format JJJJ-MM-TT") from None


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # German usage errors, exit 2
        self.print_usage(sys.stderr)
        sys.stderr.write(f"site-gen: Aufruf fehlerhaft: {message}\n")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="site-gen", description="Akten, Arbeitsplätze und Module prüfen und als Seiten ausgeben.")
    parser.add_argument("--version", action="version", version=f"site-gen {__version__}")
    parser.add_argument("--root", type=Path, default=Path("."), help="Ordner mit cases/, workplaces/, modules/ (Standard: aktueller Ordner)")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = sub.add_parser("check", help="Alle Datensätze und Regeln prüfen")
    check.add_argument("files", nargs="*", help="nur Meldungen zu diesen Dateien ausgeben (pre-commit)")
    check.add_argument("--format", choices=FORMATS, default="text", help="Ausgabeformat")
    check.add_argument("--strict", action="store_true", help="Warnungen als Fehler werten")
    check.add_argument("--today", type=_date, default=None, help="Stichtag JJJJ-MM-TT für Datumsregeln")
    check.add_argument("--no-cache", action="store_true", help="Zwischenspeicher nicht verwenden")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    root: Path = args.root
    try:
        if not root.is_dir():
            raise UserError(f"Der Ordner '{root}' existiert nicht.", "Mit --root auf das Daten-Repository zeigen.")
        if args.command == "check":
            from .commands import check

            return check.run(root, args.today or dt.date.today(), args.format, args.strict, args.files, not args.no_cache)
    except UserError as err:
        sys.stderr.write(f"site-gen: {err.message}\n")
        if err.hint:
            sys.stderr.write(f"    Hinweis: {err.hint}\n")
        return 1
    return 2
