"""CLI commands: parse arguments, call the pieces one floor down, return an exit code.

The convention (every module here, new ones too):

* ``register(sub: argparse._SubParsersAction) -> None`` adds the sub-parser
  and ends with ``p.set_defaults(run=run)``;
* ``run(args: argparse.Namespace) -> int`` is the only entry point; it
  parses nothing itself and returns the exit code (``UserError`` → exit 1);
* shared options come from :mod:`site_gen.commands.options` (``add_today``,
  ``add_out``, ``parse_date``, ``positive``); ``args.root`` and
  ``args.today`` are always filled in by :func:`site_gen.cli.main`;
* top-level imports: the standard library and ``.options`` only. Everything
  else (dataset, models, jinja, mkdocs …) is imported inside ``run``, so
  ``site-gen --help`` and the start of every command stay instant
  (``tests/check/test_cli_imports.py`` enforces it);
* about 80 lines at most: the logic lives in ``site/``, ``views/``,
  ``render/`` or a module of its own, never in another command.

Add a command by adding its name to :data:`COMMANDS` (a hyphen in the name is an underscore in the module name: ``mein-weg`` → ``mein_weg.py``).
"""

COMMANDS: list[str] = [
    "init",
    "check",
    "build",
    "serve",
    "demo",
    "schema",
    "new",
    "briefing",
    "export",
    "forget",
    "match",
    "bewerbung",
    "public",
    "print",
    "bericht",
    "nachweis",
    "cms",
    "log",
    "migrate",
    "leicht",
    "selbsteinschaetzung",
    "mein-weg",
    "kontakt",
    "foerderung",
    "keys",
    "widerruf",
]
