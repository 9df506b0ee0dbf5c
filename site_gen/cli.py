"""Command line: parse arguments, call a command function, return its exit code.

Commands live in :mod:`site_gen.commands`, one module each, with one
signature ``run(args) -> int``. This module imports only the standard
library and the commands' registration (``site-gen --help`` stays instant,
see ``benchmarks/startup.py``). Without
``--root`` the repository root is found from the working directory upwards,
like Git: the first folder with ``organisation.yaml``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path

from . import __version__
from .argparse_de import GermanParser, install
from .commands import COMMANDS
from .commands.options import fill_defaults
from .errors import UserError
from .records.version_pin import check_pin

install()
ROOT_MARKER = "organisation.yaml"
UNPINNED = frozenset({"init"})
"""Commands that run without comparing the repository's ``.site-gen-version`` (``init`` writes it)."""


def find_root(start: Path) -> Path:
    """The records repository containing ``start``: the nearest folder upwards with
    ``organisation.yaml``, else the nearest Git work tree, else ``start`` itself."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / ROOT_MARKER).is_file():
            return folder
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return start


def clean_staging(root: Path) -> None:
    """Staging folders a killed build left beside the default outputs (they may hold case pages) go on the
    next start of any command; a build still running keeps its own (see :func:`site_gen.site.publish.clean_stale`)."""
    staging = root / ".site-gen-staging"
    if staging.is_dir() and not staging.is_symlink():
        from .site.publish import clean_stale

        clean_stale(staging)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The full parser, or with ``only`` just that command's (imports stay small:
    the pre-commit hook must not pay for the site generators)."""
    parser = GermanParser(prog="site-gen", description="Akten, Arbeitsplätze und Module prüfen und als Seiten ausgeben.")
    parser.add_argument("--version", action="version", version=f"site-gen {__version__}", help="Version zeigen und beenden")
    parser.add_argument("--root", type=Path, default=None,
                        help="Ordner mit organisation.yaml, cases/, workplaces/, modules/ (Standard: gesucht vom aktuellen Ordner aufwärts)")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=GermanParser, title="Befehle", metavar="BEFEHL")
    for name in COMMANDS if only is None else [only]:
        importlib.import_module(f".commands.{name.replace('-', '_')}", __package__).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Parse ``argv`` (default: the process arguments), run the command, return its exit code."""
    argv = sys.argv[1:] if argv is None else argv
    command = next((a for a in argv if a in COMMANDS), None)
    args = build_parser(command).parse_args(argv)
    try:
        if args.root is None:
            args.root = find_root(Path.cwd())
        elif not args.root.is_dir():
            raise UserError(f"Der Ordner '{args.root}' existiert nicht.", "Mit --root auf das Daten-Repository zeigen.")
        if args.command not in UNPINNED:
            check_pin(args.root)
        fill_defaults(args)
        clean_staging(args.root)
        return int(args.run(args))
    except UserError as err:
        sys.stderr.write(f"site-gen: {err.message}\n")
        if err.hint:
            sys.stderr.write(f"    Hinweis: {err.hint}\n")
        return 1
    except BrokenPipeError:  # the reader stopped early (``site-gen check | head``): no traceback, no second error at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
