"""CLI commands. Each module here defines ``register(sub)`` to add its
sub-parser (with ``set_defaults(run=...)``) and a run function that takes the
parsed arguments and returns an exit code. Add a command by adding its module
name to :data:`COMMANDS`."""

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
    "bericht",
    "nachweis",
    "cms",
    "log",
    "migrate",
]
