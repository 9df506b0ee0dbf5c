"""CI runs exactly the README's test command, and that command holds the quality gates."""

from __future__ import annotations

import re

from ..conftest import REPO


def test_ci_runs_the_readme_command_with_ruff_and_mypy() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("Install everything and run the whole test suite", 1)[1]
    command = re.search(r"```sh\n(.+?)\n```", section, re.S).group(1).strip()  # type: ignore[union-attr]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert command in ci
    gates = command.split(" && ")
    assert gates.index("python -m ruff check") < gates.index("python -m mypy") < gates.index("python -m pytest -q -p no:cacheprovider -n 2")  # two processes: CI has two cores
