"""Instant start: the command line imports no engine until a command runs (an import check, not a timing)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from site_gen.commands import COMMANDS

HEAVY = ("mkdocs", "pydantic", "jinja2", "markupsafe", "ruamel", "yaml_rs", "docx", "numpy", "site_gen.records.dataset", "site_gen.models")


def _imported_after(code: str) -> set[str]:
    script = f"import sys\n{code}\nprint('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    return set(out.split())


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


def test_help_imports_no_engine() -> None:
    """``site-gen --help`` builds every command's parser without importing engines or models."""
    code = "import contextlib, io\nfrom site_gen.cli import main\nwith contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n    main(['--help'])"
    assert _heavy(_imported_after(code)) == []


@pytest.mark.parametrize("command", COMMANDS)
def test_command_help_imports_no_engine(command: str) -> None:
    """``site-gen BEFEHL --help`` imports only the chosen command's registration."""
    code = f"import contextlib, io\nfrom site_gen.cli import main\nwith contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n    main([{command!r}, '--help'])"
    assert _heavy(_imported_after(code)) == []


def test_every_command_has_one_signature() -> None:
    """Every command module registers ``run(args) -> int`` (the convention in site_gen/commands/__init__.py)."""
    import argparse
    import importlib
    import inspect

    for name in COMMANDS:
        module = importlib.import_module(f"site_gen.commands.{name.replace('-', '_')}")
        sub = argparse.ArgumentParser().add_subparsers()
        module.register(sub)
        parser = sub.choices[name]
        assert parser.get_default("run") is module.run, name
        assert list(inspect.signature(module.run).parameters) == ["args"], name
