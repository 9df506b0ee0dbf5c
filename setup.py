"""Package build step: the browser editor's bundle goes into the package.

Everything else is declared in ``pyproject.toml``. This file only adds one
step to ``sdist`` and ``build_py`` (which ``bdist_wheel`` runs): copy the
built files of Decap CMS and of the ``yaml`` library from ``node_modules``
(installed with ``npm ci`` from the pinned ``package-lock.json``) into
``site_gen/static/editor/``. So the wheel and the sdist carry the editor, and
a team installs it with pip alone: no node, npm or network at its side.

A wheel built from the sdist finds the bundle already there (the sdist
carries it, ``MANIFEST.in``). The sdist refuses to be made without it, so a
release (``python -m build``: sdist first, the wheel from it) always carries
the editor. A wheel made straight from a Git checkout without ``node_modules``
(``pip install git+…``, pre-commit's remote hook, ``pip install -e .``) goes
on without the bundle and says so: the check needs no editor, and a
developer checkout searches its own ``node_modules`` at build time
(``site_gen/site/admin.py``).
"""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path
from typing import Any

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

HERE = Path(__file__).resolve().parent
BUNDLE = HERE / "site_gen" / "static" / "editor"
PACKAGES = ("decap-cms", "yaml", "age-encryption")
STAMP = "versions.json"


def pinned() -> dict[str, str]:
    """The versions ``package-lock.json`` pins for the packages of the bundle."""
    lock = json.loads((HERE / "package-lock.json").read_text(encoding="utf-8"))
    return {name: lock["packages"][f"node_modules/{name}"]["version"] for name in PACKAGES}


def installed(modules: Path) -> dict[str, str] | None:
    """The versions in ``node_modules``, or None when a package is missing."""
    found: dict[str, str] = {}
    for name in PACKAGES:
        manifest = modules / name / "package.json"
        if not manifest.is_file():
            return None
        found[name] = json.loads(manifest.read_text(encoding="utf-8"))["version"]
    return found


def age_vendor() -> Any:
    """``site_gen/site/age_vendor.py`` (standard library only), loaded by path: the package is not importable while it is built."""
    spec = importlib.util.spec_from_file_location("age_vendor", HERE / "site_gen" / "site" / "age_vendor.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bundled() -> dict[str, str] | None:
    try:
        return dict(json.loads((BUNDLE / STAMP).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None


def copy_bundle(modules: Path) -> None:
    """Decap's built script with its chunks (no source maps), the browser build of ``yaml`` and ``age-encryption`` (made loadable, ``age_vendor.py``)."""
    tmp = BUNDLE.with_name("editor.neu")
    shutil.rmtree(tmp, ignore_errors=True)
    (tmp / "decap-cms").mkdir(parents=True)
    for file in (modules / "decap-cms" / "dist").iterdir():
        if file.name == "decap-cms.js" or file.name.endswith((".decap-cms.js", ".wasm")):
            shutil.copyfile(file, tmp / "decap-cms" / file.name)
    shutil.copytree(modules / "yaml" / "browser" / "dist", tmp / "yaml")
    age_vendor().vendor(modules, tmp / "age")
    (tmp / STAMP).write_text(json.dumps(installed(modules), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    shutil.rmtree(BUNDLE, ignore_errors=True)
    tmp.rename(BUNDLE)


def ensure_bundle(required: bool) -> None:
    """The bundle in ``site_gen/static/editor/`` at the pinned versions (copied anew when ``node_modules`` differs)."""
    lock = HERE / "package-lock.json"
    want = pinned() if lock.is_file() else bundled()
    modules = HERE / "node_modules"
    have = installed(modules)
    if have is not None and have == want and bundled() != want:
        copy_bundle(modules)
    if bundled() is not None and bundled() == want:
        return
    if not required:
        print("site-gen: building without the browser editor (no node_modules at the pinned versions); "
              "sites built with this installation show a notice at admin/.")
        return
    if required:
        raise SystemExit(f"site-gen: the browser editor ({', '.join(f'{k} {v}' for k, v in (want or {}).items())}) is not in "
                         "node_modules at the pinned versions. Run 'npm ci --ignore-scripts' first (see docs/release.md).")


class BuildPy(build_py):
    def run(self) -> None:
        ensure_bundle(required=False)
        super().run()


class Sdist(sdist):
    def run(self) -> None:
        ensure_bundle(required=True)
        super().run()


setup(cmdclass={"build_py": BuildPy, "sdist": Sdist})
