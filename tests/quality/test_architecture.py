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
PIPELINE_TOP = {"views", "render", "site", "commands", "cli", "cms", "site.mkdocs_hooks", "checking.incremental"}
EDGE = {"site", "commands", "cli", "site.mkdocs_hooks"}

FINE = {"records.load", "records.validate", "domain.consent", "site.mkdocs_hooks", "checking.incremental"}
"""Modules that are parts of their own (a rule of their own inside their room)."""

TOP_LEVEL_MODULES = 10
"""Loose modules at the top of site_gen/ (the rest lives in rooms)."""

ONLY: dict[str, set[str]] = {
    # the bottom: problems as values, the YAML reader, the models, the consent logic
    "errors": set(),
    "findings": {"errors"},
    "records.load": {"findings"},
    "records.validate": {"findings", "records.load"},
    "models": set(),
    "domain.consent": {"models"},
}
"""Part → the only other parts it may import."""

FORBIDDEN: dict[str, set[str]] = {
    # records: files → Dataset (and sealing, so nothing above sees ciphertext)
    "records": PIPELINE_TOP | {"checking", "matching", "domain", "authoring", "erasure", "employer", "texts"},
    # rules both checks and views need: above the Dataset, below checks and views
    "domain": PIPELINE_TOP | {"checking", "matching", "authoring"},
    # the check engine and its rules, the reporter
    "checking": {"views", "render", "site", "commands", "cli", "cms", "matching", "authoring"},
    "matching": PIPELINE_TOP | {"checking", "authoring"},
    # writing records: skeletons, entries, the init scaffold, schema files
    "authoring": PIPELINE_TOP | {"checking", "matching"},
    # projections, markup, engine edge
    "views": EDGE | {"render", "cms", "checking", "checking.incremental", "authoring"},
    "render": EDGE | {"cms", "checking", "checking.incremental", "records", "authoring"},
    "site": {"commands", "cli", "checking.incremental"},
    "cms": {"render", "site", "commands", "cli", "checking", "checking.incremental"},
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
    """``site_gen.views.team`` → ``views``; ``site_gen.records.load`` → ``records.load`` (a part of its own, :data:`FINE`);
    the package itself → ``site_gen``."""
    pieces = module.split(".")
    if ".".join(pieces[1:3]) in FINE:
        return ".".join(pieces[1:3])
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
    FORBIDDEN["views"].add("records")  # views do read the Dataset: the rule machinery must see that
    try:
        assert violations("views", set()), "a forbidden import went unseen"
    finally:
        FORBIDDEN["views"].discard("records")
    assert violations("models", set()) == [] and "checking" in known_parts() - ONLY["models"]
    assert "site_gen.views.consented" in imports()["site_gen.site.internal_pages"]
    assert "site_gen.findings" in imports()["site_gen.records.load"]
    assert all(existing(t) for exceptions in KNOWN_EXCEPTIONS for t in exceptions), "a known exception is gone: remove it"
    assert all(t in imports()[m] for m, t in KNOWN_EXCEPTIONS), "a known exception is gone: remove it"


def test_only_load_reads_yaml() -> None:
    """yaml-rs and ruamel.yaml are imported by load.py; elsewhere only to write files (never ``load``)."""
    writers = {"site_gen.cms.config", "site_gen.authoring.demo"}
    readers = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {a.name for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom)) for a in n.names}
        modules = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        uses_yaml = bool({"yaml_rs", "ruamel.yaml", "yaml"} & (names | modules)) or any(m.startswith("ruamel") for m in modules)
        name = _module_name(path)
        if not uses_yaml or name == "site_gen.records.load":
            continue
        loads = [n for n in ast.walk(tree) if isinstance(n, ast.Attribute) and n.attr in {"load", "loads", "safe_load", "load_all"}]
        if name not in writers or loads:
            readers.append(name)
    assert readers == []


def test_only_dataset_turns_record_files_into_records() -> None:
    """``read_yaml`` + ``validate`` together: dataset.py (records), config.py and the easy-language settings (configuration)."""
    both = sorted(m for m, targets in imports().items()
                  if {"site_gen.records.load.read_yaml", "site_gen.records.validate.validate"} <= targets)
    assert both == ["site_gen.checking.rules.easy_language_config", "site_gen.records.config", "site_gen.records.dataset"]


def test_the_top_of_the_package_reads_as_the_pipeline() -> None:
    """Rooms, not loose modules: at most :data:`TOP_LEVEL_MODULES` modules beside the packages."""
    loose = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(loose) <= TOP_LEVEL_MODULES, loose
    rooms = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert {"records", "checking", "domain", "authoring", "views", "render", "site", "commands"} <= rooms
