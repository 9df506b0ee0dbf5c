"""Command line: parse arguments, call a command function, return its exit code.

Commands live in :mod:`site_gen.commands`, one module each.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from . import __version__
from .commands import COMMANDS
from .findings import UserError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # German usage errors, exit 2
        self.print_usage(sys.stderr)
        sys.stderr.write(f"site-gen: Aufruf fehlerhaft: {message}\n")
        raise SystemExit(2)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The full parser, or with ``only`` just that command's (imports stay small:
    the pre-commit hook must not pay for the site generators)."""
    parser = _Parser(prog="site-gen", description="Akten, Arbeitsplätze und Module prüfen und als Seiten ausgeben.")
    parser.add_argument("--version", action="version", version=f"site-gen {__version__}")
    parser.add_argument("--root", type=Path, default=Path("."), help="Ordner mit cases/, workplaces/, modules/ (Standard: aktueller Ordner)")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name in COMMANDS if only is None else [only]:
        importlib.import_module(f".commands.{name}", __package__).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    command = next((a for a in argv if a in COMMANDS), None)
    args = build_parser(command).parse_args(argv)
    try:
        if not args.root.is_dir():
            raise UserError(f"Der Ordner '{args.root}' existiert nicht.", "Mit --root auf das Daten-Repository zeigen.")
        return int(args.run(args))
    except UserError as err:
        sys.stderr.write(f"site-gen: {err.message}\n")
        if err.hint:
            sys.stderr.write(f"    Hinweis: {err.hint}\n")
        return 1
