"""The browser editor on the internal site: ``site/admin/`` (never on the job board).

Copies Decap CMS from the bundle the installed package carries
(``site_gen/static/editor/``, made from the pinned npm packages when the
package is built, see ``setup.py``; nothing comes from a CDN, no node at the
team's side) and writes the configuration generated from the models next to it.
A developer checkout without the bundle takes the same files from ``node_modules``. The editor gets its own Content-Security-Policy
(documented in ``site_gen/help/betrieb.md``): Decap needs ``'unsafe-eval'``
and connects to the organisation's Git server, nothing else.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path
from typing import Any

from ..cms.config import config_text, connect_hosts, editor_of, repository_config
from ..records.cache import code_fingerprint, read_cache, write_cache
from ..records.dataset import Dataset, scan_records
from ..render.csp import meta_csp
from ..render.jinja import make_environment

ADMIN = "admin"
SCRIPT = "decap-cms.js"
CONFIG_CACHE = "cms-config.json"
"""The editor configuration text, in the cache folder (authenticated, see :mod:`site_gen.records.cache`)."""
PACKAGE_ROOT = Path(__file__).resolve().parents[2]
STATIC = Path(__file__).resolve().parent.parent / "static" / "admin"
"""Our own scripts: manual start and the comment-keeping YAML format."""
BUNDLE = Path(__file__).resolve().parent.parent / "static" / "editor"
"""The editor the package carries: ``decap-cms/`` (Decap's built script and chunks) and ``yaml/`` (browser build)."""
NOT_INSTALLED = ("<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Editor nicht installiert</title>"
                 "</head><body><p>Der Browser-Editor fehlt in dieser Installation von site-gen. site-gen aus einem "
                 "veröffentlichten Paket (Wheel) installieren, das den Editor enthält, und die Seite neu bauen.</p></body></html>\n")


def admin_csp(hosts: list[str]) -> str:
    """The editor's own policy: scripts only from the site, API calls only to the Git server."""
    connect = " ".join(["'self'", *hosts])
    return ("default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            f"font-src 'self'; connect-src {connect}; object-src 'none'; base-uri 'self'; form-action 'self'; "
            "frame-ancestors 'none'")


def node_modules(root: Path) -> list[Path]:
    """Where to look for the editor: env ``SITE_GEN_NODE_MODULES``, the installed package, the records repo, site-gen's checkout."""
    found = [Path(p) for p in [os.environ.get("SITE_GEN_NODE_MODULES", "")] if p]
    return [*found, BUNDLE, root / "node_modules", PACKAGE_ROOT / "node_modules"]


def editor_files(candidates: list[Path]) -> tuple[Path, Path] | None:
    """(Decap's built files, the browser build of ``yaml``) from the first candidate that has both.

    A candidate is the package's bundle (``decap-cms/`` and ``yaml/`` side by side) or a ``node_modules`` folder.
    """
    for base in candidates:
        for dist, yaml in ((base / "decap-cms", base / "yaml"),
                           (base / "decap-cms" / "dist", base / "yaml" / "browser" / "dist")):
            if (dist / SCRIPT).is_file() and (yaml / "index.js").is_file():
                return dist, yaml
    return None


def decap_dist(candidates: list[Path]) -> Path | None:
    """Decap's built files from the first candidate that has Decap and the YAML library."""
    found = editor_files(candidates)
    return found[0] if found else None


def install_admin(ds: Dataset, site: Path, search: list[Path] | None = None) -> bool:
    """Write ``site/admin/``; returns False when Decap is not installed (a notice page instead)."""
    out = site / ADMIN
    out.mkdir(parents=True, exist_ok=True)
    found = editor_files(node_modules(ds.root) if search is None else search)
    if found is None:
        (out / "index.html").write_text(NOT_INSTALLED, encoding="utf-8")
        return False
    dist, yaml = found
    for file in dist.iterdir():
        if file.name == SCRIPT or file.name.endswith((".decap-cms.js", ".wasm")):
            shutil.copyfile(file, out / file.name)
    for file in STATIC.iterdir():
        shutil.copyfile(file, out / file.name)
    shutil.copytree(yaml, out / "yaml", dirs_exist_ok=True)
    install_sealing(ds.root, out, node_modules(ds.root) if search is None else search)
    editor = editor_of(ds.organisation)
    units = ds.units if ds.units is not None else scan_records(ds.root, stat=False)[0]
    displays = [u.display for u in units]
    config = repository_config(ds, displays)
    (out / "config.yml").write_text(cached_config_text(config, ds.root), encoding="utf-8")
    page = make_environment("admin", trim=False).get_template("index.html").render(csp=meta_csp(admin_csp(connect_hosts(editor))), script=SCRIPT)
    (out / "index.html").write_text(page, encoding="utf-8")
    return True


def install_sealing(root: Path, out: Path, candidates: list[Path]) -> None:
    """What the editor needs to seal values in the browser: the age library (``admin/age/``) and ``siegel.json``.

    ``siegel.json`` says whether the records were sealed when the site was built
    (the editor then refuses to save a case it cannot seal), which top-level case
    fields stay readable, and each field's slot (its consent purpose, else
    ``basis``), so a value is sealed to the same key Python would use. The
    editor reads the case's recipients itself, through its backend, when it saves.
    """
    from ..records import repo
    from ..records.sealing import READABLE, slots_by_field
    from .age_vendor import ENTRY, vendor

    shutil.rmtree(out / "age", ignore_errors=True)
    for base in candidates:
        if (base / "age" / ENTRY).is_file():  # the package's bundle: already vendored by setup.py
            shutil.copytree(base / "age", out / "age")
            break
        if (base / ENTRY).is_file():  # a node_modules folder (developer checkout)
            vendor(base, out / "age")
            break
    info = {"sealed": repo.is_sealed(root), "readable": sorted(READABLE), "slots": slots_by_field(),
            "marker": repo.MARKER, "recipients": f"{repo.FOLDER}/akten/"}
    (out / "siegel.json").write_text(json.dumps(info, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def cached_config_text(config: dict[str, Any], root: Path) -> str:
    """:func:`config_text`, taken from the repository's cache folder when the same configuration was written before.

    Writing the YAML takes about a second, and every ``build`` installs the
    editor; the configuration only changes with the organisation, the
    catalogues, the layout or the tool.
    """
    key = hashlib.blake2b(json.dumps(config, ensure_ascii=False, default=str).encode() + code_fingerprint().encode(),
                          digest_size=16).hexdigest()
    try:
        stored = json.loads(read_cache(root, CONFIG_CACHE) or b"null")
        if stored["key"] == key and isinstance(stored["text"], str):
            return str(stored["text"])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    text = config_text(config)
    write_cache(root, CONFIG_CACHE, json.dumps({"key": key, "text": text}, ensure_ascii=False).encode())
    return text
