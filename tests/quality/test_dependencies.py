"""Every package site_gen imports is installed with it: declared in pyproject.toml or pulled in by a declared one.

A team installs site-gen with pip into a fresh environment (pre-commit's hook environment, the wheel): an
import of an undeclared package works on a developer's machine and fails there. The pre-commit tests install
the hook with this machine's packages (offline, tests/precommit/test_hooks.py), so this test is where a
missing declaration shows. Every ``import`` in site_gen is read with ``ast`` (also those inside functions).
"""

from __future__ import annotations

import ast
import importlib.metadata as metadata
import re
import sys
import tomllib
from functools import cache

from packaging.requirements import Requirement

from ..conftest import REPO

OPTIONAL = {
    "playwright": "PDFs printed with Chromium: a German UserError names 'pip install playwright' when it is missing",
    "properdocs": "SITE_GEN_ENGINE=properdocs only: a German UserError names 'pip install properdocs'",
}
"""Imported top-level names that are not dependencies, and why a missing one is fine."""


@cache
def imported_names() -> set[str]:
    """The top-level names of every absolute import in site_gen that are not the standard library's."""
    names: set[str] = set()
    for path in (REPO / "site_gen").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n != "site_gen"}


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


@cache
def installed_with_site_gen() -> set[str]:
    """The distributions pip installs for site-gen here: the declared dependencies and theirs (with the
    extras asked for, markers evaluated for this interpreter)."""
    declared = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    todo = [r for r in map(Requirement, declared) if not r.marker or r.marker.evaluate({"extra": ""})]
    found: set[str] = set()
    while todo:
        requirement = todo.pop()
        name = canonical(requirement.name)
        if name in found and not requirement.extras:
            continue
        found.add(name)
        for text in metadata.requires(name) or []:
            needed = Requirement(text)
            if not needed.marker or any(needed.marker.evaluate({"extra": extra}) for extra in ("", *requirement.extras)):
                todo.append(needed)
    return found


def test_every_imported_package_comes_with_site_gen() -> None:
    providers = metadata.packages_distributions()
    installed = installed_with_site_gen()
    missing = {name: providers.get(name) for name in imported_names() - OPTIONAL.keys()
               if not {canonical(d) for d in providers.get(name, [])} & installed}
    assert not missing, f"imported by site_gen, not installed with it (add to [project] dependencies): {missing}"


def test_the_optional_imports_are_still_imported_and_not_declared() -> None:
    declared = installed_with_site_gen()
    names = imported_names()
    assert set(OPTIONAL) <= names, f"OPTIONAL lists names site_gen no longer imports: {set(OPTIONAL) - names}"
    assert not {canonical(n) for n in OPTIONAL} & declared, "a name in OPTIONAL is a dependency now: remove it there"
