"""Reusing the previous output: a page is built again only when its Markdown changed.

Every build renders *all* Markdown pages afresh from the consent-filtered
records — the consent filter, lists, dashboards, deadlines and coach pages
are therefore always current, whatever depends on what. Only the expensive
step, Markdown → HTML with mkdocs, is skipped for a page whose Markdown is
byte-identical to the one its published HTML was made from.

A page's HTML depends on its own Markdown and on the engine: tool code and
templates, the theme and engine versions, the site's ``mkdocs.yml`` and the
set of pages (links to other pages are checked against it; the navigation
is fixed). All of that forms the *engine key*; when it differs, nothing is
reused. The manifest beside the published site (``.site-gen-seiten.json``)
holds the key and one hash per page; the Pagefind index is always rebuilt
from the whole site.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Mapping
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from ..records.cache import code_fingerprint
from ..render import TEMPLATES
from .internal_pages import STATIC

MANIFEST = ".site-gen-seiten.json"
"""Engine key and a hash of each page's Markdown (no ids or values in clear)."""
ENGINE_PACKAGES = ("mkdocs", "properdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2")


@cache
def _assets_fingerprint() -> str:
    """Templates (theme overrides included) and static assets of the internal site."""
    h = hashlib.blake2b(digest_size=16)
    for path in sorted([*(TEMPLATES / "internal").rglob("*"), *STATIC.rglob("*")]):
        if path.is_file():
            h.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def _versions() -> list[str]:
    found = []
    for name in ENGINE_PACKAGES:
        try:
            found.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            found.append(f"{name}=-")
    return found


def engine_key(config_file: Path, engine: str, pages: Mapping[str, str]) -> str:
    """Everything besides its own Markdown that a page's HTML depends on."""
    try:
        config = config_file.read_bytes()
    except OSError:
        config = b""
    parts = [code_fingerprint(), _assets_fingerprint(), engine, *_versions(), config.hex(), *sorted(pages)]
    return hashlib.blake2b("\0".join(parts).encode(), digest_size=16).hexdigest()


def _file_hash(path: Path) -> str:
    return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()


def reusable(out: Path, key: str, hashes: Mapping[str, str]) -> dict[str, str]:
    """Pages whose HTML in the published site ``out`` is still right: ``{page: hash of its HTML}``.

    A page qualifies when the engine key and its Markdown hash match the
    manifest and its HTML file is still the one that build wrote.
    """
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("key") != key or not isinstance(data.get("pages"), dict):
            return {}
        before: dict[str, object] = data["pages"]
    except (OSError, ValueError):
        return {}
    kept = {}
    for rel, h in hashes.items():
        entry = before.get(rel) if rel.endswith(".md") else None  # other files (calendar feeds) are copied anyway
        if not (isinstance(entry, list) and len(entry) == 2 and entry[0] == h):
            continue
        try:
            if _file_hash(out / html_path(rel)) == entry[1]:
                kept[rel] = entry[1]
        except OSError:
            continue
    return kept


def html_path(rel: str) -> str:
    """The HTML file mkdocs writes for a Markdown page (``use_directory_urls: false``)."""
    return rel[:-3] + ".html"


def take_over(out: Path, site: Path, pages: Mapping[str, str]) -> None:
    """Put the previous HTML of ``pages`` into the new ``site`` (hard links where possible).

    Called after mkdocs ran (it empties its output folder first); mkdocs
    never writes these pages in this build, so a link never lets the new
    build change a file of the published site.
    """
    for rel in pages:
        source, target = out / html_path(rel), site / html_path(rel)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, target)
        except OSError:
            shutil.copy2(source, target)


def write_manifest(site: Path, key: str, hashes: Mapping[str, str], kept: Mapping[str, str]) -> None:
    """Key, Markdown hash and HTML hash of every page of the new ``site``."""
    pages = {rel: [h, kept.get(rel) or _file_hash(site / html_path(rel))] for rel, h in sorted(hashes.items()) if rel.endswith(".md")}
    (site / MANIFEST).write_text(json.dumps({"key": key, "pages": pages}), encoding="utf-8")
