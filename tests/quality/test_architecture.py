"""docs/architecture.md holds: imports only go down the pipeline.

Every ``import`` in site_gen (also those inside functions) is read with
``ast``; relative imports are resolved. Each rule names a part of the
package (a module like ``load`` or a subpackage like ``views``) and the parts
it must not import. The diagram in docs/architecture.md is the picture of
these rules.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

from ..conftest import REPO

PACKAGE = REPO / "site_gen"
PIPELINE_TOP = {"views", "render", "site", "commands", "cli", "cms", "mkdocs_hooks", "incremental"}

ONLY: dict[str, set[str]] = {
    # the bottom: problems as values, the YAML reader, the models, the consent logic
    "errors": set(),
    "findings": {"errors"},
    "load": {"findings"},
    "validate": {"findings", "load"},
    "models": set(),
    "consent": {"models"},
}
"""Part → the only other parts it may import."""

FORBIDDEN: dict[str, set[str]] = {
    # records: dataset.py turns files into records; checks judge them
    "dataset": PIPELINE_TOP | {"checks", "matching", "report", "domain"},
    # rules both checks and views need: above the Dataset, below checks and views
    "domain": PIPELINE_TOP | {"checks", "matching", "report"},
    "checks": PIPELINE_TOP | {"matching", "report"},
    "matching": PIPELINE_TOP | {"checks"},
    # projections, markup, engine edge
    "views": {"render", "site", "commands", "cli", "cms", "mkdocs_hooks", "incremental"},
    "render": {"site", "commands", "cli", "cms", "incremental"},
    "site": {"commands", "cli", "incremental"},
    "cms": {"render", "site", "commands", "cli", "incremental"},
}
"""Part → parts it must not import."""

KNOWN_EXCEPTIONS: set[tuple[str, str]] = set()
"""(module, import) pairs allowed against the rules until a planned move; empty now."""


def _module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def imports() -> dict[str, set[str]]:
    """Module → the site_gen modules it imports (``from X import name`` counts as X and X.name)."""
    out: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = _module_name(path)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(anchor + ([node.module] if node.module else []))
                found.add(base)
                found |= {f"{base}.{a.name}" for a in node.names}
        out[name] = {m for m in found if m == "site_gen" or m.startswith("site_gen.")}
    return out


def part(module: str) -> str:
    """``site_gen.views.team`` → ``views``; ``site_gen.load`` → ``load``; the package itself → ``site_gen``."""
    pieces = module.split(".")
    return pieces[1] if len(pieces) > 1 else "site_gen"


def known_parts() -> set[str]:
    return {part(m) for m in imports()}


def existing(module: str) -> bool:
    """``from .x import name`` lists ``x.name`` too; only real modules count."""
    rel = Path(*module.split("."))
    return (REPO / rel).with_suffix(".py").exists() or (REPO / rel / "__init__.py").exists()


def violations(source_part: str, exceptions: set[tuple[str, str]]) -> list[str]:
    """Imports of ``source_part`` that break its rule."""
    if source_part in ONLY:
        forbidden = known_parts() - ONLY[source_part] - {source_part, "site_gen"}
    else:
        forbidden = FORBIDDEN[source_part]
    return sorted(
        f"{module} imports {target}"
        for module, targets in imports().items() if part(module) == source_part
        for target in targets
        if existing(target) and part(target) in forbidden and (module, target) not in exceptions
    )


@pytest.mark.parametrize("source_part", sorted(ONLY) + sorted(FORBIDDEN))
def test_imports_go_down_the_pipeline(source_part: str) -> None:
    assert violations(source_part, KNOWN_EXCEPTIONS) == []


def test_only_the_cli_imports_commands() -> None:
    wrong = sorted(f"{m} imports {t}" for m, targets in imports().items() for t in targets
                   if part(t) == "commands" and part(m) not in {"commands", "cli"})
    assert wrong == []


def test_the_rules_see_the_package() -> None:
    """The rules must bite: the parts they name exist, and the scan finds the imports every module has."""
    assert set(FORBIDDEN) | set(ONLY) <= known_parts()
    FORBIDDEN["views"].add("checks")  # views do use checks' helpers: the rule machinery must see that
    try:
        assert violations("views", set()), "a forbidden import went unseen"
    finally:
        FORBIDDEN["views"].discard("checks")
    assert violations("models", set()) == [] and "checks" in known_parts() - ONLY["models"]
    assert "site_gen.views.consented" in imports()["site_gen.render.internal"]
    assert "site_gen.findings" in imports()["site_gen.load"]
    assert all(existing(t) for exceptions in KNOWN_EXCEPTIONS for t in exceptions), "a known exception is gone: remove it"
    assert all(t in imports()[m] for m, t in KNOWN_EXCEPTIONS), "a known exception is gone: remove it"


def test_only_load_reads_yaml() -> None:
    """yaml-rs and ruamel.yaml are imported by load.py; elsewhere only to write files (never ``load``)."""
    writers = {"site_gen.cms.config", "site_gen.demo"}
    readers = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {a.name for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom)) for a in n.names}
        modules = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        uses_yaml = bool({"yaml_rs", "ruamel.yaml", "yaml"} & (names | modules)) or any(m.startswith("ruamel") for m in modules)
        name = _module_name(path)
        if not uses_yaml or name == "site_gen.load":
            continue
        loads = [n for n in ast.walk(tree) if isinstance(n, ast.Attribute) and n.attr in {"load", "loads", "safe_load", "load_all"}]
        if name not in writers or loads:
            readers.append(name)
    assert readers == []


def test_only_dataset_turns_record_files_into_records() -> None:
    """``read_yaml`` + ``validate`` together: dataset.py (records), config.py and the easy-language settings (configuration)."""
    both = sorted(m for m, targets in imports().items()
                  if {"site_gen.load.read_yaml", "site_gen.validate.validate"} <= targets)
    assert both == ["site_gen.checks.easy_language_config", "site_gen.config", "site_gen.dataset"]
