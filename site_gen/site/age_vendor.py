"""The browser's age library: ``age-encryption`` (npm) and the files it imports, as plain ES modules.

The browser editor seals new values with ``age-encryption``. The package ships
ES modules that import their dependencies (``@noble/*``, ``@scure/base``) by
package name, which a browser cannot resolve without a bundler. This module is
that bundler's one step, with the standard library only (``setup.py`` loads it
by path): starting at the package's entry file it follows every import, copies
each file reached (and nothing else) into ``dest`` under its path below
``node_modules``, and rewrites package names into relative paths. The files
are otherwise copied byte for byte; nothing is fetched.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

PACKAGE = "age-encryption"
ENTRY = f"{PACKAGE}/dist/index.js"
"""The entry file below ``dest`` (what the editor imports)."""
_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.MULTILINE)
_IMPORT = re.compile(r"""(\bfrom\s*|\bimport\s*\(?\s*)(["'])([^"'\n]+)\2""")


def _package_root(spec: str) -> tuple[str, str]:
    """``@noble/hashes/sha2.js`` → (``@noble/hashes``, ``sha2.js``)."""
    parts = spec.split("/")
    n = 2 if spec.startswith("@") else 1
    return "/".join(parts[:n]), "/".join(parts[n:])


def _resolve(spec: str, importer: Path, modules: Path) -> Path:
    """The file a bare specifier means, looked up like node does (nearest ``node_modules`` first)."""
    name, sub = _package_root(spec)
    folder = importer.parent
    while True:
        candidate = folder / "node_modules" / name if folder != modules else modules / name
        if candidate.is_dir():
            break
        if folder == modules or modules not in folder.parents:
            raise FileNotFoundError(f"{spec} (imported by {importer}) is not in node_modules")
        folder = folder.parent
    if sub:
        return candidate / sub
    manifest = json.loads((candidate / "package.json").read_text(encoding="utf-8"))
    exports = manifest.get("exports")
    main = exports if isinstance(exports, str) else (exports or {}).get(".") if isinstance(exports, dict) else None
    if isinstance(main, dict):
        main = main.get("import") or main.get("default")
    return candidate / str(main or manifest.get("module") or manifest.get("main") or "index.js")


def vendor(modules: Path, dest: Path) -> list[Path]:
    """Copy ``age-encryption`` with what it imports from ``modules`` into ``dest``; returns the files written."""
    modules = modules.resolve()
    start = modules / ENTRY
    if not start.is_file():
        raise FileNotFoundError(f"{start} is missing (npm ci)")
    todo, done, written = [start], set(), []
    while todo:
        file = todo.pop()
        if file in done:
            continue
        done.add(file)
        text = file.read_text(encoding="utf-8")

        def rewrite(match: re.Match[str], file: Path = file, text: str = text) -> str:
            spec = match.group(3)
            line = text[text.rfind("\n", 0, match.start()) + 1:match.start()].lstrip()
            if line.startswith(("*", "//", "/*")):
                return match.group(0)  # an example in a comment
            target = (file.parent / spec).resolve() if spec.startswith(".") else _resolve(spec, file, modules)
            if not target.is_file():
                raise FileNotFoundError(f"{spec} (imported by {file}) not found")
            todo.append(target)
            if spec.startswith("."):
                return match.group(0)
            rel = os.path.relpath(target, file.parent).replace(os.sep, "/")
            return f"{match.group(1)}{match.group(2)}{rel if rel.startswith('.') else './' + rel}{match.group(2)}"

        out = dest / file.relative_to(modules)
        out.parent.mkdir(parents=True, exist_ok=True)
        text = _SOURCE_MAP.sub("", _IMPORT.sub(rewrite, text))  # the maps are not copied: no request for them
        out.write_text(text, encoding="utf-8")
        written.append(out)
    for root in {_package_of(f) for f in done}:
        for name in ("LICENSE", "LICENSE.md", "LICENSE.txt"):
            if (root / name).is_file():  # the packages' licences (MIT) travel with their code
                out = dest / root.relative_to(modules) / name
                out.write_bytes((root / name).read_bytes())
                written.append(out)
    return written


def _package_of(file: Path) -> Path:
    """The package folder a file belongs to (the nearest folder with a ``package.json``)."""
    folder = file.parent
    while not (folder / "package.json").is_file():
        folder = folder.parent
    return folder
