"""docs/release.md is true to the build: the version in one place, the editor's npm packages pinned and bundled."""

from __future__ import annotations

import ast
import json
import re
import tomllib

from site_gen import __version__

from ..conftest import REPO


def test_the_version_lives_only_in_the_package_and_everything_else_reads_it() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["dynamic"] == ["version"] and "version" not in project["project"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "site_gen.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)
    setup = ast.parse((REPO / "setup.py").read_text(encoding="utf-8"))
    assert not [n for n in ast.walk(setup) if isinstance(n, ast.keyword) and n.arg == "version"]
    code = [p for p in (REPO / "site_gen").rglob("*.py") if p.name != "__init__.py" or p.parent.name != "site_gen"]
    assert not [p for p in code if f'"{__version__}"' in p.read_text(encoding="utf-8")]  # no second copy as a literal
    assert (REPO / "site_gen" / "templates" / "init" / "site-gen-version").read_text(encoding="utf-8").strip() == "@VERSION@"
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## ({re.escape(__version__)}|Unreleased)\b", changelog, re.M)


def test_the_bundled_npm_packages_are_the_pinned_ones_the_release_guide_names() -> None:
    guide = (REPO / "docs" / "release.md").read_text(encoding="utf-8")
    setup = ast.parse((REPO / "setup.py").read_text(encoding="utf-8"))
    packages = next(ast.literal_eval(n.value) for n in setup.body
                    if isinstance(n, ast.Assign) and any(getattr(t, "id", "") == "PACKAGES" for t in n.targets))
    lock = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    assert all(f"node_modules/{name}" in lock for name in packages)
    assert all(name in guide for name in packages), packages
    assert "npm ci" in guide and "python -m build" in guide and "site_gen/__init__.py" in guide
